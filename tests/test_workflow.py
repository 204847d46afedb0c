"""The repository's wiring into other tools: pre-commit hooks, GitHub workflows, .ci/run and
git's hunk headers. Each is run or read as the tool would, not compared with a snapshot."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lvcheck.cli import cli

from .conftest import ROOT, TEMPLATES

README = ROOT / "README.md"


def _tracked_files() -> list[str]:
    done = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
    )
    return [name for name in done.stdout.decode("utf-8").split("\0") if name]


def _hooks() -> dict[str, dict[str, object]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in hooks}


@pytest.mark.parametrize("hook_id", ["lvcheck-validate", "lvcheck-fmt"])
def test_pre_commit_hooks_see_the_agreements_and_nothing_else(hook_id: str) -> None:
    pattern = re.compile(str(_hooks()[hook_id]["files"]))
    seen = sorted(name for name in _tracked_files() if pattern.search(name))
    agreements = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "contracts").rglob("*.xml"))
    assert seen == agreements


def test_the_fmt_hook_passes_on_this_repository_as_pre_commit_runs_it(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = _hooks()["lvcheck-fmt"]
    pattern = re.compile(str(hook["files"]))
    files = [name for name in _tracked_files() if pattern.search(name)]
    command = shlex.split(str(hook["entry"]))
    assert command[0] == "lvcheck"
    monkeypatch.chdir(ROOT)
    result = runner.invoke(cli, [*command[1:], *files])
    assert result.exit_code == 0, result.output


GIT_SETUP = re.compile(r"^git config diff\.lvcheck\.\w+ .*$", re.MULTILINE)


def _git(repository: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repository), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


def _hunk_headers(diff: str) -> list[str]:
    return [line.split("@@")[2].strip() for line in diff.splitlines() if line.startswith("@@")]


@pytest.mark.parametrize(
    ("template", "old", "new", "clause"),
    [
        (
            "nrw",
            b"zum 15. Oktober eines Jahres",
            b"zum 30. September eines Jahres",
            "§ 8 Personelle Ausstattung/ Personalqualifikation",
        ),
        (
            "bayern",
            b"in der aktuell geltenden Fassung",
            b"in der jeweils geltenden Fassung",
            "1. Wesentliche rechtliche Grundlagen",
        ),
    ],
)
def test_git_diff_hunk_headers_name_the_clause_with_the_readme_setup(
    tmp_path: Path, template: str, old: bytes, new: bytes, clause: str
) -> None:
    setup = [shlex.split(line) for line in GIT_SETUP.findall(README.read_text(encoding="utf-8"))]
    assert [command[2] for command in setup] == ["diff.lvcheck.textconv", "diff.lvcheck.xfuncname"]
    assert setup[0][3] == "lvcheck textconv"
    shutil.copy(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    agreement = tmp_path / "contracts" / "a.xml"
    agreement.parent.mkdir()
    agreement.write_bytes(TEMPLATES[template].read_bytes())
    _git(tmp_path, "init", "-q")
    for command in setup:
        _git(tmp_path, *command[1:])
    # this interpreter's lvcheck, wherever the console script of PATH points
    _git(tmp_path, "config", "diff.lvcheck.textconv", f"{sys.executable} -m lvcheck textconv")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "v1")
    assert agreement.read_bytes().count(old) == 1
    agreement.write_bytes(agreement.read_bytes().replace(old, new))
    diff = _git(tmp_path, "diff")
    added = [line for line in diff.splitlines() if line.startswith("+") and new.decode() in line]
    assert len(added) == 1 and "<" not in added[0]  # the reading text, not XML
    assert _hunk_headers(diff) == [clause]


SKIPPING = """
import pytest

pytest.importorskip("a_module_that_does_not_exist")
"""
SKIPPING_TEST = """
import pytest

@pytest.mark.skipif(True, reason="no browser here")
def test_marked():
    pass

def test_told():
    pytest.skip("no data here")

@pytest.mark.xfail(reason="known", strict=True)
def test_expected_to_fail():
    assert False

def test_fine():
    pass
"""


@pytest.mark.parametrize(("ci", "expected"), [("true", 1), ("", 0)])
def test_a_skip_fails_the_run_in_ci_and_only_there(tmp_path: Path, ci: str, expected: int) -> None:
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import pytest_make_collect_report, pytest_runtest_makereport\n"
    )
    (tmp_path / "test_skipping_module.py").write_text(SKIPPING)
    (tmp_path / "test_skipping.py").write_text(SKIPPING_TEST)
    env = {**os.environ, "CI": ci, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA"),
            *("--continue-on-collection-errors", str(tmp_path)),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == expected, done.stdout
    last = done.stdout.splitlines()[-1]
    if ci:
        # a skip in setup or collection becomes an error, in the test's call a failure
        assert "1 failed, 1 passed, 1 xfailed, 2 errors" in last, done.stdout
        for reason in ("no browser here", "no data here", "could not import 'a_module_that"):
            assert f"skipped in CI, where a skip hides a test that did not run: {reason}" in (
                done.stdout
            )
    else:
        assert "1 passed, 3 skipped, 1 xfailed" in last, done.stdout


# ---------------------------------------------------------------- GitHub workflows

WORKFLOWS = ROOT / ".github" / "workflows"
SHELL_LOGIC = re.compile(r"\||&&|;|\$\(|`|(^|\s)(if|then|for|while|do|case|exit|set)(\s|$)")


def _run_steps(workflow: str) -> list[str]:
    jobs = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))["jobs"]
    return [step["run"].strip() for job in jobs.values() for step in job["steps"] if "run" in step]


def test_ci_is_defined_once_in_ci_run() -> None:
    assert _run_steps("ci.yml") == ["bash .ci/run"]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export CI=true" in script  # a skipped test fails CI (conftest.py)
    # the README's quickstart commands, as CI runs them
    for command in ("lvcheck fmt --check contracts/", "ruff check src tests bench", "mypy"):
        assert f"\n{command}\n" in script
    assert script.rstrip().endswith("\npython3 -m pytest")


def test_the_comment_workflow_only_calls_lvcheck_and_posts_its_output() -> None:
    steps = _run_steps("diff-comment.yml")
    assert all("\n" not in step and not SHELL_LOGIC.search(step) for step in steps), steps
    assert [step.split()[0] for step in steps] == ["python", "lvcheck", "cat", "gh"]


def _workflow_review(base: str) -> list[str]:
    (command,) = [s for s in _run_steps("diff-comment.yml") if s.startswith("lvcheck review")]
    assert f"\n{command}\n" in README.read_text(encoding="utf-8")  # the README shows it
    return [base if word == "$BASE" else word for word in shlex.split(command)]


def test_the_workflows_review_command_writes_the_comment_and_fails_only_on_trouble(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    agreement = tmp_path / "contracts" / "nrw" / "a.xml"
    agreement.parent.mkdir(parents=True)
    agreement.write_bytes(TEMPLATES["nrw"].read_bytes())
    _git(tmp_path, "init", "-q")
    author = ("-c", "user.name=Test", "-c", "user.email=t@example.org")
    _git(tmp_path, "add", ".")
    _git(tmp_path, *author, "commit", "-qm", "base")
    base = _git(tmp_path, "rev-parse", "HEAD").strip()
    agreement.write_bytes(agreement.read_bytes().replace(b"zum 15. Oktober", b"zum 1. Mai"))
    _git(tmp_path, *author, "commit", "-qam", "change")
    monkeypatch.chdir(tmp_path)
    command = _workflow_review(base)
    result = runner.invoke(cli, command[1:])
    assert result.exit_code == 0, result.output  # changes are what a pull request is for
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert "<del>15. Oktober</del><ins>1. Mai</ins>" in comment  # a date is one token
    agreement.write_bytes(b"<agreement")
    _git(tmp_path, *author, "commit", "-qam", "break")
    result = runner.invoke(cli, command[1:])
    assert result.exit_code == 2  # a broken file fails the job, and is in the comment
    assert "nicht lesbar" in (tmp_path / "comment.md").read_text(encoding="utf-8")
