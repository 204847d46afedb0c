"""Tokens (comparison/tokens.py) and the one function that shows invisible characters
(document/text.py): what a lawyer reads as one is one token; layout is never a change."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.comparison.tokens import (
    OTHER_SPACES,
    PLAIN,
    content_of,
    normalized,
    tokenize,
    tokens_of,
)
from lvcheck.document.model import Field, Span
from lvcheck.document.text import INVISIBLE, SOFT_HYPHEN, normalize_space, plain_text, visible


def _shown(text: str) -> list[str]:
    return [shown.strip() for _, shown in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Faktor 5,5 statt 4,5.", ["Faktor", "5,5", "statt", "4,5", "."]),
        ("1.530,00 € und € 12,50", ["1.530,00 €", "und", "€ 12,50"]),
        ("50 % oder 5 v. H.", ["50 %", "oder", "5 v. H."]),
        ("vom 01.09.2021 bis 31.08.2022", ["vom", "01.09.2021", "bis", "31.08.2022"]),
        (
            "am 1. August 2021 und zum 15. Oktober",
            ["am", "1. August 2021", "und", "zum", "15. Oktober"],
        ),
        ("2021-08-01", ["2021-08-01"]),
        ("7:30–16:30 Uhr, 8 bis 12 Uhr", ["7:30–16:30 Uhr", ",", "8 bis 12 Uhr"]),
        ("nach § 14 Abs. 4 Satz 2 SGB IX", ["nach", "§ 14 Abs. 4 Satz 2", "SGB", "IX"]),
        ("§§ 79, 113 und Art. 21 Abs. 5", ["§§ 79", ",", "113", "und", "Art. 21 Abs. 5"]),
        ("§ 14 (4) und § 123 ff.", ["§ 14 (4)", "und", "§ 123 ff."]),
        ("Ziff. 7.2 und 2021-22", ["Ziff", ".", "7.2", "und", "2021-22"]),
        ("Kita–Jahr und geht’s", ["Kita–Jahr", "und", "geht’s"]),
        ("1\u202e00", ["1", "⟨U+202E⟩", "00"]),
    ],
)
def test_a_lawyer_reads_these_as_one_token_each(text: str, tokens: list[str]) -> None:
    assert _shown(text) == tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("§ 14 Abs. 4", "§\u00a014 Abs.\u00a04"),
        ("„Schriftform“", '"Schriftform"'),
        ("Kündigungs\u00adfrist", "Kündigungsfrist"),
        ("Kündigungsfrist", unicodedata.normalize("NFD", "Kündigungsfrist")),
        ("7:30–16:30 Uhr", "7:30 - 16:30  Uhr"),
        ("1.530,00 €", "1.530,00€"),
    ],
)
def test_layout_gives_the_same_keys(a: str, b: str) -> None:
    assert [k for k, _ in tokenize(a)] == [k for k, _ in tokenize(b)]


TRICKY = [
    *list("aäß1 ,.:-–—‑’'‚‘„“\"()§%€\xa0\xad\n\u202e\u200b"),
    "Abs.",
    "Uhr",
    "August",
    "bis",
    "EUR",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), max_size=25).map("".join))
def test_equal_normalised_text_has_equal_keys(text: str) -> None:
    """The diff compares unchanged clauses as normalised strings and tokenizes only the
    rest: that is sound only if normalising never changes the keys."""
    assert [k for k, _ in tokenize(text)] == [k for k, _ in tokenize(normalized(text))]


PARTS = st.lists(
    st.one_of(
        st.lists(st.sampled_from(TRICKY), max_size=6).map("".join),
        st.just(("\x00field:x", "__________")),
    ),
    max_size=6,
)


def _relaid(part: str | tuple[str, str]) -> str | tuple[str, str]:
    """The same words in another layout: line breaks, no-break spaces, decomposed."""
    if not isinstance(part, str):
        return part
    return unicodedata.normalize("NFD", part.replace(" ", "\n   ").replace("\u00a0", " "))


@settings(max_examples=300, deadline=None)
@given(PARTS)
def test_a_clause_in_another_layout_has_the_same_content_and_keys(parts: list) -> None:  # type: ignore[type-arg]
    relaid = [_relaid(part) for part in parts]
    assert content_of(relaid) == content_of(parts)
    assert [k for k, _ in tokens_of(relaid)] == [k for k, _ in tokens_of(parts)]
    assert not INVISIBLE.search("".join(shown for _, shown in tokens_of(parts)))


SPACES = [chr(code) for code in range(0x3001) if chr(code).isspace()]  # none above U+3000
HOSTILE = [*TRICKY, *SPACES, "  ", "\x00", "\x01", "a\u0308", "\u212b", "\u2001", "«»”—‐"]


def _folded_the_long_way(text: str) -> str:
    """What normalized did before its shortcut: NFC, translate, fold every run of spaces."""
    text = unicodedata.normalize("NFC", text).translate(PLAIN)
    return re.sub(r"[^\S\x1c-\x1f\x85]+", " ", text).strip()


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join))
def test_the_shortcut_of_normalising_folds_exactly_like_the_long_way(text: str) -> None:
    """Text that needs no folding is taken as it is: never where the long way changes it."""
    assert normalized(text) == _folded_the_long_way(text)
    assert content_of([text, ("\x00field:x", "_"), text]) == _folded_the_long_way(
        f"{text}\x00field:x\x01{text}"
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join))
def test_folding_the_spaces_of_running_text_takes_the_same_shortcut_soundly(text: str) -> None:
    assert normalize_space(text) == re.sub(r"\s+", " ", text)


def test_the_shortcut_knows_every_space_python_folds() -> None:
    every = {chr(code) for code in range(sys.maxunicode + 1) if re.match(r"\s", chr(code))}
    assert every == set(SPACES)
    others = re.compile(f"[{OTHER_SPACES}]")
    assert {c for c in every if others.match(c)} == every - {" ", *"\x1c\x1d\x1e\x1f\x85"}


def test_every_control_and_format_character_counts_as_invisible() -> None:
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf")
        and chr(code) not in ("\t", "\n", "\r", SOFT_HYPHEN)
        and not INVISIBLE.fullmatch(chr(code))
    ]
    assert missed == []
    assert not INVISIBLE.search("Kündigungs\u00adfrist\t\n§ 14\u00a0Abs.")


def test_visible_names_what_a_reader_cannot_see() -> None:
    assert visible("1\u202e00\u200b") == "1⟨U+202E⟩00⟨U+200B⟩"
    assert visible("gewöhnlicher Text") == "gewöhnlicher Text"
    field = Field(name="x", type="text", inline=True, value="A\u202eB")
    assert plain_text(("Betrag ", Span("b", ("1\u202e00",)), " ", field)) == (
        "Betrag 1⟨U+202E⟩00 A⟨U+202E⟩B"
    )


def test_no_space_but_the_plain_one_is_printable_so_the_printable_shortcut_is_sound() -> None:
    """normalize_space takes isprintable() as proof that no other space is in the text:
    over all of Unicode, no character its search would find is printable."""
    from lvcheck.document.text import _NOT_PLAIN_SPACE

    found = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if _NOT_PLAIN_SPACE.match(chr(code)) and chr(code).isprintable()
    ]
    assert found == []
