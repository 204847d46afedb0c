"""The statute tables (src/lvcheck/data/statutes/) are what scripts/statutes.py makes of
the official texts kept in the repository, and those texts are the ones they name."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from lvcheck.document.statutes import Target, missing, not_in_force, statutes, table

from .conftest import ROOT

SCRIPTS = ROOT / "scripts"


def _script(name: str) -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script("statutes")


def test_every_table_is_what_its_texts_give(script: ModuleType) -> None:
    for abbreviation in script.STATUTES:
        committed = (script.TABLES / script.table_name(abbreviation)).read_text(encoding="utf-8")
        assert committed == script.render(script.build(abbreviation)), abbreviation


def test_every_text_is_the_blob_its_table_names(script: ModuleType) -> None:
    """The git blob id of each kept text is the one bundestag/gesetze's commit holds."""
    for abbreviation in script.STATUTES:
        found = table(abbreviation)
        assert found is not None
        raw = script.build(abbreviation)
        for text in raw["texts"]:
            folder = next(f for f, commit in script.SNAPSHOTS if commit == text["commit"])
            data = (script.SOURCES / folder / text["path"]).read_bytes()
            assert script.blob_id(data) == text["blob"]
    # the ids as that repository's tree gives them, checked once by hand against it
    expected = {
        "2022-01-28-5710c0a6/s/sgb_9_2018": "240d545364ab27fd86911b7b399a4257f030576b",
        "2013-01-11-a0d25e33/b/bgb": "c5dd44f97703484f782e2614db04f29cd6c9c01d",
        "2022-01-28-5710c0a6/b/bgb": "c30e89b70366ae3b891fada42f283f91373b3813",
    }
    for path, blob in expected.items():
        assert script.blob_id((script.SOURCES / path / "index.md").read_bytes()) == blob


def test_every_statute_with_a_table_is_a_known_statute(script: ModuleType) -> None:
    assert set(script.STATUTES) <= set(statutes())
    tables = {p.name for p in script.TABLES.glob("*.json")}
    assert tables == {script.table_name(a) for a in script.STATUTES}


def test_a_table_changes_when_its_text_does(script: ModuleType, tmp_path: Path) -> None:
    """The oracle of the generator: § 130 SGB IX given an Absatz (2) in a copy of its text
    becomes a § with Absätze, and nothing else changes."""
    folder, _ = script.SNAPSHOTS[-1]
    source = script.SOURCES / folder / "s/sgb_9_2018/index.md"
    text = source.read_text(encoding="utf-8")
    anchor = "Die Kündigung bedarf der Schriftform. § 59 des Zehnten Buches gilt\nentsprechend."
    assert text.count(anchor) == 1
    copy = tmp_path / folder / "s/sgb_9_2018/index.md"
    copy.parent.mkdir(parents=True)
    copy.write_text(text.replace(anchor, "(2) " + anchor), encoding="utf-8")
    before = script.build("SGB IX")["units"]
    after = script.build("SGB IX", tmp_path)["units"]
    assert {k: v for k, v in after.items() if before.get(k) != v} == {"130/2": "P2", "130": "P"}
    assert {k for k in before if k not in after} == set()


def test_range_headings_stand_for_each_section(script: ModuleType) -> None:
    gesetze = _script("gesetze")
    assert gesetze.expand("3", "6", " bis") == ("3", "4", "5", "6")
    assert gesetze.expand("1615b", "1615e", " bis") == ("1615b", "1615c", "1615d", "1615e")
    assert gesetze.expand("114", "115", ",") == ("114", "115")
    assert gesetze.expand("707a", "707c", " bis") == ("707a", "707b", "707c")
    bgb = table("BGB")
    assert bgb is not None
    assert [bgb.units[n] for n in ("3", "6", "114", "115", "2360")] == ["WW"] * 5
    assert "707a" not in bgb.units  # a heading without words (MoPeG, in force 2024)


@pytest.mark.parametrize(
    ("target", "day", "expected"),
    [
        (Target("53"), date(2024, 1, 1), "was no longer in force on 01.01.2024"),
        (Target("53"), date(2021, 9, 1), None),  # between 2013 (in force) and 2022 (gone)
        (Target("53"), date(2012, 9, 1), None),  # before the first text: in force then
        (Target("53"), date(2013, 1, 11), None),
        (Target("53"), None, "is (weggefallen) in its text of 28.01.2022"),
        (Target("27c"), date(2012, 1, 1), "was not yet in force on 01.01.2012"),
        (Target("27c"), date(2013, 1, 11), "was not yet in force on 11.01.2013"),
        (Target("27c"), date(2016, 1, 1), None),
        (Target("1"), date(1990, 1, 1), None),
    ],
)
def test_in_force_only_where_the_texts_tell(
    target: Target, day: date | None, expected: str | None
) -> None:
    sgb_xii = table("SGB XII")
    assert sgb_xii is not None
    why = not_in_force(sgb_xii, target, day)
    if expected is None:
        assert why is None
    else:
        assert why is not None and why.startswith(expected)


def test_a_removed_unit_is_no_longer_in_force() -> None:
    """§ 78a SGB X (data protection before 2018) is in the text of 2013 and gone in 2022."""
    sgb_x = table("SGB X")
    assert sgb_x is not None and sgb_x.units["78a"].startswith("P-")
    assert not_in_force(sgb_x, Target("78a"), date(2023, 1, 1)) == (
        "was no longer in force on 01.01.2023: its text of 28.01.2022 does not have it any more"
    )
    assert missing(sgb_x, Target("78a")) is None  # it existed: cited, it is no typo


def test_no_table_for_what_lvcheck_does_not_know() -> None:
    assert table("BayKiBiG") is None and table("KiBiz") is None  # not in bundestag/gesetze
    assert table("../../etc/passwd") is None and table("SGB 9") is None
