"""Validation: hardened parse, the XSD, then the semantic rules, as diagnostics.

Files are checked in parallel processes (lxml work is CPU-bound and the GIL would
serialise threads); each process compiles the schema once. Cross-file rules then run
over small per-file facts, with the rest of the repository (the contracts/ folder
around the files) as context, so that checking one file still resolves its relations.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from lxml import etree

from lvcheck import codes
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.declaration import Declaration, declaration_of
from lvcheck.document.parse import REPOSITORY_ROOTS, is_declaration, parse_bytes, read_bytes
from lvcheck.document.schema import get_schema, schema_diagnostics
from lvcheck.errors import Diagnostic, LvcheckError, Severity
from lvcheck.files import iter_agreement_files, repository_context
from lvcheck.validation import memo
from lvcheck.validation.memo import text_digest, text_findings
from lvcheck.validation.rules import (
    HEADER_AND_VALUE_RULES,
    amendments,
    base,
    conformance,
    declarations,
    lifecycle,
    repository,
)
from lvcheck.validation.rules.base import Document
from lvcheck.validation.rules.repository import VersionFacts

_UNREADABLE_CODES = frozenset({codes.UNREADABLE, codes.TOO_LARGE})
T = TypeVar("T")
R = TypeVar("R")
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48


class CheckedFile(NamedTuple):
    """The outcome of checking one file (small and picklable: no tree)."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    facts: VersionFacts | None = None
    declaration: Declaration | None = None  # where the file is a declaration, not an agreement

    @property
    def unreadable(self) -> bool:
        return any(d.code in _UNREADABLE_CODES for d in self.diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)


def check_tree(
    tree: etree._ElementTree, path: str, raw: bytes | None = None, rules: bool = True
) -> CheckedFile:
    """The XSD, and where it passes, every document rule (none without ``rules``: the
    facts alone). ``raw``: the file's bytes, by which the findings of its text are shared
    with files of the same text (memo.py)."""
    schema = schema_diagnostics(tree, path)
    if schema:
        return CheckedFile(path, schema)
    if is_declaration(tree.getroot()):
        # checked against its agreement, across files (rules/declarations.py)
        return CheckedFile(path, (), declaration=declaration_of(tree.getroot(), path))
    document = Document(path, tree, raw)
    digest = text_digest(document, raw)
    found = []
    if rules:
        found = text_findings(document, raw, digest)
        found += [diagnostic for rule in HEADER_AND_VALUE_RULES for diagnostic in rule(document)]
    return CheckedFile(path, tuple(sorted(found)), repository.facts_of(document, digest))


def check_file(path: Path, rules: bool = True) -> CheckedFile:
    """Parse and check one file. Never raises for a bad file."""
    try:
        raw = read_bytes(path)
        tree = parse_bytes(raw, str(path), REPOSITORY_ROOTS)
    except LvcheckError as error:
        return CheckedFile(str(path), error.diagnostics)
    return check_tree(tree, str(path), raw, rules)


def context_facts(path: Path) -> VersionFacts | Declaration | None:
    """The facts of a file of the repository around the files checked (what the rules
    across files need of it), or None where it is no valid agreement or declaration. Its
    own findings are not asked for, so its document rules do not run."""
    checked = check_file(path, rules=False)
    return checked.facts or checked.declaration


class _Workers:
    """Worker processes for the per-file checks and then for the word comparisons of
    instances that depart from their template; one pool serves both. Few files: none."""

    def __init__(self, jobs: int, files: int) -> None:
        self.pool: Any = None
        self.jobs = jobs
        if jobs > 1 and files >= PARALLEL_THRESHOLD:
            from concurrent.futures import ProcessPoolExecutor  # only here: start-up time

            get_schema()  # compiled before the fork, so that no worker compiles it again
            self.pool = ProcessPoolExecutor(max_workers=jobs)

    def map(self, function: Callable[[T], R], items: list[T]) -> list[R]:
        if self.pool is None or len(items) < 2:
            return [function(item) for item in items]
        chunk = max(1, len(items) // (self.jobs * 4))
        return list(self.pool.map(function, items, chunksize=chunk))

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _flattened(found: list[list[Diagnostic]]) -> list[Diagnostic]:
    return [d for part in found for d in part]


def validate_paths(
    paths: Iterable[Path], jobs: int | None = None, today: date | None = None
) -> list[CheckedFile]:
    """Check files and folders, including the rules across files. One result per file.

    ``today``: the day the stored statuses are checked against (default: today). What one
    call learns (shared findings of a text, templates read) lives as long as the call.
    """
    forget()
    files = list(iter_agreement_files(paths))
    context = repository_context(files)
    try:
        with _Workers(jobs if jobs is not None else os.cpu_count() or 1, len(files)) as workers:
            checked = workers.map(check_file, files)
            around = workers.map(context_facts, context)
            facts = [r.facts for r in checked if r.facts is not None]
            facts += [item for item in around if isinstance(item, VersionFacts)]
            given = [r.declaration for r in checked if r.declaration is not None]
            given += [item for item in around if isinstance(item, Declaration)]
            catalog = Catalog((f.record for f in facts), declarations=given)
            keys = {f.path: f.content_key for f in facts}
            # findings across files go to the file at fault; only those asked for are
            # reported, so the checks that load whole models run for those files alone
            asked = {r.path for r in checked}
            departing = conformance.departing(catalog, keys, asked)
            batches = conformance.batches(departing, workers.jobs * 4)
            across = _flattened(workers.map(conformance.findings, batches))
    finally:
        forget()
    by_path: dict[str, list[Diagnostic]] = {}
    across += repository.check(catalog)
    across += amendments.check(catalog, asked)
    across += lifecycle.check(catalog, today or date.today())
    across += declarations.check(catalog, asked, today or date.today())
    for diagnostic in across:
        if diagnostic.path in asked:
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
    return [
        r._replace(diagnostics=tuple(sorted(r.diagnostics + tuple(by_path.get(r.path, ())))))
        for r in checked
    ]


def forget() -> None:
    """Clear what the rules remember between files (findings of a text, eId positions, clean
    inputs): it must not outlive one call, so that a file edited between two calls is checked
    anew. Worker processes start from the state of the call that forks them."""
    memo.forget()
    base.forget()
