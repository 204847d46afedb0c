"""`lvcheck history --clause` by citation (timeline/history.py, rendering/history.py): the
units under the cited one count, across Nachträge and versions, as a lawyer asks for them."""

from __future__ import annotations

import json

from click.testing import CliRunner

import lvcheck.api as api
from lvcheck.cli import cli
from lvcheck.comparison.changes import ChangeKind

from .conftest import CONTRACTS

INSTANCE = CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml"
NACHTRAG = CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"


def _changed(clause: str) -> list[list[tuple[ChangeKind, str]]]:
    """Per stage, what changed under the clause: (kind, citation)."""
    found = api.history([INSTANCE, NACHTRAG], clause)
    return [[(p.change, p.clause.citation) for p in s.parts if p.change] for s in found.stages]


def test_the_point_a_nachtrag_inserted_into_paragraph_11_is_part_of_its_history() -> None:
    assert _changed("§ 11") == [[], [(ChangeKind.INSERTED, "§ 11, 5. Spiegelstrich")]]
    result = CliRunner().invoke(cli, ["history", str(INSTANCE), str(NACHTRAG), "--clause", "§ 11"])
    assert result.exit_code == 0
    assert (
        "  § 11, 5. Spiegelstrich (eingefügt): "
        "Nachweise über die Fortbildungen der eingesetzten Kräfte\n"
    ) in result.stdout
    assert "§ 11: unverändert" not in result.stdout


def test_paragraph_8_shows_the_change_of_its_absatz_4() -> None:
    assert _changed("§ 8") == [[], [(ChangeKind.MODIFIED, "§ 8 Abs. 4")]]
    (stage,) = [s for s in api.history([INSTANCE, NACHTRAG], "§ 8").stages if s.parts[-1].words]
    ops = [
        (op.op, op.old.strip(), op.new.strip()) for op in stage.parts[-1].words if op.op != "equal"
    ]
    assert ops == [("replace", "15. Oktober", "30. September")]


def test_a_clause_without_changes_under_it_is_unchanged() -> None:
    assert _changed("§ 3") == [[], []]
    result = CliRunner().invoke(cli, ["history", str(INSTANCE), str(NACHTRAG), "--clause", "§ 3"])
    assert "  § 3: unverändert\n" in result.stdout


def test_the_json_lists_the_units_under_the_clause() -> None:
    args = ["history", str(INSTANCE), str(NACHTRAG), "--clause", "§ 11", "--format", "json"]
    stages = json.loads(CliRunner().invoke(cli, args).stdout)["stages"]
    inserted = [u for u in stages[1]["units"] if u["change"] == "inserted"]
    assert [(u["eId"], u["citation"]) for u in inserted] == [
        ("sec_11__point_5", "§ 11, 5. Spiegelstrich")
    ]
    assert len(stages[0]["units"]) == 4 and {u["change"] for u in stages[0]["units"]} == {None}
