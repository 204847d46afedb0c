"""Characters a reader cannot see (LV307): bidi overrides that reverse what is shown,
zero-width spaces and joiners that split a word invisibly, and other control characters.
Text that looks the same but is not is how a changed amount slips through a review."""

from __future__ import annotations

import unicodedata

from lxml import etree

from lvcheck import codes
from lvcheck.document.characters import INVISIBLE, shown_as
from lvcheck.validation.rules.base import NS, Document, Findings

_FILLED = (NS + "field", NS + "fillIn")


def _described(char: str) -> str:
    """ "⟨U+202E⟩ (RIGHT-TO-LEFT OVERRIDE)"."""
    name = unicodedata.name(char, "")
    return f"{shown_as(char)} ({name})" if name else shown_as(char)


def _report(document: Document, element: etree._Element, what: str, text: str) -> Findings:
    for char in dict.fromkeys(INVISIBLE.findall(text)):
        yield document.report(
            codes.INVISIBLE_CHARACTER,
            element,
            f"invisible character {_described(char)} in the {what}: the text reads "
            "differently from what it shows; remove it",
        )


def _scan(document: Document, top: etree._Element, values: bool) -> Findings:
    """Every text, tail and attribute value under ``top``; a filled value only if
    ``values`` (the values are the header's business, the words the text's)."""
    # one scan in C first: nearly every part has none
    words = "".join(top.itertext())
    attributes = "".join(str(v) for v in top.xpath("descendant-or-self::*/@*"))
    if INVISIBLE.search(words) is None and INVISIBLE.search(attributes) is None:
        return
    for element in top.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are no text a reader sees
        yield from _report(document, element, "text", element.text or "")
        if element is not top:  # the top's tail lies outside it
            yield from _report(document, element, "text", element.tail or "")
        for name, value in element.attrib.items():
            if values or name != "value" or element.tag not in _FILLED:
                yield from _report(document, element, f"attribute {name!r}", value)


def _parts(document: Document) -> tuple[etree._Element | None, list[etree._Element]]:
    """The header and the parts of the text after it."""
    root = document.root
    meta = root.find(NS + "meta")
    # comments and processing instructions between the parts are no text a reader sees
    return meta, [child for child in root if child is not meta and isinstance(child.tag, str)]


def check_text(document: Document) -> Findings:
    """The words after the header, filled values left out: the same in every instance of
    a template (validation/memo.py shares the findings)."""
    if document.shows_every_character:
        return
    meta, parts = _parts(document)
    if meta is not None:
        yield from _report(document, meta, "text", meta.tail or "")
    for part in parts:
        yield from _scan(document, part, values=False)
        yield from _report(document, part, "text", part.tail or "")


def check_header_and_values(document: Document) -> Findings:
    """The header, the root's own words, and every value filled in."""
    if document.shows_every_character:
        return
    root = document.root
    meta, parts = _parts(document)
    yield from _report(document, root, "text", root.text or "")
    for name, value in root.attrib.items():
        yield from _report(document, root, f"attribute {name!r}", value)
    if meta is not None:
        yield from _scan(document, meta, values=True)
    for part in parts:
        for element in part.iter(*_FILLED):
            yield from _report(document, element, "attribute 'value'", element.get("value", ""))
