"""files.py: finding agreement files without skipping any in silence, and writing output
that a killed run cannot leave behind as litter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lvcheck import files
from lvcheck.cli import cli
from lvcheck.files import iter_agreement_files, write_atomic

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


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def _age(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_killed_run_leaves_nothing_that_the_next_run_does_not_remove(tmp_path: Path) -> None:
    target = tmp_path / "out" / "page.html"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from lvcheck import files\n"
            "Path.replace = lambda *a: (print('written', flush=True), time.sleep(60))\n"
            f"files.write_atomic(Path({str(target)!r}), b'x' * 1000)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "written\n"
    child.kill()
    child.wait()
    (left,) = target.parent.iterdir()  # the temporary file of the killed run
    assert left.name.startswith(".page.html.lvcheck-") and left.name.endswith(".tmp")
    files._tidied.clear()
    write_atomic(target, b"next run")
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html"]


def test_temporaries_of_running_writers_and_other_files_are_kept(tmp_path: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    hour = 3600.0
    try:
        names = {  # name: (age in seconds, whether it must be kept)
            f".a.html.lvcheck-{writer.pid}-abcdefgh.tmp": (0.0, True),  # still being written
            f".a.html.lvcheck-{_dead_pid()}-abcdefgh.tmp": (0.0, False),  # its writer is gone
            f".b.xml.lvcheck-{writer.pid}-ijklmnop.tmp": (hour, False),  # its pid reused
            ".a.html.qrstuvwx": (hour, False),  # an older lvcheck's, abandoned
            ".a.html.abcdefgh": (0.0, True),  # an older lvcheck's, maybe still being written
            ".notes.abcdefgh": (hour, True),  # not beside a file that lvcheck writes
            "a.html": (hour, True),
        }
        for name, (age, _) in names.items():
            (tmp_path / name).touch()
            _age(tmp_path / name, age)
        removed = files.remove_abandoned_temporaries(tmp_path)
        assert sorted(p.name for p in removed) == sorted(n for n, (_, k) in names.items() if not k)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            n for n, (_, k) in names.items() if k
        )
    finally:
        writer.kill()
        writer.wait()
