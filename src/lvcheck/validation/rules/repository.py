"""Checks across the files of a repository (LV322, LV323, LV324, LV325): one file per
agreement version; relations point at versions that exist and agree in both directions.

The facts gathered here for each file (VersionFacts) also serve the other rules across files:
template conformance (conformance.py) and the status on a date (lifecycle.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from lvcheck import codes
from lvcheck.document.kinds import RelationKind
from lvcheck.errors import Diagnostic
from lvcheck.timeline.lifecycle import Lifecycle, lifecycle_of
from lvcheck.validation.rules.base import NS, Document, fingerprint

HEADER = "Kopfdaten"


class RelationFacts(NamedTuple):
    kind: str
    work: str
    version: str | None
    line: int
    upon: str | None = None  # supersededBy: when the successor takes this version's place


class VersionFacts(NamedTuple):
    """What the repository checks need of one file: small and picklable."""

    path: str
    work: str
    version: str
    line: int
    relations: tuple[RelationFacts, ...]
    agreement_type: str = ""
    life: Lifecycle | None = None
    content_key: str = ""  # what an instance shares with its template, hashed
    deviations: tuple[str, ...] = ()  # eIds of the agreed deviations

    @property
    def key(self) -> tuple[str, str]:
        return (self.work, self.version)

    @property
    def kind(self) -> str:
        return self.life.kind if self.life is not None else ""

    def related(self, kind: str) -> list[RelationFacts]:
        return [relation for relation in self.relations if relation.kind == kind]


# The header facts an instance shares with its template; the rest of <meta> is its own.
_SHARED_HEADER = ("parties", "legalBasis", "term", "figures", "documents")
_SHARED_TAGS = frozenset(NS + name for name in _SHARED_HEADER)


def _shared_header(meta: etree._Element) -> list[bytes]:
    """The header facts an instance shares with its template, each serialized."""
    return [etree.tostring(child, with_tail=False) for child in meta if child.tag in _SHARED_TAGS]


def content_key(document: Document, text_digest: bytes | None = None) -> str:
    """A hash of everything an instance must share word for word with its template: the
    text and the shared header facts, with every filled-in value left out. Equal keys prove
    conformance at once; only different ones are compared in words (a layout difference
    gives different keys but no departure). Made for every file, so it is made in C: from
    ``text_digest``, the digest of the file's bytes after the header without the values
    (validation/memo.py), where given; else the values are taken off the tree while it is
    serialized, then put back."""
    root = document.root
    if text_digest is not None:
        # memo.text_bytes made sure root[0] is <meta>
        return fingerprint(b"bytes", text_digest, *_shared_header(root[0])).hex()
    filled = [
        (element, element.attrib.pop("value"))
        for element in document.all("field") + document.all("fillIn")
        if "value" in element.attrib
    ]
    try:
        meta = root.find(NS + "meta")
        parts = [etree.tostring(child, with_tail=False) for child in root if child is not meta]
        if meta is not None:
            parts += _shared_header(meta)
    finally:
        for element, value in filled:
            element.set("value", value)
    return fingerprint(*parts).hex()


def facts_of(document: Document, text_digest: bytes | None = None) -> VersionFacts | None:
    work, version = document.first("work"), document.first("version")
    if work is None or version is None:
        return None
    relations = tuple(
        RelationFacts(
            kind,
            element.get("work", ""),
            element.get("version"),
            element.sourceline or 1,
            element.get("upon"),
        )
        for kind in RelationKind
        for element in document.all(kind)
    )
    return VersionFacts(
        document.path,
        work.get("id", ""),
        version.get("id", ""),
        version.sourceline or 1,
        relations,
        agreement_type=work.get("type", ""),
        life=lifecycle_of(document.root),
        content_key=content_key(document, text_digest),
        deviations=tuple(d.get("clause", "") for d in document.root.iter(NS + "deviation")),
    )


def _at(facts: VersionFacts, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(facts.path, line, 1, code, message, codes.CODES[code].severity, HEADER)


def _mirrors(relation: RelationFacts, source: VersionFacts, target: VersionFacts) -> bool:
    """Does the target say the inverse of ``relation``?"""
    inverse = {"supersedes": "supersededBy", "supersededBy": "supersedes"}[relation.kind]
    return any(
        back.kind == inverse and back.work == source.work and back.version in (None, source.version)
        for back in target.relations
    )


def check(all_facts: Iterable[VersionFacts]) -> list[Diagnostic]:
    """Findings across files, reported on the file that holds the problem."""
    facts = list(all_facts)
    by_key: dict[tuple[str, str], list[VersionFacts]] = defaultdict(list)
    by_work: dict[str, list[VersionFacts]] = defaultdict(list)
    for item in facts:
        by_key[item.key].append(item)
        by_work[item.work].append(item)
    found: list[Diagnostic] = []
    for claims in by_key.values():
        for duplicate in claims[1:]:
            found.append(
                _at(
                    duplicate,
                    duplicate.line,
                    codes.DUPLICATE_VERSION,
                    f"version {duplicate.version!r} of {duplicate.work!r} is also "
                    f"claimed by {claims[0].path}",
                )
            )
    for item in facts:
        for relation in item.relations:
            found.extend(_relation_findings(item, relation, by_key, by_work))
    return found


def _relation_findings(
    item: VersionFacts,
    relation: RelationFacts,
    by_key: dict[tuple[str, str], list[VersionFacts]],
    by_work: dict[str, list[VersionFacts]],
) -> list[Diagnostic]:
    label = f"{relation.kind} {relation.work!r}" + (
        f" version {relation.version!r}" if relation.version else ""
    )
    if relation.version is not None:
        targets = by_key.get((relation.work, relation.version), [])
    else:
        targets = by_work.get(relation.work, [])
    if not targets:
        if relation.kind == "supersededBy" and relation.version is None:
            return [
                _at(
                    item,
                    relation.line,
                    codes.RELATION_ANNOUNCED,
                    f"{label}: the announced successor is not in the repository yet",
                )
            ]
        return [
            _at(
                item,
                relation.line,
                codes.RELATION_UNRESOLVED,
                f"{label}: no such version in the repository",
            )
        ]
    if relation.kind not in ("supersedes", "supersededBy"):
        return []  # only these two must be said from both sides
    if not any(_mirrors(relation, item, target) for target in targets):
        inverse = "supersededBy" if relation.kind == "supersedes" else "supersedes"
        return [
            _at(
                item,
                relation.line,
                codes.RELATION_MISMATCH,
                f"{label}, but {targets[0].path} does not say {inverse} "
                f"{item.work!r} version {item.version!r}",
            )
        ]
    return []
