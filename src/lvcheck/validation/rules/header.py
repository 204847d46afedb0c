"""The version header agrees with itself and with where the file lies (LV320, LV321,
LV326, LV341)."""

from __future__ import annotations

import os
import re
from datetime import date

from lxml import etree

from lvcheck import codes
from lvcheck.data import load
from lvcheck.document.dates import parse_date
from lvcheck.validation.rules.base import Document, Findings

_EXAMPLE_WORDS = re.compile(r"beispiel|example|illustrat", re.IGNORECASE)


def _term_date(document: Document, element: etree._Element | None) -> date | None:
    """A term date, stated as a date or taken from the field that holds it."""
    if element is None:
        return None
    field = element.get("field")
    if field is None:
        return parse_date(element.get("date"))
    for candidate in document.all("fillIn") + document.all("field"):
        if candidate.get("name") == field:
            return parse_date(candidate.get("value"))
    return None


def region_of(path: str) -> str | None:
    """The region folder a file lies in: the folder right below contracts/."""
    # os.path, not PurePath: this runs for every file, and a path object costs more
    parts = os.path.normpath(path).split(os.sep)  # noqa: PTH206
    for index, part in enumerate(parts[:-2]):
        if part == "contracts":
            return parts[index + 1]
    return None


def _dates(document: Document) -> Findings:
    start_element, end_element = document.first("start"), document.first("end")
    start = _term_date(document, start_element)
    end = _term_date(document, end_element)
    if start and end and end < start and end_element is not None:
        yield document.report(
            codes.HEADER_DATES,
            end_element,
            f"the term ends ({end:%d.%m.%Y}) before it starts ({start:%d.%m.%Y})",
        )
    if (
        end_element is not None
        and end_element.get("indefinite") == "true"
        and (end_element.get("date") or end_element.get("field"))
    ):
        yield document.report(
            codes.HEADER_DATES, end_element, "an indefinite term cannot also have an end date"
        )


def _jurisdiction(document: Document) -> Findings:
    work = document.first("work")
    region = region_of(document.path)
    folders: dict[str, str] = load("regions.toml")["folders"]
    if work is None or region not in folders:
        return
    expected, got = folders[region], work.get("jurisdiction")
    if got != expected:
        yield document.report(
            codes.JURISDICTION_FOLDER,
            work,
            f"a file in contracts/{region}/ must have jurisdiction {expected!r}, got {got!r}",
        )


def _governed_by(document: Document) -> Findings:
    for name in ("term", "supersedes", "supersededBy", "basedOn"):
        for element in document.all(name):
            eid = element.get("governedBy")
            if eid is not None and eid not in document.eids:
                yield document.report(
                    codes.GOVERNED_BY_UNRESOLVED,
                    element,
                    f"governedBy {eid!r}: no clause of this document has that eId",
                )


def _example_marking(document: Document) -> Findings:
    version, title = document.first("version"), document.first("title")
    if version is None or title is None:
        return
    is_example = version.get("example") == "true"
    name_says = bool(_EXAMPLE_WORDS.search(os.path.basename(document.path)))  # noqa: PTH119
    title_says = bool(_EXAMPLE_WORDS.search(title.text or ""))
    if is_example and not (name_says and title_says):
        yield document.report(
            codes.EXAMPLE_MARKING,
            version,
            "an example must say so in its file name and its title (e.g. 'beispiel-…', 'BEISPIEL')",
        )
    elif not is_example and name_says:
        yield document.report(
            codes.EXAMPLE_MARKING,
            version,
            'the file name says example, but <version> lacks example="true"',
        )


def check(document: Document) -> Findings:
    yield from _dates(document)
    yield from _jurisdiction(document)
    yield from _governed_by(document)
    yield from _example_marking(document)
