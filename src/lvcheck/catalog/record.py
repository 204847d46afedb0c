"""One record per agreement file: what the repository's relations, the timeline and the
rules across files need to know of it, read once from its tree (small and picklable:
validation makes the records in its worker processes and resolves them in the main one)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from lxml import etree

from lvcheck.catalog.lifecycle import Lifecycle, lifecycle_of
from lvcheck.document.citation import text_of
from lvcheck.document.dates import parse_date
from lvcheck.document.kinds import Kind, RelationKind
from lvcheck.document.parse import NAMESPACE

NS = f"{{{NAMESPACE}}}"
_RELATION_TAGS = tuple(NS + kind for kind in RelationKind)


class Link(NamedTuple):
    """A relation as the header states it: to a version, or to a work (version None)."""

    kind: str  # a RelationKind
    work: str
    version: str | None
    line: int
    upon: str | None = None  # supersededBy: "conclusion" or "start" of the successor
    governed_by: str | None = None  # the clause that governs it

    def names(self, record: Record) -> bool:
        """Whether the relation points at ``record``: its work, and its version if it names one."""
        return self.work == record.work and self.version in (None, record.version)


class Record(NamedTuple):
    """An agreement version as the catalog knows it."""

    path: str
    work: str
    version: str
    line: int  # of its <version>, where findings about the version are reported
    title: str
    agreement_type: str
    version_date: date | None  # the version's date: a template is in use from it
    example: bool  # an illustrative file (<version example="true">)
    life: Lifecycle
    links: tuple[Link, ...]
    deviations: tuple[str, ...] = ()  # eIds of the agreed deviations from its template
    parties: tuple[tuple[str, str], ...] = ()  # (id, role) of each contracting party

    def role_of(self, party: str) -> str | None:
        """The role of a party of the agreement (authority, provider), None if no party."""
        return dict(self.parties).get(party)

    @property
    def key(self) -> tuple[str, str]:
        return (self.work, self.version)

    @property
    def kind(self) -> str:
        return self.life.kind

    @property
    def stored(self) -> str:
        return self.life.stored

    @property
    def jurisdiction(self) -> str:
        return self.life.jurisdiction

    @property
    def is_template(self) -> bool:
        return self.life.kind == Kind.TEMPLATE

    @property
    def is_instance(self) -> bool:
        return self.life.kind == Kind.INSTANCE

    @property
    def is_amendment(self) -> bool:
        return self.life.kind == Kind.AMENDMENT

    @property
    def is_copy(self) -> bool:
        """A consolidated reading copy (<consolidates>): words of other versions, never a
        version of its own."""
        return any(link.kind == RelationKind.CONSOLIDATES for link in self.links)

    @property
    def since(self) -> date | None:
        """The day its text applies from: its start, else (a template) its version's date."""
        return self.life.start or self.version_date

    def related(self, kind: str) -> list[Link]:
        return [link for link in self.links if link.kind == kind]


def record_of(root: etree._Element, path: str) -> Record | None:
    """The record of a schema-valid agreement tree; None where its header names no work or
    version (the schema requires both: a tree that lacks them was not checked)."""
    meta = root.find(NS + "meta")
    if meta is None:
        return None
    work, version = meta.find(NS + "work"), meta.find(NS + "version")
    if work is None or version is None:
        return None
    links = tuple(
        Link(
            str(element.tag).rpartition("}")[2],
            element.get("work", ""),
            element.get("version"),
            element.sourceline or 1,
            element.get("upon"),
            element.get("governedBy"),
        )
        for element in meta.iter(*_RELATION_TAGS)
    )
    deviations = tuple(d.get("clause", "") for d in meta.iter(NS + "deviation"))
    parties = tuple((p.get("id", ""), p.get("role", "")) for p in meta.iter(NS + "party"))
    return Record(
        path=path,
        work=work.get("id", ""),
        version=version.get("id", ""),
        line=version.sourceline or 1,
        title=text_of(meta.find(NS + "title")),
        agreement_type=work.get("type", ""),
        version_date=parse_date(version.get("date")),
        example=version.get("example") == "true",
        life=lifecycle_of(root),
        links=links,
        deviations=deviations,
        parties=parties,
    )
