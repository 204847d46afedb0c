"""A static site of a folder of agreements: an index by region, a page per version, and a
diff page (redline and Synopse) between successive versions.

Successive means: a version and the one that supersedes it (by the relations in the
headers, also across works, as the NRW model contract replaces the interim agreement), or,
within one work, the next version by start of term. Files are written atomically, and
never over a source file; a source that cannot be loaded is listed in the index with its
finding instead of breaking the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from lvcheck import labels
from lvcheck.comparison.engine import diff_agreements
from lvcheck.document.load import load_agreement
from lvcheck.document.model import Agreement
from lvcheck.errors import LvcheckError
from lvcheck.files import iter_agreement_files, refuse_overwriting, write_atomic
from lvcheck.rendering.diff_html import render_diff_html
from lvcheck.rendering.html import render_html, term_text
from lvcheck.rendering.htmlkit import new_page, serialize, sub


@dataclass(frozen=True)
class Entry:
    source: Path
    page: Path  # relative to the site folder
    agreement: Agreement

    @property
    def key(self) -> tuple[str, str]:
        return (self.agreement.meta.work_id, self.agreement.meta.version_id)


def _successions(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """(older, newer) pairs: by relations, and by order of versions within a work."""
    by_key = {entry.key: entry for entry in entries}
    pairs: dict[tuple[Path, Path], tuple[Entry, Entry]] = {}
    for entry in entries:
        for relation in entry.agreement.meta.relations or ():
            others = [
                e
                for e in entries
                if e.agreement.meta.work_id == relation.work
                and relation.version in (None, e.agreement.meta.version_id)
            ]
            if relation.version is not None:
                others = [by_key[(relation.work, relation.version)]] if others else []
            for other in others:
                if relation.kind == "supersedes":
                    pairs[(other.source, entry.source)] = (other, entry)
                elif relation.kind == "supersededBy":
                    pairs[(entry.source, other.source)] = (entry, other)
    works: dict[str, list[Entry]] = {}
    for entry in entries:
        works.setdefault(entry.agreement.meta.work_id, []).append(entry)
    for versions in works.values():
        versions.sort(key=_version_order)
        for older, newer in pairwise(versions):
            pairs.setdefault((older.source, newer.source), (older, newer))
    return sorted(pairs.values(), key=lambda pair: (str(pair[0].page), str(pair[1].page)))


def _version_order(entry: Entry) -> tuple[str, str]:
    term = entry.agreement.meta.term
    start = term.start.date if term and term.start.date else ""
    return (start, entry.agreement.meta.version_id)


def _index(
    entries: list[Entry], failed: list[tuple[Path, str]], diffs: dict[Path, list[tuple[Path, str]]]
) -> str:
    html, body = new_page(labels.AGREEMENTS, "agreement")
    header = sub(body, "header", class_="titelblock")
    sub(header, "h1", labels.AGREEMENTS)
    sub(header, "p", labels.VERSIONS_BY_LAND.format(count=len(entries)))
    main = sub(body, "main", id="inhalt")
    regions: dict[str, list[Entry]] = {}
    for entry in entries:
        regions.setdefault(entry.agreement.meta.jurisdiction, []).append(entry)
    for jurisdiction in sorted(regions):
        section = sub(main, "section", id=jurisdiction.lower())
        sub(section, "h2", f"{labels.LANDS.get(jurisdiction, jurisdiction)} ({jurisdiction})")
        table = sub(section, "table", class_="verzeichnis")
        row = sub(sub(table, "thead"), "tr")
        for label in labels.INDEX_COLUMNS:
            sub(row, "th", label, scope="col")
        rows = sub(table, "tbody")
        for entry in sorted(
            regions[jurisdiction], key=lambda e: (e.agreement.meta.work_id, _version_order(e))
        ):
            meta = entry.agreement.meta
            row = sub(rows, "tr")
            sub(sub(row, "td"), "a", meta.title, href=entry.page.as_posix())
            sub(row, "td", meta.version_id)
            example = f" ({labels.EXAMPLE_MARK})" if meta.example else ""
            sub(row, "td", labels.status_text(meta.kind, meta.status) + example)
            sub(row, "td", term_text(entry.agreement) if meta.term else labels.NONE)
            cell = sub(row, "td")
            for target, label in diffs.get(entry.source, []):
                sub(cell, "a", label, href=target.as_posix())
                sub(cell, "br")
    if failed:
        section = sub(main, "section", id="nicht-lesbar")
        sub(section, "h2", labels.UNREADABLE_FILES)
        items = sub(section, "ul")
        for path, message in failed:
            sub(items, "li", f"{path}: {message}")
    return serialize(html)


def build_site(source: Path, output: Path) -> list[Path]:
    """Write the site of every agreement under ``source`` to ``output``; the files written."""
    sources = list(iter_agreement_files([source]))
    entries: list[Entry] = []
    failed: list[tuple[Path, str]] = []
    for path in sources:
        try:
            agreement = load_agreement(path)
        except LvcheckError as error:
            failed.append((path, str(error.diagnostic)))
            continue
        entries.append(Entry(path, path.relative_to(source).with_suffix(".html"), agreement))
    pages: dict[Path, str] = {}
    for entry in entries:
        pages[entry.page] = render_html(entry.agreement, str(entry.source))
    diffs: dict[Path, list[tuple[Path, str]]] = {}
    for older, newer in _successions(entries):
        name = Path(older.page.parent, f"vergleich--{older.page.stem}--{newer.page.stem}.html")
        result = diff_agreements(
            older.agreement, newer.agreement, str(older.source), str(newer.source)
        )
        pages[name] = render_diff_html(result)
        label = f"{older.agreement.meta.version_id} → {newer.agreement.meta.version_id}"
        diffs.setdefault(older.source, []).append((name, f"{labels.COMPARISON} {label}"))
        diffs.setdefault(newer.source, []).append((name, f"{labels.COMPARISON} {label}"))
    pages[Path("index.html")] = _index(entries, failed, diffs)
    written = []
    for relative, text in sorted(pages.items()):
        target = output / relative
        refuse_overwriting(target, sources)
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written
