"""A clause's history as text (the clause in each text, then its changed words) and JSON."""

from __future__ import annotations

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, WordOp
from lvcheck.rendering.diff_text import word_diff
from lvcheck.safe_text import escape_controls, json_text
from lvcheck.timeline.history import History, Stage

JSON_VERSION = 1


def _plain(text: str, role: str) -> str:
    return {"del": f"[-{text}-]", "ins": f"{{+{text}+}}"}.get(role, text)


def _stage_title(stage: Stage) -> str:
    since = f" ({labels.SINCE_DAY} {labels.german_date(stage.since)})" if stage.since else ""
    return f"{stage.label}{since} — {escape_controls(stage.path)}"


def _part_lines(stage: Stage, first: bool) -> list[str]:
    """The units under the clause: all of them where the clause is first shown, else those
    that changed, each with what happened ("eingefügt", "geändert", "gestrichen")."""
    lines = []
    for part in stage.parts:
        clause = part.clause
        kind = labels.CHANGE_KINDS[part.change] if part.change else ""
        if first:
            if clause.text:
                lines.append(f"  {clause.citation}: {clause.text}")
        elif part.change is ChangeKind.INSERTED:
            lines.append(f"  {clause.citation} ({kind}): {clause.text}")
        elif part.change is ChangeKind.MODIFIED:
            lines.append(f"  {clause.citation} ({kind}): {word_diff(part.words, _plain)}")
        elif part.change is ChangeKind.DELETED:
            lines.append(f"  {clause.citation} ({kind})")
    return lines


def render_history_text(history: History) -> str:
    lines = [labels.HISTORY_HEADER.format(clause=history.asked)]
    if not history.eid:
        return "\n".join([*lines, labels.HISTORY_NOT_FOUND]) + "\n"
    previous = None
    for stage in history.stages:
        lines += ["", _stage_title(stage)]
        clause = stage.clause
        parts = _part_lines(stage, previous is None) if clause is not None else []
        if clause is None:
            lines.append(f"  {labels.HISTORY_ABSENT}")
        elif previous is None:
            if clause.text or not parts:
                lines.append(f"  {clause.citation}: {clause.text or clause.heading}")
        elif stage.words:
            lines.append(f"  {clause.citation}: {word_diff(stage.words, _plain)}")
        elif not parts:
            lines.append(f"  {clause.citation}: {labels.UNCHANGED}")
        lines += parts
        previous = clause or previous
    return "\n".join(lines) + "\n"


def _words(words: tuple[WordOp, ...]) -> list[dict[str, str]]:
    return [{"op": op.op, "old": op.old, "new": op.new} for op in words if op.op != "equal"]


def render_history_json(history: History) -> str:
    document = {
        "format": "lvcheck-history",
        "version": JSON_VERSION,
        "clause": history.asked,
        "eId": history.eid or None,
        "stages": [
            {
                "label": stage.label,
                "path": stage.path,
                "since": stage.since.isoformat() if stage.since else None,
                "citation": stage.clause.citation if stage.clause else None,
                "text": stage.clause.text if stage.clause else None,
                "words": _words(stage.words),
                "units": [
                    {
                        "eId": part.eid,
                        "citation": part.clause.citation,
                        "change": part.change.value if part.change else None,
                        "text": part.clause.text,
                        "words": _words(part.words),
                    }
                    for part in stage.parts
                ],
            }
            for stage in history.stages
        ],
        "warnings": [str(d) for d in history.diagnostics],
    }
    return json_text(document)
