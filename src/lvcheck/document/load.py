"""Loading an agreement for tools that need its model (export, diff): parse, check the
schema, build the model. Semantic rules are `lvcheck validate`'s business, not a load's."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lvcheck.document import git
from lvcheck.document.model import Agreement
from lvcheck.document.parse import parse_bytes, parse_file
from lvcheck.document.read import read_agreement
from lvcheck.document.schema import schema_diagnostics
from lvcheck.errors import LvcheckError


def _read_valid(tree: etree._ElementTree, label: str) -> Agreement:
    """The model of a tree that passes the schema. Raises LvcheckError with all its findings."""
    findings = schema_diagnostics(tree, label)
    if findings:
        raise LvcheckError.from_diagnostics(findings)
    return read_agreement(tree)


def load_tree(path: Path) -> etree._ElementTree:
    """The XML tree of a schema-valid agreement file, for what reads the tree rather than the
    model (the timeline's facts, citations). Raises LvcheckError with all its findings."""
    tree = parse_file(path)
    findings = schema_diagnostics(tree, str(path))
    if findings:
        raise LvcheckError.from_diagnostics(findings)
    return tree


def load_agreement(path: Path) -> Agreement:
    """The model of a schema-valid agreement file. Raises LvcheckError with all its findings."""
    return _read_valid(parse_file(path), str(path))


def load_agreement_bytes(data: bytes, label: str) -> Agreement:
    """The model of agreement XML held in memory (e.g. from git). Raises LvcheckError."""
    return _read_valid(parse_bytes(data, label), label)


def load_side(spec: str) -> Agreement:
    """An agreement from a file, or from git as REV:path (main:contracts/nrw/x.xml).

    A path that exists is a file, even if it contains a colon. Raises LvcheckError.
    """
    path = Path(spec)
    try:
        exists = path.exists()
    except OSError:  # e.g. a name too long for the file system: reading it says so
        exists = False
    if exists or ":" not in spec:
        return load_agreement(path)
    return load_agreement_bytes(git.blob(spec), spec)
