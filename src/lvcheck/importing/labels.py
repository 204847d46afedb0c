"""The number or bullet a paragraph starts with, and what kind of unit it numbers.

German agreements number a § ("§ 7"), its Absätze ("(2)"), decimal Ziffern ("7.1",
"3.1.2"), Roman parts ("II."), sections or points ("1."), lettered points ("a)") and mark
unnumbered points with a bullet ("●", "•", "-", "–"). Which unit "1." numbers depends on the
agreement (a section under a Roman part, a point inside a §): structure.py decides.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple


class LabelKind(StrEnum):
    SECTION = "section"  # § 7
    PARAGRAPH = "paragraph"  # (2)
    DECIMAL = "decimal"  # 7.1, 3.1.2
    ROMAN = "roman"  # II.
    NUMBER = "number"  # 1.
    LETTER = "letter"  # a)
    BULLET = "bullet"  # ●, •, -, –


class Label(NamedTuple):
    kind: LabelKind
    num: str  # as the source prints it: "§ 7", "(2)", "7.1", "II.", "1.", "a)"; "" for a bullet
    parts: tuple[str, ...]  # its numbers: ("7",), ("7", "1"), ("II",)


_PATTERNS: tuple[tuple[LabelKind, re.Pattern[str]], ...] = (
    (LabelKind.SECTION, re.compile(r"§\s*(\d+[a-z]?)(?=\s|$)")),
    (LabelKind.PARAGRAPH, re.compile(r"\((\d+[a-z]?)\)(?=\s|$)")),
    (LabelKind.DECIMAL, re.compile(r"(\d+(?:\.\d+)+)\.?(?=\s|$)")),
    (LabelKind.ROMAN, re.compile(r"([IVX]+)\.(?=\s|$)")),
    (LabelKind.NUMBER, re.compile(r"(\d+)\.(?=\s|$)")),
    (LabelKind.LETTER, re.compile(r"([a-z])\)(?=\s|$)")),
    (LabelKind.BULLET, re.compile(r"([●•▪◦■□‣⁃∙]|[-–—*](?=\s))")),
)
_STATUTE_AFTER = re.compile(r"\s*(?:Abs\.|Satz|Nr\.|S\.|ff?\.|[A-Z][A-Za-z]*\s+[IVX]+\b|SGB\b)")


def label_of(text: str) -> tuple[Label | None, str]:
    """The label a paragraph's text starts with, and the text after it."""
    stripped = text.lstrip()
    for kind, pattern in _PATTERNS:
        found = pattern.match(stripped)
        if not found:
            continue
        rest = stripped[found.end() :].strip()
        if kind == LabelKind.SECTION and _STATUTE_AFTER.match(rest):
            return None, text  # "§ 104 SGB IX zumutbar": a citation, wrapped to a line start
        if kind == LabelKind.BULLET:
            return Label(kind, "", ()), rest
        number = found.group(1)
        parts = tuple(number.split(".")) if kind == LabelKind.DECIMAL else (number,)
        num = {
            LabelKind.SECTION: f"§ {number}",
            LabelKind.PARAGRAPH: f"({number})",
            LabelKind.DECIMAL: number,
            LabelKind.ROMAN: f"{number}.",
            LabelKind.NUMBER: f"{number}.",
            LabelKind.LETTER: f"{number})",
        }[kind]
        return Label(kind, num, parts), rest
    return None, text


def from_word(label: str) -> Label | None:
    """A label Word's numbering shows (``§ 3``, ``(2)``, ``7.1``, ``●``): read the same way."""
    found, rest = label_of(label + " x")
    return found if found is not None and rest == "x" else None
