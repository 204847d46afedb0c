"""The diff as a pull-request comment: a summary table, the header changes, then one
collapsible section per §, with deleted words struck and inserted words underlined.

GitHub caps a comment at 65,536 characters; beyond MAX_CHARACTERS the remaining sections
are left out, with a note that says how many and where to see all.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, ClauseChange, DiffResult, WordOp, worst
from lvcheck.labels import CHANGE_KINDS, SEVERITIES
from lvcheck.rendering.diffparts import (
    change_label,
    change_title,
    inline_words,
    subtree_text,
    summary,
    top_level,
)

MAX_CHARACTERS = 65_000


def _cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, no pipe or line break to break the table."""
    return escape(text).replace("|", "\\|").replace("\n", " ")


def _words(ops: tuple[WordOp, ...]) -> str:
    return inline_words(ops, lambda text, role: f"<{role}>{text}</{role}>", escape, gap="")


def _change(change: ClauseChange) -> list[str]:
    weight = SEVERITIES[change.severity]
    lines = [f"**{escape(change_title(change))}** — {change_label(change)} ({weight})", ""]
    if change.kind in (ChangeKind.INSERTED, ChangeKind.DELETED):
        tag = "ins" if change.kind == ChangeKind.INSERTED else "del"
        lines += [
            f"> <{tag}>{escape(f'{label} {text}'.strip())}</{tag}>"
            for label, text in subtree_text(change)
        ]
    else:
        if change.heading_words:
            lines.append(f"> {labels.HEADING}: {_words(change.heading_words)}")
        if change.rewritten and change.old and change.new:
            lines.append(f"> {labels.BEFORE}: <del>{escape(change.old.text)}</del>")
            lines.append(">")
            lines.append(f"> {labels.AFTER}: <ins>{escape(change.new.text)}</ins>")
        elif change.words:
            lines.append(f"> {_words(change.words)}")
    return [*lines, ""]


def _section(name: str, changes: list[ClauseChange]) -> str:
    weight = worst([c.severity for c in changes])
    count = f"{len(changes)} {labels.CHANGES if len(changes) > 1 else labels.CHANGE}"
    body = [line for change in changes for line in _change(change)]
    return "\n".join(
        [
            "<details>",
            f"<summary><b>{escape(name)}</b>: {count} ({SEVERITIES[weight]})</summary>",
            "",
            *body,
            "</details>",
            "",
        ]
    )


def render_diff_markdown(result: DiffResult) -> str:
    counts = summary(result)
    head = [
        f"### {labels.CONTRACT_COMPARISON}: `{result.old.label}` → `{result.new.label}`",
        "",
        f"{escape(result.old.work)} ({labels.VERSION} {escape(result.old.version)}) → "
        f"{escape(result.new.work)} ({labels.VERSION} {escape(result.new.version)})",
        "",
    ]
    if not counts.total:
        return "\n".join([*head, labels.NO_CHANGES]) + "\n"
    head += [f"| {labels.KIND_OF_CHANGE} | {labels.COUNT} |", "|---|---:|"]
    head += [f"| {CHANGE_KINDS[kind]} | {n} |" for kind, n in counts.counts.items()]
    head.append("")
    if result.metadata:
        columns = (labels.HEADER, labels.BEFORE, labels.AFTER, labels.WEIGHT)
        head += ["| " + " | ".join(columns) + " |", "|---|---|---|---|"]
        for meta in result.metadata:
            head.append(
                f"| {_cell(meta.label)} | {_cell(meta.old or labels.NONE)} | "
                f"{_cell(meta.new or labels.NONE)} | {SEVERITIES[meta.severity]} |"
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
                    f"<summary><b>{labels.RENUMBERED_ONLY}</b>: {len(runs)}</summary>",
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
            return text + f"\n*{labels.SECTIONS_LEFT_OUT.format(left=left)}*\n"
        text += "\n" + section
    return text
