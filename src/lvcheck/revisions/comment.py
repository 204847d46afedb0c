"""A review as one pull-request comment (Markdown) or as JSON.

The comment: a title, a table with one row per changed file (what git says happened, the
agreement and version, what it was compared with, the result), then one section per
comparison, each the diff's own Markdown, and one per file that could not be read. GitHub
refuses a comment over 65,536 characters: the table comes first (capped itself for
thousands of files), and sections that no longer fit are left out with a note saying how
many and how to see all.

Names (paths, work and version ids) come from the pull request: they are written as code
spans wide enough for any backticks in them, with control characters escaped.
"""

from __future__ import annotations

import re
from typing import Any

from lvcheck import labels
from lvcheck.errors import Diagnostic
from lvcheck.rendering.diffparts import summary
from lvcheck.rendering.registry import render_diff
from lvcheck.revisions.model import Comparison, FileReview, FileStatus, Review, Version
from lvcheck.safe_text import escape_controls, json_text

LIMIT = 65_536  # characters GitHub accepts in one comment


def size(text: str) -> int:
    """What counts against LIMIT: UTF-8 bytes, never fewer than characters, so that the
    comment fits however GitHub counts."""
    return len(text.encode("utf-8", "surrogateescape"))


JSON_FORMAT_VERSION = 1
_BACKTICKS = re.compile(r"`+")


def code(text: str, in_table: bool = False) -> str:
    """``text`` as a Markdown code span that no backtick, line break or pipe in it breaks."""
    text = escape_controls(text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    span = f"{fence}{padded}{fence}"
    return span.replace("|", "\\|") if in_table else span


def _fenced(lines: list[str]) -> str:
    text = "\n".join(escape_controls(line) for line in lines)
    fence = "`" * max(3, max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    return f"{fence}\n{text}\n{fence}"


def _plain(text: str) -> str:
    """Words from a file as plain Markdown in a table cell: no markup of their own."""
    return re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", escape_controls(text))


def _agreement(version: Version | None) -> str:
    if version is None or not version.work:
        return labels.NONE
    return f"{code(version.work, True)}, {labels.VERSION} {code(version.version, True)}"


def _result(comparison: Comparison) -> str:
    counts = summary(comparison.result).counts
    if not counts:
        return labels.NO_CHANGES
    return ", ".join(f"{n} {labels.CHANGE_KINDS[kind]}" for kind, n in counts.items())


def _row(file: FileReview) -> str:
    status = labels.FILE_STATUSES[file.status]
    if file.status is FileStatus.RENAMED and file.old is not None:
        status += f" ({labels.RENAMED_FROM} {code(file.old.path, True)})"
    compared = [f"{labels.PAIRINGS[c.pairing]}: {code(c.old.path, True)}" for c in file.comparisons]
    results = [_result(c) for c in file.comparisons]
    if file.warnings:
        results.append(f"**{labels.REVIEW_WARNING}**: {file.warnings[0].code}")
    if file.declared:
        results.append("<br>".join(_plain(line) for line in file.declared))
    elif file.problems:
        results.append(f"**{labels.UNREADABLE}**: {file.problems[0].code}")
    elif file.new is None:
        results.append(labels.FILE_DELETED)
    elif not file.comparisons:
        results.append(labels.NO_EARLIER_VERSION)
    cells = (
        code(file.path, True),
        status,
        _agreement(file.new or file.old),
        "<br>".join(compared) or labels.NONE,
        "<br>".join(results),
    )
    return "| " + " | ".join(cells) + " |"


def _comparison_section(file: FileReview, comparison: Comparison) -> str:
    diff = render_diff(comparison.result, "markdown")
    # the diff's own heading goes one level below the file's
    diff = "#" + diff if diff.startswith("### ") else diff
    heading = f"### {code(file.path)}: {labels.FILE_STATUSES[file.status]}"
    compared = (
        f"{labels.COMPARED_WITH}: {labels.PAIRINGS[comparison.pairing]} {code(comparison.old.path)}"
    )
    return f"{heading}\n\n{compared}\n\n{diff.rstrip()}\n"


def _warning_section(file: FileReview) -> str:
    heading = f"### {code(file.path)}: {labels.REVIEW_WARNING}"
    return f"{heading}\n\n{_fenced([str(d) for d in file.warnings])}\n"


def _problem_section(file: FileReview) -> str:
    heading = f"### {code(file.path)}: {labels.UNREADABLE}"
    return f"{heading}\n\n{_fenced([str(d) for d in file.problems])}\n"


def _table(review: Review, room: int) -> list[str]:
    lines = [
        "| " + " | ".join(labels.REVIEW_COLUMNS) + " |",
        "|" + "---|" * len(labels.REVIEW_COLUMNS),
    ]
    used = sum(size(line) + 1 for line in lines)
    for shown, file in enumerate(review.files):
        row = _row(file)
        if used + size(row) + 1 > room:  # a blank line first: any other line extends a table
            lines += ["", labels.MORE_FILES.format(left=len(review.files) - shown)]
            break
        lines.append(row)
        used += size(row) + 1
    return lines


def markdown(review: Review) -> str:
    """The review as one pull-request comment of at most LIMIT characters."""
    base, head = review.base_commit[:12], review.head_commit[:12]
    title = f"## {labels.REVIEW_TITLE}: {code(review.base)} ({base}) → {code(review.head)} ({head})"
    if len(title) > 1000:  # a revision named at absurd length: the commits say enough
        title = f"## {labels.REVIEW_TITLE}: {base} → {head}"
    if not review.files:
        return f"{title}\n\n{labels.NO_AGREEMENT_CHANGED}\n"
    sections = [
        _comparison_section(file, comparison)
        for file in review.files
        for comparison in file.comparisons
    ]
    # a warning goes before the diffs: a comment too long for all keeps it
    sections = [_warning_section(file) for file in review.files if file.warnings] + sections
    sections += [_problem_section(file) for file in review.files if file.problems]

    def left_out(count: int) -> str:
        return labels.REVIEW_LEFT_OUT.format(left=count, base=base, head=head)

    room = LIMIT - size(left_out(len(sections))) - 2  # kept for the note, should it be needed
    text = "\n".join([title, "", *_table(review, room // 2)]) + "\n"
    left, used = 0, size(text)
    for section in sections:
        if used + 1 + size(section) > room:
            left += 1
        else:
            text += "\n" + section
            used += 1 + size(section)
    return text + (f"\n{left_out(left)}\n" if left else "")


# ---------------------------------------------------------------- json


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "message": d.message,
    }


def _version(version: Version | None) -> dict[str, str] | None:
    if version is None:
        return None
    return {
        "commit": version.commit,
        "path": version.path,
        "work": version.work,
        "version": version.version,
    }


def as_json(review: Review) -> str:
    """The review as versioned JSON; each comparison carries the diff's own JSON
    (docs/diff-json.md)."""
    import json

    document = {
        "format": "lvcheck-review",
        "version": JSON_FORMAT_VERSION,
        "base": {"revision": review.base, "commit": review.base_commit},
        "head": {"revision": review.head, "commit": review.head_commit},
        "files": [
            {
                "path": file.path,
                "status": file.status.value,
                "changed": file.changed,
                "new": _version(file.new),
                "old": _version(file.old),
                "comparisons": [
                    {
                        "pairing": c.pairing.value,
                        "with": _version(c.old),
                        "diff": json.loads(render_diff(c.result, "json")),
                    }
                    for c in file.comparisons
                ],
                "problems": [_diagnostic(d) for d in file.problems],
                "declared": list(file.declared),
                "warnings": [_diagnostic(d) for d in file.warnings],
            }
            for file in review.files
        ],
        "summary": {
            "files": len(review.files),
            "changed": sum(1 for file in review.files if file.changed),
            "problems": len(review.problems),
        },
    }
    return json_text(document)


def render(review: Review, output_format: str) -> str:
    """``markdown`` or ``json``."""
    return as_json(review) if output_format == "json" else markdown(review)
