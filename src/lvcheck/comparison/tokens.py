"""Tokens: what a word diff compares, cut as a lawyer reads the text.

One token each: a word; a German number with its decimal comma and thousands dots
(``4,5``, ``1.530,00``); an amount or a percentage with its unit (``1.530,00 €``,
``50 %``, ``5 v. H.``); a date (``31.08.2022``, ``1. August 2021``, ``2021-08-01``); a
time or a time range (``7:30–16:30 Uhr``); a citation of a provision (``§ 14 Abs. 4``,
``Art. 21 Abs. 5 Satz 2``); a punctuation mark; an invisible character. So a changed
factor reads ``[-5,5-] {+6,0+}``, never ``[-5-] {+6+},[-5-] {+0+}``.

Layout is no change. A token's key (what is compared) is its text in Unicode NFC with
typographic quotes and dashes as plain ones, soft hyphens removed and no whitespace; a
token's shown text keeps the original characters, with invisible ones made visible
(``⟨U+202E⟩``, document.text.visible).

``normalized`` folds a whole text the same way in one pass, so that the diff can
compare unchanged clauses as strings and tokenize only those that differ. The token
pattern treats every character and its plain form alike (``’`` and ``'``, ``–`` and
``-``), so that equal normalized texts always give equal keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from lvcheck.document.characters import INVISIBLE_CLASS, SOFT_HYPHEN, shown_as

Token = tuple[str, str]  # (comparison key, shown text with its trailing space)
Segment = str | Token  # running text as written, or a token that stands for itself

# Typographic forms compared as their plain ones; the soft hyphen is a line-break hint.
PLAIN = str.maketrans(
    {
        "„": '"',
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        SOFT_HYPHEN: None,
    }
)

_S = r"[^\S\x1c-\x1f\x85]"  # a space that is layout (Python's \s also takes four controls)
_DASH = "[-‐‑–—]"
_JOIN = "[-‐‑–—'’‚‘.]"  # inside a word: Kita-Jahr, Kita–Jahr, 7.2, geht’s
_MONTH = (
    "(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)
_DECIMAL = r"\d{1,3}(?:\.\d{3})+(?:,\d+|,--?|,–)?|\d+(?:,\d+|,--?|,–)?"  # 12 · 4,5 · 1.530,-
_UNIT = r"(?:€|EUR\b|Euro\b|Cent\b|%|Prozent\b|v\.\s?H\.)"
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?"
_QUALIFIER = (
    r"(?:Abs\.|Absatz|Satz|S\.|Nr\.|Ziff\.|Buchst\.|lit\.|Halbsatz|Hs\.|Alt\.|UAbs\.)"
    rf"{_S}*(?:\d+[a-z]?|[a-z]\))"
)
_ALTERNATIVES = (
    # § 14 Abs. 4 Satz 2, §§ 79, Art. 21 Abs. 5, § 14 (4), § 123 ff.
    rf"(?:§§?|Art\.){_S}*\d+[a-z]?(?:{_S}*(?:{_QUALIFIER}|\(\d+[a-z]?\)))*(?:{_S}*ff?\.)?",
    rf"\d{{1,2}}\.{_S}*{_MONTH}(?:{_S}+\d{{4}})?(?!\w)",  # 1. August 2021, 15. Oktober
    rf"{_MONTH}{_S}+\d{{4}}(?!\w)",  # August 2021
    r"\d{1,2}\.(?:0[1-9]|1[0-2])\.(?:\d{4}|\d{2})?(?!\w|\.\d)",  # 31.08.2022, 01.09.
    r"\d{4}-\d{2}-\d{2}(?!\w)",  # 2021-08-01
    rf"{_CLOCK}{_S}*(?:{_DASH}|bis){_S}*{_CLOCK}{_S}*Uhr\b",  # 7:30–16:30 Uhr, 8 bis 12 Uhr
    rf"\d{{1,2}}:\d{{2}}(?:{_S}*{_DASH}{_S}*\d{{1,2}}:\d{{2}})?(?:{_S}*Uhr\b)?",  # 7:30–16:30
    rf"{_CLOCK}{_S}*Uhr\b",  # 8 Uhr
    rf"(?:{_DECIMAL}){_S}*{_UNIT}",  # 1.530,00 €, 50 %, 5 v. H.
    rf"(?:€|EUR){_S}*(?:{_DECIMAL})(?!\w)",  # € 1.530,00
    r"\d+(?:\.\d{3})*,\d+(?!\w|[.,]\d)",  # 4,5 and 1.234,56 (7.2 and 2021-22 are words)
    rf"\w+(?:{_JOIN}\w+)*",  # a word
    INVISIBLE_CLASS,  # one character a reader cannot see: a token of its own
    r"[^\w\s]",  # a punctuation mark
)
_TOKEN_PATTERN = rf"({'|'.join(_ALTERNATIVES)})({_S}*)"
_SPACES = re.compile(f"{_S}+")
_INVISIBLE = re.compile(INVISIBLE_CLASS)
_NO_BREAK = "\u00a0\u202f"  # kept where a token has them: "§\u00a014" must not break


def _fold(space: re.Match[str]) -> str:
    return space.group()[0] if space.group()[0] in _NO_BREAK else " "


def _shown(token: str) -> str:
    """The text a reader is shown: the original characters, a run of spaces inside a
    token as one, an invisible character as ``⟨U+XXXX⟩``."""
    if len(token) == 1 and _INVISIBLE.match(token):
        return shown_as(token)
    return _SPACES.sub(_fold, token)


@cache
def _token() -> re.Pattern[str]:
    """The tokens' pattern, compiled when the first changed clause is cut into tokens: a
    diff of equal texts, or validate, never needs it."""
    return re.compile(_TOKEN_PATTERN)


def tokenize(text: str) -> list[Token]:
    """Tokens with the space that follows each: (key, shown text)."""
    text = unicodedata.normalize("NFC", text).replace(SOFT_HYPHEN, "")
    tokens = []
    for match in _token().finditer(text):
        token, space = match.group(1), match.group(2)
        if token.isalnum():  # most tokens: a plain word
            tokens.append((token, token + (" " if space else "")))
            continue
        key = _SPACES.sub("", token.translate(PLAIN))  # a token of several words: spaces are layout
        tokens.append((key, _shown(token) + (" " if space else "")))
    return tokens


def normalized(text: str) -> str:
    """The text as it is compared: NFC, plain quotes and dashes, no soft hyphens, every
    run of spaces one space. Equal normalized texts have equal token keys."""
    text = unicodedata.normalize("NFC", text)
    if _NEEDS_FOLDING.search(text) is None and "  " not in text:
        return text.strip()  # nearly always: nothing to translate, every space single
    return _SPACES.sub(" ", text.translate(PLAIN)).strip()


def _merged(parts: Iterable[Segment]) -> list[Segment]:
    """Adjacent running text as one string: <b>Kita</b>jahr is one word."""
    merged: list[Segment] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


def tokens_of(parts: Iterable[Segment]) -> tuple[Token, ...]:
    """The tokens of a clause's parts; a space stands where the text has one, also at the
    edge of a field or footnote marker."""
    tokens: list[Token] = []
    for part in _merged(parts):
        if isinstance(part, str):
            if part[:1].isspace() and tokens and not tokens[-1][1].endswith(" "):
                tokens[-1] = (tokens[-1][0], tokens[-1][1] + " ")
            tokens += tokenize(part)
        else:
            tokens.append(part)
    return tuple(tokens)


def content_of(parts: Sequence[Segment]) -> str:
    """A clause's parts as one normalised string, what the diff compares first: equal
    content, equal token keys. A token of its own is written as its key (which starts
    with NUL, never part of XML text), ended by SOH; the spaces around it are kept, so
    that the string counts the clause's words."""
    try:
        text = "".join(parts)  # type: ignore[arg-type]  # most clauses: running text alone
    except TypeError:  # a token among the parts
        text = "".join(part if isinstance(part, str) else part[0] + "\x01" for part in parts)
    return normalized(text)


# Every character the layout space _S takes but the plain space: text without any of them,
# without two spaces in a row and without a typographic form is folded already. One
# character class, so that the search is one scan in C (replacing each single space with a
# space took three quarters of the time of normalising a clause). A test holds the list
# against Python's own.
OTHER_SPACES = "\t\n\x0b\x0c\r\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NEEDS_FOLDING = re.compile(f"[{''.join(re.escape(chr(c)) for c in PLAIN)}{OTHER_SPACES}]")
