"""The kinds of change a legal diff reports, as plain data. No logic beyond labels and
the views of a clause's words (its tokens, its normalised content), cut when first asked
for and kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar, overload

from lvcheck import labels
from lvcheck.comparison.tokens import Segment, Token, content_of, tokens_of
from lvcheck.document.citation import Step, cite, range_citation
from lvcheck.document.load import Parsed
from lvcheck.document.model import Agreement

T = TypeVar("T")


class lazy(Generic[T]):
    """functools.cached_property without its lock: Python 3.11 takes one at every first
    access, a quarter of the cost of normalising a clause. A clause is built and read by
    one thread; at worst two threads compute the same value twice."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object, owner: type | None = None) -> T | lazy[T]:
        if instance is None:
            return self
        # kept in the instance: the next lookup finds it there before this descriptor
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


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
    EID_CHANGED = "eid-changed"  # same clause, another eId: links and citations into it break


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


@dataclass(frozen=True, init=False)
class Clause:
    """One citable unit of one side, flattened: its own words only (sub-units excluded).

    Its words are kept as written (``parts``: running text, and tokens that stand for
    themselves such as a field or a footnote marker). What the diff compares is derived
    from them on first use: ``content`` (the words normalised, one string) for every
    clause, ``tokens`` only for clauses that differ.
    """

    eid: str
    kind: str  # part, section, …, point, list, note, preface, preamble, signature, attachment
    num: str  # display number, "" where none
    heading_parts: tuple[Segment, ...]
    parts: tuple[Segment, ...]  # own text; a field is one token keyed by its name
    steps: tuple[Step, ...]  # the chain of units that leads to it, for its citation
    parent: int | None  # index of the enclosing clause
    index: int  # document order
    line: int = field(default=0, compare=False)

    def __init__(
        self,
        eid: str,
        kind: str,
        num: str,
        heading_parts: tuple[Segment, ...],
        parts: tuple[Segment, ...],
        steps: tuple[Step, ...],
        parent: int | None,
        index: int,
        line: int = 0,
    ) -> None:
        # written out: a frozen dataclass sets each field through object.__setattr__, twice
        # the time of this, and a diff of 10,000 clauses makes 20,000 of them
        self.__dict__.update(
            eid=eid,
            kind=kind,
            num=num,
            heading_parts=heading_parts,
            parts=parts,
            steps=steps,
            parent=parent,
            index=index,
            line=line,
        )

    @lazy
    def tokens(self) -> tuple[Token, ...]:
        return tokens_of(self.parts)

    @lazy
    def heading_tokens(self) -> tuple[Token, ...]:
        return tokens_of(self.heading_parts)

    @lazy
    def content(self) -> str:
        """The own words normalised: equal content, equal words (layout aside)."""
        return content_of(self.parts)

    @lazy
    def heading_content(self) -> str:
        return content_of(self.heading_parts)

    @lazy
    def text(self) -> str:
        return "".join(shown for _, shown in self.tokens).strip()

    @lazy
    def heading(self) -> str:
        return "".join(shown for _, shown in self.heading_tokens).strip()

    @lazy
    def key(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.tokens)

    @lazy
    def heading_key(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.heading_tokens)

    @lazy
    def citation(self) -> str:
        """ "§ 7 Ziff. 7.2, 3. Spiegelstrich", as a lawyer cites it."""
        return cite(self.steps)

    @lazy
    def top(self) -> str:
        """The citation of its outermost unit ("§ 7", "II."), to group changes by."""
        return cite(self.steps[:1])

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
class ClauseRun:
    """Consecutive clauses changed alike, reported as one line."""

    pairs: tuple[tuple[Clause, Clause], ...]
    severity: Level

    @property
    def old_label(self) -> str:
        return range_citation(self.pairs[0][0].citation, self.pairs[-1][0].citation)

    @property
    def new_label(self) -> str:
        return range_citation(self.pairs[0][1].citation, self.pairs[-1][1].citation)


@dataclass(frozen=True)
class RenumberRun(ClauseRun):
    """Sibling clauses renumbered by the same step: §§ 3–8 → §§ 4–9."""


@dataclass(frozen=True)
class EidRun(ClauseRun):
    """Clauses that follow one another on both sides and whose eIds all changed; links
    and citations into them (#sec_3, governedBy) now miss or hit another clause."""

    @property
    def old_label(self) -> str:
        return _span(self.pairs[0][0].citation, self.pairs[-1][0].citation)

    @property
    def new_label(self) -> str:
        return _span(self.pairs[0][1].citation, self.pairs[-1][1].citation)

    @property
    def eids(self) -> str:
        """ "sec_3 → sec_4", or for several "sec_3 … sec_9__para_2 → sec_4 … sec_10__para_2"."""
        (first_old, first_new), (last_old, last_new) = self.pairs[0], self.pairs[-1]
        if len(self.pairs) == 1:
            return f"{first_old.eid} → {first_new.eid}"
        return f"{first_old.eid} … {last_old.eid} → {first_new.eid} … {last_new.eid}"


def _span(first: str, last: str) -> str:
    """A run of clauses that need not be siblings: "§ 3 bis § 9 Abs. 2"."""
    return first if first == last else f"{first} {labels.UP_TO} {last}"


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
    parsed: Parsed | None = field(default=None, compare=False, repr=False)

    @property
    def agreement(self) -> Agreement | None:
        """Its model, read from its tree when first asked for (the HTML synopsis)."""
        return None if self.parsed is None else self.parsed.agreement


@dataclass(frozen=True)
class DiffResult:
    old: Side
    new: Side
    changes: tuple[ClauseChange, ...]
    renumbered: tuple[RenumberRun, ...]
    metadata: tuple[MetadataChange, ...]
    unchanged: tuple[tuple[Clause, Clause], ...]  # kept so that every clause is accounted for
    # every matched pair whose eId changed, in runs; its clauses are also in one of the above
    eid_changed: tuple[EidRun, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.changes or self.renumbered or self.metadata or self.eid_changed)
