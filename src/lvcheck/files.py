"""Files: finding the agreements in folders, and writing output safely (atomically,
never over an input)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from lvcheck import codes
from lvcheck.errors import LvcheckError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def refuse_overwriting(target: Path, inputs: Iterable[Path]) -> None:
    """Raise LvcheckError when ``target`` is one of the input files."""
    for source in inputs:
        if _same_file(target, source) or target.resolve() == source.resolve():
            raise LvcheckError(
                str(target),
                1,
                1,
                codes.UNREADABLE,
                f"refusing to overwrite the input file {source}",
            )


def write_atomic(target: Path, data: bytes) -> None:
    """Write all of ``data`` or nothing: a reader never sees half a file.

    Raises LvcheckError when the folder cannot be written.
    """
    import tempfile  # here: `lvcheck validate` writes nothing and need not load it

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            # mkstemp creates 0600; keep the permissions of a file being replaced instead
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
            Path(temporary).chmod(mode)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise LvcheckError(
            str(target), 1, 1, codes.UNREADABLE, f"cannot write: {exc.strerror or exc}"
        ) from None


def iter_agreement_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders searched recursively for *.xml, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.xml") if p.is_file())
        else:
            yield path
