"""Citations as lawyers write them: § 14 Abs. 4, § 7 Ziff. 7.2, II.7, II.3.1,
§ 3 Abs. 3, 2. Spiegelstrich, § 7 Ziff. 7.1, Fn. 1, Vertragskopf, Präambel.

One labeller for validate, diff, render and JSON alike. A unit is cited by the chain of
its ancestors (Steps, outermost first); two adapters build that chain, from an lxml
element (validate) and by the walks over the model (diff, render).

The rules, for both Länder's styles:
- a § (or Art.) number stands on its own: it is unique in the document;
- a part's Roman number carries its sections' numbers: II. and 7. are II.7, and a
  subsection 3.1 of II.3 is II.3.1 (its number repeats the section's);
- a subsection of a § is "Ziff.": § 7 Ziff. 7.2;
- an Absatz is "Abs." with its number, or its position where the text numbers none;
- a list among other blocks of its unit is cited by its position as an Absatz (or
  "Unterabs." inside a numbered Absatz): § 3 Abs. 3;
- a numbered point is "Nr. 2" or "Buchst. b"; an unnumbered one "2. Spiegelstrich";
- a group of a form part is named by its heading: I. „Träger“;
- footnotes "Fn. 1", signatures "Block 1", attachments "Anlage 2", and the places
  outside the body by name (Kopfdaten, Vertragskopf, Präambel, Unterschriften, Anlagen).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from lvcheck import labels
from lvcheck.document.kinds import UNIT_KINDS, Place, UnitKind
from lvcheck.document.numbers import roman_value
from lvcheck.document.parse import NAMESPACE

_DECIMAL_TAIL = re.compile(r"(\d+(?:\.\d+)*)$")
_LETTER = re.compile(r"^\(?([a-zA-Z]{1,2})\)?\.?\)?$")
_DIGITS = re.compile(r"^\(?(\d+[a-z]?)\)?\.?\)?$")


class Step(NamedTuple):
    """One level of the chain that leads to a unit. (A named tuple, not a dataclass: a
    diff of 10,000 clauses makes one for each, and a tuple is made in a third of the time.)"""

    kind: str  # a UnitKind, or a Place ("list", "note", "signature", …)
    num: str = ""  # the display number, spaces folded ("" where none)
    heading: str = ""  # the heading's words, without footnotes
    position: int = 1  # 1-based, among siblings of the same kind
    block: int = 1  # lists: 1-based position among the blocks of their unit's text
    blocks: int = 1  # lists: how many blocks that text has


def _bare(num: str) -> str:
    """ "II." -> "II", "(4)" -> "4", "7." -> "7": the number without its decoration."""
    return num.strip().strip("()").rstrip(".)").strip()


def _point(step: Step) -> str:
    if not step.num:
        return f", {step.position}. {labels.INDENT}"
    digits = _DIGITS.match(step.num)
    if digits:
        return f" {labels.NUMBER} {digits.group(1)}"
    letter = _LETTER.match(step.num)
    if letter and not (len(letter.group(1)) > 1 and roman_value(letter.group(1))):
        return f" {labels.LETTER} {letter.group(1)}"
    return f" {labels.NUMBER} {_bare(step.num)}"


def _section(text: str, step: Step) -> str:
    if step.num.startswith(("§", "Art.")):
        return step.num
    if step.num and text and not text.startswith(("§", "Art.")):
        return f"{text.rstrip('.')}.{_bare(step.num)}"  # II. and 7. -> II.7
    if step.num:
        return f"{labels.DECIMAL} {_bare(step.num)}"
    return _named(text, step)


def _subsection(text: str, step: Step) -> str:
    if not step.num:
        return _named(text, step)
    number = _bare(step.num)
    tail = _DECIMAL_TAIL.search(text)
    if tail and not text.startswith(("§", "Art.")) and number.startswith(tail.group(1) + "."):
        return text[: tail.start()] + number  # II.3 and 3.1 -> II.3.1
    return f"{text} {labels.DECIMAL} {number}".strip()


def _named(text: str, step: Step) -> str:
    """A unit known by its heading only, such as a group of a form part."""
    if step.heading:
        return f"{text} „{step.heading}“".strip()
    return f"{text}, {labels.SECTION_GROUP} {step.position}".lstrip(", ")


def cite(steps: Sequence[Step], sentence: int | None = None) -> str:
    """The citation of the unit at the end of ``steps`` (outermost first)."""
    text = ""
    for step in steps:
        kind = step.kind
        if kind in labels.PLACES:
            text = (step.heading if kind == Place.PREAMBLE else "") or labels.PLACES[kind]
        elif kind == Place.SIGNATURE:
            text = f"{text}, {labels.SIGNATURE_BLOCK} {step.position}"
        elif kind == Place.ATTACHMENT:
            text = f"{labels.ATTACHMENT} {step.position}"
        elif kind == Place.NOTE:
            text = f"{text}, {labels.FOOTNOTE} {step.num}".lstrip(", ")
        elif kind == UnitKind.PART:
            text = step.num or _named("", step)
        elif kind == UnitKind.SECTION:
            text = _section(text, step)
        elif kind == UnitKind.SUBSECTION:
            text = _subsection(text, step)
        elif kind == UnitKind.PARAGRAPH:
            number = _bare(step.num) if step.num else str(step.position)
            text = f"{text} {labels.PARAGRAPH} {number}".strip()
        elif kind == UnitKind.HCONTAINER:
            text = _named(text, step)
        elif kind == Place.LIST:
            if step.blocks > 1:
                word = labels.SUB_PARAGRAPH if f" {labels.PARAGRAPH} " in text else labels.PARAGRAPH
                text = f"{text} {word} {step.block}".strip()
        elif kind == UnitKind.POINT:
            text = f"{text}{_point(step)}".lstrip(", ")
    if sentence is not None:
        text = f"{text} {labels.SENTENCE} {sentence}"
    return text


# A full stop ends a sentence unless it ends a number ("15. Oktober") or an abbreviation.
_ABBREVIATIONS = frozenset(
    [
        "Abs",
        "Nr",
        "Art",
        "Buchst",
        "Ziff",
        "gem",
        "ggf",
        "bzw",
        "vgl",
        "insb",
        "inkl",
        "z.B",
        "u.a",
        "o.a",
        "d.h",
        "ca",
        "S",
        "ff",
        "Fn",
        "Anl",
    ]
)
# a string: re compiles it when a sentence is first counted, not at every start
_SENTENCE_END = r"([^\s]*)[.!?]\s+(?=[A-ZÄÖÜ„\"(])"


def sentence_number(text: str, offset: int) -> int:
    """The number of the sentence that holds ``offset`` in a paragraph's words (1-based),
    as "Satz 2" counts: abbreviations (Abs., Nr., gem.) and ordinal numbers do not end one."""
    number = 1
    # + 1: the lookahead sees the next word; compiled once (re caches it), endpos needs one
    for end in re.compile(_SENTENCE_END).finditer(text, 0, offset + 1):
        word = end.group(1)
        if word.rstrip(".") in _ABBREVIATIONS or word[-1:].isdigit() or len(word) == 1:
            continue
        number += 1
    return number


def range_citation(first: str, last: str) -> str:
    """ "§ 3" … "§ 8" -> "§§ 3–8"; "§ 7 Ziff. 7.1" … "§ 7 Ziff. 7.3" -> "§ 7 Ziff. 7.1–7.3"."""
    if first == last:
        return first
    common = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        common += 1
    cut = first.rfind(" ", 0, common + 1) + 1  # at a word boundary
    head, tail = first[:cut], last[cut:]
    if head == "§ ":
        return f"§§ {first[cut:]}–{tail}"
    return f"{first}–{tail}"


# ---------------------------------------------------------------- from an lxml element

_NS = f"{{{NAMESPACE}}}"
_UNIT_TAGS: dict[object, str] = {_NS + kind: kind for kind in UNIT_KINDS}
_BLOCK_TAGS = {_NS + "p", _NS + "list", _NS + "field"}
_PLACE_TAGS: dict[object, str] = {
    _NS + "meta": Place.META,
    _NS + "preface": Place.PREFACE,
    _NS + "preamble": Place.PREAMBLE,
    _NS + "conclusions": Place.CONCLUSIONS,
    _NS + "attachments": Place.ATTACHMENTS,
}
_COUNTED_TAGS: dict[object, str] = {
    _NS + "signature": Place.SIGNATURE,
    _NS + "attachment": Place.ATTACHMENT,
}


def text_of(element: etree._Element | None) -> str:
    """An element's words, whitespace folded ("" for none); most num and ref elements hold
    plain text, read without walking their (absent) children."""
    if element is None:
        return ""
    text = element.text or "" if len(element) == 0 else "".join(element.itertext())
    return " ".join(text.split())


def heading_words(heading: etree._Element | None) -> str:
    """A heading's words without the footnotes anchored in it, also inside a span."""
    if heading is None:
        return ""
    parts = [heading.text or ""]
    _outside_notes(heading, parts)
    return " ".join("".join(parts).split())


def _outside_notes(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        # a footnote's words, and a comment's or instruction's, are not the heading's
        if isinstance(child.tag, str) and child.tag != _NS + "authorialNote":
            parts.append(child.text or "")
            _outside_notes(child, parts)
        parts.append(child.tail or "")


def _words(element: etree._Element, name: str) -> str:
    return text_of(element.find(_NS + name))


def _position(element: etree._Element) -> int:
    return 1 + sum(1 for s in element.itersiblings(preceding=True) if s.tag == element.tag)


def _step(element: etree._Element) -> Step | None:
    tag = element.tag
    if tag in _UNIT_TAGS:
        return Step(
            _UNIT_TAGS[tag],
            _words(element, "num"),
            heading_words(element.find(_NS + "heading")),
            _position(element),
        )
    if tag in _PLACE_TAGS:
        heading = heading_words(element.find(_NS + "heading"))
        return Step(_PLACE_TAGS[tag], heading=heading)
    if tag in _COUNTED_TAGS:
        return Step(_COUNTED_TAGS[tag], position=_position(element))
    if tag == _NS + "authorialNote":
        return Step(Place.NOTE, element.get("marker", ""))
    if tag == _NS + "list":
        parent = element.getparent()
        siblings = [c for c in parent if c.tag in _BLOCK_TAGS] if parent is not None else []
        block = next((i for i, c in enumerate(siblings, 1) if c is element), 1)
        return Step(Place.LIST, block=block, blocks=len(siblings) or 1)
    return None


def element_citation(element: etree._Element) -> str:
    """The citation of the unit or place that holds an element ("" outside all)."""
    steps: list[Step] = []
    node: etree._Element | None = element
    while node is not None:
        step = _step(node)
        if step is not None:
            steps.append(step)
        node = node.getparent()
    return cite(list(reversed(steps)))


def element_of_eid(root: etree._Element, eid: str | None) -> etree._Element | None:
    """The element of a tree that has the eId, if any (None for no eId)."""
    if not eid:
        return None
    return next((e for e in root.iter() if e.get("eId") == eid), None)
