"""The signature part: place and date, and one block per signing party.

A signature line is a blank ("______") or a rule ("---"); the label under it says what is
written there: "Ort, Datum" a place and date, else a signature. Blocks stand side by side
when the lines hold columns apart by wide spaces (NRW: "Ort, Datum       Ort, Datum");
else one under the other, a new block starting at a signature line once the block before
has its signature. A place written before "Ort, Datum" ("Landshut,") is followed by the
date to fill in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lvcheck.document.kinds import FieldType
from lvcheck.document.model import Conclusions, Field, Inline, Paragraph, Signature
from lvcheck.importing.inline import BLANK
from lvcheck.importing.items import Item

HEADINGS = ("vereinbarung", "unterschriften", "unterzeichnung", "unterschrift")
_COLUMNS = re.compile(r"[ \t\u00a0]{3,}|\t+")
_PLACE_DATE = re.compile(r"Ort,?\s+(?:und\s+)?Datum", re.IGNORECASE)
_RUNS_ON = re.compile(
    r"\b(?:des|der|dem|den|die|das|und|oder|für|von|vom|zu|zur|zum|im|in|mit|bei)\s*$"
)
RULE = "\x00rule"
PLACE = re.compile(r"([^\W\d][\w. -]*,)\s*(?:_{3,}|…+\.*)?")  # "Landshut," "Landshut, ____"

Party = Callable[[list[str]], str | None]  # a block's lines -> the party that signs it
Name = Callable[[str], str]  # a wished name -> a name unique in the agreement


_LINE = re.compile(r"\s*(?:_{5,}|…{2,}|\.{8,})\s*")  # a line to sign on, not "--"


def is_signature_line(text: str) -> bool:
    return (
        text == RULE
        or bool(_LINE.fullmatch(text))
        or bool(text.strip() and all(_LINE.fullmatch(c) for c in _COLUMNS.split(text.strip()) if c))
    )


def starts_here(item: Item) -> bool:
    """Whether an item begins the signature part: a signature line or a place-date label."""
    if ("rule", "") in item.para.hints:
        return True
    lines = [line for line in item.para.lines if line.strip()] or [item.text]
    return is_signature_line(lines[0]) or bool(_PLACE_DATE.match(item.text.strip()))


def _lines(items: list[Item]) -> list[str]:
    lines: list[str] = []
    for item in items:
        if ("rule", "") in item.para.hints:
            lines.append(RULE)
            continue
        raw = [line for line in item.para.lines if line.strip()]
        for line in raw:
            if (
                lines
                and lines[-1] != RULE
                and (_RUNS_ON.search(lines[-1]) or line.strip()[:1].islower())
                and len(raw) > 1
                and line is not raw[0]
            ):
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            else:
                lines.append(line.rstrip())
    return lines


def _columns(lines: list[str]) -> list[list[str]] | None:
    split = [[c.strip() for c in _COLUMNS.split(line.strip()) if c.strip()] for line in lines]
    wide = [cells for cells in split if len(cells) > 1]
    if not wide or len(wide) * 2 < len(lines) or len({len(c) for c in wide}) != 1:
        return None
    count = len(wide[0])
    columns: list[list[str]] = [[] for _ in range(count)]
    for cells in split:
        for index in range(count):
            if len(cells) == count:
                columns[index].append(cells[index])
            elif index == 0 and cells:
                columns[0].append(" ".join(cells))
    return columns


def _kind(following: str) -> tuple[FieldType, str]:
    if _PLACE_DATE.search(following):
        return FieldType.PLACE_DATE, "ort_datum"
    if re.fullmatch(r"\s*Datum\s*", following):
        return FieldType.DATE, "datum"
    return FieldType.SIGNATURE, "unterschrift"


def _block(lines: list[str], party: str | None, name: Name) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    owner = f"unterschrift_{party}" if party else "unterschrift"
    for index, line in enumerate(lines):
        if is_signature_line(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            kind, what = _kind(following)
            out.append(Paragraph((Field(name(f"{owner}.{what}"), kind, inline=True),)))
        else:
            out.append(Paragraph((line.strip(),)))
    return tuple(out)


def _stacked(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    signed = False
    for index, line in enumerate(lines):
        if is_signature_line(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if signed:
                blocks.append([])
                signed = False
            if _kind(following)[0] == FieldType.SIGNATURE:
                signed = True
        blocks[-1].append(line)
    return [block for block in blocks if block]


def _place_date(lines: list[str], name: Name) -> tuple[list[Paragraph], list[str]]:
    """ "Landshut," over "Ort, Datum" before the blocks: the place, then the date to fill
    (a Word export prints the date's blank after the place: "Landshut, ____")."""
    place = PLACE.fullmatch(lines[0].strip()) if lines else None
    if place and len(lines) >= 2 and _PLACE_DATE.fullmatch(lines[1].strip()):
        date = Field(name("vereinbarung.datum"), FieldType.DATE, inline=True)
        first: tuple[Inline, ...] = (place.group(1) + " ", date)
        return [Paragraph(first), Paragraph((lines[1].strip(),))], lines[2:]
    return [], lines


def conclusions(items: list[Item], party: Party, name: Name) -> Conclusions | None:
    """The signature part of an agreement from its items; None when there is none."""
    heading = None
    if items and items[0].heading_like and items[0].text.strip(" :").lower() in HEADINGS:
        heading = (items[0].text.strip(),)
        items = items[1:]
    lines = _lines(items)
    if not lines:
        return None
    columns = _columns(lines)
    paragraphs: list[Paragraph] = []
    if columns is None:
        paragraphs, lines = _place_date(lines, name)
        blocks = _stacked(lines)
    else:
        blocks = columns
    signatures = []
    for index, block in enumerate(blocks, 1):
        who = party(block)
        signatures.append(
            Signature(eid=f"conclusions__sig_{index}", lines=_block(block, who, name), party=who)
        )
    return Conclusions(
        eid="conclusions",
        signatures=tuple(signatures),
        heading=heading,
        paragraphs=tuple(paragraphs),
        layout="sideBySide" if columns is not None else None,
    )


__all__ = ["BLANK", "HEADINGS", "conclusions", "is_signature_line", "starts_here"]
