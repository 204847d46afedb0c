"""One clause through time: its words in every version and in every consolidated text
(a version with the amendments in force from their dates), with the word diff between
consecutive ones. A clause named by its citation ("§ 14 Abs. 4") is found in the earliest
version and followed by its eId, which stays when the clause is renumbered. Every unit
under it counts too: "§ 11" covers a point a Nachtrag inserts into § 11, "§ 8" a change
of § 8 Abs. 4 (each text's own nesting says what lies under it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lvcheck import labels
from lvcheck.catalog.read import Repository
from lvcheck.comparison.changes import ChangeKind, Clause, WordOp
from lvcheck.comparison.flatten import flatten
from lvcheck.comparison.words import word_ops
from lvcheck.document.dates import parse_date
from lvcheck.document.model import Agreement, fields_of
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.timeline.consolidate import Amendment, consolidate


@dataclass(frozen=True)
class Part:
    """A unit under the asked clause in one text, against the text before."""

    eid: str
    clause: Clause  # the unit in this text; deleted: as it stood in the text before
    change: ChangeKind | None  # inserted, modified, deleted; None: unchanged or first shown
    words: tuple[WordOp, ...] = ()


@dataclass(frozen=True)
class Stage:
    """The clause in one text: a version, or a version with amendments applied."""

    label: str  # German: "Fassung v1", "Fassung v1 mit Nachtrag Nr. 1 …"
    path: str
    since: date | None
    clause: Clause | None  # None: the text has no such clause (not yet, or no more)
    words: tuple[WordOp, ...] = ()  # against the stage before
    parts: tuple[Part, ...] = ()  # the units under the clause (not the clause itself)


@dataclass(frozen=True)
class History:
    asked: str  # the citation or eId as given
    eid: str
    stages: tuple[Stage, ...]
    diagnostics: tuple[Diagnostic, ...]


def _since(agreement: Agreement) -> date | None:
    """The day a text applies from: its start (stated, or the field that holds it), else the
    version's date."""
    term = agreement.meta.term
    start = None
    if term is not None:
        filled = fields_of(agreement).get(term.start.field or "")
        start = parse_date(term.start.date or (filled.value if filled else None))
    return start or parse_date(agreement.meta.version_date)


def _find(clauses: list[Clause], asked: str) -> Clause | None:
    for clause in clauses:
        if asked in (clause.eid, clause.citation):
            return clause
    return None


def history(repository: Repository, asked: str) -> History:
    """The clause ``asked`` (a citation or an eId) in every text among the files listed in
    the repository: each version, and each with its Nachträge (the catalog's, from the whole
    repository around the files) applied in the order they apply."""
    catalog = repository.catalog
    problems: list[Diagnostic] = list(repository.diagnostics)
    versions = [r for r in repository.listed if not r.is_amendment]
    texts: list[tuple[str, str, date | None, Agreement]] = []
    several = len({r.work for r in versions}) > 1
    for record in versions:
        try:
            agreement = catalog.agreement(record)
            own = [
                Amendment(catalog.agreement(a), a.path, a.life.concluded)
                for a in catalog.amendments_of(record)
            ]
        except LvcheckError as error:
            problems.extend(error.diagnostics)
            continue
        label = f"{labels.VERSION} {agreement.meta.version_id}"
        if several:  # texts of several agreements: name each
            label = f"{agreement.meta.title}, {label}"
        texts.append((label, record.path, _since(agreement), agreement))
        for count in range(1, len(own) + 1):
            try:
                result = consolidate(agreement, own[:count])
            except LvcheckError as error:
                problems.extend(error.diagnostics)
                break
            names = ", ".join(a.name for a in own[:count])
            texts.append(
                (f"{label} mit {names}", record.path, own[count - 1].effective, result.agreement)
            )
    texts.sort(key=lambda text: text[2] or date.min)  # stable: undated texts keep their order
    flattened = [
        (label, path, since, flatten(agreement)) for label, path, since, agreement in texts
    ]
    eid = next((c.eid for *_, clauses in flattened if (c := _find(clauses, asked))), "")
    stages: list[Stage] = []
    before: dict[str, Clause] | None = None  # the units under the clause in the text before
    for label, source, since, clauses in flattened:
        found = next((c for c in clauses if c.eid == eid), None) if eid else None
        under = {c.eid: c for c in _beneath(clauses, found)} if found is not None else {}
        previous = stages[-1].clause if stages else None
        words: tuple[WordOp, ...] = ()
        if found is not None and previous is not None and previous.key != found.key:
            words, _ = word_ops(previous.tokens, found.tokens)
        parts = _parts(before, under) if found is not None else ()
        stages.append(Stage(label, source, since, found, words, parts))
        if found is not None:
            before = under
    return History(asked, eid, tuple(stages), tuple(dict.fromkeys(problems)))


def _beneath(clauses: list[Clause], top: Clause) -> list[Clause]:
    """The units nested in ``top``, in document order (by each clause's parent)."""
    inside = {top.index}
    found = []
    for clause in clauses[top.index + 1 :] if clauses[top.index] is top else clauses:
        if clause.parent in inside:
            inside.add(clause.index)
            found.append(clause)
    return found


def _parts(before: dict[str, Clause] | None, now: dict[str, Clause]) -> tuple[Part, ...]:
    """The units under the clause now, each against the text before (None: shown first)."""
    if before is None:
        return tuple(Part(eid, clause, None) for eid, clause in now.items())
    parts = []
    for eid, clause in now.items():
        old = before.get(eid)
        if old is None:
            parts.append(Part(eid, clause, ChangeKind.INSERTED))
        elif old.key != clause.key:
            words, _ = word_ops(old.tokens, clause.tokens)
            parts.append(Part(eid, clause, ChangeKind.MODIFIED, words))
        else:
            parts.append(Part(eid, clause, None))
    parts += [Part(eid, old, ChangeKind.DELETED) for eid, old in before.items() if eid not in now]
    return tuple(parts)
