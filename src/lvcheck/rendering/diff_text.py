"""The diff for a terminal: German, one block per change; deleted words as [-…-] and
inserted words as {+…+} (as git's word diff does), or in red and green on a colour terminal."""

from __future__ import annotations

from collections.abc import Callable

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, ClauseChange, DiffResult, WordOp
from lvcheck.labels import CHANGE_KINDS, SEVERITIES
from lvcheck.rendering.diffparts import (
    change_label,
    change_title,
    eid_run_line,
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
    weight = SEVERITIES[change.severity]
    lines = [style(f"{change_title(change)} — {change_label(change)} [{weight}]", "title")]
    if change.kind in (ChangeKind.INSERTED, ChangeKind.DELETED):
        sign, role = ("+", "ins") if change.kind == ChangeKind.INSERTED else ("-", "del")
        for label, text in subtree_text(change):
            lines.append(f"  {sign} " + style(f"{label} {text}".strip(), role))
        return lines
    if change.heading_words:
        lines.append(f"  {labels.HEADING}: " + word_diff(change.heading_words, style))
    if change.rewritten and change.old and change.new:
        before, after = f"{labels.BEFORE}:", f"{labels.AFTER}:"
        width = max(len(before), len(after)) + 1
        lines.append("  " + before.ljust(width) + style(change.old.text, "del"))
        lines.append("  " + after.ljust(width) + style(change.new.text, "ins"))
    elif change.words:
        lines.append("  " + word_diff(change.words, style))
    return lines


LONGEST_VALUE = 100  # a terminal line; json and html show header values whole


def _short(value: str | None) -> str:
    if value is None:
        return labels.NONE
    return value if len(value) <= LONGEST_VALUE else value[: LONGEST_VALUE - 1].rstrip() + "…"


def render_diff_text(result: DiffResult, color: bool = False) -> str:
    style: Style = ansi if color else _plain
    counts = summary(result)
    lines = [
        f"{labels.COMPARISON}: {result.old.label} "
        f"({result.old.work}, {labels.VERSION} {result.old.version})",
        f"{labels.COMPARISON_WITH:>{len(labels.COMPARISON)}}: {result.new.label} "
        f"({result.new.work}, {labels.VERSION} {result.new.version})",
    ]
    if not counts.total:
        return "\n".join([*lines, labels.NO_CHANGES]) + "\n"
    lines.append(", ".join(f"{n} {CHANGE_KINDS[kind]}" for kind, n in counts.counts.items()))
    if result.metadata:
        lines += ["", style(labels.HEADER, "title")]
        for meta in result.metadata:
            before, after = _short(meta.old), _short(meta.new)
            lines.append(f"  {meta.label}: {before} → {after} [{SEVERITIES[meta.severity]}]")
    for change in result.changes:
        lines += ["", *_change(change, style)]
    if result.renumbered:
        lines += ["", style(labels.RENUMBERED_ONLY, "title")]
        lines += [f"  {run.old_label} → {run.new_label}" for run in result.renumbered]
    if result.eid_changed:
        lines += ["", style(labels.EID_CHANGED_TITLE, "title")]
        lines += [
            f"  {eid_run_line(run)} [{SEVERITIES[run.severity]}]" for run in result.eid_changed
        ]
    return "\n".join(lines) + "\n"
