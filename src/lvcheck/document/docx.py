"""The hardened reading of a Word package (.docx): untrusted input, like an agreement file.

A .docx is a zip of XML parts. Before anything is inflated, the zip's central directory is
held to limits (entries, bytes unpacked in all, ratio of each entry), and the limits hold
again while an entry is inflated, so a zip bomb costs nothing; an encrypted file (Office
wraps it in an OLE compound file), a macro document and a package without a Word document
are refused; every part is parsed by document/parse.py's hardened parser (no DOCTYPE, no
entities, no network). The parts are found as Word finds them, through the package's
relationships (``_rels/.rels``, ``word/_rels/document.xml.rels``), not by fixed names.
Nothing is ever fetched: relationships to external targets are ignored.

What Word shows of a paragraph (``paragraph_text``) and the tracked changes
(``revisions``, ``resolved``) are in docx_text.py and docx_revisions.py, re-exported here.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import NamedTuple
from urllib.parse import unquote

from lxml import etree

from lvcheck import codes
from lvcheck.document.docx_revisions import Revision, RevisionKind, resolved, revisions
from lvcheck.document.docx_text import W, paragraph_text, w
from lvcheck.document.docx_zip import inflate, open_zip, refusal
from lvcheck.document.parse import parse_xml
from lvcheck.errors import LvcheckError

__all__ = [
    "Package",
    "Revision",
    "RevisionKind",
    "W",
    "open_package",
    "paragraph_text",
    "resolved",
    "revisions",
    "w",
]

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_WORD_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
# Strict OOXML (ISO 29500 strict) names the same vocabulary in other namespaces
_STRICT = {
    "http://purl.oclc.org/ooxml/wordprocessingml/main": W,
    "http://purl.oclc.org/ooxml/officeDocument/relationships": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
}
_PART_ERRORS = {
    codes.FORBIDDEN_MARKUP: codes.DOCX_FORBIDDEN_MARKUP,
    codes.NOT_WELL_FORMED: codes.DOCX_MALFORMED_PART,
    codes.TOO_LARGE: codes.DOCX_TOO_LARGE,
}


class Relationship(NamedTuple):
    """One internal relationship of a part: its id, its kind (the last word of its type,
    such as ``styles``) and the part it points at."""

    rid: str
    kind: str
    target: str


class Package:
    """A .docx opened by open_package; each part is inflated and parsed once, when asked."""

    def __init__(self, label: str, archive: zipfile.ZipFile, names: dict[str, str]) -> None:
        self.label = label
        self._archive = archive
        self._names = names  # lower-case part name -> the name in the zip
        self._parsed: dict[str, etree._Element | None] = {}
        self._relationships: dict[str, list[Relationship]] = {}
        self.main = ""  # the name of the main document part, once open_package found it

    @property
    def names(self) -> list[str]:
        """The names of the package's entries, in lower case."""
        return list(self._names)

    def has(self, name: str) -> bool:
        """Whether the package holds a part of this name (case does not matter, as in OPC)."""
        return name.lstrip("/").lower() in self._names

    def part(self, name: str) -> etree._Element | None:
        """The parsed part ``name`` (``word/styles.xml``), or None when there is none.

        Raises LvcheckError (LV402, LV405, LV406) for a part that is too large, hostile
        or not well-formed.
        """
        key = name.lstrip("/").lower()
        if key not in self._parsed:
            self._parsed[key] = self._parse(key) if key in self._names else None
        return self._parsed[key]

    def relationships(self, name: str) -> list[Relationship]:
        """The internal relationships of part ``name`` (external targets are left out)."""
        key = name.lstrip("/").lower()
        if key not in self._relationships:
            self._relationships[key] = self._read_relationships(key)
        return self._relationships[key]

    def related(self, kind: str, source: str | None = None) -> list[str]:
        """The parts that ``source`` (the main document) relates to as ``kind``
        (``styles``, ``numbering``, ``footnotes``, ``header`` …), in the order listed."""
        return [
            r.target
            for r in self.relationships(self.main if source is None else source)
            if r.kind == kind and self.has(r.target)
        ]

    def _related_part(self, kind: str) -> etree._Element | None:
        found = self.related(kind)
        return self.part(found[0]) if found else None

    @property
    def document(self) -> etree._Element:
        """The main document part's root (``w:document``)."""
        root = self.part(self.main)
        assert root is not None  # open_package refuses a package without it
        return root

    @property
    def styles(self) -> etree._Element | None:
        return self._related_part("styles")

    @property
    def numbering(self) -> etree._Element | None:
        return self._related_part("numbering")

    @property
    def footnotes(self) -> etree._Element | None:
        return self._related_part("footnotes")

    @property
    def endnotes(self) -> etree._Element | None:
        return self._related_part("endnotes")

    @property
    def comments(self) -> etree._Element | None:
        return self._related_part("comments")

    @property
    def settings(self) -> etree._Element | None:
        return self._related_part("settings")

    def _parse(self, key: str) -> etree._Element:
        name = self._names[key]
        data = inflate(self._archive, name, self.label)
        try:
            root = parse_xml(data, name)
        except LvcheckError as error:
            found = error.diagnostic
            code = _PART_ERRORS.get(found.code, codes.DOCX_MALFORMED_PART)
            where = f"{name}:{found.line}:{found.column}"
            raise refusal(self.label, code, f"part {where}: {found.message}") from None
        if etree.QName(root).namespace in _STRICT:
            _to_transitional(root)
        return root

    def _read_relationships(self, key: str) -> list[Relationship]:
        folder, base = posixpath.split(key)
        rels = self.part(posixpath.join(folder, "_rels", base + ".rels"))
        if rels is None:
            return []
        found = []
        for element in rels.iter(f"{{{_PR}}}Relationship"):
            target = _target(folder, element.get("Target", ""))
            if element.get("TargetMode") == "External" or target is None:
                continue  # a link to the web or a file: never followed
            kind = element.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
            found.append(Relationship(element.get("Id", ""), kind, target))
        return found


def _target(folder: str, target: str) -> str | None:
    """A relationship's target as a part name, or None when it leaves the package."""
    target = unquote(target.split("#", 1)[0])
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    name = posixpath.normpath(joined) if joined else ""
    if not name or name == "." or name.startswith("../") or name == "..":
        return None
    return name


def _to_transitional(root: etree._Element) -> None:
    """Strict OOXML's namespaces renamed to the transitional ones Word writes by default."""
    for element in root.iter(etree.Element):
        qname = etree.QName(element)
        if qname.namespace in _STRICT:
            element.tag = f"{{{_STRICT[qname.namespace]}}}{qname.localname}"
        for attribute in [a for a in element.attrib if a.startswith("{")]:
            space, local = attribute[1:].split("}", 1)
            if space in _STRICT:
                element.attrib[f"{{{_STRICT[space]}}}{local}"] = element.attrib.pop(attribute)


def _content_types(package: Package) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: the content type of each extension and of each named part."""
    types = package.part("[Content_Types].xml")
    if types is None:
        raise refusal(
            package.label,
            codes.DOCX_NOT_A_PACKAGE,
            "the zip has no [Content_Types].xml, so it is no Office document; "
            "expected a Word document saved as .docx",
        )
    defaults = {
        e.get("Extension", "").lower(): e.get("ContentType", "")
        for e in types.iter(f"{{{_CT}}}Default")
    }
    overrides = {
        e.get("PartName", "").lstrip("/").lower(): e.get("ContentType", "")
        for e in types.iter(f"{{{_CT}}}Override")
    }
    return defaults, overrides


def _refuse_macros(package: Package, defaults: dict[str, str], overrides: dict[str, str]) -> None:
    declared = [*defaults.values(), *overrides.values()]
    holds_project = any(posixpath.basename(key).startswith("vbaproject") for key in package.names)
    if holds_project or any(
        "macroenabled" in t.lower() or "vbaproject" in t.lower() for t in declared
    ):
        raise refusal(
            package.label,
            codes.DOCX_MACROS,
            "is a document with macros (.docm, vbaProject); lvcheck runs no macros and reads "
            "none: save it as a .docx without macros",
        )


def _main_part(package: Package, defaults: dict[str, str], overrides: dict[str, str]) -> str:
    """The main document part, found through _rels/.rels (word/document.xml only where a
    package has no relationships at all) and checked to be a Word document."""
    found = [r.target for r in package.relationships("") if r.kind == "officeDocument"]
    if not found and not package.has("_rels/.rels") and package.has("word/document.xml"):
        found = ["word/document.xml"]
    main = next((name for name in found if package.has(name)), None)
    if main is None:
        raise refusal(
            package.label,
            codes.DOCX_NOT_A_PACKAGE,
            "the package has no main document part; expected a Word document saved as .docx",
        )
    extension = posixpath.splitext(main)[1].lstrip(".").lower()
    content_type = overrides.get(main.lower(), defaults.get(extension, ""))
    if content_type not in _WORD_MAIN:
        raise refusal(
            package.label,
            codes.DOCX_NOT_A_PACKAGE,
            f"the package holds no Word document (its main part is {content_type or 'untyped'});"
            " expected a Word document saved as .docx",
        )
    return main


def open_package(data: bytes, label: str) -> Package:
    """Open the bytes of a .docx. ``label`` names it in messages (``label:1:1``).

    Raises LvcheckError: LV401 not a zip or no Word document in it, LV402 beyond the
    limits (a zip bomb), LV403 encrypted or an OLE file, LV404 macros, LV405 a part with
    DOCTYPE or entities, LV406 a part that is not well-formed XML.
    """
    archive, names = open_zip(data, label)
    package = Package(label, archive, names)
    defaults, overrides = _content_types(package)
    _refuse_macros(package, defaults, overrides)
    package.main = _main_part(package, defaults, overrides)
    root = package.document
    if root.tag != w("document"):
        raise refusal(
            label,
            codes.DOCX_NOT_A_PACKAGE,
            f"the main part {package.main} is no Word document; expected <w:document>, "
            f"got <{etree.QName(root).localname}>",
        )
    # the parts an import reads, parsed now so that a hostile one is refused on opening
    for kind in ("styles", "numbering", "footnotes", "endnotes", "comments", "settings"):
        package._related_part(kind)
    return package
