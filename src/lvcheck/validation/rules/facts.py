"""Header facts bound to their words (LV350, LV351): every fact of the header that a clause
governs (the term's start and end, an indefinite term, the notice period, its reference
point and form, the renewal, the agreed figures) must be said by that clause's words.

How the words say each fact is data (data/header_facts.toml): patterns with placeholders
for the header's value. A clause that states another value contradicts the header (an
error naming both places: the header line and the clause, down to the sentence); a fact
that names no clause is a warning, since nothing then checks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from lxml import etree

from lvcheck import codes
from lvcheck.data import load
from lvcheck.document.citation import element_citation, sentence_number
from lvcheck.document.dates import parse_date, parse_period
from lvcheck.document.numbers import german_numeral
from lvcheck.labels import (
    MONTH_NAMES,
    NOTICE_BEFORE,
    UNSTATED_UPON,
    UPON,
    duration_text,
    german_date,
)
from lvcheck.validation.rules.base import NS, CleanInputs, Document, Findings

MONTHS = MONTH_NAMES
UNITS = {
    "Y": r"Jahr(?:e|en|es)?",
    "M": r"Monat(?:e|en|s)?",
    "W": r"Woche(?:n)?",
    "D": r"Tag(?:e|en)?",
}
_NUMBER_WORDS = "|".join(sorted({w for n in range(100) if (w := german_numeral(n))}, key=len)[::-1])
GENERIC = {
    "any_date": r"\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{4}|(?:" + "|".join(MONTHS) + r")\s+\d{4})",
    "any_field": r"⟦field:[^⟧]+⟧",
    "any_number": r"(?:\d+|(?:" + _NUMBER_WORDS + r")\w*)",
    "any_unit": "(?:" + "|".join(UNITS.values()) + ")",
    "any_decimal": r"\d+(?:[,.]\d+)?",
}


class Fact(NamedTuple):
    """One fact of the header: its kind (an entry of header_facts.toml), the values for the
    placeholders, how a reader says it, and where it stands and what governs it."""

    kind: str
    values: dict[str, str]
    shown: str
    element: etree._Element
    governed_by: str | None
    choice: str | None = None  # notice.before / notice.form: the header's keyword


def _facts_table() -> dict[str, Any]:
    facts: dict[str, Any] = load("header_facts.toml")["facts"]
    return facts


def _date_pattern(iso: str) -> str | None:
    day = parse_date(iso)
    if day is None:
        return None
    numeric = rf"0?{day.day}\.\s*0?{day.month}\.\s*{day.year}"
    spelled = rf"0?{day.day}\.\s*{MONTHS[day.month - 1]}\s+{day.year}"
    return f"(?:{numeric}|{spelled})"


def _number_pattern(number: int) -> str:
    word = german_numeral(number)
    inflected = rf"{word}(?:e|en|em|er|es)?" if word == "ein" else word
    return f"(?:{number}|{inflected})" if word else str(number)


def _decimal_pattern(value: str) -> tuple[str, str]:
    """(pattern, shown) for a figure: 5.5 -> 5,5 or 5.5; 2 -> 2 or zwei."""
    whole, _, fraction = value.strip().partition(".")
    fraction = fraction.rstrip("0")
    if not fraction:
        return rf"(?<![\d,.]){_number_pattern(int(whole))}(?![\d]|[,.]\d)", whole
    return rf"(?<![\d,.]){whole}[,.]{fraction}(?![\d]|[,.]\d)", f"{whole},{fraction}"


def _period_values(period: str | None) -> tuple[dict[str, str], str] | None:
    parsed = parse_period(period)
    if parsed is None:
        return None
    values = {"number": _number_pattern(parsed.amount), "unit": UNITS[parsed.unit]}
    return values, duration_text(str(parsed))


def _term_facts(term: etree._Element) -> Iterator[Fact]:
    own = term.get("governedBy")
    start, end = term.find(NS + "start"), term.find(NS + "end")
    renewal, notice = term.find(NS + "renewal"), term.find(NS + "notice")
    for name, element in (("term.start", start), ("term.end", end)):
        if element is None:
            continue
        governed = element.get("governedBy") or own
        if element.get("indefinite") == "true":
            yield Fact("term.indefinite", {}, "unbefristet", element, governed)
        elif element.get("date"):
            date = _date_pattern(element.get("date", ""))
            if date:
                shown = german_date(element.get("date", ""))
                yield Fact(name, {"date": date, "field": "(?!)"}, shown, element, governed)
        elif element.get("field"):
            field = re.escape(f"⟦field:{element.get('field')}⟧")
            shown = f"Feld {element.get('field')}"
            yield Fact(name, {"field": field, "date": "(?!)"}, shown, element, governed)
    if renewal is not None:
        period = _period_values(renewal.get("period"))
        if period is not None:
            values, shown = period
            unit = renewal.get("unit")
            values["renewal"] = rf"{re.escape(unit)}(?:e|es|en)?" if unit else values["unit"]
            governed = renewal.get("governedBy") or own
            yield Fact("renewal", values, f"{shown} ({unit or ''})", renewal, governed)
    if notice is not None:
        governed = notice.get("governedBy") or own
        period = _period_values(notice.get("period"))
        if period is not None:
            yield Fact("notice.period", period[0], period[1], notice, governed)
        before = notice.get("before", "")
        shown = NOTICE_BEFORE.get(before, before)
        yield Fact("notice.before", {}, shown, notice, governed, choice=before)
        if notice.get("form"):
            form = notice.get("form", "")
            yield Fact("notice.form", {}, form, notice, governed, choice=form)


def header_facts(document: Document) -> Iterator[Fact]:
    """Every governed fact of the header, in header order."""
    term = document.first("term")
    if term is not None:
        yield from _term_facts(term)
    for figure in document.root.iter(NS + "figure"):
        pattern, shown = _decimal_pattern(figure.get("value", ""))
        name = figure.get("name", "")
        kind = f"figure.{name}" if f"figure.{name}" in _facts_table() else "figure"
        yield Fact(
            kind, {"decimal": pattern, "number": pattern}, shown, figure, figure.get("governedBy")
        )
    for relation in document.root.iter(NS + "supersededBy"):
        upon, governed = relation.get("upon", ""), relation.get("governedBy")
        if upon or governed:  # unstated (""): the words must not state a moment either
            shown = f"{relation.get('work', '')} {UPON.get(upon, UNSTATED_UPON)}"
            yield Fact("replacement.upon", {}, shown, relation, governed, choice=upon)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _expand_cached(pattern: str, values: tuple[tuple[str, str], ...]) -> str:
    table = dict(values)
    return re.sub(
        r"\{(\w+)\}", lambda m: table.get(m.group(1), GENERIC.get(m.group(1), "(?!)")), pattern
    )


def _expand(pattern: str, values: dict[str, str]) -> str:
    """A pattern of header_facts.toml with its placeholders filled (cached: the same facts
    recur in every instance of a template)."""
    return _expand_cached(pattern, tuple(sorted(values.items())))


def _patterns(fact: Fact) -> tuple[list[str], list[str]]:
    """(says, any): the patterns of the header's value, and those of any value."""
    entry = _facts_table()[fact.kind]
    if fact.choice is not None:
        says = entry.get(fact.choice, [])
        others = [p for key, ps in entry.items() if key not in ("label", fact.choice) for p in ps]
        return says, others
    values = {**fact.values}
    return [_expand(p, values) for p in entry["says"]], [_expand(p, {}) for p in entry["any"]]


def _paragraph_words(paragraph: etree._Element) -> str:
    """The words of a <p>, each fill-in field as a marker ⟦field:name⟧ (its value is not the
    clause's wording), footnotes left out."""
    parts: list[str] = [paragraph.text or ""]
    _inline_words(paragraph, parts)
    return " ".join("".join(parts).split())


def _inline_words(parent: etree._Element, parts: list[str]) -> None:
    for child in parent:
        if child.tag == _FILL_IN:
            parts.append(f" ⟦field:{child.get('name')}⟧ ")
        elif child.tag != _NOTE:  # a footnote's words are not the clause's, its tail is
            parts.append(child.text or "")
            _inline_words(child, parts)
        parts.append(child.tail or "")


_FILL_IN, _NOTE = NS + "fillIn", NS + "authorialNote"


class _Words:
    """The words of each paragraph of a clause, made once per file: several facts (start,
    end, notice period) are governed by the same clause."""

    def __init__(self) -> None:
        self._made: dict[etree._Element, list[tuple[etree._Element, str]]] = {}

    def of(self, clause: etree._Element) -> list[tuple[etree._Element, str]]:
        found = self._made.get(clause)
        if found is None:
            found = [(p, _paragraph_words(p)) for p in clause.iter(NS + "p")]
            self._made[clause] = found
        return found


def _search(
    words_of: list[tuple[etree._Element, str]], patterns: list[str]
) -> tuple[etree._Element, str, re.Match[str]] | None:
    for paragraph, words in words_of:
        for pattern in patterns:
            found = _compiled(pattern).search(words)
            if found:
                return paragraph, words, found
    return None


def _shown(words: str) -> str:
    """Clause words as a reader sees them: a field marker is the blank of the form."""
    return re.sub(r"⟦field:([^⟧]+)⟧", r"__________ (Feld \1)", words)


def _place(paragraph: etree._Element, words: str, found: re.Match[str]) -> str:
    """ "§ 14 Abs. 1 Satz 2 (line 501)": the clause down to the sentence."""
    cited = element_citation(paragraph)
    blocks = paragraph.getparent()
    if blocks is not None:
        paragraphs = [p for p in blocks if p.tag == NS + "p"]
        if len(paragraphs) > 1 and " Abs. " not in f" {cited} ":
            cited += f" Abs. {paragraphs.index(paragraph) + 1}"
    cited += f" Satz {sentence_number(words, found.start())}"
    return f"{cited} (line {paragraph.sourceline})"


# The outcome of a fact against its clause's words depends on the fact and the text alone:
# files of one text (validation/memo.py's key) that state the same fact share it.
_OUTCOMES: dict[tuple[Any, ...], tuple[str, str] | None] = {}
_OUTCOME_LIMIT = 4096


def _outcome(
    fact: Fact, label: str, clause: etree._Element, clause_words: _Words
) -> tuple[str, str] | None:
    """(code, message) where the clause's words do not say the fact; None where they do."""
    says, other = _patterns(fact)
    if says and _search(clause_words.of(clause), says) is not None:
        return None
    elsewhere = _search(clause_words.of(clause), other)
    if fact.kind == "replacement.upon" and not fact.choice and elsewhere is None:
        return None  # a moment the header leaves unstated, and so do the words
    if elsewhere is not None:
        paragraph, words, found = elsewhere
        return (
            codes.FACT_MISMATCH,
            f"the header says {label} {fact.shown!r}, but {_place(paragraph, words, found)} "
            f"says otherwise: {_shown(found.group(0))!r}",
        )
    return (
        codes.FACT_MISMATCH,
        f"the header says {label} {fact.shown!r}, governed by {element_citation(clause)} "
        f"(line {clause.sourceline}), but its words do not state it (the wordings "
        "lvcheck knows are in data/header_facts.toml)",
    )


_CLEAN = CleanInputs()


def check(document: Document) -> Findings:
    """Each governed fact of the header against the words of its clause (LV350, LV351)."""
    # what the check reads: the text (the key's part), the term, the figures, the relations
    header = document.root[0] if document.text_key is not None else ()  # memo: <meta>
    key = _CLEAN.key(
        document, *(etree.tostring(child) for child in header if child.tag in _READ_IN_HEADER)
    )
    if _CLEAN.known(key):
        return
    found = list(_check(document))
    if not found:
        _CLEAN.remember(key)
    yield from found


_READ_IN_HEADER = frozenset({NS + "term", NS + "figures", NS + "relations"})


def _check(document: Document) -> Findings:
    table = _facts_table()
    clause_words = _Words()
    for fact in header_facts(document):
        label = table[fact.kind]["label"]
        if not fact.governed_by:
            yield document.report(
                codes.FACT_UNGOVERNED,
                fact.element,
                f"{label} {fact.shown!r} names no clause (governedBy): nothing checks it "
                "against the words",
            )
            continue
        clause = document.eids.get(fact.governed_by)
        if clause is None:
            continue  # LV326 reports a governedBy that names no clause
        signature = (
            document.text_key,
            fact.kind,
            tuple(sorted(fact.values.items())),
            fact.shown,
            fact.choice,
            fact.governed_by,
        )
        if document.text_key is not None and signature in _OUTCOMES:
            outcome = _OUTCOMES[signature]
        else:
            outcome = _outcome(fact, label, clause, clause_words)
            if document.text_key is not None:
                if len(_OUTCOMES) >= _OUTCOME_LIMIT:
                    _OUTCOMES.clear()
                _OUTCOMES[signature] = outcome
        if outcome is not None:
            yield document.report(outcome[0], fact.element, outcome[1])
