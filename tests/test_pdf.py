"""The PDF (rendering/pdf.py): tagged for screen readers (PDF/UA), title and language
set, bookmarks from the headings, A4 pages with running header and page numbers, and
footnotes at the foot of their page."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import pytest

from lvcheck import codes
from lvcheck.document.load import load_agreement
from lvcheck.errors import LvcheckError

from . import needs
from .conftest import TEMPLATES

EXTRA = 'the PDF extra: pip install -e ".[pdf]"'


@cache
def _html(region: str) -> str:
    from lvcheck.rendering.html import render_html

    return render_html(load_agreement(TEMPLATES[region]), TEMPLATES[region].name)


@cache
def _pdf(region: str) -> bytes:
    from lvcheck.rendering.pdf import render_pdf

    return render_pdf(load_agreement(TEMPLATES[region]), TEMPLATES[region].name)


@pytest.fixture(scope="module")
def nrw() -> Any:
    needs.module("weasyprint", EXTRA)
    pypdf = needs.module("pypdf", 'the test extra: pip install -e ".[test]"')
    return pypdf.PdfReader(io.BytesIO(_pdf("nrw")))


def _titles(outline: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    found = []
    for item in outline:
        if isinstance(item, list):
            found += _titles(item, depth + 1)
        else:
            found.append((depth, item.title.replace("\xa0", " ")))
    return found


def test_pdf_is_tagged_with_title_and_language(nrw: Any) -> None:
    catalog = nrw.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "de"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    title = load_agreement(TEMPLATES["nrw"]).meta.title
    assert nrw.metadata.title == title
    assert nrw.xmp_metadata is not None  # PDF/UA-1 declares itself there
    assert b"pdfuaid:part" in nrw.xmp_metadata.stream.get_data()


def test_bookmarks_follow_the_headings_without_footnote_markers(nrw: Any) -> None:
    titles = _titles(nrw.outline)
    assert (1, "§ 1 Leistungsbezeichnung") in titles
    assert (2, "7.1 Strukturqualität") in titles  # its heading carries the marker "1"
    assert (1, "§ 14 Schlussbestimmungen") in titles


def test_pages_are_a4_with_running_header_page_numbers_and_footnotes_at_the_foot(
    nrw: Any,
) -> None:
    box = nrw.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    pages = [" ".join(page.extract_text().split()) for page in nrw.pages]
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text
        assert "Fassung v1 · Stand ohne Datum" in text
    (with_note,) = [text for text in pages if "Strukturqualität im Hinblick auf die" in text]
    assert "7.1 Strukturqualität" in with_note  # the note is on the page of its marker
    assert not any("Fußnoten" in text for text in pages)  # no list of notes at the end


def test_without_weasyprint_the_hint_has_its_own_code_and_the_repository_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    from lvcheck.rendering.pdf import render_pdf

    with pytest.raises(LvcheckError) as error:
        render_pdf(load_agreement(TEMPLATES["bayern"]), "b.xml")
    diagnostic = error.value.diagnostic
    assert diagnostic.code == codes.PDF_EXTRA_MISSING == "LV002"
    assert 'pip install -e ".[pdf]"' in diagnostic.message
    assert "lvcheck[pdf]" not in diagnostic.message
    assert str(diagnostic).startswith("LV002 error PDF export needs WeasyPrint")


@pytest.mark.parametrize("shift", range(0, 700, 140))
def test_no_page_ends_with_a_heading_wherever_the_page_breaks_fall(shift: int) -> None:
    """Headings keep with what follows (break-after: avoid, in base.css as in WeasyPrint's
    own stylesheet; a heading forced to end its page makes this fail): with the text shifted down by
    ``shift`` pixels, so that page breaks fall at ever other places, the lowest block of
    every page is text, not a heading. Reads WeasyPrint's boxes (``_page_box``: its layout
    has no public tree)."""
    weasyprint = needs.module("weasyprint", EXTRA)
    from lvcheck.rendering.pdf import PRINT_ONLY

    shifted = weasyprint.CSS(string=f"main {{ padding-top: {shift}px; }}")
    document = weasyprint.HTML(string=_html("nrw")).render(
        stylesheets=[weasyprint.CSS(string=PRINT_ONLY), shifted]
    )
    blocks = ("h2", "h3", "h4", "h5", "h6", "p", "li", "div", "dd")
    for number, page in enumerate(document.pages, start=1):
        found: list[tuple[float, str]] = []

        def walk(box: Any, found: list[tuple[float, str]] = found) -> None:
            if getattr(box, "element_tag", None) in blocks:
                found.append((box.position_y + box.height, box.element_tag))
            for child in getattr(box, "children", None) or ():
                walk(child)

        walk(page._page_box)
        lowest = max(found)
        assert not lowest[1].startswith("h"), f"page {number} ends with a heading"
