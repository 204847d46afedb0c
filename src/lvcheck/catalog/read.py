"""Reading a repository into its catalog: each file parsed once (the hardened parser and
the schema gate), its record made from the tree, the tree kept for what asks next."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.declaration import Declaration, declaration_of
from lvcheck.catalog.record import Record, record_of
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.files import iter_agreement_files, repository_context


class _Read(NamedTuple):
    records: list[Record]
    trees: dict[str, etree._Element]
    diagnostics: list[Diagnostic]
    declarations: list[Declaration]


def _read(files: Iterable[Path]) -> _Read:
    from lvcheck.document.load import load_tree
    from lvcheck.document.parse import REPOSITORY_ROOTS, is_declaration

    read = _Read([], {}, [], [])
    for path in files:
        try:
            root = load_tree(path, REPOSITORY_ROOTS).getroot()
        except LvcheckError as error:
            read.diagnostics.extend(error.diagnostics)
            continue
        if is_declaration(root):
            declaration = declaration_of(root, str(path))
            if declaration is not None:
                read.declarations.append(declaration)
            continue
        record = record_of(root, str(path))
        if record is not None:
            read.records.append(record)
            read.trees[record.path] = root
    return read


def read_catalog(paths: Iterable[Path]) -> tuple[Catalog, list[Diagnostic]]:
    """The catalog of the files (folders searched for *.xml) and the diagnostics of those
    that cannot be read as agreements (validate reports them in full)."""
    read = _read(iter_agreement_files(paths))
    catalog = Catalog(read.records, read.trees, declarations=read.declarations)
    return catalog, read.diagnostics


class Repository(NamedTuple):
    """The files asked about, in the catalog of the repository around them."""

    catalog: Catalog
    listed: tuple[Record, ...]  # the records of the files asked about, in their order
    diagnostics: tuple[Diagnostic, ...]  # of the files asked about that cannot be read


def read_repository(paths: Iterable[Path]) -> Repository:
    """The files (folders searched for *.xml) and the repository around them: the other
    files of the contracts/ folders that hold them, which their relations and amendments
    may name, and whose own faults validate reports."""
    files = list(iter_agreement_files(paths))
    asked, around = _read(files), _read(repository_context(files))
    catalog = Catalog(
        [*asked.records, *around.records],
        {**around.trees, **asked.trees},
        declarations=[*asked.declarations, *around.declarations],
    )
    return Repository(catalog, tuple(asked.records), tuple(asked.diagnostics))
