"""What every rule module shares: the document under check and how to report on it."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from lvcheck.clausepath import clause_path
from lvcheck.codes import CODES
from lvcheck.errors import Diagnostic
from lvcheck.parse import NAMESPACE

NS = f"{{{NAMESPACE}}}"


@cache
def load_data(name: str) -> dict[str, Any]:
    """One of the TOML data files shipped in lvcheck/data (statutes, regions, clauses)."""
    text = (resources.files("lvcheck") / "data" / name).read_text(encoding="utf-8")
    return tomllib.loads(text)


class Document:
    """A schema-valid agreement tree under check, with the indexes rules share."""

    def __init__(self, path: str, tree: etree._ElementTree) -> None:
        self.path = path
        self.root = tree.getroot()
        self._by_tag: dict[str, list[etree._Element]] = {}
        self.eids: dict[str, etree._Element] = {}
        for element in self.root.iter():
            if not isinstance(element.tag, str):
                continue
            self._by_tag.setdefault(element.tag, []).append(element)
            eid = element.get("eId")
            if eid is not None:
                self.eids.setdefault(eid, element)

    def all(self, name: str) -> list[etree._Element]:
        """Every element of that local name, in document order."""
        return self._by_tag.get(NS + name, [])

    def first(self, name: str) -> etree._Element | None:
        found = self._by_tag.get(NS + name)
        return found[0] if found else None

    @property
    def status(self) -> str:
        version = self.first("version")
        return version.get("status", "") if version is not None else ""

    def report(self, code: str, element: etree._Element, message: str) -> Diagnostic:
        """A diagnostic for ``code`` at ``element``, with its clause path."""
        return Diagnostic(
            path=self.path,
            line=element.sourceline or 1,
            column=1,
            code=code,
            message=message,
            severity=CODES[code].severity,
            clause=clause_path(element),
        )


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


Findings = Iterator[Diagnostic]
