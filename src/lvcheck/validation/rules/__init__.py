"""Semantic rules, one module per concern. Each document rule takes a schema-valid
Document and yields diagnostics; repository rules compare the files of a repository."""

from __future__ import annotations

from collections.abc import Callable

from lvcheck.validation.rules import (
    characters,
    citations,
    clauses,
    duties,
    eids,
    facts,
    fields,
    header,
    names,
    numbering,
    references,
    signed,
)
from lvcheck.validation.rules.base import Document, Findings

Rule = Callable[[Document], Findings]

# Rules that read only the text after the header, never a filled value: their findings are
# the same for every instance of a template (validation/memo.py remembers them).
TEXT_RULES: tuple[Rule, ...] = (
    eids.check,
    numbering.check,
    references.check_text,
    characters.check_text,
    citations.check_text,
)
# Rules that read the header or the values filled in.
HEADER_AND_VALUE_RULES: tuple[Rule, ...] = (
    names.check,
    references.check_header,
    header.check,
    fields.check,
    clauses.check,
    facts.check,
    duties.check,
    characters.check_header_and_values,
    citations.check_header,
    signed.check,
)
DOCUMENT_RULES = TEXT_RULES + HEADER_AND_VALUE_RULES
