"""Each agreement type keeps the clauses it must have, as declared in
data/required_clauses.toml (LV340)."""

from __future__ import annotations

from typing import Any

from lvcheck import codes
from lvcheck.data import load
from lvcheck.validation.rules.base import Document, Findings


def required_clauses(agreement_type: str) -> list[dict[str, Any]]:
    types: dict[str, Any] = load("required_clauses.toml")["types"]
    clauses: list[dict[str, Any]] = types.get(agreement_type, {}).get("clauses", [])
    return clauses


def check(document: Document) -> Findings:
    work = document.first("work")
    if work is None:
        return
    agreement_type = work.get("type", "")
    for clause in required_clauses(agreement_type):
        if clause["eId"] not in document.eids:
            yield document.report(
                codes.REQUIRED_CLAUSE,
                work,
                f"agreement type {agreement_type!r} requires clause {clause['eId']!r} "
                f"({clause['why']}), which is missing",
            )
