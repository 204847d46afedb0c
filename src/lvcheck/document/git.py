"""Agreements in git: a blob by ``REV:path``, the files of a commit, what changed between
two commits, which files of a commit contain a word.

git runs as a subprocess, in the working folder (or ``repository``), through its plumbing
commands, so that no user configuration (colours, external diff, textconv) changes what
lvcheck reads. Names are read NUL-separated and pathspecs taken literally: a file name
cannot split a record or act as an option. Every failure raises LvcheckError (LV101), and
a blob larger than parse.MAX_BYTES is refused unread (LV105).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lvcheck import codes
from lvcheck.document.parse import MAX_BYTES
from lvcheck.errors import LvcheckError

TIMEOUT = 120  # seconds for one git command


def _run(
    args: Sequence[str],
    what: str,
    repository: Path | None = None,
    stdin: bytes | None = None,
    allowed: tuple[int, ...] = (0,),
    refusal: str = "",
) -> bytes:
    """The output of ``git ARGS``; ``what`` names the subject of an error message, whose
    words are ``refusal`` if given, else git's own last line."""
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *args],
            input=stdin,
            capture_output=True,
            timeout=TIMEOUT,
            cwd=repository,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LvcheckError(what, 1, 1, codes.UNREADABLE, f"cannot run git: {exc}") from None
    if done.returncode not in allowed:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        message = refusal or (reason[-1].removeprefix("fatal: ") if reason else "git refused")
        raise LvcheckError(what, 1, 1, codes.UNREADABLE, f"not in git: {message}")
    return done.stdout


def _no_option(text: str) -> None:
    if text.startswith("-"):
        raise LvcheckError(text, 1, 1, codes.UNREADABLE, "a git revision cannot start with '-'")


def _names(output: bytes) -> list[str]:
    # os.fsdecode: a name that is not UTF-8 keeps its bytes (as surrogates), like a Path
    return [os.fsdecode(name) for name in output.split(b"\0") if name]


def commit_of(revision: str, repository: Path | None = None) -> str:
    """The full id of the commit that ``revision`` names (a branch, a tag, HEAD~2…)."""
    _no_option(revision)
    output = _run(
        ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        revision,
        repository,
        refusal="no commit of that name",
    )
    return output.decode("ascii").strip()


def top_level(repository: Path | None = None) -> Path:
    """The top folder of the repository around ``repository`` (or the working folder)."""
    output = _run(["rev-parse", "--show-toplevel"], str(repository or "."), repository)
    return Path(os.fsdecode(output.rstrip(b"\n")))


def blob(spec: str, repository: Path | None = None) -> bytes:
    """The bytes of ``REV:path``."""
    _no_option(spec)
    # without --verify, git says what is missing: "path 'x.xml' does not exist in 'main'"
    blob_id = _run(["rev-parse", spec], spec, repository).decode("ascii").strip()
    found = read_blobs({blob_id: spec}, repository)[blob_id]
    if isinstance(found, LvcheckError):
        raise found
    return found


def read_blobs(
    names: dict[str, str], repository: Path | None = None
) -> dict[str, bytes | LvcheckError]:
    """The bytes of each blob (id -> the name to use in messages), in one git process; an
    error for a blob that is missing, not a file, or too large (then left unread)."""
    if not names:
        return {}
    request = "".join(f"{blob_id}\n" for blob_id in names).encode("ascii")
    sizes = _run(["cat-file", "--batch-check"], "git cat-file", repository, request)
    found: dict[str, bytes | LvcheckError] = {}
    wanted = []
    for (blob_id, name), line in zip(
        names.items(), sizes.decode("ascii").splitlines(), strict=True
    ):
        fields = line.split()
        if len(fields) != 3 or fields[1] != "blob":
            kind = "a folder, not a file" if fields[1:2] == ["tree"] else "no such file"
            found[blob_id] = LvcheckError(name, 1, 1, codes.UNREADABLE, f"not in git: {kind}")
        elif int(fields[2]) > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            message = f"file is larger than {limit} MiB; expected an agreement"
            found[blob_id] = LvcheckError(name, 1, 1, codes.TOO_LARGE, message)
        else:
            wanted.append(blob_id)
    if not wanted:
        return found
    request = "".join(f"{blob_id}\n" for blob_id in wanted).encode("ascii")
    output = _run(["cat-file", "--batch"], "git cat-file", repository, request)
    position = 0
    for blob_id in wanted:  # each: "<id> blob <size>\n<bytes>\n"
        end_of_header = output.index(b"\n", position)
        size = int(output[position:end_of_header].split()[2])
        start = end_of_header + 1
        found[blob_id] = output[start : start + size]
        position = start + size + 1
    return found


def files_at(commit: str, paths: Sequence[str], repository: Path | None = None) -> dict[str, str]:
    """Every file under ``paths`` in ``commit``: its path from the top of the repository,
    and its blob id."""
    output = _run(["ls-tree", "-r", "-z", "--full-name", commit, "--", *paths], commit, repository)
    found = {}
    for record in output.split(b"\0"):
        if record:
            head, _, name = record.partition(b"\t")
            _mode, kind, blob_id = head.split()
            if kind == b"blob":
                found[os.fsdecode(name)] = blob_id.decode("ascii")
    return found


def containing(
    commit: str, text: str, paths: Sequence[str], repository: Path | None = None
) -> list[str]:
    """The files under ``paths`` in ``commit`` whose bytes contain ``text``."""
    output = _run(
        ["grep", "-l", "-z", "-F", "--full-name", "-e", text, commit, "--", *paths],
        commit,
        repository,
        allowed=(0, 1),  # 1: found nowhere
    )
    return [name.removeprefix(f"{commit}:") for name in _names(output)]


@dataclass(frozen=True)
class Change:
    """One file changed between two commits, as git's raw diff reports it."""

    status: str  # A added, M modified, D deleted, R renamed, T type changed
    path: str  # in the later commit (in the earlier one for a deleted file)
    old_path: str | None  # in the earlier commit; None for an added file
    old_blob: str | None
    new_blob: str | None


def _blob_or_none(blob_id: str) -> str | None:
    return None if blob_id.strip("0") == "" else blob_id  # all zeros: no such side


def changes(
    base: str, head: str, paths: Sequence[str], repository: Path | None = None
) -> list[Change]:
    """The files under ``paths`` that differ between two commits, renames detected."""
    output = _run(
        ["diff-tree", "-r", "-z", "-M", "--no-abbrev", base, head, "--", *paths],
        f"{base}..{head}",
        repository,
    )
    fields = output.split(b"\0")
    found = []
    position = 0
    while position < len(fields) - 1:
        # ":100644 100644 <old id> <new id> <status>", then one name, or two for R and C
        _, _, old_blob, new_blob, status = fields[position].decode("ascii").split()
        names = 2 if status[0] in "RC" else 1
        old_name, new_name = (
            os.fsdecode(fields[position + 1]),
            os.fsdecode(fields[position + names]),
        )
        position += 1 + names
        found.append(
            Change(
                status=status[0],
                path=new_name,
                old_path=None if status[0] == "A" else old_name,
                old_blob=_blob_or_none(old_blob),
                new_blob=_blob_or_none(new_blob),
            )
        )
    return found
