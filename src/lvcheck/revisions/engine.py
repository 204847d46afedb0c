"""The review of the agreements changed between two commits.

Each changed file is compared with the version it follows:
- a modified or renamed file with itself at BASE;
- an added file with the version its header says it supersedes (<supersedes>), or else
  with the version whose header says it is superseded by this one (<supersededBy>), found
  by work and version among the agreements of BASE (then of HEAD, for a chain of new
  versions in one pull request); with neither, it is a new agreement;
- with ``templates``, an instance (<basedOn>) also with its template at HEAD, reporting
  only where its text departs from it.

A side that cannot be read as an agreement is a problem of that file; the other files are
still reviewed. Git failures (no such revision) raise LvcheckError.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

from lvcheck import codes
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.declaration import declaration_of
from lvcheck.catalog.record import Record, record_of
from lvcheck.comparison.engine import diff_agreements
from lvcheck.document import git
from lvcheck.document.kinds import RelationKind
from lvcheck.document.load import Parsed, parse_agreement_bytes, parse_repository_bytes
from lvcheck.document.model import Agreement
from lvcheck.document.parse import NAMESPACE, is_declaration
from lvcheck.errors import Diagnostic, LvcheckError, Severity
from lvcheck.labels import german_date
from lvcheck.revisions.model import Comparison, FileReview, FileStatus, Pairing, Review, Version
from lvcheck.safe_text import escape_controls
from lvcheck.timeline.notices import notices_of

NS = f"{{{NAMESPACE}}}"
_Found = tuple[Version, str]  # a version and its blob
_STATUS = {
    "A": FileStatus.ADDED,
    "M": FileStatus.MODIFIED,
    "T": FileStatus.MODIFIED,
    "R": FileStatus.RENAMED,
    "D": FileStatus.DELETED,
}


@dataclass
class _Repository:
    """git at the top of one repository, every agreement read from it by blob, and the
    catalog of the files of a commit that a relation may name."""

    top: Path
    paths: list[str]
    loaded: dict[str, Parsed | LvcheckError] = field(default_factory=dict)
    listed: dict[str, dict[str, str]] = field(default_factory=dict)

    def files(self, commit: str) -> dict[str, str]:
        """The files under the reviewed paths in ``commit``, path -> blob."""
        if commit not in self.listed:
            self.listed[commit] = git.files_at(commit, self.paths, self.top)
        return self.listed[commit]

    def load_all(self, labels: dict[str, str]) -> None:
        """Read the agreements of many blobs (blob -> label) in one git process."""
        todo = {blob: label for blob, label in labels.items() if blob not in self.loaded}
        for blob, data in git.read_blobs(todo, self.top).items():
            if isinstance(data, LvcheckError):
                self.loaded[blob] = data
                continue
            try:
                self.loaded[blob] = parse_agreement_bytes(data, todo[blob])
            except LvcheckError as error:
                self.loaded[blob] = error

    def load(self, blob: str, label: str) -> Agreement | LvcheckError:
        self.load_all({blob: label})
        found = self.loaded[blob]
        return found if isinstance(found, LvcheckError) else found.agreement

    def record(self, commit: str, path: str, blob: str) -> Record | None:
        """The catalog record of a file of ``commit`` (its path in the record: ``path``)."""
        self.load_all({blob: f"{commit[:12]}:{path}"})
        found = self.loaded[blob]
        if isinstance(found, LvcheckError):
            return None
        return record_of(found.tree.getroot(), path)

    def catalog(self, commit: str, works: set[str], new: Record) -> Catalog:
        """The catalog of ``new`` and of the files of ``commit`` (other than ``new``'s) whose
        bytes name one of ``works``: all a relation naming them can resolve to; only those
        are read."""
        besides = new.path
        blobs = self.files(commit)
        paths = {
            path
            for work in sorted(works)
            for path in git.containing(commit, work, self.paths, self.top)
            if path != besides and path in blobs and path.endswith(".xml")
        }
        self.load_all({blobs[p]: f"{commit[:12]}:{p}" for p in sorted(paths)})
        records = [r for p in sorted(paths) if (r := self.record(commit, p, blobs[p]))]
        return Catalog([*records, new], load=lambda path: self.tree_at(commit, path))

    def tree_at(self, commit: str, path: str) -> etree._ElementTree:
        found = self.loaded[self.files(commit)[path]]
        if isinstance(found, LvcheckError):
            raise found
        return found.tree

    def found(self, commit: str, record: Record) -> _Found:
        blob = self.files(commit)[record.path]
        return Version(commit, record.path, record.work, record.version), blob


def _as_agreement_change(change: git.Change) -> git.Change | None:
    """The change as it concerns agreement files (*.xml): a rename to another kind of file
    deletes an agreement, one from another kind adds one."""
    was = change.old_path is not None and change.old_path.endswith(".xml")
    now = change.new_blob is not None and change.path.endswith(".xml")
    if was and not now:
        assert change.old_path is not None
        return git.Change("D", change.old_path, change.old_path, change.old_blob, None)
    if now and not was:
        return git.Change("A", change.path, None, None, change.new_blob)
    return change if was else None


def _split_false_rename(
    repository: _Repository, base: str, head: str, change: git.Change
) -> list[git.Change]:
    """git calls a deleted file and an added one a rename when their bytes are alike; two
    agreements of different works are no rename but a deletion and a new file, which is
    then paired by its header."""
    if change.status != "R" or change.old_blob is None or change.new_blob is None:
        return [change]
    assert change.old_path is not None
    before = repository.load(change.old_blob, f"{base[:12]}:{change.old_path}")
    after = repository.load(change.new_blob, f"{head[:12]}:{change.path}")
    if isinstance(before, LvcheckError) or isinstance(after, LvcheckError):
        return [change]
    if before.meta.work_id == after.meta.work_id:
        return [change]
    return [
        git.Change("D", change.old_path, change.old_path, change.old_blob, None),
        git.Change("A", change.path, None, None, change.new_blob),
    ]


def _version(commit: str, path: str, agreement: Agreement | None = None) -> Version:
    if agreement is None:
        return Version(commit, path)
    return Version(commit, path, agreement.meta.work_id, agreement.meta.version_id)


def _compare(
    repository: _Repository, old: _Found, new: Agreement, new_spec: str, pairing: Pairing
) -> Comparison | Diagnostic:
    version, blob = old
    before = repository.load(blob, version.spec)
    if isinstance(before, LvcheckError):
        return before.diagnostic
    result = diff_agreements(
        before,
        new,
        escape_controls(version.spec),
        escape_controls(new_spec),
        against_template=pairing is Pairing.TEMPLATE,
    )
    return Comparison(_version(version.commit, version.path, before), pairing, result)


def _predecessor(
    repository: _Repository, review: tuple[str, str], path: str, new: Record
) -> tuple[_Found, Pairing] | None:
    """The version an added file follows, as the catalog resolves it: the newest version its
    <supersedes> names (at BASE, else at HEAD, for a chain of new versions in one pull
    request); else a version whose <supersededBy> names it (at HEAD, else at BASE), compared
    as it was at BASE where it was there (its header gains the <supersededBy> in the same
    pull request, as a rule)."""
    base, head = review
    named = {link.work for link in new.related(RelationKind.SUPERSEDES)}
    for commit in (base, head) if named else ():
        catalog = repository.catalog(commit, named, new)
        found = [r for r in catalog.predecessors(new) if _names(new, r, RelationKind.SUPERSEDES)]
        if found:
            return repository.found(commit, found[-1]), Pairing.SUPERSEDES
    for commit in (head, base):
        catalog = repository.catalog(commit, {new.work}, new)
        found = [
            r for r in catalog.predecessors(new) if not _names(new, r, RelationKind.SUPERSEDES)
        ]
        if found:
            earlier = repository.found(commit, found[-1])
            before = repository.files(base).get(found[-1].path)
            if before:
                return (Version(base, found[-1].path), before), Pairing.SUPERSEDED_BY
            return earlier, Pairing.SUPERSEDED_BY
    return None


def _names(record: Record, other: Record, kind: str) -> bool:
    """Whether a relation of ``kind`` of ``record`` names ``other``."""
    return any(link.names(other) for link in record.related(kind))


def _template(repository: _Repository, head: str, path: str, new: Record) -> _Found | None:
    """The template an instance is based on, at HEAD, as the catalog resolves it."""
    named = {link.work for link in new.related(RelationKind.BASED_ON)}
    if not named:
        return None
    template = repository.catalog(head, named, new).template_of(new)
    if template is None or template.path == new.path:
        return None
    return repository.found(head, template)


def _review_file(
    repository: _Repository, base: str, head: str, change: git.Change, templates: bool
) -> FileReview:
    status = _STATUS.get(change.status, FileStatus.MODIFIED)
    old = None if change.old_path is None else Version(base, change.old_path)
    if status is FileStatus.DELETED:
        return FileReview(status, None, old)
    assert change.new_blob is not None
    spec = f"{head[:12]}:{change.path}"
    new = repository.load(change.new_blob, spec)
    if isinstance(new, LvcheckError):
        declared = _declared(repository, head, change.path, change.new_blob, new)
        if declared is not None:
            return FileReview(status, Version(head, change.path), old, declared=declared)
        return FileReview(status, Version(head, change.path), old, problems=new.diagnostics)
    record = repository.record(head, change.path, change.new_blob)
    assert record is not None  # it was read as an agreement just now
    wanted: list[tuple[_Found, Pairing]] = []
    if old is not None and change.old_blob is not None:
        wanted.append(((old, change.old_blob), Pairing.SAME_FILE))
    else:
        earlier = _predecessor(repository, (base, head), change.path, record)
        if earlier:
            wanted.append(earlier)
    if templates:
        template = _template(repository, head, change.path, record)
        if template:
            wanted.append((template, Pairing.TEMPLATE))
    comparisons, problems = [], []
    for found, pairing in wanted:
        compared = _compare(repository, found, new, spec, pairing)
        if isinstance(compared, Diagnostic):
            problems.append(compared)
        else:
            comparisons.append(compared)
    warnings = _signed_text_changed(repository, change, spec)
    return FileReview(
        status,
        _version(head, change.path, new),
        old,
        tuple(comparisons),
        tuple(problems),
        warnings=warnings,
    )


def _signed_text_changed(
    repository: _Repository, change: git.Change, spec: str
) -> tuple[Diagnostic, ...]:
    """LV392 as a warning of the review: the words of a version concluded at BASE changed,
    or a sealed version's words no longer give its digest."""
    from lvcheck.catalog.lifecycle import lifecycle_of
    from lvcheck.document.citation import element_citation
    from lvcheck.document.seal import recorded_digest, text_digest

    new = repository.loaded.get(change.new_blob or "")
    old = repository.loaded.get(change.old_blob or "") if change.old_blob else None
    if not isinstance(new, Parsed):
        return ()
    root = new.tree.getroot()
    now, recorded = text_digest(root), recorded_digest(root)
    message = ""
    concluded = lifecycle_of(old.tree.getroot()).concluded if isinstance(old, Parsed) else None
    if concluded is not None and isinstance(old, Parsed) and text_digest(old.tree.getroot()) != now:
        message = (
            f"signed text changed: amend it by a Nachtrag or a new version (this version "
            f"was concluded on {german_date(concluded)}; this change edits its words)"
        )
    if not message and recorded is not None and recorded != now:
        message = (
            "signed text changed: amend it by a Nachtrag or a new version (its words no "
            "longer give the digest its header records)"
        )
    if not message:
        return ()
    version = root.find(f"{NS}meta/{NS}version")
    assert version is not None  # schema-valid
    return (
        Diagnostic(
            spec,
            version.sourceline or 1,
            1,
            codes.SIGNED_TEXT_CHANGED,
            message,
            Severity.WARNING,
            element_citation(version),
        ),
    )


def _declared(
    repository: _Repository, head: str, path: str, blob: str, error: LvcheckError
) -> tuple[str, ...] | None:
    """What a declaration file added or changed does (a notice: the end it reaches), as the
    agreement it concerns at ``head`` says; None where the file is no valid declaration."""
    if [d.code for d in error.diagnostics] != [codes.WRONG_ROOT]:
        return None
    spec = f"{head[:12]}:{path}"
    data = git.read_blobs({blob: spec}, repository.top).get(blob)
    try:
        if not isinstance(data, bytes):
            return None
        root = parse_repository_bytes(data, spec).getroot()
    except LvcheckError:
        return None
    declaration = declaration_of(root, path) if is_declaration(root) else None
    if declaration is None:
        return None
    blobs = repository.files(head)
    paths = [
        p
        for p in git.containing(head, declaration.work, repository.paths, repository.top)
        if p in blobs and p.endswith(".xml") and p != path
    ]
    records = [r for p in sorted(paths) if (r := repository.record(head, p, blobs[p]))]
    catalog = Catalog(
        records, load=lambda p: repository.tree_at(head, p), declarations=[declaration]
    )
    concerned = catalog.concerned(declaration)
    lines = [declaration.title]
    if concerned is not None:
        lines += [
            line
            for notice in notices_of(catalog, concerned, date.max)
            if notice.path == path
            for line in notice.lines()
        ]
    return tuple(lines)


def review_revisions(
    base: str,
    head: str,
    paths: Sequence[str | Path] = ("contracts",),
    templates: bool = False,
    repository: Path | None = None,
) -> Review:
    """Review the agreement files (*.xml under ``paths``) that differ between ``base`` and
    ``head``. Raises LvcheckError when git cannot be run or a revision does not exist."""
    top = git.top_level(repository)
    here = Path(repository or ".").resolve()
    # pathspecs from the top of the repository, where every git command runs
    relative = [os.path.relpath((here / p).resolve(), top) for p in paths]
    known = _Repository(top, relative)
    base_commit, head_commit = git.commit_of(base, top), git.commit_of(head, top)
    agreements = [
        change
        for raw in git.changes(base_commit, head_commit, relative, top)
        if (change := _as_agreement_change(raw))
    ]
    known.load_all(
        {
            blob: f"{commit[:12]}:{path}"
            for change in agreements
            for commit, path, blob in (
                (base_commit, change.old_path, change.old_blob),
                (head_commit, change.path, change.new_blob),
            )
            if blob is not None
        }
    )
    changed = [
        change
        for agreement in agreements
        for change in _split_false_rename(known, base_commit, head_commit, agreement)
    ]
    files = tuple(
        _review_file(known, base_commit, head_commit, change, templates) for change in changed
    )
    return Review(base, head, base_commit, head_commit, files)
