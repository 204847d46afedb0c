"""Readable clause paths such as "§ 7 > 7.2 > Punkt 3", for messages lawyers read."""

from __future__ import annotations

from lxml import etree

from lvcheck.parse import NAMESPACE

_UNITS = {
    f"{{{NAMESPACE}}}{name}"
    for name in ("part", "section", "subsection", "paragraph", "point", "hcontainer")
}
_PLACES = {
    f"{{{NAMESPACE}}}preface": "Präambel (Kopf)",
    f"{{{NAMESPACE}}}preamble": "Vorwort",
    f"{{{NAMESPACE}}}meta": "Kopfdaten",
    f"{{{NAMESPACE}}}conclusions": "Unterschriften",
    f"{{{NAMESPACE}}}attachments": "Anlagen",
}


def text_of(element: etree._Element | None) -> str:
    """An element's words, whitespace folded ("" for none); most num and ref elements hold
    plain text, read without walking their (absent) children."""
    if element is None:
        return ""
    text = element.text or "" if len(element) == 0 else "".join(element.itertext())
    return " ".join(text.split())


def unit_label(kind: str, num: str, heading: str, position: int) -> str:
    """How a unit is named in a path: its number, else its heading, else "Punkt N"."""
    if num:
        return num
    if kind == "point":
        return f"Punkt {position}"
    return heading or kind


def _label(element: etree._Element) -> str:
    num = text_of(element.find(f"{{{NAMESPACE}}}num"))
    heading = text_of(element.find(f"{{{NAMESPACE}}}heading"))
    position = 1 + sum(
        1 for sibling in element.itersiblings(preceding=True) if sibling.tag == element.tag
    )
    return unit_label(etree.QName(element).localname, num, heading, position)


def clause_path(element: etree._Element) -> str:
    """The readable path of the unit that holds an element ("" outside any unit)."""
    labels: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        if node.tag in _UNITS:
            labels.append(_label(node))
        elif node.tag in _PLACES and not labels:
            labels.append(_PLACES[node.tag])
        node = node.getparent()
    return " > ".join(reversed(labels))
