"""An agreement as the lines a Word document holds, one per paragraph: headings, paragraphs
with their numbers, points, form fields, footnotes, signature lines, lvcheck's notes.

The lines read, word for word and in order, as the text export (rendering/text.py) prints
the agreement: a unit's number goes with its first paragraph (or stands alone before a
sub-unit), a footnote follows the first paragraph or item after its marker, signature
blocks printed side by side are read line by line across, the BEISPIEL line of an
illustrative file comes first and the note on a departing clause follows the clause. The
export and the redline are both written from these lines, and the promise of the redline
(accepting its revisions gives the new text, rejecting them the old) is checked against
that same text export.

Each line keeps its running text as pieces (plain words, bold and other spans, a field, a
footnote marker), so that the export can write fields as content controls and footnotes as
Word footnotes; ``text`` is the line's words as the text export prints them.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import NamedTuple

from lvcheck import labels
from lvcheck.document.citation import Step, cite
from lvcheck.document.kinds import Place
from lvcheck.document.model import (
    Agreement,
    Attachments,
    Conclusions,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    Preamble,
    Ref,
    Span,
    Unit,
)
from lvcheck.document.text import field_display, normalize_space, plain_text, visible
from lvcheck.labels import BLANK
from lvcheck.rendering.walk import Walker

FORMATTED = frozenset({"b", "i", "u", "sup"})  # spans Word shows as run formatting
EXAMPLE = "\x00example"  # the pseudo-clause of the BEISPIEL line
LEFT_OVER = "\x00remarks"  # notes on places that are not units (the preface, the header)


class Piece(NamedTuple):
    """A stretch of running text: ``style`` "" (plain), a span kind of FORMATTED, "field"
    (``name`` the field's, ``filled`` whether it has a value) or "note" (``name`` the
    footnote's eId, ``text`` its marker as printed: "[1]")."""

    text: str
    style: str = ""
    name: str = ""
    filled: bool = True


class Line(NamedTuple):
    """One paragraph: ``kind`` heading, text, point, field, note, line (of a signature),
    remark or example; ``prefix`` the number or bullet printed before the text."""

    clause: str  # eId of the innermost clause ("preface" before the body)
    kind: str
    depth: int
    prefix: str
    pieces: tuple[Piece, ...]
    steps: tuple[Step, ...]  # the chain of units that leads to it, for its citation
    text: str  # the words as the text export prints them (the prefix apart)

    @property
    def citation(self) -> str:
        """ "§ 14 Abs. 4", as lawyers cite the unit the line stands in."""
        return cite(self.steps)

    @property
    def words(self) -> list[str]:
        """Prefix and text, cut into words."""
        return [*self.prefix.split(), *self.text.split()]


class Bookmark(NamedTuple):
    """A clause's eId and the lines it spans (first and last index)."""

    eid: str
    first: int
    last: int


def _pieces(items: tuple[Inline, ...], notes: list[Note], style: str = "") -> list[Piece]:
    """Running text as pieces; footnotes met on the way are appended to ``notes``."""
    pieces: list[Piece] = []
    for item in items:
        if isinstance(item, str):
            pieces.append(Piece(visible(item), style))
        elif isinstance(item, Span):
            inner = item.kind if item.kind in FORMATTED else style
            pieces += _pieces(item.children, notes, inner)
        elif isinstance(item, Ref):
            pieces += _pieces(item.children, notes, style)
        elif isinstance(item, Field):
            pieces.append(Piece(field_display(item), "field", item.name, item.is_filled))
        elif isinstance(item, Note):
            notes.append(item)
            pieces.append(Piece(f"[{item.marker}]", "note", item.eid))
    return pieces


def note_text(note: Note) -> str:
    """A footnote's words as the text export prints them after its marker."""
    return " ".join(plain_text(paragraph.children) for paragraph in note.paragraphs)


class _Lines(Walker):
    def __init__(self, annotations: bool) -> None:
        self.annotations = annotations
        self.lines: list[Line] = []
        self.bookmarks: list[Bookmark] = []
        self.notes: dict[str, Note] = {}  # every footnote, by eId
        self.pending: list[tuple[Note, tuple[Step, ...]]] = []  # footnotes awaiting their line
        self.prefixes: list[str] = [""]  # per open unit or list: its number, until printed
        self.clauses: list[tuple[str, int]] = []  # open clauses: eId, index of first line
        self.remarks: dict[str, str] = {}
        self.depth = 0

    def pieces(self, items: tuple[Inline, ...] | None) -> list[Piece]:
        notes: list[Note] = []
        found = _pieces(items or (), notes)
        if notes:
            self.notes.update((note.eid, note) for note in notes)
            here = tuple(self.steps)
            self.pending += [(note, here) for note in notes]
        return found

    def add(
        self, kind: str, pieces: list[Piece], prefix: str = "", steps: tuple[Step, ...] = ()
    ) -> None:
        clause = self.clauses[-1][0] if self.clauses else "preface"
        here = steps or tuple(self.steps)
        text = normalize_space("".join(piece.text for piece in pieces)).strip()
        self.lines.append(Line(clause, kind, self.depth, prefix, tuple(pieces), here, text))

    def open(self, eid: str) -> None:
        self.clauses.append((eid, len(self.lines)))

    def close(self) -> None:
        eid, first = self.clauses.pop()
        if eid and len(self.lines) > first:
            self.bookmarks.append(Bookmark(eid, first, len(self.lines) - 1))

    def emit(self, kind: str, pieces: list[Piece]) -> None:
        """A paragraph-like line: it carries the pending number; footnotes follow it."""
        prefix, self.prefixes[-1] = self.prefixes[-1], ""
        self.add(kind, pieces, prefix.strip())
        self.flush_notes()

    def flush_notes(self) -> None:
        pending, self.pending = self.pending, []
        for note, where in pending:
            self.open(note.eid)
            text = f"[{note.marker}] {note_text(note)}"
            self.add("note", [Piece(text)], steps=(*where, Step(Place.NOTE, note.marker)))
            self.close()

    def remark(self, eid: str) -> None:
        if eid in self.remarks:
            self.add("remark", [Piece(f"[{labels.REMARK}: {self.remarks.pop(eid)}]")])

    # ------------------------------------------------------------ walk hooks

    def begin(self, agreement: Agreement) -> None:
        if not self.annotations:
            return
        self.remarks = {d.clause: d.reason for d in agreement.meta.deviations or ()}
        if agreement.is_example:
            self.open(EXAMPLE)
            self.add("example", [Piece(labels.EXAMPLE_FIRST_LINE)])
            self.close()

    def preface(self, paragraphs: tuple[Paragraph, ...]) -> None:
        for paragraph in paragraphs:
            self.add("text", self.pieces(paragraph.children))
            self.flush_notes()

    def preamble(self, preamble: Preamble) -> None:
        self.open(preamble.eid)
        if preamble.heading is not None:
            self.add("heading", self.pieces(preamble.heading))
        self.blocks(preamble.blocks, 0)
        self.close()

    def enter_unit(self, unit: Unit, depth: int, position: int) -> None:
        if self.prefixes[-1]:  # a number whose unit starts with a sub-unit: a line of its own
            self.add("text", [], self.prefixes[-1].strip())
            self.prefixes[-1] = ""
        self.open(unit.eid)
        self.depth = depth
        num = plain_text(unit.num or ())
        if unit.kind == "point":
            self.prefixes.append(num or "-")
            return
        heading = self.pieces(unit.heading)
        if "".join(piece.text for piece in heading).strip():
            self.add("heading", heading, num)  # the number apart: a renumbered § keeps its words
            self.prefixes.append("")
        else:
            self.prefixes.append(num)

    def leave_unit(self, unit: Unit, depth: int) -> None:
        self.prefixes.pop()
        self.remark(unit.eid)  # inside the clause: it pairs with the clause's own note
        self.close()
        self.depth = depth

    def paragraph(self, paragraph: Paragraph, index: int) -> None:
        kind = "point" if self.clauses and self.steps[-1].kind == "point" else "text"
        self.emit(kind, self.pieces(paragraph.children))

    def enter_list(self, block: ListBlock, depth: int, index: int) -> None:
        prefix, self.prefixes[-1] = self.prefixes[-1], ""
        self.prefixes.append(prefix)
        self.open(block.eid)

    def leave_list(self, block: ListBlock, depth: int) -> None:
        self.prefixes.pop()
        self.close()

    def field(self, item: Field, index: int) -> None:
        label = self.pieces(item.label)
        if item.type == "choice":  # the boxes as the text export writes them
            chosen = set((item.value or "").split())
            boxes = "  ".join(
                f"[{'x' if option.value in chosen else ' '}] {plain_text(option.children)}"
                for option in item.options
            )
            hint = plain_text(item.hint or ())
            value = " ".join(part for part in (boxes, hint) if part)
        else:
            value = field_display(item)
        control = Piece(value, "field", item.name, item.is_filled)
        self.emit("field", [*label, Piece(": "), control] if label else [control])

    def conclusions(self, conclusions: Conclusions) -> None:
        self.open(conclusions.eid)
        self.depth = 0
        if conclusions.heading is not None:
            self.add("heading", self.pieces(conclusions.heading))
        for paragraph in conclusions.paragraphs:
            self.add("text", self.pieces(paragraph.children))
            self.flush_notes()
        columns = [
            [self.pieces(line.children) or [Piece(BLANK, "field", "", False)] for line in s.lines]
            for s in conclusions.signatures
        ]
        if conclusions.layout == "sideBySide":  # printed line by line across the blocks
            first = len(self.lines)
            for cells in zip_longest(*columns, fillvalue=[]):
                row: list[Piece] = []
                for cell in cells:
                    row += [Piece("\t"), *cell] if row and cell else cell
                self.add("line", row)
            self.bookmarks += [  # each block spans the rows it is printed across
                Bookmark(signature.eid, first, len(self.lines) - 1)
                for signature in conclusions.signatures
                if len(self.lines) > first
            ]
        else:
            for number, (signature, column) in enumerate(
                zip(conclusions.signatures, columns, strict=True), start=1
            ):
                self.open(signature.eid)
                where = (*self.steps, Step(Place.SIGNATURE, position=number))
                for cell in column:
                    self.add("line", cell, steps=where)
                self.close()
        self.close()
        for signature in conclusions.signatures:
            self.remark(signature.eid)

    def attachments(self, attachments: Attachments) -> None:
        self.open(attachments.eid)
        if attachments.heading is not None:
            self.add("heading", self.pieces(attachments.heading))
        for position, item in enumerate(attachments.items, start=1):
            self.open(item.eid)
            where = (*self.steps, Step(Place.ATTACHMENT, position=position))
            self.add("point", self.pieces(item.heading), "-", steps=where)
            self.close()
        self.close()

    def end(self, agreement: Agreement) -> None:
        self.flush_notes()
        if self.remarks:
            self.open(LEFT_OVER)
            for remark in self.remarks.values():
                self.add("remark", [Piece(f"[{labels.REMARK}: {remark}]")])
            self.close()
            self.remarks = {}


class Lines(NamedTuple):
    """The lines of an agreement, the bookmarks of its clauses, its footnotes by eId."""

    lines: list[Line]
    bookmarks: list[Bookmark]
    notes: dict[str, Note]


def agreement_lines(agreement: Agreement, annotations: bool = True) -> Lines:
    """The lines of an agreement in reading order (see the module's docstring)."""
    walker = _Lines(annotations)
    walker.walk(agreement)
    return Lines(walker.lines, walker.bookmarks, walker.notes)


def text_words(text: str) -> list[str]:
    """The words of a reading text, as the promise compares them: layout is no change."""
    return text.split()
