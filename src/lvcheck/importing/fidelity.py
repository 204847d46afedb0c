"""Word for word: every word of a source in the agreement made from it, and no other.

A word is a run of letters and digits, or the sign § (as tests/test_fidelity.py counts
them). Layout is no word: line breaks, bullet glyphs, Markdown marks, page numbers and
running headers and footers the reader recognised, footnote markers ("Strukturqualität1",
"[1]"), blanks. The agreement's words are read from its model in the order the reading
text prints them (``lvcheck export --format text``; a test holds the two equal).

A word is *missing* when the source has it more often than the agreement, *invented* when
the agreement has it more often: words that only stand elsewhere (a footnote printed at
the foot of its page, signature blocks read column by column) are neither. The diff of
the two sequences (comparison/words.py, bounded) says where each one stands; the counts
decide, so the check is linear in the words whatever the texts hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from lvcheck.comparison.words import matching_blocks
from lvcheck.document.model import (
    Agreement,
    Block,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    QuotedStructure,
    Ref,
    Span,
    Unit,
)
from lvcheck.document.text import value_text
from lvcheck.importing.inline import plain
from lvcheck.importing.items import itemize
from lvcheck.importing.source import Source

WORD = re.compile(r"§|[^\W_]+")
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u2011": "-", "\u00a0": " "})


class Word(NamedTuple):
    text: str
    line: int  # in the source, or the agreement's XML


class Gap(NamedTuple):
    """Words missing from (or invented in) the agreement, one run at one place."""

    words: tuple[str, ...]
    line: int


class Fidelity(NamedTuple):
    source_words: int
    agreement_words: int
    matched_in_order: int
    missing: tuple[Gap, ...]
    invented: tuple[Gap, ...]

    @property
    def exact(self) -> bool:
        return not self.missing and not self.invented


def words(text: str, line: int) -> list[Word]:
    return [Word(w, line) for w in WORD.findall(text.translate(_INVISIBLE))]


def source_words(source: Source) -> list[Word]:
    """The words of a source, layout left out (reader and items decide what is layout)."""
    found: list[Word] = []
    for item in itemize(source):
        if item.label is not None and item.label.num:
            found += words(item.label.num, item.line)
        found += words(plain(item.text), item.line)
    return found


# ---------------------------------------------------------------- the agreement's words


def _inline_words(items: Iterable[Inline], line: int, notes: list[Note]) -> Iterator[Word]:
    for item in items:
        if isinstance(item, str):
            yield from words(item, line)
        elif isinstance(item, Span | Ref):
            yield from _inline_words(item.children, line, notes)
        elif isinstance(item, Field):
            yield from _field_words(item, line)
        elif isinstance(item, Note):
            notes.append(item)


def _field_words(item: Field, line: int) -> Iterator[Word]:
    line = item.line or line
    if item.label:
        yield from _inline_words(item.label, line, [])
    if item.type == "choice":
        for option in item.options:
            yield from _inline_words(option.children, line, [])
        if item.hint:
            yield from _inline_words(item.hint, line, [])
    else:
        yield from words(value_text(item) or "", line)


def _paragraphs(paragraphs: Iterable[Paragraph], line: int) -> Iterator[Word]:
    for paragraph in paragraphs:
        notes: list[Note] = []
        yield from _inline_words(paragraph.children, paragraph.line or line, notes)
        yield from _notes(notes, paragraph.line or line)


def _notes(notes: list[Note], line: int) -> Iterator[Word]:
    for note in notes:
        yield from _paragraphs(note.paragraphs, note.line or line)


def _blocks(blocks: Iterable[Block], line: int) -> Iterator[Word]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield from _paragraphs((block,), line)
        elif isinstance(block, ListBlock):
            yield from _blocks(block.intro, block.line or line)
            for point in block.points:
                yield from _unit(point)
            yield from _blocks(block.wrap_up, block.line or line)
        elif isinstance(block, Field):
            yield from _field_words(block, line)
        elif isinstance(block, QuotedStructure):
            yield from _unit(block.unit)


def _unit(unit: Unit) -> Iterator[Word]:
    notes: list[Note] = []
    yield from _inline_words(unit.num or (), unit.line, notes)
    yield from _inline_words(unit.heading or (), unit.line, notes)
    yield from _notes(notes, unit.line)
    yield from _blocks(unit.content or (), unit.line)
    yield from _blocks(unit.intro, unit.line)
    for child in unit.children:
        yield from _unit(child)
    yield from _blocks(unit.wrap_up, unit.line)


def text_words(preface: Iterable[Paragraph], units: Iterable[Unit]) -> list[str]:
    """The words of a title block and of units, without their places."""
    found = list(_paragraphs(preface, 1))
    for unit in units:
        found += _unit(unit)
    return [word.text for word in found]


def agreement_words(agreement: Agreement) -> list[Word]:
    """The words of an agreement's text (the header is no text)."""
    found = list(_paragraphs(agreement.preface or (), 1))
    if agreement.preamble is not None:
        found += _inline_words(agreement.preamble.heading or (), 1, [])
        found += _blocks(agreement.preamble.blocks, 1)
    for unit in agreement.body:
        found += _unit(unit)
    if agreement.conclusions is not None:
        found += _inline_words(agreement.conclusions.heading or (), 1, [])
        found += _paragraphs(agreement.conclusions.paragraphs, 1)
        for signature in agreement.conclusions.signatures:
            found += _paragraphs(signature.lines, 1)
    if agreement.attachments is not None:
        found += _inline_words(agreement.attachments.heading or (), 1, [])
        for attachment in agreement.attachments.items:
            found += _inline_words(attachment.heading, 1, [])
    return found


# ---------------------------------------------------------------- the comparison


def _gaps(unmatched: list[Word], surplus: Counter[str]) -> tuple[Gap, ...]:
    gaps: list[Gap] = []
    previous = -2
    for index, word in enumerate(unmatched):
        if surplus[word.text] <= 0:
            continue
        surplus[word.text] -= 1
        if gaps and index == previous + 1:
            gaps[-1] = Gap((*gaps[-1].words, word.text), gaps[-1].line)
        else:
            gaps.append(Gap((word.text,), word.line))
        previous = index
    return tuple(gaps)


def compare(source: list[Word], agreement: list[Word]) -> Fidelity:
    """Which words of the source the agreement misses, and which it invents."""
    a = [w.text for w in source]
    b = [w.text for w in agreement]
    blocks = matching_blocks(a, b)
    in_a = [False] * len(a)
    in_b = [False] * len(b)
    for i, j, size in blocks:
        for k in range(size):
            in_a[i + k] = in_b[j + k] = True
    left = [w for w, kept in zip(source, in_a, strict=True) if not kept]
    right = [w for w, kept in zip(agreement, in_b, strict=True) if not kept]
    counts_left = Counter(w.text for w in left)
    counts_right = Counter(w.text for w in right)
    return Fidelity(
        source_words=len(a),
        agreement_words=len(b),
        matched_in_order=sum(size for _, _, size in blocks),
        missing=_gaps(left, counts_left - counts_right),
        invented=_gaps(right, counts_right - counts_left),
    )
