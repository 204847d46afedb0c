"""Semantic rules (rules/*.py): one broken document per rule, each with code, line, exit."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lvcheck.cli import cli
from lvcheck.codes import CODES
from lvcheck.document.numbers import number_value
from lvcheck.document.parse import parse_bytes
from lvcheck.errors import LvcheckError
from lvcheck.validation.engine import check_tree, validate_paths

from .conftest import DATA, EXAMPLES
from .mangle import mangled

INVALID = DATA / "invalid"
REPOS = DATA / "invalid" / "repositories"

# file, code, line of the finding, exit status, exit status with --strict
CASES = [
    ("LV301-eid-kind.xml", "LV301", 33, 1, 1),
    ("LV302-eid-nesting.xml", "LV302", 33, 1, 1),
    ("LV303-eid-duplicate.xml", "LV303", 27, 1, 1),
    ("LV304-numbering-gap.xml", "LV304", 30, 0, 1),
    ("LV305-numbering-order.xml", "LV305", 30, 1, 1),
    ("LV306-duplicate-name.xml", "LV306", 33, 1, 1),
    ("LV307-invisible-character.xml", "LV307", 27, 1, 1),
    ("LV310-ref-kind.xml", "LV310", 27, 1, 1),
    ("LV311-ref-unresolved.xml", "LV311", 36, 1, 1),
    ("LV312-ref-unknown-statute.xml", "LV312", 27, 1, 1),
    ("LV313-ref-malformed-section.xml", "LV313", 27, 1, 1),
    ("LV314-ref-text-mismatch.xml", "LV314", 27, 0, 1),
    ("LV315-ref-unknown-document.xml", "LV315", 27, 1, 1),
    ("LV316-unknown-party-or-field.xml", "LV316", 20, 1, 1),
    ("LV317-citation-unknown-section.xml", "LV317", 27, 1, 1),
    ("LV318-citation-unknown-part.xml", "LV318", 27, 1, 1),
    ("LV319-citation-not-in-force.xml", "LV319", 27, 0, 1),
    ("LV320-header-dates.xml", "LV320", 14, 1, 1),
    ("LV323-relation-unresolved.xml", "LV323", 16, 1, 1),
    ("LV324-relation-announced.xml", "LV324", 16, 0, 1),
    ("LV326-governed-by-unresolved.xml", "LV326", 12, 1, 1),
    ("LV330-field-required.xml", "LV330", 36, 1, 1),
    ("LV331-field-type.xml", "LV331", 36, 1, 1),
    ("LV332-field-in-template.xml", "LV332", 20, 0, 1),
    ("LV340-required-clause.xml", "LV340", 5, 1, 1),
    ("LV341-example-marking.xml", "LV341", 6, 1, 1),
    ("LV342-required-content.xml", "LV342", 250, 1, 1),
    ("LV350-fact-mismatch.xml", "LV350", 12, 1, 1),
    ("LV351-fact-ungoverned.xml", "LV351", 12, 0, 1),
    ("LV380-duty-not-found.xml", "LV380", 419, 0, 1),
    ("LV392-signed-text-changed.xml", "LV392", 6, 1, 1),
    ("LV393-signed-text-unsealed.xml", "LV393", 6, 0, 1),
    ("LV394-seal-before-conclusion.xml", "LV394", 6, 0, 1),
]
# repository folder, file with the finding, code, line, severity, exit status with --strict
REPO_CASES = [
    ("jurisdiction", "contracts/bayern/LV321-jurisdiction-folder.xml", "LV321", 5, "error", 1),
    ("duplicate", "contracts/nrw/b.xml", "LV322", 6, "error", 1),
    ("mismatch", "contracts/nrw/v2.xml", "LV325", 16, "error", 1),
    ("departure", "contracts/nrw/instanz.xml", "LV360", 25, "error", 1),
    ("agreed", "contracts/nrw/instanz.xml", "LV361", 28, "info", 0),
    ("status", "contracts/nrw/instanz.xml", "LV370", 5, "warning", 1),
    ("retroactive", "contracts/nrw/verguetung.xml", "LV371", 5, "error", 1),
    ("gap", "contracts/nrw/nachfolger.xml", "LV372", 5, "warning", 1),
    ("amendment", "contracts/nrw/beispiel-nachtrag.xml", "LV390", 19, "error", 1),
    ("consolidation", "contracts/nrw/beispiel-konsolidiert.xml", "LV391", 5, "error", 1),
    ("copy", "contracts/nrw/beispiel-lesefassung.xml", "LV327", 5, "error", 1),
]


@pytest.mark.parametrize(
    ("name", "code", "line", "status", "strict_status"), CASES, ids=[case[0] for case in CASES]
)
def test_broken_document_gives_exactly_its_rule_at_its_line(
    runner: CliRunner, name: str, code: str, line: int, status: int, strict_status: int
) -> None:
    path = INVALID / name
    result = runner.invoke(cli, ["validate", str(path)])
    found = {(d.split(":")[1], d.split(" ")[1]) for d in result.stdout.splitlines()}
    assert found == {(str(line), code)}
    assert result.exit_code == status
    assert runner.invoke(cli, ["validate", "--strict", str(path)]).exit_code == strict_status


@pytest.mark.parametrize(
    ("folder", "name", "code", "line", "severity", "strict_status"),
    REPO_CASES,
    ids=[case[0] for case in REPO_CASES],
)
def test_repository_rule_reports_on_the_file_at_fault(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    folder: str,
    name: str,
    code: str,
    line: int,
    severity: str,
    strict_status: int,
) -> None:
    monkeypatch.chdir(REPOS / folder)
    result = runner.invoke(cli, ["validate", "--strict"])
    # notes (info) may accompany the finding, as a consolidated text's amended clauses do
    lines = [text for text in result.stdout.splitlines() if " info " not in text or code in text]
    assert len(lines) == 1 and lines[0].startswith(f"{name}:{line}:1: {code} {severity} ")
    assert result.exit_code == strict_status


def test_relations_that_agree_in_both_directions_are_valid(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPOS / "consistent")
    result = runner.invoke(cli, ["validate", "--strict"])
    assert (result.exit_code, result.stdout) == (0, "")


def test_checking_one_file_still_sees_the_rest_of_its_repository(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["validate", str(REPOS / "mismatch" / "contracts" / "nrw" / "v2.xml")]
    )
    assert "LV325" in result.stdout


def test_every_rule_has_a_broken_document() -> None:
    covered = {case[1] for case in CASES} | {case[2] for case in REPO_CASES}
    assert {code for code in CODES if code.startswith("LV3")} == covered


def test_every_code_is_documented_with_an_example_and_a_fix() -> None:
    rules_doc = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for code, info in CODES.items():
        assert f"## {code} {info.slug}" in rules_doc, code
        entry = rules_doc.split(f"## {code} ", 1)[1].split("\n## ", 1)[0]
        for part in ("**What**", "**Why**", "**Example**", "**Fix**"):
            assert part in entry, f"{code} lacks {part}"


@pytest.mark.parametrize(
    ("num", "value"),
    [
        ("§ 7", 7),
        ("7.2", 2),
        ("(3)", 3),
        ("II.", 2),
        ("IV.", 4),
        ("b)", 2),
        ("1.", 1),
        ("Art. 21", 21),
        ("§ 7a", None),
        ("Anlage", None),
    ],
)
def test_number_value_reads_display_numbers(num: str, value: int | None) -> None:
    assert number_value(num) == value


@settings(max_examples=120, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["remove", "duplicate", "move"]))
def test_mangled_documents_give_diagnostics_or_success_never_an_exception(
    seed: int, operation: str
) -> None:
    data = mangled(seed, operation)
    try:
        result = check_tree(parse_bytes(data, "m.xml"), "m.xml")
    except LvcheckError:  # a move can leave no valid root; that is a clean refusal too
        return
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CODES
        assert diagnostic.line >= 1


@pytest.mark.parametrize(
    ("operation", "at_least"), [("remove", 15), ("duplicate", 15), ("move", 30)]
)
def test_manglings_are_caught_so_the_property_is_not_vacuous(operation: str, at_least: int) -> None:
    """Of 40 manglings, many are found; some (an extra or missing <p>) are valid edits."""
    outcomes = []
    for seed in range(40):
        try:
            outcomes.append(
                bool(check_tree(parse_bytes(mangled(seed, operation), "m"), "m").diagnostics)
            )
        except LvcheckError:
            outcomes.append(True)
    assert sum(outcomes) >= at_least
    assert operation == "move" or not all(outcomes)


def test_xml_of_mangled_document_still_parses() -> None:
    assert etree.fromstring(mangled(1, "move")) is not None


def test_xinclude_is_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    source = (
        (DATA / "minimal.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<p>Es gilt der",
            f'<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}" '
            'parse="text"/>Es gilt der',
        )
    )
    path = tmp_path / "xinclude.xml"
    path.write_text(source, encoding="utf-8")
    (result,) = validate_paths([path], jobs=1)
    assert [d.code for d in result.diagnostics] == ["LV201"]
    assert "TOP-SECRET" not in "".join(str(d) for d in result.diagnostics)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_validate_turns_any_bytes_into_diagnostics(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.xml"
        path.write_bytes(data)
        (result,) = validate_paths([path], jobs=1)
    assert all(d.code in CODES for d in result.diagnostics)
    assert result.errors  # no byte string of that size is a valid agreement


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_comments_and_processing_instructions_anywhere_give_findings_never_a_crash(
    seed: int,
) -> None:
    """XML allows them between any two elements, also between <meta> and <body>."""
    import random
    import re

    from lvcheck.validation.engine import check_file

    source = EXAMPLES["nrw"].read_text(encoding="utf-8")
    chooser = random.Random(seed)
    places = [m.end() for m in re.finditer(r">\s*\n", source)]
    for number, place in enumerate(sorted(chooser.sample(places, 12), reverse=True)):
        extra = "<!-- Anmerkung -->" if number % 2 else "<?lvcheck x?>"
        source = source[:place] + extra + source[place:]
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "beispiel-x.xml"
        path.write_text(source, encoding="utf-8")
        result = check_file(path)
        assert all(d.code in CODES for d in result.diagnostics)
        assert not any(d.code == "LV307" for d in result.diagnostics)  # no text was added
    finally:
        shutil.rmtree(folder)


def test_a_successor_that_starts_on_its_conclusion_leaves_no_gap(tmp_path: Path) -> None:
    """LV372's other side: concluded on 15.11.2026 and in force from that day."""
    repository = tmp_path / "contracts" / "nrw"
    shutil.copytree(REPOS / "gap" / "contracts" / "nrw", repository)
    successor = repository / "nachfolger.xml"
    text = successor.read_text(encoding="utf-8")
    successor.write_text(text.replace('value="2099-01-01"', 'value="2026-11-15"'), "utf-8")
    codes = {d.code for checked in validate_paths([repository]) for d in checked.diagnostics}
    assert "LV372" not in codes
