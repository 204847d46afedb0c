"""Shared fixtures: repository paths, the golden-file helper, the CLI runner; and in CI
(CI=true, as GitHub sets it and .ci/run exports it) every skip is a failure, and the
property tests draw their examples from a fixed seed."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from hypothesis import settings

if TYPE_CHECKING:
    from .libreoffice import Office

# In CI the property tests draw the same examples on every run: a gate must not turn red
# because one run happened upon a new example. At a desk they draw fresh ones each run
# (and keep what failed in .hypothesis/), which is where new cases are found and fixed.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = ROOT / "contracts"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"  # the team's tools; tests run without it (copies in data/)
SOURCES = DATA / "sources"  # the source texts of the two templates, as in ../shared/seeds

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


@pytest.fixture(scope="session")
def office() -> Iterator[Office]:
    """LibreOffice, started once for the whole session (tests/libreoffice.py)."""
    from .libreoffice import office_session

    yield from office_session()


# ---------------------------------------------------------------- no skip in CI


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _skip_reason(longrepr: object) -> str:
    # a skip's longrepr is (path, line, "Skipped: reason")
    reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


def _fail_a_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = _skip_reason(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where a skip hides a test that did not run: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    _fail_a_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield  # a whole module skipped, e.g. by pytest.importorskip
    _fail_a_skip(report)
    return report
