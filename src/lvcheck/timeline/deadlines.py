"""Every deadline of the agreements as calendar entries: the start, the end of each term, each
automatic renewal, the last day on which notice can be given, and the recurring duties the
clauses set (data/duties.toml, dates read from the clauses' own words).

Nothing here moves a deadline: where notice or a duty falls on a weekend or a public holiday
of the agreement's Land (the `holidays` library), the entry says so, and for a duty the
working day it is due under § 193 BGB (see periods.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from lxml import etree

from lvcheck import codes, labels, labels_events
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.lifecycle import Lifecycle, lifecycle_of, term_end
from lvcheck.catalog.read import Repository
from lvcheck.catalog.record import Record
from lvcheck.document.citation import element_citation, element_of_eid
from lvcheck.document.dates import parse_period
from lvcheck.document.kinds import Status
from lvcheck.document.numbers import german_numeral
from lvcheck.document.parse import NAMESPACE
from lvcheck.document.periods import (
    after,
    from_start_of,
    kita_year_end,
    last_day_for_notice,
    next_working_day,
    previous_working_day,
)
from lvcheck.errors import Diagnostic
from lvcheck.timeline.duties import duty_matches, unstated_duty
from lvcheck.timeline.notices import notices_of
from lvcheck.timeline.texts import texts_in_force

NS = f"{{{NAMESPACE}}}"
IN_EFFECT = (Status.IN_FORCE, Status.SIGNED)


class DeadlineKind(StrEnum):
    START = "start"
    END = "end"
    RENEWAL = "renewal"
    NOTICE = "notice"
    DUTY = "duty"
    TERMINATION = "termination"  # the last day in force, by a notice received


@dataclass(frozen=True)
class Source:
    """The agreement version a deadline comes from."""

    path: str
    work: str
    version: str
    title: str
    jurisdiction: str
    example: bool


@dataclass(frozen=True)
class Deadline:
    """One calendar entry, with the clause that sets it."""

    day: date
    kind: DeadlineKind
    summary: str  # German, for the calendar's title line
    detail: str  # German: what to do, and why
    source: Source
    clause: str  # eId
    citation: str  # "§ 14 Abs. 1"
    occurrence: str  # what makes this entry unique within its clause (a date, a year)
    calendar_note: str = ""  # "Sonntag", "Feiertag: Fronleichnam"
    due: date | None = None  # a duty on such a day: the next working day (§ 193 BGB)
    act_by: date | None = None  # notice on such a day: the last working day before it

    @property
    def uid(self) -> str:
        """Stable across runs, and across a changed date of the same occurrence: a calendar
        that imports the file again updates the entry instead of adding a second one."""
        return (
            f"{self.source.work}.{self.source.version}.{self.kind}.{self.clause}."
            f"{self.occurrence}@lvcheck"
        )


@dataclass(frozen=True)
class Calendar:
    deadlines: tuple[Deadline, ...]
    diagnostics: tuple[Diagnostic, ...]  # duties whose words the clause no longer says
    start: date
    end: date


@cache
def _holidays(land: str, year: int) -> dict[date, str]:
    import holidays

    subdivision = land.removeprefix("DE-")
    try:
        found = holidays.country_holidays("DE", subdiv=subdivision, years=year, language="de")
    except (NotImplementedError, KeyError):
        found = holidays.country_holidays("DE", years=year, language="de")
    return dict(found.items())


def is_holiday(day: date, land: str) -> bool:
    return day in _holidays(land, day.year)


def calendar_note(day: date, land: str) -> str:
    """ "Sonntag", "Feiertag: Fronleichnam" or "": what a deadline's day is."""
    holiday = _holidays(land, day.year).get(day)
    if holiday:
        return f"{labels.HOLIDAY}: {holiday}"
    return labels.WEEKDAYS[day.weekday()] if day.weekday() >= 5 else ""


class _Builder:
    """Collects the deadlines of one version within [start, end]."""

    def __init__(self, root: etree._Element, source: Source, life: Lifecycle) -> None:
        self.root, self.source, self.life = root, source, life
        self.eids = {e.get("eId"): e for e in root.iter() if e.get("eId")}
        term = root.find(f"{NS}meta/{NS}term")
        self.term = term
        self.found: list[Deadline] = []

    def governing(self, name: str) -> str:
        """The eId of the clause that states a term fact (its own governedBy, or the term's)."""
        if self.term is None:
            return ""
        element = self.term.find(NS + name)
        own = element.get("governedBy") if element is not None else None
        return own or self.term.get("governedBy") or ""

    def add(
        self, day: date, kind: DeadlineKind, summary: str, detail: str, eid: str, occurrence: str
    ) -> None:
        clause = self.eids.get(eid)
        land = self.source.jurisdiction
        # what day it is matters where something must happen on it: notice and duties, not
        # the day a term ends or begins
        note = calendar_note(day, land) if kind in (DeadlineKind.NOTICE, DeadlineKind.DUTY) else ""
        due = None
        if note and kind == DeadlineKind.DUTY:
            due = next_working_day(day, lambda other: is_holiday(other, land))
        # notice does not move: name the last working day by which its receipt is safe
        act_by = None
        if note and kind == DeadlineKind.NOTICE:
            act_by = previous_working_day(day, lambda other: is_holiday(other, land))
        self.found.append(
            Deadline(
                day=day,
                kind=kind,
                summary=summary,
                detail=detail,
                source=self.source,
                clause=eid,
                citation=element_citation(clause) if clause is not None else "",
                occurrence=occurrence,
                calendar_note=note,
                due=due,
                act_by=act_by,
            )
        )


def _term_deadlines(builder: _Builder, until: date) -> None:
    life = builder.life
    if life.start is not None:
        builder.add(
            life.start,
            DeadlineKind.START,
            labels.START_SUMMARY,
            labels.START_SUMMARY,
            builder.governing("start"),
            "start",
        )
    notice = builder.root.find(f"{NS}meta/{NS}term/{NS}notice")
    form = f", {notice.get('form')}" if notice is not None and notice.get("form") else ""
    period = parse_period(notice.get("period")) if notice is not None else None
    reference = labels.NOTICE_BEFORE.get(life.notice_before or "", "")
    period_text = labels.duration_text(str(period)) if period else ""

    def notice_deadline(ends: date) -> None:
        if period is None or period.months is None:
            return
        last = last_day_for_notice(ends, period.months)
        summary = labels.NOTICE_SUMMARY.format(end=labels.german_date(ends))
        if life.start is not None and last < life.start:  # possible once signed, but rare
            summary += f" ({labels.BEFORE_START.format(start=labels.german_date(life.start))})"
        builder.add(
            last,
            DeadlineKind.NOTICE,
            summary,
            labels.NOTICE_DETAIL.format(period=period_text, reference=reference, form=form),
            builder.governing("notice"),
            ends.isoformat(),
        )

    if life.end is not None:
        term = 0
        while (ends := term_end(life, term)) is not None and ends <= until + timedelta(days=800):
            summary = labels.END_RENEWING_SUMMARY if life.renewal_months else labels.END_SUMMARY
            builder.add(
                ends, DeadlineKind.END, summary, summary, builder.governing("end"), f"term-{term}"
            )
            if life.renewal_months:
                unit = builder.root.find(f"{NS}meta/{NS}term/{NS}renewal")
                named = unit.get("unit") if unit is not None else None
                renewal = (
                    f"ein weiteres {named}"
                    if named
                    else labels.duration_text(f"P{life.renewal_months}M")
                )
                builder.add(
                    ends + timedelta(days=1),
                    DeadlineKind.RENEWAL,
                    labels.RENEWAL_SUMMARY.format(
                        period=renewal,
                        until=labels.german_date(after(ends, life.renewal_months)),
                    ),
                    labels.RENEWAL_SUMMARY.format(
                        period=renewal,
                        until=labels.german_date(after(ends, life.renewal_months)),
                    ),
                    builder.governing("renewal"),
                    f"term-{term + 1}",
                )
                if life.notice_before == "endOfTerm":
                    notice_deadline(ends)
            if not life.renewal_months:
                break
            term += 1
    elif life.notice_before == "endOfKitaYear" and life.kita_year_end and life.start:
        month, day = life.kita_year_end
        ends = kita_year_end(life.start, month, day)
        while ends <= until + timedelta(days=800):
            notice_deadline(ends)
            ends = date(ends.year + 1, month, day)


_MONTHS = {name.lower(): number for number, name in enumerate(labels.MONTH_NAMES, start=1)}


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    words = {german_numeral(n): n for n in range(1, 100)}
    return words.get(word.lower())


def _duty_deadlines(builder: _Builder, until: date) -> Iterator[Diagnostic]:
    life = builder.life
    if life.start is None:
        return
    for duty, _, found in duty_matches(builder.root):
        if found is None:
            yield unstated_duty(builder.source.path, duty, builder.eids[duty["clause"]])
            continue
        if duty["recurrence"] == "yearly":
            month = _MONTHS.get(found.group("month").lower())
            if month is None:
                continue
            year = life.start.year
            while (day := date(year, month, int(found.group("day")))) <= until:
                if day >= life.start:
                    builder.add(
                        day,
                        DeadlineKind.DUTY,
                        duty["duty"],
                        duty["when"],
                        duty["clause"],
                        str(year),
                    )
                year += 1
        elif duty["recurrence"] == "interval":
            years = _number(found.group("years"))
            if not years:
                continue
            count = 1
            # the term begins with the start of its first day (§ 187 Abs. 2 BGB)
            while (day := from_start_of(life.start, 12 * years * count)) <= until:
                builder.add(
                    day, DeadlineKind.DUTY, duty["duty"], duty["when"], duty["clause"], f"{count}"
                )
                count += 1
        # "onSuccessor" has no day of its own: `lvcheck status` says when it is due


def _deadlines_of(
    catalog: Catalog,
    record: Record,
    window: tuple[date, date],
    diagnostics: list[Diagnostic],
) -> list[Deadline]:
    """The deadlines of one instance in the window, by the text in force on each day."""
    start, end = window
    source = Source(
        record.path, record.work, record.version, record.title, record.jurisdiction, record.example
    )
    texts = texts_in_force(catalog, record, diagnostics)
    found = []
    ended = _ended(catalog, record, source, texts[-1][1] if texts else None)
    for number, (since, text) in enumerate(texts):
        until_next = texts[number + 1][0] if number + 1 < len(texts) else None
        builder = _Builder(text, source, lifecycle_of(text))
        _term_deadlines(builder, end)
        diagnostics.extend(_duty_deadlines(builder, end))
        for deadline in builder.found:
            if not start <= deadline.day <= end:
                continue
            if (since and deadline.day < since) or (until_next and deadline.day >= until_next):
                continue  # another text is in force on that day
            if ended is not None and _moot(deadline, *ended):
                continue
            standing = catalog.standing(record, deadline.day)
            if standing.status in IN_EFFECT or deadline.kind == DeadlineKind.START:
                found.append(deadline)
    if ended is not None and start <= ended[0].day <= end:
        found.append(ended[0])
    return found


def _ended(
    catalog: Catalog, record: Record, source: Source, text: etree._Element | None
) -> tuple[Deadline, date] | None:
    """The entry for the last day a notice leaves the agreement in force (the earliest
    where several were given), and the day that notice was received; None where no
    effective notice was given."""
    given = [n for n in notices_of(catalog, record, date.max) if n.effective]
    if not given:
        return None
    first = min(given, key=lambda n: (n.reaches, n.received))
    last, received = first.reaches, first.received
    assert last is not None and received is not None
    clause = first.clause or ""
    element = element_of_eid(text, clause) if text is not None else None
    summary = labels_events.TERMINATION_SUMMARY.format(received=labels.german_date(received))
    entry = Deadline(
        day=last,
        kind=DeadlineKind.TERMINATION,
        summary=summary,
        detail=" ".join(first.lines()),
        source=source,
        clause=clause,
        citation=element_citation(element) if element is not None else "",
        occurrence=first.id,
    )
    return entry, received


def _moot(deadline: Deadline, ended: Deadline, received: date) -> bool:
    """A last day for notice, on or after a notice was received, to an end that notice
    already reaches: nothing is left to do by it."""
    if deadline.kind != DeadlineKind.NOTICE or deadline.day < received:
        return False
    return date.fromisoformat(deadline.occurrence) >= ended.day


def deadlines(repository: Repository, start: date, end: date) -> Calendar:
    """The deadlines between ``start`` and ``end`` (inclusive) of every instance among the
    files listed in the repository, while it is signed or in force; its other files resolve
    successors and amendments and are not listed."""
    return calendar_of(repository, start, end)


def calendar_of(repository: Repository, start: date, end: date) -> Calendar:
    """deadlines() of a repository already read (status computes the next notice with it)."""
    diagnostics = list(repository.diagnostics)
    found: list[Deadline] = []
    for record in repository.listed:
        if not record.is_instance or record.is_copy:  # a copy's deadlines are its base's
            continue
        try:
            found += _deadlines_of(repository.catalog, record, (start, end), diagnostics)
        except (ValueError, OverflowError):  # a period of thousands of years, say
            message = "a date or period of the header reaches beyond the calendar: no deadlines"
            diagnostics.append(Diagnostic(record.path, 1, 1, codes.HEADER_DATES, message))
    found.sort(key=lambda d: (d.day, d.source.work, d.kind, d.occurrence))
    return Calendar(tuple(found), tuple(diagnostics), start, end)
