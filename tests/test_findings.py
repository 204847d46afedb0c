"""Report formats of `lvcheck validate` (render/findings.py), and parallel checking."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from lvcheck.cli import cli
from lvcheck.validation.engine import validate_paths

from .conftest import CONTRACTS, DATA

BROKEN = DATA / "invalid" / "LV311-ref-unresolved.xml"


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A document with one warning (LV304) and its own work id, so no LV322 with BROKEN."""
    source = (DATA / "invalid" / "LV304-numbering-gap.xml").read_text(encoding="utf-8")
    path = tmp_path / "warned.xml"
    path.write_text(source.replace('id="test-minimal"', 'id="test-warned"'), encoding="utf-8")
    return path


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout


def test_json_report_is_versioned_and_complete(runner: CliRunner) -> None:
    status, out = _run(runner, "--format", "json", str(BROKEN))
    report = json.loads(out)
    assert status == 1
    assert (report["format"], report["version"]) == ("lvcheck-validate", 1)
    assert report["summary"] == {"files": 1, "invalid": 1, "errors": 1, "warnings": 0}
    (file_report,) = report["files"]
    assert file_report["valid"] is False
    assert file_report["diagnostics"] == [
        {
            "line": 36,
            "column": 1,
            "code": "LV311",
            "rule": "ref-unresolved",
            "severity": "error",
            "message": "reference to '#sec_9', but no clause has the eId 'sec_9'",
            "clause": "§ 2 Abs. 1",
        }
    ]


def test_github_annotations_escape_and_summary_lists_everything(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warned: Path
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    status, out = _run(runner, "--format", "github", str(BROKEN), str(warned))
    assert status == 1
    assert out.splitlines() == [
        f"::error file={BROKEN},line=36,col=1,title=LV311 ref-unresolved::reference to "
        "'#sec_9', but no clause has the eId 'sec_9' [§ 2 Abs. 1]",
        f"::warning file={warned},line=30,col=1,title=LV304 numbering-gap::numbering jumps "
        "from '§ 1' to '§ 3' [§ 3]",
    ]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## lvcheck validate\n")
    assert "| 36 | LV311 | error |" in text and "| 30 | LV304 | warning |" in text


def test_sarif_report_names_rules_and_locations(runner: CliRunner) -> None:
    _, out = _run(runner, "--format", "sarif", str(BROKEN))
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert any(rule["id"] == "LV311" for rule in run["tool"]["driver"]["rules"])
    (result,) = run["results"]
    assert result["ruleId"] == "LV311" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 36, "startColumn": 1}


def test_junit_report_fails_the_broken_file_only(runner: CliRunner, warned: Path) -> None:
    _, out = _run(runner, "--format", "junit", str(BROKEN), str(warned))
    suite = etree.fromstring(out.encode()).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "LV311"


def test_junit_strict_fails_warnings_too(runner: CliRunner, warned: Path) -> None:
    _, out = _run(runner, "--format", "junit", "--strict", str(warned))
    suite = etree.fromstring(out.encode()).find("testsuite")
    assert suite is not None and suite.get("failures") == "1"


def test_parallel_and_serial_checks_agree(tmp_path: Path) -> None:
    region = tmp_path / "contracts" / "nrw"
    region.mkdir(parents=True)
    for index in range(60):  # above the threshold where worker processes start
        shutil.copy(BROKEN, region / f"copy-{index:02}.xml")
    serial = validate_paths([tmp_path / "contracts"], jobs=1)
    parallel = validate_paths([tmp_path / "contracts"], jobs=2)
    assert serial == parallel
    assert len(serial) == 60
    # every copy breaks its reference; all but the first also repeat its version (LV322)
    assert [sorted({d.code for d in r.diagnostics}) for r in serial] == (
        [["LV311"]] + [["LV311", "LV322"]] * 59
    )


def test_repository_contracts_are_valid_in_strict_mode(runner: CliRunner) -> None:
    status, out = _run(runner, "--strict", str(CONTRACTS))
    # the one note: the Bavarian example's agreed deviation (an invented signatory)
    assert (status, [line.split(" ")[1:3] for line in out.splitlines()]) == (
        0,
        [["LV361", "info"]],
    )
