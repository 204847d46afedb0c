"""How much a change matters: data/diff_severity.toml, read here and nowhere else."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lvcheck.comparison.changes import Level, WordOp
from lvcheck.data import load


def _table() -> dict[str, Any]:
    return load("diff_severity.toml")


@cache
def _material_pattern() -> re.Pattern[str]:
    patterns = _table()["material"]["patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_material(ops: tuple[WordOp, ...]) -> bool:
    """Do the changed words touch a number, amount, percentage, date or deadline?"""
    pattern = _material_pattern()
    for op in ops:
        if op.op == "equal":
            continue
        for word in re.findall(r"[\w%€§]+", op.old + " " + op.new):
            if pattern.fullmatch(word):
                return True
    return False


def severity(kind: str) -> Level:
    """The weight of a kind of clause change (inserted, moved, modified, …)."""
    table: dict[str, str] = _table()["clause"]
    return Level(table.get(kind, Level.MINOR))


def metadata_severity(subject: str) -> Level:
    """The weight of a changed header fact ("term.end", "version.status")."""
    table: dict[str, str] = _table()["metadata"]
    head = subject.split(".", 1)[0]
    return Level(table.get(subject, table.get(head, table["default"])))


def field_severity(field_type: str) -> Level:
    """The weight of a filled field's changed value, by the field's type (a date, a
    number or a time range is material)."""
    table = _table()
    by_type: dict[str, str] = table["field_types"]
    return Level(by_type.get(field_type, table["metadata"]["field"]))
