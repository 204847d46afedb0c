"""The HTML page (render/html.py), the static site (site.py) and the PDF (render/pdf.py)."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from lvcheck.cli import cli
from lvcheck.document.load import load_agreement, load_agreement_bytes
from lvcheck.document.parse import NAMESPACE, parse_file
from lvcheck.errors import LvcheckError
from lvcheck.rendering.html import render_html
from lvcheck.rendering.site import build_site

from . import needs
from .conftest import ALL_CONTRACTS, CONTRACTS, DATA, EXAMPLES, TEMPLATES
from .mangle import mangled

NBSP = "\u00a0"
XSS = b"&lt;script&gt;window.__xss = 1&lt;/script&gt;"


def _page(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(render_html(load_agreement(path), path.name))


def test_small_agreement_matches_golden_html(golden: Callable[[Path, str], None]) -> None:
    """Structure and text of a page; the stylesheet is left out (it has its own file)."""
    page = render_html(load_agreement(DATA / "minimal.xml"), "minimal.xml")
    page = re.sub(r"<style>.*?</style>", "<style>/* agreement.css */</style>", page, flags=re.S)
    golden(DATA / "export" / "minimal.html", page)


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_every_clause_is_an_anchor_and_every_internal_link_has_its_target(path: Path) -> None:
    page = _page(path)
    ids = {element.get("id") for element in page.iter() if element.get("id")}
    tree = parse_file(path)
    quoted = {  # an amendment quotes units of its base: their eIds are not this page's
        e.get("eId")
        for q in tree.iter(f"{{{NAMESPACE}}}quotedStructure")
        for e in q.iterdescendants()
    }
    eids = {e.get("eId") for e in tree.iter() if e.get("eId")} - quoted
    assert eids <= ids
    targets = {a.get("href", "")[1:] for a in page.iter("a") if a.get("href", "").startswith("#")}
    assert targets - ids == set()


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_page_is_accessible_german_with_one_heading_hierarchy(path: Path) -> None:
    page = _page(path)
    assert page.get("lang") == "de"
    assert [e.tag for e in page.body if e.tag in ("header", "nav", "main", "footer")] == [
        "header",
        "nav",
        "main",
        "footer",
    ]
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_page_makes_no_external_request() -> None:
    page = _page(TEMPLATES["nrw"])
    assert not page.xpath("//script|//link|//img|//iframe|//*[@src]")


def test_legal_references_link_to_the_official_texts() -> None:
    page = _page(TEMPLATES["bayern"])
    links = {
        a.text_content().replace(NBSP, " "): a.get("href")
        for a in page.find_class("norm")
        if a.get("href")
    }
    assert links["Art. 21 Abs. 5 Satz 2 BayKiBiG"] == (
        "https://www.gesetze-bayern.de/Content/Document/BayKiBiG-21"
    )
    assert links["§ 99 SGB IX"] == "https://www.gesetze-im-internet.de/sgb_9_2018/__99.html"


def test_fields_are_form_lines_in_the_template_and_values_in_the_instance() -> None:
    template, instance = _page(TEMPLATES["nrw"]), _page(EXAMPLES["nrw"])
    (blank,) = [f for f in template.find_class("feld") if f.get("title") == "Feld inkrafttreten"]
    assert (
        "leer" in blank.get("class", "") and blank.text_content() == "(auszufüllen: inkrafttreten)"
    )
    (value,) = [f for f in instance.find_class("feld") if f.get("title") == "Feld inkrafttreten"]
    assert value.text_content() == "01.08.2024"


def test_footnote_links_both_ways() -> None:
    page = _page(TEMPLATES["nrw"])
    (note,) = page.find_class("fussnoten")
    assert "Punkt 8 der Leistungsvereinbarung" in note.text_content()
    assert page.get_element_by_id("fnref-sec_7__subsec_1__note_1") is not None


def test_text_that_looks_like_markup_is_shown_as_text() -> None:
    source = TEMPLATES["bayern"].read_bytes().replace(b"Die Personalmehrung wird", XSS + b" wird")
    text = render_html(load_agreement_bytes(source, "x.xml"), "x.xml")
    assert "<script>" not in text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in text


def test_site_has_index_pages_and_diffs(tmp_path: Path) -> None:
    written = build_site(CONTRACTS, tmp_path / "site")
    names = {p.relative_to(tmp_path / "site").as_posix() for p in written}
    assert "index.html" in names
    assert {f"{p.parent.name}/{p.stem}.html" for p in ALL_CONTRACTS} <= names
    assert (
        "nrw/vergleich--lvr-ihl-externe-leistungserbringer--beispiel-lvr-ihl-mustervertrag.html"
        in names
    )
    index = lxml_html.fromstring((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    for href in index.xpath("//a/@href"):
        assert (tmp_path / "site" / href).is_file(), href


def test_site_lists_a_broken_source_instead_of_failing(tmp_path: Path) -> None:
    source = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, source)
    shutil.copy(DATA / "invalid" / "truncated.xml", source / "nrw" / "kaputt.xml")
    build_site(source, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Nicht lesbare Dateien" in index and "kaputt.xml" in index and "LV102" in index


def test_site_built_into_the_source_folder_leaves_every_source_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, source)
    before = {p: p.read_bytes() for p in source.rglob("*.xml")}
    build_site(source, source)
    assert {p: p.read_bytes() for p in source.rglob("*.xml")} == before
    assert (source / "index.html").is_file()


def test_cli_exports_html_file_and_site(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "nrw.html"
    result = runner.invoke(
        cli, ["export", str(TEMPLATES["nrw"]), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    site = runner.invoke(
        cli, ["export", str(CONTRACTS), "--format", "html", "-o", str(tmp_path / "s")]
    )
    assert site.exit_code == 0 and site.stderr.endswith(f"written to {tmp_path / 's'}\n")
    folder_as_text = runner.invoke(cli, ["export", str(CONTRACTS)])
    assert folder_as_text.exit_code == 2
    assert "a folder is exported with --format html -o FOLDER" in folder_as_text.stderr


def test_pdf_is_a4_with_page_numbers(tmp_path: Path) -> None:
    weasyprint = needs.module("weasyprint", 'the PDF extra: pip install -e ".[pdf]"')
    from lvcheck.rendering.pdf import render_pdf

    agreement = load_agreement(TEMPLATES["bayern"])
    assert render_pdf(agreement, "bayern.xml").startswith(b"%PDF")
    layout = weasyprint.HTML(string=render_html(agreement, "bayern.xml")).render()
    assert len(layout.pages) > 1
    # A4 in CSS pixels (96 per inch): 210 mm x 297 mm
    assert (round(layout.pages[0].width), round(layout.pages[0].height)) == (794, 1123)


def test_only_internal_references_become_links() -> None:
    source = TEMPLATES["nrw"].read_bytes().replace(b'href="#sec_8"', b'href="javascript:alert(1)"')
    page = lxml_html.fromstring(render_html(load_agreement_bytes(source, "x.xml"), "x.xml"))
    assert not [a for a in page.iter("a") if "javascript" in a.get("href", "")]
    (span,) = page.find_class("ungueltig")
    assert span.text_content() == "Punkt 8 der Leistungsvereinbarung"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["remove", "duplicate", "move"]))
def test_any_schema_valid_agreement_renders_and_diffs_without_an_exception(
    seed: int, operation: str
) -> None:
    from lvcheck.comparison.engine import diff_agreements
    from lvcheck.rendering.registry import render_diff
    from lvcheck.rendering.text import render_text

    try:
        agreement = load_agreement_bytes(mangled(seed, operation), "m.xml")
    except LvcheckError:
        return  # not schema-valid: export refuses it cleanly (tested elsewhere)
    assert render_text(agreement).endswith("\n")
    assert render_html(agreement, "m.xml").startswith("<!DOCTYPE html>")
    result = diff_agreements(load_agreement(TEMPLATES["nrw"]), agreement)
    for output_format in ("text", "markdown", "json", "html"):
        assert render_diff(result, output_format)


def test_an_agreed_deviation_is_noted_where_the_reader_meets_the_clause() -> None:
    """The header's reason for departing from the template, as an aside after the clause
    (here a signature block), apart from the signed words; the same note as the text."""
    path = CONTRACTS / "bayern" / "beispiel-kita-regenbogen-t-k-kita-2021-22.xml"
    agreement = load_agreement(path)
    (deviation,) = agreement.meta.deviations or ()
    page = _page(path)
    (aside,) = page.find_class("anmerkung")
    assert aside.getparent().get("id") == deviation.clause
    assert aside.text_content().replace(NBSP, " ") == f"Anmerkung: {deviation.reason}"
    assert not page.get_element_by_id(deviation.clause).xpath("p[contains(., 'Anmerkung')]")


def test_an_invisible_character_is_shown_by_its_code_never_raw() -> None:
    """A right-to-left override makes "125" show as "152": the page names it instead."""
    data = (DATA / "invalid" / "LV307-invisible-character.xml").read_bytes()
    assert "\u202e".encode() in data
    page = render_html(load_agreement_bytes(data, "x.xml"), "x.xml")
    assert "\u202e" not in page and "\u202c" not in page
    assert "⟨U+202E⟩" in page and "⟨U+202C⟩" in page
