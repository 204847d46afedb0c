"""Header facts bound to their words (validation/rules/facts.py, data/header_facts.toml):
each test changes one real contract in one place and expects exactly that finding."""

from __future__ import annotations

import pytest

from lvcheck.data import load
from lvcheck.document.parse import parse_bytes
from lvcheck.validation.engine import check_tree

from .conftest import EXAMPLES, TEMPLATES

FACT_CODES = {"LV350", "LV351"}


def _facts(source: bytes, name: str = "contracts/nrw/x.xml") -> list[tuple[str, int, str]]:
    checked = check_tree(parse_bytes(source, name), name)
    return [(d.code, d.line, d.message) for d in checked.diagnostics if d.code in FACT_CODES]


def _changed(region: str, old: str, new: str, example: bool = False) -> bytes:
    data = (EXAMPLES if example else TEMPLATES)[region].read_bytes()
    assert data.count(old.encode()) == 1, old
    return data.replace(old.encode(), new.encode())


def test_the_repository_contracts_agree_with_their_headers() -> None:
    for contract in (*TEMPLATES.values(), *EXAMPLES.values()):
        assert _facts(contract.read_bytes(), str(contract)) == [], contract.name


# (fact kind of header_facts.toml, region, old, new, the header element the finding is on
# (its first line that holds these words) or None for no finding, words in the message)
CASES = [
    ("notice.period", "nrw", 'period="P12M"', 'period="P3M"', "<notice", "Frist von 12 Monaten"),
    ("notice.period", "nrw", "Frist von 12 Monaten", "Frist von 3 Monaten", "<notice", "3 Monaten"),
    ("notice.period", "nrw", "Frist von 12 Monaten", "Frist von zwölf Monaten", None, ""),
    (
        "notice.period",
        "bayern",
        "sechs Monate vor",
        "drei Monate vor",
        "<notice",
        "drei Monate vor",
    ),
    (
        "notice.before",
        "nrw",
        'before="endOfKitaYear"',
        'before="endOfTerm"',
        "<notice",
        "Kitajahres",
    ),
    ("notice.form", "bayern", "schriftlich kündigt", "kündigt", "<notice", "do not state it"),
    (  # a form lvcheck knows no wording of, in words that state no form
        "notice.form",
        "nrw",
        'before="endOfKitaYear"/>',
        'before="endOfKitaYear" form="textform"/>',
        "<notice",
        "do not state it",
    ),
    (
        "replacement.upon",
        "nrw",
        'upon="conclusion"',
        'upon="start"',
        "<supersededBy",
        "Mit Abschluss des Mustervertrages",
    ),
    (  # the header leaves unstated what the words say
        "replacement.upon",
        "nrw",
        ' upon="conclusion"',
        "",
        "<supersededBy",
        "Mit Abschluss des Mustervertrages",
    ),
    (
        "replacement.upon",
        "nrw",
        "Mit Abschluss des Mustervertrages",
        "Mit Inkrafttreten des Mustervertrages",
        "<supersededBy",
        "Mit Inkrafttreten",
    ),
    (
        "replacement.upon",
        "nrw",
        "verliert die vorliegende Vereinbarung sofort ihre Gültigkeit",
        "endet die vorliegende Vereinbarung",
        "<supersededBy",
        "do not state it",
    ),
    (
        "term.start",
        "bayern",
        'start date="2021-09-01"',
        'start date="2021-08-01"',
        "<start",
        "01.09.2021",
    ),
    ("term.start", "bayern", "vom 01.09.2021", "vom 1. September 2021", None, ""),
    (
        "term.start",
        "nrw",
        'start field="inkrafttreten"',
        'start field="beginn"',
        "<start",
        "inkrafttreten",
    ),
    ("term.end", "bayern", 'end date="2022-08-31"', 'end date="2022-07-31"', "<end", "31.08.2022"),
    ("term.indefinite", "nrw", "auf unbestimmte Zeit", "auf Dauer", "<end", "do not state it"),
    (
        "renewal",
        "bayern",
        "um ein weiteres Kindergartenjahr",
        "um zwei weitere Kindergartenjahre",
        "<renewal",
        "zwei",
    ),
    (
        "figure.gewichtungsfaktor",
        "bayern",
        'value="5.5"',
        'value="6.5"',
        '"gewichtungsfaktor"',
        "auf 5,5",
    ),
    ("figure.gewichtungsfaktor", "bayern", "auf 5,5", "auf 6,0", '"gewichtungsfaktor"', "auf 6,0"),
    (
        "figure",
        "bayern",
        'value="4.5"',
        'value="4.0"',
        '"gewichtungsfaktor.ausgangswert"',
        "do not state it",
    ),
    (
        "figure.betreuungspersonalstunden",
        "bayern",
        "mindestens zwei Betreuungs",
        "mindestens drei Betreuungs",
        '"betreuungspersonalstunden"',
        "drei",
    ),
]


@pytest.mark.parametrize(
    ("kind", "region", "old", "new", "header", "words"),
    CASES,
    ids=[f"{case[0]}: {case[2]} -> {case[3]}" for case in CASES],
)
def test_one_change_gives_exactly_its_finding(
    kind: str, region: str, old: str, new: str, header: str | None, words: str
) -> None:
    found = _facts(_changed(region, old, new), f"contracts/{region}/x.xml")
    if header is None:
        assert found == []
        return
    lines = TEMPLATES[region].read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if header in text)
    ((code, at, message),) = found
    assert (code, at) == ("LV350", line)
    assert words in message


def test_a_mismatch_names_the_clause_down_to_its_sentence() -> None:
    ((_, _, message),) = _facts(_changed("nrw", 'period="P12M"', 'period="P3M"'))
    assert message == (
        "the header says Kündigungsfrist '3 Monate', but § 14 Abs. 1 Satz 2 (line 501) says "
        "otherwise: 'Frist von 12 Monaten'"
    )


def test_a_bavarian_mismatch_names_the_paragraph_of_an_unnumbered_clause() -> None:
    ((_, _, message),) = _facts(
        _changed("bayern", "sechs Monate vor", "drei Monate vor"), "contracts/bayern/x.xml"
    )
    assert "II.7 Abs. 2 Satz 1" in message


def test_a_fact_without_its_clause_is_a_warning() -> None:
    source = _changed("nrw", '<term governedBy="sec_14__para_1">', "<term>")
    lines = TEMPLATES["nrw"].read_text(encoding="utf-8").splitlines()
    start, end, notice = (
        next(n for n, text in enumerate(lines, 1) if element in text)
        for element in ("<start", "<end", "<notice")
    )
    # the start, the indefinite end, the notice period and what notice runs to
    assert [(code, line) for code, line, _ in _facts(source)] == [
        ("LV351", start),
        ("LV351", end),
        ("LV351", notice),
        ("LV351", notice),
    ]


def test_every_kind_of_fact_in_the_data_has_a_test() -> None:
    kinds = set(load("header_facts.toml")["facts"])
    assert kinds == {case[0] for case in CASES}
