"""The agreement as a Word document a lawyer edits: its lines (lines.py) as paragraphs of
named styles, with the contract's own numbers as text; points as paragraphs of one Word
list; fields as content controls tagged with their names; footnotes as Word footnotes;
each clause's eId as a bookmark (document/bookmarks.py) around its paragraphs.

The paragraphs are written by ``write_line``, which the redline shares for the lines it
writes unchanged, so that the two documents look alike.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

from lxml import etree

from lvcheck import labels
from lvcheck.document.bookmarks import bookmark_name
from lvcheck.document.model import Agreement, Note
from lvcheck.rendering.docx.lines import Bookmark, Line, Piece, agreement_lines, note_text
from lvcheck.rendering.docx.package import (
    Header,
    add_footnotes,
    list_paragraph,
    new_document,
    new_footnotes,
    saved,
)
from lvcheck.rendering.docx.wml import (
    R,
    bookmark_end,
    bookmark_start,
    content_control,
    paragraph,
    text_run,
    w,
)
from lvcheck.rendering.pageparts import running_header

STYLES = {
    "example": "Hinweis",
    "remark": "Hinweis",
    "text": "Vertragstext",
    "field": "Formularfeld",
    "line": "Unterschrift",
    "note": "Fussnote",
}
HEADINGS = 4  # Word's Heading 1 to 4: the depth of a heading beyond is shown as the 4th

NoteWriter = Callable[[etree._Element, Piece], None]


def new_paragraph(parent: etree._Element, line: Line) -> etree._Element:
    """The paragraph of a line's kind, appended to ``parent``."""
    if line.kind == "point":
        return list_paragraph(parent, max(line.depth - 1, 0))
    if line.kind == "heading":
        return paragraph(parent, f"Heading{min(line.depth + 1, HEADINGS)}")
    if line.clause == "preface":
        return paragraph(parent, "Vertragskopf")
    return paragraph(parent, STYLES.get(line.kind, "Vertragstext"))


def prefix_text(line: Line) -> str:
    """A line's number or bullet and what separates it from its words (a tab to the
    hanging indent of a point, else a space)."""
    if not line.prefix:
        return ""
    return line.prefix + ("\t" if line.kind == "point" else " ")


def write_pieces(p: etree._Element, pieces: tuple[Piece, ...], notes: NoteWriter) -> None:
    """Running text as runs: fields as content controls, footnote markers by ``notes``."""
    for piece in pieces:
        if piece.style == "field" and piece.name:
            alias = (
                piece.name if piece.filled else labels.TO_BE_FILLED_FIELD.format(name=piece.name)
            )
            content_control(p, piece.name, alias, piece.text, placeholder=not piece.filled)
        elif piece.style == "note":
            notes(p, piece)
        elif piece.text:
            text_run(p, piece.text, piece.style)


def write_line(parent: etree._Element, line: Line, notes: NoteWriter) -> etree._Element:
    """A line as a paragraph, appended to ``parent``."""
    p = new_paragraph(parent, line)
    if line.prefix:
        text_run(p, prefix_text(line))
    write_pieces(p, line.pieces, notes)
    return p


def plain_marker(p: etree._Element, piece: Piece) -> None:
    """A footnote marker as the text prints it, where its note is a paragraph of its own."""
    text_run(p, piece.text)


class _Footnotes:
    """Word footnotes: the marker numbered by Word where the contract numbers its notes
    1, 2, 3 in order ("[" and "]" around it, as the text prints it), else the contract's
    own marker as the footnote's mark."""

    def __init__(self, notes: dict[str, Note]) -> None:
        self.notes = notes
        self.part = new_footnotes()
        self.number = 0

    def __call__(self, p: etree._Element, piece: Piece) -> None:
        note = self.notes[piece.name]
        self.number += 1
        automatic = note.marker == str(self.number)
        if automatic:
            text_run(p, "[")
        run = etree.SubElement(p, R)
        reference = etree.SubElement(run, w("footnoteReference"))
        reference.set(w("id"), str(self.number))
        if automatic:
            text_run(p, "]")
        else:
            reference.set(w("customMarkFollows"), "1")
            etree.SubElement(run, w("t")).text = piece.text
        footnote = etree.SubElement(self.part, w("footnote"))
        footnote.set(w("id"), str(self.number))
        text_run(paragraph(footnote, "Fussnote"), f"[{note.marker}] {note_text(note)}")


def add_bookmarks(
    paragraphs: list[etree._Element | None], bookmarks: list[Bookmark], ids: count[int]
) -> None:
    """Each clause's bookmark from its first written paragraph to its last."""
    for mark in bookmarks:
        if mark.eid.startswith("\x00"):
            continue  # lvcheck's own lines, no clause
        written = [p for p in paragraphs[mark.first : mark.last + 1] if p is not None]
        if written:
            number = next(ids)
            bookmark_start(written[0], bookmark_name(mark.eid), number)
            bookmark_end(written[-1], number)


def header_of(agreement: Agreement, source_label: str) -> Header:
    meta = agreement.meta
    subject = labels.status_text(meta.kind, meta.status)
    source = source_label or f"{meta.work_id} ({labels.VERSION} {meta.version_id})"
    return Header(meta.title, meta.version_id, running_header(meta), subject, source)


def render_docx(agreement: Agreement, source_label: str = "") -> bytes:
    """The agreement as a .docx package; ``source_label`` names its file in the document's
    properties."""
    document = new_document(header_of(agreement, source_label))
    body = document.element.body
    section = body[-1]
    body.remove(section)
    found = agreement_lines(agreement)
    footnotes = _Footnotes(found.notes)
    paragraphs: list[etree._Element | None] = []
    for line in found.lines:
        if line.kind == "note":  # in the footnotes part, under its marker
            paragraphs.append(None)
            continue
        paragraphs.append(write_line(body, line, footnotes))
    add_bookmarks(paragraphs, found.bookmarks, count(1))
    body.append(section)
    if footnotes.number:
        add_footnotes(document, footnotes.part)
    return saved(document)
