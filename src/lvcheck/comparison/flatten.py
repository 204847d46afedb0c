"""An agreement as a flat list of clauses, each with its own words only, for the diff.

A clause's own text leaves out its sub-units, so that a changed point is one change,
not also a change of its subsection and its §. A field is a single token keyed by its
name: filling it never changes the clause's text (field values are compared apart).
Each clause carries its citation, from the one labeller in document.citation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from lvcheck.comparison.changes import Clause, Token
from lvcheck.comparison.words import field_token, tokenize
from lvcheck.document.citation import Step, cite
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


def _field_shown(item: Field) -> str:
    return value_text(item) or BLANK


def _space_after_last(tokens: list[Token]) -> None:
    if tokens and not tokens[-1][1].endswith(" "):
        tokens[-1] = (tokens[-1][0], tokens[-1][1] + " ")


def inline_tokens(items: Iterable[Inline]) -> list[Token]:
    """Tokens of running text; spaces stand where the text has them, not at element edges."""
    tokens: list[Token] = []
    for item in items:
        if isinstance(item, str):
            if item[:1].isspace():
                _space_after_last(tokens)
            tokens.extend(tokenize(item))
        elif isinstance(item, Span | Ref):
            tokens.extend(inline_tokens(item.children))
        elif isinstance(item, Field):
            tokens.append(field_token(item.name, _field_shown(item)))
        elif isinstance(item, Note):
            tokens.append((f"\x00note:{item.marker}", f"[{item.marker}]"))
    return tokens


def _paragraph_tokens(paragraphs: Iterable[Paragraph]) -> list[Token]:
    tokens: list[Token] = []
    for paragraph in paragraphs:
        _space_after_last(tokens)
        tokens.extend(inline_tokens(paragraph.children))
    return tokens


def _block_tokens(block: Block) -> list[Token]:
    if isinstance(block, Paragraph):
        return inline_tokens(block.children)
    if isinstance(block, Field):
        label = inline_tokens(block.label or ())
        return [
            *label,
            *([(":", ": ")] if label else []),
            field_token(block.name, _field_shown(block)),
        ]
    if isinstance(block, QuotedStructure):  # an amendment's quoted wording: part of its words
        return [("„", "„"), *_unit_tokens(block.unit), ("“", "“ ")]
    return []  # a list is a clause of its own


def _all_tokens(blocks: tuple[Block, ...]) -> list[Token]:
    """All the words of blocks, the points of their lists included (for a quoted unit)."""
    tokens: list[Token] = []
    for block in blocks:
        _space_after_last(tokens)
        if isinstance(block, ListBlock):
            tokens += _all_tokens(block.intro)
            for point in block.points:
                _space_after_last(tokens)
                tokens += _unit_tokens(point)
            _space_after_last(tokens)
            tokens += _all_tokens(block.wrap_up)
        else:
            tokens += _block_tokens(block)
    return tokens


def _unit_tokens(unit: Unit) -> list[Token]:
    """All the words of a unit, its sub-units included (for a quoted unit)."""
    tokens = inline_tokens(unit.num or ()) + inline_tokens(unit.heading or ())
    for part in (unit.content or (), unit.intro):
        _space_after_last(tokens)
        tokens += _all_tokens(part)
    for child in unit.children:
        _space_after_last(tokens)
        tokens += _unit_tokens(child)
    _space_after_last(tokens)
    return tokens + _all_tokens(unit.wrap_up)


POINTS_MARK: Token = ("\x00points", "[…] ")


def _heading_words(heading: tuple[Inline, ...] | None) -> str:
    return plain_text(tuple(i for i in heading or () if not isinstance(i, Note)))


class _Flattener:
    def __init__(self) -> None:
        self.clauses: list[Clause] = []

    def add(
        self,
        eid: str,
        kind: str,
        num: str,
        heading: Iterable[Inline],
        tokens: list[Token],
        steps: Steps,
        parent: str | None,
        line: int = 0,
    ) -> None:
        self.clauses.append(
            Clause(
                eid=eid,
                kind=kind,
                num=num,
                heading_tokens=tuple(inline_tokens(heading)),
                tokens=tuple(tokens),
                citation=cite(steps),
                top=cite(steps[:1]),
                parent=parent,
                index=len(self.clauses),
                line=line,
            )
        )

    def set_tokens(self, index: int, tokens: list[Token]) -> None:
        self.clauses[index] = replace(self.clauses[index], tokens=tuple(tokens))

    def notes(self, items: Iterable[Inline], steps: Steps, parent: str) -> None:
        for item in items:
            if isinstance(item, Note):
                tokens = _paragraph_tokens(item.paragraphs)
                here = (*steps, Step(Place.NOTE, item.marker))
                self.add(item.eid, "note", f"[{item.marker}]", (), tokens, here, parent, item.line)
            elif isinstance(item, Span | Ref):
                self.notes(item.children, steps, parent)

    def blocks(self, blocks: tuple[Block, ...], steps: Steps, parent: str) -> list[Token]:
        """The own tokens of blocks; their lists and notes become clauses of their own."""
        tokens: list[Token] = []
        for position, block in enumerate(blocks, start=1):
            _space_after_last(tokens)  # paragraphs are read one after the other
            tokens.extend(_block_tokens(block))
            if isinstance(block, Paragraph):
                self.notes(block.children, steps, parent)
            if isinstance(block, ListBlock):
                here = (*steps, Step(Place.LIST, block=position, blocks=len(blocks)))
                self.list_block(block, here, parent)
        return tokens

    def list_block(self, block: ListBlock, steps: Steps, parent: str) -> None:
        index = len(self.clauses)
        self.add(block.eid, "list", "", (), [], steps, parent, block.line)
        own = self.blocks(block.intro, steps, block.eid)
        self.units(block.points, steps, block.eid)
        _space_after_last(own)
        own.append(POINTS_MARK)  # where the points stand between intro and wrap-up
        own += self.blocks(block.wrap_up, steps, block.eid)
        self.set_tokens(index, own)

    def units(self, units: tuple[Unit, ...], steps: Steps, parent: str | None) -> None:
        counts: dict[str, int] = {}
        for unit in units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            self.unit(unit, steps, parent, counts[unit.kind])

    def unit(self, unit: Unit, outer: Steps, parent: str | None, position: int) -> None:
        num = plain_text(unit.num or ())
        steps = (*outer, Step(unit.kind, num, _heading_words(unit.heading), position))
        index = len(self.clauses)
        heading = [i for i in unit.heading or () if not isinstance(i, Note)]
        self.add(unit.eid, unit.kind, num, heading, [], steps, parent, unit.line)
        self.notes(unit.heading or (), steps, unit.eid)
        if unit.content is not None:
            own = self.blocks(unit.content, steps, unit.eid)
        else:
            own = self.blocks(unit.intro, steps, unit.eid)
            self.units(unit.children, steps, unit.eid)
            _space_after_last(own)
            own += self.blocks(unit.wrap_up, steps, unit.eid)
        self.set_tokens(index, own)

    def agreement(self, agreement: Agreement) -> list[Clause]:
        if agreement.preface is not None:
            tokens = _paragraph_tokens(agreement.preface)
            self.add("preface", "preface", "", (), tokens, (Step(Place.PREFACE),), None)
        if agreement.preamble is not None:
            preamble = agreement.preamble
            steps: Steps = (Step(Place.PREAMBLE, heading=_heading_words(preamble.heading)),)
            index = len(self.clauses)
            self.add(preamble.eid, "preamble", "", preamble.heading or (), [], steps, None)
            self.set_tokens(index, self.blocks(preamble.blocks, steps, preamble.eid))
        self.units(agreement.body, (), None)
        if agreement.conclusions is not None:
            conclusions = agreement.conclusions
            steps = (Step(Place.CONCLUSIONS),)
            own = _paragraph_tokens(conclusions.paragraphs)
            heading = conclusions.heading or ()
            self.add(conclusions.eid, "conclusions", "", heading, own, steps, None)
            for number, signature in enumerate(conclusions.signatures, start=1):
                tokens = _paragraph_tokens(signature.lines)
                here = (*steps, Step(Place.SIGNATURE, position=number))
                self.add(signature.eid, "signature", "", (), tokens, here, conclusions.eid)
        if agreement.attachments is not None:
            attachments = agreement.attachments
            steps = (Step(Place.ATTACHMENTS),)
            heading = attachments.heading or ()
            self.add(attachments.eid, "attachments", "", heading, [], steps, None)
            for number, item in enumerate(attachments.items, start=1):
                tokens = inline_tokens(item.heading)
                alone: Steps = (Step(Place.ATTACHMENT, position=number),)  # "Anlage 2"
                self.add(item.eid, "attachment", "", (), tokens, alone, attachments.eid)
        return self.clauses


def flatten(agreement: Agreement) -> list[Clause]:
    """Every clause of an agreement in document order, each with its own words."""
    return _Flattener().agreement(agreement)
