"""Regenerate the screenshots in docs/screenshots/: every kind of page at a phone's and a
desktop's width, and the first pages of an agreement and of a comparison as printed.

    python3 docs/screenshots/regenerate.py

Builds the site of contracts/ into a temporary folder, opens it in Debian's Chromium
through Playwright (as tests/test_browser.py does) and prints pages to PDF with Chromium
(what a reader's "Drucken" gives) and with WeasyPrint (`lvcheck export --format pdf`);
pypdfium2 turns a printed page into a PNG. The Word export and the Word redline are
printed by LibreOffice (tests/libreoffice.py, as the Word tests drive it): a page of the
agreement and the redline's first page of text, its tracked changes shown. Look at every
picture before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lvcheck.document.load import load_agreement  # noqa: E402
from lvcheck.rendering.site import build_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WIDTHS = {"telefon": (390, 844), "desktop": (1280, 800)}
PAGES = {  # picture name -> page of the site
    "vereinbarung": "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland.html",
    "formular": "bayern/bezirk-niederbayern-t-k-kita-2021-22.html",
    "vergleich": (
        "nrw/vergleich--lvr-ihl-externe-leistungserbringer--beispiel-lvr-ihl-mustervertrag.html"
    ),
    "verzeichnis": "index.html",
    "fristen": "fristen.html",
    "nachtrag": "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.html",
}
LESEFASSUNG = "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland--lesefassung.html"


def _png_of_pdf_page(pdf: bytes, target: Path, page: int = 0) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    document[page].render(scale=1.4).to_pil().save(target)


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        build_site(ROOT / "contracts", site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for device, (width, height) in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                tab = context.new_page()
                for name, page in PAGES.items():
                    tab.goto((site / page).as_uri())
                    tab.screenshot(path=str(HERE / f"{name}-{device}.png"))
                    print(f"{name}-{device}.png")
                # the Lesefassung where the Nachtrag changed it: new words and the note
                tab.goto((site / LESEFASSUNG).as_uri() + "#sec_8__para_4")
                tab.screenshot(path=str(HERE / f"lesefassung-{device}.png"))
                if device == "desktop":
                    tab.goto((site / PAGES["vergleich"]).as_uri() + "#synopse")
                    tab.screenshot(path=str(HERE / "synopse-desktop.png"))
                    tab.goto((site / PAGES["vergleich"]).as_uri() + "#aenderung-3")
                    tab.screenshot(path=str(HERE / "aenderung-desktop.png"))
                if device == "telefon":
                    tab.goto((site / PAGES["vergleich"]).as_uri() + "#synopse")
                    tab.screenshot(path=str(HERE / "synopse-telefon.png"))
                context.close()
            tab = browser.new_page()
            tab.goto((site / PAGES["vergleich"]).as_uri())
            pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
            _png_of_pdf_page(pdf, HERE / "vergleich-druck.png")
            browser.close()
    try:
        from lvcheck.rendering.pdf import render_pdf

        source = ROOT / "contracts" / "nrw" / "lvr-ihl-externe-leistungserbringer.xml"
        pdf = render_pdf(load_agreement(source), source.name)
        _png_of_pdf_page(pdf, HERE / "vereinbarung-druck.png", page=4)  # § 7, its footnote
    except Exception as exc:  # the PDF extra is optional: say so, keep the other pictures
        print(f"no PDF picture: {exc}", file=sys.stderr)
    print("vergleich-druck.png, vereinbarung-druck.png")
    word()


WORD_PICTURES = {  # picture -> (page of the printed Word file, what is printed)
    "word-vereinbarung.png": (2, ("export", "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland.xml")),
    "word-aenderungen.png": (
        3,
        (
            "diff",
            "nrw/lvr-ihl-externe-leistungserbringer.xml",
            "nrw/beispiel-lvr-ihl-mustervertrag.xml",
        ),
    ),
}


def word() -> None:
    """The Word export and the Word redline, printed by LibreOffice."""
    from click.testing import CliRunner

    sys.path.insert(0, str(ROOT))
    from lvcheck.cli import cli
    from tests.libreoffice import office_session

    contracts = ROOT / "contracts"
    with tempfile.TemporaryDirectory() as folder:
        session = office_session()
        office = next(session)
        for name, (page, (command, *files)) in WORD_PICTURES.items():
            docx, pdf = Path(folder) / f"{name}.docx", Path(folder) / f"{name}.pdf"
            arguments = [command, *(str(contracts / f) for f in files), "--format", "docx"]
            CliRunner().invoke(cli, [*arguments, "-o", str(docx)])
            office.request(load=str(docx), pdf=str(pdf))
            _png_of_pdf_page(pdf.read_bytes(), HERE / name, page=page - 1)
            print(name)
        session.close()


if __name__ == "__main__":
    main()
