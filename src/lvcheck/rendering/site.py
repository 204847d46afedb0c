"""A static site of a folder of agreements: an index by Land and kind, a page per version,
and a comparison page (redline and Synopse) between successive versions.

Successive means: a version and the one that supersedes it (by the relations in the
headers, also across works, as the NRW model contract replaces the interim agreement), or,
within one work, the next version by start of term. Each page links the index, its
template, its predecessor and successor and the comparisons it takes part in.

Names: a version's page keeps its source's path (``nrw/vertrag.xml`` → ``nrw/vertrag.html``);
a comparison page is named after both versions. Two pages that would get one name (a work
called ``index``, two comparisons whose names meet) are refused with an error naming both
sources: nothing is overwritten silently. The site is written into a temporary folder
beside its place and moved into place only when every page is written, the index last: a
full disk mid-build leaves the previous site (or none), never an index that links missing
pages. The build is linear in the number of sources: each is read once, into the catalog,
which resolves every relation and serves the pages, the deadlines and the status alike.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from lvcheck import codes, labels
from lvcheck.catalog.catalog import Catalog, version_order
from lvcheck.catalog.read import Repository, read_repository
from lvcheck.catalog.record import Record
from lvcheck.comparison.engine import diff_agreements
from lvcheck.document.model import Agreement
from lvcheck.document.periods import add_months
from lvcheck.errors import LvcheckError
from lvcheck.rendering.deadlines import render_deadlines_ics
from lvcheck.rendering.deadlines_html import render_deadlines_page
from lvcheck.rendering.diff_html import render_diff_html
from lvcheck.rendering.html import render_html
from lvcheck.rendering.htmlkit import new_page, serialize, sub, table, typeset
from lvcheck.rendering.pageparts import (
    Link,
    SiteLinks,
    kind_of,
    stand,
    status_label,
    term_text,
)
from lvcheck.rendering.readings import reading_version
from lvcheck.timeline.deadlines import deadlines
from lvcheck.timeline.status import status

INDEX = PurePosixPath("index.html")
DEADLINES = PurePosixPath("fristen.html")
CALENDAR = PurePosixPath("fristen.ics")  # a calendar subscribes to it: current on each build


@dataclass(frozen=True)
class Entry:
    source: Path
    page: PurePosixPath  # relative to the site folder
    agreement: Agreement
    record: Record

    @property
    def key(self) -> tuple[str, str]:
        return self.record.key

    @property
    def label(self) -> str:
        """How a link to this version reads: its title and "(Fassung 2022-23)"."""
        return f"{self.agreement.meta.title} ({labels.VERSION} {self.agreement.meta.version_id})"


def href(page: PurePosixPath, target: PurePosixPath) -> str:
    """The link from one page of the site to another: relative, every part URL-encoded."""
    relative = os.path.relpath(target.as_posix(), start=page.parent.as_posix() or ".")
    return quote(PurePosixPath(relative).as_posix(), safe="/")


def _version_order(entry: Entry) -> tuple[object, ...]:
    return version_order(entry.record)


def successions(catalog: Catalog, entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """(older, newer) pairs: a version and each that the catalog says replaces it (also
    across works, as the NRW model contract replaces the interim agreement), and the
    versions of one work in the catalog's order."""
    by_path = {entry.record.path: entry for entry in entries}
    pairs: dict[tuple[Path, Path], tuple[Entry, Entry]] = {}
    for entry in entries:
        for successor in catalog.successors(entry.record):
            newer = by_path.get(successor.path)
            if newer is not None:
                pairs[(entry.source, newer.source)] = (entry, newer)
    works = {entry.record.work for entry in entries}
    for work in works:
        versions = [by_path[r.path] for r in catalog.versions(work) if r.path in by_path]
        for older, newer in pairwise(versions):
            pairs.setdefault((older.source, newer.source), (older, newer))
    return sorted(pairs.values(), key=lambda pair: (str(pair[0].page), str(pair[1].page)))


def _templates(catalog: Catalog, entries: list[Entry]) -> dict[Path, Entry]:
    """The template each instance is based on, where it is in the site."""
    by_path = {entry.record.path: entry for entry in entries}
    found = {}
    for entry in entries:
        template = catalog.template_of(entry.record)
        if template is not None and template.path in by_path:
            found[entry.source] = by_path[template.path]
    return found


def _amendments(catalog: Catalog, entries: list[Entry]) -> dict[Path, list[Entry]]:
    """The Nachträge in the site of each version they amend, in the order they apply."""
    by_path = {entry.record.path: entry for entry in entries}
    found: dict[Path, list[Entry]] = {}
    for entry in entries:
        own = [by_path[a.path] for a in catalog.amendments_of(entry.record) if a.path in by_path]
        if own:
            found[entry.source] = own
    return found


def _comparison_page(older: Entry, newer: Entry) -> PurePosixPath:
    return older.page.parent / f"vergleich--{older.page.stem}--{newer.page.stem}.html"


def _consolidated_page(base: Entry) -> PurePosixPath:
    return base.page.parent / f"{base.page.stem}--lesefassung.html"


def _index(entries: list[Entry], failed: list[tuple[Path, str]]) -> str:
    html, body = new_page(labels.AGREEMENTS, "agreement", running_header=labels.AGREEMENTS)
    header = sub(body, "header", class_="titelblock")
    sub(header, "h1", labels.AGREEMENTS)
    sub(header, "p", labels.VERSIONS_BY_LAND.format(count=len(entries)))
    sub(sub(header, "p"), "a", labels.DEADLINES_LINK, href=DEADLINES.name)
    main = sub(body, "main", id="inhalt")
    groups: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        meta = entry.agreement.meta
        groups[meta.jurisdiction][kind_of(meta)].append(entry)
    for jurisdiction in sorted(groups, key=lambda j: labels.LANDS.get(j, j)):
        section = sub(main, "section", id=jurisdiction.lower())
        sub(section, "h2", labels.LANDS.get(jurisdiction, jurisdiction))
        for kind in sorted(groups[jurisdiction], key=list(labels.KIND_GROUPS).index):
            sub(section, "h3", labels.KIND_GROUPS[kind])
            name = f"{labels.KIND_GROUPS[kind]}, {labels.LANDS.get(jurisdiction, jurisdiction)}"
            rows = table(section, labels.INDEX_COLUMNS, name, class_="verzeichnis")
            by_title = sorted(
                groups[jurisdiction][kind],
                key=lambda e: (e.agreement.meta.title.casefold(), _version_order(e)),
            )
            for entry in by_title:
                meta = entry.agreement.meta
                row = sub(rows, "tr")
                sub(sub(row, "td"), "a", meta.title, href=href(INDEX, entry.page))
                sub(row, "td", meta.version_id)
                sub(row, "td", status_label(meta))
                sub(row, "td", stand(meta))
                sub(row, "td", typeset(term_text(entry.agreement)) if meta.term else labels.NONE)
    if failed:
        section = sub(main, "section", id="nicht-lesbar")
        sub(section, "h2", labels.UNREADABLE_FILES)
        items = sub(section, "ul")
        for path, message in failed:
            sub(items, "li", f"{path}: {message}")
    return serialize(html)


def _refuse_collisions(names: list[tuple[PurePosixPath, str]]) -> None:
    """Two pages with one name (also differing in case only, as on Windows and macOS)."""
    seen: dict[str, str] = {}
    for page, origin in names:
        key = page.as_posix().casefold()
        if key in seen:
            raise LvcheckError.usage(
                f"two pages of the site would be written to {page}: the page of {seen[key]} "
                f"and the page of {origin}; rename one of the files"
            )
        seen[key] = origin


def _load(repository: Repository, root: Path) -> tuple[list[Entry], list[tuple[Path, str]]]:
    """Each listed file's entry, its model made from the tree the catalog read; the files
    that cannot be read, each with its first finding."""
    entries: list[Entry] = []
    failed: dict[str, str] = {}
    for diagnostic in repository.diagnostics:
        failed.setdefault(diagnostic.path, str(diagnostic))
    for record in repository.listed:
        path = Path(record.path)
        try:
            agreement = repository.catalog.agreement(record)
        except LvcheckError as error:
            failed.setdefault(record.path, str(error.diagnostic))
            continue
        page = PurePosixPath(path.relative_to(root).with_suffix(".html").as_posix())
        entries.append(Entry(path, page, agreement, record))
    return entries, [(Path(path), message) for path, message in sorted(failed.items())]


def _links(
    catalog: Catalog,
    entries: list[Entry],
    pairs: list[tuple[Entry, Entry]],
    amendments: dict[Path, list[Entry]],
    readable: set[Path],
    today: date,
) -> dict[Path, SiteLinks]:
    templates = _templates(catalog, entries)
    amended: dict[Path, list[Entry]] = defaultdict(list)
    by_source = {e.source: e for e in entries}
    for base, found in amendments.items():
        for amendment in found:
            amended[amendment.source].append(by_source[base])
    before: dict[Path, list[Entry]] = defaultdict(list)
    after: dict[Path, list[Entry]] = defaultdict(list)
    compared: dict[Path, list[tuple[Entry, Entry]]] = defaultdict(list)
    for older, newer in pairs:
        before[newer.source].append(older)
        after[older.source].append(newer)
        compared[older.source].append((older, newer))
        compared[newer.source].append((older, newer))
    links = {}
    for entry in entries:
        page = entry.page

        def link(other: Entry, page: PurePosixPath = page) -> Link:
            return Link(href(page, other.page), other.label)

        template = templates.get(entry.source)
        links[entry.source] = SiteLinks(
            index=href(page, INDEX),
            template=link(template) if template is not None else None,
            predecessors=tuple(link(e) for e in before[entry.source]),
            successors=tuple(link(e) for e in after[entry.source]),
            comparisons=tuple(
                Link(href(page, _comparison_page(o, n)), _comparison_label(o, n))
                for o, n in compared[entry.source]
            ),
            replaced_by=tuple(link(e) for e in after[entry.source]),  # a successor replaces it
            amendments=tuple(link(e) for e in amendments.get(entry.source, ())),
            amends=tuple(link(e) for e in amended[entry.source]),
            consolidated=Link(
                href(page, _consolidated_page(entry)),
                labels.READING_VERSION.format(date=labels.german_date(today)),
            )
            if entry.source in readable
            else None,
        )
    return links


def _source_name(entry: Entry) -> str:
    """The source file as the site names it: its path inside the exported folder."""
    return entry.page.with_suffix(".xml").as_posix()


def _comparison_label(older: Entry, newer: Entry) -> str:
    old, new = older.agreement.meta, newer.agreement.meta
    if old.work_id == new.work_id:
        return f"{labels.VERSION} {old.version_id} → {new.version_id}"
    return f"{old.title} → {new.title}"


def build_site(source: Path, output: Path, today: date | None = None) -> list[Path]:
    """Write the site of every agreement under ``source`` to ``output``; the files written.
    The page "Fristen" and the calendar fristen.ics hold the twelve months from ``today``.

    Raises LvcheckError when two pages would get one name, when a page would replace a
    source file, or when the site cannot be written (nothing is moved into place then).
    """
    repository = read_repository([source])
    catalog = repository.catalog
    sources = [Path(record.path) for record in repository.listed]
    today = today or date.today()
    entries, failed = _load(repository, source)
    pairs = successions(catalog, entries)
    names = [(INDEX, "the index"), (DEADLINES, "the deadlines"), (CALENDAR, "the calendar")]
    names += [(e.page, str(e.source)) for e in entries]
    names += [(_comparison_page(o, n), f"{o.source} and {n.source}") for o, n in pairs]
    amendments = _amendments(catalog, entries)
    by_source = {e.source: e for e in entries}
    readings = {
        source: reading
        for source, found in amendments.items()
        if (reading := reading_version(by_source[source], found, today)) is not None
    }
    names += [(_consolidated_page(by_source[s]), f"{s} with its amendments") for s in readings]
    _refuse_collisions(names)
    links = _links(catalog, entries, pairs, amendments, set(readings), today)
    with _Staging(output, sources) as staging:
        for entry in entries:  # each page written as soon as it is made: memory stays flat
            text = render_html(entry.agreement, _source_name(entry), links[entry.source])
            staging.add(entry.page, text)
            if entry.source in readings:
                page = _consolidated_page(entry)
                around = SiteLinks(  # beside the signed text: the same relative links
                    index=href(page, INDEX),
                    signed=Link(entry.page.name, entry.label),
                    amendments=links[entry.source].amendments,
                )
                staging.add(page, render_html(readings[entry.source], _source_name(entry), around))
        for older, newer in pairs:
            result = diff_agreements(  # sources named as in the repository, not where it lies
                older.agreement, newer.agreement, _source_name(older), _source_name(newer)
            )
            page = _comparison_page(older, newer)
            around = SiteLinks(
                index=href(page, INDEX),
                predecessors=(Link(href(page, older.page), older.label),),
                successors=(Link(href(page, newer.page), newer.label),),
            )
            staging.add(page, render_diff_html(result, around))
        calendar = deadlines(repository, today, add_months(today, 12))
        pages = {str(e.source): href(DEADLINES, e.page) for e in entries}
        due = [
            (state.path, state.title, duty)
            for work in status(repository, today, next_notices=False).works
            for state in work.versions
            for duty in state.due
        ]
        fristen = render_deadlines_page(calendar, pages, CALENDAR.name, INDEX.name, due)
        staging.add(DEADLINES, fristen)
        staging.add(CALENDAR, render_deadlines_ics(calendar))
        staging.add(INDEX, _index(entries, failed))
        return staging.move_into_place()


def _cannot_write(output: Path, exc: OSError) -> LvcheckError:
    message = f"cannot write: {exc.strerror or exc}"
    return LvcheckError(str(output), 1, 1, codes.UNREADABLE, message)


class _Staging:
    """Pages written into a temporary folder inside ``output`` (so that moving them is a
    rename on one file system), then moved into place, the index last; the folder is gone
    afterwards, whatever happened. A source file is never replaced."""

    def __init__(self, output: Path, sources: list[Path]) -> None:
        self.output = output
        self.pages: list[PurePosixPath] = []
        self.inputs: set[object] = set()
        for path in sources:  # once, so that checking every page against them is linear
            self.inputs.add(path.resolve())
            try:
                status = path.stat()
                self.inputs.add((status.st_dev, status.st_ino))  # the same file, linked
            except OSError:
                pass

    def __enter__(self) -> _Staging:
        try:
            self.output.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=".lvcheck-site-", dir=self.output))
        except OSError as exc:
            raise _cannot_write(self.output, exc) from None
        return self

    def __exit__(self, *exc_info: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def add(self, page: PurePosixPath, text: str) -> None:
        target = self.output / page
        if _is_input(target, self.inputs):
            message = f"refusing to overwrite the input file {target}"
            raise LvcheckError(str(target), 1, 1, codes.UNREADABLE, message)
        staged = self.folder / page
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(text.encode("utf-8"))
        except OSError as exc:
            raise _cannot_write(self.output, exc) from None
        self.pages.append(page)

    def move_into_place(self) -> list[Path]:
        written = []
        try:
            for page in sorted(self.pages, key=lambda page: (page == INDEX, page.as_posix())):
                target = self.output / page
                target.parent.mkdir(parents=True, exist_ok=True)
                (self.folder / page).replace(target)
                written.append(target)
        except OSError as exc:
            raise _cannot_write(self.output, exc) from None
        return written


def _is_input(target: Path, inputs: set[object]) -> bool:
    if target.resolve() in inputs:
        return True
    try:
        status = target.stat()
    except OSError:
        return False
    return (status.st_dev, status.st_ino) in inputs
