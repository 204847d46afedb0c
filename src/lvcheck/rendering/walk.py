"""One walk over an agreement in reading order, shared by the text and HTML renderers.

A renderer subclasses Walker and overrides the hooks it needs; the order in which parts,
units, blocks, lists and points are met is decided here, once. On its way the walk keeps
the chain of citation steps (``self.steps``), built as comparison/flatten.py builds them,
so that a hook names the unit it is in as lawyers cite it (``self.citation()``):
document/citation.py stays the one labeller.
"""

from __future__ import annotations

from lvcheck.document.citation import Step, cite
from lvcheck.document.kinds import Place
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
from lvcheck.document.text import heading_words, plain_text


class Walker:
    """Visits an agreement in reading order. Every hook does nothing by default."""

    steps: list[Step]

    def walk(self, agreement: Agreement) -> None:
        self.steps = []
        self.begin(agreement)
        if agreement.preface is not None:
            self.steps = [Step(Place.PREFACE)]
            self.preface(agreement.preface)
        if agreement.preamble is not None:
            preamble = agreement.preamble
            self.steps = [Step(Place.PREAMBLE, heading=heading_words(preamble.heading))]
            self.preamble(preamble)
        self.steps = []
        self.units(agreement.body, 0)
        if agreement.conclusions is not None:
            self.steps = [Step(Place.CONCLUSIONS)]
            self.conclusions(agreement.conclusions)
        if agreement.attachments is not None:
            self.steps = [Step(Place.ATTACHMENTS)]
            self.attachments(agreement.attachments)
        self.steps = []
        self.end(agreement)

    def citation(self, *more: Step) -> str:
        """The citation of where the walk stands ("§ 14 Abs. 4"), or of a step below it
        (``Step(Place.SIGNATURE, position=2)``, ``Step(Place.NOTE, marker)``)."""
        return cite([*self.steps, *more])

    def units(self, units: tuple[Unit, ...], depth: int) -> None:
        """Sibling units; ``position`` counts units of the same kind (Punkt 1, 2, …)."""
        counts: dict[str, int] = {}
        for unit in units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            self.unit(unit, depth, counts[unit.kind])

    def unit(self, unit: Unit, depth: int, position: int) -> None:
        num = plain_text(unit.num or ())
        self.steps.append(Step(unit.kind, num, heading_words(unit.heading), position))
        self.enter_unit(unit, depth, position)
        if unit.content is not None:
            self.blocks(unit.content, depth)
        else:
            self.blocks(unit.intro, depth)
            self.units(unit.children, depth + 1)
            self.blocks(unit.wrap_up, depth)
        self.leave_unit(unit, depth)
        self.steps.pop()

    def blocks(self, blocks: tuple[Block, ...], depth: int) -> None:
        for index, block in enumerate(blocks):
            if isinstance(block, Paragraph):
                self.paragraph(block, index)
            elif isinstance(block, ListBlock):
                self.steps.append(Step(Place.LIST, block=index + 1, blocks=len(blocks)))
                self.enter_list(block, depth, index)
                self.blocks(block.intro, depth)
                self.units(block.points, depth + 1)
                self.blocks(block.wrap_up, depth)
                self.leave_list(block, depth)
                self.steps.pop()
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
