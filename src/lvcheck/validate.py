"""Validation: hardened parse, then the XSD, as diagnostics.

Semantic rules (eIds, references, header, fields) are added as rule modules on top of
this; the schema check is their precondition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lvcheck import codes
from lvcheck.clausepath import clause_path
from lvcheck.errors import Diagnostic, LvcheckError, Severity
from lvcheck.model import Agreement
from lvcheck.parse import NAMESPACE, parse_file
from lvcheck.reader import read_agreement
from lvcheck.schemas import get_schema

_NAMESPACE_BRACES = re.compile(r"\{" + re.escape(NAMESPACE) + r"\}")
# libxml2 follows a failed value with vaguer lines about the same value; one line is enough
_ECHOES = (
    "is not a valid value of the atomic type",
    "No precomputed value available",
)
_UNREADABLE_CODES = frozenset({codes.UNREADABLE, codes.TOO_LARGE})


@dataclass(frozen=True)
class CheckedFile:
    """The outcome of checking one file."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    tree: etree._ElementTree | None = None

    @property
    def unreadable(self) -> bool:
        return any(d.code in _UNREADABLE_CODES for d in self.diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def _element_at(tree: etree._ElementTree, line: int) -> etree._Element | None:
    """The innermost element that starts on a line: where libxml2 places a schema error."""
    found = None
    for element in tree.getroot().iter():
        if element.sourceline == line:
            found = element
        elif element.sourceline and element.sourceline > line:
            break
    return found


def schema_diagnostics(tree: etree._ElementTree, path: str) -> tuple[Diagnostic, ...]:
    """XSD violations, one diagnostic each, with the clause path where one applies."""
    schema = get_schema()
    if schema.validate(tree):
        return ()
    found: list[Diagnostic] = []
    for entry in schema.error_log:
        if found and found[-1].line == entry.line and any(e in entry.message for e in _ECHOES):
            continue
        element = _element_at(tree, entry.line)
        found.append(
            Diagnostic(
                path=path,
                line=max(entry.line, 1),
                column=max(entry.column, 1),
                code=codes.SCHEMA,
                message=_NAMESPACE_BRACES.sub("", entry.message),
                clause=clause_path(element) if element is not None else "",
            )
        )
    return tuple(found)


def check_file(path: Path) -> CheckedFile:
    """Parse and schema-check one file. Never raises for a bad file."""
    try:
        tree = parse_file(path)
    except LvcheckError as error:
        return CheckedFile(str(path), error.diagnostics)
    return CheckedFile(str(path), schema_diagnostics(tree, str(path)), tree)


def iter_agreement_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders searched recursively for *.xml, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path


def load_agreement(path: Path) -> Agreement:
    """The model of a valid agreement file. Raises LvcheckError with all its findings."""
    checked = check_file(path)
    if checked.errors or checked.tree is None:
        raise LvcheckError.from_diagnostics(checked.errors or checked.diagnostics)
    return read_agreement(checked.tree)
