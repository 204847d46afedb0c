"""Tests that need a program or an optional package: in CI (CI=true) its absence is a
failure with a clear message, never a silent skip; on a developer's machine a skip that
says what to install."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(what: str) -> None:
    """Fail in CI, skip elsewhere, naming what is missing and how to get it."""
    if IN_CI:
        pytest.fail(f"{what} (CI must run these tests; .ci/run installs it)", pytrace=False)
    pytest.skip(what)


def module(name: str, install: str) -> ModuleType:
    """Import a module the test needs."""
    try:
        return importlib.import_module(name)
    except (ImportError, OSError) as exc:  # OSError: a package without its system libraries
        missing(f"needs {name} ({install}): {exc}")
        raise  # not reached: missing() fails or skips


def program(path: Path, install: str) -> Path:
    """A program the test needs, at its fixed place."""
    if not path.exists():
        missing(f"needs {path} ({install})")
    return path
