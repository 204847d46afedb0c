"""`lvcheck fmt` as a library: bring files into the canonical layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lvcheck.canonical import serialize
from lvcheck.files import write_atomic
from lvcheck.parse import parse_bytes, read_bytes


@dataclass(frozen=True)
class FormatResult:
    path: Path
    changed: bool  # the file was not canonical (and, unless checking, has been rewritten)


def format_file(path: Path, check_only: bool) -> FormatResult:
    """Rewrite one file canonically, or only tell whether it is. Raises LvcheckError."""
    data = read_bytes(path)
    canonical = serialize(parse_bytes(data, str(path)))
    if canonical == data:
        return FormatResult(path, changed=False)
    if not check_only:
        write_atomic(path, canonical)
    return FormatResult(path, changed=True)
