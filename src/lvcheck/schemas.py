"""The XSD, shipped inside the package and compiled once per process.

The shipped XSD declares four uniqueness constraints (eIds, field names, party ids,
document ids) so that xmllint and XML editors enforce them. libxml2 evaluates such
identity constraints on every element, which doubles the cost of validation; lvcheck
therefore compiles a copy without them and checks the same uniqueness in its rules
(rules/eids.py and rules/names.py), where it also gives a clearer message.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

SCHEMA_FILE = "lvcheck-agreement-1.0.xsd"
XS = "{http://www.w3.org/2001/XMLSchema}"


def schema_bytes() -> bytes:
    """The XSD as shipped in the installed package."""
    return (resources.files("lvcheck") / "schema" / SCHEMA_FILE).read_bytes()


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
