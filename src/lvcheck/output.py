"""Output written safely: atomically (a reader never sees half a file), never over an
input, and without leaving the temporary files of a killed run behind."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
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


# write_atomic's temporary files: ".NAME.lvcheck-PID-XXXXXXXX.tmp" beside NAME. The PID
# says whose it is, so that the next run can tell one left by a killed run from one that a
# running lvcheck is still writing. Older versions wrote ".NAME.XXXXXXXX"; such a name is
# taken for theirs only beside a file NAME of a kind lvcheck writes.
# (Patterns as strings: re compiles them when a dot-file is first met, not at every start.)
_TEMPORARY = r"\.(?P<name>.+)\.lvcheck-(?P<pid>\d+)-[a-z0-9_]{8}\.tmp"
_OLD_TEMPORARY = r"\.(?P<name>.+\.(?:xml|html|txt|md|json|pdf))\.[a-z0-9_]{8}"
# A temporary file lives while its bytes are written: milliseconds. One this old is
# abandoned even if its PID now belongs to another process.
ABANDONED_AFTER = 60.0  # seconds
_tidied: set[str] = set()  # folders already freed of abandoned temporaries by this process


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: it exists
        return True
    return True


def _abandoned(entry: os.DirEntry[str], siblings: set[str], now: float) -> bool:
    ours = re.fullmatch(_TEMPORARY, entry.name)
    old = None if ours else re.fullmatch(_OLD_TEMPORARY, entry.name)
    if ours is None and (old is None or old.group("name") not in siblings):
        return False
    try:
        age = now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > ABANDONED_AFTER or (ours is not None and not _running(int(ours.group("pid"))))


def remove_abandoned_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files that killed runs of write_atomic left in ``folder``; the
    files deleted. Never raises: tidying up must not stop a write."""
    import time

    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return []
    siblings = {entry.name for entry in entries}
    now = time.time()
    removed = []
    for entry in entries:
        if entry.name.startswith(".") and _abandoned(entry, siblings, now):
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
    return removed


def write_atomic(target: Path, data: bytes) -> None:
    """Write all of ``data`` or nothing: a reader never sees half a file.

    The first write into a folder also removes what killed runs left there (see
    remove_abandoned_temporaries). Raises LvcheckError when the folder cannot be written.
    """
    import tempfile  # here: `lvcheck validate` writes nothing and need not load it

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = os.path.abspath(target.parent)  # noqa: PTH100 (no system call)
        if folder not in _tidied:
            _tidied.add(folder)
            remove_abandoned_temporaries(target.parent)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.lvcheck-{os.getpid()}-", suffix=".tmp", dir=target.parent
        )
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
