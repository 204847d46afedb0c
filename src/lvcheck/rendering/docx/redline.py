"""The redline as a Word document: a first page with the list of changes (Fundstelle, Art,
Gewicht) and the header's changes as a table, then the new version's text with every change
from the old one as a Word revision (revisions.py), author ``lvcheck`` or whoever is named,
and, if asked, the Synopse as a two-column table (synopse.py).

Before the package is returned its promise is checked (check.py): all revisions accepted
give the new version's reading text, all rejected the old one's; a redline that fails is
refused (LV501), never written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import count

from lxml import etree

from lvcheck import codes, labels
from lvcheck.comparison.changes import DiffResult
from lvcheck.comparison.engine import without_cycle_collection
from lvcheck.document.model import Agreement
from lvcheck.errors import LvcheckError
from lvcheck.rendering.diffparts import change_label, change_title, eid_run_line, summary
from lvcheck.rendering.docx.check import TEXT_BEGINS, TEXT_ENDS, check_redline
from lvcheck.rendering.docx.lines import agreement_lines
from lvcheck.rendering.docx.package import Header, new_document, saved
from lvcheck.rendering.docx.revisions import write_revisions
from lvcheck.rendering.docx.synopse import write_synopsis
from lvcheck.rendering.docx.wml import (
    Revision,
    bookmark_end,
    bookmark_start,
    cells,
    page_break,
    paragraph,
    table,
    table_row,
    text_run,
)
from lvcheck.rendering.text import render_text

LIST_WIDTHS = (680, 4139, 2835, 1417)  # Nr., Fundstelle, Art, Gewicht: 16 cm in all
HEADER_WIDTHS = (2268, 2835, 2551, 1417)  # Angabe, bisher, neu, Gewicht


def _cell_text(cell: etree._Element, text: str) -> None:
    text_run(paragraph(cell, "Tabellentext"), text)


def _rows(
    body: etree._Element,
    columns: tuple[str, ...],
    widths: tuple[int, ...],
    rows: Sequence[tuple[str, ...]],
) -> None:
    tbl = table(body, columns, widths)
    for values in rows:
        for cell, value in zip(cells(table_row(tbl, widths)), values, strict=True):
            _cell_text(cell, value)


def _line(body: etree._Element, style: str, text: str) -> etree._Element:
    p = paragraph(body, style)
    text_run(p, text)
    return p


def _first_page(body: etree._Element, result: DiffResult, author: str, day: str) -> None:
    _line(body, "Titel", labels.CONTRACT_COMPARISON)
    for word, side in ((labels.OLD_VERSION, result.old), (labels.NEW_VERSION, result.new)):
        p = paragraph(body, "Angabe")
        text_run(p, f"{word}: ", "b")
        text_run(p, f"{side.title} ({labels.VERSION} {side.version}; {side.label})")
    counts = summary(result)
    overview = ", ".join(f"{n} {labels.CHANGE_KINDS[k]}" for k, n in counts.counts.items())
    _line(body, "Angabe", overview or labels.NO_CHANGES)
    _line(body, "Hinweis", labels.REVISIONS_BY.format(author=author, date=day))
    _line(body, "Hinweis", labels.REDLINE_HINT)
    if result.changes:
        _line(body, "Heading2", labels.LIST_OF_CHANGES)
        rows = [
            (str(n), change_title(c), change_label(c), labels.SEVERITIES[c.severity])
            for n, c in enumerate(result.changes, start=1)
        ]
        _rows(body, labels.CHANGE_LIST_COLUMNS, LIST_WIDTHS, rows)
    if result.renumbered:
        _line(body, "Heading2", labels.RENUMBERED_ONLY)
        for run in result.renumbered:
            _line(body, "Vertragstext", f"{run.old_label} → {run.new_label}")
    if result.eid_changed:
        _line(body, "Heading2", labels.EID_CHANGED_TITLE)
        for eid_run in result.eid_changed:
            _line(body, "Vertragstext", eid_run_line(eid_run))
    if result.metadata:
        _line(body, "Heading2", labels.HEADER)
        columns = (labels.FACT, labels.BEFORE, labels.AFTER, labels.WEIGHT)
        rows = [
            (m.label, m.old or labels.NONE, m.new or labels.NONE, labels.SEVERITIES[m.severity])
            for m in result.metadata
        ]
        _rows(body, columns, HEADER_WIDTHS, rows)
    page_break(body)


def _texts(result: DiffResult) -> tuple[Agreement, Agreement]:
    old, new = result.old.agreement, result.new.agreement
    if old is None or new is None:
        raise LvcheckError(
            "",
            0,
            0,
            codes.REDLINE_WITHOUT_TEXT,
            "a Word redline needs the texts of both versions; compare them with lvcheck.diff",
        )
    return old, new


def render_redline(
    result: DiffResult,
    synopsis: bool = False,
    author: str = "lvcheck",
    when: datetime | None = None,
) -> bytes:
    """The redline of a diff as a .docx package, its promise checked. Raises LvcheckError:
    LV501 when its revisions would not give both versions, LV502 without their texts."""
    with without_cycle_collection():  # as the diff: many small objects, no cycles
        return _render(result, synopsis, author, when)


def _render(result: DiffResult, synopsis: bool, author: str, when: datetime | None) -> bytes:
    old, new = _texts(result)
    when = (when or datetime.now(UTC)).replace(microsecond=0)
    revision = Revision(author, when.strftime("%Y-%m-%dT%H:%M:%SZ"), count(1))
    title = f"{labels.CONTRACT_COMPARISON}: {result.old.title} → {result.new.title}"
    versions = f"{result.old.version} → {result.new.version}"
    running = f"{labels.CONTRACT_COMPARISON}: {labels.VERSION} {versions} · {result.new.title}"
    sources = f"{result.old.label} → {result.new.label}"
    document = new_document(Header(title, versions, running, labels.REDLINE_TEXT, sources))
    body = document.element.body
    section = body[-1]
    body.remove(section)
    _first_page(body, result, author, labels.german_date(when.date()))
    begins = _line(body, "Heading1", labels.REDLINE_TEXT)
    bookmark_start(begins, TEXT_BEGINS, 0)
    bookmark_end(begins, 0)
    write_revisions(body, agreement_lines(old), agreement_lines(new), result, revision)
    ends = paragraph(body, "Vertragstext")  # the text ends before it, an empty paragraph
    number = next(revision.ids)
    bookmark_start(ends, TEXT_ENDS, number)
    bookmark_end(ends, number)
    if synopsis:
        page_break(body)
        write_synopsis(body, result, agreement_lines(old, False), agreement_lines(new, False))
    body.append(section)
    package = saved(document, when)
    check_redline(package, render_text(old), render_text(new), result.new.label)
    return package
