"""The catalog of a repository: one record per file and the one resolver of every relation
between them — the template of an instance, a version's predecessors and successors, the
newest version of a work, the Nachträge of a version in the order they apply, the successor
that took a version's place, and what is in force on a day. validate, status, deadlines,
consolidate, history, the site and review all ask it; none keeps a lookup of its own.

Where a relation names a work but no version, the rule is the same everywhere:
- <basedOn> names the newest template version of the work that was in use when the
  instance began (its version's date not after the instance's start), else the newest;
- <amends> names the newest version of the work that began before the Nachtrag takes
  effect, else the newest;
- <supersedes> and <supersededBy> name every version of the work.
"Newest" is the catalog's order of versions: by the day each applies from (its start, or a
template's version date), then by version id, numbers compared as numbers (v2 before v10).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from lvcheck.catalog.declaration import Declaration, DeclarationKind
from lvcheck.catalog.lifecycle import Standing, standing_on
from lvcheck.catalog.notices import Effect, effect, last_day, withdrawal_of
from lvcheck.catalog.record import Link, Record
from lvcheck.document.kinds import Kind, RelationKind, Status

if TYPE_CHECKING:
    from lvcheck.document.model import Agreement

Loader = Callable[[str], etree._ElementTree]  # a record's path -> its checked tree


def _load_file(path: str) -> etree._ElementTree:
    from lvcheck.document.load import load_tree

    return load_tree(Path(path))


class Takeover(NamedTuple):
    """A successor instance that takes a version's place: on which day, which, and the day
    it starts (later than the first where it took the place with its conclusion: the days
    between are covered by neither)."""

    day: date
    successor: tuple[str, str]  # (work, version)
    starts: date


class Adoption(NamedTuple):
    """A work with a template version adopted by a day: the newest such version, and the day
    the first was adopted (None: undated, known for today only)."""

    version: str
    since: date | None


def _natural(version: str) -> tuple[tuple[int, int | str], ...]:
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.findall(r"\d+|\D+", version)
    )


def version_order(record: Record) -> tuple[date, tuple[tuple[int, int | str], ...], str]:
    """The catalog's order of the versions of a work: oldest first."""
    return (record.since or date.min, _natural(record.version), record.path)


class Catalog:
    """The records of a repository's files, indexed once, and the relations between them;
    the tree and the model of a file, read when first asked for and kept for the catalog's
    life (one call of the API: nothing outlives it).

    ``trees``: the trees already read, by path; ``load``: how another is read (default: the
    file at the record's path, through the hardened parser and the schema gate);
    ``declarations``: the notices and other declarations recorded about the agreements."""

    def __init__(
        self,
        records: Iterable[Record],
        trees: dict[str, etree._Element] | None = None,
        load: Loader = _load_file,
        declarations: Iterable[Declaration] = (),
    ) -> None:
        self.declarations = tuple(
            sorted(declarations, key=lambda d: (d.received or date.min, d.path))
        )
        self._effects: dict[str, list[Effect]] = {}
        self._trees = dict(trees or {})
        self._models: dict[str, Agreement] = {}
        self._load = load
        self.records = tuple(sorted(records, key=lambda r: r.path))
        self._by_path = {r.path: r for r in self.records}
        self._by_key: dict[tuple[str, str], list[Record]] = {}
        self._by_work: dict[str, list[Record]] = {}
        for record in self.records:
            self._by_key.setdefault(record.key, []).append(record)
            if not record.is_copy:  # a consolidated copy is never one of the work's versions
                self._by_work.setdefault(record.work, []).append(record)
        for versions in self._by_work.values():
            versions.sort(key=version_order)
        # who names whom, indexed by the work named: a repository of thousands of versions
        # is looked up, not scanned
        self._naming: dict[tuple[str, str], list[tuple[Link, Record]]] = {}
        for record in self.records:
            for link in record.links:
                self._naming.setdefault((link.kind, link.work), []).append((link, record))

    # ---------------------------------------------------------------- files

    def tree(self, record: Record) -> etree._Element:
        """The root of a record's checked tree. Raises LvcheckError where it cannot be read
        (a file changed since its record was made)."""
        root = self._trees.get(record.path)
        if root is None:
            root = self._trees[record.path] = self._load(record.path).getroot()
        return root

    def agreement(self, record: Record) -> Agreement:
        """The model of a record's file. Raises LvcheckError as tree() does."""
        model = self._models.get(record.path)
        if model is None:
            from lvcheck.document.read import read_agreement

            model = self._models[record.path] = read_agreement(self.tree(record).getroottree())
        return model

    # ---------------------------------------------------------------- versions

    def get(self, path: str) -> Record | None:
        return self._by_path.get(path)

    def claims(self, work: str, version: str) -> list[Record]:
        """Every file that claims to be (work, version): one, unless LV322."""
        return self._by_key.get((work, version), [])

    def version(self, work: str, version: str) -> Record | None:
        claims = self.claims(work, version)
        return claims[0] if claims else None

    def versions(self, work: str) -> list[Record]:
        """The versions of a work (amendments of it not among them: they are works of their
        own), oldest first."""
        return list(self._by_work.get(work, ()))

    def newest(
        self, work: str, kinds: tuple[str, ...] = (), before: date | None = None
    ) -> Record | None:
        """The newest version of a work (of one of ``kinds``, where given): of those that
        apply from ``before`` at the latest (or say no day) where any does, else of all."""
        versions = [r for r in self.versions(work) if not kinds or r.kind in kinds]
        if before is not None:
            earlier = [r for r in versions if r.since is None or r.since <= before]
            versions = earlier or versions
        return versions[-1] if versions else None

    # ---------------------------------------------------------------- relations

    def resolve(self, link: Link, at: date | None = None) -> list[Record]:
        """The versions a relation of a record names (see the module's rule); ``at``: the day
        the record applies from, for a relation that names no version."""
        if link.version is not None:
            found = self.version(link.work, link.version)
            return [found] if found is not None else []
        if link.kind == RelationKind.BASED_ON:
            newest = self.newest(link.work, (Kind.TEMPLATE,), at)
        elif link.kind in (RelationKind.SUPERSEDES, RelationKind.SUPERSEDED_BY):
            return self.versions(link.work)
        else:
            newest = self.newest(link.work, (Kind.TEMPLATE, Kind.INSTANCE), at)
        return [newest] if newest is not None else []

    def unresolved(self, record: Record) -> list[Link]:
        """The relations of a record that name nothing in the catalog."""
        return [link for link in record.links if not self.resolve(link, record.since)]

    def _named_by(self, kind: str, record: Record) -> list[Record]:
        """The records whose relation of ``kind`` names ``record``."""
        return [
            other
            for link, other in self._naming.get((kind, record.work), ())
            if other.path != record.path
            and any(r.path == record.path for r in self.resolve(link, other.since))
        ]

    def template_of(self, record: Record) -> Record | None:
        """The template an instance (or a template derived from another) is based on."""
        for link in record.related(RelationKind.BASED_ON):
            for template in self.resolve(link, record.since):
                return template
        return None

    def instances_of(self, template: Record) -> list[Record]:
        """The records based on ``template``: what a change of it affects."""
        return self._named_by(RelationKind.BASED_ON, template)

    def predecessors(self, record: Record) -> list[Record]:
        """The versions ``record`` replaces: named by its <supersedes>, or naming it in their
        <supersededBy>; oldest first."""
        return self._either_way(record, RelationKind.SUPERSEDES, RelationKind.SUPERSEDED_BY)

    def successors(self, record: Record) -> list[Record]:
        """The versions that replace ``record``: naming it in their <supersedes>, or named by
        its <supersededBy>; oldest first."""
        return self._either_way(record, RelationKind.SUPERSEDED_BY, RelationKind.SUPERSEDES)

    def _either_way(self, record: Record, own: str, theirs: str) -> list[Record]:
        """The records ``record``'s relations of kind ``own`` name, and those whose relation
        of kind ``theirs`` names it (either side may say it), oldest first."""
        named = [
            other for link in record.related(own) for other in self.resolve(link, record.since)
        ]
        found = {r.path: r for r in (*named, *self._named_by(theirs, record))}
        return sorted((r for r in found.values() if r.path != record.path), key=version_order)

    def amendments_of(self, record: Record, *, unconcluded: bool = False) -> list[Record]:
        """The Nachträge of a version, in the order they apply: by the day each takes
        effect, then by the day it was concluded, then by name. Only concluded ones (every
        signature dated: § 56 SGB X, a contract needs both sides) unless ``unconcluded``:
        validate checks the others too, status, deadlines, consolidate, history and the
        site apply none of them."""
        found = [
            a
            for a in self._named_by(RelationKind.AMENDS, record)
            if a.is_amendment and (unconcluded or a.life.concluded is not None)
        ]
        return sorted(
            found,
            key=lambda a: (a.life.start or date.min, a.life.concluded or date.min, a.version),
        )

    def base_of(self, amendment: Record) -> Record | None:
        """The version a Nachtrag amends."""
        for link in amendment.related(RelationKind.AMENDS):
            for base in self.resolve(link, amendment.since):
                return base
        return None

    def upon(self, record: Record) -> str | None:
        """When a successor takes this version's place (<supersededBy upon>): said by the
        version, or by the template it is based on."""
        for link in record.related(RelationKind.SUPERSEDED_BY):
            if link.upon:
                return link.upon
        template = self.template_of(record)
        if template is not None and template is not record:
            said = (k.upon for k in template.related(RelationKind.SUPERSEDED_BY) if k.upon)
            return next(said, None)
        return None

    # ---------------------------------------------------------------- declarations

    def concerned(self, declaration: Declaration) -> Record | None:
        """The agreement version a declaration is about: the one it names, else the newest
        instance of the work that began by the day it was received."""
        if declaration.version is not None:
            return self.version(declaration.work, declaration.version)
        return self.newest(declaration.work, (Kind.INSTANCE,), declaration.received)

    def declarations_of(self, record: Record) -> list[Declaration]:
        """The declarations about a version, in the order they were received."""
        return [
            d
            for d in self.declarations
            if d.work == record.work
            and (c := self.concerned(d)) is not None
            and c.path == record.path
        ]

    def notices(self, record: Record) -> list[Effect]:
        """The notices given of a version and what each does (catalog/notices.py)."""
        found = self._effects.get(record.path)
        if found is None:
            given = self.declarations_of(record)
            found = []
            for notice in given:
                if notice.kind != DeclarationKind.NOTICE:
                    continue
                result = effect(notice, record.life, record.role_of(notice.sender))
                found.append(result._replace(withdrawn_by=withdrawal_of(notice, given)))
            self._effects[record.path] = found
        return found

    def ending(self, record: Record) -> date | None:
        """The last day a version is in force by the notices given of it, None if none ends it."""
        return last_day(self.notices(record)) if self.declarations else None

    # ---------------------------------------------------------------- time

    def takeover(self, record: Record) -> Takeover | None:
        """The earliest successor instance that took the place of ``record``: on its start
        (its conclusion where it names no start), or on its conclusion where ``record`` says
        so (upon="conclusion", NRW § 14 Abs. 4 Satz 3) — then one not yet concluded (not
        every signature dated) has not taken it, whatever its start."""
        on_conclusion = self.upon(record) == "conclusion"
        found = []
        for successor in self._named_by(RelationKind.SUPERSEDES, record):
            life = successor.life
            starts = life.start or life.concluded
            if not successor.is_instance or starts is None:
                continue
            if on_conclusion and life.concluded is None:
                continue
            day = life.concluded if on_conclusion and life.concluded else starts
            assert day is not None
            found.append(Takeover(day, successor.key, starts))
        return min(found) if found else None

    def standing(self, record: Record, day: date, today: date | None = None) -> Standing:
        """The state of a version on ``day``. A template is in use from its version's date
        (a draft before it), as its stored status says; an instance's state follows from its
        term and from the successor that took its place. ``today``: what the stored status
        speaks of (default: the real today)."""
        if record.is_template:
            adopted = record.version_date
            if adopted is not None and day < adopted:
                return Standing(Status.DRAFT)
            if record.stored == Status.IN_FORCE:
                return Standing(Status.IN_FORCE, since=adopted)
            return Standing(Status(record.stored))
        taken = self.takeover(record) if record.is_instance else None
        replaced = (taken.day, taken.successor) if taken else None
        return standing_on(record.life, day, replaced, self.ending(record))

    def in_force(self, work: str, day: date) -> list[Record]:
        """The instance versions of a work in force on ``day``."""
        return [
            r
            for r in self.versions(work)
            if r.is_instance and self.standing(r, day).status == Status.IN_FORCE
        ]

    def adopted(self, day: date, today: date | None = None) -> dict[str, Adoption]:
        """For each work with a template adopted by ``day``: the newest such version and the
        day the first was adopted. A template counts from its version's date, whatever its
        stored status now (one since replaced was adopted all the same), unless stored as a
        draft; one without a date only when in use today, as its stored status says."""
        today = today or date.today()
        found: dict[str, list[Record]] = {}
        for record in self.records:
            if not record.is_template or record.stored == Status.DRAFT:
                continue
            since = record.version_date
            if since is None and (record.stored != Status.IN_FORCE or day != today):
                continue
            if since is not None and since > day:
                continue
            found.setdefault(record.work, []).append(record)
        adopted = {}
        for work, versions in found.items():
            dated = [r.version_date for r in versions if r.version_date is not None]
            newest = max(versions, key=lambda r: (r.version_date or day, _natural(r.version)))
            adopted[work] = Adoption(newest.version, min(dated) if dated else None)
        return adopted
