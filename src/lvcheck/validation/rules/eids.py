"""eIds are unique (LV303), name their element's kind (LV301) and nest like their
elements (LV302)."""

from __future__ import annotations

from lxml import etree

from lvcheck import codes
from lvcheck.document.kinds import EID_PREFIXES
from lvcheck.validation.rules.base import NS, Document, Findings

# AKN's eId prefixes, by the element's qualified name
PREFIXES = {NS + name: prefix for name, prefix in EID_PREFIXES.items()}


QUOTED = NS + "quotedStructure"


def _parent_eid(document: Document, element: etree._Element) -> str | None:
    node = element.getparent()
    while node is not None:
        eid = document.eid_of.get(node)
        if eid is not None:
            return eid
        node = node.getparent()
    return None


def _quoted(element: etree._Element) -> bool:
    """Is this the unit an amendment quotes? It keeps its eId of the base agreement."""
    parent = element.getparent()
    return parent is not None and parent.tag == QUOTED


def check(document: Document) -> Findings:
    for duplicate in document.duplicate_eids:
        eid = duplicate.get("eId", "")
        first = document.eids[eid].sourceline
        yield document.report(
            codes.EID_DUPLICATE,
            duplicate,
            f"eId {eid!r} is used more than once (first on line {first})",
        )
    for eid, element in document.eids.items():
        prefix = PREFIXES.get(element.tag)  # type: ignore[arg-type]
        last = eid.rsplit("__", 1)[-1]
        if prefix is not None and last.split("_", 1)[0] != prefix:
            kind = etree.QName(element).localname
            yield document.report(
                codes.EID_KIND,
                element,
                f"eId {eid!r} of a <{kind}> should end in {prefix}_…, got {last!r}",
            )
        parent = _parent_eid(document, element)
        expected = f"{parent}__{last}" if parent else last
        if eid != expected and not _quoted(element):
            where = f"the parent's eId {parent!r}" if parent else "no parent eId"
            yield document.report(
                codes.EID_NESTING,
                element,
                f"eId {eid!r} does not nest under {where}; expected {expected!r}",
            )
