"""The exported site in a real browser: Debian's Chromium driven by Playwright.

CI installs the chromium package (.ci/run); Playwright never downloads a browser. Without
Chromium or Playwright these tests fail in CI (CI=true) with a message saying what is
missing, and skip with that message elsewhere. Every kind of page is checked at a small
phone's, a phone's and a desktop's width: the page never scrolls sideways, and axe-core
(axe-playwright-python, which ships it) finds no serious or critical violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lvcheck.document.load import load_agreement_bytes
from lvcheck.rendering.html import render_html
from lvcheck.rendering.site import build_site

from . import needs
from .conftest import ALL_CONTRACTS, CONTRACTS, ROOT, TEMPLATES

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
# As root in a sandbox without network: no sandbox, no GPU, no background connections.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"320": (320, 640), "390": (390, 844), "1280": (1280, 800)}
COMPARISON = (
    "nrw/vergleich--lvr-ihl-externe-leistungserbringer--beispiel-lvr-ihl-mustervertrag.html"
)
# every kind of page: an agreement with footnotes, a form, an instance, a comparison, an
# amendment, the index, the deadlines, the text with its amendments applied
PAGE_KINDS = {
    "vorlage": "nrw/lvr-ihl-externe-leistungserbringer.html",
    "formular": "bayern/bezirk-niederbayern-t-k-kita-2021-22.html",
    "instanz": "bayern/beispiel-kita-regenbogen-t-k-kita-2021-22.html",
    "vergleich": COMPARISON,
    "nachtrag": "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.html",
    "verzeichnis": "index.html",
    "fristen": "fristen.html",
    "lesefassung": "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland--lesefassung.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    build_site(CONTRACTS, folder)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = needs.module("playwright.sync_api", 'the test extra: pip install -e ".[test]"')
    needs.program(CHROMIUM, "apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def _tab(browser: Any, width: int, height: int) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": width, "height": height})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.requests = requests
    yield tab
    context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from _tab(browser, 1100, 900)


def _page_of(site: Path, source: Path) -> Path:
    return site / source.relative_to(CONTRACTS).with_suffix(".html")


# ---------------------------------------------------------------- every page, every width


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_fits_the_screen_and_axe_finds_no_serious_violation(
    browser: Any, site: Path, kind: str, width: str
) -> None:
    axe_module = needs.module(
        "axe_playwright_python.sync_playwright", "pip install axe-playwright-python"
    )
    for tab in _tab(browser, *WIDTHS[width]):
        tab.goto((site / PAGE_KINDS[kind]).as_uri())
        scroll, viewport = tab.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= viewport, f"{kind} is {scroll} px wide at {width} px"
        if width == "320":
            continue  # axe once per layout: phone and desktop
        results = axe_module.Axe().run(tab)
        serious = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], serious


@pytest.mark.parametrize("source", ALL_CONTRACTS, ids=lambda p: p.name)
def test_agreement_page_links_resolve_and_a_screenshot_is_kept(
    page: Any, site: Path, source: Path
) -> None:
    page.goto(_page_of(site, source).as_uri())
    missing = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="#"]')]
                 .map(a => a.getAttribute('href').slice(1))
                 .filter(id => !document.getElementById(id))"""
    )
    assert missing == []
    assert all(url.startswith("file://") for url in page.requests)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{source.stem}.png"), full_page=True)


def test_table_of_contents_jumps_to_the_clause_and_stays_in_view(page: Any, site: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(_page_of(site, TEMPLATES["nrw"]).as_uri())
    toc = page.get_by_role("navigation", name="Inhaltsverzeichnis")
    toc.locator("a[href='#sec_12']").click()
    assert page.evaluate("location.hash") == "#sec_12"
    top = page.evaluate("document.getElementById('sec_12').getBoundingClientRect().top")
    assert 0 <= top < 100
    assert 0 <= toc.bounding_box()["y"] < 100  # scrolled far down, the contents are still there


def test_permalink_shows_on_focus_and_its_target_offers_the_full_citation(
    page: Any, site: Path
) -> None:
    page.goto(_page_of(site, TEMPLATES["nrw"]).as_uri())
    anchor = page.locator("#sec_14__para_4 > .zitierhilfe .anker")
    assert anchor.evaluate("a => getComputedStyle(a).opacity") == "0"
    anchor.focus()
    assert anchor.evaluate("a => getComputedStyle(a).opacity") == "1"
    anchor.click()
    assert page.evaluate("location.hash") == "#sec_14__para_4"
    citation = page.locator("#sec_14__para_4 > .zitierhilfe .zitat")
    assert citation.is_visible()
    assert (
        citation.inner_text()
        .replace("\xa0", " ")
        .startswith("§ 14 Abs. 4 LVR: Leistungsvereinbarung über individuelle heilpädagogische")
    )
    assert citation.evaluate("e => getComputedStyle(e).userSelect") == "all"


def test_footnote_marker_and_back_link_jump(page: Any, site: Path) -> None:
    page.goto(_page_of(site, TEMPLATES["nrw"]).as_uri())
    page.click("sup.fn a")
    assert page.evaluate("location.hash") == "#sec_7__subsec_1__note_1"
    page.click("#sec_7__subsec_1__note_1 a[href^='#fnref']")
    assert page.evaluate("location.hash") == "#fnref-sec_7__subsec_1__note_1"


def test_script_in_a_contract_shows_as_text_and_runs_nothing(page: Any, tmp_path: Path) -> None:
    hostile = (
        b'&lt;script&gt;window.__xss = 1&lt;/script&gt;&lt;img src=x onerror="window.__xss = 2"&gt;'
    )
    source = (
        TEMPLATES["bayern"].read_bytes().replace(b"Die Personalmehrung wird", hostile + b" wird")
    )
    path = tmp_path / "xss.html"
    path.write_text(render_html(load_agreement_bytes(source, "xss.xml"), "xss.xml"), "utf-8")
    page.goto(path.as_uri())
    assert page.evaluate("window.__xss === undefined")
    assert "<script>window.__xss = 1</script>" in page.inner_text("main")
    assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0


def test_printing_gives_a4_pages_with_header_and_page_numbers(page: Any, site: Path) -> None:
    pypdf = needs.module("pypdf", 'the test extra: pip install -e ".[test]"')
    page.goto(_page_of(site, TEMPLATES["bayern"]).as_uri())
    page.emulate_media(media="print")
    hidden = page.evaluate("getComputedStyle(document.querySelector('nav.inhalt')).display")
    assert hidden == "none"
    pdf = page.pdf(prefer_css_page_size=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bayern-print.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(ARTIFACTS / "bayern-print.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    first = " ".join(reader.pages[0].extract_text().split())
    assert f"Seite 1 von {len(reader.pages)}" in first
    assert "Fassung 2021-22 · Stand 01.09.2021" in first  # the running header


def test_synopsis_links_a_moved_clause_between_its_two_places(page: Any, site: Path) -> None:
    page.goto((site / COMPARISON).as_uri())
    headers = page.locator("#synopse th").all_inner_texts()
    assert [h.split(" (")[0] for h in headers] == ["Bisherige Fassung", "Neue Fassung"]
    page.locator("#synopse .anm a", has_text="§ 10").first.click()
    target = page.evaluate("location.hash")
    moved_here = page.locator(target).inner_text().replace("\xa0", " ")
    assert moved_here.startswith("§ 10 Kindeswohl und Gewaltschutz")
    assert page.locator("#synopse ins").count() >= 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#synopse").screenshot(path=str(ARTIFACTS / "synopse.png"))


def test_changes_can_be_filtered_to_the_material_ones_without_script(page: Any, site: Path) -> None:
    page.goto((site / COMPARISON).as_uri())
    changes = page.locator("article.aenderung")
    assert changes.count() == 7
    assert page.locator("#aenderung-3 .stelle").inner_text() == "Änderung 3 von 7"
    page.get_by_label("Nur wesentliche Änderungen zeigen").check()
    shown = [a.get_attribute("id") for a in changes.all() if a.is_visible()]
    assert shown == ["aenderung-3", "aenderung-4", "aenderung-6"]
    assert page.evaluate("document.scripts.length") == 0


def test_index_links_open_pages_and_each_page_links_back(page: Any, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    links = page.locator("main a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == len(ALL_CONTRACTS)
    for link in links:
        response = page.goto(link)
        assert response is None or response.ok
        assert page.locator("h1").count() == 1
        page.get_by_role("link", name="← Alle Vereinbarungen").click()
        assert page.url.endswith("/index.html")
