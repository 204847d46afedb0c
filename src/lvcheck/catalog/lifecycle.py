"""What an agreement version says about time, and its state on any date: the term (start,
end or indefinite), renewals, the conclusion (the day the last party signed), and, given
the day a successor took its place (Catalog.takeover), that it was replaced.

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
from lvcheck.document.kinds import Status
from lvcheck.document.parse import NAMESPACE
from lvcheck.document.periods import after

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
    replaced_by: tuple[str, str] | None = None  # (work, version) of the successor


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


def standing_on(
    life: Lifecycle,
    day: date,
    replaced: tuple[date, tuple[str, str]] | None = None,
    ended: date | None = None,
) -> Standing:
    """The state of a version on ``day``. ``replaced``: the day a successor took its place,
    and which (work, version; Catalog.takeover), where one did; ``ended``: the last day a
    notice leaves it in force (Catalog.ending), where one was given."""
    if replaced is not None and day >= replaced[0] and (ended is None or replaced[0] <= ended):
        return Standing(Status.SUPERSEDED, since=replaced[0], replaced_by=replaced[1])
    if ended is not None and day > ended:
        return Standing(Status.TERMINATED, since=ended + timedelta(days=1))
    standing = _standing_on(life, day)
    capped = standing.until is None or (ended is not None and ended < standing.until)
    if ended is not None and standing.status == Status.IN_FORCE and capped:
        return standing._replace(until=ended)
    return standing


def _standing_on(life: Lifecycle, day: date) -> Standing:
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
