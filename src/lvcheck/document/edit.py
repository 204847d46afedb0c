"""Changing the model of an agreement: units replaced, inserted, removed, words substituted.
The model is frozen; every function returns a new agreement or unit. Amendments are applied
with these (timeline/consolidate.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from lvcheck.document.model import (
    Agreement,
    Block,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    QuotedStructure,
    Ref,
    Span,
    Unit,
)

UnitMap = Callable[[Unit], tuple[Unit, ...]]  # one unit -> what stands in its place


def _map_blocks(blocks: tuple[Block, ...], fn: UnitMap) -> tuple[Block, ...]:
    mapped: list[Block] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            points = tuple(u for point in block.points for u in _map_unit(point, fn))
            block = replace(
                block,
                intro=_map_blocks(block.intro, fn),
                points=points,
                wrap_up=_map_blocks(block.wrap_up, fn),
            )
        mapped.append(block)
    return tuple(mapped)


def _map_unit(unit: Unit, fn: UnitMap) -> tuple[Unit, ...]:
    inner = replace(
        unit,
        content=_map_blocks(unit.content, fn) if unit.content is not None else None,
        intro=_map_blocks(unit.intro, fn),
        children=tuple(u for child in unit.children for u in _map_unit(child, fn)),
        wrap_up=_map_blocks(unit.wrap_up, fn),
    )
    return fn(inner)


def map_units(agreement: Agreement, fn: UnitMap) -> Agreement:
    """The agreement with every unit (at any depth, points of lists included) put through
    ``fn``, which returns what stands in its place: itself, another unit, several, none."""
    body = tuple(u for unit in agreement.body for u in _map_unit(unit, fn))
    return replace(agreement, body=body)


def find_unit(agreement: Agreement, eid: str) -> Unit | None:
    found: list[Unit] = []

    def look(unit: Unit) -> tuple[Unit, ...]:
        if unit.eid == eid:
            found.append(unit)
        return (unit,)

    map_units(agreement, look)
    return found[0] if found else None


def quoted_unit(agreement: Agreement, eid: str) -> Unit | None:
    """The unit an amendment quotes in the <quotedStructure> with this eId."""
    found: list[Unit] = []

    def blocks(items: tuple[Block, ...]) -> None:
        for block in items:
            if isinstance(block, QuotedStructure) and block.eid == eid:
                found.append(block.unit)
            elif isinstance(block, ListBlock):
                blocks(block.intro)
                for point in block.points:
                    unit(point)
                blocks(block.wrap_up)

    def unit(item: Unit) -> None:
        blocks(item.content or ())
        blocks(item.intro)
        for child in item.children:
            unit(child)
        blocks(item.wrap_up)

    for item in agreement.body:
        unit(item)
    return found[0] if found else None


def _words_pattern(words: str) -> re.Pattern[str]:
    """The old words as the XML may hold them: any run of whitespace between words."""
    return re.compile(r"\s+".join(re.escape(word) for word in words.split()))


def substitute_words(unit: Unit, old: str, new: str) -> tuple[Unit, int]:
    """The unit with the old words replaced in its running text; how often they occurred."""
    pattern = _words_pattern(old)
    count = 0

    def inlines(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
        nonlocal count
        out: list[Inline] = []
        for item in items:
            if isinstance(item, str):
                text, n = pattern.subn(new, item)
                count += n
                out.append(text)
            elif isinstance(item, Span | Ref):
                out.append(replace(item, children=inlines(item.children)))
            elif isinstance(item, Note):
                out.append(
                    replace(
                        item,
                        paragraphs=tuple(
                            replace(p, children=inlines(p.children)) for p in item.paragraphs
                        ),
                    )
                )
            else:
                out.append(item)
        return tuple(out)

    def blocks(items: tuple[Block, ...]) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in items:
            if isinstance(block, Paragraph):
                block = replace(block, children=inlines(block.children))
            elif isinstance(block, ListBlock):
                block = replace(
                    block,
                    intro=blocks(block.intro),
                    points=tuple(walk(p) for p in block.points),
                    wrap_up=blocks(block.wrap_up),
                )
            out.append(block)
        return tuple(out)

    def walk(item: Unit) -> Unit:
        return replace(
            item,
            heading=inlines(item.heading) if item.heading is not None else None,
            content=blocks(item.content) if item.content is not None else None,
            intro=blocks(item.intro),
            children=tuple(walk(c) for c in item.children),
            wrap_up=blocks(item.wrap_up),
        )

    return walk(unit), count
