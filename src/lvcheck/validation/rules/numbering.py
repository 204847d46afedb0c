"""Sibling clauses are numbered 1, 2, 3 …: repeats and steps back are errors (LV305),
skipped numbers are warnings (LV304), since a repealed clause may leave a gap on purpose."""

from __future__ import annotations

from itertools import pairwise

from lxml import etree

from lvcheck import codes
from lvcheck.document.citation import text_of
from lvcheck.document.kinds import UNIT_KINDS
from lvcheck.document.numbers import sequence_values
from lvcheck.validation.rules.base import NS, Document, Findings

_UNIT_TAGS = frozenset(NS + name for name in UNIT_KINDS)
Numbered = list[tuple[etree._Element, str]]


def _numbered_siblings(document: Document) -> dict[tuple[etree._Element | None, str], Numbered]:
    """Units with a <num>, grouped by parent and kind, in document order.

    The key holds the parent element itself, never id(): lxml makes a new proxy object per
    access, and the id of a collected proxy is reused.
    """
    groups: dict[tuple[etree._Element | None, str], Numbered] = {}
    for num in document.all("num"):
        unit = num.getparent()
        if unit is None or unit.tag not in _UNIT_TAGS:
            continue
        groups.setdefault((unit.getparent(), str(unit.tag)), []).append((unit, text_of(num)))
    return groups


def check(document: Document) -> Findings:
    for numbered in _numbered_siblings(document).values():
        # letters are read by their sequence: "c)" after "b)" is a letter, not Roman 100
        values = sequence_values([text for _, text in numbered])
        readable = [
            (element, text, value)
            for (element, text), value in zip(numbered, values, strict=True)
            if value is not None
        ]
        for (_, before_text, before), (element, text, value) in pairwise(readable):
            if value <= before:
                how = "repeats" if value == before else "goes back to"
                yield document.report(
                    codes.NUMBERING_ORDER,
                    element,
                    f"numbering {how} {text!r} after {before_text!r}",
                )
            elif value > before + 1:
                yield document.report(
                    codes.NUMBERING_GAP,
                    element,
                    f"numbering jumps from {before_text!r} to {text!r}",
                )
