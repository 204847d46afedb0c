"""Shared fixtures: repository paths, the golden-file helper, the CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "contracts"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"

TEMPLATES = {
    "nrw": CONTRACTS / "nrw" / "lvr-ihl-externe-leistungserbringer.xml",
    "bayern": CONTRACTS / "bayern" / "bezirk-niederbayern-t-k-kita-2021-22.xml",
}
EXAMPLES = {
    "nrw": CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml",
    "bayern": CONTRACTS / "bayern" / "beispiel-kita-regenbogen-t-k-kita-2021-22.xml",
}
ALL_CONTRACTS = sorted(CONTRACTS.rglob("*.xml"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output (review the git diff by eye!)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """Compare text with a golden file, or rewrite the file with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(path: Path, actual: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"missing golden file {path}; create it with --update-golden"
        assert actual == path.read_text(encoding="utf-8")

    return check


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
