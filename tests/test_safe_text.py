"""Hostile file names (safe_text.py): no output of lvcheck carries a raw control, bidi or
invisible character from a name, and JSON keeps the exact name for programs."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from lvcheck.cli import cli
from lvcheck.safe_text import escape_controls, json_text, unsafe

from .conftest import DATA, TEMPLATES

BROKEN = DATA / "invalid" / "LV311-ref-unresolved.xml"  # one finding
# A line break that would start a forged annotation, a carriage return, a terminal escape
# sequence, a right-to-left override that makes "lmx.exe" read as "exe.xml", a zero-width
# space and a C1 control.
HOSTILE = "evil\n::error file=x.xml::forged\r\x1b[31mred\u202elmx.exe\u200b\x85.xml"


@given(st.text())
def test_escaped_text_has_no_unsafe_character_and_keeps_the_rest(text: str) -> None:
    escaped = escape_controls(text)
    assert unsafe().search(escaped) is None
    if unsafe().search(text) is None:
        assert escaped == text


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_keeps_every_string_exact_and_no_unsafe_character_raw(value: object) -> None:
    text = json_text(value)
    assert json.loads(text) == value
    assert unsafe().search(text.replace("\n", "")) is None


def test_escapes_read_as_python_writes_them() -> None:
    assert escape_controls("a\nb\r\x1b\u202e\x85\ud8ff") == "a\\nb\\r\\x1b\\u202e\\x85\\ud8ff"


def test_a_byte_of_a_name_that_is_not_utf8_shows_as_that_byte() -> None:
    name = os.fsdecode(b"caf\xe9.xml")  # Latin-1, as an old file system may hold it
    assert escape_controls(name) == "caf\\xe9.xml"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / HOSTILE
    shutil.copy(BROKEN, path)
    return path


def _clean(output: str) -> None:
    """Only the output's own line breaks; nothing else that a name could have brought."""
    assert unsafe().search(output.replace("\n", "")) is None


def _validate(runner: CliRunner, path: Path, *options: str) -> str:
    result = runner.invoke(cli, ["validate", *options, str(path)])
    assert result.exit_code == 1, result.output
    _clean(result.output)
    return result.stdout


def test_text_report_keeps_one_line_per_finding(runner: CliRunner, hostile: Path) -> None:
    out = _validate(runner, hostile)
    assert out == (
        f"{escape_controls(str(hostile))}:36:1: LV311 error reference to '#sec_9', "
        "but no clause has the eId 'sec_9' [§ 2 Abs. 1]\n"
    )


def test_github_annotations_cannot_be_forged(
    runner: CliRunner, hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (line,) = _validate(runner, hostile, "--format", "github").splitlines()
    assert line.startswith("::error file=") and line.count("::") == 2
    assert "title=LV311 ref-unresolved::reference to '#sec_9'" in line
    table_rows = [r for r in summary.read_text("utf-8").splitlines() if r.startswith("| ")]
    assert len(table_rows) == 2  # the header and the one finding
    _clean(summary.read_text("utf-8"))


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_formats_keep_the_exact_name(
    runner: CliRunner, hostile: Path, output_format: str
) -> None:
    report = json.loads(_validate(runner, hostile, "--format", output_format))
    if output_format == "json":
        assert report["files"][0]["path"] == str(hostile)
    else:
        location = report["runs"][0]["results"][0]["locations"][0]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == str(hostile)


def test_junit_is_well_formed_xml_with_the_escaped_name(runner: CliRunner, hostile: Path) -> None:
    out = _validate(runner, hostile, "--format", "junit")
    case = etree.fromstring(out.encode()).find("testsuite/testcase")
    assert case is not None and case.get("name") == escape_controls(str(hostile))


def test_messages_of_fmt_and_errors_escape_the_name(runner: CliRunner, tmp_path: Path) -> None:
    messy = tmp_path / HOSTILE
    messy.write_bytes(TEMPLATES["nrw"].read_bytes().replace(b"\n    <", b"<"))
    missing = tmp_path / f"missing{HOSTILE}"
    result = runner.invoke(cli, ["fmt", "--check", str(messy), str(missing)])
    assert result.exit_code == 2
    _clean(result.output)
    assert result.stdout == f"{escape_controls(str(messy))}: not canonical (run: lvcheck fmt)\n"
    assert result.stderr.startswith(f"{escape_controls(str(missing))}:1:1: LV101 error no such")


def test_the_diff_labels_its_sides_with_escaped_names(runner: CliRunner, tmp_path: Path) -> None:
    old = tmp_path / f"old{HOSTILE}"
    shutil.copy(TEMPLATES["nrw"], old)
    new = DATA / "minimal.xml"
    for output_format in ("text", "markdown", "json", "html"):
        result = runner.invoke(cli, ["diff", "--format", output_format, str(old), str(new)])
        assert result.exit_code == 1, result.output
        _clean(result.output)
        if output_format in ("text", "markdown"):
            assert escape_controls(str(old)) in result.stdout


def test_the_exported_page_names_its_source_escaped(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / f"page{HOSTILE}"
    shutil.copy(TEMPLATES["nrw"], source)
    result = runner.invoke(cli, ["export", "--format", "html", str(source)])
    assert result.exit_code == 0, result.output
    _clean(result.stdout)
    assert "page" + escape_controls(HOSTILE) in result.stdout


def test_printable_ascii_is_left_as_it_is_and_every_other_ascii_character_is_searched() -> None:
    """escape_controls takes printable ASCII as proof that nothing needs escaping: over all
    of ASCII, the characters it skips that way are exactly those the pattern never finds."""
    for code in range(128):
        char = chr(code)
        skipped = char.isascii() and char.isprintable()
        assert skipped == (unsafe().search(char) is None)
