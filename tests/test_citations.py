"""Citations of a statute checked against its text (validation/rules/citations.py,
LV317–LV319), on variants of the repository's own contracts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lvcheck.cli import cli
from lvcheck.document.parse import parse_bytes
from lvcheck.validation.rules.citations import targets

from .conftest import CONTRACTS, EXAMPLES, TEMPLATES

CODES = ("LV317", "LV318", "LV319")
NRW, NRW_INSTANCE = TEMPLATES["nrw"], EXAMPLES["nrw"]
BAYERN_INSTANCE = EXAMPLES["bayern"]
# the NRW template's words in § 14 Abs. 2 and § 8 Abs. 2
KUENDIGUNG = '<ref statute="SGB IX" section="130">§ 130 SGB IX</ref>'
RAHMENVERTRAG = '<ref statute="SGB IX" section="131">§ 131 SGB IX</ref>'


def _variant(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    """A copy of a whole contracts/ folder in which one file has the edits (each must be
    there): the file is checked with its repository around it, as validate reads it."""
    folder = tmp_path / "contracts"
    if not folder.exists():
        shutil.copytree(CONTRACTS, folder)
    path = folder / source.relative_to(CONTRACTS)
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return path


def _findings(runner: CliRunner, path: Path) -> list[str]:
    """This file's findings of the three codes, as 'CODE severity message'."""
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code in (0, 1), result.output
    found = []
    for line in result.stdout.splitlines():
        where, _, rest = line.partition(": ")
        if where.startswith(str(path)) and rest.startswith(CODES):
            found.append(rest.rsplit(" [", 1)[0])
    return found


def test_every_contract_of_the_repository_cites_what_its_statutes_have(
    runner: CliRunner,
) -> None:
    result = runner.invoke(cli, ["validate", "--strict", str(CONTRACTS)])
    assert not [
        line
        for line in result.stdout.splitlines()
        if " LV31" in line and any(c in line for c in CODES)
    ]
    assert result.exit_code == 0


def test_section_999_of_sgb_ix_does_not_exist(runner: CliRunner, tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        NRW,
        (RAHMENVERTRAG, '<ref statute="SGB IX" section="999">§ 999 SGB IX</ref>'),
    )
    assert _findings(runner, path) == [
        "LV317 error SGB IX has no § 999 (in its text of 28.01.2022: "
        "src/lvcheck/data/statutes/sgb-ix.json)"
    ]


@pytest.mark.parametrize(
    "ref",
    [
        '<ref statute="SGB IX" section="130">§ 130 Abs. 2 SGB IX</ref>',  # by its words
        '<ref statute="SGB IX" section="130" paragraph="2">§ 130 SGB IX</ref>',  # by attribute
    ],
    ids=["words", "attribute"],
)
def test_section_130_of_sgb_ix_has_no_absaetze(runner: CliRunner, tmp_path: Path, ref: str) -> None:
    path = _variant(tmp_path, NRW, (KUENDIGUNG, ref))
    assert _findings(runner, path) == [
        "LV318 error § 130 SGB IX has no Absätze, so no Abs. 2 (in its text of 28.01.2022: "
        "src/lvcheck/data/statutes/sgb-ix.json)"
    ]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (
            '<ref statute="SGB IX" section="130">§ 130 Nr. 6 SGB IX</ref>',
            "§ 130 SGB IX has no Nr. 6; it has Nr. 1–5",
        ),
        (
            '<ref statute="SGB IX" section="2" paragraph="7">§ 2 Abs. 7 SGB IX</ref>',
            "§ 2 SGB IX has no Abs. 7; it has Abs. 1–3",
        ),
        (
            '<ref statute="SGB IX" section="2" paragraph="1" sentence="9">§ 2 Abs. 1 Satz 9 SGB IX</ref>',
            "§ 2 Abs. 1 SGB IX has at most 3 sentences, not Satz 9",
        ),
        (
            '<ref statute="SGB IX" section="2" paragraph="1">§ 2 Abs. 1 Nr. 1 SGB IX</ref>',
            "§ 2 Abs. 1 SGB IX has no Nummern, so no Nr. 1",
        ),
    ],
    ids=["nummer", "absatz", "satz", "no-nummern"],
)
def test_a_part_the_section_does_not_have(
    runner: CliRunner, tmp_path: Path, ref: str, expected: str
) -> None:
    path = _variant(tmp_path, NRW, (KUENDIGUNG, ref))
    assert _findings(runner, path) == [
        f"LV318 error {expected} (in its text of 28.01.2022: src/lvcheck/data/statutes/sgb-ix.json)"
    ]


@pytest.mark.parametrize(
    "ref",
    [
        '<ref statute="SGB IX" section="130">§ 130 Nr. 5 SGB IX</ref>',
        '<ref statute="SGB IX" section="130" sentence="3">§ 130 Satz 3 SGB IX</ref>',
        '<ref statute="SGB IX" section="2" paragraph="1" sentence="3">§ 2 Abs. 1 Satz 3 SGB IX</ref>',
        '<ref statute="SGB IX" section="131" paragraph="1" number="2">§ 131 Abs. 1 Satz 2 Nr. 2 SGB IX</ref>',
        '<ref statute="BayKiBiG" section="999">Art. 999 BayKiBiG</ref>',  # no table: unchecked
    ],
)
def test_a_unit_that_exists_passes(runner: CliRunner, tmp_path: Path, ref: str) -> None:
    path = _variant(tmp_path, NRW, (KUENDIGUNG, ref))
    assert _findings(runner, path) == []


def test_a_legal_source_of_the_header_is_checked_too(runner: CliRunner, tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        NRW,
        ('<source statute="SGB IX" section="113"/>', '<source statute="SGB IX" section="1130"/>'),
    )
    assert _findings(runner, path) == [
        "LV317 error SGB IX has no § 1130 (in its text of 28.01.2022: "
        "src/lvcheck/data/statutes/sgb-ix.json)"
    ]


SGB_XII_53 = '<ref statute="SGB XII" section="53">§ 53 SGB XII</ref>'


def test_a_repealed_section_cited_by_an_agreement_that_starts_after_is_a_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    """§ 53 SGB XII (Eingliederungshilfe before 2020) in the NRW instance, in force from
    01.08.2024: the text of 28.01.2022 has it (weggefallen)."""
    _variant(tmp_path, NRW, (RAHMENVERTRAG, SGB_XII_53))
    path = _variant(tmp_path, NRW_INSTANCE, (RAHMENVERTRAG, SGB_XII_53))
    assert _findings(runner, path) == [
        "LV319 warning § 53 SGB XII was no longer in force on 01.08.2024: its text of "
        "28.01.2022 has it (weggefallen) (src/lvcheck/data/statutes/sgb-xii.json)"
    ]
    template = path.parent / NRW.name  # no start of its own: the newest text counts
    assert _findings(runner, template) == [
        "LV319 warning § 53 SGB XII is (weggefallen) in its text of 28.01.2022 (the agreement "
        "names no start: the newest text counts) (src/lvcheck/data/statutes/sgb-xii.json)"
    ]


def test_between_two_texts_that_differ_nothing_is_claimed(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The Bavarian instance starts on 01.09.2021: § 53 SGB XII is in force in the text of
    11.01.2013 and weggefallen in that of 28.01.2022; when it fell, the texts do not say."""
    path = _variant(
        tmp_path,
        BAYERN_INSTANCE,
        ('<ref statute="SGB IX" section="99">§ 99 SGB IX</ref>', SGB_XII_53),
    )
    assert [f for f in _findings(runner, path) if f.startswith("LV319")] == []


def test_a_section_not_yet_in_force_on_the_start_is_a_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    """§ 9a SGB VIII (Ombudsstellen) is not in the text of 11.01.2013: an agreement that
    starts on 01.08.2012 cannot rest on it."""
    path = _variant(
        tmp_path,
        NRW_INSTANCE,
        ('value="2024-08-01"', 'value="2012-08-01"'),
        (
            '<ref statute="SGB VIII" section="8a">§ 8a SGB VIII</ref>',
            '<ref statute="SGB VIII" section="9a">§ 9a SGB VIII</ref>',
        ),
    )
    assert [f for f in _findings(runner, path) if f.startswith("LV319")] == [
        "LV319 warning § 9a SGB VIII was not yet in force on 01.08.2012: its text of "
        "11.01.2013 does not have it yet (src/lvcheck/data/statutes/sgb-viii.json)"
    ]


def _ref(xml: str) -> list[tuple[str, str | None, str | None, str | None]]:
    tree = parse_bytes(
        b'<agreement xmlns="urn:lvcheck:agreement:1.0">' + xml.encode() + b"</agreement>", "x"
    )
    return [tuple(t) for t in targets(tree.getroot()[0])]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            '<ref statute="SGB IX" section="2" paragraph="1">§ 2 Abs. 1 SGB IX</ref>',
            [("2", "1", None, None)],
        ),
        (
            '<ref statute="SGB IX" section="130">§ 130 Abs. 2 SGB IX</ref>',
            [("130", None, None, None), ("130", "2", None, None)],
        ),
        (
            '<ref statute="BayKiBiG" section="21" paragraph="5" sentence="2">Art. 21 Abs. 5 Satz 2 BayKiBiG</ref>',
            [("21", "5", "2", None)],
        ),
        (
            '<ref statute="AVBayKiBiG" section="16" paragraph="2">§ 16 Abs.2 AVBayKiBiG</ref>',
            [("16", "2", None, None)],
        ),
        ('<ref statute="SGB VIII" section="72a">§72a SGB VIII</ref>', [("72a", None, None, None)]),
        (
            '<ref statute="SGB IX" section="117" following="true">117 ff.</ref>',
            [("117", None, None, None)],
        ),
        (
            '<ref statute="SGB IX" section="132">§ 131 SGB IX</ref>',
            [("132", None, None, None)],
        ),  # LV314's
        ('<ref statute="SGB IX">§ 2 Absatz 1 Nummer 3 SGB IX</ref>', [("2", "1", None, "3")]),
        ('<ref statute="SGB IX">Gesetz vom 23. Dezember 2016</ref>', []),  # no § marked
        ('<ref statute="SGB IX">SGB IX</ref>', []),
    ],
)
def test_what_a_reference_cites_by_attributes_and_words(
    xml: str, expected: list[tuple[str, ...]]
) -> None:
    assert _ref(xml) == expected


def test_absurd_numbers_are_no_trouble(runner: CliRunner, tmp_path: Path) -> None:
    """Numbers nobody cites, attributes and words alike: findings, no traceback."""
    path = _variant(
        tmp_path,
        NRW,
        (
            KUENDIGUNG,
            '<ref statute="SGB IX" section="9'
            + "9" * 4000
            + '">§ 1 Abs. '
            + "7" * 4000
            + " SGB IX</ref>",
        ),
    )
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "LV317" in result.stdout
