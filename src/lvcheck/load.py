"""Loading an agreement for tools that need its model (export, diff): parse, check the
schema, build the model. Semantic rules are `lvcheck validate`'s business, not a load's."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lvcheck.errors import LvcheckError
from lvcheck.model import Agreement
from lvcheck.parse import parse_file
from lvcheck.reader import read_agreement
from lvcheck.validate import schema_diagnostics


def load_tree(path: Path) -> etree._ElementTree:
    """A schema-valid tree of an agreement file. Raises LvcheckError with all its findings."""
    tree = parse_file(path)
    findings = schema_diagnostics(tree, str(path))
    if findings:
        raise LvcheckError.from_diagnostics(findings)
    return tree


def load_agreement(path: Path) -> Agreement:
    """The model of a schema-valid agreement file. Raises LvcheckError with all its findings."""
    return read_agreement(load_tree(path))
