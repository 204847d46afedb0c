"""The state of the agreements on a date, as text for a contract manager and as JSON
(docs/deadlines-json.md describes both shapes)."""

from __future__ import annotations

from typing import Any

from lvcheck import labels
from lvcheck.safe_text import escape_controls, json_text
from lvcheck.timeline.status import (
    AmendmentState,
    Attention,
    Due,
    NextNotice,
    Pending,
    StatusReport,
    VersionState,
)

JSON_VERSION = 1


def version_name(key: tuple[str, str]) -> str:
    """ "lvr-ihl-mustervertrag, Fassung beispiel-1": a version as the status names it."""
    work, version = key
    return f"{work}, {labels.VERSION} {version}"


def pending_text(pending: Pending) -> str:
    """What will replace a version, and under which clause; for a template, that its
    successor has been adopted."""
    if pending.adopted is not None:
        since = pending.adopted.since
        return labels.SUCCESSOR_ADOPTED.format(
            work=pending.successor,
            since=f" {labels.SINCE_THE} {labels.german_date(since)}" if since else "",
            version=pending.adopted.version,
            cited=f"; {pending.citation}" if pending.citation else "",
        )
    note = labels.PENDING_ON_CONCLUSION if pending.upon == "conclusion" else labels.PENDING
    where = f" ({pending.citation})" if pending.citation else ""
    return note.format(work=pending.successor, where=where)


def attention_texts(attention: Attention) -> list[str]:
    """What stands out, as the lines marked with "!"."""
    notes = []
    if attention.gap is not None:
        gap = attention.gap
        according = (
            labels.BY_THE_WORDS_OF.format(citation=gap.citation)
            if gap.citation
            else labels.BY_THE_HEADER
        )
        notes.append(
            labels.GAP.format(
                name=version_name(gap.successor),
                day=labels.german_date(gap.concluded),
                start=labels.german_date(gap.starts),
                according=according,
            )
        )
    if attention.beyond_calendar:
        notes.append(labels.BEYOND_CALENDAR)
    if attention.draft_past_start is not None:
        start = labels.german_date(attention.draft_past_start)
        notes.append(labels.DRAFT_PAST_START.format(start=start))
    if attention.stored_differs is not None:
        stored = labels.STATUS.get(attention.stored_differs, attention.stored_differs)
        notes.append(labels.STORED_DIFFERS.format(stored=stored))
    return notes


def amendment_text(amendment: AmendmentState) -> str:
    """ "geändert durch Nachtrag Nr. 1 …, in Kraft seit 01.08.2025", or pending."""
    words = labels.AMENDED_SINCE if amendment.in_force else labels.AMENDED_FROM
    return words.format(title=amendment.title, day=labels.german_date(amendment.start))


def next_notice_text(notice: NextNotice | None) -> str:
    if notice is None:
        return ""
    return labels.NEXT_NOTICE.format(
        end=labels.german_date(notice.end),
        day=labels.german_date(notice.day),
        citation=notice.citation,
    )


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
        words += f", {labels.REPLACED_BY_WORK.format(work=version_name(standing.replaced_by))}"
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
            notes = (
                *(line for notice in state.notices for line in notice.lines()),
                *map(amendment_text, state.amendments),
                *map(pending_text, state.pending),
            )
            lines += [f"    {n}" for n in (*notes, next_notice_text(state.next_notice)) if n]
            attention = (*attention_texts(state.attention), *map(due_text, state.due))
            lines += [f"    ! {note}" for note in attention]
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
        "replaced_by": version_name(standing.replaced_by) if standing.replaced_by else None,
        "pending": [pending_text(p) for p in state.pending],
        "amendments": [amendment_text(a) for a in state.amendments],
        "notices": [
            {
                "path": notice.path,
                "received": notice.received.isoformat() if notice.received else None,
                "reaches": notice.reaches.isoformat() if notice.reaches else None,
                "effective": notice.effective,
                "text": " ".join(notice.lines()),
            }
            for notice in state.notices
        ],
        "attention": attention_texts(state.attention),
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
        "next_notice": next_notice_text(state.next_notice) or None,
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
