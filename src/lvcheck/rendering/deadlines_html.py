"""The site's page "Fristen": every deadline of the next twelve months, each linked to the
clause that sets it, and the calendar to subscribe to (fristen.ics, the same deadlines)."""

from __future__ import annotations

from lvcheck import labels
from lvcheck.rendering.deadlines import day_note
from lvcheck.rendering.htmlkit import new_page, serialize, sub, table, typeset
from lvcheck.timeline.deadlines import Calendar

COLUMNS = ("Datum", "Frist", "Vereinbarung", "Bestimmung", "Hinweis")


def render_deadlines_page(
    calendar: Calendar, pages: dict[str, str], calendar_file: str, index: str
) -> str:
    """The page; ``pages`` maps a source file to the link of its page from this one."""
    start, end = labels.german_date(calendar.start), labels.german_date(calendar.end)
    title = labels.DEADLINES_HEADER.format(start=start, end=end)
    html, body = new_page(title, "agreement", running_header=labels.DEADLINES_TITLE)
    header = sub(body, "header", class_="titelblock")
    nav = sub(header, "nav", class_="pfad", aria_label=labels.SITE_NAVIGATION)
    sub(nav, "a", f"← {labels.ALL_AGREEMENTS}", href=index)
    sub(header, "h1", labels.DEADLINES_TITLE)
    sub(header, "p", title)
    subscribe = sub(header, "p")
    sub(subscribe, "a", labels.SUBSCRIBE, href=calendar_file, type="text/calendar")
    main = sub(body, "main", id="inhalt")
    if not calendar.deadlines:
        sub(main, "p", labels.NO_DEADLINES.format(start=start, end=end))
        return serialize(html)
    rows = table(main, COLUMNS, labels.DEADLINES_TITLE, class_="fristen")
    for deadline in calendar.deadlines:
        row = sub(rows, "tr", id=deadline.uid.removesuffix("@lvcheck").replace(".", "-"))
        weekday = labels.WEEKDAYS[deadline.day.weekday()]
        cells = [sub(row, "td", data_label=column) for column in COLUMNS]  # a card on a phone
        date_cell, what, agreement, clause, note = cells
        date_cell.text = f"{labels.german_date(deadline.day)} ({weekday})"
        what.text = typeset(deadline.summary)
        page = pages.get(deadline.source.path)
        if page is not None:
            sub(agreement, "a", deadline.source.title, href=page)
        else:
            agreement.text = deadline.source.title
        if page is not None:
            sub(clause, "a", typeset(deadline.citation), href=f"{page}#{deadline.clause}")
        else:
            clause.text = typeset(deadline.citation)
        note.text = day_note(deadline)
    return serialize(html)
