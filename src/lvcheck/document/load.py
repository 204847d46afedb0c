"""Loading an agreement for tools that need its model (export, diff): parse, check the
schema, build the model. Semantic rules are `lvcheck validate`'s business, not a load's."""

from __future__ import annotations

import subprocess
from pathlib import Path

from lxml import etree

from lvcheck import codes
from lvcheck.document.model import Agreement
from lvcheck.document.parse import parse_bytes, parse_file
from lvcheck.document.read import read_agreement
from lvcheck.document.schema import schema_diagnostics
from lvcheck.errors import LvcheckError


def _read_valid(tree: etree._ElementTree, label: str) -> Agreement:
    """The model of a tree that passes the schema. Raises LvcheckError with all its findings."""
    findings = schema_diagnostics(tree, label)
    if findings:
        raise LvcheckError.from_diagnostics(findings)
    return read_agreement(tree)


def load_agreement(path: Path) -> Agreement:
    """The model of a schema-valid agreement file. Raises LvcheckError with all its findings."""
    return _read_valid(parse_file(path), str(path))


def load_agreement_bytes(data: bytes, label: str) -> Agreement:
    """The model of agreement XML held in memory (e.g. from git). Raises LvcheckError."""
    return _read_valid(parse_bytes(data, label), label)


def _git_blob(spec: str) -> bytes:
    """The bytes of REV:path from the git repository around the working folder."""
    if spec.startswith("-"):
        raise LvcheckError(spec, 1, 1, codes.UNREADABLE, "a git revision cannot start with '-'")
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", spec],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LvcheckError(spec, 1, 1, codes.UNREADABLE, f"cannot run git: {exc}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        message = reason[-1] if reason else "git cannot read it"
        raise LvcheckError(spec, 1, 1, codes.UNREADABLE, f"not in git: {message}")
    return done.stdout  # parse_bytes refuses it if it is too large


def load_side(spec: str) -> Agreement:
    """An agreement from a file, or from git as REV:path (main:contracts/nrw/x.xml).

    A path that exists is a file, even if it contains a colon. Raises LvcheckError.
    """
    path = Path(spec)
    try:
        exists = path.exists()
    except OSError:  # e.g. a name too long for the file system: reading it says so
        exists = False
    if exists or ":" not in spec:
        return load_agreement(path)
    return load_agreement_bytes(_git_blob(spec), spec)
