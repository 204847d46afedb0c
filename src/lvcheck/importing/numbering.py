"""Word's automatic numbering resolved as Word displays it, from numbering.xml and styles.xml.

A numbered paragraph names a list instance (``w:numId``) and a level (``w:ilvl``), directly
or through its paragraph style (and the styles that style is based on). The instance names
an abstract numbering whose levels give the start value, the number format and the label
template (``lvlText``: ``§ %1``, ``(%2)``, ``%1.%2``, ``%3)``); the instance may override a
level's start (``w:startOverride``) or the whole level (``w:lvlOverride/w:lvl``). Counting
follows Word: each instance counts on its own, an instance that overrides a start begins
anew there, instances of one abstract numbering without overrides share the count, and a
level's count restarts whenever a higher level is numbered (or the level its
``w:lvlRestart`` names). python-docx cannot tell a paragraph's displayed number
(python-docx #471); this module does, for the formats agreements use.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from lvcheck.document.docx import w

_LEVELS = 9
_MAX_STYLE_DEPTH = 20  # basedOn chains longer than Word allows are cut, never followed round


class Level(NamedTuple):
    start: int
    format: str  # decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    text: str  # lvlText: "§ %1", "(%2)", "%1.%2", "●"
    restart: int | None  # lvlRestart: restart after this (1-based) level; None: any higher


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    value = element.get(w("val"), "")
    return int(value) if value.lstrip("-").isdigit() and len(value) < 6 else default


def _level(element: etree._Element) -> Level:
    fmt = element.find(w("numFmt"))
    text = element.find(w("lvlText"))
    restart = element.find(w("lvlRestart"))
    return Level(
        start=_int(element.find(w("start")), 1),
        format=fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
        text=text.get(w("val"), "") if text is not None else "",
        restart=_int(restart, 0) if restart is not None else None,
    )


def _letters(value: int, upper: bool) -> str:
    """Word's letters: a … z, then aa … zz, then aaa …"""
    if value < 1:
        return ""
    letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter.upper() if upper else letter


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def formatted(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(value, fmt == "upperLetter")
    if fmt in ("lowerRoman", "upperRoman"):
        shown = roman(value) if 0 < value < 4000 else str(value)
        return shown.lower() if fmt == "lowerRoman" else shown
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


class Numbering:
    """The labels of a document's numbered paragraphs, in reading order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self.counts: dict[str, list[int | None]] = {}  # None: the level not counted yet
        self.started: set[str] = set()
        # style -> (based on, its numbering, its heading level: None where it sets none)
        self.styles: dict[
            str, tuple[str | None, tuple[str | None, int | None] | None, int | None]
        ] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: etree._Element) -> None:
        for abstract in root.iter(w("abstractNum")):
            own = {_int_attr(lvl, "ilvl"): _level(lvl) for lvl in abstract.iter(w("lvl"))}
            self.abstract[abstract.get(w("abstractNumId"), "")] = own
        for num in root.iter(w("num")):
            base = num.find(w("abstractNumId"))
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = _int_attr(override, "ilvl")
                replaced = override.find(w("lvl"))
                if replaced is not None:
                    levels[ilvl] = _level(replaced)
                start = override.find(w("startOverride"))
                if start is not None:
                    starts[ilvl] = _int(start, 1)
            abstract_id = base.get(w("val"), "") if base is not None else ""
            self.instances[num.get(w("numId"), "")] = (abstract_id, levels, starts)

    def _read_styles(self, root: etree._Element) -> None:
        for style in root.iter(w("style")):
            if style.get(w("type")) not in (None, "paragraph"):
                continue
            based = style.find(w("basedOn"))
            numbers = style.find(f"{w('pPr')}/{w('numPr')}")
            outline = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            pair = None
            if numbers is not None:
                num = numbers.find(w("numId"))
                ilvl = numbers.find(w("ilvl"))
                pair = (
                    num.get(w("val"), "") if num is not None else None,
                    _int(ilvl, 0) if ilvl is not None else None,
                )
            self.styles[style.get(w("styleId"), "")] = (
                based.get(w("val")) if based is not None else None,
                pair,
                heading_level(outline) if outline is not None else None,
            )

    def style_numbers(self, style: str | None) -> tuple[str, int] | None:
        """The list instance and level a style (or one it is based on) gives: each the
        nearest that sets it (a style may set the level and inherit the list)."""
        num: str | None = None
        ilvl: int | None = None
        for _ in range(_MAX_STYLE_DEPTH):
            if style is None or style not in self.styles:
                break
            based, pair, _outline = self.styles[style]
            if pair is not None:
                num = pair[0] if num is None else num
                ilvl = pair[1] if ilvl is None else ilvl
            style = based
        return None if num is None else (num, ilvl or 0)

    def outline_level(self, style: str | None) -> int:
        """The heading level a style gives (1 for Heading 1), 0 where none."""
        for _ in range(_MAX_STYLE_DEPTH):
            if style is None or style not in self.styles:
                return 0
            based, _pair, outline = self.styles[style]
            if outline is not None:
                return outline
            style = based
        return 0

    def _levels(self, num: str) -> tuple[dict[int, Level], dict[int, int], str]:
        abstract, own, starts = self.instances.get(num, ("", {}, {}))
        levels = dict(self.abstract.get(abstract, {}))
        levels.update(own)
        # an instance without overrides continues its abstract numbering's count
        key = num if starts or own else f"abstract:{abstract}"
        return levels, starts, key

    def label(self, paragraph: etree._Element, style: str | None) -> str:
        """The label Word shows before a paragraph ("§ 3", "(2)", "7.1", "●"), or ""."""
        props = paragraph.find(w("pPr"))
        numbers = props.find(w("numPr")) if props is not None else None
        pair = self.style_numbers(style)
        if numbers is not None:  # the paragraph's own numbering, over its style's
            num_element = numbers.find(w("numId"))
            from_style = pair or ("", 0)
            pair = (
                num_element.get(w("val"), "") if num_element is not None else from_style[0],
                _int(numbers.find(w("ilvl")), from_style[1]),
            )
        if pair is None or pair[0] in ("", "0") or pair[0] not in self.instances:
            return ""
        num, ilvl = pair[0], min(max(pair[1], 0), _LEVELS - 1)
        levels, starts, key = self._levels(num)
        if ilvl not in levels:
            return ""
        counts = self.counts.setdefault(key, [None] * _LEVELS)
        if key not in self.started:
            self.started.add(key)
            for at, start in starts.items():
                if 0 <= at < _LEVELS:
                    counts[at] = start - 1
        level = levels[ilvl]
        before = counts[ilvl]
        counts[ilvl] = (level.start - 1 if before is None else before) + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart > ilvl:  # lvlRestart 0: never restarts
                counts[deeper] = None
        return _template(level.text, levels, counts)


def _template(text: str, levels: dict[int, Level], counts: list[int | None]) -> str:
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "%" and index + 1 < len(text) and text[index + 1].isdigit():
            ilvl = int(text[index + 1]) - 1
            level = levels.get(ilvl)
            value = counts[ilvl] if 0 <= ilvl < _LEVELS else None
            if value is None:
                value = level.start if level is not None else 1
            out.append(formatted(value, level.format if level else "decimal"))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out).strip()


def heading_level(outline: etree._Element | None) -> int:
    """w:outlineLvl 0-8 is heading level 1-9; 9 (or none) is body text."""
    value = _int(outline, 9)
    return value + 1 if 0 <= value < 9 else 0


def _int_attr(element: etree._Element, name: str) -> int:
    value = element.get(w(name), "0")
    return int(value) if value.isdigit() and len(value) < 3 else 0
