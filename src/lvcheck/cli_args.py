"""What every command of the command line shares: exit codes and the default paths."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

EXIT_FINDINGS = 1  # invalid or non-canonical documents
EXIT_TROUBLE = 2  # usage errors, input that cannot be used at all
DEFAULT_FOLDER = Path("contracts")


def fail(message: str) -> NoReturn:
    raise click.UsageError(message)


def default_paths(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The paths given, else the contracts/ folder here."""
    if paths:
        return paths
    if DEFAULT_FOLDER.is_dir():
        return (DEFAULT_FOLDER,)
    fail("no PATH given and no contracts/ folder here; name the files or folders to check")
