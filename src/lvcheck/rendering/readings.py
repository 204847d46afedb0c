"""The Lesefassung of a version: the version with the amendments in force on the day the
site is built applied (a note where a signed one will change it later). The signed text
keeps its own page; the Lesefassung is lvcheck's reading aid beside it and says so in its
title and notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from typing import Protocol, TypeVar

from lvcheck.document.model import Agreement
from lvcheck.errors import LvcheckError
from lvcheck.timeline.consolidate import Amendment, consolidate, with_pending_notes


class Page(Protocol):
    """A version as the site holds it (site.Entry): its source, its page, its agreement."""

    @property
    def source(self) -> Path: ...
    @property
    def page(self) -> PurePosixPath: ...
    @property
    def agreement(self) -> Agreement: ...


Entry = TypeVar("Entry", bound=Page)


def reading_version(base: Entry, amendments: list[Entry], today: date) -> Agreement | None:
    """The base with the amendments in force today applied and a note where a signed one
    will change it; None when one does not apply (validate reports it, LV390)."""
    named = [Amendment(a.agreement, a.page.with_suffix(".xml").as_posix()) for a in amendments]
    try:
        result = consolidate(base.agreement, named, today)
    except LvcheckError:
        return None
    return with_pending_notes(result)
