"""Signed text protected (document/seal.py, rules/signed.py, `lvcheck seal`): variants of
the repository's signed contracts, each expecting the finding or its absence."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.cli import cli
from lvcheck.document.parse import parse_bytes
from lvcheck.document.seal import PATTERN, recorded_digest, text_digest

from .conftest import CONTRACTS

NRW = "contracts/nrw/beispiel-lvr-ihl-kita-assistenz-rheinland.xml"
NACHTRAG = "contracts/nrw/beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"
BAYERN = "contracts/bayern/beispiel-kita-regenbogen-t-k-kita-2021-22.xml"
SIGNED = (NRW, NACHTRAG, BAYERN)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CONTRACTS, tmp_path / "contracts")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _edit(path: str, old: str, new: str) -> None:
    data = Path(path).read_text(encoding="utf-8")
    assert data.count(old) >= 1, old
    Path(path).write_text(data.replace(old, new, 1), encoding="utf-8")


def _codes(runner: CliRunner, code: str = "LV39") -> list[str]:
    result = runner.invoke(cli, ["validate", "--strict"])
    return [line for line in result.stdout.splitlines() if f" {code}" in line]


@pytest.mark.parametrize("name", SIGNED)
def test_every_signed_example_records_the_digest_of_its_text(name: str) -> None:
    root = parse_bytes((CONTRACTS.parent / name).read_bytes(), name).getroot()
    recorded = recorded_digest(root)
    assert recorded is not None and PATTERN.fullmatch(recorded)
    assert recorded == text_digest(root)


def test_a_word_of_a_signed_instance_edited_in_place_is_an_error(
    repository: Path, runner: CliRunner
) -> None:
    # the case: the signed words edited as a new user would, in § 14 Abs. 1
    _edit(NRW, "12 Monaten", "6 Monaten")
    found = _codes(runner)
    assert len(found) == 1 and found[0].startswith(f"{NRW}:5:1: LV392 error signed text changed")
    assert "amend it by a Nachtrag or a new version" in found[0]


def test_a_signed_instance_departing_by_agreement_still_cannot_change_its_words(
    repository: Path, runner: CliRunner
) -> None:
    # the Bavarian example's signature block departs from its template by agreement
    # (LV361); an edit there is still a change of signed words
    _edit(BAYERN, "Paul Beispiel", "Paula Beispiel")
    assert [line.split(" ")[1] for line in _codes(runner)] == ["LV392"]


def test_a_nachtrags_instruction_changed_after_signing_is_an_error(
    repository: Path, runner: CliRunner
) -> None:
    _edit(NACHTRAG, 'new="30. September"', 'new="31. August"')
    found = _codes(runner, "LV392")
    assert len(found) == 1 and found[0].startswith(f"{NACHTRAG}:")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('status="inForce"', 'status="terminated"'),
        ("</title>", "</title>\n    <note>Kündigung ging am 15.03.2027 ein.</note>"),
    ],
    ids=["status", "note"],
)
def test_the_header_of_a_signed_version_stays_editable(
    repository: Path, runner: CliRunner, old: str, new: str
) -> None:
    _edit(NRW, old, new)
    assert _codes(runner, "LV392") == []


def test_fmt_keeps_the_digest_valid(repository: Path, runner: CliRunner) -> None:
    data = Path(NRW).read_text(encoding="utf-8")
    # layout, not words: indentation between elements and the order of attributes
    messy = data.replace("\n    <section", "\n<section").replace(
        '<party id="lvr" name="Landschaftsverband Rheinland (LVR)" role="authority"/>',
        '<party role="authority" id="lvr" name="Landschaftsverband Rheinland (LVR)"/>',
    )
    Path(NRW).write_text(messy, encoding="utf-8")
    assert _codes(runner, "LV392") == []
    assert runner.invoke(cli, ["fmt", NRW]).exit_code == 0
    assert Path(NRW).read_text(encoding="utf-8") == data
    assert _codes(runner, "LV392") == []


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_any_changed_character_of_running_text_changes_the_digest(data: st.DataObject) -> None:
    raw = (CONTRACTS.parent / NRW).read_bytes()
    root = parse_bytes(raw, NRW).getroot()
    texts = [p for p in root.iter("{urn:lvcheck:agreement:1.0}p") if p.text and p.text.strip()]
    texts = [p for p in texts if not any(a.tag.endswith("meta") for a in p.iterancestors())]
    paragraph = data.draw(st.sampled_from(texts))
    assert paragraph.text is not None
    at = data.draw(st.integers(0, len(paragraph.text)))
    before = text_digest(root)
    paragraph.text = paragraph.text[:at] + data.draw(st.sampled_from("x ,")) + paragraph.text[at:]
    assert text_digest(root) != before


def test_seal_records_the_digest_and_refuses_a_changed_text(
    repository: Path, runner: CliRunner
) -> None:
    data = Path(NRW).read_text(encoding="utf-8")
    Path(NRW).write_text(re.sub(r' digest="[^"]*"', "", data), encoding="utf-8")
    assert [line.split(" ")[1] for line in _codes(runner)] == ["LV393"]
    result = runner.invoke(cli, ["seal", NRW])
    assert result.exit_code == 0 and "digest of the signed text recorded" in result.stdout
    assert _codes(runner) == []
    sealed = Path(NRW).read_bytes()
    _edit(NRW, "12 Monaten", "6 Monaten")
    edited = Path(NRW).read_bytes()
    result = runner.invoke(cli, ["seal", NRW])
    assert result.exit_code == 1 and "signed text changed since it was sealed" in result.stdout
    assert Path(NRW).read_bytes() == edited  # nothing written
    assert runner.invoke(cli, ["seal", "--renew", NRW]).exit_code == 0
    assert Path(NRW).read_bytes() != sealed and _codes(runner, "LV392") == []


def test_seal_leaves_a_template_alone(repository: Path, runner: CliRunner) -> None:
    template = "contracts/nrw/lvr-ihl-externe-leistungserbringer.xml"
    before = Path(template).read_bytes()
    result = runner.invoke(cli, ["seal", template])
    assert result.exit_code == 0 and "not concluded" in result.stdout
    assert Path(template).read_bytes() == before
