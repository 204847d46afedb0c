"""The schema gate: the XSD (schema/ at the repository root, shipped inside the wheel),
compiled once per process, and its findings as diagnostics.

The XSD declares four uniqueness constraints (eIds, field names, party ids, document ids)
so that xmllint and XML editors enforce them. libxml2 evaluates such identity
constraints on every element, which doubles the cost of validation; lvcheck therefore
compiles a copy without them and checks the same uniqueness in its rules (validate/rules
eids.py and names.py), where it also gives a clearer message.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from lvcheck import codes
from lvcheck.document.citation import element_citation
from lvcheck.document.parse import NAMESPACE
from lvcheck.errors import Diagnostic

SCHEMA_FILE = "lvcheck-agreement-1.0.xsd"
XS = "{http://www.w3.org/2001/XMLSchema}"
_PACKAGE = Path(__file__).resolve().parent.parent
_NAMESPACE_BRACES = re.compile(r"\{" + re.escape(NAMESPACE) + r"\}")
# libxml2 follows a failed value with vaguer lines about the same value; one line is enough
_ECHOES = (
    "is not a valid value of the atomic type",
    "No precomputed value available",
)


def schema_path() -> Path:
    """The XSD: inside the installed wheel, or schema/ of a source checkout."""
    shipped = _PACKAGE / "schema" / SCHEMA_FILE  # the wheel puts it here (pyproject.toml)
    if shipped.is_file():
        return shipped
    return _PACKAGE.parent.parent / "schema" / SCHEMA_FILE  # src/lvcheck -> repository


def schema_bytes() -> bytes:
    """The XSD as shipped."""
    return schema_path().read_bytes()


def _schema_document() -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(schema_bytes(), parser)


@cache
def get_full_schema() -> etree.XMLSchema:
    """The XSD exactly as shipped, identity constraints included."""
    return etree.XMLSchema(_schema_document())


@cache
def get_schema() -> etree.XMLSchema:
    """The XSD without its xs:unique constraints, which lvcheck's rules enforce instead."""
    document = _schema_document()
    for constraint in list(document.iter(f"{XS}unique")):
        parent = constraint.getparent()
        if parent is not None:
            parent.remove(constraint)
    return etree.XMLSchema(document)


def unique_constraints() -> list[str]:
    """The names of the shipped XSD's uniqueness constraints (each has a rule in lvcheck)."""
    return [c.get("name", "") for c in _schema_document().iter(f"{XS}unique")]


def _element_at(tree: etree._ElementTree, line: int) -> etree._Element | None:
    """The innermost element that starts on a line: where libxml2 places a schema error."""
    found = None
    for element in tree.getroot().iter():
        if element.sourceline == line:
            found = element
        elif element.sourceline and element.sourceline > line:
            break
    return found


def schema_diagnostics(tree: etree._ElementTree, path: str) -> tuple[Diagnostic, ...]:
    """XSD violations, one diagnostic each, with the citation of the clause where one applies."""
    schema = get_schema()
    if schema.validate(tree):
        return ()
    found: list[Diagnostic] = []
    for entry in schema.error_log:
        if found and found[-1].line == entry.line and any(e in entry.message for e in _ECHOES):
            continue
        element = _element_at(tree, entry.line)
        found.append(
            Diagnostic(
                path=path,
                line=max(entry.line, 1),
                column=max(entry.column, 1),
                code=codes.SCHEMA,
                message=_NAMESPACE_BRACES.sub("", entry.message),
                clause=element_citation(element) if element is not None else "",
            )
        )
    return tuple(found)
