"""Files: which files form a repository of agreements (the files and folders given, and
the contracts/ folders around them)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def iter_agreement_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders searched recursively for *.xml, in a stable order.

    Never raises, and never skips in silence: a path whose kind cannot even be asked (a
    name too long) and a folder that cannot be listed are yielded as they are, so that
    reading them reports why (LV101) while the other files are still checked.
    """
    for path in paths:
        if is_folder(path):
            yield from _agreements_in(path)
        else:
            yield path


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False where even that cannot be asked (a name too long
    for the file system), so that reading the path then reports why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _agreements_in(folder: Path) -> list[Path]:
    found: list[Path] = []

    def unlisted(error: OSError) -> None:  # Path.rglob would skip such a folder silently
        found.append(Path(error.filename) if error.filename else folder)

    for parent, _, names in os.walk(folder, onerror=unlisted):
        for name in names:
            path = Path(parent, name)
            if name.endswith(".xml") and path.is_file():
                found.append(path)
    return sorted(found)


def repository_folders(folder: Path) -> list[Path]:
    """The folders named contracts/ that hold ``folder`` (itself included), nearest first:
    the repository whose other agreements a file's relations and amendments may name."""
    return [p for p in (folder, *folder.parents) if p.name == "contracts"]


def _display(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def repository_context(files: list[Path]) -> list[Path]:
    """The other agreement files of the contracts/ folders that hold ``files``: what their
    relations (templates, successors) and amendments may name."""
    # abspath, not resolve(): no system call per file, and it matters at 10,000 files
    given = {os.path.abspath(path) for path in files}  # noqa: PTH100
    folders = {os.path.dirname(name) for name in given}  # noqa: PTH120
    roots = {root for folder in folders for root in repository_folders(Path(folder))}
    context = {
        _display(other)
        for root in roots
        for other in root.rglob("*.xml")
        if os.path.abspath(other) not in given and other.is_file()  # noqa: PTH100
    }
    return sorted(context)
