"""The state of every agreement on a date: which version is in force, since when and until
when, in which renewal term, what replaced it and under which clause; agreements with no
version in force and drafts past their start date stand out.

Facts only (dates, kinds, works, clause citations): rendering/status.py words them. Every
relation is the catalog's (a template, a successor, the Nachträge of a version).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from lxml import etree

from lvcheck import labels
from lvcheck.catalog.catalog import Adoption, Catalog, Takeover
from lvcheck.catalog.lifecycle import Lifecycle, Standing
from lvcheck.catalog.read import Repository
from lvcheck.catalog.record import Link, Record
from lvcheck.document.citation import element_citation, element_of_eid, sentence_number
from lvcheck.document.kinds import Kind, RelationKind, Status
from lvcheck.document.parse import NAMESPACE
from lvcheck.document.periods import add_months
from lvcheck.errors import Diagnostic
from lvcheck.timeline.deadlines import DeadlineKind, calendar_of
from lvcheck.timeline.duties import duty_matches
from lvcheck.timeline.notices import NoticeState, notices_of
from lvcheck.timeline.texts import texts_in_force

NS = f"{{{NAMESPACE}}}"


@dataclass(frozen=True)
class Due:
    """A duty of a clause that has fallen due because the agreement that replaces this one
    is available (data/duties.toml, recurrence "onSuccessor"): no calendar entry, it has no
    day of its own, only the day from which it is due."""

    duty: str  # German, from data/duties.toml
    when: str  # how soon, in the clause's word: "unmittelbar"
    clause: str  # the eId of the clause that sets it
    citation: str  # "§ 14 Abs. 4"
    words: str  # the clause's words that say it, which the note quotes
    successor: str  # the work that replaces this one
    version: str  # its version in use
    since: date | None  # the version's date; None: known for today only (no date)


@dataclass(frozen=True)
class Pending:
    """A replacement a version announces (<supersededBy>, its own or its template's) that
    has not taken its place: the successor work, when it would, and under which clause;
    for a template whose successor template is adopted, that adoption."""

    successor: str
    citation: str  # the governing clause, "" where none is named
    upon: str | None = None  # "conclusion": the successor's conclusion ends this version
    adopted: Adoption | None = None


@dataclass(frozen=True)
class Gap:
    """A successor that took a version's place with its conclusion but starts later: the
    days between are covered by neither (NRW § 14 Abs. 4 Satz 3)."""

    successor: tuple[str, str]
    concluded: date
    starts: date
    citation: str  # the clause that says the conclusion ends it; "" where only the header


@dataclass(frozen=True)
class AmendmentState:
    """A Nachtrag of a version: its title, the day it takes effect, and whether it has."""

    title: str
    start: date
    in_force: bool


@dataclass(frozen=True)
class NextNotice:
    """The next end of term that notice can reach, and the last day it must be received."""

    end: date
    day: date
    citation: str


@dataclass(frozen=True)
class Attention:
    """What stands out about a version on the day."""

    gap: Gap | None = None
    beyond_calendar: bool = False  # a term reaching past the year 9999
    draft_past_start: date | None = None  # stored as a draft, though its term has begun
    stored_differs: str | None = None  # the stored status, where the term says otherwise


@dataclass(frozen=True)
class VersionState:
    path: str
    work: str
    version: str
    title: str
    example: bool
    life: Lifecycle
    standing: Standing
    pending: tuple[Pending, ...] = ()
    attention: Attention = Attention()
    amendments: tuple[AmendmentState, ...] = ()
    next_notice: NextNotice | None = None
    due: tuple[Due, ...] = ()  # duties fallen due, for an instance in force
    notices: tuple[NoticeState, ...] = ()  # the notices received by the day


@dataclass(frozen=True)
class WorkState:
    work: str
    title: str
    versions: tuple[VersionState, ...]

    @property
    def in_force(self) -> VersionState | None:
        for state in self.versions:
            if state.life.kind == Kind.INSTANCE and state.standing.status == Status.IN_FORCE:
                return state
        return None

    @property
    def replaced(self) -> bool:
        """Every instance taken over by a successor: nothing is missing where none is in
        force."""
        instances = [s for s in self.versions if s.life.kind == Kind.INSTANCE]
        return bool(instances) and all(s.standing.status == Status.SUPERSEDED for s in instances)


@dataclass(frozen=True)
class StatusReport:
    day: date
    works: tuple[WorkState, ...]
    diagnostics: tuple[Diagnostic, ...]


def _announcements(catalog: Catalog, record: Record) -> list[tuple[Record, Link]]:
    """(owner, relation) of each <supersededBy> of a version and of its template: an
    instance need not repeat what its template announces."""
    template = catalog.template_of(record)
    owners = (record,) if template is None else (record, template)
    return [(owner, link) for owner in owners for link in owner.related(RelationKind.SUPERSEDED_BY)]


def _clause(root: etree._Element, eid: str | None) -> etree._Element | None:
    """The unit of this text with the eId, if any."""
    return element_of_eid(root, eid)


def _citation(root: etree._Element, eid: str | None) -> str:
    clause = _clause(root, eid)
    return element_citation(clause) if clause is not None else ""


def _pending(catalog: Catalog, record: Record, adopted: dict[str, Adoption]) -> tuple[Pending, ...]:
    root = catalog.tree(record)
    found = []
    for owner, link in _announcements(catalog, record):
        cited = _citation(root, link.governed_by)
        if owner is record and record.is_template and link.work in adopted:
            found.append(Pending(link.work, cited, adopted=adopted[link.work]))
        else:
            found.append(Pending(link.work, cited, upon=link.upon))
    return tuple(dict.fromkeys(found))


def _ending_clause(catalog: Catalog, record: Record) -> str:
    """Where it says that a successor's conclusion ends this version: the clause of
    <supersededBy upon="conclusion" governedBy> in this version's text, else ""."""
    root = catalog.tree(record)
    for _, link in _announcements(catalog, record):
        cited = _citation(root, link.governed_by)
        if link.upon == "conclusion" and cited:
            return cited
    return ""


def _due_on_successor(
    catalog: Catalog,
    record: Record,
    adopted: dict[str, Adoption],
    text_of_day: Callable[[], etree._Element],
) -> tuple[Due, ...]:
    """The duties that fall due once the agreement a <supersededBy> names is available
    (data/duties.toml, recurrence "onSuccessor"; NRW § 14 Abs. 4 Satz 2: the Mustervertrag
    is concluded "unmittelbar nach dessen Vorliegen"), read from the instance's text in
    force that day, ``text_of_day()`` (a Nachtrag may have changed the words, which must
    still say it: else LV380)."""
    named = [
        (link.work, link.governed_by)
        for _, link in _announcements(catalog, record)
        if link.work in adopted
    ]
    due = []
    for duty, clause, found in duty_matches(text_of_day()) if named else ():
        if duty["recurrence"] != "onSuccessor" or found is None:
            continue
        for work, eid in named:
            if eid == duty["clause"]:
                words = " ".join(found.group(0).split())
                due.append(
                    Due(
                        duty=duty["duty"],
                        when=" ".join(found.group("when").split()),
                        clause=duty["clause"],
                        citation=_sentence_citation(clause, words),
                        words=words,
                        successor=work,
                        version=adopted[work].version,
                        since=adopted[work].since,
                    )
                )
    return tuple(dict.fromkeys(due))


def _sentence_citation(clause: etree._Element, words: str) -> str:
    """ "§ 14 Abs. 4 Satz 2": the clause down to the sentence where one paragraph of its
    text holds the words."""
    cited = element_citation(clause)
    for paragraph in clause.iter(NS + "p"):
        text = " ".join("".join(paragraph.itertext()).split())
        if words in text:
            return f"{cited} {labels.SENTENCE} {sentence_number(text, text.index(words))}"
    return cited


def _amendments(catalog: Catalog, record: Record, day: date) -> tuple[AmendmentState, ...]:
    return tuple(
        AmendmentState(a.title, a.life.start, a.life.start <= day)
        for a in catalog.amendments_of(record)
        if a.life.start is not None
    )


def _next_notices(repository: Repository, day: date) -> dict[str, NextNotice]:
    """For each agreement in force among the files, by path: the next day by which notice
    can be given, as `lvcheck deadlines` computes it from the same catalog (so with the
    amendments in force)."""
    try:
        until = add_months(day, 25)
    except ValueError:  # near the end of the calendar
        until = date.max
    found: dict[str, NextNotice] = {}
    for deadline in calendar_of(repository, day, until).deadlines:  # in order of days
        if deadline.kind == DeadlineKind.NOTICE and deadline.source.path not in found:
            found[deadline.source.path] = NextNotice(
                date.fromisoformat(deadline.occurrence),  # a notice's: the term's end
                deadline.day,
                deadline.citation,
            )
    return found


def _concluded_successor(catalog: Catalog, record: Record, day: date) -> bool:
    """Whether an instance concluded by ``day`` replaces ``record``: then its duty to
    conclude the successor is done, whenever that successor starts."""
    return any(
        s.is_instance and s.life.concluded is not None and s.life.concluded <= day
        for s in catalog.successors(record)
    )


def _attention(catalog: Catalog, record: Record, day: date, standing: Standing) -> Attention:
    life = record.life
    gap = None
    taken: Takeover | None = catalog.takeover(record) if record.is_instance else None
    if taken and taken.day <= day < taken.starts:  # replaced, successor not in force
        gap = Gap(taken.successor, taken.day, taken.starts, _ending_clause(catalog, record))
    draft = life.stored == Status.DRAFT and life.start and life.start <= day
    # the stored status speaks of today, not of the past
    differs = record.is_instance and day == date.today() and standing.status != life.stored
    return Attention(
        gap=gap,
        draft_past_start=life.start if record.is_instance and draft else None,
        stored_differs=life.stored if differs else None,
    )


def _state(
    repository: Repository,
    record: Record,
    day: date,
    adopted: dict[str, Adoption],
    diagnostics: list[Diagnostic],
) -> VersionState:
    catalog = repository.catalog
    try:
        standing = catalog.standing(record, day)
        attention = _attention(catalog, record, day, standing)
    except (ValueError, OverflowError):  # a term reaching past the year 9999
        standing, attention = Standing(Status(record.stored)), Attention(beyond_calendar=True)
    in_force = standing.status == Status.IN_FORCE
    due: tuple[Due, ...] = ()
    if record.is_instance and in_force and not _concluded_successor(catalog, record, day):
        due = _due_on_successor(
            catalog, record, adopted, partial(_text_of_day, catalog, record, day, diagnostics)
        )
    return VersionState(
        path=record.path,
        work=record.work,
        version=record.version,
        title=record.title,
        example=record.example,
        life=record.life,
        standing=standing,
        pending=_pending(catalog, record, adopted) if in_force else (),
        attention=attention,
        amendments=_amendments(catalog, record, day),
        due=due,
        notices=notices_of(catalog, record, day) if record.is_instance else (),
    )


def _text_of_day(
    catalog: Catalog, record: Record, day: date, diagnostics: list[Diagnostic]
) -> etree._Element:
    texts = texts_in_force(catalog, record, diagnostics)
    return [text for since, text in texts if since is None or since <= day][-1]


def status(repository: Repository, day: date, *, next_notices: bool = True) -> StatusReport:
    """The state on ``day`` of every agreement version among the files listed in the
    repository (its other files count as templates, successors and amendments, and are not
    listed); ``next_notices``: with the next day by which notice can be given (the
    deadlines of the same catalog)."""
    adopted = repository.catalog.adopted(day)
    diagnostics = list(repository.diagnostics)
    works: dict[str, list[VersionState]] = {}
    titles: dict[str, str] = {}
    for record in repository.listed:
        if record.is_amendment or record.is_copy:
            continue  # shown with the agreement it amends, or words of versions shown
        works.setdefault(record.work, []).append(
            _state(repository, record, day, adopted, diagnostics)
        )
        titles.setdefault(record.work, record.title)
    notices = _next_notices(repository, day) if next_notices else {}

    def with_next_notice(state: VersionState) -> VersionState:
        if state.life.kind != Kind.INSTANCE or state.standing.status != Status.IN_FORCE:
            return state
        return replace(state, next_notice=notices.get(state.path))

    ordered = tuple(
        WorkState(
            work,
            titles[work],
            tuple(sorted(map(with_next_notice, states), key=lambda s: s.version)),
        )
        for work, states in sorted(works.items(), key=lambda item: titles[item[0]].casefold())
    )
    return StatusReport(day, ordered, tuple(dict.fromkeys(diagnostics)))
