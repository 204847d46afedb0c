"""The header of an imported agreement: only what its words say, each fact naming the
clause that says it (governedBy), so that validate's LV350 confirms it.

The term is read from the clause that sets it ("tritt am ____ in Kraft und läuft auf
unbestimmte Zeit", "für die Zeit vom 01.09.2021 bis 31.08.2022"), the notice period and
what it runs to ("mit einer Frist von 12 Monaten zum Ende eines jeden Kitajahres",
"spätestens sechs Monate vor dem Ende des Vereinbarungszeitraumes … schriftlich"), the
renewal ("verlängert sich … um ein weiteres Kindergartenjahr"); the legal basis from the
clause headed "Rechtsgrundlage" or the title. What the words do not say is listed as to
be filled in (``missing``), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from lvcheck.document.kinds import Kind, Status
from lvcheck.document.model import (
    Block,
    DateOrField,
    Field,
    Inline,
    LegalTarget,
    ListBlock,
    Meta,
    Paragraph,
    Party,
    Ref,
    Span,
    Term,
    Unit,
)
from lvcheck.document.numbers import german_numeral
from lvcheck.importing.draft import Text
from lvcheck.importing.fields import slug

_FIELD = "\x00{}\x00"
_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_VALUE = rf"(?:{_DATE}|\x00([^\x00]+)\x00)"
_NUMBERS = {german_numeral(n) or str(n): n for n in range(1, 100)}
_NUMBER = r"(\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\w*"
_UNITS = {"Monat": "M", "Jahr": "Y", "Woche": "W", "Tag": "D"}
_UNIT = r"(Monat|Jahr|Woche|Tag)\w*"


class Header(NamedTuple):
    meta: Meta
    missing: tuple[str, ...]  # header facts the words do not state: to be filled in


def _text(items: Iterable[Inline]) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Span | Ref):
            out.append(_text(item.children))
        elif isinstance(item, Field):
            out.append(_FIELD.format(item.name) if not item.is_filled else item.value or "")
    return "".join(out)


def _own_text(blocks: Iterable[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(_text(block.children))
        elif isinstance(block, ListBlock):
            parts.append(_own_text(block.intro))
            parts.extend(_own_text(p.content or ()) for p in block.points)
            parts.append(_own_text(block.wrap_up))
    return " ".join(parts)


def _clauses(units: Iterable[Unit]) -> Iterator[tuple[Unit, str]]:
    for unit in units:
        yield unit, _own_text((*(unit.content or ()), *unit.intro, *unit.wrap_up))
        yield from _clauses(unit.children)


def _date(found: re.Match[str], at: int) -> DateOrField:
    if found.group(at + 3):
        return DateOrField(field=found.group(at + 3))
    day, month, year = (int(found.group(at + k)) for k in range(3))
    return DateOrField(date=f"{year:04d}-{month:02d}-{day:02d}")


def _period(number: str, unit: str) -> str:
    value = int(number) if number.isdigit() else _NUMBERS.get(number.lower(), 0)
    return f"P{value}{_UNITS[unit]}" if value else ""


def _term(text: Text) -> tuple[Term | None, list[str]]:
    start = end = None
    indefinite = None
    notice = before = form = renewal = renewal_unit = None
    governed = None
    for unit, words in _clauses(text.body):
        found = re.search(rf"\btritt\s+am\s+{_VALUE}\s+in\s+Kraft", words)
        span = re.search(rf"\bvom\s+{_VALUE}\s+bis\s+(?:zum\s+)?{_VALUE}", words)
        if found and start is None:
            start, governed = _date(found, 1), unit.eid
        if span and start is None:
            start, end, governed = _date(span, 1), _date(span, 5), unit.eid
        if unit.eid != governed:
            continue
        if re.search(r"\bauf\s+unbestimmte\s+Zeit\b|\bunbefristet", words):
            indefinite = True
        period = re.search(rf"\bFrist\s+von\s+{_NUMBER}\s+{_UNIT}", words) or re.search(
            rf"\b{_NUMBER}\s+{_UNIT}\s+vor\s+(?:dem\s+)?(?:Ende|Ablauf)\b", words
        )
        if period:
            notice = _period(period.group(1), period.group(2)) or None
            if re.search(
                r"zum\s+Ende\s+(?:eines\s+jeden|jedes|des)\s+(?:Kita|Kindergarten)-?jahres", words
            ):
                before = "endOfKitaYear"
            elif re.search(r"vor\s+dem\s+Ende\s+des\s+(?:Vereinbarungs|Vertrags)zeitraum", words):
                before = "endOfTerm"
            if re.search(r"\bschriftlich", words):
                form = "schriftlich"
        grows = re.search(
            r"\bverlängert\s+sich\b.{0,80}?\bum\s+(?:jeweils\s+)?(ein|\d+)\w*\s+(?:weitere[snm]?\s+)?(Kindergartenjahr|Kitajahr|Jahr)",
            words,
        )
        if grows:
            renewal, renewal_unit = "P1Y", grows.group(2)
    if start is None:
        return None, ["Laufzeit (Beginn)"]
    missing = [] if end or indefinite else ["Laufzeit (Ende)"]
    term = Term(
        start=start,
        end=end if end is not None else DateOrField() if indefinite else None,
        end_indefinite=indefinite,
        renewal_period=renewal,
        renewal_unit=renewal_unit if renewal_unit != "Jahr" else None,
        notice_period=notice,
        notice_before=before if notice else None,
        notice_form=form if notice else None,
        governed_by=governed,
    )
    return term, missing + ([] if notice else ["Kündigungsfrist"])


def _legal_basis(text: Text) -> tuple[LegalTarget, ...] | None:
    def refs(items: Iterable[Inline]) -> Iterator[LegalTarget]:
        for item in items:
            if isinstance(item, Ref) and item.target.statute and item.target.section:
                yield LegalTarget(statute=item.target.statute, section=item.target.section)
            elif isinstance(item, Span | Ref):
                yield from refs(item.children)

    found: list[LegalTarget] = []
    for unit, _ in _clauses(text.body):
        heading = _text(unit.heading or ())
        if "Rechtsgrundlage" in heading:
            for block in unit.content or ():
                if isinstance(block, Paragraph):
                    found.extend(refs(block.children))
    if not found and text.preface:
        found.extend(refs(text.preface[0].children))
    unique = list(dict.fromkeys(found))
    return tuple(unique) or None


def _fields(units: Iterable[Unit]) -> Iterator[Field]:
    for unit in units:
        for block in (*(unit.content or ()), *unit.intro, *unit.wrap_up):
            if isinstance(block, Field):
                yield block
            elif isinstance(block, Paragraph):
                yield from (i for i in block.children if isinstance(i, Field))
        yield from _fields(unit.children)


def header(
    text: Text, work: str, jurisdiction: str, title: str | None = None, kind: str | None = None
) -> Header:
    """The header an import proposes for a new work from its text."""
    term, missing = _term(text)
    heading = title or (_text(text.preface[0].children).strip() if text.preface else work)
    in_preface = (i for p in text.preface or () for i in p.children if isinstance(i, Field))
    blank = any(not f.is_filled for f in (*_fields(text.body), *in_preface))
    leistungstyp = re.search(
        r"\(([A-Z]+(?:-[A-Z]+)+)\)", " ".join(_text(p.children) for p in text.preface or ())
    )
    meta = Meta(
        work_id=work,
        agreement_type=slug(leistungstyp.group(1), "-")
        if leistungstyp
        else "leistungsvereinbarung",
        jurisdiction=jurisdiction,
        language="de",
        version_id="v1",
        status=Status.DRAFT,
        kind=kind or (Kind.TEMPLATE if blank else Kind.INSTANCE),
        title=heading or work,
        parties=tuple(text.parties),
        legal_basis=_legal_basis(text),
        term=term,
    )
    return Header(meta, tuple(missing) + (() if text.parties else ("Vertragsparteien",)))


__all__ = ["Header", "Party", "header"]
