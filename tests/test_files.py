"""files.py: finding agreement files without skipping any in silence."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lvcheck.cli import cli
from lvcheck.files import iter_agreement_files

from .conftest import TEMPLATES

TOO_LONG = "n" * 300 + ".xml"  # longer than any file system allows a name to be


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """contracts/ with two agreements in two regions and a sub-folder."""
    root = tmp_path / "contracts"
    for path in (root / "nrw" / "a.xml", root / "bayern" / "b.xml"):
        path.parent.mkdir(parents=True)
        shutil.copy(TEMPLATES[path.parent.name], path)
    return root


@pytest.fixture
def unlistable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """contracts/bayern as a folder this user may not list (tests run as root, for whom
    permissions mean nothing, so the refusal is the operating system's answer faked)."""
    closed = folder / "bayern"
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == os.fspath(closed):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(closed))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    return closed


def test_a_folder_is_searched_in_a_stable_order(folder: Path) -> None:
    assert list(iter_agreement_files([folder])) == [
        folder / "bayern" / "b.xml",
        folder / "nrw" / "a.xml",
    ]


def test_a_folder_that_cannot_be_listed_is_yielded_not_skipped(
    folder: Path, unlistable: Path
) -> None:
    assert list(iter_agreement_files([folder])) == [unlistable, folder / "nrw" / "a.xml"]


def test_a_name_too_long_to_ask_about_is_yielded_as_given(tmp_path: Path) -> None:
    assert list(iter_agreement_files([tmp_path / TOO_LONG])) == [tmp_path / TOO_LONG]


@pytest.mark.parametrize("command", [["validate"], ["fmt", "--check"]])
def test_an_unlistable_folder_is_a_finding_and_the_rest_is_checked(
    runner: CliRunner, folder: Path, unlistable: Path, command: list[str]
) -> None:
    result = runner.invoke(cli, [*command, str(folder)])
    assert result.exit_code == 2, result.output
    expected = f"{unlistable}:1:1: LV101 error is a folder that cannot be read: Permission denied"
    assert expected in result.output
    assert result.stderr.splitlines()[-1].startswith("2 file(s)")  # a.xml checked too


@pytest.mark.parametrize("command", [["validate"], ["fmt", "--check"]])
def test_an_unreadable_name_is_a_finding_and_the_rest_is_checked(
    runner: CliRunner, folder: Path, command: list[str]
) -> None:
    bad = folder / TOO_LONG
    result = runner.invoke(cli, [*command, str(bad), str(folder / "nrw" / "a.xml")])
    assert result.exit_code == 2, result.output
    assert f"{bad}:1:1: LV101 error cannot read: File name too long" in result.output
    assert "internal error" not in result.output
    assert result.stderr.splitlines()[-1].startswith("2 file(s)")


@pytest.mark.parametrize(
    "command", [["export"], ["diff", str(TEMPLATES["nrw"])], ["textconv"]], ids=str
)
def test_export_and_diff_report_an_unreadable_file_with_exit_2(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    bad = tmp_path / TOO_LONG
    result = runner.invoke(cli, [*command, str(bad)])
    assert f"{bad}:1:1: LV101 error cannot read: File name too long" in result.stderr
    assert result.exit_code == (0 if command == ["textconv"] else 2)  # textconv never fails
    assert "Traceback" not in result.output and "internal error" not in result.output


# ---------------------------------------------------------------- leftovers of killed runs
