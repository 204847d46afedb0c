"""Loading an agreement for tools that need its model (export, diff): parse, check the
schema, build the model. Semantic rules are `lvcheck validate`'s business, not a load's.

The diff reads the tree alone (comparison/flatten.py): ``Parsed`` holds a checked tree
and reads its model only when something asks for it (the HTML synopsis, filled fields).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lvcheck.document.model import Agreement, Field, Meta, fields_of
from lvcheck.document.parse import (
    AGREEMENT,
    NAMESPACE,
    REPOSITORY_ROOTS,
    parse_bytes,
    parse_file,
)
from lvcheck.document.read import read_agreement
from lvcheck.document.read_header import read_meta
from lvcheck.document.schema import schema_diagnostics
from lvcheck.document.write import write_agreement
from lvcheck.errors import LvcheckError

_FIELD_TAGS = (f"{{{NAMESPACE}}}fillIn", f"{{{NAMESPACE}}}field")


class Parsed:
    """A schema-valid agreement as its XML tree, with its model read when first asked for."""

    def __init__(self, tree: etree._ElementTree, agreement: Agreement | None = None) -> None:
        self.tree = tree
        self._agreement = agreement
        self._meta: Meta | None = None  # read alone, while the model is not read

    @classmethod
    def of(cls, agreement: Agreement) -> Parsed:
        """A model as a tree, written with the model's source lines (up to line 65,535)."""
        return cls(write_agreement(agreement, lines=True), agreement)

    @property
    def agreement(self) -> Agreement:
        if self._agreement is None:
            self._agreement = read_agreement(self.tree)
        return self._agreement

    @property
    def meta(self) -> Meta:
        """The header: the model's, or read alone from the tree where the model is not read."""
        if self._agreement is not None:
            return self._agreement.meta
        if self._meta is None:
            self._meta = read_meta(self.tree.getroot())
        return self._meta

    def fields(self) -> dict[str, Field]:
        """``fields_of`` its model; a tree without any <fillIn> or <field> element has no
        field, and its model is not read to learn that."""
        if self._agreement is None and next(self.tree.iter(*_FIELD_TAGS), None) is None:
            return {}
        return fields_of(self.agreement)


def _valid(tree: etree._ElementTree, label: str) -> etree._ElementTree:
    """The tree, if it passes the schema. Raises LvcheckError with all its findings."""
    findings = schema_diagnostics(tree, label)
    if findings:
        raise LvcheckError.from_diagnostics(findings)
    return tree


def load_tree(path: Path, roots: tuple[str, ...] = (AGREEMENT,)) -> etree._ElementTree:
    """The XML tree of a schema-valid agreement file (or of one of ``roots``), for what reads
    the tree rather than the model (the timeline's facts, citations). Raises LvcheckError
    with all its findings."""
    return _valid(parse_file(path, roots), str(path))


def load_agreement(path: Path) -> Agreement:
    """The model of a schema-valid agreement file. Raises LvcheckError with all its findings."""
    return read_agreement(load_tree(path))


def parse_agreement_bytes(data: bytes, label: str) -> Parsed:
    """Agreement XML held in memory (e.g. from git), checked. Raises LvcheckError."""
    return Parsed(_valid(parse_bytes(data, label), label))


def parse_repository_bytes(data: bytes, label: str) -> etree._ElementTree:
    """A file of a repository held in memory (an agreement or a declaration), checked
    against the schema. Raises LvcheckError."""
    return _valid(parse_bytes(data, label, REPOSITORY_ROOTS), label)


def load_agreement_bytes(data: bytes, label: str) -> Agreement:
    """The model of agreement XML held in memory (e.g. from git). Raises LvcheckError."""
    return parse_agreement_bytes(data, label).agreement


def parse_side(spec: str) -> Parsed:
    """An agreement from a file, or from git as REV:path (main:contracts/nrw/x.xml).

    A path that exists is a file, even if it contains a colon. Raises LvcheckError.
    """
    path = Path(spec)
    try:
        exists = path.exists()
    except OSError:  # e.g. a name too long for the file system: reading it says so
        exists = False
    if exists or ":" not in spec:
        return Parsed(load_tree(path))
    from lvcheck.document import git  # only here: a revision loads subprocess and more

    return parse_agreement_bytes(git.blob(spec), spec)


def load_side(spec: str) -> Agreement:
    """The model of an agreement from a file, or from git as REV:path. Raises LvcheckError."""
    return parse_side(spec).agreement
