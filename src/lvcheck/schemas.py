"""The XSD, shipped inside the package and compiled once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

SCHEMA_FILE = "lvcheck-agreement-1.0.xsd"


def schema_bytes() -> bytes:
    """The XSD as shipped in the installed package."""
    return (resources.files("lvcheck") / "schema" / SCHEMA_FILE).read_bytes()


@cache
def get_schema() -> etree.XMLSchema:
    """The compiled XSD; compiling takes milliseconds, so it is done once per process."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    document = etree.fromstring(schema_bytes(), parser).getroottree()
    return etree.XMLSchema(document)
