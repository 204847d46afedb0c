"""References resolve (LV310–LV315): one kind of target each; internal refs to existing
eIds; legal refs to known statutes with well-formed numbers that the words agree with;
named documents declared."""

from __future__ import annotations

import re

from lxml import etree

from lvcheck import codes
from lvcheck.document.citation import text_of
from lvcheck.document.statutes import statutes
from lvcheck.validation.rules.base import NS, Document, Findings

LEGAL_ATTRIBUTES = ("section", "paragraph", "sentence", "number", "following")
_SECTION = re.compile(r"^\d+[a-z]?$")
_SENTENCE = re.compile(r"^\d+$")
_FORMATS = {"section": _SECTION, "paragraph": _SECTION, "sentence": _SENTENCE, "number": _SECTION}
_NUMBER_IN_TEXT = re.compile(r"\d+[a-z]?")


_ROMAN_BOOKS = (
    "",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
)
_ARABIC_BOOK = re.compile(r"^SGB\s*(\d{1,2})$")


def _roman_book(statute: str) -> str:
    """ "SGB 9" -> "SGB IX": the books of the Sozialgesetzbuch are cited in Roman numerals."""
    found = _ARABIC_BOOK.match(statute.strip())
    if found and 0 < int(found.group(1)) < len(_ROMAN_BOOKS):
        return f"SGB {_ROMAN_BOOKS[int(found.group(1))]}"
    return statute


def _kind_findings(document: Document, ref: etree._Element) -> Findings:
    kinds = [name for name in ("href", "statute", "document") if ref.get(name) is not None]
    if len(kinds) != 1:
        got = " and ".join(kinds) if kinds else "none"
        yield document.report(
            codes.REF_KIND,
            ref,
            f"a <ref> needs exactly one of href, statute or document; got {got}",
        )
        return
    stray = [name for name in LEGAL_ATTRIBUTES if ref.get(name) is not None]
    if kinds[0] != "statute" and stray:
        yield document.report(
            codes.REF_KIND, ref, f"{', '.join(stray)} belongs to a legal reference (statute=…)"
        )
    if kinds[0] != "document" and ref.get("part") is not None:
        yield document.report(codes.REF_KIND, ref, "part belongs to a document reference")
    href = ref.get("href")
    if href is not None and not href.startswith("#"):
        yield document.report(
            codes.REF_KIND, ref, f"href must be '#' and an eId of this document, got {href!r}"
        )


def _legal_findings(
    document: Document, ref: etree._Element, attributes: dict[str, str], statute: str
) -> Findings:
    if statute not in statutes():
        import difflib  # only for a statute nobody knows

        close = difflib.get_close_matches(_roman_book(statute), list(statutes()), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        yield document.report(
            codes.REF_UNKNOWN_STATUTE,
            ref,
            f"unknown statute {statute!r}{hint} (known statutes: src/lvcheck/data/statutes.toml)",
        )
    for name, pattern in _FORMATS.items():
        value = attributes.get(name)
        if value is not None and not pattern.match(value):
            yield document.report(
                codes.REF_MALFORMED_SECTION,
                ref,
                f"{name} {value!r} is not well-formed; expected a number such as 72 or 72a",
            )
    section = attributes.get("section")
    if section is not None:
        words = text_of(ref)
        numbers = _NUMBER_IN_TEXT.findall(words)
        if numbers and section not in numbers:
            yield document.report(
                codes.REF_TEXT_MISMATCH,
                ref,
                f"the words {words!r} do not cite section {section} of {statute}",
            )


def _looks_well_formed(attributes: dict[str, str]) -> bool:
    """True when a ref has one kind of target and only its kind's attributes: the common case,
    decided without building findings (there are dozens of refs per agreement)."""
    if "statute" in attributes:
        return (
            "href" not in attributes and "document" not in attributes and "part" not in attributes
        )
    if "href" in attributes:
        return len(attributes) == 1 and attributes["href"].startswith("#")
    return (
        "document" in attributes
        and len(attributes) <= 2
        and (len(attributes) == 1 or "part" in attributes)
    )


def _in_header(document: Document) -> int:
    """How many <ref> the header holds: they come first in document order."""
    meta = document.root[0] if len(document.root) else None
    if meta is None or meta.tag != NS + "meta":
        return 0
    return sum(1 for _ in meta.iter(NS + "ref"))


def _ref_findings(document: Document, refs: list[etree._Element]) -> Findings:
    declared = {d.get("id") for d in document.all("document")}
    for ref in refs:
        attributes = dict(ref.attrib)
        if not _looks_well_formed(attributes):
            yield from _kind_findings(document, ref)
        href, statute = attributes.get("href"), attributes.get("statute")
        named = attributes.get("document")
        if href is not None and href.startswith("#") and href[1:] not in document.eids:
            yield document.report(
                codes.REF_UNRESOLVED,
                ref,
                f"reference to {href!r}, but no clause has the eId {href[1:]!r}",
            )
        if statute is not None:
            yield from _legal_findings(document, ref, attributes, statute)
        if named is not None and named not in declared:
            yield document.report(
                codes.REF_UNKNOWN_DOCUMENT,
                ref,
                f"document {named!r} is not declared in <meta><documents>",
            )


def check_text(document: Document) -> Findings:
    """The references in the clauses."""
    yield from _ref_findings(document, document.all("ref")[_in_header(document) :])


def check_header(document: Document) -> Findings:
    """The references and legal sources in the header."""
    yield from _ref_findings(document, document.all("ref")[: _in_header(document)])
    for source in document.all("source"):
        attributes = dict(source.attrib)
        statute = attributes.get("statute")
        if statute is not None:
            yield from _legal_findings(document, source, attributes, statute)
