"""Amendments applied to their base (timeline/consolidate.py): the consolidated text is valid
and canonical, and the diff between the base and it reports exactly the amendment's
modifications (a property over random amendments of the NRW example)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import lvcheck
from lvcheck.cli import cli
from lvcheck.comparison.engine import diff_agreements
from lvcheck.comparison.flatten import flatten
from lvcheck.document.canonical import serialize
from lvcheck.document.load import load_agreement, load_agreement_bytes
from lvcheck.document.parse import parse_bytes
from lvcheck.document.schema import schema_diagnostics
from lvcheck.document.write import write_agreement
from lvcheck.errors import LvcheckError
from lvcheck.timeline.consolidate import Amendment, consolidate

from .conftest import CONTRACTS, EXAMPLES

NACHTRAG = CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"
BASE = load_agreement(EXAMPLES["nrw"])


def _valid_and_canonical(agreement: object) -> bytes:
    data = serialize(write_agreement(agreement))  # type: ignore[arg-type]
    tree = parse_bytes(data, "consolidated.xml")
    assert schema_diagnostics(tree, "consolidated.xml") == ()
    assert serialize(tree) == data
    return data


def test_the_example_amendment_gives_a_valid_canonical_text_naming_base_and_amendment() -> None:
    result = consolidate(BASE, [Amendment(load_agreement(NACHTRAG), str(NACHTRAG))])
    data = _valid_and_canonical(result.agreement)
    assert b'<consolidates work="beispiel-lvr-ihl-kita-assistenz-rheinland" version="v1"/>' in data
    assert b'<incorporates work="beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1"' in data
    assert set(result.changed) == {"sec_8__para_4", "sec_11__point_5"}
    diff = diff_agreements(BASE, result.agreement)
    assert sorted((str(c.kind), (c.new or c.old).eid) for c in diff.changes) == [  # type: ignore[union-attr]
        ("inserted", "sec_11__point_5"),
        ("modified", "sec_8__para_4"),
    ]


def test_an_amendment_not_yet_in_force_is_pending() -> None:
    amendment = Amendment(load_agreement(NACHTRAG), str(NACHTRAG))
    before = consolidate(BASE, [amendment], at=date(2025, 7, 31))
    assert before.applied == () and before.pending == (amendment,)
    assert before.agreement == BASE
    after = consolidate(BASE, [amendment], at=date(2025, 8, 1))
    assert after.applied == (amendment,)


def _amendment_xml(modifications: list[str], quoted: list[str]) -> bytes:
    body = "\n".join(
        f'<section eId="sec_{n}"><num>§ {n}</num><content><p>Änderung {n} (BEISPIEL).</p>'
        f'<quotedStructure eId="sec_{n}__qstr_1">{unit}</quotedStructure></content></section>'
        if unit
        else f'<section eId="sec_{n}"><num>§ {n}</num><content><p>Änderung {n} (BEISPIEL).</p></content></section>'
        for n, unit in enumerate(quoted, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="urn:lvcheck:agreement:1.0">
  <meta>
    <work id="test-nachtrag" type="nachtrag" jurisdiction="DE-NW" language="de"/>
    <version id="n1" kind="amendment" status="inForce"/>
    <title>Nachtrag für Tests</title>
    <parties><party id="lvr" name="LVR" role="authority"/></parties>
    <relations><amends work="beispiel-lvr-ihl-kita-assistenz-rheinland" version="v1"/></relations>
    <modifications>{"".join(modifications)}</modifications>
  </meta>
  <body>{body}</body>
</agreement>""".encode()


def _random_amendment(seed: int, count: int) -> tuple[bytes, set[tuple[str, str]]]:
    """An amendment of random modifications of distinct units, and the changes it makes."""
    chooser = random.Random(seed)
    every = flatten(BASE)
    # leaves only: a unit with sub-units or lists would take them along when replaced
    clauses = [
        c
        for c in every
        if c.kind in ("point", "paragraph") and not any(o.parent == c.index for o in every)
    ]
    targets = chooser.sample(clauses, count)
    modifications, quoted, expected = [], [], set()
    for number, clause in enumerate(targets, start=1):
        words = [w for w in clause.text.split() if len(w) > 6 and w.isalpha()]
        unique = [w for w in words if clause.text.count(w) == 1]
        action = chooser.choice(["substitute", "delete", "insert", "replace"])
        if action == "substitute" and unique and clause.kind == "point":
            old = chooser.choice(unique)
            modifications.append(
                f'<substitute target="{clause.eid}" old="{old}" new="Geändert{number}"/>'
            )
            quoted.append("")
            expected.add(("modified", clause.eid))
        elif action == "delete" and clause.kind == "point":
            modifications.append(f'<delete target="{clause.eid}"/>')
            quoted.append("")
            expected.add(("deleted", clause.eid))
        elif action == "insert" and clause.kind == "point":
            new = f"{clause.eid.rsplit('_', 1)[0]}_{90 + number}"
            modifications.append(f'<insert after="{clause.eid}" source="sec_{number}__qstr_1"/>')
            quoted.append(
                f'<point eId="{new}"><content><p>Eingefügter Prüfpunkt Nummer {number} mit '
                "eigenen Worten zu Fristen und Nachweisen</p></content></point>"
            )
            expected.add(("inserted", new))
        else:
            tag = "paragraph" if clause.kind == "paragraph" else "point"
            num = f"<num>{clause.num}</num>" if clause.num else ""
            modifications.append(f'<replace target="{clause.eid}" source="sec_{number}__qstr_1"/>')
            quoted.append(
                f'<{tag} eId="{clause.eid}">{num}<content><p>Neue Fassung Nummer {number}: '
                f"{clause.text} Ergänzt um eine Frist.</p></content></{tag}>"
            )
            expected.add(("modified", clause.eid))
    return _amendment_xml(modifications, quoted), expected


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 4))
def test_the_diff_of_base_and_consolidated_text_is_exactly_the_amendment(
    seed: int, count: int
) -> None:
    data, expected = _random_amendment(seed, count)
    amendment = Amendment(load_agreement_bytes(data, "nachtrag.xml"), "nachtrag.xml")
    result = consolidate(BASE, [amendment])
    _valid_and_canonical(result.agreement)
    diff = diff_agreements(BASE, result.agreement)
    found = {(str(c.kind), (c.new or c.old).eid) for c in diff.changes}  # type: ignore[union-attr]
    # a list whose point is deleted or inserted is unchanged in its own words: no change
    assert found == expected


def test_old_words_that_are_not_there_exactly_once_do_not_apply() -> None:
    data = _amendment_xml(['<substitute target="sec_8__para_4" old="November" new="Mai"/>'], [""])
    with pytest.raises(LvcheckError) as caught:
        consolidate(BASE, [Amendment(load_agreement_bytes(data, "n.xml"), "n.xml")])
    assert caught.value.diagnostic.code == "LV390"
    assert "'November' stand nowhere in § 8 Abs. 4" in caught.value.diagnostic.message


def test_a_missing_target_does_not_apply() -> None:
    data = _amendment_xml(['<delete target="sec_99"/>'], [""])
    with pytest.raises(LvcheckError, match="no unit 'sec_99'"):
        consolidate(BASE, [Amendment(load_agreement_bytes(data, "n.xml"), "n.xml")])


def test_consolidate_and_export_at_and_history_on_the_command_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "konsolidiert.xml"
    result = runner.invoke(cli, ["consolidate", str(EXAMPLES["nrw"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert b"zum 30. September eines Jahres" in out.read_bytes()
    text = runner.invoke(cli, ["export", str(EXAMPLES["nrw"]), "--at", "2025-06-01"]).output
    assert "zum 15. Oktober eines Jahres" in text and "[Anmerkung: Änderung ausstehend:" in text
    text = runner.invoke(cli, ["export", str(EXAMPLES["nrw"]), "--at", "2025-08-01"]).output
    assert "zum 30. September eines Jahres" in text and "[Anmerkung: geändert durch" in text
    history = runner.invoke(
        cli, ["history", str(EXAMPLES["nrw"]), str(NACHTRAG), "--clause", "§ 8 Abs. 4"]
    )
    assert history.exit_code == 0
    assert "zum [-15. Oktober-] {+30. September+} eines" in history.output  # a date, one token
    missing = runner.invoke(cli, ["history", str(EXAMPLES["nrw"]), "--clause", "§ 99"])
    assert missing.exit_code == 1


def test_the_amendments_of_a_file_are_those_of_the_repository_around_it(
    tmp_path: Path,
) -> None:
    """The catalog's one rule: the repository is the contracts/ folder that holds a file,
    subfolders included; outside one, a base in /tmp must not send lvcheck through every
    folder under /tmp, and its amendments are named."""
    base = tmp_path / "base.xml"
    base.write_bytes(EXAMPLES["nrw"].read_bytes())
    (tmp_path / "nachtrag.xml").write_bytes(NACHTRAG.read_bytes())
    assert lvcheck.consolidate(base).applied == ()
    named = lvcheck.consolidate(base, [tmp_path / "nachtrag.xml"])
    assert [a.label for a in named.applied] == [str(tmp_path / "nachtrag.xml")]
    found = lvcheck.consolidate(EXAMPLES["nrw"])
    assert [Path(a.label).resolve() for a in found.applied] == [NACHTRAG.resolve()]
