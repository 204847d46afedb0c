"""The Word files as packages: what the export holds (styles, the points' list, content
controls, footnotes, bookmarks, language, properties, header and footer), what the redline
holds (its first page, revisions by their author, moves, numbers), that the redline's check
refuses a package whose revisions do not give both texts, and the command line around it.
LibreOffice's reading of the same files is in test_docx_libreoffice.py."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from lvcheck import codes, labels
from lvcheck.api import diff, load
from lvcheck.cli import cli
from lvcheck.document.bookmarks import bookmark_name
from lvcheck.document.model import fields_of
from lvcheck.errors import LvcheckError
from lvcheck.rendering.docx.check import check_redline
from lvcheck.rendering.docx.export import render_docx
from lvcheck.rendering.docx.redline import render_redline
from lvcheck.rendering.text import render_text

from . import needs
from .conftest import ALL_CONTRACTS, CONTRACTS, EXAMPLES, TEMPLATES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MUSTERVERTRAG = CONTRACTS / "nrw" / "beispiel-lvr-ihl-mustervertrag.xml"


def _part(package: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return etree.fromstring(archive.read(name))


def _body(package: bytes) -> etree._Element:
    body = _part(package, "word/document.xml").find(f"{W}body")
    assert body is not None
    return body


def _row(row: etree._Element) -> str:
    return "|".join("".join(cell.itertext()) for cell in row.iterfind(f"{W}tc"))


def _eids(path: Path) -> set[str]:
    """Every eId of a unit, list, preamble, conclusions, signature or attachment."""
    root = etree.parse(str(path)).getroot()
    skipped = {"authorialNote", "quotedStructure"}
    return {
        e.get("eId", "")
        for e in root.iter()
        if e.get("eId")
        and etree.QName(e).localname not in skipped
        and not any(etree.QName(a).localname == "quotedStructure" for a in e.iterancestors())
    }


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=[p.name for p in ALL_CONTRACTS])
def test_the_export_bookmarks_every_clause_and_tags_every_field(path: Path) -> None:
    agreement = load(path)
    body = _part(render_docx(agreement), "word/document.xml")
    marks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert {bookmark_name(eid) for eid in _eids(path)} <= marks
    tags = {t.get(f"{W}val") for t in body.iter(f"{W}tag")}
    assert tags == set(fields_of(agreement))
    fields = fields_of(agreement)
    for sdt in body.iter(f"{W}sdt"):  # an empty field shows that it is to be filled
        empty = sdt.find(f"{W}sdtPr/{W}showingPlcHdr") is not None
        alias, tag = sdt.find(f"{W}sdtPr/{W}alias"), sdt.find(f"{W}sdtPr/{W}tag")
        assert alias is not None and tag is not None
        assert (labels.TO_BE_FILLED in alias.get(f"{W}val", "")) == empty
        assert fields[tag.get(f"{W}val", "")].is_filled != empty


def test_the_export_is_german_a4_with_its_title_version_header_and_page_numbers() -> None:
    package = render_docx(load(EXAMPLES["nrw"]))
    styles = _part(package, "word/styles.xml")
    assert styles.find(f".//{W}rPrDefault//{W}lang").get(f"{W}val") == "de-DE"  # type: ignore[union-attr]
    names = {s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")}  # type: ignore[union-attr]
    assert {"Vertragstext", "Vertragstext Aufzählung", "Vertragstext Fußnote"} <= names
    core = _part(package, "docProps/core.xml")
    text = {etree.QName(e).localname: e.text for e in core}
    meta = load(EXAMPLES["nrw"]).meta
    assert (text["title"], text["version"], text["language"]) == (
        meta.title,
        meta.version_id,
        "de-DE",
    )
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names_in = archive.namelist()
        header = b"".join(archive.read(n) for n in names_in if n.startswith("word/header"))
        footer = b"".join(archive.read(n) for n in names_in if n.startswith("word/footer"))
    assert meta.title.encode() in header and b"Stand" in header
    assert b"Seite " in footer and b" PAGE " in footer and b" NUMPAGES " in footer
    section = _part(package, "word/document.xml").find(f".//{W}sectPr/{W}pgSz")
    assert section is not None and section.get(f"{W}w") == "11906"  # A4: 210 mm


def test_points_are_paragraphs_of_one_word_list_and_footnotes_word_footnotes() -> None:
    package = render_docx(load(TEMPLATES["nrw"]))
    body = _part(package, "word/document.xml")
    points = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(points) == etree.parse(str(TEMPLATES["nrw"])).getroot().xpath(
        "count(//*[local-name()='point'])"
    ) + etree.parse(str(TEMPLATES["nrw"])).getroot().xpath("count(//*[local-name()='attachment'])")
    (reference,) = body.iter(f"{W}footnoteReference")
    notes = _part(package, "word/footnotes.xml")
    (note,) = [n for n in notes if n.get(f"{W}id") == reference.get(f"{W}id")]
    assert "".join(note.itertext()).startswith("[1] Merkmale der Strukturqualität")


def _redline(old: Path, new: Path, **options: object) -> bytes:
    when = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    return render_redline(diff(old, new), when=when, **options)  # type: ignore[arg-type]


def test_the_redline_marks_every_change_by_its_author_and_date_moves_and_numbers() -> None:
    package = _redline(TEMPLATES["nrw"], MUSTERVERTRAG, author="Kanzlei Beispiel")
    body = _part(package, "word/document.xml")
    revisions = [e for tag in ("ins", "del", "moveFrom", "moveTo") for e in body.iter(W + tag)]
    assert revisions
    assert {(r.get(f"{W}author"), r.get(f"{W}date")) for r in revisions} == {
        ("Kanzlei Beispiel", "2026-12-07T09:30:00Z")
    }
    moved_from = {e.get(f"{W}name") for e in body.iter(f"{W}moveFromRangeStart")}
    moved_to = {e.get(f"{W}name") for e in body.iter(f"{W}moveToRangeStart")}
    assert moved_from and moved_from == moved_to  # the moved clause at both places
    deleted = {"".join(d.itertext()).strip() for d in body.iter(f"{W}del")}
    inserted = {"".join(i.itertext()).strip() for i in body.iter(f"{W}ins")}
    assert {"§ 3", "§ 4"} <= deleted | inserted  # a renumbered § is a revision of its number
    assert "Leistungsvereinbarung" in deleted and "Mustervertrag" in inserted


def test_the_redline_lists_the_changes_and_the_header_on_its_first_page() -> None:
    package = _redline(TEMPLATES["nrw"], MUSTERVERTRAG)
    tables = list(_body(package).iterchildren(f"{W}tbl"))
    heads = [_row(t[2]) for t in tables]
    assert heads[0] == "|".join(labels.CHANGE_LIST_COLUMNS)
    assert heads[1] == "|".join((labels.FACT, labels.BEFORE, labels.AFTER, labels.WEIGHT))
    rows = [_row(row) for row in tables[1][3:]]
    assert "Kündigungsfrist|12 Monate|6 Monate|wesentlich" in rows
    assert len(tables[0]) - 3 == len(diff(TEMPLATES["nrw"], MUSTERVERTRAG).changes)


def test_the_synopse_is_a_table_of_both_versions_unchanged_and_dropped_rows_said_so() -> None:
    package = _redline(TEMPLATES["nrw"], MUSTERVERTRAG, synopsis=True)
    synopse = list(_body(package).iterchildren(f"{W}tbl"))[-1]
    head = _row(synopse[2]).split("|")
    assert head == [
        f"{labels.OLD_VERSION} ({labels.VERSION} v1)",
        f"{labels.NEW_VERSION} ({labels.VERSION} beispiel-1)",
    ]
    right = [_row(row).split("|")[1] for row in synopse[3:]]
    assert labels.UNCHANGED in right and labels.DROPPED in right


def test_a_redline_whose_revisions_would_not_give_both_texts_is_refused() -> None:
    package = _redline(TEMPLATES["nrw"], MUSTERVERTRAG)
    old, new = render_text(load(TEMPLATES["nrw"])), render_text(load(MUSTERVERTRAG))
    check_redline(package, old, new, "r.docx")  # the package as written keeps its promise
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    insertion = next(i for i in document.iter(f"{W}ins") if len(i))  # inserted words
    insertion.tag = f"{W}del"  # … turned into deleted ones
    for text in insertion.iter(f"{W}t"):
        text.tag = f"{W}delText"
    parts["word/document.xml"] = etree.tostring(document)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(LvcheckError) as raised:
        check_redline(stream.getvalue(), old, new, "r.docx")
    assert raised.value.diagnostic.code == codes.REDLINE_UNFAITHFUL
    assert "all accepted, do not give the new version's text at word" in str(raised.value)


# ---------------------------------------------------------------- the command line


def test_export_and_diff_write_word_only_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", str(TEMPLATES["nrw"]), "--format", "docx"])
    assert result.exit_code == 2 and "a Word document needs -o FILE" in result.stderr
    old, new = str(TEMPLATES["nrw"]), str(MUSTERVERTRAG)
    result = runner.invoke(cli, ["diff", old, new, "--format", "docx"])
    assert result.exit_code == 2 and "a Word document needs -o FILE" in result.stderr
    result = runner.invoke(cli, ["diff", old, new, "--synopse"])
    assert result.exit_code == 2 and "options of --format docx" in result.stderr


def test_diff_docx_writes_the_redline_and_never_over_a_source(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "redline.docx"
    old, new = str(TEMPLATES["nrw"]), str(MUSTERVERTRAG)
    result = runner.invoke(cli, ["diff", old, new, "--format", "docx", "-o", str(target)])
    assert (result.exit_code, result.output) == (1, "")  # exit 1: the versions differ
    assert zipfile.ZipFile(target).testzip() is None
    copy = tmp_path / "neu.xml"
    copy.write_bytes(MUSTERVERTRAG.read_bytes())
    result = runner.invoke(cli, ["diff", old, str(copy), "--format", "docx", "-o", str(copy)])
    assert result.exit_code == 2 and "refusing to overwrite" in result.stderr
    assert copy.read_bytes() == MUSTERVERTRAG.read_bytes()
    same = runner.invoke(cli, ["diff", old, old, "--format", "docx", "-o", str(target)])
    assert same.exit_code == 0  # no change: a redline without revisions


def test_diff_pdf_prints_the_html_redline(runner: CliRunner, tmp_path: Path) -> None:
    needs.module("weasyprint", 'python3 -m pip install -e ".[pdf]"')
    pypdf = needs.module("pypdf", 'python3 -m pip install -e ".[test]"')
    target = tmp_path / "redline.pdf"
    old, new = str(TEMPLATES["nrw"]), str(MUSTERVERTRAG)
    result = runner.invoke(cli, ["diff", old, new, "--format", "pdf", "-o", str(target)])
    assert result.exit_code == 1
    reader = pypdf.PdfReader(target)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert labels.CONTRACT_COMPARISON in text and "Mustervertrag" in text


def test_without_libreoffice_ci_fails_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from . import libreoffice

    monkeypatch.setattr(needs, "IN_CI", True)
    monkeypatch.setattr(libreoffice, "SOFFICE", Path("/nonexistent/soffice"))
    with pytest.raises(pytest.fail.Exception) as failed:
        next(libreoffice.office_session())
    assert "apt-get install libreoffice-writer-nogui python3-uno" in str(failed.value)
