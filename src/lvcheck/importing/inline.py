"""Running text of the source into the model's inlines: blanks become fill-in fields,
citations of known statutes legal references, footnote markers notes, bold marks spans.

Blanks are what forms print for a value to be written in: ``____`` (three or more), ``…``
and ``….``, four dots or more. Three dots are words ("von ... bis ..."). A legal reference
is marked only where the statute is one of data/statutes.toml (validate's table), so that
the reference validates as it is marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from lvcheck.document.model import Field, Inline, LegalTarget, Note, Paragraph, Ref, Span
from lvcheck.document.statutes import statutes

BLANK = re.compile(r"_{3,}|…+\.*|\.{4,}")
BOLD, BOLD_END = "\ue002", "\ue003"  # around bold words inside a paragraph (Markdown **)
NOTE, NOTE_END = "\ue000", "\ue001"  # around a footnote's marker (items.NOTE_MARK)
_MARKS = re.compile(f"{NOTE}(.*?){NOTE_END}|{BOLD}(.*?){BOLD_END}", re.DOTALL)
_NUMBER = r"\d+[a-z]?"
_LIST = rf"{_NUMBER}(?:\s*(?:,|und|bis|–|-)\s*{_NUMBER})*"

Namer = Callable[[str, str, str], tuple[str, str]]  # (before, after, blank) -> (name, type)
Notes = Callable[[str], tuple[Paragraph, ...]]  # a marker -> the note's paragraphs


@cache
def _citation() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(statutes(), key=len, reverse=True))
    return re.compile(
        rf"(?P<sign>§§|§|Art\.)\s*(?P<numbers>{_LIST})"
        rf"(?:\s*Abs\.\s*(?P<paragraph>{_NUMBER}))?(?:\s*Satz\s*(?P<sentence>\d+))?"
        rf"(?:\s*Nr\.\s*(?P<number>{_NUMBER}))?(?P<ff>\s*ff\b\.?)?"
        rf"(?:\s+(?P<statute>{names})(?!\w)"
        rf"|(?P<between>(?:\s+[A-ZÄÖÜ][\wäöüß]*){{1,5}}\s*)\((?P<named>{names})\))"
        rf"|(?<![\w.])(?P<bare>{names})(?![\w])"
    )


def _numbers(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in re.finditer(_NUMBER, text)]


def _reference(found: re.Match[str]) -> list[Inline]:
    """One match of _citation() as inlines: the reference, or a reference per section of
    a list ("§§ 19 und 117 ff. SGB IX") with the signs and the statute around them."""
    if found.group("bare"):
        return [Ref((found.group("bare"),), target=LegalTarget(statute=found.group("bare")))]
    statute = found.group("statute") or found.group("named")
    numbers = found.group("numbers")
    following = True if found.group("ff") else None
    target = LegalTarget(
        statute=statute,
        paragraph=found.group("paragraph"),
        sentence=found.group("sentence"),
        number=found.group("number"),
    )
    sections = _numbers(numbers)
    if found.group("sign") != "§§" and len(sections) == 1 and found.group("statute"):
        section = replace(target, section=sections[0][0], following=following)
        return [Ref((found.group(),), target=section)]
    # a list: a reference on each number, signs and statute as text around them
    out: list[Inline] = []
    text = found.group()
    offset = found.start("numbers") - found.start()
    last = len(sections) - 1
    at = 0
    for index, (number, start, end) in enumerate(sections):
        end_at = found.end("ff") - found.start() if index == last and following else offset + end
        out.append(text[at : offset + start])
        ff = following if index == last else None
        section = LegalTarget(statute=statute, section=number, following=ff)
        out.append(Ref((text[offset + start : end_at],), target=section))
        at = end_at
    out.append(text[at:])
    return [piece for piece in out if piece != ""]


def _plain(text: str, namer: Namer, out: list[Inline]) -> None:
    at = 0
    for blank in BLANK.finditer(text):
        references(text[at : blank.start()], out)
        name, kind = namer(text[: blank.start()], text[blank.end() :], blank.group())
        out.append(Field(name=name, type=kind, inline=True))
        at = blank.end()
    references(text[at:], out)


def references(text: str, out: list[Inline]) -> None:
    at = 0
    for found in _citation().finditer(text):
        if (
            found.group("sign") == "Art."
            and not found.group("named")
            and statutes()[found.group("statute") or ""].unit != "Art."
        ):
            continue
        out.append(text[at : found.start()])
        out.extend(_reference(found))
        at = found.end()
    out.append(text[at:])


def inlines(text: str, namer: Namer, notes: Notes) -> tuple[Inline, ...]:
    """The inlines of one paragraph's text."""
    out: list[Inline] = []
    at = 0
    for mark in _MARKS.finditer(text):
        _plain(text[at : mark.start()], namer, out)
        if mark.group(1) is not None:
            out.append(Note(eid="", marker=mark.group(1), paragraphs=notes(mark.group(1))))
        else:
            bold: list[Inline] = []
            _plain(mark.group(2), namer, bold)
            out.append(Span("b", tuple(_merged(bold))))
        at = mark.end()
    _plain(text[at:], namer, out)
    return tuple(_merged(out))


def _merged(items: list[Inline]) -> list[Inline]:
    """Adjacent strings as one, empty strings left out."""
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, str):
            if not item:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] += item
                continue
        merged.append(item)
    return merged


def plain(text: str) -> str:
    """The text without the marks of notes and bold words: what a reader reads."""
    return _MARKS.sub(lambda m: "" if m.group(1) is not None else m.group(2), text)
