"""The state of the agreements on a date, as text for a contract manager and as JSON
(docs/deadlines-json.md describes both shapes)."""

from __future__ import annotations

from typing import Any

from lvcheck import labels
from lvcheck.safe_text import escape_controls, json_text
from lvcheck.timeline.status import Due, StatusReport, VersionState

JSON_VERSION = 1


def _state(state: VersionState) -> str:
    standing = state.standing
    words = labels.status_text(state.life.kind, standing.status)
    if standing.since:
        words += f" {labels.SINCE} {labels.german_date(standing.since)}"
    if standing.until:
        words += f" {labels.UNTIL} {labels.german_date(standing.until)}"
    elif standing.status == "inForce" and state.life.indefinite:
        words += f", {labels.INDEFINITE}"
    if standing.term:
        words += f" ({labels.RENEWAL_TERM.format(term=standing.term)})"
    if standing.replaced_by:
        words += f", {labels.REPLACED_BY_WORK.format(work=standing.replaced_by)}"
    return words


def due_since(due: Due) -> str:
    """ "01.06.2026", the day the successor was adopted, or that its version has no date."""
    return labels.german_date(due.since) if due.since else labels.DATE_MISSING


def due_text(due: Due) -> str:
    """The note on a duty fallen due, quoting the sentence of the clause that sets it."""
    words = {
        "duty": due.duty,
        "when": due.when,
        "work": due.successor,
        "version": due.version,
        "citation": due.citation,
        "words": due.words,
    }
    if due.since is None:
        return labels.DUE_ON_SUCCESSOR_UNDATED.format(missing=labels.DATE_MISSING, **words)
    return labels.DUE_ON_SUCCESSOR.format(since=labels.german_date(due.since), **words)


def render_status_text(report: StatusReport) -> str:
    lines = [labels.STATUS_HEADER.format(day=labels.german_date(report.day))]
    for work in report.works:
        lines += ["", work.title]
        instances = [v for v in work.versions if v.life.kind == "instance"]
        if instances and work.in_force is None and not work.replaced:
            lines.append(f"  ! {labels.NO_VERSION_IN_FORCE}")
        for state in work.versions:
            where = escape_controls(state.path)
            lines.append(f"  {labels.VERSION} {state.version}: {_state(state)} — {where}")
            notes = (*state.amendments, *state.pending)
            lines += [f"    {note}" for note in (*notes, state.next_notice) if note]
            lines += [f"    ! {note}" for note in (*state.attention, *map(due_text, state.due))]
    return "\n".join(lines) + "\n"


def _version(state: VersionState) -> dict[str, Any]:
    standing = state.standing
    return {
        "path": state.path,
        "version": state.version,
        "kind": state.life.kind,
        "example": state.example,
        "stored_status": state.life.stored,
        "status": str(standing.status),
        "since": standing.since.isoformat() if standing.since else None,
        "until": standing.until.isoformat() if standing.until else None,
        "renewal_term": standing.term,
        "replaced_by": standing.replaced_by,
        "pending": list(state.pending),
        "amendments": list(state.amendments),
        "attention": list(state.attention),
        "due": [
            {
                "duty": due.duty,
                "when": due.when,
                "since": due.since.isoformat() if due.since else None,
                "clause": due.clause,
                "citation": due.citation,
                "words": due.words,
                "successor": {"work": due.successor, "version": due.version},
                "text": due_text(due),
            }
            for due in state.due
        ],
        "next_notice": state.next_notice or None,
    }


def render_status_json(report: StatusReport) -> str:
    document = {
        "format": "lvcheck-status",
        "version": JSON_VERSION,
        "date": report.day.isoformat(),
        "agreements": [
            {
                "work": work.work,
                "title": work.title,
                "in_force": work.in_force.version if work.in_force else None,
                "replaced": work.replaced,
                "versions": [_version(state) for state in work.versions],
            }
            for work in report.works
        ],
        "warnings": [str(d) for d in report.diagnostics],
    }
    return json_text(document)
