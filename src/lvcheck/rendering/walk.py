"""One walk over an agreement in reading order, shared by the text and HTML renderers.

A renderer subclasses Walker and overrides the hooks it needs; the order in which parts,
units, blocks, lists and points are met is decided here, once.
"""

from __future__ import annotations

from lvcheck.document.model import (
    Agreement,
    Attachments,
    Block,
    Conclusions,
    Field,
    ListBlock,
    Paragraph,
    Preamble,
    QuotedStructure,
    Unit,
)


class Walker:
    """Visits an agreement in reading order. Every hook does nothing by default."""

    def walk(self, agreement: Agreement) -> None:
        self.begin(agreement)
        if agreement.preface is not None:
            self.preface(agreement.preface)
        if agreement.preamble is not None:
            self.preamble(agreement.preamble)
        self.units(agreement.body, 0)
        if agreement.conclusions is not None:
            self.conclusions(agreement.conclusions)
        if agreement.attachments is not None:
            self.attachments(agreement.attachments)
        self.end(agreement)

    def units(self, units: tuple[Unit, ...], depth: int) -> None:
        """Sibling units; ``position`` counts units of the same kind (Punkt 1, 2, …)."""
        counts: dict[str, int] = {}
        for unit in units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            self.unit(unit, depth, counts[unit.kind])

    def unit(self, unit: Unit, depth: int, position: int) -> None:
        self.enter_unit(unit, depth, position)
        if unit.content is not None:
            self.blocks(unit.content, depth)
        else:
            self.blocks(unit.intro, depth)
            self.units(unit.children, depth + 1)
            self.blocks(unit.wrap_up, depth)
        self.leave_unit(unit, depth)

    def blocks(self, blocks: tuple[Block, ...], depth: int) -> None:
        for index, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                self.paragraph(block, index)
            elif isinstance(block, ListBlock):
                self.enter_list(block, depth, index)
                self.blocks(block.intro, depth)
                self.units(block.points, depth + 1)
                self.blocks(block.wrap_up, depth)
                self.leave_list(block, depth)
            elif isinstance(block, QuotedStructure):
                self.quoted_structure(block, depth)
            else:
                self.field(block, index)

    # ------------------------------------------------------------ hooks

    def quoted_structure(self, block: QuotedStructure, depth: int) -> None:
        """A unit quoted in an amendment: by default read like a unit of its own."""
        self.unit(block.unit, depth + 1, 1)

    def begin(self, agreement: Agreement) -> None: ...

    def preface(self, paragraphs: tuple[Paragraph, ...]) -> None: ...

    def preamble(self, preamble: Preamble) -> None: ...

    def enter_unit(self, unit: Unit, depth: int, position: int) -> None: ...

    def leave_unit(self, unit: Unit, depth: int) -> None: ...

    def paragraph(self, paragraph: Paragraph, index: int) -> None: ...

    def enter_list(self, block: ListBlock, depth: int, index: int) -> None: ...

    def leave_list(self, block: ListBlock, depth: int) -> None: ...

    def field(self, item: Field, index: int) -> None: ...

    def conclusions(self, conclusions: Conclusions) -> None: ...

    def attachments(self, attachments: Attachments) -> None: ...

    def end(self, agreement: Agreement) -> None: ...
