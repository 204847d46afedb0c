"""Citations of a statute against its text (LV317–LV319): the § cited exists (LV317), and
its Absatz, Satz and Nummer (LV318), by the reference's attributes and by its words; and it
was in force on the agreement's start (LV319, a warning).

What a statute has comes from its table (document/statutes.py), made by scripts/statutes.py
from the official texts. A statute without a table (the Länder statutes) is not checked.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from lvcheck import codes
from lvcheck.document.citation import text_of
from lvcheck.document.statutes import (
    Table,
    Target,
    changes,
    cited,
    missing,
    not_in_force,
    statutes,
    table,
    table_file,
)
from lvcheck.validation.rules.base import NS, Document, Findings
from lvcheck.validation.rules.header import _term_date
from lvcheck.validation.rules.references import _FORMATS as WELL_FORMED

_NUMBER = r"\d+[a-z]?(?![\w.]*\d)"
# The first citation in a reference's words: "§ 130 Abs. 2 SGB IX", "Art. 21 Abs. 5 Satz 2",
# "§ 17 Abs.2", "§72a", "117 ff.", "§ 2 Absatz 1 Nummer 3"
_WORDS = re.compile(
    rf"(?P<marker>§§?|Art\.|Artikel)?\s*(?P<section>{_NUMBER})"
    rf"(?:\s*(?:Abs\.|Absatz)\s*(?P<paragraph>{_NUMBER}))?"
    rf"(?:\s*(?:Satz|S\.)\s*(?P<sentence>\d+))?"
    rf"(?:\s*(?:Nr\.|Nummer)\s*(?P<number>{_NUMBER}))?"
)
_FIRST_NUMBER = re.compile(r"\d")


def _attributes(element: etree._Element) -> Target | None:
    """What the attributes cite, where they are well-formed (else LV313 says so)."""
    section = element.get("section")
    if section is None:
        return None
    for name, pattern in WELL_FORMED.items():
        value = element.get(name)
        if value is not None and not pattern.match(value):
            return None
    return Target(section, element.get("paragraph"), element.get("sentence"), element.get("number"))


def _words(ref: etree._Element, attributes: Target | None) -> Target | None:
    """What the words cite, where they cite the attributes' § (or, without attributes, a §
    they mark as one): another § is LV314's finding."""
    words = text_of(ref)
    if not _FIRST_NUMBER.search(words):
        return None
    found = _WORDS.search(words)
    if found is None:
        return None
    if attributes is None and not found.group("marker"):
        return None
    if attributes is not None and found.group("section") != attributes.section:
        return None
    return Target(*found.group("section", "paragraph", "sentence", "number"))


def targets(element: etree._Element) -> list[Target]:
    """The citations a reference (or a legal source) makes: by its attributes and by its
    words, each once."""
    by_attributes = _attributes(element)
    found = [by_attributes] if by_attributes is not None else []
    if element.tag == NS + "ref":
        by_words = _words(element, by_attributes)
        if by_words is not None and by_words not in found:
            found.append(by_words)
    return found


def _existence(document: Document, element: etree._Element) -> Findings:
    found = table(element.get("statute", ""))
    if found is None:
        return
    unit = statutes()[found.statute].unit
    reported: set[str] = set()
    for target in targets(element):
        gap = missing(found, target, unit)
        if gap is None or gap[1] in reported:
            continue
        reported.add(gap[1])
        code = codes.CITATION_UNKNOWN_SECTION if gap[0] else codes.CITATION_UNKNOWN_PART
        yield document.report(code, element, f"{gap[1]} ({_texts(found)})")


def _texts(found: Table) -> str:
    """Which texts the finding rests on."""
    days = " and ".join(f"{text.stand:%d.%m.%Y}" for text in found.texts)
    plural = "s" if len(found.texts) > 1 else ""
    return f"in its text{plural} of {days}: src/lvcheck/data/statutes/{table_file(found.statute)}"


def _text_refs(document: Document) -> list[etree._Element]:
    """The legal references in the clauses (the header's come first in document order)."""
    meta = document.root[0] if len(document.root) else None
    header = meta is not None and meta.tag == NS + "meta"
    in_header = sum(1 for _ in meta.iter(NS + "ref")) if meta is not None and header else 0
    return [ref for ref in document.all("ref")[in_header:] if ref.get("statute") is not None]


def check_text(document: Document) -> Findings:
    """The citations in the clauses exist."""
    for ref in _text_refs(document):
        yield from _existence(document, ref)


# Per text (validation/memo.py's key): the references whose cited units some text gives
# another state than in force, by their place among the text's refs. Nearly always none,
# and then a file's start need not even be read.
_CHANGING: dict[bytes, tuple[int, ...]] = {}
_LIMIT = 256


def _changing(document: Document, refs: list[etree._Element]) -> tuple[int, ...]:
    key = document.text_key
    known = _CHANGING.get(key) if key is not None else None
    if known is not None:
        return known
    found = []
    for place, ref in enumerate(refs):
        statute = table(ref.get("statute", ""))
        if statute is not None and any(changes(statute, t) for t in targets(ref)):
            found.append(place)
    if key is not None:
        if len(_CHANGING) >= _LIMIT:
            _CHANGING.clear()
        _CHANGING[key] = tuple(found)
    return tuple(found)


def _in_force(document: Document, element: etree._Element, day: date | None) -> Findings:
    found = table(element.get("statute", ""))
    if found is None:
        return
    unit = statutes()[found.statute].unit
    for target in targets(element):
        if missing(found, target, unit) is not None:
            continue  # LV317 or LV318 says so
        why = not_in_force(found, target, day)
        if why is not None:
            yield document.report(
                codes.CITATION_NOT_IN_FORCE,
                element,
                f"{cited(target, unit)} {found.statute} {why} "
                f"(src/lvcheck/data/statutes/{table_file(found.statute)})",
            )
            return


def check_header(document: Document) -> Findings:
    """The legal sources of the header exist; every citation was in force on the start."""
    sources = [s for s in document.all("source") if s.get("statute") is not None]
    for source in sources:
        yield from _existence(document, source)
    refs = _text_refs(document)
    changing = [refs[place] for place in _changing(document, refs)]
    for source in sources:
        statute = table(source.get("statute", ""))
        if statute is not None and any(changes(statute, t) for t in targets(source)):
            changing.append(source)
    if not changing:
        return
    # the start of the term, stated or filled in; a template's is unknown
    day = _term_date(document, document.first("start"))
    for element in changing:
        yield from _in_force(document, element, day)
