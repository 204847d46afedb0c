"""Every `console` example in README.md is run, and must print exactly what it shows."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from lvcheck.cli import cli

from .conftest import ROOT

BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
HEAD = re.compile(r"\s*\|\s*head -n (\d+)\s*$")


def _examples() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in BLOCK.findall(readme):
        command, _, output = block.partition("\n")
        assert command.startswith("$ lvcheck "), command
        examples.append((command[2:], output))
    return examples


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 4


@pytest.mark.parametrize(("command", "expected"), _examples(), ids=[c for c, _ in _examples()])
def test_readme_example_prints_what_it_shows(
    command: str, expected: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    head = HEAD.search(command)
    if head:
        command = command[: head.start()]
    result = runner.invoke(cli, shlex.split(command)[1:])
    output = result.output
    if head:
        output = "".join(output.splitlines(keepends=True)[: int(head.group(1))])
    assert output == expected
