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
    """The weight of a changed header fact or field ("term.end", "field:kita.name")."""
    table: dict[str, str] = _table()["metadata"]
    if subject.startswith("field:"):
        return Level(table.get("field", table["default"]))
    head = subject.split(".", 1)[0]
    return Level(table.get(subject, table.get(head, table["default"])))
