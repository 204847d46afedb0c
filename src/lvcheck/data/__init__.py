"""The data files lvcheck ships (statutes, regions, required clauses, diff severities):
facts that change without a code change. Each file is read once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent


@cache
def load(name: str) -> dict[str, Any]:
    """One TOML file of this folder, parsed (cached: callers must not change it)."""
    # A plain path, not importlib.resources: the package is always unpacked on disk, and
    # importing importlib.resources costs a tenth of lvcheck's start-up.
    with (FOLDER / name).open("rb") as handle:
        return tomllib.load(handle)
