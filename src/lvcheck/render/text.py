"""The agreement as plain reading text: numbers, headings, paragraphs, list items,
footnotes, and every empty field as a visible gap.

Two layout decisions follow the printed original, so that the reading order is the
order a lawyer knows from the signed PDF:
- a footnote is printed below the first paragraph or list item that follows its
  marker (a marker in a heading therefore lands below the first item, as at a page foot);
- signature blocks of a ``sideBySide`` conclusion are printed as columns, line by line.
"""

from __future__ import annotations

from itertools import zip_longest

from lvcheck.model import (
    Agreement,
    Block,
    Conclusions,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    Unit,
)
from lvcheck.render.inline import BLANK, field_display, plain_text

INDENT = "  "
COLUMN_GAP = 4


class _TextWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pending_notes: list[Note] = []

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

    # ------------------------------------------------------------ blocks

    def paragraph(self, text: str, indent: str = "", prefix: str = "") -> None:
        self.line(f"{indent}{prefix}{text}")
        self.flush_notes()

    def blocks(self, blocks: tuple[Block, ...], indent: str, prefix: str = "") -> None:
        """Blocks in sequence; ``prefix`` (a number or bullet) goes before the first line,
        and the blocks after it hang under the text that follows the prefix."""
        hang = indent + " " * len(prefix)
        for index, block in enumerate(blocks):
            first_indent, first_prefix = (indent, prefix) if index == 0 else (hang, "")
            if isinstance(block, Paragraph):
                if index:
                    self.blank()
                self.paragraph(self.inline(block.children), first_indent, first_prefix)
            elif isinstance(block, ListBlock):
                self.list_block(block, first_indent, first_prefix)
            else:
                self.field(block, first_indent, first_prefix)

    def list_block(self, block: ListBlock, indent: str, prefix: str) -> None:
        hang = indent + " " * len(prefix)
        if block.intro:
            self.blank()
            self.blocks(block.intro, indent, prefix)
            hang += INDENT
        elif prefix:
            self.line(indent + prefix.rstrip())
        for point in block.points:
            self.point(point, hang)
        if block.wrap_up:
            self.blocks(block.wrap_up, indent + " " * len(prefix))

    def field(self, item: Field, indent: str, prefix: str) -> None:
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
        text = f"{label}: {value}" if label else value
        self.paragraph(text, indent, prefix)

    # ------------------------------------------------------------ units

    def point(self, unit: Unit, indent: str, prefix: str = "") -> None:
        marker = prefix + (f"{self.inline(unit.num)} " if unit.num else "- ")
        self.unit_body(unit, indent, marker)

    def unit(self, unit: Unit, indent: str = "") -> None:
        if unit.kind == "point":
            self.point(unit, indent)
            return
        num = self.inline(unit.num)
        heading = self.inline(unit.heading)
        if heading:
            self.blank()
            self.line(indent + " ".join(part for part in (num, heading) if part))
            self.blank()
            self.unit_body(unit, indent, "")
        else:
            self.blank()
            self.unit_body(unit, indent, f"{num} " if num else "")

    def unit_body(self, unit: Unit, indent: str, prefix: str) -> None:
        if unit.content is not None:
            self.blocks(unit.content, indent, prefix)
            return
        if unit.intro:
            self.blocks(unit.intro, indent, prefix)
            prefix = ""
        elif prefix:
            self.line(indent + prefix.rstrip())
            prefix = ""
        child_indent = indent + INDENT if unit.kind == "point" else indent
        for child in unit.children:
            self.unit(child, child_indent)
        if unit.wrap_up:
            self.blocks(unit.wrap_up, indent)

    # ------------------------------------------------------------ document parts

    def conclusions(self, conclusions: Conclusions) -> None:
        self.blank()
        if conclusions.heading is not None:
            self.line(self.inline(conclusions.heading))
            self.blank()
        for paragraph in conclusions.paragraphs:
            self.paragraph(self.inline(paragraph.children))
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

    def agreement(self, agreement: Agreement) -> str:
        for paragraph in agreement.preface or ():
            self.paragraph(self.inline(paragraph.children))
            self.blank()
        if agreement.preamble is not None:
            self.blank()
            if agreement.preamble.heading is not None:
                self.line(self.inline(agreement.preamble.heading))
                self.blank()
            self.blocks(agreement.preamble.blocks, "")
        for unit in agreement.body:
            self.unit(unit)
        if agreement.conclusions is not None:
            self.conclusions(agreement.conclusions)
        if agreement.attachments is not None:
            self.blank()
            if agreement.attachments.heading is not None:
                self.line(self.inline(agreement.attachments.heading))
            for item in agreement.attachments.items:
                self.line(f"- {self.inline(item.heading)}")
        self.flush_notes()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def render_text(agreement: Agreement) -> str:
    """The reading text of an agreement, ending with a newline."""
    return _TextWriter().agreement(agreement)
