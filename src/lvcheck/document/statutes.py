"""The statutes legal references may name (data/statutes.toml): read in one place."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from lvcheck.data import load


class Statute(NamedTuple):
    abbreviation: str  # as cited: "SGB IX", "BayKiBiG"
    title: str
    unit: str  # how a section is cited: "§" or "Art."
    url: str  # the official text of the whole law
    section_url: str | None = None  # one section, "{section}" replaced

    def link(self, section: str | None) -> str:
        """The official text of one section where the portal allows it, else of the law."""
        if section and self.section_url:
            from urllib.parse import quote  # only pages link; validation need not load it

            # a section comes from the document: encode it, it may hold anything
            return self.section_url.format(section=quote(section, safe=""))
        return self.url


@cache
def statutes() -> dict[str, Statute]:
    """Every known statute by its abbreviation."""
    table: dict[str, dict[str, str]] = load("statutes.toml")["statutes"]
    return {
        name: Statute(
            abbreviation=name,
            title=entry["title"],
            unit=entry.get("unit", "§"),
            url=entry["url"],
            section_url=entry.get("section_url"),
        )
        for name, entry in table.items()
    }
