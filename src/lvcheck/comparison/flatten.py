"""An agreement as a flat list of clauses, each with its own words only, for the diff.

A clause's own text leaves out its sub-units, so that a changed point is one change,
not also a change of its subsection and its §. A field is a single token keyed by its
name: filling it never changes the clause's text (field values are compared apart).
Words are kept as written (running text and such tokens); comparing and cutting them
into tokens is the business of comparison.tokens, when the diff needs it. Each clause
carries the chain of units that leads to it, for its citation (document.citation).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lvcheck.comparison.changes import Clause
from lvcheck.comparison.tokens import Segment, Token
from lvcheck.document.citation import Step
from lvcheck.document.kinds import Place
from lvcheck.document.model import (
    Agreement,
    Block,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    QuotedStructure,
    Ref,
    Span,
    Unit,
)
from lvcheck.document.text import plain_text, value_text
from lvcheck.labels import BLANK

Steps = tuple[Step, ...]
FIELD_PREFIX = "\x00field:"  # the key of a field: never equal to a word
POINTS_MARK: Token = ("\x00points", "[…] ")  # where a list's points stand in its text
_PLACE_KEPT = Clause("", "", "", (), (), (), None, -1)  # a clause whose parts come later


def field_token(item: Field) -> Token:
    """A field is one token keyed by its name, shown with its value or as a blank."""
    return (FIELD_PREFIX + item.name, value_text(item) or BLANK)


def inline_parts(items: Iterable[Inline], parts: list[Segment]) -> list[Segment]:
    """Running text as written, each field and footnote marker one token; appended to
    ``parts``, which is returned."""
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Span | Ref):
            inline_parts(item.children, parts)
        elif isinstance(item, Field):
            parts.append(field_token(item))
        elif isinstance(item, Note):
            parts.append((f"\x00note:{item.marker}", f"[{item.marker}]"))
    return parts


def _paragraph_parts(paragraphs: Iterable[Paragraph]) -> list[Segment]:
    parts: list[Segment] = []
    for paragraph in paragraphs:
        parts.append(" ")  # paragraphs are read one after the other
        inline_parts(paragraph.children, parts)
    return parts


def _block_parts(block: Block, parts: list[Segment]) -> None:
    if isinstance(block, Paragraph):
        inline_parts(block.children, parts)
    elif isinstance(block, Field):
        if block.label:
            inline_parts(block.label, parts)
            parts.append(": ")
        parts.append(field_token(block))
    elif isinstance(block, QuotedStructure):  # an amendment's quoted wording: part of its words
        parts.append("„")
        _unit_parts(block.unit, parts)
        parts.append("“ ")
    # a list is a clause of its own


def _all_parts(blocks: tuple[Block, ...], parts: list[Segment]) -> None:
    """All the words of blocks, the points of their lists included (for a quoted unit)."""
    for block in blocks:
        parts.append(" ")
        if isinstance(block, ListBlock):
            _all_parts(block.intro, parts)
            for point in block.points:
                parts.append(" ")
                _unit_parts(point, parts)
            parts.append(" ")
            _all_parts(block.wrap_up, parts)
        else:
            _block_parts(block, parts)


def _unit_parts(unit: Unit, parts: list[Segment]) -> None:
    """All the words of a unit, its sub-units included (for a quoted unit)."""
    inline_parts(unit.num or (), parts)
    parts.append(" ")
    inline_parts(unit.heading or (), parts)
    for blocks in (unit.content or (), unit.intro):
        _all_parts(blocks, parts)
    for child in unit.children:
        parts.append(" ")
        _unit_parts(child, parts)
    _all_parts(unit.wrap_up, parts)


def _heading_words(heading: tuple[Inline, ...] | None) -> str:
    return plain_text(tuple(i for i in heading or () if not isinstance(i, Note)))


class _Flattener:
    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.waiting: dict[int, dict[str, Any]] = {}  # clauses whose own parts come later

    def add(
        self,
        eid: str,
        kind: str,
        num: str,
        heading: Iterable[Inline],
        parts: list[Segment] | None,
        steps: Steps,
        parent: int | None,
        line: int = 0,
    ) -> int:
        """A clause, and its index; with ``parts`` None, its place is kept until set_parts
        (its own words are known only once its sub-units, which follow it, are in)."""
        index = len(self.clauses)
        fields: dict[str, Any] = {
            "eid": eid,
            "kind": kind,
            "num": num,
            "heading_parts": tuple(inline_parts(heading, [])),
            "steps": steps,
            "parent": parent,
            "index": index,
            "line": line,
        }
        if parts is None:
            self.waiting[index] = fields
            self.clauses.append(_PLACE_KEPT)
        else:
            self.clauses.append(Clause(parts=tuple(parts), **fields))
        return index

    def set_parts(self, index: int, parts: list[Segment]) -> None:
        self.clauses[index] = Clause(parts=tuple(parts), **self.waiting.pop(index))

    def notes(self, items: Iterable[Inline], steps: Steps, parent: int) -> None:
        for item in items:
            if isinstance(item, Note):
                parts = _paragraph_parts(item.paragraphs)
                here = (*steps, Step(Place.NOTE, item.marker))
                self.add(item.eid, "note", f"[{item.marker}]", (), parts, here, parent, item.line)
            elif isinstance(item, Span | Ref):
                self.notes(item.children, steps, parent)

    def blocks(self, blocks: tuple[Block, ...], steps: Steps, parent: int) -> list[Segment]:
        """The own parts of blocks; their lists and notes become clauses of their own."""
        parts: list[Segment] = []
        for position, block in enumerate(blocks, start=1):
            parts.append(" ")  # blocks are read one after the other
            if isinstance(block, Paragraph):
                children = block.children
                if len(children) == 1 and isinstance(children[0], str):
                    parts.append(children[0])  # most paragraphs: text alone, no footnote
                    continue
                self.notes(children, steps, parent)
            _block_parts(block, parts)
            if isinstance(block, ListBlock):
                here = (*steps, Step(Place.LIST, block=position, blocks=len(blocks)))
                self.list_block(block, here, parent)
        return parts

    def list_block(self, block: ListBlock, steps: Steps, parent: int) -> None:
        index = self.add(block.eid, "list", "", (), None, steps, parent, block.line)
        own = self.blocks(block.intro, steps, index)
        self.units(block.points, steps, index)
        own += [" ", POINTS_MARK, " "]  # where the points stand between intro and wrap-up
        own += self.blocks(block.wrap_up, steps, index)
        self.set_parts(index, own)

    def units(self, units: tuple[Unit, ...], steps: Steps, parent: int | None) -> None:
        counts: dict[str, int] = {}
        for unit in units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            self.unit(unit, steps, parent, counts[unit.kind])

    def unit(self, unit: Unit, outer: Steps, parent: int | None, position: int) -> None:
        # the hot path of a large agreement: add and set_parts written out
        num = plain_text(unit.num or ())
        heading = unit.heading or ()
        words = tuple(i for i in heading if not isinstance(i, Note))
        steps = (*outer, Step(unit.kind, num, plain_text(words), position))
        index = len(self.clauses)
        self.clauses.append(_PLACE_KEPT)  # its own words are known once its sub-units are in
        if not all(isinstance(i, str) for i in heading):  # footnotes, also inside a span
            self.notes(heading, steps, index)
        if unit.content is not None:
            own = self.blocks(unit.content, steps, index)
        else:
            own = self.blocks(unit.intro, steps, index)
            self.units(unit.children, steps, index)
            own.append(" ")
            own += self.blocks(unit.wrap_up, steps, index)
        heading_parts = tuple(inline_parts(words, []))
        self.clauses[index] = Clause(
            unit.eid, unit.kind, num, heading_parts, tuple(own), steps, parent, index, unit.line
        )

    def agreement(self, agreement: Agreement) -> list[Clause]:
        if agreement.preface is not None:
            parts = _paragraph_parts(agreement.preface)
            self.add("preface", "preface", "", (), parts, (Step(Place.PREFACE),), None)
        if agreement.preamble is not None:
            preamble = agreement.preamble
            steps: Steps = (Step(Place.PREAMBLE, heading=_heading_words(preamble.heading)),)
            heading = preamble.heading or ()
            index = self.add(preamble.eid, "preamble", "", heading, None, steps, None)
            self.set_parts(index, self.blocks(preamble.blocks, steps, index))
        self.units(agreement.body, (), None)
        if agreement.conclusions is not None:
            conclusions = agreement.conclusions
            steps = (Step(Place.CONCLUSIONS),)
            own = _paragraph_parts(conclusions.paragraphs)
            heading = conclusions.heading or ()
            index = self.add(conclusions.eid, "conclusions", "", heading, own, steps, None)
            for number, signature in enumerate(conclusions.signatures, start=1):
                parts = _paragraph_parts(signature.lines)
                here = (*steps, Step(Place.SIGNATURE, position=number))
                self.add(signature.eid, "signature", "", (), parts, here, index)
        if agreement.attachments is not None:
            attachments = agreement.attachments
            steps = (Step(Place.ATTACHMENTS),)
            heading = attachments.heading or ()
            index = self.add(attachments.eid, "attachments", "", heading, [], steps, None)
            for number, item in enumerate(attachments.items, start=1):
                alone: Steps = (Step(Place.ATTACHMENT, position=number),)  # "Anlage 2"
                parts = inline_parts(item.heading, [])
                self.add(item.eid, "attachment", "", (), parts, alone, index)
        return self.clauses


def flatten(agreement: Agreement) -> list[Clause]:
    """Every clause of an agreement in document order, each with its own words."""
    return _Flattener().agreement(agreement)
