"""Lines into paragraphs, as a reader of the printed page sees them.

A text extracted from a page keeps the page's lines: a paragraph goes on over several, a
list item starts on a line of its own, and a line that stops well short of the margin ends
its paragraph (a heading, the last line of an address block is the exception: a line that
ends in a comma, or whose next line goes on in lower case, runs on). A word broken at a
line's end is joined where the source means one word ("Einglie-" "derung"), keeps its
hyphen before a capital ("Kita-" "Assistenz" is Kita-Assistenz) and its space before
"und"/"oder" ("Förder- und Teilhabeplan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lvcheck.importing.source import Para

SHORT = 0.7  # a line this much of the widest lines or less stops short of the margin
SHORT_ITEM = 0.5  # the same for a line of a list item, which starts indented
# what starts a line that starts a paragraph of its own: a bullet, a §, a number
_STARTS = re.compile(
    r"\s*(?:[●•▪◦■□‣⁃∙]\s*\S|[-–—*]\s+\S|§+\s*\d|\(\d+[a-z]?\)\s|[IVX]+\.\s+\S"
    r"|\d+(?:\.\d+)+\.?\s+\S|\d+\.\s+\S|[a-z]\)\s+\S)"
)
_BULLET_LINE = re.compile(r"\s*(?:[●•▪◦■□‣⁃∙]|[-–—*]\s)")
_NUMBERED = re.compile(r"\s*(?:\d+\.\s|[a-z]\)\s)")  # "1. August" may also be wrapped text
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_SUSPENDED = ("und", "oder", "bzw.", "sowie", "als", "bis", "noch", "wie")
_ENDS_SENTENCE = (".", ":", ";", "!", "?")


def width(paras: Iterable[Para]) -> int:
    """The width of a full line: the longest lines but the few longest (footnotes, stray)."""
    lengths = sorted(len(line.strip()) for para in paras for line in para.lines)
    return lengths[int(len(lengths) * 0.97)] if lengths else 0


def _starts_own(line: str, previous: str, full: int) -> bool:
    if not _STARTS.match(line):
        return False
    if _NUMBERED.match(line) and not _BULLET_LINE.match(line):
        # "1." or "a)" at a line's start is a number only after a line that ended
        return previous.rstrip().endswith(_ENDS_SENTENCE) or len(previous.strip()) <= full * SHORT
    return True


def _stops_short(line: str, following: str, full: int, in_item: bool) -> bool:
    stripped = line.strip()
    if len(stripped) > full * (SHORT_ITEM if in_item else SHORT) or stripped.endswith((",", "-")):
        return False
    # a short line that goes on in lower case runs on, except after a list item
    return in_item or not following.strip()[:1].islower()


def split(para: Para, full: int) -> list[Para]:
    """A text paragraph cut where its lines say a new paragraph starts."""
    pieces: list[list[str]] = [[]]
    starts = [para.line]
    lines = list(para.lines)
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        current = pieces[-1]
        if current and _starts_own(line, current[-1], full):
            pieces.append([])
            starts.append(para.line + number * 2)
        pieces[-1].append(line)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        in_item = bool(_BULLET_LINE.match(pieces[-1][0]))
        if following.strip() and _stops_short(line, following, full, in_item):
            pieces.append([])
            starts.append(para.line + (number + 1) * 2)
    return [
        para._replace(lines=tuple(piece), line=start)
        for piece, start in zip(pieces, starts, strict=True)
        if piece
    ]


def joined(lines: Sequence[str]) -> str:
    """The lines of one paragraph as one text: broken words joined, spaces made single."""
    text = ""
    for line in lines:
        piece = line.strip()
        if not piece:
            continue
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            word = piece.split(" ", 1)[0]
            if word in _SUSPENDED or not piece[:1].isalpha():
                text += " " + piece
            elif piece[:1].isupper():
                text += piece
            else:
                text = text[:-1] + piece
        else:
            text = f"{text} {piece}" if text else piece
    return _SPACES.sub(" ", text).strip()
