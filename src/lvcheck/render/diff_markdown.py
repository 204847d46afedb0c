"""The diff as a pull-request comment: a summary table, the header changes, then one
collapsible section per §, with deleted words struck and inserted words underlined.

GitHub caps a comment at 65,536 characters; beyond MAX_CHARACTERS the remaining sections
are left out, with a note that says how many and where to see all.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from lvcheck.changes import ClauseChange, DiffResult, WordOp
from lvcheck.render.diffparts import (
    KIND_LABELS,
    SEVERITY_LABELS,
    change_label,
    change_title,
    inline_words,
    subtree_text,
    summary,
    top_level,
)
from lvcheck.words import levels

MAX_CHARACTERS = 65_000


def _cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, no pipe or line break to break the table."""
    return escape(text).replace("|", "\\|").replace("\n", " ")


def _words(ops: tuple[WordOp, ...]) -> str:
    return inline_words(ops, lambda text, role: f"<{role}>{text}</{role}>", escape, gap="")


def _change(change: ClauseChange) -> list[str]:
    weight = SEVERITY_LABELS[change.severity]
    lines = [f"**{escape(change_title(change))}** — {change_label(change)} ({weight})", ""]
    if change.kind in ("inserted", "deleted"):
        tag = "ins" if change.kind == "inserted" else "del"
        lines += [
            f"> <{tag}>{escape(f'{label} {text}'.strip())}</{tag}>"
            for label, text in subtree_text(change)
        ]
    else:
        if change.heading_words:
            lines.append(f"> Überschrift: {_words(change.heading_words)}")
        if change.rewritten and change.old and change.new:
            lines.append(f"> bisher: <del>{escape(change.old.text)}</del>")
            lines.append(">")
            lines.append(f"> neu: <ins>{escape(change.new.text)}</ins>")
        elif change.words:
            lines.append(f"> {_words(change.words)}")
    return [*lines, ""]


def _section(name: str, changes: list[ClauseChange]) -> str:
    worst = max((c.severity for c in changes), key=levels().index)
    count = f"{len(changes)} Änderung{'en' if len(changes) > 1 else ''}"
    body = [line for change in changes for line in _change(change)]
    return "\n".join(
        [
            "<details>",
            f"<summary><b>{escape(name)}</b>: {count} ({SEVERITY_LABELS[worst]})</summary>",
            "",
            *body,
            "</details>",
            "",
        ]
    )


def render_diff_markdown(result: DiffResult) -> str:
    counts = summary(result)
    head = [
        f"### Vertragsvergleich: `{result.old.label}` → `{result.new.label}`",
        "",
        f"{escape(result.old.work)} (Fassung {escape(result.old.version)}) → "
        f"{escape(result.new.work)} (Fassung {escape(result.new.version)})",
        "",
    ]
    if not counts.total:
        return "\n".join([*head, "Keine Änderungen."]) + "\n"
    head += ["| Art der Änderung | Anzahl |", "|---|---:|"]
    head += [f"| {KIND_LABELS[kind]} | {n} |" for kind, n in counts.counts.items()]
    head.append("")
    if result.metadata:
        head += ["| Kopfdaten | bisher | neu | Gewicht |", "|---|---|---|---|"]
        for meta in result.metadata:
            head.append(
                f"| {_cell(meta.label)} | {_cell(meta.old or '—')} | "
                f"{_cell(meta.new or '—')} | {SEVERITY_LABELS[meta.severity]} |"
            )
        head.append("")
    grouped: dict[str, list[ClauseChange]] = defaultdict(list)
    for change in result.changes:
        grouped[top_level(change)].append(change)
    sections = [_section(name, changes) for name, changes in grouped.items()]
    if result.renumbered:
        runs = [f"- {escape(run.old_label)} → {escape(run.new_label)}" for run in result.renumbered]
        sections.append(
            "\n".join(
                [
                    "<details>",
                    f"<summary><b>Umnummeriert, Wortlaut unverändert</b>: {len(runs)}</summary>",
                    "",
                    *runs,
                    "",
                    "</details>",
                    "",
                ]
            )
        )
    text = "\n".join(head)
    for shown, section in enumerate(sections):
        if len(text) + len(section) > MAX_CHARACTERS - 300:
            left = len(sections) - shown
            return text + (
                f"\n*{left} weitere Abschnitt(e) ausgelassen, weil der Kommentar sonst zu lang "
                "würde. Vollständig: `lvcheck diff --format html`.*\n"
            )
        text += "\n" + section
    return text
