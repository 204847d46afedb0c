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

from lxml import etree

from lvcheck.diff import diff_agreements
from lvcheck.errors import LvcheckError
from lvcheck.files import refuse_overwriting, write_atomic
from lvcheck.load import load_agreement
from lvcheck.model import Agreement
from lvcheck.render.diff_html import render_diff_html
from lvcheck.render.html import render_html, stylesheet, term_text
from lvcheck.render.inline import STATUS_LABELS
from lvcheck.validate import iter_agreement_files

LANDS = {
    "DE-NW": "Nordrhein-Westfalen",
    "DE-BY": "Bayern",
    "DE-BW": "Baden-Württemberg",
    "DE-HE": "Hessen",
    "DE-NI": "Niedersachsen",
}


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
    html = etree.Element("html", lang="de")
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    etree.SubElement(head, "title").text = "Leistungsvereinbarungen"
    etree.SubElement(head, "style").text = stylesheet()
    body = etree.SubElement(html, "body")
    header = etree.SubElement(body, "header", {"class": "titelblock"})
    etree.SubElement(header, "h1").text = "Leistungsvereinbarungen"
    etree.SubElement(header, "p").text = f"{len(entries)} Fassungen, nach Land geordnet."
    main = etree.SubElement(body, "main", id="inhalt")
    regions: dict[str, list[Entry]] = {}
    for entry in entries:
        regions.setdefault(entry.agreement.meta.jurisdiction, []).append(entry)
    for jurisdiction in sorted(regions):
        section = etree.SubElement(main, "section", id=jurisdiction.lower())
        etree.SubElement(
            section, "h2"
        ).text = f"{LANDS.get(jurisdiction, jurisdiction)} ({jurisdiction})"
        table = etree.SubElement(section, "table", {"class": "verzeichnis"})
        row = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for label in ("Vereinbarung", "Fassung", "Status", "Laufzeit", "Vergleich"):
            etree.SubElement(row, "th", scope="col").text = label
        rows = etree.SubElement(table, "tbody")
        for entry in sorted(
            regions[jurisdiction], key=lambda e: (e.agreement.meta.work_id, _version_order(e))
        ):
            meta = entry.agreement.meta
            row = etree.SubElement(rows, "tr")
            link = etree.SubElement(etree.SubElement(row, "td"), "a", href=entry.page.as_posix())
            link.text = meta.title
            etree.SubElement(row, "td").text = meta.version_id
            etree.SubElement(row, "td").text = STATUS_LABELS.get(meta.status, meta.status) + (
                " (Beispiel)" if meta.example else ""
            )
            etree.SubElement(row, "td").text = term_text(entry.agreement) if meta.term else "—"
            cell = etree.SubElement(row, "td")
            for target, label in diffs.get(entry.source, []):
                etree.SubElement(cell, "a", href=target.as_posix()).text = label
                etree.SubElement(cell, "br")
    if failed:
        section = etree.SubElement(main, "section", id="nicht-lesbar")
        etree.SubElement(section, "h2").text = "Nicht lesbare Dateien"
        items = etree.SubElement(section, "ul")
        for path, message in failed:
            etree.SubElement(items, "li").text = f"{path}: {message}"
    return "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode") + "\n"


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
        diffs.setdefault(older.source, []).append((name, f"Vergleich {label}"))
        diffs.setdefault(newer.source, []).append((name, f"Vergleich {label}"))
    pages[Path("index.html")] = _index(entries, failed, diffs)
    written = []
    for relative, text in sorted(pages.items()):
        target = output / relative
        refuse_overwriting(target, sources)
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written
