"""Sibling clauses are numbered 1, 2, 3 …: repeats and steps back are errors (LV305),
skipped numbers are warnings (LV304), since a repealed clause may leave a gap on purpose."""

from __future__ import annotations

import re
from itertools import pairwise

from lxml import etree

from lvcheck import codes
from lvcheck.clausepath import text_of
from lvcheck.rules.base import NS, Document, Findings

UNITS = ("part", "section", "subsection", "paragraph", "point", "hcontainer")
_UNIT_TAGS = frozenset(NS + name for name in UNITS)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ARABIC = re.compile(r"^(\d+)([a-z]?)$")
# "§ 7", "Art. 21", "7.2", "(3)", "1.": most numbers, read with one match
_COMMON = re.compile(r"^(?:§|Art\.)?\s*\(?(?:\d+\.)*(\d+)\)?\.?$")


def _roman(token: str) -> int | None:
    if not token or any(ch not in _ROMAN for ch in token):
        return None
    values = [_ROMAN[ch] for ch in token]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total


def number_value(num: str) -> int | None:
    """The position a display number stands for: "§ 7" 7, "7.2" 2, "(3)" 3, "II." 2, "b)" 2.

    A letter suffix ("§ 7a") is an inserted clause and has no position of its own: None.
    """
    common = _COMMON.match(num)
    if common:
        return int(common.group(1))
    token = num.lower().replace("§", "").replace("art.", "").strip()
    token = token.strip("()").rstrip(".)").strip()
    token = token.rsplit(".", 1)[-1].strip()
    arabic = _ARABIC.match(token)
    if arabic:
        return None if arabic.group(2) else int(arabic.group(1))
    roman = _roman(token)
    if roman is not None:
        return roman
    if len(token) == 1 and token.isalpha():
        return ord(token) - ord("a") + 1
    return None


Numbered = list[tuple[etree._Element, str, int]]


def _numbered_siblings(document: Document) -> dict[tuple[etree._Element | None, str], Numbered]:
    """Units with a numeric <num>, grouped by parent and kind, in document order.

    The key holds the parent element itself, never id(): lxml makes a new proxy object per
    access, and the id of a collected proxy is reused.
    """
    groups: dict[tuple[etree._Element | None, str], Numbered] = {}
    for num in document.all("num"):
        unit = num.getparent()
        if unit is None or unit.tag not in _UNIT_TAGS:
            continue
        text = text_of(num)
        value = number_value(text)
        if value is not None:
            groups.setdefault((unit.getparent(), str(unit.tag)), []).append((unit, text, value))
    return groups


def check(document: Document) -> Findings:
    for numbered in _numbered_siblings(document).values():
        for (_, before_text, before), (element, text, value) in pairwise(numbered):
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
