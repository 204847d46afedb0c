"""Characters a reader cannot see (LV307): bidi overrides that reverse what is shown,
zero-width spaces and joiners that split a word invisibly, and other control characters.
Text that looks the same but is not is how a changed amount slips through a review."""

from __future__ import annotations

import unicodedata

from lxml import etree

from lvcheck import codes
from lvcheck.document.text import INVISIBLE, shown_as
from lvcheck.validation.rules.base import Document, Findings

_ATTRIBUTES = etree.XPath("//@*")


def _described(char: str) -> str:
    """ "⟨U+202E⟩ (RIGHT-TO-LEFT OVERRIDE)"."""
    name = unicodedata.name(char, "")
    return f"{shown_as(char)} ({name})" if name else shown_as(char)


def _places(element: etree._Element) -> list[tuple[str, str]]:
    """(what, text) of an element: its text, its tail, its attribute values."""
    places = [("text", element.text or ""), ("text", element.tail or "")]
    places += [(f"attribute {name!r}", value) for name, value in element.attrib.items()]
    return places


def check(document: Document) -> Findings:
    root = document.root
    # one scan in C of all text and attribute values: nearly every document has none
    everything = "".join(root.itertext()) + "".join(str(v) for v in _ATTRIBUTES(root))
    if INVISIBLE.search(everything) is None:
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are no text a reader sees
        for what, text in _places(element):
            for char in dict.fromkeys(INVISIBLE.findall(text)):
                yield document.report(
                    codes.INVISIBLE_CHARACTER,
                    element,
                    f"invisible character {_described(char)} in the {what}: the text reads "
                    "differently from what it shows; remove it",
                )
