"""WordprocessingML written with lxml: paragraphs, runs, revisions (w:ins, w:del,
w:moveFrom, w:moveTo), bookmarks, content controls and fields. python-docx makes the
package and has no revision support, so what it lacks is written here, into its parts.

Every text goes through ``text_run``, which keeps spaces (xml:space="preserve") and turns
tabs into w:tab; characters XML cannot hold (controls) never reach it, since the model's
text is shown through document.text.visible first.
"""

from __future__ import annotations

from itertools import count
from typing import NamedTuple

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RUN_STYLES = {"b": "b", "i": "i", "u": "u"}


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


P, R, T, DEL_TEXT, TAB, PPR, RPR, PSTYLE, VAL = (
    w(name) for name in ("p", "r", "t", "delText", "tab", "pPr", "rPr", "pStyle", "val")
)
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
ID, AUTHOR, DATE, NAME = w("id"), w("author"), w("date"), w("name")


class Revision(NamedTuple):
    """Who made the revisions and when, and the ids they draw from (one counter for all
    revisions and bookmarks of a document, so that no id is used twice)."""

    author: str
    date: str  # ISO 8601, as Word writes it: 2026-12-07T00:00:00Z
    ids: count[int]

    def mark(self, parent: etree._Element, tag: str) -> etree._Element:
        """A revision element (w:ins, w:del, w:moveFrom, w:moveTo) appended to ``parent``."""
        element = etree.SubElement(parent, tag)
        element.set(ID, str(next(self.ids)))
        element.set(AUTHOR, self.author)
        element.set(DATE, self.date)
        return element


def paragraph(parent: etree._Element, style: str) -> etree._Element:
    """A w:p of a paragraph style, appended to ``parent``."""
    p = etree.SubElement(parent, P)
    etree.SubElement(etree.SubElement(p, PPR), PSTYLE).set(VAL, style)
    return p


def mark_paragraph(p: etree._Element, revision: Revision, tag: str) -> None:
    """The paragraph mark itself inserted, deleted or moved: accepting or rejecting then
    removes the whole paragraph, not only its words."""
    ppr = p.find(PPR)
    assert ppr is not None
    revision.mark(etree.SubElement(ppr, RPR), tag)


def text_run(
    parent: etree._Element, text: str, style: str = "", deleted: bool = False
) -> etree._Element:
    """A run of text (w:delText inside a deletion), tabs as w:tab; ``style`` b, i, u or sup
    formats it, another names a character style."""
    run = etree.SubElement(parent, R)
    if style:
        rpr = etree.SubElement(run, RPR)
        if style in RUN_STYLES:
            etree.SubElement(rpr, w(RUN_STYLES[style]))
        elif style == "sup":
            etree.SubElement(rpr, w("vertAlign")).set(VAL, "superscript")
        else:
            etree.SubElement(rpr, w("rStyle")).set(VAL, style)
    tag = DEL_TEXT if deleted else T
    for number, part in enumerate(text.split("\t")):
        if number:
            etree.SubElement(run, TAB)
        if part:
            element = etree.SubElement(run, tag)
            element.text = part
            if part[0] == " " or part[-1] == " ":
                element.set(XML_SPACE, "preserve")
    return run


def bookmark_start(p: etree._Element, name: str, number: int) -> None:
    """A bookmark opened before the paragraph's first run."""
    start = etree.Element(w("bookmarkStart"))
    start.set(ID, str(number))
    start.set(NAME, name)
    ppr = p.find(PPR)
    (ppr.addnext if ppr is not None else p.append)(start)


def bookmark_end(p: etree._Element, number: int) -> None:
    etree.SubElement(p, w("bookmarkEnd")).set(ID, str(number))


def content_control(
    parent: etree._Element, name: str, alias: str, text: str, placeholder: bool
) -> etree._Element:
    """A plain-text content control tagged with a field's name; ``placeholder``: its text
    stands for a value still to be filled in, replaced as soon as one is typed."""
    sdt = etree.SubElement(parent, w("sdt"))
    properties = etree.SubElement(sdt, w("sdtPr"))
    etree.SubElement(properties, w("alias")).set(VAL, alias)
    etree.SubElement(properties, w("tag")).set(VAL, name)
    if placeholder:
        etree.SubElement(properties, w("showingPlcHdr"))
    etree.SubElement(properties, w("text"))
    content = etree.SubElement(sdt, w("sdtContent"))
    text_run(content, text, "Platzhaltertext" if placeholder else "")
    return sdt


def simple_field(parent: etree._Element, instruction: str, shown: str) -> None:
    """A field Word computes (PAGE, NUMPAGES), with the value shown until it does."""
    field = etree.SubElement(parent, w("fldSimple"))
    field.set(w("instr"), instruction)
    text_run(field, shown)


def page_break(parent: etree._Element) -> None:
    etree.SubElement(etree.SubElement(etree.SubElement(parent, P), R), w("br")).set(
        w("type"), "page"
    )


def table(
    parent: etree._Element, columns: tuple[str, ...], widths: tuple[int, ...]
) -> etree._Element:
    """A table with a header row that repeats on every page; widths in twentieths of a point."""
    tbl = etree.SubElement(parent, w("tbl"))
    properties = etree.SubElement(tbl, w("tblPr"))
    etree.SubElement(properties, w("tblStyle")).set(VAL, "TableGrid")
    width = etree.SubElement(properties, w("tblW"))
    width.set(w("w"), str(sum(widths)))
    width.set(w("type"), "dxa")
    grid = etree.SubElement(tbl, w("tblGrid"))
    for size in widths:
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(size))
    header = table_row(tbl, widths)
    etree.SubElement(etree.SubElement(header, w("trPr")), w("tblHeader"))
    header.insert(0, header[-1])  # trPr comes first
    for cell, title in zip(header.iterfind(w("tc")), columns, strict=True):
        text_run(paragraph(cell, "Tabellenkopf"), title)
    return tbl


def table_row(tbl: etree._Element, widths: tuple[int, ...]) -> etree._Element:
    """A row of empty cells (each holds its paragraphs), appended to the table."""
    row = etree.SubElement(tbl, w("tr"))
    for size in widths:
        cell = etree.SubElement(row, w("tc"))
        width = etree.SubElement(etree.SubElement(cell, w("tcPr")), w("tcW"))
        width.set(w("w"), str(size))
        width.set(w("type"), "dxa")
    return row


def cells(row: etree._Element) -> list[etree._Element]:
    return list(row.iterfind(w("tc")))
