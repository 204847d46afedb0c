"""Each agreement type keeps the clauses it must have, as declared in
data/required_clauses.toml: a missing clause is LV340; a clause that is there but says
nothing (empty, or only blanks to fill) is LV342, since § 125 Abs. 2 SGB IX requires its
content, not its eId."""

from __future__ import annotations

from typing import Any

from lxml import etree

from lvcheck import codes
from lvcheck.data import load
from lvcheck.validation.rules.base import NS, Document, Findings

# Elements whose words are not the clause's own content.
_NOT_CONTENT = {NS + "num", NS + "heading", NS + "authorialNote"}


def agreement_type(name: str) -> dict[str, Any]:
    """The entry of data/required_clauses.toml for an agreement type ({} if none)."""
    types: dict[str, Any] = load("required_clauses.toml")["types"]
    entry: dict[str, Any] = types.get(name, {})
    return entry


def required_clauses(name: str) -> list[dict[str, Any]]:
    clauses: list[dict[str, Any]] = agreement_type(name).get("clauses", [])
    return clauses


def has_content(clause: etree._Element) -> bool:
    """Does a clause hold words of its own, beyond its number, heading and blanks? A filled
    field counts as content."""
    for element in clause.iter():
        if element.tag in _NOT_CONTENT or any(
            a.tag in _NOT_CONTENT for a in element.iterancestors()
        ):
            continue
        if element.tag in (NS + "fillIn", NS + "field") and (element.get("value") or "").strip():
            return True
        if (element.text or "").strip() and element.tag not in (NS + "fillIn", NS + "field"):
            return True
        if element is not clause and (element.tail or "").strip():
            return True
    return False


def check(document: Document) -> Findings:
    work = document.first("work")
    if work is None:
        return
    name = work.get("type", "")
    for clause in required_clauses(name):
        why = clause["why"] + (f", {clause['law']}" if "law" in clause else "")
        element = document.eids.get(clause["eId"])
        if element is None:
            yield document.report(
                codes.REQUIRED_CLAUSE,
                work,
                f"agreement type {name!r} requires clause {clause['eId']!r} ({why}), which is "
                "missing",
            )
        elif not has_content(element):
            yield document.report(
                codes.REQUIRED_CONTENT,
                element,
                f"this clause must say {why}, but it holds no words (only blanks or nothing)",
            )
