"""eIds in the repository's style, made from the structure: ``sec_7``, ``sec_7__subsec_1``,
``sec_5__para_2__list_1__point_3``, ``part_2__sec_1``, ``part_1__hcontainer_3``,
``sec_7__subsec_1__note_1``. A unit with a number takes it (§ 7 is sec_7, II. part_2, 7.1
subsec_1, (2) para_2); points, lists, form blocks and notes are counted in their parent.
``taken`` names eIds the work used before: a new clause never takes one of them (README,
"How to change a clause").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from lvcheck.document.kinds import EID_PREFIXES, UnitKind
from lvcheck.document.model import (
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
from lvcheck.document.numbers import roman_value

_TOKEN = re.compile(r"[0-9A-Za-z]+")


def number_token(num: str | None) -> str | None:
    """The eId component a display number gives: "§ 7a" 7a, "(2)" 2, "7.1" 1, "II." 2."""
    if not num:
        return None
    text = num.replace("§", "").replace("Art.", "").strip().strip("().").strip()
    last = text.rsplit(".", 1)[-1].strip()
    if not last:
        return None
    roman = roman_value(last) if last.isupper() and last.isalpha() else None
    if roman is not None:
        return str(roman)
    return last if _TOKEN.fullmatch(last) else None


class Namer:
    """Gives each element its eId, none twice and none the work used before."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self.given: set[str] = set()

    def give(self, parent: str, prefix: str, token: str) -> str:
        base = f"{parent}__{prefix}" if parent else prefix
        eid = f"{base}_{token}"
        suffix = 1
        while eid in self.given or eid in self.taken:
            suffix += 1
            eid = f"{base}_{token}n{suffix}"
        self.given.add(eid)
        return eid

    def units(self, units: Iterable[Unit], parent: str = "") -> tuple[Unit, ...]:
        counts: dict[str, int] = {}
        out = []
        for unit in units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            token = None
            if unit.kind not in (UnitKind.POINT, UnitKind.HCONTAINER):
                token = number_token(_num_text(unit.num))
            eid = self.give(parent, EID_PREFIXES[unit.kind], token or str(counts[unit.kind]))
            out.append(self.unit(unit, eid))
        return tuple(out)

    def unit(self, unit: Unit, eid: str) -> Unit:
        notes = Counter()
        return replace(
            unit,
            eid=eid,
            heading=self.inlines(unit.heading, eid, notes) if unit.heading else unit.heading,
            content=self.blocks(unit.content, eid, notes) if unit.content is not None else None,
            intro=self.blocks(unit.intro, eid, notes),
            children=self.units(unit.children, eid),
            wrap_up=self.blocks(unit.wrap_up, eid, notes),
        )

    def blocks(self, blocks: Iterable[Block], owner: str, notes: Counter) -> tuple[Block, ...]:
        out: list[Block] = []
        lists = 0
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(replace(block, children=self.inlines(block.children, owner, notes)))
            elif isinstance(block, ListBlock):
                lists += 1
                eid = self.give(owner, "list", str(lists))
                out.append(
                    replace(
                        block,
                        eid=eid,
                        intro=self.blocks(block.intro, owner, notes),
                        points=self.units(block.points, eid),
                        wrap_up=self.blocks(block.wrap_up, owner, notes),
                    )
                )
            else:
                out.append(block)
        return tuple(out)

    def inlines(self, items: Iterable[Inline], owner: str, notes: Counter) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for item in items:
            if isinstance(item, Note):
                notes.count += 1
                eid = self.give(owner, "note", str(notes.count))
                paragraphs = tuple(
                    replace(p, children=self.inlines(p.children, eid, Counter()))
                    for p in item.paragraphs
                )
                out.append(replace(item, eid=eid, paragraphs=paragraphs))
            elif isinstance(item, Span | Ref):
                out.append(replace(item, children=self.inlines(item.children, owner, notes)))
            else:
                out.append(item)
        return tuple(out)


class Counter:
    def __init__(self) -> None:
        self.count = 0


def _num_text(num: tuple[Inline, ...] | None) -> str | None:
    if not num:
        return None
    return "".join(part for part in num if isinstance(part, str))


__all__ = ["Counter", "Field", "Namer", "number_token"]
