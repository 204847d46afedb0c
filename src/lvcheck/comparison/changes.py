"""The kinds of change a legal diff reports, as plain data. No logic beyond labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lvcheck.document.citation import range_citation
from lvcheck.document.model import Agreement


class ChangeKind(StrEnum):
    """What happened to a clause; also the aspects of a change (a moved clause may be
    renumbered and modified too)."""

    INSERTED = "inserted"
    DELETED = "deleted"
    MODIFIED = "modified"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    HEADING = "heading"
    METADATA = "metadata"


class Level(StrEnum):
    """How much a change matters, least first (data/diff_severity.toml decides which)."""

    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    MATERIAL = "material"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


def worst(levels: list[Level]) -> Level:
    return max(levels, key=lambda level: level.rank)


Token = tuple[str, str]  # (comparison key, shown text with its trailing space)


@dataclass(frozen=True)
class Clause:
    """One citable unit of one side, flattened: its own words only (sub-units excluded)."""

    eid: str
    kind: str  # part, section, …, point, list, note, preface, preamble, signature, attachment
    num: str  # display number, "" where none
    heading_tokens: tuple[Token, ...]
    tokens: tuple[Token, ...]  # own text; a field is one token keyed by its name
    citation: str  # "§ 7 Ziff. 7.2, 3. Spiegelstrich", as a lawyer cites it
    top: str  # the citation of its outermost unit ("§ 7", "II."), to group changes by
    parent: str | None  # eId of the enclosing clause
    index: int  # document order
    line: int = field(default=0, compare=False)

    @property
    def text(self) -> str:
        return "".join(shown for _, shown in self.tokens).strip()

    @property
    def heading(self) -> str:
        return "".join(shown for _, shown in self.heading_tokens).strip()

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.tokens)

    @property
    def heading_key(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.heading_tokens)

    @property
    def title(self) -> str:
        """Number and heading, as a lawyer names the clause."""
        return " ".join(part for part in (self.num, self.heading) if part) or self.citation


@dataclass(frozen=True)
class WordOp:
    """One step of a word diff: equal, delete, insert or replace (old and new words)."""

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class ClauseChange:
    """A clause inserted, deleted, modified or moved (renumbering alone goes to runs)."""

    kind: ChangeKind  # inserted, deleted, modified or moved
    aspects: tuple[ChangeKind, ...]  # all of: moved, renumbered, modified, heading
    severity: Level
    old: Clause | None
    new: Clause | None
    words: tuple[WordOp, ...] = ()
    heading_words: tuple[WordOp, ...] = ()
    rewritten: bool = False  # changed beyond about half: show old and new whole
    material: bool = False  # numbers, amounts, dates or deadlines changed
    subtree: tuple[Clause, ...] = ()  # inserted or deleted with this clause (its sub-units)
    position: float = 0.0  # where it stands in the new document (between clauses if deleted)


@dataclass(frozen=True)
class RenumberRun:
    """Consecutive clauses renumbered alike, reported as one line: §§ 3–8 → §§ 4–9."""

    pairs: tuple[tuple[Clause, Clause], ...]
    severity: Level

    @property
    def old_label(self) -> str:
        return range_citation(self.pairs[0][0].citation, self.pairs[-1][0].citation)

    @property
    def new_label(self) -> str:
        return range_citation(self.pairs[0][1].citation, self.pairs[-1][1].citation)


@dataclass(frozen=True)
class MetadataChange:
    """A change of the header or of a filled field."""

    subject: str  # machine name: "version.status", "term.notice_period", "field:kita.name"
    label: str  # German label for reports
    old: str | None
    new: str | None
    severity: Level


@dataclass(frozen=True)
class Side:
    label: str  # the file or REV:path as given
    work: str
    version: str
    title: str
    agreement: Agreement | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DiffResult:
    old: Side
    new: Side
    changes: tuple[ClauseChange, ...]
    renumbered: tuple[RenumberRun, ...]
    metadata: tuple[MetadataChange, ...]
    unchanged: tuple[tuple[Clause, Clause], ...]  # kept so that every clause is accounted for

    @property
    def is_empty(self) -> bool:
        return not (self.changes or self.renumbered or self.metadata)
