"""Every `console` example in README.md is run, and must print exactly what it shows.

`pytest --update-golden` rewrites the README's outputs from the current lvcheck (review the
git diff: the README is what a new user reads first).
"""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from lvcheck.cli import cli

from .conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
HEAD = re.compile(r"\s*\|\s*head -n (\d+)\s*$")


def _examples() -> list[tuple[str, str]]:
    examples = []
    for block in BLOCK.findall(README.read_text(encoding="utf-8")):
        command, _, output = block.partition("\n")
        assert command.startswith("$ lvcheck "), command
        examples.append((command[2:], output))
    return examples


def _run(command: str, runner: CliRunner) -> str:
    head = HEAD.search(command)
    if head:
        command = command[: head.start()]
    output = runner.invoke(cli, shlex.split(command)[1:]).output
    if head:
        output = "".join(output.splitlines(keepends=True)[: int(head.group(1))])
    return output


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 4


@pytest.mark.parametrize(("command", "expected"), _examples(), ids=[c for c, _ in _examples()])
def test_readme_example_prints_what_it_shows(
    command: str,
    expected: str,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.chdir(ROOT)
    output = _run(command, runner)
    if request.config.getoption("--update-golden") and output != expected:
        text = README.read_text(encoding="utf-8")
        old = f"```console\n$ {command}\n{expected}```"
        assert text.count(old) == 1, command
        README.write_text(text.replace(old, f"```console\n$ {command}\n{output}```"), "utf-8")
        return
    assert output == expected


PYTHON = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_readme_python_example_prints_what_its_comments_show(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (code,) = PYTHON.findall(README.read_text(encoding="utf-8"))
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected
