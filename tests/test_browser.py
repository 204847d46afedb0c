"""The exported site in a real browser: Debian's Chromium driven by Playwright.

CI installs the chromium package (.ci/run); Playwright never downloads a browser. A
screenshot of every agreement page and of a Synopse is saved under test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lvcheck.document.load import load_agreement_bytes
from lvcheck.rendering.html import render_html
from lvcheck.rendering.site import build_site

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

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    build_site(CONTRACTS, folder)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.requests = requests
    yield tab
    context.close()


def _page_of(site: Path, source: Path) -> Path:
    return site / source.relative_to(CONTRACTS).with_suffix(".html")


@pytest.mark.parametrize("source", ALL_CONTRACTS, ids=lambda p: p.name)
def test_agreement_page_links_resolve_and_a_screenshot_is_kept(
    page: object, site: Path, source: Path
) -> None:
    target = _page_of(site, source)
    page.goto(target.as_uri())  # type: ignore[attr-defined]
    missing = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('a[href^="#"]')]
                 .map(a => a.getAttribute('href').slice(1))
                 .filter(id => !document.getElementById(id))"""
    )
    assert missing == []
    assert all(url.startswith("file://") for url in page.requests)  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{source.stem}.png"), full_page=True)  # type: ignore[attr-defined]


def test_table_of_contents_jumps_to_the_clause(page: object, site: Path) -> None:
    page.goto(_page_of(site, TEMPLATES["nrw"]).as_uri())  # type: ignore[attr-defined]
    page.get_by_role("navigation", name="Inhaltsverzeichnis").get_by_role(  # type: ignore[attr-defined]
        "link", name="§ 12 Kindeswohl und Gewaltschutz"
    ).click()
    assert page.evaluate("location.hash") == "#sec_12"  # type: ignore[attr-defined]
    top = page.evaluate("document.getElementById('sec_12').getBoundingClientRect().top")  # type: ignore[attr-defined]
    assert 0 <= top < 100


def test_footnote_marker_and_back_link_jump(page: object, site: Path) -> None:
    page.goto(_page_of(site, TEMPLATES["nrw"]).as_uri())  # type: ignore[attr-defined]
    page.click("sup.fn a")  # type: ignore[attr-defined]
    assert page.evaluate("location.hash") == "#sec_7__subsec_1__note_1"  # type: ignore[attr-defined]
    page.click("#sec_7__subsec_1__note_1 a[href^='#fnref']")  # type: ignore[attr-defined]
    assert page.evaluate("location.hash") == "#fnref-sec_7__subsec_1__note_1"  # type: ignore[attr-defined]


def test_script_in_a_contract_shows_as_text_and_runs_nothing(page: object, tmp_path: Path) -> None:
    hostile = (
        b'&lt;script&gt;window.__xss = 1&lt;/script&gt;&lt;img src=x onerror="window.__xss = 2"&gt;'
    )
    source = (
        TEMPLATES["bayern"].read_bytes().replace(b"Die Personalmehrung wird", hostile + b" wird")
    )
    path = tmp_path / "xss.html"
    path.write_text(render_html(load_agreement_bytes(source, "xss.xml"), "xss.xml"), "utf-8")
    page.goto(path.as_uri())  # type: ignore[attr-defined]
    assert page.evaluate("window.__xss === undefined")  # type: ignore[attr-defined]
    assert "<script>window.__xss = 1</script>" in page.inner_text("main")  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0  # type: ignore[attr-defined]


def test_printing_to_pdf_works(page: object, site: Path) -> None:
    page.goto(_page_of(site, TEMPLATES["bayern"]).as_uri())  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert (
        page.evaluate(  # type: ignore[attr-defined]
            "getComputedStyle(document.querySelector('nav.inhalt')).display"
        )
        == "none"
    )
    pdf = page.pdf(format="A4", print_background=True)  # type: ignore[attr-defined]
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bayern-print.pdf").write_bytes(pdf)


def test_synopsis_page_shows_both_versions_side_by_side(page: object, site: Path) -> None:
    synopsis = next((site / "nrw").glob("vergleich--*.html"))
    page.goto(synopsis.as_uri())  # type: ignore[attr-defined]
    headers = page.locator("#synopse th").all_inner_texts()  # type: ignore[attr-defined]
    assert [h.split(" (")[0] for h in headers] == ["Bisherige Fassung", "Neue Fassung"]
    assert page.locator("#synopse td", has_text="verschoben nach").count() >= 1  # type: ignore[attr-defined]
    assert page.locator("#synopse ins").count() >= 3  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#synopse").screenshot(path=str(ARTIFACTS / "synopse.png"))  # type: ignore[attr-defined]


def test_index_links_open_pages(page: object, site: Path) -> None:
    page.goto((site / "index.html").as_uri())  # type: ignore[attr-defined]
    links = page.locator("main a").evaluate_all("links => links.map(a => a.href)")  # type: ignore[attr-defined]
    assert len(links) >= len(ALL_CONTRACTS)
    for link in links:
        response = page.goto(link)  # type: ignore[attr-defined]
        assert response is None or response.ok
        assert page.locator("h1").count() == 1  # type: ignore[attr-defined]
