"""What a continuing clause keeps of the version before: its markup where its words did not
change (legal references, spans, field names), its fields filled where the source has
words in a blank's place.

Paragraphs are compared by their words with fields as placeholders. An unchanged paragraph
is the old one, its fields given the values the source writes in them; a changed one is
the source's, with the old fields standing (named and typed as before) where the source's
words fill a blank of the old one. Whatever else differs is a departure, reported with the
words deleted and inserted (LV450) where the old version is a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from lvcheck.comparison.words import matching_blocks
from lvcheck.document.kinds import FieldType
from lvcheck.document.model import Field, Inline, Note, Paragraph, Ref, Span
from lvcheck.importing import inline as running

WORD = re.compile(r"§|[^\W_]+")
_FIELD = "\x00field"
_GERMAN_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")


class Piece(NamedTuple):
    """A word of a paragraph, or a field; where it stands in the paragraph's text."""

    token: str
    start: int
    end: int
    field: Field | None = None


class Departure(NamedTuple):
    deleted: str
    inserted: str


class Merged(NamedTuple):
    paragraph: Paragraph
    filled: tuple[Field, ...]
    departures: tuple[Departure, ...]


def flat(items: Iterable[Inline]) -> list[str | Field | Note]:
    """Running text without spans and references: strings, fields, notes."""
    out: list[str | Field | Note] = []
    for item in items:
        if isinstance(item, Span | Ref):
            out.extend(flat(item.children))
        elif isinstance(item, str) and out and isinstance(out[-1], str):
            out[-1] += item
        else:
            out.append(item)
    return out


def pieces(items: Iterable[Inline]) -> tuple[str, list[Piece]]:
    """A paragraph's text (a field as one character) and its words and fields."""
    text = ""
    found: list[Piece] = []
    for part in flat(items):
        if isinstance(part, str):
            found += [
                Piece(m.group(), len(text) + m.start(), len(text) + m.end())
                for m in WORD.finditer(part)
            ]
            text += part
        elif isinstance(part, Field):
            found.append(Piece(_FIELD, len(text), len(text) + 1, part))
            text += "\ufffc"  # one character for the field, none of the words
        else:
            for paragraph in part.paragraphs:
                found += [Piece(f"\x00note {p.token}", 0, 0) for p in pieces(paragraph.children)[1]]
    return text, found


def signature(items: Iterable[Inline]) -> tuple[str, ...]:
    return tuple(piece.token for piece in pieces(items)[1])


def typed_value(kind: str, written: str, options: Iterable[tuple[str, str]] = ()) -> str:
    """A value as the header of an instance keeps it: a date TT.MM.JJJJ as ISO, choices by
    their option values; anything else as written (so it prints as the source wrote it)."""
    written = written.strip()
    found = _GERMAN_DATE.fullmatch(written)
    if kind == FieldType.DATE and found:
        return f"{found.group(3)}-{found.group(2)}-{found.group(1)}"
    return written


def _fill(
    items: Iterable[Inline], values: dict[int, str], counter: list[int]
) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Field):
            at = counter[0]
            counter[0] += 1
            if at in values:
                item = replace(item, value=typed_value(item.type, values[at]))
            out.append(item)
        elif isinstance(item, Span | Ref):
            out.append(replace(item, children=_fill(item.children, values, counter)))
        else:
            out.append(item)
    return tuple(out)


def _field_count(items: Iterable[Inline]) -> int:
    return sum(1 for part in flat(items) if isinstance(part, Field))


def merge(old: Paragraph, new: Paragraph) -> Merged:
    """The paragraph of the new version: see the module's description."""
    _, old_pieces = pieces(old.children)
    new_text, new_pieces = pieces(new.children)
    blocks = matching_blocks([p.token for p in old_pieces], [p.token for p in new_pieces])
    fields_old = [p.field for p in old_pieces if p.field is not None]
    number = {id(p): n for n, p in enumerate(x for x in old_pieces if x.field is not None)}
    values: dict[int, tuple[str, int, int]] = {}  # old field -> the source's words, where
    departures: list[Departure] = []
    i = j = 0
    for bi, bj, size in [*blocks, (len(old_pieces), len(new_pieces), 0)]:
        olds = [p for p in old_pieces[i:bi] if p.field is None]
        blanks = [p for p in old_pieces[i:bi] if p.field is not None]
        news = [p for p in new_pieces[j:bj] if p.field is None]
        if len(blanks) == 1 and not olds and news:
            start, end = news[0].start, news[-1].end
            values[number[id(blanks[0])]] = (new_text[start:end], start, end)
        elif olds or news or blanks:
            departures.append(
                Departure(" ".join(p.token for p in olds), " ".join(p.token for p in news))
            )
        for k in range(size):  # a field that stays a field takes the source's value
            kept, given = old_pieces[bi + k], new_pieces[bj + k]
            if kept.field is not None and given.field is not None and given.field.value:
                values[number[id(kept)]] = (given.field.value, -1, -1)
        i, j = bi + size, bj + size
    filled = tuple(
        replace(fields_old[n], value=typed_value(fields_old[n].type, value))
        for n, (value, _, _) in sorted(values.items())
    )
    if not departures:
        plain_values = {n: value for n, (value, _, _) in values.items()}
        return Merged(replace(old, children=_fill(old.children, plain_values, [0])), filled, ())
    spans = [
        (start, end, filled[k])
        for k, (n, (_, start, end)) in enumerate(sorted(values.items()))
        if start >= 0
    ]
    return Merged(_rebuilt(new, spans), filled, tuple(departures))


def _rebuilt(new: Paragraph, spans: list[tuple[int, int, Field]]) -> Paragraph:
    """The source's paragraph, the old fields standing where its words fill their blanks."""
    out: list[Inline] = []
    text_at = 0
    for part in flat(new.children):
        if not isinstance(part, str):
            text_at += 1
            out.append(part)
            continue
        segment_start, text_at = text_at, text_at + len(part)
        cursor = 0
        for start, end, field in sorted(spans, key=lambda s: s[0]):
            if segment_start <= start and end <= text_at:
                out.extend(_references(part[cursor : start - segment_start]))
                out.append(field)
                cursor = end - segment_start
        out.extend(_references(part[cursor:]))
    return replace(new, children=tuple(out))


def _references(text: str) -> list[Inline]:
    found: list[Inline] = []
    running.references(text, found)
    return [piece for piece in found if piece != ""]
