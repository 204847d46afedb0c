"""Each agreement type keeps the clauses it must have, as declared in
data/required_clauses.toml: a missing clause is LV340; a clause that is there but says
nothing (empty, or only blanks to fill) is LV342, since § 125 Abs. 2 SGB IX requires its
content, not its eId."""

from __future__ import annotations

from typing import Any

from lxml import etree

from lvcheck import codes
from lvcheck.data import load
from lvcheck.validation.rules.base import NS, CleanInputs, Document, Findings


def agreement_type(name: str) -> dict[str, Any]:
    """The entry of data/required_clauses.toml for an agreement type ({} if none)."""
    types: dict[str, Any] = load("required_clauses.toml")["types"]
    entry: dict[str, Any] = types.get(name, {})
    return entry


def required_clauses(name: str) -> list[dict[str, Any]]:
    clauses: list[dict[str, Any]] = agreement_type(name).get("clauses", [])
    return clauses


def has_content(clause: etree._Element, values: bool = True) -> bool:
    """Does a clause hold words of its own, beyond its number, heading and blanks? A filled
    field (unless not ``values``) and a form row's label count as content. (Paragraphs stand
    only in content, intro, wrap-up and notes.)"""
    for element in clause.iter(NS + "p", NS + "field", NS + "fillIn"):
        if element.tag == NS + "p":
            if element.getparent().tag == NS + "authorialNote":  # type: ignore[union-attr]
                continue
            words = (element.text or "") + "".join(
                (child.tail or "")
                + ("".join(child.itertext()) if child.tag != NS + "fillIn" else "")
                for child in element
            )
            if words.strip():
                return True
        elif (values and (element.get("value") or "").strip()) or "".join(
            element.itertext()
        ).strip():
            return True  # a filled blank, or a form row's label, options or hint
    return False


# Texts (with their agreement type) whose required clauses all hold words without a value
_CLEAN = CleanInputs()


def check(document: Document) -> Findings:
    work = document.first("work")
    if work is None:
        return
    name = work.get("type", "")
    key = _CLEAN.key(document, name)
    if _CLEAN.known(key):
        return
    required = [(clause, document.eids.get(clause["eId"])) for clause in required_clauses(name)]
    if all(e is not None and has_content(e, values=False) for _, e in required):
        _CLEAN.remember(key)  # the words alone say it, whatever the values
        return
    for clause, element in required:
        why = clause["why"] + (f", {clause['law']}" if "law" in clause else "")
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
