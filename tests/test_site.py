"""The static site (rendering/site.py): an index to navigate, pages that link both ways,
names that never collide silently, and a build that is written whole or not at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from lvcheck.errors import LvcheckError
from lvcheck.rendering.site import build_site

from .conftest import CONTRACTS


def _page(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def _facts(page: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """The links in the title block's facts, by their term (Vorlage, Vorgänger, …)."""
    found: dict[str, list[str]] = {}
    for term in page.xpath('//dl[@class="kopfdaten"]/dt'):
        value = term.getnext()
        found[term.text_content()] = value.xpath(".//a/@href")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    build_site(CONTRACTS, folder)
    return folder


def test_index_groups_by_land_and_kind_sorted_by_title_with_status_and_stand(built: Path) -> None:
    index = _page(built / "index.html")
    groups = [
        (section.findtext("h2"), [h.text_content() for h in section.iter("h3")])
        for section in index.xpath("//main/section")
    ]
    assert groups == [
        ("Bayern", ["Vorlagen", "Vereinbarungen"]),
        ("Nordrhein-Westfalen", ["Vorlagen", "Vereinbarungen", "Nachträge"]),
    ]
    (templates,) = index.xpath('//section[@id="de-by"]//table')[:1]
    rows = [[td.text_content() for td in tr.iter("td")] for tr in templates.iter("tr")][1:]
    titles = [row[0] for row in rows]
    assert titles == sorted(titles, key=str.casefold)
    assert rows[0][1:4] == ["2021-22", "Vorlage, in Gebrauch", "01.09.2021"]
    for href in index.xpath("//a/@href"):
        assert (built / href).is_file(), href


def test_each_version_links_index_template_neighbours_and_comparisons(built: Path) -> None:
    instance = _page(built / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.html")
    assert instance.xpath('//nav[@class="pfad"]/a/@href') == ["../index.html"]
    assert _facts(instance)["Vorlage"] == ["lvr-ihl-externe-leistungserbringer.html"]
    template = _page(built / "nrw" / "lvr-ihl-externe-leistungserbringer.html")
    comparison = (
        "vergleich--lvr-ihl-externe-leistungserbringer--beispiel-lvr-ihl-mustervertrag.html"
    )
    assert _facts(template)["Nachfolger"] == ["beispiel-lvr-ihl-mustervertrag.html"]
    assert _facts(template)["Vergleich"] == [comparison]
    (banner,) = template.find_class("ersetzt")
    assert banner.xpath("a/@href") == ["beispiel-lvr-ihl-mustervertrag.html"]
    successor = _page(built / "nrw" / "beispiel-lvr-ihl-mustervertrag.html")
    assert _facts(successor)["Vorgänger"] == ["lvr-ihl-externe-leistungserbringer.html"]
    assert not successor.find_class("ersetzt")
    diff = _page(built / "nrw" / comparison)
    assert diff.xpath('//dl[@class="seiten"]//a/@href') == [
        "lvr-ihl-externe-leistungserbringer.html",
        "beispiel-lvr-ihl-mustervertrag.html",
    ]
    assert diff.xpath('//nav[@class="pfad"]/a/@href') == ["../index.html"]


def test_a_work_called_index_is_refused_not_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "contracts"
    source.mkdir()
    shutil.copy(CONTRACTS / "nrw" / "lvr-ihl-externe-leistungserbringer.xml", source / "index.xml")
    with pytest.raises(LvcheckError) as error:
        build_site(source, tmp_path / "site")
    assert "two pages of the site would be written to index.html" in str(error.value)
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_comparison_page_name_that_meets_another_page_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, source)
    clash = "vergleich--lvr-ihl-externe-leistungserbringer--beispiel-lvr-ihl-mustervertrag.xml"
    shutil.copy(
        source / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml", source / "nrw" / clash
    )
    with pytest.raises(LvcheckError) as error:
        build_site(source, tmp_path / "site")
    assert f"nrw/{clash[:-4]}.html" in str(error.value)


def test_a_full_disk_mid_build_leaves_the_previous_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "site"
    build_site(CONTRACTS, output)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    written = 0
    real = Path.write_bytes

    def fill_up(self: Path, data: bytes) -> int:
        nonlocal written
        written += 1
        if written > 3:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", fill_up)
    with pytest.raises(LvcheckError, match="No space left on device"):
        build_site(CONTRACTS, output)
    monkeypatch.undo()
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before  # nothing half-written, no staging folder left behind


def test_file_names_are_url_encoded_in_links(tmp_path: Path) -> None:
    source = tmp_path / "contracts" / "nrw"
    source.mkdir(parents=True)
    shutil.copy(CONTRACTS / "nrw" / "lvr-ihl-externe-leistungserbringer.xml", source / "a b#c?.xml")
    build_site(tmp_path / "contracts", tmp_path / "site")
    index = _page(tmp_path / "site" / "index.html")
    assert index.xpath("//main//a/@href") == ["nrw/a%20b%23c%3F.html"]
    assert (tmp_path / "site" / "nrw" / "a b#c?.html").is_file()


def test_sources_are_resolved_once_not_once_per_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build is linear: the sources are resolved once, each page once against them
    (checking every source for every page made 500 agreements take 29 s)."""
    source = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, source)
    for number in range(20):
        shutil.copy(
            CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml",
            source / "nrw" / f"kopie-{number}.xml",
        )
    calls = 0
    real = Path.resolve

    def counted(self: Path, strict: bool = False) -> Path:
        nonlocal calls
        calls += 1
        return real(self, strict)

    monkeypatch.setattr(Path, "resolve", counted)
    written = build_site(source, source)  # into the source folder: every page is checked
    sources = len(list(source.rglob("*.xml")))
    assert calls <= sources + len(written)


def test_cli_reports_a_page_name_collision_and_exits_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lvcheck.cli import cli

    source = tmp_path / "contracts"
    source.mkdir()
    shutil.copy(CONTRACTS / "nrw" / "lvr-ihl-externe-leistungserbringer.xml", source / "index.xml")
    result = CliRunner().invoke(
        cli, ["export", str(source), "--format", "html", "-o", str(tmp_path / "site")]
    )
    assert result.exit_code == 2
    assert "LV001 error two pages of the site would be written to index.html" in result.stderr
    assert "Traceback" not in result.output


def test_the_deadlines_page_and_calendar_link_each_deadline_to_its_clause(tmp_path: Path) -> None:
    from datetime import date

    import icalendar

    build_site(CONTRACTS, tmp_path, today=date(2026, 12, 1))
    page = _page(tmp_path / "fristen.html")
    links = page.xpath("//table//td[4]/a/@href")
    assert links and all("#" in link for link in links)
    for link in links:  # every clause link lands on its anchor
        target, anchor = link.split("#")
        assert _page(tmp_path / target).get_element_by_id(anchor) is not None
    index = _page(tmp_path / "index.html")
    assert "fristen.html" in index.xpath("//header//a/@href")
    calendar = icalendar.Calendar.from_ical((tmp_path / "fristen.ics").read_bytes())
    days = [event.decoded("dtstart") for event in calendar.walk("VEVENT")]
    assert date(2027, 2, 28) in days and all(
        date(2026, 12, 1) <= d <= date(2027, 12, 1) for d in days
    )


def test_the_deadlines_page_first_lists_what_is_outstanding(tmp_path: Path) -> None:
    """The Mustervertrag is in use since 01.06.2026 (BEISPIEL): § 14 Abs. 4 of the instance
    in force says to conclude it "unmittelbar nach dessen Vorliegen"."""
    from datetime import date

    build_site(CONTRACTS, tmp_path / "december", today=date(2026, 12, 1))
    page = _page(tmp_path / "december" / "fristen.html")
    (due,) = page.xpath("//div[@aria-label='Ausstehend']//tbody/tr")
    cells = [" ".join(td.text_content().split()) for td in due.xpath("td")]
    assert cells[0] == "01.06.2026"
    assert cells[1] == (
        "Abschluss des abgestimmten Mustervertrages zwischen den Parteien, "
        "unmittelbar nach dessen Vorliegen"
    )
    assert cells[3] == "§ 14 Abs. 4 Satz 2"
    assert cells[4].startswith("„Hierzu schließen die Parteien den abgestimmten Mustervertrag")
    assert due.xpath("td[4]/a/@href") == [
        "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland.html#sec_14__para_4"
    ]
    build_site(CONTRACTS, tmp_path / "may", today=date(2026, 5, 1))
    before = _page(tmp_path / "may" / "fristen.html")
    assert before.xpath("//div[@aria-label='Ausstehend']") == []
    assert "Ausstehend" not in before.text_content()


BASE = "nrw/beispiel-lvr-ihl-kita-assistenz-rheinland"


@pytest.mark.parametrize(
    ("today", "wording", "note"),
    [  # the Nachtrag substitutes "15. Oktober" in § 8 Abs. 4 and takes effect on 01.08.2025
        ("2026-12-01", "30. September", "geändert durch"),
        ("2025-07-31", "15. Oktober", "Änderung ausstehend"),
    ],
)
def test_an_amended_version_links_its_nachtrag_and_a_lesefassung_of_the_day(
    tmp_path: Path, today: str, wording: str, note: str
) -> None:
    from datetime import date

    build_site(CONTRACTS, tmp_path, today=date.fromisoformat(today))
    signed = _page(tmp_path / f"{BASE}.html")
    nachtrag = f"{Path(BASE).name}-nachtrag-1.html"
    reading = f"{Path(BASE).name}--lesefassung.html"
    assert _facts(signed)["Nachträge"] == [nachtrag]
    assert _facts(signed)["Lesefassung"] == [reading]
    (banner,) = signed.find_class("geaendert")
    assert banner.xpath("a/@href") == [nachtrag, reading]
    assert "15. Oktober" in signed.get_element_by_id("sec_8__para_4").text_content()
    amendment = _page(tmp_path / "nrw" / nachtrag)
    assert _facts(amendment)["Ändert"] == [f"{Path(BASE).name}.html"]
    lesefassung = _page(tmp_path / "nrw" / reading)
    assert _facts(lesefassung)["Unterzeichneter Text"] == [f"{Path(BASE).name}.html"]
    clause = lesefassung.get_element_by_id("sec_8__para_4")
    assert wording in clause.text_content()
    (aside,) = clause.find_class("anmerkung")
    assert note in aside.text_content() and "Nachtrag Nr.\u00a01" in aside.text_content()
    for href in lesefassung.xpath("//a/@href"):  # every link inside the site lands
        target = href.split("#")[0]
        if target and not target.startswith("https://"):
            assert (tmp_path / "nrw" / target).resolve().is_file(), href


def test_a_nachtrag_that_does_not_apply_gets_no_lesefassung_and_the_site_still_builds(
    tmp_path: Path,
) -> None:
    """validate reports such an amendment (LV390); the site shows the signed texts only."""
    from datetime import date

    source = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, source)
    nachtrag = source / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"
    text = nachtrag.read_text(encoding="utf-8")
    nachtrag.write_text(text.replace('old="15. Oktober"', 'old="16. Oktober"'), encoding="utf-8")
    site = tmp_path / "site"
    build_site(source, site, today=date(2026, 12, 1))
    assert not (site / f"{BASE}--lesefassung.html").exists()
    signed = _page(site / f"{BASE}.html")
    assert not signed.find_class("geaendert")
    assert "Lesefassung" not in _facts(signed)
    assert _facts(signed)["Nachträge"]  # still linked: it names this version
