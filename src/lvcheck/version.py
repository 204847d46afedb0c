"""The version of lvcheck, as the package metadata says it: written once, in pyproject.toml."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed version; "0+unknown" where lvcheck runs from a folder never installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("lvcheck")
    except PackageNotFoundError:
        return "0+unknown"
