"""One clause through time: its words in every version and in every consolidated text
(a version with the amendments in force from their dates), with the word diff between
consecutive ones. A clause named by its citation ("§ 14 Abs. 4") is found in the earliest
version and followed by its eId, which stays when the clause is renumbered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lvcheck import labels
from lvcheck.catalog.read import Repository
from lvcheck.comparison.changes import Clause, WordOp
from lvcheck.comparison.flatten import flatten
from lvcheck.comparison.words import word_ops
from lvcheck.document.dates import parse_date
from lvcheck.document.model import Agreement, fields_of
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.timeline.consolidate import Amendment, consolidate


@dataclass(frozen=True)
class Stage:
    """The clause in one text: a version, or a version with amendments applied."""

    label: str  # German: "Fassung v1", "Fassung v1 mit Nachtrag Nr. 1 …"
    path: str
    since: date | None
    clause: Clause | None  # None: the text has no such clause (not yet, or no more)
    words: tuple[WordOp, ...] = ()  # against the stage before


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
            own = [Amendment(catalog.agreement(a), a.path) for a in catalog.amendments_of(record)]
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
    for label, source, since, clauses in flattened:
        clause = next((c for c in clauses if c.eid == eid), None) if eid else None
        previous = stages[-1].clause if stages else None
        words: tuple[WordOp, ...] = ()
        if clause is not None and previous is not None and previous.key != clause.key:
            words, _ = word_ops(previous.tokens, clause.tokens)
        stages.append(Stage(label, source, since, clause, words))
    return History(asked, eid, tuple(stages), tuple(dict.fromkeys(problems)))
