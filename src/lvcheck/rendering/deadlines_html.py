"""The site's page "Fristen": the duties already due (the Mustervertrag to conclude, NRW
§ 14 Abs. 4), every deadline of the next twelve months, each linked to the clause that sets
it, and the calendar to subscribe to (fristen.ics, the same deadlines)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from lvcheck import labels
from lvcheck.rendering.deadlines import day_note
from lvcheck.rendering.htmlkit import new_page, running_text, serialize, sub, table, typeset
from lvcheck.rendering.status import due_since
from lvcheck.timeline.deadlines import Calendar
from lvcheck.timeline.status import Due

COLUMNS = labels.DEADLINE_COLUMNS


def _linked(cell: etree._Element, text: str, page: str | None, anchor: str = "") -> None:
    if page is None:
        cell.text = text
    else:
        sub(cell, "a", text, href=f"{page}{anchor}")


def _already_due(
    main: etree._Element, due: Sequence[tuple[str, str, Due]], pages: dict[str, str]
) -> None:
    """The duties due on the page's first day and, by what the files say, not yet done: they
    have no day of their own, so they stand above the deadlines, not among them."""
    sub(main, "h2", labels.OUTSTANDING)
    rows = table(main, labels.DUE_COLUMNS, labels.OUTSTANDING, class_="fristen")
    for path, title, duty in due:
        row = sub(rows, "tr")
        cells = [sub(row, "td", data_label=column) for column in labels.DUE_COLUMNS]
        since, what, agreement, clause, words = cells
        since.text = due_since(duty)
        what.text = typeset(f"{duty.duty}, {duty.when}")
        _linked(agreement, title, pages.get(path))
        _linked(clause, typeset(duty.citation), pages.get(path), f"#{duty.clause}")
        running_text(words, f"„{duty.words}“")  # the contract's words


def render_deadlines_page(
    calendar: Calendar,
    pages: dict[str, str],
    calendar_file: str,
    index: str,
    due: Sequence[tuple[str, str, Due]] = (),
) -> str:
    """The page; ``pages`` maps a source file to the link of its page from this one; ``due``:
    the duties already due, with the file and title of the agreement they belong to."""
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
    if due:
        _already_due(main, due, pages)
        sub(main, "h2", title)
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
        _linked(agreement, deadline.source.title, page)
        _linked(clause, typeset(deadline.citation), page, f"#{deadline.clause}")
        note.text = day_note(deadline)
    return serialize(html)
