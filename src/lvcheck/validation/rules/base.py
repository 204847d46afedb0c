"""What every rule module shares: the document under check and how to report on it."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from lvcheck.codes import CODES
from lvcheck.document.citation import element_citation
from lvcheck.document.parse import NAMESPACE
from lvcheck.errors import Diagnostic

NS = f"{{{NAMESPACE}}}"
_EID_ATTRIBUTES = etree.XPath("//@eId")
# The element names rules look up with Document.all / Document.first.
INDEXED = (
    "work",
    "version",
    "title",
    "party",
    "role",
    "person",
    "location",
    "signature",
    "start",
    "end",
    "term",
    "supersedes",
    "supersededBy",
    "basedOn",
    "amends",
    "consolidates",
    "incorporates",
    "document",
    "source",
    "ref",
    "fillIn",
    "field",
    "num",
)
_INDEXED_TAGS = tuple(NS + name for name in INDEXED)


class Document:
    """A schema-valid agreement tree under check, with the indexes rules share."""

    def __init__(self, path: str, tree: etree._ElementTree) -> None:
        self.path = path
        self.root = tree.getroot()
        # the exact key of the text after the header, where validation/memo.py could make
        # one: rules whose outcome depends on the text share it between files
        self.text_key: bytes | None = None
        # One pass in C over the tree collects every element a rule asks for by name; a
        # pass per name, or a Python loop over every node, costs several times more.
        by_tag: dict[str, list[etree._Element]] = {tag: [] for tag in _INDEXED_TAGS}
        for element in self.root.iter(*_INDEXED_TAGS):
            by_tag[element.tag].append(element)  # type: ignore[index]
        self._by_name = {name: by_tag[NS + name] for name in INDEXED}
        self.eids: dict[str, etree._Element] = {}
        self.duplicate_eids: list[etree._Element] = []
        # element -> its eId, duplicates included; the element objects stay alive here, so
        # lxml hands out these same objects again when a rule walks up to them
        self.eid_of: dict[etree._Element, str] = {}
        for value in _EID_ATTRIBUTES(self.root):  # each value knows its element
            element = value.getparent()
            eid = str(value)
            self.eid_of[element] = eid
            if eid in self.eids:
                self.duplicate_eids.append(element)
            else:
                self.eids[eid] = element

    def all(self, name: str) -> list[etree._Element]:
        """Every element of that local name, in document order (names in INDEXED)."""
        return self._by_name[name]

    def first(self, name: str) -> etree._Element | None:
        found = self._by_name[name]
        return found[0] if found else None

    @property
    def status(self) -> str:
        version = self.first("version")
        return version.get("status", "") if version is not None else ""

    @property
    def kind(self) -> str:
        """template, instance or amendment (<version kind>)."""
        version = self.first("version")
        return version.get("kind", "") if version is not None else ""

    def report(self, code: str, element: etree._Element, message: str) -> Diagnostic:
        """A diagnostic for ``code`` at ``element``, with the citation of its clause."""
        return Diagnostic(
            path=self.path,
            line=element.sourceline or 1,
            column=1,
            code=code,
            message=message,
            severity=CODES[code].severity,
            clause=element_citation(element),
        )


Findings = Iterator[Diagnostic]
