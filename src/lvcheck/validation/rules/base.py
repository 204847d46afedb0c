"""What every rule module shares: the document under check and how to report on it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from lxml import etree

try:  # the blake2 module itself: hashlib would load OpenSSL too, 3 ms of every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from lvcheck.codes import CODES
from lvcheck.document.characters import INVISIBLE
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
_PRINTABLE_ASCII = b"\t\n\r" + bytes(range(0x20, 0x7F))


def fingerprint(*parts: bytes) -> bytes:
    """An exact key of ``parts`` (their boundaries count), 20 bytes, the same in every
    process: files are checked in worker processes and compared in the main one."""
    digest = blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


class Document:
    """A schema-valid agreement tree under check, with the indexes rules share."""

    def __init__(self, path: str, tree: etree._ElementTree, raw: bytes | None = None) -> None:
        self.path = path
        self.root = tree.getroot()
        self.raw = raw  # the file's bytes, where known: some rules can answer from them in C
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

    @cached_property
    def shows_every_character(self) -> bool:
        """Do the file's bytes prove that it holds no character a reader cannot see? One
        scan of the bytes answers for nearly every file; a file they cannot prove it of
        (no bytes, another encoding, a character reference) is scanned part by part."""
        raw = self.raw
        if raw is None or b"&#" in raw:
            return False
        if self.root.getroottree().docinfo.encoding.upper() != "UTF-8":
            return False
        # Every character but printable ASCII is kept whole when the ASCII bytes are taken
        # out (UTF-8 writes the others in bytes of 0x80 and above only): a scan of what is
        # left, a few hundred characters, stands for a scan of the file.
        try:
            rest = raw.translate(None, _PRINTABLE_ASCII).decode("utf-8")
        except UnicodeDecodeError:
            return False
        return INVISIBLE.search(rest) is None

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
