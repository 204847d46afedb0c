"""One registry of every output lvcheck writes, chosen by what is rendered and a format
name. Renderers are imported only when chosen, so a command pays for its own output only;
an unknown format is an error (LV001), never a silent fallback."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from lvcheck.errors import LvcheckError

Renderer = Callable[..., str | bytes]


def _agreement_text(agreement: Any, **_: Any) -> str:
    from lvcheck.rendering.text import render_text

    return render_text(agreement)


def _agreement_html(agreement: Any, source_label: str = "", **_: Any) -> str:
    from lvcheck.rendering.html import render_html

    return render_html(agreement, source_label)


def _agreement_pdf(agreement: Any, source_label: str = "", **_: Any) -> bytes:
    from lvcheck.rendering.pdf import render_pdf

    return render_pdf(agreement, source_label)


def _agreement_docx(agreement: Any, source_label: str = "", **_: Any) -> bytes:
    from lvcheck.rendering.docx.export import render_docx

    return render_docx(agreement, source_label)


def _diff_docx(result: Any, synopsis: bool = False, author: str = "lvcheck", **_: Any) -> bytes:
    from lvcheck.rendering.docx.redline import render_redline

    return render_redline(result, synopsis=synopsis, author=author)


def _diff_pdf(result: Any, **_: Any) -> bytes:
    from lvcheck.rendering.pdf import render_diff_pdf

    return render_diff_pdf(result)


def _diff_text(result: Any, color: bool = False, **_: Any) -> str:
    from lvcheck.rendering.diff_text import render_diff_text

    return render_diff_text(result, color=color)


def _diff_markdown(result: Any, **_: Any) -> str:
    from lvcheck.rendering.diff_markdown import render_diff_markdown

    return render_diff_markdown(result)


def _diff_json(result: Any, **_: Any) -> str:
    from lvcheck.rendering.diff_json import render_diff_json

    return render_diff_json(result)


def _diff_html(result: Any, **_: Any) -> str:
    from lvcheck.rendering.diff_html import render_diff_html

    return render_diff_html(result)


def _deadlines_text(calendar: Any, **_: Any) -> str:
    from lvcheck.rendering.deadlines import render_deadlines_text

    return render_deadlines_text(calendar)


def _deadlines_json(calendar: Any, **_: Any) -> str:
    from lvcheck.rendering.deadlines import render_deadlines_json

    return render_deadlines_json(calendar)


def _deadlines_ics(
    calendar: Any, alarms: tuple[str, ...] | None = None, link_base: str = "", **_: Any
) -> str:
    from lvcheck.rendering.deadlines import DEFAULT_ALARMS, render_deadlines_ics

    return render_deadlines_ics(calendar, alarms or DEFAULT_ALARMS, link_base)


def _status_text(report: Any, **_: Any) -> str:
    from lvcheck.rendering.status import render_status_text

    return render_status_text(report)


def _status_json(report: Any, **_: Any) -> str:
    from lvcheck.rendering.status import render_status_json

    return render_status_json(report)


def _history_text(history: Any, **_: Any) -> str:
    from lvcheck.rendering.history import render_history_text

    return render_history_text(history)


def _history_json(history: Any, **_: Any) -> str:
    from lvcheck.rendering.history import render_history_json

    return render_history_json(history)


def _findings(name: str) -> Renderer:
    def render(files: Any, strict: bool = False, **_: Any) -> str:
        from lvcheck.rendering import findings

        return findings.render(files, name, strict)

    return render


RENDERERS: dict[str, dict[str, Renderer]] = {
    "agreement": {
        "text": _agreement_text,
        "html": _agreement_html,
        "pdf": _agreement_pdf,
        "docx": _agreement_docx,
    },
    "diff": {
        "text": _diff_text,
        "markdown": _diff_markdown,
        "json": _diff_json,
        "html": _diff_html,
        "docx": _diff_docx,
        "pdf": _diff_pdf,
    },
    "findings": {name: _findings(name) for name in ("text", "json", "github", "sarif", "junit")},
    "deadlines": {"text": _deadlines_text, "json": _deadlines_json, "ics": _deadlines_ics},
    "status": {"text": _status_text, "json": _status_json},
    "history": {"text": _history_text, "json": _history_json},
}


def formats(subject: str) -> tuple[str, ...]:
    """The format names for ``subject`` ("agreement", "diff" or "findings")."""
    return tuple(RENDERERS[subject])


# By the qualified name of the type, so that rendering findings never imports the model.
_SUBJECTS = {
    "lvcheck.document.model.Agreement": "agreement",
    "lvcheck.comparison.changes.DiffResult": "diff",
    "lvcheck.timeline.deadlines.Calendar": "deadlines",
    "lvcheck.timeline.status.StatusReport": "status",
    "lvcheck.timeline.history.History": "history",
}


def _subject_of(thing: object) -> str:
    if isinstance(thing, Sequence) and not isinstance(thing, str):
        return "findings"  # the checked files of a validation
    subject = _SUBJECTS.get(f"{type(thing).__module__}.{type(thing).__qualname__}")
    if subject is None:
        raise LvcheckError.usage(f"cannot render a {type(thing).__name__}")
    return subject


def render(thing: object, output_format: str, **options: Any) -> str | bytes:
    """``thing`` (an Agreement, a DiffResult, a list of CheckedFile, a deadline Calendar or
    a StatusReport) in a format.

    Options: ``color`` (diff text), ``strict`` (findings), ``source_label`` (agreement
    html and pdf), ``alarms`` and ``link_base`` (deadlines as ics), ``synopsis`` and
    ``author`` (diff docx). PDF and docx are bytes, everything else text. Raises
    LvcheckError (LV001) for an unknown format.
    """
    subject = _subject_of(thing)
    renderer = RENDERERS[subject].get(output_format)
    if renderer is None:
        known = ", ".join(RENDERERS[subject])
        raise LvcheckError.usage(
            f"unknown format {output_format!r} for a {subject}; expected one of {known}"
        )
    return renderer(thing, **options)


def render_diff(result: Any, output_format: str, color: bool = False) -> str:
    """A diff as text in one of its formats (see render)."""
    text = render(result, output_format, color=color)
    assert isinstance(text, str)
    return text


__all__ = ["RENDERERS", "formats", "render", "render_diff"]
