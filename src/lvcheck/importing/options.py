"""How one import is asked for (the command's options, as the library takes them)."""

from __future__ import annotations

from typing import NamedTuple

from lvcheck.document.model import Agreement


class Options(NamedTuple):
    """How to import: against a template, onto a previous version, which view of tracked
    changes, and facts the source cannot give (the Land, the work's id)."""

    template: Agreement | None = None
    onto: Agreement | None = None
    accept_changes: bool | None = None  # None: stop at pending tracked changes
    jurisdiction: str | None = None
    work: str | None = None


__all__ = ["Options"]
