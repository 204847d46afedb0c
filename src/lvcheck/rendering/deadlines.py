"""Deadlines as text, JSON (docs/deadlines-json.md) and iCalendar (RFC 5545, written with the
`icalendar` library): stable UIDs, all-day events, reminders (VALARM) before each notice
deadline. RFC 5545 has no month durations, so "three months before" is an absolute trigger
computed after § 188 BGB (periods.add_months), at 09:00 on that day."""

from __future__ import annotations

import os
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from lvcheck import labels
from lvcheck.document.periods import add_months
from lvcheck.safe_text import escape_controls, json_text
from lvcheck.timeline.deadlines import Calendar, Deadline, DeadlineKind

JSON_VERSION = 1
DEFAULT_ALARMS = ("P3M", "P1M", "P1W")  # before each notice deadline


def day_note(deadline: Deadline) -> str:
    """ "Sonntag; verschiebt sich nicht" for notice, "Samstag; fällig am 02.10.2028 (§ 193
    BGB)" for a duty: what the day means for whoever must act."""
    if deadline.due is not None:
        due = labels.DUE_ON.format(date=labels.german_date(deadline.due))
        return f"{deadline.calendar_note}; {due}"
    if deadline.kind == DeadlineKind.NOTICE and deadline.act_by is not None:
        by = deadline.act_by
        weekday = labels.WEEKDAYS[by.weekday()]
        sure = labels.NOT_MOVED_SHORT.format(weekday=weekday, date=labels.german_date(by))
        return f"{deadline.calendar_note}; {sure}"
    return deadline.calendar_note


def render_deadlines_text(calendar: Calendar) -> str:
    """One line per deadline, grouped by month, as a contract manager reads a list."""
    start, end = labels.german_date(calendar.start), labels.german_date(calendar.end)
    lines = [labels.DEADLINES_HEADER.format(start=start, end=end)]
    if not calendar.deadlines:
        return "\n".join([*lines, labels.NO_DEADLINES.format(start=start, end=end)]) + "\n"
    month = None
    for deadline in calendar.deadlines:
        if (deadline.day.year, deadline.day.month) != month:
            month = (deadline.day.year, deadline.day.month)
            lines += ["", f"{labels.MONTH_NAMES[deadline.day.month - 1]} {deadline.day.year}"]
        weekday = labels.WEEKDAYS[deadline.day.weekday()][:2]
        note = f" [{day_note(deadline)}]" if deadline.calendar_note else ""
        marked = deadline.source.example and "BEISPIEL" not in deadline.source.title
        example = " (BEISPIEL)" if marked else ""
        lines.append(
            f"  {labels.german_date(deadline.day)} {weekday}  {deadline.summary}{note}\n"
            f"      {deadline.source.title}{example}, {deadline.citation} — "
            f"{escape_controls(deadline.source.path)}#{deadline.clause}"
        )
    return "\n".join(lines) + "\n"


def _entry(deadline: Deadline) -> dict[str, Any]:
    return {
        "date": deadline.day.isoformat(),
        "kind": str(deadline.kind),
        "summary": deadline.summary,
        "detail": deadline.detail,
        "calendar_note": deadline.calendar_note,
        "due": deadline.due.isoformat() if deadline.due else None,
        "uid": deadline.uid,
        "agreement": {
            "path": deadline.source.path,
            "work": deadline.source.work,
            "version": deadline.source.version,
            "title": deadline.source.title,
            "jurisdiction": deadline.source.jurisdiction,
            "example": deadline.source.example,
        },
        "clause": {"eId": deadline.clause, "citation": deadline.citation},
    }


def render_deadlines_json(calendar: Calendar) -> str:
    document = {
        "format": "lvcheck-deadlines",
        "version": JSON_VERSION,
        "from": calendar.start.isoformat(),
        "to": calendar.end.isoformat(),
        "deadlines": [_entry(d) for d in calendar.deadlines],
        "warnings": [str(d) for d in calendar.diagnostics],
    }
    return json_text(document)


def _stamp() -> datetime:
    """When the calendar was made: SOURCE_DATE_EPOCH where set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _alarm_day(deadline: Deadline, before: str) -> datetime | None:
    amount, unit = int(before[1:-1]), before[-1]
    if unit == "M":
        day = add_months(deadline.day, -amount)
    elif unit == "W":
        day = deadline.day - timedelta(weeks=amount)
    elif unit == "D":
        day = deadline.day - timedelta(days=amount)
    else:
        return None
    # RFC 5545 wants an absolute trigger in UTC: 09:00 in Germany on that day
    return datetime.combine(day, time(9, 0), ZoneInfo("Europe/Berlin")).astimezone(UTC)


def render_deadlines_ics(
    calendar: Calendar, alarms: tuple[str, ...] = DEFAULT_ALARMS, link_base: str = ""
) -> str:
    """The deadlines as an iCalendar file a calendar can subscribe to."""
    import icalendar

    ics = icalendar.Calendar()
    ics.add("prodid", "-//lvcheck//Fristen//DE")
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("x-wr-calname", labels.ICS_NAME)
    stamp = _stamp()
    for deadline in calendar.deadlines:
        event = icalendar.Event()
        event.add("uid", deadline.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.day)
        event.add("dtend", deadline.day + timedelta(days=1))
        note = f" ({deadline.calendar_note})" if deadline.calendar_note else ""
        event.add("summary", f"{deadline.summary}{note}: {deadline.source.title}")
        description = [
            deadline.detail,
            f"{deadline.citation}, {deadline.source.title}",
            escape_controls(deadline.source.path),
        ]
        if deadline.calendar_note and deadline.kind == DeadlineKind.NOTICE:
            description.append(labels.NOT_MOVED)
            if deadline.act_by is not None:
                by = deadline.act_by
                weekday = labels.WEEKDAYS[by.weekday()]
                description.append(
                    labels.NOT_MOVED_SHORT.format(weekday=weekday, date=labels.german_date(by))
                )
        if deadline.due is not None:
            description.append(labels.DUE_ON.format(date=labels.german_date(deadline.due)))
        event.add("description", "\n".join(description))
        event.add("categories", [labels.DEADLINE_KINDS[deadline.kind]])
        event.add("transp", "TRANSPARENT")
        if link_base:
            page = quote(deadline.source.path)
            event.add("url", f"{link_base.rstrip('/')}/{page}#{deadline.clause}")
        if deadline.kind == DeadlineKind.NOTICE:
            for before in alarms:
                trigger = _alarm_day(deadline, before)
                if trigger is None:
                    continue
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("trigger", trigger, parameters={"VALUE": "DATE-TIME"})
                alarm.add(
                    "description",
                    labels.ALARM.format(
                        summary=deadline.summary, day=labels.german_date(deadline.day)
                    ),
                )
                event.add_component(alarm)
        ics.add_component(event)
    data: bytes = ics.to_ical()
    return data.decode("utf-8")
