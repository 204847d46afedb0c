"""One citation labeller (document/citation.py) for validate, diff and render alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lvcheck.comparison.flatten import flatten
from lvcheck.document.citation import Step, cite, element_citation, range_citation
from lvcheck.document.load import load_agreement
from lvcheck.document.parse import parse_file

from .conftest import ALL_CONTRACTS, DATA

GOLDEN = DATA / "citations"


@pytest.mark.parametrize("source", ALL_CONTRACTS, ids=lambda p: p.name)
def test_every_unit_of_every_contract_has_its_citation(
    source: Path, golden: Callable[[Path, str], None]
) -> None:
    clauses = flatten(load_agreement(source))
    golden(GOLDEN / f"{source.stem}.txt", "".join(f"{c.eid} | {c.citation}\n" for c in clauses))


@pytest.mark.parametrize("source", ALL_CONTRACTS, ids=lambda p: p.name)
def test_validate_and_diff_cite_every_clause_alike(source: Path) -> None:
    by_eid = {e.get("eId"): e for e in parse_file(source).getroot().iter() if e.get("eId")}
    for clause in flatten(load_agreement(source)):
        if clause.eid in by_eid:  # the preface has no eId: only the diff names it
            assert element_citation(by_eid[clause.eid]) == clause.citation, clause.eid


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([Step("section", "§ 14"), Step("paragraph", "(4)")], "§ 14 Abs. 4"),
        (
            [Step("section", "§ 3"), Step("list", block=2, blocks=3), Step("point", "2.")],
            "§ 3 Abs. 2 Nr. 2",
        ),
        ([Step("section", "§ 3"), Step("point", "b)", position=2)], "§ 3 Buchst. b"),
        ([Step("section", "§ 3"), Step("point", "(c)", position=3)], "§ 3 Buchst. c"),
        ([Step("section", "§ 3"), Step("point", "ii)", position=2)], "§ 3 Nr. ii"),
        ([Step("section", "§ 3"), Step("point", position=4)], "§ 3, 4. Spiegelstrich"),
        ([Step("part", "II."), Step("section", "7.")], "II.7"),
        ([Step("part", "II."), Step("section", "3."), Step("subsection", "3.1")], "II.3.1"),
        ([Step("section", "§ 7"), Step("subsection", "7.2")], "§ 7 Ziff. 7.2"),
        ([Step("section", "1.")], "Ziff. 1"),
        ([Step("section", "Art. 5"), Step("paragraph", "(2)")], "Art. 5 Abs. 2"),
        ([Step("section", "§ 8"), Step("paragraph", position=2)], "§ 8 Abs. 2"),
        ([Step("part", "I."), Step("hcontainer", heading="Träger")], "I. „Träger“"),
        ([Step("part", "I."), Step("hcontainer", position=3)], "I., Abschnitt 3"),
        ([Step("preface")], "Vertragskopf"),
        ([Step("preamble")], "Präambel"),
        ([Step("preamble", heading="Vorwort")], "Vorwort"),
        ([Step("conclusions"), Step("signature", position=2)], "Unterschriften, Block 2"),
        ([Step("attachment", position=1)], "Anlage 1"),
        (
            [Step("section", "§ 7"), Step("subsection", "7.1"), Step("note", "1")],
            "§ 7 Ziff. 7.1, Fn. 1",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_units_are_cited_as_lawyers_write_them(steps: list[Step], expected: str) -> None:
    assert cite(steps) == expected


def test_a_sentence_is_cited_after_its_unit() -> None:
    assert cite([Step("part", "II."), Step("section", "7.")], sentence=2) == "II.7 Satz 2"


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("§ 3", "§ 8", "§§ 3–8"),
        ("§ 7 Ziff. 7.1", "§ 7 Ziff. 7.3", "§ 7 Ziff. 7.1–7.3"),
        ("§ 14 Abs. 5", "§ 14 Abs. 5", "§ 14 Abs. 5"),
        ("II.3", "II.5", "II.3–II.5"),
    ],
)
def test_ranges_name_their_common_part_once(first: str, last: str, expected: str) -> None:
    assert range_citation(first, last) == expected


NOTED_HEADING = (
    '<heading xmlns="urn:lvcheck:agreement:1.0">Qualität<b>, fett<authorialNote eId="n"'
    ' marker="1"><p>In der Auszeichnung.</p></authorialNote></b><!-- k --> und<i> mehr'
    '<authorialNote eId="m" marker="2"><p>Oben.</p></authorialNote></i></heading>'
)


def test_a_heading_reads_the_same_from_the_tree_and_from_the_model_without_its_footnotes() -> None:
    """Footnotes at any depth of a heading are no words of it, whichever way it is read:
    validate's citations (from the tree), the diff's and the HTML's (from the model)."""
    from lxml import etree

    from lvcheck.document.citation import heading_words as from_tree
    from lvcheck.document.read import inlines
    from lvcheck.document.text import heading_words as from_model

    element = etree.fromstring(NOTED_HEADING)
    assert from_tree(element) == from_model(inlines(element)) == "Qualität, fett und mehr"
