"""The new version's text made of the old one's where it continues (carry.py for one
paragraph): units, lists, notes, signatures and Anlagen that kept their eIds are merged
with the old ones, block by block; the rest is the source's.

Blocks are paired by their words (fields as placeholders), then, in what is left between
pairs, one for one where both sides have the same number of blocks: a paragraph rewritten
in place is merged with the one it replaces, so that its fields keep their names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from lvcheck.comparison.words import matching_blocks
from lvcheck.document.model import (
    Agreement,
    Attachments,
    Block,
    Conclusions,
    Field,
    Inline,
    ListBlock,
    Paragraph,
    Preamble,
    Unit,
)
from lvcheck.importing.carry import Departure, merge, signature


class Found(NamedTuple):
    """A field filled or a departure made, in the clause (its eId) where it stands."""

    eid: str
    field: Field | None = None
    departure: Departure | None = None


def _key(block: Block) -> tuple[str, ...]:
    if isinstance(block, Paragraph):
        return ("p", *signature(block.children))
    if isinstance(block, ListBlock):
        return ("list", block.eid)
    if isinstance(block, Field):
        return ("field", block.type, *signature(block.label or ()))
    return ("other",)


class Merger:
    """Merges a new text into the old one it continues; collects what it finds."""

    def __init__(self, old: Agreement) -> None:
        self.units: dict[str, Unit] = {}
        self.lists: dict[str, ListBlock] = {}
        self.found: list[Found] = []
        for unit in old.body:
            self._index(unit)

    def _index(self, unit: Unit) -> None:
        self.units[unit.eid] = unit
        for child in unit.children:
            self._index(child)
        for block in (*(unit.content or ()), *unit.intro, *unit.wrap_up):
            if isinstance(block, ListBlock):
                self.lists[block.eid] = block
                for point in block.points:
                    self._index(point)

    # ------------------------------------------------------------ blocks

    def blocks(self, old: Iterable[Block], new: Iterable[Block], eid: str) -> tuple[Block, ...]:
        olds, news = list(old), list(new)
        pairs = matching_blocks([_key(b) for b in olds], [_key(b) for b in news])
        out: list[Block] = []
        i = j = 0
        for bi, bj, size in [*pairs, (len(olds), len(news), 0)]:
            gap_old, gap_new = olds[i:bi], news[j:bj]
            if len(gap_old) == len(gap_new):
                out += [self.block(o, n, eid) for o, n in zip(gap_old, gap_new, strict=True)]
            else:
                out += [self.block(None, n, eid) for n in gap_new]
            out += [self.block(olds[bi + k], news[bj + k], eid) for k in range(size)]
            i, j = bi + size, bj + size
        return tuple(out)

    def block(self, old: Block | None, new: Block, eid: str) -> Block:
        if isinstance(new, ListBlock):
            return self.list_block(new)
        if isinstance(new, Paragraph):
            if isinstance(old, Paragraph):
                return self.paragraph(old, new, eid)
            return new
        if isinstance(new, Field) and isinstance(old, Field) and old.type == new.type:
            if new.value:
                self.found.append(Found(eid, replace(old, value=new.value)))
                return replace(old, value=new.value)
            return old
        return new

    def paragraph(self, old: Paragraph, new: Paragraph, eid: str) -> Paragraph:
        merged = merge(old, new)
        self.found += [Found(eid, field=f) for f in merged.filled]
        self.found += [Found(eid, departure=d) for d in merged.departures]
        return merged.paragraph

    def inlines(
        self, old: tuple[Inline, ...] | None, new: tuple[Inline, ...] | None, eid: str
    ) -> tuple[Inline, ...] | None:
        if old is None or new is None:
            return new
        return self.paragraph(Paragraph(old), Paragraph(new), eid).children

    def list_block(self, new: ListBlock) -> ListBlock:
        old = self.lists.get(new.eid)
        if old is None:
            return new
        return replace(
            new,
            intro=self.blocks(old.intro, new.intro, new.eid),
            points=tuple(self.unit(p) for p in new.points),
            wrap_up=self.blocks(old.wrap_up, new.wrap_up, new.eid),
        )

    # ------------------------------------------------------------ units and parts

    def unit(self, new: Unit) -> Unit:
        old = self.units.get(new.eid)
        children = tuple(self.unit(child) for child in new.children)
        if old is None or old.kind != new.kind:
            return replace(new, children=children)
        num = old.num if signature(old.num or ()) == signature(new.num or ()) else new.num
        return replace(
            new,
            num=num,
            heading=self.inlines(old.heading, new.heading, new.eid),
            content=self.blocks(old.content or (), new.content, new.eid)
            if new.content is not None
            else None,
            intro=self.blocks(old.intro, new.intro, new.eid),
            children=children,
            wrap_up=self.blocks(old.wrap_up, new.wrap_up, new.eid),
            name=old.name if new.kind == old.kind and new.name is not None else new.name,
        )

    def preamble(self, old: Preamble | None, new: Preamble | None) -> Preamble | None:
        if old is None or new is None:
            return new
        return replace(
            new,
            eid=old.eid,
            heading=self.inlines(old.heading, new.heading, old.eid),
            blocks=self.blocks(old.blocks, new.blocks, old.eid),
        )

    def conclusions(self, old: Conclusions | None, new: Conclusions | None) -> Conclusions | None:
        if old is None or new is None:
            return new
        by_eid = {s.eid: s for s in old.signatures}
        signatures = []
        for signature_ in new.signatures:
            before = by_eid.get(signature_.eid)
            if before is None:
                signatures.append(signature_)
                continue
            lines = self.blocks(before.lines, signature_.lines, signature_.eid)
            paragraphs = tuple(b for b in lines if isinstance(b, Paragraph))
            signatures.append(replace(signature_, lines=paragraphs, party=before.party))
        merged = self.blocks(old.paragraphs, new.paragraphs, old.eid)
        return replace(
            new,
            heading=self.inlines(old.heading, new.heading, old.eid),
            paragraphs=tuple(p for p in merged if isinstance(p, Paragraph)),
            signatures=tuple(signatures),
            layout=old.layout if old.layout == new.layout else new.layout,
        )

    def attachments(self, old: Attachments | None, new: Attachments | None) -> Attachments | None:
        if old is None or new is None:
            return new
        by_eid = {a.eid: a for a in old.items}
        items = tuple(
            replace(a, heading=self.inlines(by_eid[a.eid].heading, a.heading, a.eid) or a.heading)
            if a.eid in by_eid
            else a
            for a in new.items
        )
        return replace(new, items=items, heading=self.inlines(old.heading, new.heading, old.eid))

    def agreement(self, old: Agreement, new: Agreement) -> Agreement:
        preface = self.blocks(old.preface or (), new.preface or (), "preface")
        return replace(
            new,
            preface=tuple(p for p in preface if isinstance(p, Paragraph)) or None,
            preamble=self.preamble(old.preamble, new.preamble),
            body=tuple(self.unit(u) for u in new.body),
            conclusions=self.conclusions(old.conclusions, new.conclusions),
            attachments=self.attachments(old.attachments, new.attachments),
        )
