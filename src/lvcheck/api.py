"""The public Python API of lvcheck: load, validate, diff, render, build_site, review, seal,
import_source, fidelity.

The command line is a thin layer over these functions; a script or a notebook uses them
the same way. They return values and never print.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from lvcheck.errors import LvcheckError

if TYPE_CHECKING:  # each function imports its stage when called: commands start fast
    from lvcheck.comparison.changes import DiffResult
    from lvcheck.document.load import Parsed
    from lvcheck.document.model import Agreement
    from lvcheck.importing.fidelity import Fidelity
    from lvcheck.importing.run import Imported
    from lvcheck.revisions.model import Review
    from lvcheck.timeline.consolidate import Consolidation
    from lvcheck.timeline.deadlines import Calendar
    from lvcheck.timeline.history import History
    from lvcheck.timeline.status import StatusReport
    from lvcheck.validation.engine import CheckedFile

Source: TypeAlias = "str | Path | bytes | Agreement"


def load(source: Source, label: str = "") -> Agreement:
    """An agreement from a file path, from ``REV:path`` in git (a str), or from XML bytes.

    ``label`` names bytes in messages. Raises LvcheckError when the source cannot be read,
    is not an agreement or does not match the schema (with every finding).
    """
    from lvcheck.document.load import load_agreement, load_agreement_bytes, load_side
    from lvcheck.document.model import Agreement

    if isinstance(source, Agreement):
        return source
    if isinstance(source, bytes):
        return load_agreement_bytes(source, label or "<bytes>")
    if isinstance(source, Path):
        return load_agreement(source)
    return load_side(source)


def validate(paths: Iterable[str | Path], jobs: int | None = None) -> list[CheckedFile]:
    """Check files and folders (searched for *.xml): schema, then every rule, including the
    rules across the repository around them. One CheckedFile per file, findings in it.

    ``jobs``: worker processes, at most one per CPU this process may use (more only cost
    memory and start-up; a huge number would start that many processes).
    """
    from lvcheck.validation.engine import validate_paths

    usable = _usable_cpus()
    return validate_paths([Path(p) for p in paths], usable if jobs is None else min(jobs, usable))


def _usable_cpus() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def diff(old: Source, new: Source, against_template: bool = False) -> DiffResult:
    """Compare two versions (or a template and its instance with ``against_template``).

    Each side is an Agreement or anything ``load`` takes. Raises LvcheckError when a side
    cannot be loaded.
    """
    from lvcheck.comparison.engine import diff_agreements, without_cycle_collection

    with without_cycle_collection():  # parsing makes as many objects
        old_side, new_side = _parsed(old), _parsed(new)
    return diff_agreements(
        old_side, new_side, _label(old, "alt"), _label(new, "neu"), against_template
    )


def _parsed(source: Source) -> Agreement | Parsed:
    """A side of the diff as ``load`` finds it, but as its checked tree: the diff reads the
    tree, and the model only where it needs one. Raises LvcheckError."""
    from lvcheck.document.load import Parsed, load_tree, parse_agreement_bytes, parse_side
    from lvcheck.document.model import Agreement

    if isinstance(source, Agreement):
        return source
    if isinstance(source, bytes):
        return parse_agreement_bytes(source, "<bytes>")
    if isinstance(source, Path):
        return Parsed(load_tree(source))
    return parse_side(source)


def _label(source: Source, otherwise: str) -> str:
    """A side's name in the diff: its path or ``REV:path``, escaped, since every output of
    the diff shows it and a file name can hold a line break or a bidi override."""
    from lvcheck.safe_text import escape_controls

    return escape_controls(str(source)) if isinstance(source, str | Path) else otherwise


def render(
    thing: Agreement | DiffResult | list[CheckedFile] | Calendar | StatusReport | History,
    output_format: str,
    **options: Any,
) -> str | bytes:
    """An agreement, a diff, validation results, deadlines or a status report in a format
    (rendering.registry lists them).

    Raises LvcheckError (LV001) for a format that does not exist for that kind of thing.
    """
    from lvcheck.rendering.registry import render as render_any

    return render_any(thing, output_format, **options)


def deadlines(
    paths: Iterable[str | Path], start: date | None = None, end: date | None = None
) -> Calendar:
    """Every deadline of the agreements (files, or folders searched for *.xml) from ``start``
    (default today) to ``end`` (default twelve months later): start, term ends, renewals,
    the last day for notice, recurring duties; a repository's files resolve successors."""
    from lvcheck.catalog.read import read_repository
    from lvcheck.document.periods import add_months
    from lvcheck.timeline.deadlines import deadlines as compute

    first = start or date.today()
    repository = read_repository(Path(p) for p in paths)
    return compute(repository, first, end or add_months(first, 12))


def status(paths: Iterable[str | Path], day: date | None = None) -> StatusReport:
    """The state of every agreement among the files on ``day`` (default today); the
    repository around them resolves templates, successors and amendments."""
    from lvcheck.catalog.read import read_repository
    from lvcheck.timeline.status import status as compute

    return compute(read_repository(Path(p) for p in paths), day or date.today())


def consolidate(
    base: Source, amendments: Iterable[Source] | None = None, at: date | None = None
) -> Consolidation:
    """The text of ``base`` with its amendments in force on ``at`` applied (default: all of
    them). ``amendments`` default to the Nachträge the catalog of the repository around a
    base file names (the contracts/ folder that holds it).
    Raises LvcheckError (LV390) when a modification does not apply."""
    from lvcheck.timeline.consolidate import Amendment
    from lvcheck.timeline.consolidate import consolidate as compute

    if amendments is not None:
        found = [
            Amendment(load(a), str(a) if isinstance(a, str | Path) else "") for a in amendments
        ]
        return compute(load(base), found, at)
    if not isinstance(base, str | Path):
        raise LvcheckError.usage("name the amendments of an agreement that is not a file")
    from lvcheck.catalog.read import read_repository

    repository = read_repository([Path(base)])
    if not repository.listed:
        load(base)  # raises with the reason the file cannot be read
        raise LvcheckError.usage(f"{base}: not an agreement")
    catalog, record = repository.catalog, repository.listed[0]
    found = [
        Amendment(catalog.agreement(a), a.path, a.life.concluded)
        for a in catalog.amendments_of(record)
    ]
    return compute(catalog.agreement(record), found, at)


def history(paths: Iterable[str | Path], clause: str) -> History:
    """A clause (its citation in the earliest text, or its eId) in every version among the
    files and in every consolidated text their amendments (in the repository around them)
    give, with its changed words."""
    from lvcheck.catalog.read import read_repository
    from lvcheck.timeline.history import history as compute

    return compute(read_repository(Path(p) for p in paths), clause)


def seal(path: str | Path, renew: bool = False) -> str:
    """Record the digest of a concluded version's signed text in its header (document/
    seal.py), the file rewritten in the canonical layout. Returns what happened:
    ``sealed``, ``unchanged`` (the digest it records is the text's), ``not concluded`` or
    ``changed`` (it records another digest: nothing written unless ``renew``, for a
    transcription corrected to read as the signed original does).
    Raises LvcheckError when the file cannot be read or does not match the schema."""
    from lvcheck.catalog.lifecycle import lifecycle_of
    from lvcheck.document.load import load_tree
    from lvcheck.document.seal import recorded_digest, sealed, text_digest
    from lvcheck.output import write_atomic

    tree = load_tree(Path(path))
    root = tree.getroot()
    recorded = recorded_digest(root)
    if lifecycle_of(root).concluded is None:
        return "not concluded"
    if recorded == text_digest(root):
        return "unchanged"
    if recorded is not None and not renew:
        return "changed"
    write_atomic(Path(path), sealed(tree))
    return "sealed"


def build_site(source: str | Path, output: str | Path) -> list[Path]:
    """The static site of every agreement under ``source``, written to ``output``; the files
    written. Raises LvcheckError when a page cannot be written."""
    from lvcheck.rendering.site import build_site as build

    return build(Path(source), Path(output))


def review(
    base: str,
    head: str = "HEAD",
    paths: Iterable[str | Path] = ("contracts",),
    against_templates: bool = False,
    repository: str | Path | None = None,
) -> Review:
    """The agreements (*.xml under ``paths``) changed between two git revisions, each
    compared with the version it follows: itself before, or the version its header says it
    supersedes; with ``against_templates`` an instance also with its template.

    ``paths`` are relative to ``repository`` (default: the working folder). A file that
    cannot be read is a problem in the result; raises LvcheckError when git fails or a
    revision does not exist. ``lvcheck.revisions.comment`` writes it as Markdown or JSON.
    """
    from lvcheck.revisions.engine import review_revisions

    folder = None if repository is None else Path(repository)
    return review_revisions(base, head, list(paths), against_templates, folder)


def import_source(
    source: str | Path | bytes,
    label: str = "",
    template: Source | None = None,
    onto: Source | None = None,
    accept_changes: bool | None = None,
    jurisdiction: str | None = None,
    work: str | None = None,
) -> Imported:
    """An agreement from a Word (.docx), PDF, text or Markdown source, word for word.

    ``template``: the source is an instance of it (clauses take its eIds, text where it has
    a blank fills the field); ``onto``: the source is the next version of it (continuing
    clauses keep their eIds). ``accept_changes``: True or False takes one view of a Word
    document's tracked changes; None stops where any are pending. ``jurisdiction`` and
    ``work`` give what the words of a new work may not say. Raises LvcheckError when the
    source cannot be read or the agreement would miss or invent a word of it.
    """
    from lvcheck.document.parse import read_bytes
    from lvcheck.importing.options import Options
    from lvcheck.importing.run import import_document

    if isinstance(source, bytes):
        data, name = source, label or "<bytes>"
    else:
        data, name = read_bytes(Path(source), limit=_IMPORT_LIMIT), label or str(source)
    options = Options(
        template=load(template) if template is not None else None,
        onto=load(onto) if onto is not None else None,
        accept_changes=accept_changes,
        jurisdiction=jurisdiction,
        work=work,
    )
    return import_document(data, name, options)


_IMPORT_LIMIT = 64 * 1024 * 1024  # a Word or PDF source with its pictures; text is far less


def fidelity(source: str | Path, agreement: Source) -> Fidelity:
    """Which words of a source (.docx, .pdf, .txt, .md) an agreement misses or invents.

    Raises LvcheckError when either cannot be read.
    """
    from lvcheck.document.parse import read_bytes
    from lvcheck.importing.fidelity import agreement_words, compare, source_words
    from lvcheck.importing.run import read_source

    path = Path(source)
    read = read_source(read_bytes(path, limit=_IMPORT_LIMIT), str(path), accept=None)
    return compare(source_words(read), agreement_words(load(agreement)))
