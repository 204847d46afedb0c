"""The recurring duties data/duties.toml reads from the clauses, matched against a tree:
shared by the calendar (deadlines.py) and validation (LV380), and small, so that checking a
file does not load the calendar."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree

from lvcheck import codes
from lvcheck.data import load
from lvcheck.document.citation import element_citation
from lvcheck.document.parse import NAMESPACE
from lvcheck.errors import Diagnostic

NS = f"{{{NAMESPACE}}}"


def _duties() -> list[dict[str, Any]]:
    duties: list[dict[str, Any]] = load("duties.toml")["duties"]
    return duties


def duty_matches(
    root: etree._Element, eids: Mapping[str, etree._Element] | None = None
) -> Iterator[tuple[dict[str, Any], etree._Element, re.Match[str] | None]]:
    """Each duty of data/duties.toml for this agreement's type, with its clause and where the
    clause's words say when it is due (None: they no longer say it)."""
    work = root.find(f"{NS}meta/{NS}work")
    kind = work.get("type", "") if work is not None else ""
    duties = [duty for duty in _duties() if duty["type"] == kind]
    if not duties:
        return
    if eids is None:
        eids = {e.get("eId", ""): e for e in root.iter() if e.get("eId")}
    for duty in duties:
        clause = eids.get(duty["clause"])
        if duty["type"] != kind or clause is None:
            continue
        words = " ".join("".join(clause.itertext()).split())
        yield duty, clause, re.search(duty["pattern"], words)


def unstated_duty(path: str, duty: dict[str, Any], clause: etree._Element) -> Diagnostic:
    """LV380: the clause no longer says when a duty of data/duties.toml is due."""
    return Diagnostic(
        path,
        clause.sourceline or 1,
        1,
        codes.DUTY_NOT_FOUND,
        f"data/duties.toml names the duty {duty['duty']!r} for this clause, but its words "
        "no longer say when it is due; no calendar entry is made",
        codes.CODES[codes.DUTY_NOT_FOUND].severity,
        element_citation(clause),
    )
