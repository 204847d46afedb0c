"""The repository's wiring into other tools: pre-commit hooks, GitHub workflows, .ci/run and
git's hunk headers. Each is run or read as the tool would, not compared with a snapshot."""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest
import yaml
from click.testing import CliRunner

from lvcheck.cli import cli

from .conftest import ROOT


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
