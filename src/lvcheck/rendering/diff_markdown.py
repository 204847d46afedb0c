"""The diff as a pull-request comment: a summary table, the header changes, then one
collapsible section per §, with deleted words struck and inserted words underlined.

Contract text never becomes markup: where Markdown is read, every character that can
start a link, an image, emphasis, code, a heading, a list, a table cell, math or an
autolink is escaped (``_md``); inside HTML blocks (``<summary>``), where Markdown is not
read, HTML escaping is enough. File names stand in code spans fenced longer than any
run of backticks they contain.

GitHub caps a comment at 65,536 characters; beyond MAX_CHARACTERS the remaining sections
are left out, with a note that says how many and where to see all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, ClauseChange, DiffResult, WordOp, worst
from lvcheck.labels import CHANGE_KINDS, SEVERITIES
from lvcheck.rendering.diffparts import (
    change_label,
    change_title,
    eid_run_line,
    inline_words,
    subtree_text,
    summary,
    top_level,
)

MAX_CHARACTERS = 65_000

# Marks that make Markdown (as GitHub reads it) anywhere in a line: a backslash makes
# them literal. & < > become entities (a backslash would show before an entity). After @
# and # an empty HTML comment splits the text, so that GitHub links no mention (@name),
# e-mail address or issue (#12); GitHub drops the comment.
_MARKDOWN = str.maketrans(
    {mark: "\\" + mark for mark in "\\`*_{}[]!|~$^"}
    | {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "@<!-- -->", "#": "#<!-- -->"}
    | {"\n": " ", "\r": " "}
)
_AUTOLINK = re.compile(r"(?i)(https?|ftp|www)([:.])")  # https://…, www.… become links
_LINE_START = re.compile(r"^(\d*)([-+=.)])")  # "- ", "1. ", "===": a list, a rule, a heading


def _md(text: str) -> str:
    """Contract text where Markdown is read: nothing in it becomes markup."""
    return _AUTOLINK.sub(r"\1\\\2", text.translate(_MARKDOWN))


def _starting(markdown: str) -> str:
    """Escaped text that begins a line (or a list item): no list, rule, heading or code
    block (which four leading spaces would make)."""
    return _LINE_START.sub(r"\1\\\2", markdown.lstrip())


def _code(text: str) -> str:
    """A code span that holds any text (a file name), however many backticks it has."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace(chr(10), ' ')}{pad}{fence}"


def _words(ops: tuple[WordOp, ...]) -> str:
    return inline_words(ops, lambda text, role: f"<{role}>{text}</{role}>", _md, gap="")


def _change(change: ClauseChange) -> list[str]:
    weight = SEVERITIES[change.severity]
    lines = [f"**{_md(change_title(change))}** — {change_label(change)} ({weight})", ""]
    if change.kind in (ChangeKind.INSERTED, ChangeKind.DELETED):
        tag = "ins" if change.kind == ChangeKind.INSERTED else "del"
        lines += [
            f"> <{tag}>{_md(f'{label} {text}'.strip())}</{tag}>"
            for label, text in subtree_text(change)
        ]
    else:
        if change.heading_words:
            lines.append(f"> {labels.HEADING}: {_words(change.heading_words)}")
        if change.rewritten and change.old and change.new:
            lines.append(f"> {labels.BEFORE}: <del>{_md(change.old.text)}</del>")
            lines.append(">")
            lines.append(f"> {labels.AFTER}: <ins>{_md(change.new.text)}</ins>")
        elif change.words:
            lines.append(f"> {_starting(_words(change.words))}")
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


def _collapsed(title: str, items: list[str]) -> str:
    """A collapsible list: ``title`` is HTML (escaped by the caller), ``items`` Markdown."""
    return "\n".join(
        [
            "<details>",
            f"<summary><b>{title}</b>: {len(items)}</summary>",
            "",
            *items,
            "",
            "</details>",
            "",
        ]
    )


def render_diff_markdown(result: DiffResult) -> str:
    counts = summary(result)
    head = [
        f"### {labels.CONTRACT_COMPARISON}: {_code(result.old.label)} → {_code(result.new.label)}",
        "",
        f"{_md(result.old.work)} ({labels.VERSION} {_md(result.old.version)}) → "
        f"{_md(result.new.work)} ({labels.VERSION} {_md(result.new.version)})",
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
                f"| {_md(meta.label)} | {_md(meta.old or labels.NONE)} | "
                f"{_md(meta.new or labels.NONE)} | {SEVERITIES[meta.severity]} |"
            )
        head.append("")
    grouped: dict[str, list[ClauseChange]] = defaultdict(list)
    for change in result.changes:
        grouped[top_level(change)].append(change)
    sections = [_section(name, changes) for name, changes in grouped.items()]
    if result.renumbered:
        runs = [
            f"- {_starting(_md(run.old_label))} → {_md(run.new_label)}" for run in result.renumbered
        ]
        sections.append(_collapsed(escape(labels.RENUMBERED_ONLY), runs))
    if result.eid_changed:
        runs = [
            f"- {_starting(_md(eid_run_line(run)))} ({SEVERITIES[run.severity]})"
            for run in result.eid_changed
        ]
        sections.append(_collapsed(escape(labels.EID_CHANGED_TITLE), runs))
    text = "\n".join(head)
    for shown, section in enumerate(sections):
        if len(text) + len(section) > MAX_CHARACTERS - 300:
            left = len(sections) - shown
            return text + f"\n*{labels.SECTIONS_LEFT_OUT.format(left=left)}*\n"
        text += "\n" + section
    return text
