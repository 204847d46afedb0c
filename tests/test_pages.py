"""What a lawyer reads: the Synopse reads as each version is signed, changes are where
the diff says, and pages show German words only, typeset as German is typeset."""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from lvcheck.comparison.engine import diff_agreements
from lvcheck.document.load import load_agreement, load_agreement_bytes
from lvcheck.document.model import Agreement
from lvcheck.document.parse import NAMESPACE
from lvcheck.rendering.diff_html import render_diff_html
from lvcheck.rendering.html import render_html
from lvcheck.rendering.htmlkit import typeset
from lvcheck.rendering.text import render_text

from .conftest import ALL_CONTRACTS, DATA, EXAMPLES, TEMPLATES

NS = f"{{{NAMESPACE}}}"
BULLETS = {"-", "–", "•"}  # list bullets: marks of layout, not words


@cache
def _agreement(path: Path) -> Agreement:
    return load_agreement(path)


def _words(text: str) -> list[str]:
    """Words as the eye reads them; the text export writes a form's boxes as [x] and [ ]."""
    text = text.replace("[x]", "☒").replace("[ ]", "☐")
    return [word for word in text.split() if word not in BULLETS]


def _column(page: lxml_html.HtmlElement, column: int) -> list[str]:
    """The words of one Synopse column, top to bottom, without the notes that stand beside
    the text ("entfällt", "verschoben nach …") and what only screen readers hear."""
    words: list[str] = []
    for row in page.xpath('//table[contains(@class, "synopse")]/tbody/tr'):
        cell = row.xpath("td")[column]
        for aside in cell.xpath('.//*[contains(@class, "sr-only") or contains(@class, "anm")]'):
            aside.drop_tree()
        words += _words(cell.text_content())
    return words


def _synopsis(old: Path | Agreement, new: Path | Agreement) -> lxml_html.HtmlElement:
    before = old if isinstance(old, Agreement) else _agreement(old)
    after = new if isinstance(new, Agreement) else _agreement(new)
    return lxml_html.fromstring(render_diff_html(diff_agreements(before, after)))


PAIRS = list(itertools.permutations(ALL_CONTRACTS, 2))


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a.stem} → {b.stem}" for a, b in PAIRS])
def test_each_synopsis_column_reads_word_for_word_as_its_version(old: Path, new: Path) -> None:
    page = _synopsis(old, new)
    # the signed words: without lvcheck's own notes (BEISPIEL line, notes on deviations)
    assert _column(page, 0) == _words(render_text(_agreement(old), annotations=False))
    assert _column(page, 1) == _words(render_text(_agreement(new), annotations=False))


def _plain_words(words: list[str]) -> list[int]:
    """Positions of words that stand alone as a token: letters only, no number, §, % or €
    beside them ("15. Oktober", "§ 14 Abs. 4" and "50 %" are one token each for a lawyer)."""
    return [
        i
        for i, word in enumerate(words)
        if re.fullmatch(r"[^\W\d_]+", word)
        and not any(
            c.isdigit() or c in "§%€" for near in words[max(0, i - 1) : i + 2] for c in near
        )
    ]


def _reworded(seed: int) -> tuple[bytes, str, str]:
    """The NRW template with one word of one paragraph replaced: (xml, old word, new word)."""
    root = etree.fromstring(TEMPLATES["nrw"].read_bytes())
    paragraphs = [
        p
        for p in root.iter(NS + "p")
        if p.text and len(p.text.split()) > 3 and len(p) == 0 and _plain_words(p.text.split(" "))
    ]
    paragraph = paragraphs[seed % len(paragraphs)]
    words = paragraph.text.split(" ")
    plain = _plain_words(words)
    position = plain[seed // len(paragraphs) % len(plain)]
    old = words[position]
    words[position] = "Zauberwort"
    paragraph.text = " ".join(words)
    return etree.tostring(root, encoding="utf-8"), old, "Zauberwort"


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_a_reworded_paragraph_is_one_changed_row_with_exactly_that_word(seed: int) -> None:
    xml, old_word, new_word = _reworded(seed)
    page = _synopsis(TEMPLATES["nrw"], load_agreement_bytes(xml, "neu.xml"))
    changed = page.xpath('//table[contains(@class, "synopse")]/tbody/tr[@class="geaendert"]')
    assert len(changed) == 1
    for aside in changed[0].xpath('.//*[contains(@class, "sr-only")]'):
        aside.drop_tree()
    assert [d.text_content() for d in changed[0].iter("del")] == [old_word]
    assert [i.text_content() for i in changed[0].iter("ins")] == [new_word]
    rows = page.xpath('//table[contains(@class, "synopse")]/tbody/tr')
    assert all(row.get("class") in ("gleich", "geaendert") for row in rows)


def test_a_moved_clause_stands_at_both_places_linked_to_each_other() -> None:
    page = _synopsis(TEMPLATES["nrw"], ALL_CONTRACTS[4])  # the model contract moves § 12
    notes = {
        " ".join(note.text_content().split()): note.xpath("a/@href")[0]
        for note in page.find_class("anm")
        if note.xpath("a")
    }
    forward = notes["verschoben nach § 10"]
    backward = notes["verschoben von § 12"]
    text = lambda target: " ".join(page.get_element_by_id(target[1:]).text_content().split())  # noqa: E731
    assert text(forward).startswith("§ 10 Kindeswohl und Gewaltschutz")
    assert text(backward).startswith("§ 12 Kindeswohl und Gewaltschutz")


def test_choices_show_as_boxes_and_blanks_as_lines_in_the_synopsis() -> None:
    page = _synopsis(TEMPLATES["bayern"], EXAMPLES["bayern"])
    left, right = " ".join(_column(page, 0)), " ".join(_column(page, 1))
    assert "☐" in left and "__________" in left
    assert "☒" in right


def test_redline_counts_changes_links_each_and_marks_words_for_screen_readers() -> None:
    page = _synopsis(TEMPLATES["nrw"], ALL_CONTRACTS[4])
    listing = page.xpath('//div[@id="liste"]//tbody/tr')
    articles = page.xpath("//article")
    assert len(listing) == len(articles) == 7
    assert [row.xpath(".//a/@href")[0] for row in listing] == [f"#{a.get('id')}" for a in articles]
    third = page.get_element_by_id("aenderung-3")
    assert third.find_class("stelle")[0].text_content() == "Änderung 3 von 7"
    assert third.xpath(".//nav/a/@href") == ["#aenderung-2", "#aenderung-4", "#liste"]
    deleted, inserted = third.xpath(".//del")[0], third.xpath(".//ins")[0]
    assert deleted.text_content() == "gestrichen: 8" and inserted.text_content() == "eingefügt: 9"
    assert deleted.tail == " "  # "8 9", never "89"
    material = [a.get("id") for a in articles if "wesentlich" in a.get("class", "").split()]
    assert material == ["aenderung-3", "aenderung-4", "aenderung-6"]


def _visible_text(page: lxml_html.HtmlElement) -> str:
    for hidden in page.xpath("//style|//head"):
        hidden.drop_tree()
    return page.text_content()


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_pages_show_no_eids_or_element_names(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    eids = {part.split('"')[0] for part in source.split('eId="')[1:]}
    other = ALL_CONTRACTS[(ALL_CONTRACTS.index(path) + 1) % len(ALL_CONTRACTS)]
    pages = [
        lxml_html.fromstring(render_html(_agreement(path), path.name)),
        _synopsis(other, path),
    ]
    for page in pages:
        words = set(re.findall(r"[\w.-]+", _visible_text(page)))
        assert not words & eids
        assert not words & {"hcontainer", "subsection", "paragraph", "section", "point"}


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_no_line_ends_after_a_section_sign_or_abbreviation(path: Path) -> None:
    text = _visible_text(lxml_html.fromstring(render_html(_agreement(path), path.name)))
    assert not re.search(r"(§§?|Abs\.|Nr\.|Art\.) \d", text)
    assert not re.search(r"\d (Monate|Jahre|%|€)\b", text)


def test_typeset_keeps_signs_with_their_numbers_and_numbers_with_units() -> None:
    nbsp = "\u00a0"
    assert typeset("nach § 14 Abs. 4 und §§ 3–8") == f"nach §{nbsp}14 Abs.{nbsp}4 und §§{nbsp}3–8"
    assert typeset("Art. 21 Nr. 2: 12 Monate, 4,5 % und 30 €") == (
        f"Art.{nbsp}21 Nr.{nbsp}2: 12{nbsp}Monate, 4,5{nbsp}% und 30{nbsp}€"
    )
    assert typeset("Art und Weise, 12 Kinder") == "Art und Weise, 12 Kinder"
    assert typeset("§ 14 Abs. 4 Satz 2") == f"§{nbsp}14 Abs.{nbsp}4 Satz{nbsp}2"
    assert typeset("der Satz und der Satz 3a") == f"der Satz und der Satz{nbsp}3a"


def test_footnotes_are_numbered_once_and_printed_at_the_foot() -> None:
    page = lxml_html.fromstring(render_html(_agreement(TEMPLATES["nrw"]), "t.xml"))
    (item,) = page.xpath('//section[@id="fussnoten"]//li')
    assert item.text_content().startswith("1 Merkmale der Strukturqualität")
    (printed,) = page.find_class("fn-druck")  # the copy WeasyPrint floats to the page foot
    assert printed.get("aria-hidden") == "true"
    assert "Merkmale der Strukturqualität" in printed.text_content()


def test_every_statute_link_points_to_the_statute_not_a_portal_home_page() -> None:
    from lvcheck.document.statutes import statutes

    for name, statute in statutes().items():
        assert statute.url.rstrip("/").count("/") > 2, name  # more than scheme and host
    page = lxml_html.fromstring(render_html(_agreement(ALL_CONTRACTS[4]), "m.xml"))
    (kibiz,) = {a.get("href") for a in page.find_class("norm") if "KiBiz" in a.text_content()}
    assert kibiz.startswith("https://recht.nrw.de/lrgv/gesetz/")  # the law, in NRW's portal
    assert kibiz.endswith("-kinderbildungsgesetz/")


def test_page_names_its_status_stand_and_a_replaced_version_says_so() -> None:
    from lvcheck.rendering.pageparts import Link, SiteLinks

    agreement = _agreement(TEMPLATES["bayern"])
    successor = Link("beispiel-2022-23.html", "Fassung 2022-23")
    page = lxml_html.fromstring(
        render_html(agreement, "b.xml", SiteLinks(index="../index.html", replaced_by=(successor,)))
    )
    (kicker,) = page.find_class("kicker")
    assert kicker.text_content() == "Vorlage, in Gebrauch · Fassung 2021-22 · Stand 01.09.2021"
    (banner,) = page.find_class("ersetzt")
    assert banner.text_content() == "Ersetzt durch Fassung 2022-23"
    assert banner.xpath("a/@href") == ["beispiel-2022-23.html"]


def test_an_instance_whose_term_has_ended_is_marked_no_longer_in_force() -> None:
    # the Bavarian example renews by one Kindergartenjahr at a time (II.7): still in force
    renewing = lxml_html.fromstring(render_html(_agreement(EXAMPLES["bayern"]), "i.xml"))
    assert not renewing.find_class("ausser-kraft")
    # without its renewal, its term ended on 31.08.2022
    source = (
        EXAMPLES["bayern"]
        .read_bytes()
        .replace(b'<renewal period="P1Y" unit="Kindergartenjahr"/>', b"")
    )
    ended = lxml_html.fromstring(render_html(load_agreement_bytes(source, "i.xml"), "i.xml"))
    (banner,) = ended.find_class("ausser-kraft")
    assert banner.text_content() == "Nicht mehr in Kraft: Laufzeit endete am 31.08.2022"


def test_minimal_page_names_no_internal_words() -> None:
    page = render_html(load_agreement(DATA / "minimal.xml"), "minimal.xml")
    assert "sec_2__para_1" not in _visible_text(lxml_html.fromstring(page))


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_permalinks_cite_every_clause_as_the_diff_does(path: Path) -> None:
    """The page's walk and the diff's flatten build citation steps apart; both end in
    document/citation.py and must name every clause alike."""
    from lvcheck.comparison.flatten import flatten

    page = lxml_html.fromstring(render_html(_agreement(path), path.name))
    cited = {
        anchor.get("href")[1:]: anchor.get("aria-label").removeprefix("Link zu ")
        for anchor in page.find_class("anker")
    }
    clauses = {clause.eid: clause.citation for clause in flatten(_agreement(path))}
    assert cited  # every unit, the preamble, the signatures' section, the attachments
    assert {eid: clauses[eid] for eid in cited} == cited


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_a_moved_section_reads_in_each_order_and_stands_at_both_places(seed: int) -> None:
    root = etree.fromstring(TEMPLATES["nrw"].read_bytes())
    body = root.find(NS + "body")
    assert body is not None
    sections = list(body)
    moved = sections[seed % len(sections)]
    place = seed // len(sections) % len(sections)
    if sections.index(moved) in (place, place - 1):
        place = (place + 3) % len(sections)  # a real move, not a swap of neighbours
    body.remove(moved)
    body.insert(place, moved)
    new = load_agreement_bytes(etree.tostring(root, encoding="utf-8"), "verschoben.xml")
    page = _synopsis(TEMPLATES["nrw"], new)
    links = [
        (" ".join(note.text_content().split()), note.xpath("a/@href")[0])
        for note in page.find_class("anm")
        if note.xpath("a")
    ]
    away = [target for text, target in links if text.startswith("verschoben nach")]
    here = [target for text, target in links if text.startswith("verschoben von")]
    assert away and len(away) == len(here)  # a moved clause stands at both places
    assert all(target.startswith("#n") for target in away)  # each links the other column
    assert all(target.startswith("#a") for target in here)
    for target in away + here:
        assert page.get_element_by_id(target[1:]).text_content().strip()
    assert _column(page, 0) == _words(render_text(_agreement(TEMPLATES["nrw"])))
    assert _column(page, 1) == _words(render_text(new))


def test_running_header_takes_any_title_without_breaking_out_of_the_stylesheet() -> None:
    hostile = 'Titel "mit" \\ Zeichen\n</style><script>window.x=1</script>'
    source = (
        (DATA / "minimal.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<title>Minimal agreement for tests</title>",
            "<title>" + hostile.replace("<", "&lt;").replace(">", "&gt;") + "</title>",
        )
    )
    assert hostile.split("\n")[0] in source  # the test changes what it means to change
    page = lxml_html.fromstring(render_html(load_agreement_bytes(source.encode(), "t.xml"), "t"))
    assert not page.xpath("//script")
    (style,) = page.xpath("//style")
    assert "</style" not in style.text and '"mit"' not in style.text
    assert page.findtext(".//title") == hostile
