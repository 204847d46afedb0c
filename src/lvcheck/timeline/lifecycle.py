"""The state of an agreement on any date, computed from what its header and its filled
fields say about time: the term (start, end or indefinite), renewals, the conclusion (the
day the last party signed) and what replaced it.

The facts are read from the XML tree (``lifecycle_of``), not from the model: validation
computes them for thousands of files, and building the model costs nine times the check.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from lxml import etree

from lvcheck.data import load
from lvcheck.document.dates import parse_date, parse_period, place_date
from lvcheck.document.kinds import Kind, Status
from lvcheck.document.parse import NAMESPACE
from lvcheck.timeline.periods import after

NS = f"{{{NAMESPACE}}}"


class Lifecycle(NamedTuple):
    """What an agreement version says about time."""

    kind: str  # template, instance, amendment
    stored: str  # the status written in the header
    start: date | None
    end: date | None
    indefinite: bool
    renewal_months: int | None  # renewed by this many months at a time, unless notice
    notice_months: int | None
    notice_before: str | None  # endOfTerm, endOfKitaYear, anyTime
    jurisdiction: str
    concluded: date | None  # the day the last party signed

    @property
    def kita_year_end(self) -> tuple[int, int] | None:
        """(month, day) the Land's Kindergartenjahr ends on (data/kita_years.toml)."""
        return kita_year_ends().get(self.jurisdiction)


class Standing(NamedTuple):
    """The state of a version on a day: its status, since and until when, in which renewal
    term (0: the initial term), and what replaced it."""

    status: Status
    since: date | None = None
    until: date | None = None  # the end of the current (renewal) term; None: indefinite
    term: int = 0
    replaced_by: str | None = None


@cache
def kita_year_ends() -> dict[str, tuple[int, int]]:
    table: dict[str, dict[str, str]] = load("kita_years.toml")
    ends = {}
    for land, entry in table.items():
        month, day = entry["end"].split("-")
        ends[land] = (int(month), int(day))
    return ends


def _field_values(root: etree._Element) -> dict[str, etree._Element]:
    return {f.get("name", ""): f for f in root.iter(NS + "fillIn", NS + "field")}


def _day(element: etree._Element | None, fields: dict[str, etree._Element]) -> date | None:
    """A term date: stated in the header, or the value of the field that holds it."""
    if element is None:
        return None
    if element.get("date"):
        return parse_date(element.get("date"))
    field = fields.get(element.get("field") or "")
    return parse_date(field.get("value")) if field is not None else None


_SIGNING_DAY_TYPES = frozenset({"date", "placeDate"})


def _signing_day(field: etree._Element) -> date | None:
    value = (field.get("value") or "").strip()
    if field.get("type") == "date":
        return parse_date(value)
    if field.get("type") == "placeDate":
        return place_date(value)
    return None


def lifecycle_of(root: etree._Element) -> Lifecycle:
    """The time facts of an agreement tree (schema-valid)."""
    meta = root.find(NS + "meta")
    assert meta is not None
    version, work = meta.find(NS + "version"), meta.find(NS + "work")
    term = meta.find(NS + "term")
    fields = _field_values(root)
    start = end = None
    indefinite = False
    renewal = notice = None
    before = None
    if term is not None:
        start = _day(term.find(NS + "start"), fields)
        end_element = term.find(NS + "end")
        end = _day(end_element, fields)
        indefinite = end_element is not None and end_element.get("indefinite") == "true"
        renewal_element, notice_element = term.find(NS + "renewal"), term.find(NS + "notice")
        if renewal_element is not None:
            period = parse_period(renewal_element.get("period"))
            renewal = period.months if period else None
        if notice_element is not None:
            period = parse_period(notice_element.get("period"))
            notice = period.months if period else None
            before = notice_element.get("before")
    conclusions = root.find(NS + "conclusions")
    # the day the last party signed, once every date of the signature blocks is filled: a
    # contract is concluded when all have signed (§ 56 SGB X), not when the first has
    signed = [
        _signing_day(field)
        for field in (
            conclusions.iter(NS + "fillIn", NS + "field") if conclusions is not None else ()
        )
        if field.get("type") in _SIGNING_DAY_TYPES
    ]
    days = [day for day in signed if day is not None]
    return Lifecycle(
        kind=version.get("kind", "") if version is not None else "",
        stored=version.get("status", "") if version is not None else "",
        start=start,
        end=end,
        indefinite=indefinite,
        renewal_months=renewal,
        notice_months=notice,
        notice_before=before,
        jurisdiction=work.get("jurisdiction", "") if work is not None else "",
        concluded=max(days) if signed and len(days) == len(signed) else None,
    )


def term_end(life: Lifecycle, term: int) -> date | None:
    """The last day of the initial term (0) or of the ``term``-th renewal."""
    if life.end is None:
        return None
    if term == 0 or not life.renewal_months:
        return life.end
    return after(life.end, life.renewal_months * term)


def standing_on(life: Lifecycle, day: date, replaced: tuple[date, str] | None = None) -> Standing:
    """The state of a version on ``day``. ``replaced``: the day a successor took its place,
    and which (from the relations), where one did."""
    if replaced is not None and day >= replaced[0]:
        return Standing(Status.SUPERSEDED, since=replaced[0], replaced_by=replaced[1])
    signed = life.concluded is not None and life.concluded <= day
    if life.stored == Status.DRAFT or life.start is None:
        return Standing(Status.SIGNED if signed else Status.DRAFT)
    if day < life.start:
        return Standing(Status.SIGNED if signed else Status.DRAFT, until=life.start)
    if life.indefinite or life.end is None:
        return Standing(Status.IN_FORCE, since=life.start)
    if day <= life.end:
        return Standing(Status.IN_FORCE, since=life.start, until=life.end)
    if not life.renewal_months:
        return Standing(Status.EXPIRED, since=life.end + timedelta(days=1))
    term = 1
    while (end := term_end(life, term)) is not None and end < day:
        term += 1
    return Standing(Status.IN_FORCE, since=life.start, until=term_end(life, term), term=term)


class Successor(NamedTuple):
    """A version as the relations between versions need it: who replaces whom, and when."""

    work: str
    version: str
    life: Lifecycle
    supersedes: tuple[tuple[str, str | None], ...]  # (work, version or any version)
    upon: str | None = None  # its <supersededBy upon>: replaced with a successor's conclusion?
    based_on: tuple[str, str | None] | None = None  # its template, whose `upon` it shares


def successor_of(root: etree._Element, life: Lifecycle) -> Successor:
    """The Successor facts of a tree."""
    meta = root.find(NS + "meta")
    work = meta.find(NS + "work") if meta is not None else None
    version = meta.find(NS + "version") if meta is not None else None
    upon = next((r.get("upon") for r in root.iter(NS + "supersededBy") if r.get("upon")), None)
    based = root.find(f"{NS}meta/{NS}relations/{NS}basedOn")
    return Successor(
        work.get("id", "") if work is not None else "",
        version.get("id", "") if version is not None else "",
        life,
        tuple((s.get("work", ""), s.get("version")) for s in root.iter(NS + "supersedes")),
        upon,
        (based.get("work", ""), based.get("version")) if based is not None else None,
    )


class Takeover(NamedTuple):
    """A successor instance that takes a version's place: on which day, its name, and the
    day it starts (later than the first where it took the place with its conclusion: the
    days between are covered by neither)."""

    day: date
    name: str
    starts: date


class Successors:
    """Which instance replaced which version, from the versions' <supersedes>, indexed by
    the work they replace: a repository of thousands of versions is looked up, not scanned.

    A successor takes a version's place on its start (its conclusion where it names no
    start), or on its conclusion where the version, or the template it is based on, says so
    (<supersededBy upon="conclusion">, checked against the words: NRW § 14 Abs. 4 Satz 3)."""

    def __init__(self, versions: list[Successor]) -> None:
        self.by_work: dict[str, list[tuple[str | None, date, date | None, str]]] = {}
        for other in versions:
            day = other.life.start or other.life.concluded
            if other.life.kind != Kind.INSTANCE or day is None:
                continue
            for target_work, target_version in other.supersedes:
                name = f"{other.work}, Fassung {other.version}"
                entry = (target_version, day, other.life.concluded, name)
                self.by_work.setdefault(target_work, []).append(entry)
        upon = {(v.work, v.version): v.upon for v in versions if v.upon}
        upon_of_work = {work: said for (work, _), said in upon.items()}  # basedOn, no version
        self.upon = dict(upon)
        for other in versions:
            if other.upon is None and other.based_on is not None:
                work, version = other.based_on
                said = upon.get((work, version)) if version else upon_of_work.get(work)
                if said:
                    self.upon[(other.work, other.version)] = said

    def replacement(self, work: str, version: str) -> tuple[date, str] | None:
        """The day a successor instance took the place of (work, version), and its name;
        the earliest."""
        found = self.taken_over(work, version)
        return (found.day, found.name) if found else None

    def taken_over(self, work: str, version: str) -> Takeover | None:
        """The earliest successor instance that took the place of (work, version). Where the
        version ends with a successor's conclusion, one not yet concluded (not every
        signature dated) has not taken it, whatever its start."""
        on_conclusion = self.upon.get((work, version)) == "conclusion"
        days = [
            Takeover(concluded if on_conclusion and concluded else day, name, day)
            for target, day, concluded, name in self.by_work.get(work, ())
            if target in (None, version) and (concluded or not on_conclusion)
        ]
        return min(days) if days else None
