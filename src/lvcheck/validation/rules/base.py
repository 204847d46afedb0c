"""What every rule module shares: the document under check and how to report on it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any

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
_PRINTABLE_ASCII = bytes(c for c in b"\t\n\r" + bytes(range(0x20, 0x7F)) if c not in b"&#")


def fingerprint(*parts: bytes) -> bytes:
    """An exact key of ``parts`` (their boundaries count), 20 bytes, the same in every
    process: files are checked in worker processes and compared in the main one."""
    digest = blake2b(digest_size=20)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


# Per text key: eId -> the child positions from the root to its element. The text key
# covers every byte after the header, comments included, and the header holds no eId, so
# equal keys mean the same element at the same positions.
_POSITIONS: dict[bytes, dict[str, tuple[int, ...]]] = {}
_POSITIONS_LIMIT = 256
_CLEAN: list[CleanInputs] = []  # every CleanInputs made, so that forget() reaches them


def _positions(elements: dict[str, etree._Element]) -> dict[str, tuple[int, ...]]:
    """eId -> the child positions from the root to its element, in time linear in the
    tree: each parent's children are counted once (parent.index(child) counts them for
    every child, quadratic for 10,000 §§ side by side), each path made from its parent's."""
    index: dict[etree._Element, int] = {}  # the element objects stay alive as its keys
    paths: dict[etree._Element, tuple[int, ...]] = {}

    def path(element: etree._Element) -> tuple[int, ...]:
        found = paths.get(element)
        if found is None:
            parent = element.getparent()
            if parent is None:
                found = ()
            else:
                if element not in index:
                    index.update((child, position) for position, child in enumerate(parent))
                found = (*path(parent), index[element])
            paths[element] = found
        return found

    return {eid: path(element) for eid, element in elements.items()}


class _ByPosition(Mapping[str, etree._Element]):
    """eId -> element of one tree, each found by its child positions when asked for."""

    def __init__(self, root: etree._Element, positions: dict[str, tuple[int, ...]]) -> None:
        self._root = root
        self._positions = positions
        self._found: dict[str, etree._Element] = {}  # keeps lxml's element objects alive

    def __getitem__(self, eid: str) -> etree._Element:
        found = self._found.get(eid)
        if found is None:
            found = self._root
            for index in self._positions[eid]:
                found = found[index]
            self._found[eid] = found
        return found

    def __contains__(self, eid: object) -> bool:
        return eid in self._positions

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)


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

    @cached_property
    def _eid_scan(
        self,
    ) -> tuple[dict[str, etree._Element], dict[etree._Element, str], list[etree._Element]]:
        eids: dict[str, etree._Element] = {}
        duplicates: list[etree._Element] = []
        # element -> its eId, duplicates included; the element objects stay alive here, so
        # lxml hands out these same objects again when a rule walks up to them
        eid_of: dict[etree._Element, str] = {}
        for value in _EID_ATTRIBUTES(self.root):  # each value knows its element
            element = value.getparent()
            eid = str(value)
            eid_of[element] = eid
            if eid in eids:
                duplicates.append(element)
            else:
                eids[eid] = element
        return eids, eid_of, duplicates

    @cached_property
    def eids(self) -> Mapping[str, etree._Element]:
        """eId -> its (first) element. The scan of every attribute costs more than all the
        rules that look up a few eIds, so files of one text (validation/memo.py's key) look
        them up by the child positions an earlier file of that text found."""
        positions = _POSITIONS.get(self.text_key) if self.text_key is not None else None
        if positions is not None:
            return _ByPosition(self.root, positions)
        eids = self._eid_scan[0]
        if self.text_key is not None:
            if len(_POSITIONS) >= _POSITIONS_LIMIT:
                _POSITIONS.clear()
            _POSITIONS[self.text_key] = _positions(eids)
        return eids

    @property
    def eid_of(self) -> dict[etree._Element, str]:
        """element -> its eId, every element that has one (duplicates included)."""
        return self._eid_scan[1]

    @property
    def duplicate_eids(self) -> list[etree._Element]:
        """The elements whose eId an earlier element has."""
        return self._eid_scan[2]

    @cached_property
    def shows_every_character(self) -> bool:
        """Do the file's bytes prove that it holds no character a reader cannot see? One
        scan of the bytes answers for nearly every file; a file they cannot prove it of
        (no bytes, another encoding, a character reference) is scanned part by part."""
        raw = self.raw
        if raw is None or (self.root.getroottree().docinfo.encoding or "").upper() != "UTF-8":
            return False
        # Every character but printable ASCII is kept whole when the ASCII bytes are taken
        # out (UTF-8 writes the others in bytes of 0x80 and above only): a scan of what is
        # left, a few hundred characters, stands for a scan of the file. "&" and "#" stay,
        # so that a character reference ("&#x202E;") is seen (searched in the whole file,
        # those two bytes take longer than the rest of this together).
        rest = raw.translate(None, _PRINTABLE_ASCII)
        if b"&#" in rest:
            return False
        try:
            return INVISIBLE.search(rest.decode("utf-8")) is None
        except UnicodeDecodeError:
            return False

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


def forget() -> None:
    """Forget the eId positions and clean inputs remembered so far (validation.engine.forget)."""
    _POSITIONS.clear()
    for clean in _CLEAN:
        clean._keys.clear()


class CleanInputs:
    """What a rule found nothing wrong in, per file text (validation/memo.py's key) and the
    parts of the header the rule reads: a file that repeats all of them needs no check.
    Only clean outcomes are remembered, so a finding is always made from its own file."""

    def __init__(self, limit: int = 4096) -> None:
        self._keys: set[tuple[Any, ...]] = set()
        self._limit = limit
        _CLEAN.append(self)

    def key(self, document: Document, *parts: Any) -> tuple[Any, ...] | None:
        """The key of ``document`` with ``parts``; None where its text has no key."""
        return None if document.text_key is None else (document.text_key, *parts)

    def known(self, key: tuple[Any, ...] | None) -> bool:
        return key is not None and key in self._keys

    def remember(self, key: tuple[Any, ...] | None) -> None:
        if key is not None:
            if len(self._keys) >= self._limit:
                self._keys.clear()
            self._keys.add(key)
