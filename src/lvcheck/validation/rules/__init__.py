"""Semantic rules, one module per concern. Each document rule takes a schema-valid
Document and yields diagnostics; repository rules compare the files of a repository."""

from __future__ import annotations

from collections.abc import Callable

from lvcheck.validation.rules import (
    characters,
    clauses,
    eids,
    fields,
    header,
    names,
    numbering,
    references,
)
from lvcheck.validation.rules.base import Document, Findings

DOCUMENT_RULES: tuple[Callable[[Document], Findings], ...] = (
    eids.check,
    names.check,
    numbering.check,
    references.check,
    header.check,
    fields.check,
    clauses.check,
    characters.check,
)
