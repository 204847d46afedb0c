"""What a review finds, as data: one FileReview per agreement file that changed between two
commits, with the comparisons made for it and the problems that stopped one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lvcheck.comparison.changes import DiffResult
from lvcheck.errors import Diagnostic


class FileStatus(StrEnum):
    """What git says happened to the file."""

    ADDED = "added"
    MODIFIED = "modified"
    RENAMED = "renamed"
    DELETED = "deleted"


class Pairing(StrEnum):
    """How the version a file is compared with was found."""

    SAME_FILE = "sameFile"  # the file itself (or what git sees it renamed from) at BASE
    SUPERSEDES = "supersedes"  # named by the new file's <supersedes>
    SUPERSEDED_BY = "supersededBy"  # its own <supersededBy> names the new file
    TEMPLATE = "basedOn"  # the template an instance names in <basedOn> (when asked)


@dataclass(frozen=True)
class Version:
    """One agreement file in one commit."""

    commit: str
    path: str
    work: str = ""
    version: str = ""

    @property
    def spec(self) -> str:
        """``COMMIT:path``, as `lvcheck diff` takes it: short, and still unambiguous."""
        return f"{self.commit[:12]}:{self.path}"


@dataclass(frozen=True)
class Comparison:
    old: Version
    pairing: Pairing
    result: DiffResult


@dataclass(frozen=True)
class FileReview:
    status: FileStatus
    new: Version | None  # None for a deleted file
    old: Version | None  # the file at BASE; None for an added file
    comparisons: tuple[Comparison, ...] = ()
    problems: tuple[Diagnostic, ...] = ()  # a side that cannot be read as an agreement
    declared: tuple[str, ...] = ()  # a declaration's file: what it does, in German
    warnings: tuple[Diagnostic, ...] = ()  # signed text changed (LV392)

    @property
    def path(self) -> str:
        shown = self.new or self.old
        assert shown is not None
        return shown.path

    @property
    def changed(self) -> bool:
        """Whether this pull request changes the agreement: a file added, deleted or
        renamed, or a difference from the version it follows (a template's is not one)."""
        if self.status is not FileStatus.MODIFIED:
            return True
        return any(
            not c.result.is_empty for c in self.comparisons if c.pairing is not Pairing.TEMPLATE
        )


@dataclass(frozen=True)
class Review:
    base: str  # the revisions as given
    head: str
    base_commit: str
    head_commit: str
    files: tuple[FileReview, ...]

    @property
    def changed(self) -> bool:
        return any(f.changed for f in self.files)

    @property
    def problems(self) -> tuple[Diagnostic, ...]:
        return tuple(d for f in self.files for d in f.problems)
