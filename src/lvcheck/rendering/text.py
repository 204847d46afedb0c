"""The agreement as plain reading text: numbers, headings, paragraphs, list items,
footnotes, and every empty field as a visible gap.

Two layout decisions follow the printed original, so that the reading order is the
order a lawyer knows from the signed PDF:
- a footnote is printed below the first paragraph or list item that follows its
  marker (a marker in a heading therefore lands below the first item, as at a page foot);
- signature blocks of a ``sideBySide`` conclusion are printed as columns, line by line.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from lvcheck import labels
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
    Unit,
)
from lvcheck.document.text import field_display, plain_text
from lvcheck.labels import BLANK
from lvcheck.rendering.walk import Walker

INDENT = "  "
COLUMN_GAP = 4


@dataclass
class _Frame:
    """Where the lines of one unit or list go: its indent, and a number or bullet that the
    first line carries; the lines after it hang under the text that follows that prefix."""

    indent: str
    prefix: str = ""
    children_indent: str = ""
    used: bool = False

    def take(self) -> tuple[str, str]:
        """Indent and prefix for the next block of this frame."""
        if self.used:
            return self.indent + " " * len(self.prefix), ""
        self.used = True
        return self.indent, self.prefix


class _TextWriter(Walker):
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pending_notes: list[Note] = []
        self.remarks: dict[str, str] = {}  # eId -> a note shown after the clause
        self.annotations = True
        self.frames: list[_Frame] = [_Frame("")]

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def line(self, text: str) -> None:
        self.lines.append(text.rstrip())

    def inline(self, items: tuple[Inline, ...] | None) -> str:
        return plain_text(items or (), on_note=self.pending_notes.append)

    def flush_notes(self) -> None:
        for note in self.pending_notes:
            text = " ".join(plain_text(p.children) for p in note.paragraphs)
            self.line(f"[{note.marker}] {text}")
        self.pending_notes.clear()

    def emit(self, text: str) -> None:
        """A paragraph-like line of the current frame; footnotes follow it."""
        indent, prefix = self.frames[-1].take()
        self.line(f"{indent}{prefix}{text}")
        self.flush_notes()

    def open_prefix(self) -> None:
        """A number or bullet whose unit starts with sub-units stands on a line of its own."""
        frame = self.frames[-1]
        if not frame.used and frame.prefix:
            self.line(frame.indent + frame.prefix.rstrip())
        frame.used = True

    # ------------------------------------------------------------ walk hooks

    def preface(self, paragraphs: tuple[Paragraph, ...]) -> None:
        for paragraph in paragraphs:
            self.line(self.inline(paragraph.children))
            self.flush_notes()
            self.blank()

    def preamble(self, preamble: Preamble) -> None:
        self.blank()
        if preamble.heading is not None:
            self.line(self.inline(preamble.heading))
            self.blank()
        self.frames.append(_Frame(""))
        self.blocks(preamble.blocks, 0)
        self.frames.pop()

    def enter_unit(self, unit: Unit, depth: int, position: int) -> None:
        parent = self.frames[-1]
        self.open_prefix()
        indent = parent.children_indent
        num = self.inline(unit.num)
        if unit.kind == "point":
            prefix = f"{num} " if num else "- "
            self.frames.append(_Frame(indent, prefix, indent + INDENT))
            return
        heading = self.inline(unit.heading)
        self.blank()
        if heading:
            self.line(indent + " ".join(part for part in (num, heading) if part))
            self.blank()
            self.frames.append(_Frame(indent, "", indent))
        else:
            self.frames.append(_Frame(indent, f"{num} " if num else "", indent))

    def leave_unit(self, unit: Unit, depth: int) -> None:
        frame = self.frames.pop()
        self.remark(unit.eid, frame.children_indent or frame.indent)

    def remark(self, eid: str, indent: str) -> None:
        """The note on a clause that departs from its template or was amended, where the
        reader meets the clause."""
        if eid in self.remarks:
            self.line(f"{indent}[{labels.REMARK}: {self.remarks.pop(eid)}]")

    def paragraph(self, paragraph: Paragraph, index: int) -> None:
        if index:
            self.blank()
        self.emit(self.inline(paragraph.children))

    def enter_list(self, block: ListBlock, depth: int, index: int) -> None:
        indent, prefix = self.frames[-1].take()
        hang = indent + " " * len(prefix)
        if block.intro:
            self.blank()
        frame = _Frame(indent, prefix, hang + INDENT if block.intro else hang)
        self.frames.append(frame)

    def leave_list(self, block: ListBlock, depth: int) -> None:
        self.frames.pop()

    def field(self, item: Field, index: int) -> None:
        label = self.inline(item.label)
        if item.type == "choice":
            chosen = set((item.value or "").split())
            boxes = "  ".join(
                f"[{'x' if option.value in chosen else ' '}] {self.inline(option.children)}"
                for option in item.options
            )
            hint = self.inline(item.hint)
            value = " ".join(part for part in (boxes, hint) if part)
        else:
            value = field_display(item)
        self.emit(f"{label}: {value}" if label else value)

    def conclusions(self, conclusions: Conclusions) -> None:
        self.blank()
        if conclusions.heading is not None:
            self.line(self.inline(conclusions.heading))
            self.blank()
        for paragraph in conclusions.paragraphs:
            self.line(self.inline(paragraph.children))
            self.flush_notes()
        columns = [
            [self.inline(line.children) or BLANK for line in signature.lines]
            for signature in conclusions.signatures
        ]
        if conclusions.layout == "sideBySide":
            self.blank()
            widths = [max(map(len, column), default=0) + COLUMN_GAP for column in columns]
            for row in zip_longest(*columns, fillvalue=""):
                cells = zip(row, widths, strict=True)
                self.line("".join(cell.ljust(width) for cell, width in cells))
        else:
            for column in columns:
                self.blank()
                for text in column:
                    self.line(text)
        for signature in conclusions.signatures:
            self.remark(signature.eid, "")

    def attachments(self, attachments: Attachments) -> None:
        self.blank()
        if attachments.heading is not None:
            self.line(self.inline(attachments.heading))
        for item in attachments.items:
            self.line(f"- {self.inline(item.heading)}")

    def begin(self, agreement: Agreement) -> None:
        if not self.annotations:
            return
        self.remarks = {d.clause: d.reason for d in agreement.meta.deviations or ()}
        if agreement.is_example:  # whoever reads the text, in a file or in git, sees it first
            self.line(labels.EXAMPLE_FIRST_LINE)
            self.blank()

    def end(self, agreement: Agreement) -> None:
        self.flush_notes()
        if self.remarks:  # notes on places that are not units (the preface, the header)
            self.blank()
            for remark in self.remarks.values():
                self.line(f"[{labels.REMARK}: {remark}]")
        while self.lines and self.lines[-1] == "":
            self.lines.pop()


def render_text(agreement: Agreement, annotations: bool = True) -> str:
    """The reading text of an agreement, ending with a newline. ``annotations``: the
    BEISPIEL line of an illustrative file and the notes on departing or amended clauses,
    which are lvcheck's words, not the signed text."""
    writer = _TextWriter()
    writer.annotations = annotations
    writer.walk(agreement)
    return "\n".join(writer.lines) + "\n"
