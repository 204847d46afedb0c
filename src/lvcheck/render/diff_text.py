"""The diff for a terminal: German, one block per change; deleted words as [-…-] and
inserted words as {+…+} (as git's word diff does), or in red and green on a colour terminal."""

from __future__ import annotations

from collections.abc import Callable

from lvcheck.changes import ClauseChange, DiffResult, WordOp
from lvcheck.render.diffparts import (
    KIND_LABELS,
    SEVERITY_LABELS,
    change_label,
    change_title,
    inline_words,
    subtree_text,
    summary,
)

Style = Callable[[str, str], str]  # (text, role) -> text; roles: del, ins, title, dim


def _plain(text: str, role: str) -> str:
    if role == "del":
        return f"[-{text}-]"
    if role == "ins":
        return f"{{+{text}+}}"
    return text


def ansi(text: str, role: str) -> str:
    """Colours for a terminal: deleted red and struck through, inserted green."""
    codes = {"del": "\033[31;9m", "ins": "\033[32m", "title": "\033[1m", "dim": "\033[2m"}
    return f"{codes[role]}{text}\033[0m" if role in codes else text


def word_diff(ops: tuple[WordOp, ...], style: Style) -> str:
    return inline_words(ops, style)


def _change(change: ClauseChange, style: Style) -> list[str]:
    weight = SEVERITY_LABELS[change.severity]
    lines = [style(f"{change_title(change)} — {change_label(change)} [{weight}]", "title")]
    if change.kind in ("inserted", "deleted"):
        sign, role = ("+", "ins") if change.kind == "inserted" else ("-", "del")
        for label, text in subtree_text(change):
            lines.append(f"  {sign} " + style(f"{label} {text}".strip(), role))
        return lines
    if change.heading_words:
        lines.append("  Überschrift: " + word_diff(change.heading_words, style))
    if change.rewritten and change.old and change.new:
        lines.append("  bisher: " + style(change.old.text, "del"))
        lines.append("  neu:    " + style(change.new.text, "ins"))
    elif change.words:
        lines.append("  " + word_diff(change.words, style))
    return lines


LONGEST_VALUE = 100  # a terminal line; json and html show header values whole


def _short(value: str | None) -> str:
    if value is None:
        return "—"
    return value if len(value) <= LONGEST_VALUE else value[: LONGEST_VALUE - 1].rstrip() + "…"


def render_diff_text(result: DiffResult, color: bool = False) -> str:
    style: Style = ansi if color else _plain
    counts = summary(result)
    lines = [
        f"Vergleich: {result.old.label} ({result.old.work}, Fassung {result.old.version})",
        f"      mit: {result.new.label} ({result.new.work}, Fassung {result.new.version})",
    ]
    if not counts.total:
        return "\n".join([*lines, "Keine Änderungen."]) + "\n"
    lines.append(", ".join(f"{n} {KIND_LABELS[kind]}" for kind, n in counts.counts.items()))
    if result.metadata:
        lines += ["", style("Kopfdaten", "title")]
        for meta in result.metadata:
            before, after = _short(meta.old), _short(meta.new)
            lines.append(f"  {meta.label}: {before} → {after} [{SEVERITY_LABELS[meta.severity]}]")
    for change in result.changes:
        lines += ["", *_change(change, style)]
    if result.renumbered:
        lines += ["", style("Umnummeriert, Wortlaut unverändert", "title")]
        lines += [f"  {run.old_label} → {run.new_label}" for run in result.renumbered]
    return "\n".join(lines) + "\n"
