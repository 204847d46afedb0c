"""The command line (cli.py): exit codes and exact messages, through click's CliRunner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lvcheck.cli import cli

from .conftest import ALL_CONTRACTS, CONTRACTS, DATA, TEMPLATES

INVALID = DATA / "invalid"
SUCCESSOR = CONTRACTS / "nrw" / "beispiel-lvr-ihl-mustervertrag.xml"


def test_validate_without_arguments_checks_the_contracts_folder(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CONTRACTS.parent)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["LV361"]
    assert result.stderr == (
        f"{len(ALL_CONTRACTS)} file(s) checked, {len(ALL_CONTRACTS)} valid, 0 with errors, "
        "1 note(s)\n"
    )


def test_validate_without_arguments_outside_a_repository_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "no PATH given and no contracts/ folder here" in result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "external-entity.xml",
            ":2:1: LV103 error DOCTYPE and entity declarations are not allowed",
        ),
        ("entity-expansion.xml", ":2:1: LV103 error DOCTYPE"),
        ("external-dtd.xml", ":2:1: LV103 error DOCTYPE"),
        (
            "invalid-utf8.xml",
            ":4:16: LV102 error not well-formed XML: Invalid bytes in character encoding",
        ),
        ("truncated.xml", ":4:17: LV102 error not well-formed XML"),
        ("binary-junk.xml", ":1:1: LV102 error not well-formed XML"),
        (
            "deep-nesting.xml",
            ":2:1581: LV102 error not well-formed XML: elements nested deeper than 256 levels",
        ),
        (
            "wrong-namespace.xml",
            ":2:1: LV104 error expected <agreement> in namespace 'urn:lvcheck:agreement:1.0', got <agreement> in namespace 'urn:example:other'",
        ),
        ("wrong-root.xml", ":2:1: LV104 error expected <agreement>"),
        (
            "schema-unknown-element.xml",
            ":46:1: LV201 error Element 'headline': This element is not expected.",
        ),
    ],
)
def test_validate_reports_a_broken_file_with_position_and_exit_1(
    runner: CliRunner, name: str, expected: str
) -> None:
    path = INVALID / name
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}{expected}")
    assert "Traceback" not in result.output


def test_schema_error_names_the_clause(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", str(INVALID / "schema-unknown-element.xml")])
    assert result.stdout.rstrip().endswith("[§ 1]")


def test_validate_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    result = runner.invoke(cli, ["validate", str(missing)])
    assert result.exit_code == 2
    assert result.stdout == f"{missing}:1:1: LV101 error no such file\n"


def test_validate_folder_reports_each_bad_file_and_keeps_going(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", str(INVALID), str(TEMPLATES["nrw"])])
    assert result.exit_code == 1
    reported = {line.split(":")[0] for line in result.stdout.splitlines()}
    every_file = {str(path) for path in INVALID.rglob("*.xml")}
    assert {str(path) for path in INVALID.glob("*.xml")} <= reported <= every_file
    assert result.stderr.startswith(f"{len(every_file) + 1} file(s) checked, ")


def test_export_text_prints_the_reading_text(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", str(TEMPLATES["bayern"]), "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "Individuelle Leistungsvereinbarung nach dem Bayer. Rahmenvertrag gemäß § 131 SGB IX\n"
    )


def test_export_writes_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "nrw.txt"
    result = runner.invoke(cli, ["export", str(TEMPLATES["nrw"]), "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("Leistungsvereinbarung über individuelle")


def test_export_never_overwrites_its_input(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "a.xml"
    shutil.copy(TEMPLATES["nrw"], source)
    before = source.read_bytes()
    result = runner.invoke(cli, ["export", str(source), "-o", str(source)])
    assert result.exit_code == 2
    assert "refusing to overwrite the input file" in result.stderr
    assert source.read_bytes() == before


def test_export_of_an_invalid_file_exits_2_with_all_findings(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", str(INVALID / "schema-unknown-element.xml")])
    assert result.exit_code == 2
    assert "LV201 error Element 'headline'" in result.stderr
    assert result.stdout == ""


def test_export_of_hostile_file_exits_2_without_traceback(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", str(INVALID / "external-entity.xml")])
    assert result.exit_code == 2
    assert "LV103" in result.stderr and "Traceback" not in result.output


def test_fmt_check_passes_on_the_repository(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["fmt", "--check", str(CONTRACTS)])
    assert result.exit_code == 0
    assert result.stdout == ""


def test_fmt_check_names_the_file_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    messy = tmp_path / "messy.xml"
    messy.write_bytes(TEMPLATES["nrw"].read_bytes().replace(b"\n    <", b"<"))
    before = messy.read_bytes()
    result = runner.invoke(cli, ["fmt", "--check", str(messy)])
    assert result.exit_code == 1
    assert result.stdout == f"{messy}: not canonical (run: lvcheck fmt)\n"
    assert messy.read_bytes() == before


def test_fmt_rewrites_in_place(runner: CliRunner, tmp_path: Path) -> None:
    messy = tmp_path / "messy.xml"
    messy.write_bytes(TEMPLATES["nrw"].read_bytes().replace(b"\n    <", b"<"))
    result = runner.invoke(cli, ["fmt", str(messy)])
    assert result.exit_code == 0
    assert result.stdout == f"{messy}: reformatted\n"
    assert messy.read_bytes() == TEMPLATES["nrw"].read_bytes()


def test_fmt_refuses_a_hostile_file_and_leaves_it_alone(runner: CliRunner, tmp_path: Path) -> None:
    hostile = tmp_path / "x.xml"
    shutil.copy(INVALID / "entity-expansion.xml", hostile)
    before = hostile.read_bytes()
    result = runner.invoke(cli, ["fmt", str(hostile)])
    assert result.exit_code == 2
    assert "LV103" in result.stderr
    assert hostile.read_bytes() == before


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", str(TEMPLATES["nrw"]), "--format", "odt"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_fmt_reports_a_broken_file_and_still_formats_the_others(
    runner: CliRunner, tmp_path: Path
) -> None:
    shutil.copy(INVALID / "truncated.xml", tmp_path / "a-broken.xml")
    messy = tmp_path / "b-messy.xml"
    messy.write_bytes(TEMPLATES["nrw"].read_bytes().replace(b"\n    <", b"<"))
    result = runner.invoke(cli, ["fmt", str(tmp_path)])
    assert result.exit_code == 2
    assert "a-broken.xml:4:17: LV102" in result.stderr
    assert result.stdout == f"{messy}: reformatted\n"
    assert messy.read_bytes() == TEMPLATES["nrw"].read_bytes()
    assert result.stderr.endswith("2 file(s), 1 reformatted, 1 not readable as XML\n")


def _diff_through_a_pipe(*options: str) -> str:
    """`lvcheck diff OPTIONS old new | cat`: a real process whose stdout is a pipe."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lvcheck",
            "diff",
            *options,
            str(TEMPLATES["nrw"]),
            str(SUCCESSOR),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_diff_keeps_its_colours_through_a_pipe_when_asked() -> None:
    out = _diff_through_a_pipe("--color")
    assert "\033[31;9m12\033[0m \033[32msechs\033[0m" in out
    assert "[-" not in out


def test_diff_through_a_pipe_marks_changes_in_plain_text_by_default() -> None:
    for options in ((), ("--no-color",)):
        out = _diff_through_a_pipe(*options)
        assert "[-12-] {+sechs+}" in out
        assert "\033[" not in out


@pytest.mark.parametrize(("asked", "expected"), [(None, "cpus"), (1, 1), (100_000, "cpus")])
def test_jobs_are_capped_at_the_usable_cpus(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, asked: int | None, expected: object
) -> None:
    import lvcheck.validation.engine as engine

    seen: list[int | None] = []
    real = engine.validate_paths
    monkeypatch.setattr(
        engine, "validate_paths", lambda paths, jobs: seen.append(jobs) or real(paths, jobs)
    )
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})
    options = [] if asked is None else ["--jobs", str(asked)]
    result = runner.invoke(cli, ["validate", *options, str(TEMPLATES["nrw"])])
    assert result.exit_code == 0, result.output
    assert seen == [3 if expected == "cpus" else expected]


def test_an_output_that_cannot_be_written_is_a_message_and_exit_2_not_an_internal_error() -> None:
    """A full disk (/dev/full) is no bug of lvcheck: it says what failed, exits 2."""
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "lvcheck", "export", str(TEMPLATES["nrw"]), "--format", "text"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert "No space left on device" in done.stderr and "internal error" not in done.stderr


def test_a_reader_that_goes_away_ends_the_output_quietly() -> None:
    """lvcheck diff … | head: no traceback, no message, the exit code of a diff. (The
    page, 88 kB, is larger than a pipe holds, so the write fails: at the latest when
    the console script flushes its output before it exits.)"""
    old, example = TEMPLATES["nrw"], CONTRACTS / "nrw" / "beispiel-lvr-ihl-mustervertrag.xml"
    child = subprocess.Popen(
        [sys.executable, "-m", "lvcheck", "diff", "--format", "html", str(old), str(example)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(10)
    child.stdout.close()  # the reader goes away after ten bytes
    stderr = child.stderr.read().decode()
    assert child.wait() in (0, 1)
    assert "Traceback" not in stderr and "internal error" not in stderr
