"""An agreement as a flat list of clauses, each with its own words only, for the diff.

A clause's own text leaves out its sub-units, so that a changed point is one change,
not also a change of its subsection and its §. A field is a single token keyed by its
name: filling it never changes the clause's text (field values are compared apart).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from lvcheck.changes import Clause, Token
from lvcheck.clausepath import unit_label
from lvcheck.model import (
    Agreement,
    Block,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    Ref,
    Span,
    Unit,
)
from lvcheck.render.inline import BLANK, plain_text, value_text
from lvcheck.words import field_token, tokenize


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
    return []  # a list is a clause of its own


POINTS_MARK: Token = ("\x00points", "[…] ")


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
        path: str,
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
                path=path,
                parent=parent,
                index=len(self.clauses),
                line=line,
            )
        )

    def notes(self, items: Iterable[Inline], path: str, parent: str) -> None:
        for item in items:
            if isinstance(item, Note):
                tokens = _paragraph_tokens(item.paragraphs)
                self.add(
                    item.eid,
                    "note",
                    f"[{item.marker}]",
                    (),
                    tokens,
                    f"{path} > Fußnote {item.marker}",
                    parent,
                    item.line,
                )
            elif isinstance(item, Span | Ref):
                self.notes(item.children, path, parent)

    def blocks(self, blocks: Iterable[Block], path: str, parent: str) -> list[Token]:
        """The own tokens of blocks; their lists and notes become clauses of their own."""
        tokens: list[Token] = []
        lists = 0
        for block in blocks:
            _space_after_last(tokens)  # paragraphs are read one after the other
            tokens.extend(_block_tokens(block))
            if isinstance(block, Paragraph):
                self.notes(block.children, path, parent)
            if isinstance(block, ListBlock):
                lists += 1
                self.list_block(block, f"{path} > Aufzählung {lists}", parent)
        return tokens

    def list_block(self, block: ListBlock, path: str, parent: str) -> None:
        position = len(self.clauses)
        self.add(block.eid, "list", "", (), [], path, parent, block.line)
        own = self.blocks(block.intro, path, block.eid)
        for number, point in enumerate(block.points, start=1):
            self.unit(point, path, block.eid, number)
        _space_after_last(own)
        own.append(POINTS_MARK)  # where the points stand between intro and wrap-up
        own += self.blocks(block.wrap_up, path, block.eid)
        self.clauses[position] = replace(self.clauses[position], tokens=tuple(own))

    def unit(self, unit: Unit, parent_path: str, parent: str | None, position: int) -> None:
        num = plain_text(unit.num or ())
        heading = plain_text(unit.heading or ())
        label = unit_label(unit.kind, num, heading, position)
        path = f"{parent_path} > {label}" if parent_path else label
        index = len(self.clauses)
        self.add(
            unit.eid,
            unit.kind,
            num,
            [i for i in unit.heading or () if not isinstance(i, Note)],
            [],
            path,
            parent,
            unit.line,
        )
        self.notes(unit.heading or (), path, unit.eid)
        if unit.content is not None:
            own = self.blocks(unit.content, path, unit.eid)
        else:
            own = self.blocks(unit.intro, path, unit.eid)
            counts: dict[str, int] = {}
            for child in unit.children:
                counts[child.kind] = counts.get(child.kind, 0) + 1
                self.unit(child, path, unit.eid, counts[child.kind])
            _space_after_last(own)
            own += self.blocks(unit.wrap_up, path, unit.eid)
        self.clauses[index] = replace(self.clauses[index], tokens=tuple(own))

    def agreement(self, agreement: Agreement) -> list[Clause]:
        if agreement.preface is not None:
            tokens = _paragraph_tokens(agreement.preface)
            self.add("preface", "preface", "", (), tokens, "Kopf", None)
        if agreement.preamble is not None:
            preamble = agreement.preamble
            index = len(self.clauses)
            self.add(preamble.eid, "preamble", "", preamble.heading or (), [], "Vorwort", None)
            own = self.blocks(preamble.blocks, "Vorwort", preamble.eid)
            self.clauses[index] = replace(self.clauses[index], tokens=tuple(own))
        counts: dict[str, int] = {}
        for unit in agreement.body:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            self.unit(unit, "", None, counts[unit.kind])
        if agreement.conclusions is not None:
            conclusions = agreement.conclusions
            own = _paragraph_tokens(conclusions.paragraphs)
            self.add(
                conclusions.eid,
                "conclusions",
                "",
                conclusions.heading or (),
                own,
                "Unterschriften",
                None,
            )
            for number, signature in enumerate(conclusions.signatures, start=1):
                tokens = _paragraph_tokens(signature.lines)
                self.add(
                    signature.eid,
                    "signature",
                    "",
                    (),
                    tokens,
                    f"Unterschriften > Unterschrift {number}",
                    conclusions.eid,
                )
        if agreement.attachments is not None:
            attachments = agreement.attachments
            self.add(
                attachments.eid, "attachments", "", attachments.heading or (), [], "Anlagen", None
            )
            for number, item in enumerate(attachments.items, start=1):
                self.add(
                    item.eid,
                    "attachment",
                    "",
                    (),
                    inline_tokens(item.heading),
                    f"Anlagen > Anlage {number}",
                    attachments.eid,
                )
        return self.clauses


def flatten(agreement: Agreement) -> list[Clause]:
    """Every clause of an agreement in document order, each with its own words."""
    return _Flattener().agreement(agreement)
