"""The state of every agreement on a date: which version is in force, since when and until
when, in which renewal term, what replaced it and under which clause; agreements with no
version in force and drafts past their start date stand out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path

from lxml import etree

from lvcheck import labels
from lvcheck.document.citation import element_citation, sentence_number, text_of
from lvcheck.document.dates import parse_date
from lvcheck.document.kinds import Kind, Status
from lvcheck.document.parse import NAMESPACE
from lvcheck.errors import Diagnostic
from lvcheck.timeline.deadlines import DeadlineKind, calendar_of
from lvcheck.timeline.duties import duty_matches
from lvcheck.timeline.lifecycle import (
    Lifecycle,
    Standing,
    Successors,
    standing_on,
    successor_of,
)
from lvcheck.timeline.periods import add_months
from lvcheck.timeline.repository import Tree, load_trees, texts_in_force

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
class VersionState:
    path: str
    work: str
    version: str
    title: str
    example: bool
    life: Lifecycle
    standing: Standing
    pending: tuple[str, ...]  # German: what will replace it, and under which clause
    attention: tuple[str, ...]  # German: what stands out
    amendments: tuple[str, ...] = ()  # German: its amendments, in force or pending
    next_notice: str = ""  # German: the next day by which notice must be given, and to when
    due: tuple[Due, ...] = ()  # duties fallen due, for an instance in force


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


def _relations(root: etree._Element, kind: str) -> list[etree._Element]:
    return list(root.iter(NS + kind))


def _successor_relations(
    root: etree._Element, template: etree._Element | None
) -> list[tuple[etree._Element, etree._Element]]:
    """(owner, relation) for each <supersededBy> of a version and of its template: an
    instance need not repeat what its template announces."""
    owners = (root,) if template is None else (root, template)
    return [(owner, r) for owner in owners for r in _relations(owner, "supersededBy")]


def _clause(root: etree._Element, eid: str | None) -> etree._Element | None:
    """The unit of this text with the eId, if any."""
    return next((e for e in root.iter() if eid and e.get("eId") == eid), None)


def _pending(
    root: etree._Element,
    template: etree._Element | None,
    adopted: dict[str, tuple[str, date | None]],
    is_template: bool,
) -> tuple[str, ...]:
    """Announced replacements (<supersededBy> without a version in force yet), from the
    version itself or from the template it is based on, with the governing clause; for a
    template whose successor has been adopted, that it has."""
    notes = []
    for owner, relation in _successor_relations(root, template):
        clause = _clause(root, relation.get("governedBy"))
        cited = element_citation(clause) if clause is not None else ""
        successor = adopted.get(relation.get("work", ""))
        if owner is root and is_template and successor:
            version, since = successor
            notes.append(
                labels.SUCCESSOR_ADOPTED.format(
                    work=relation.get("work", ""),
                    since=f" {labels.SINCE_THE} {labels.german_date(since)}" if since else "",
                    version=version,
                    cited=f"; {cited}" if cited else "",
                )
            )
            continue
        note = (
            labels.PENDING_ON_CONCLUSION if relation.get("upon") == "conclusion" else labels.PENDING
        )
        notes.append(
            note.format(work=relation.get("work", ""), where=f" ({cited})" if cited else "")
        )
    return tuple(dict.fromkeys(notes))


def _ending_clause(root: etree._Element, template: etree._Element | None) -> str:
    """Where it says that a successor's conclusion ends this version: the clause of
    <supersededBy upon="conclusion" governedBy> in this version's text, else the header."""
    for _, relation in _successor_relations(root, template):
        clause = _clause(root, relation.get("governedBy"))
        if relation.get("upon") == "conclusion" and clause is not None:
            return labels.BY_THE_WORDS_OF.format(citation=element_citation(clause))
    return labels.BY_THE_HEADER


def _adopted(loaded: list[Tree], day: date) -> dict[str, tuple[str, date | None]]:
    """For each work with a template adopted by ``day``: the newest such version and the day
    the first was adopted. A template counts from its version's date, whatever its stored
    status now (one since replaced was adopted all the same), unless stored as a draft; one
    without a date only when in use today, of which its stored status speaks (day: None)."""
    found: dict[str, list[tuple[date | None, str]]] = {}
    for _, root, life in loaded:
        work, version = root.find(f"{NS}meta/{NS}work"), root.find(f"{NS}meta/{NS}version")
        if life.kind != Kind.TEMPLATE or work is None or version is None:
            continue
        since = parse_date(version.get("date"))
        if since is None and (life.stored != Status.IN_FORCE or day != date.today()):
            continue
        if since is not None and (since > day or life.stored == Status.DRAFT):
            continue
        found.setdefault(work.get("id", ""), []).append((since, version.get("id", "")))
    adopted = {}
    for name, versions in found.items():
        dated = [since for since, _ in versions if since is not None]
        _, newest = max(versions, key=lambda v: v[0] or day)  # undated: in use today
        adopted[name] = (newest, min(dated) if dated else None)
    return adopted


def _concluded(loaded: list[Tree], day: date) -> set[tuple[str, str | None]]:
    """The (work, version or any version) that an instance concluded by ``day`` supersedes:
    for them a duty to conclude their successor is done, whenever that successor starts."""
    return {
        (target.get("work", ""), target.get("version"))
        for _, root, life in loaded
        if life.kind == Kind.INSTANCE and life.concluded is not None and life.concluded <= day
        for target in _relations(root, "supersedes")
    }


def _due_on_successor(
    root: etree._Element,
    template: etree._Element | None,
    adopted: dict[str, tuple[str, date | None]],
    text_of_day: Callable[[], etree._Element],
) -> tuple[Due, ...]:
    """The duties that fall due once the agreement a <supersededBy> names is available
    (data/duties.toml, recurrence "onSuccessor"; NRW § 14 Abs. 4 Satz 2: the Mustervertrag
    is concluded "unmittelbar nach dessen Vorliegen"), read from the instance's text in
    force that day, ``text_of_day()`` (a Nachtrag may have changed the words, which must
    still say it: else LV380)."""
    named = [r for _, r in _successor_relations(root, template) if r.get("work", "") in adopted]
    due = []
    for duty, clause, found in duty_matches(text_of_day()) if named else ():
        if duty["recurrence"] != "onSuccessor" or found is None:
            continue
        for relation in named:
            work = relation.get("work", "")
            if relation.get("governedBy") == duty["clause"]:
                version, since = adopted[work]
                words = " ".join(found.group(0).split())
                due.append(
                    Due(
                        duty=duty["duty"],
                        when=" ".join(found.group("when").split()),
                        clause=duty["clause"],
                        citation=_sentence_citation(clause, words),
                        words=words,
                        successor=work,
                        version=version,
                        since=since,
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


def _amendments(
    work: str, version: str, amendments: list[tuple[etree._Element, Lifecycle]], day: date
) -> tuple[str, ...]:
    """ "Nachtrag Nr. 1 …: in Kraft seit 01.08.2025", or "…: tritt am … in Kraft"."""
    notes = []
    for root, life in amendments:
        if not any(
            a.get("work") == work and a.get("version") in (None, version)
            for a in root.iter(NS + "amends")
        ):
            continue
        title = text_of(root.find(f"{NS}meta/{NS}title"))
        if life.start is not None and life.start <= day:
            notes.append(
                labels.AMENDED_SINCE.format(title=title, day=labels.german_date(life.start))
            )
        elif life.start is not None:
            notes.append(
                labels.AMENDED_FROM.format(title=title, day=labels.german_date(life.start))
            )
    return tuple(notes)


def _order(state: VersionState) -> str:
    return state.version


def _next_notices(listed: list[Tree], around: list[Tree], day: date) -> dict[str, str]:
    """For each agreement in force among the files, by path: the next day by which notice
    can be given, as `lvcheck deadlines` computes it from the same trees (so with their
    amendments in force), read once for both."""
    try:
        until = add_months(day, 25)
    except ValueError:  # near the end of the calendar
        until = date.max
    found: dict[str, str] = {}
    for deadline in calendar_of(listed, around, day, until, []).deadlines:  # in order of days
        if deadline.kind == DeadlineKind.NOTICE and deadline.source.path not in found:
            found[deadline.source.path] = labels.NEXT_NOTICE.format(
                end=labels.german_date(deadline.occurrence),  # a notice's: the term's end
                day=labels.german_date(deadline.day),
                citation=deadline.citation,
            )
    return found


def status(
    paths: list[Path], day: date, *, next_notices: bool = True, context: Sequence[Path] = ()
) -> StatusReport:
    """The state on ``day`` of every agreement version among the files; ``next_notices``:
    with the next day by which notice can be given (the deadlines of the same trees);
    ``context``: the repository around them (files.repository_context), whose templates,
    successors and amendments count and whose versions are not listed."""
    listed, diagnostics = load_trees(paths)
    reported = {str(path) for path, _, _ in listed}
    loaded = listed + load_trees(context)[0]  # validate reports what they get wrong

    def ident(root: etree._Element) -> tuple[str, str]:
        work, version = root.find(f"{NS}meta/{NS}work"), root.find(f"{NS}meta/{NS}version")
        assert work is not None and version is not None
        return work.get("id", ""), version.get("id", "")

    by_key = {ident(root): root for _, root, _ in loaded}
    by_work = {ident(root)[0]: root for _, root, _ in loaded}  # for basedOn without a version
    successors = Successors([successor_of(root, life) for _, root, life in loaded])
    works: dict[str, list[VersionState]] = {}
    titles: dict[str, str] = {}
    amendments = [(root, life) for _, root, life in loaded if life.kind == Kind.AMENDMENT]
    adopted, concluded = _adopted(loaded, day), _concluded(loaded, day)
    amendment_files = [(path, root) for path, root, life in loaded if life.kind == Kind.AMENDMENT]

    def text_of_day(path: Path, root: etree._Element) -> etree._Element:
        texts = texts_in_force(path, root, amendment_files, diagnostics)
        return [text for since, text in texts if since is None or since <= day][-1]

    for path, root, life in loaded:
        if life.kind == Kind.AMENDMENT or str(path) not in reported:
            continue  # an amendment is shown with the agreement it amends; context: not shown
        work, version = ident(root)
        template = next(
            (
                by_key.get((b.get("work", ""), b.get("version", "")))
                if b.get("version")
                else by_work.get(b.get("work", ""))
                for b in _relations(root, "basedOn")
            ),
            None,
        )
        # a template is in use or not: its stored status says it, from its version's date
        version_element = root.find(f"{NS}meta/{NS}version")
        adopted_on = (
            parse_date(version_element.get("date")) if version_element is not None else None
        )
        before_adoption = adopted_on is not None and day < adopted_on
        standing = Standing(Status.DRAFT if before_adoption else Status(life.stored))
        if life.kind == Kind.TEMPLATE and not before_adoption and life.stored == Status.IN_FORCE:
            standing = Standing(Status.IN_FORCE, since=adopted_on)
        attention = []
        if life.kind != Kind.TEMPLATE:
            try:
                taken = successors.taken_over(work, version)
                standing = standing_on(life, day, (taken.day, taken.name) if taken else None)
                if taken and taken.day <= day < taken.starts:  # replaced, successor not in force
                    attention.append(
                        labels.GAP.format(
                            name=taken.name,
                            day=labels.german_date(taken.day),
                            start=labels.german_date(taken.starts),
                            according=_ending_clause(root, template),
                        )
                    )
            except (ValueError, OverflowError):  # a term reaching past the year 9999
                standing = Standing(Status(life.stored))
                attention.append(labels.BEYOND_CALENDAR)
        if (
            life.kind == Kind.INSTANCE
            and life.stored == Status.DRAFT
            and life.start
            and life.start <= day
        ):
            attention.append(labels.DRAFT_PAST_START.format(start=labels.german_date(life.start)))
        stored_today = day == date.today()  # the stored status speaks of today, not the past
        if life.kind == Kind.INSTANCE and stored_today and standing.status != life.stored:
            attention.append(
                labels.STORED_DIFFERS.format(stored=labels.STATUS.get(life.stored, life.stored))
            )
        title = text_of(root.find(f"{NS}meta/{NS}title"))
        works.setdefault(work, []).append(
            VersionState(
                path=str(path),
                work=work,
                version=version,
                title=title,
                example=version_element is not None and version_element.get("example") == "true",
                life=life,
                standing=standing,
                pending=_pending(root, template, adopted, life.kind == Kind.TEMPLATE)
                if standing.status == Status.IN_FORCE
                else (),
                attention=tuple(attention),
                amendments=_amendments(work, version, amendments, day),
                due=_due_on_successor(root, template, adopted, partial(text_of_day, path, root))
                if life.kind == Kind.INSTANCE
                and standing.status == Status.IN_FORCE
                and not {(work, version), (work, None)} & concluded
                else (),
            )
        )
        titles.setdefault(work, title)
    notices = _next_notices(listed, loaded, day) if next_notices else {}

    def with_next_notice(state: VersionState) -> VersionState:
        if state.life.kind != Kind.INSTANCE or state.standing.status != Status.IN_FORCE:
            return state
        return replace(state, next_notice=notices.get(state.path, ""))

    ordered = tuple(
        WorkState(work, titles[work], tuple(sorted(map(with_next_notice, states), key=_order)))
        for work, states in sorted(works.items(), key=lambda item: titles[item[0]].casefold())
    )
    return StatusReport(day, ordered, tuple(diagnostics))
