"""Checks across the files of a repository (LV322, LV323, LV324, LV325): one file per
agreement version; relations point at versions that exist and agree in both directions, as
the catalog resolves them (catalog/catalog.py: one rule for every command).

The facts gathered here for each file (VersionFacts: its catalog record and its content key)
also serve the other rules across files: template conformance (conformance.py), amendments
(amendments.py) and the status on a date (lifecycle.py).
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from lvcheck import codes
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.record import Link, Record, record_of
from lvcheck.document.kinds import RelationKind
from lvcheck.errors import Diagnostic
from lvcheck.validation.rules.base import NS, Document, fingerprint

HEADER = "Kopfdaten"


class VersionFacts(NamedTuple):
    """What the rules across files need of one file: its catalog record and the key of what
    an instance shares with its template (small and picklable)."""

    record: Record
    content_key: str = ""  # what an instance shares with its template, hashed

    @property
    def path(self) -> str:
        return self.record.path


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
    record = record_of(document.root, document.path)
    if record is None:
        return None
    return VersionFacts(record, content_key(document, text_digest))


def _at(record: Record, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(record.path, line, 1, code, message, codes.CODES[code].severity, HEADER)


_INVERSE = {RelationKind.SUPERSEDES: RelationKind.SUPERSEDED_BY}
_INVERSE.update({v: k for k, v in _INVERSE.items()})


def check(catalog: Catalog) -> list[Diagnostic]:
    """Findings across files, reported on the file that holds the problem."""
    found: list[Diagnostic] = []
    for record in catalog.records:
        claims = catalog.claims(*record.key)
        if claims[0].path != record.path:
            found.append(
                _at(
                    record,
                    record.line,
                    codes.DUPLICATE_VERSION,
                    f"version {record.version!r} of {record.work!r} is also "
                    f"claimed by {claims[0].path}",
                )
            )
        for link in record.links:
            found.extend(_relation_findings(catalog, record, link))
    return found


def _relation_findings(catalog: Catalog, record: Record, link: Link) -> list[Diagnostic]:
    label = f"{link.kind} {link.work!r}" + (f" version {link.version!r}" if link.version else "")
    targets = catalog.resolve(link, record.since)
    if not targets:
        if link.kind == RelationKind.SUPERSEDED_BY and link.version is None:
            return [
                _at(
                    record,
                    link.line,
                    codes.RELATION_ANNOUNCED,
                    f"{label}: the announced successor is not in the repository yet",
                )
            ]
        return [
            _at(
                record,
                link.line,
                codes.RELATION_UNRESOLVED,
                f"{label}: no such version in the repository",
            )
        ]
    inverse = _INVERSE.get(RelationKind(link.kind))
    if inverse is None:
        return []  # only these two must be said from both sides
    if not any(back.names(record) for target in targets for back in target.related(inverse)):
        return [
            _at(
                record,
                link.line,
                codes.RELATION_MISMATCH,
                f"{label}, but {targets[0].path} does not say {inverse} "
                f"{record.work!r} version {record.version!r}",
            )
        ]
    return []
