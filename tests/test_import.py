"""lvcheck import from text and Markdown (importing/): the two sources of the repository's
templates give the templates' clause trees word for word; --onto gives the next version
with every continuing eId kept; --template reports exactly the fields filled and the
departures made."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lvcheck
from lvcheck import codes
from lvcheck.cli import cli
from lvcheck.comparison.flatten import flatten
from lvcheck.document.load import load_agreement_bytes
from lvcheck.errors import LvcheckError

from .conftest import SOURCES, TEMPLATES

SOURCE = {
    "nrw": SOURCES / "nrw-lvr-ihl-externe-leistungserbringer.txt",
    "bayern": SOURCES / "bayern-niederbayern-t-k-kita.md",
}


@cache
def _imported(region: str) -> lvcheck.api.Imported:  # type: ignore[name-defined]
    return lvcheck.import_source(SOURCE[region])


def _tree(agreement: lvcheck.Agreement) -> list[tuple[str, str, str, str]]:
    """Each clause as (eId, kind, number, heading and words)."""
    return [
        (c.eid, c.kind, c.num, " ".join((c.heading, c.text)).strip())
        for c in flatten(agreement)
        if c.kind not in ("preface",)
    ]


@pytest.mark.parametrize("region", sorted(SOURCE))
def test_a_source_gives_its_templates_clause_tree(region: str) -> None:
    done = _imported(region)
    template = lvcheck.load(TEMPLATES[region])
    assert _tree(done.agreement) == _tree(template)
    assert done.fidelity.exact and done.fidelity.source_words > 500
    # a new work names its fields from their labels; only field names may differ
    result = lvcheck.diff(TEMPLATES[region], done.agreement)
    assert result.renumbered == ()
    for change in result.changes:
        changed = [op for op in change.words + change.heading_words if op.op != "equal"]
        assert changed and all(
            op.old.strip() == op.new.strip() == "__________" for op in changed
        ), change


@pytest.mark.parametrize("region", sorted(SOURCE))
def test_the_result_is_canonical_and_valid(region: str, tmp_path: Path) -> None:
    done = _imported(region)
    path = tmp_path / "imported.xml"
    path.write_bytes(done.xml)
    from lvcheck.document.canonical import serialize
    from lvcheck.document.parse import parse_bytes

    assert serialize(parse_bytes(done.xml, str(path))) == done.xml
    checked = lvcheck.validate([path])[0]
    assert [d.code for d in checked.diagnostics if d.severity == "error"] == []


def test_the_header_proposes_only_what_the_words_say() -> None:
    meta = _imported("nrw").agreement.meta
    assert meta.jurisdiction == "DE-NW" and meta.status == "draft"
    assert meta.term is not None and meta.term.governed_by == "sec_14__para_1"
    assert meta.term.start.field == "inkrafttreten" and meta.term.end_indefinite
    assert meta.term.notice_period == "P12M" and meta.term.notice_before == "endOfKitaYear"
    assert [p.role for p in meta.parties] == ["provider", "authority"]


@pytest.mark.parametrize("region", sorted(SOURCE))
def test_onto_its_template_a_source_changes_nothing(
    region: str, runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "next.xml"
    result = runner.invoke(
        cli, ["import", str(SOURCE[region]), "--onto", str(TEMPLATES[region]), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "LV453" in result.stderr
    assert out.read_bytes() == TEMPLATES[region].read_bytes()
    shown = runner.invoke(cli, ["diff", str(TEMPLATES[region]), str(out)])
    assert shown.stdout.rstrip().endswith("Keine Änderungen.")


def _onto(text: str) -> tuple[lvcheck.Agreement, lvcheck.DiffResult]:
    done = lvcheck.import_source(text.encode("utf-8"), label="next.txt", onto=TEMPLATES["nrw"])
    agreement = load_agreement_bytes(done.xml, "next.xml")
    return agreement, lvcheck.diff(TEMPLATES["nrw"], agreement)


def _nrw() -> str:
    return SOURCE["nrw"].read_text("utf-8")


def test_onto_a_changed_word_is_the_one_change_and_every_eid_stays() -> None:
    text = _nrw().replace("einmal jährlich zum 15. Oktober", "einmal jährlich zum 30. Oktober")
    agreement, result = _onto(text)
    assert [(c.kind, c.new.eid if c.new else None) for c in result.changes] == [
        ("modified", "sec_8__para_4")
    ]
    ops = [(op.old, op.new) for op in result.changes[0].words if op.op != "equal"]
    assert ops == [("15. Oktober ", "30. Oktober ")]
    meta = agreement.meta
    assert (meta.version_id, meta.status) == ("v2", "draft")
    relations = {(r.kind, r.work, r.version) for r in meta.relations or ()}
    assert ("supersedes", "lvr-ihl-externe-leistungserbringer", "v1") in relations
    old = {c.eid for c in flatten(lvcheck.load(TEMPLATES["nrw"]))}
    assert {c.eid for c in flatten(agreement)} == old


def test_onto_a_new_paragraph_gets_an_eid_the_work_never_used() -> None:
    anchor = "(4)  Der Leistungserbringer legt einmal jährlich"
    assert anchor in _nrw()
    added = "(4) Der Leistungserbringer benennt eine Ansprechperson (BEISPIEL). \n\n"
    text = _nrw().replace(anchor, added + anchor.replace("(4)", "(5)", 1), 1)
    _, result = _onto(text)
    inserted = [c for c in result.changes if c.kind == "inserted"]
    assert len(inserted) == 1 and inserted[0].new is not None
    eid = inserted[0].new.eid
    old = {c.eid for c in flatten(lvcheck.load(TEMPLATES["nrw"]))}
    assert eid.startswith("sec_8__para_") and eid not in old
    assert all(c.kind == "inserted" for c in result.changes)


def test_onto_a_moved_section_keeps_its_eid() -> None:
    text = _nrw()
    start, end = text.index("§ 10 \n"), text.index("§ 11 \n")
    moved = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("§ 8 \n")
    text = text[:at] + moved + text[at:]
    agreement, result = _onto(text)
    assert {c.kind for c in result.changes} <= {"moved"}
    assert any(c.new is not None and c.new.eid == "sec_10" for c in result.changes)
    old = {c.eid for c in flatten(lvcheck.load(TEMPLATES["nrw"]))}
    assert {c.eid for c in flatten(agreement)} == old


# ---------------------------------------------------------------- --template


_FORM = [  # the form lines of the Bayern template: label, field, a value of its type
    ("Name", "kita.name", "Kita Sonnenschein (BEISPIEL)"),
    ("Straße", "kita.strasse", "Musterweg 1"),
    ("PLZ und Ort", "kita.plz_ort", "94032 Passau"),
    ("Landkreis", "kita.landkreis", "Passau"),
    ("Telefon", "kita.telefon", "0851 123456"),
    ("Leitung", "kita.leitung", "Paul Beispiel"),
]
_DEPARTURES = [  # a word the filled copy changes: (old, new)
    ("Aufnahmeverpflichtung", "Aufnahmepflicht"),
    ("Fachkräfte", "Fachpersonen"),
]


@given(
    filled=st.lists(st.sampled_from(range(len(_FORM))), unique=True, max_size=len(_FORM)),
    departures=st.lists(st.sampled_from(range(len(_DEPARTURES))), unique=True, max_size=2),
)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_instance_reports_exactly_the_fields_filled_and_the_departures(
    filled: list[int], departures: list[int]
) -> None:
    text = SOURCE["bayern"].read_text("utf-8")
    for index in filled:
        label, _, value = _FORM[index]
        line = f"<b>{label}</b>\t"
        assert line in text
        text = text.replace(line, line + value, 1)  # the first block is the Kita's
    for index in departures:
        old, new = _DEPARTURES[index]
        assert text.count(old) >= 1
        text = text.replace(old, new, 1)
    done = lvcheck.import_source(
        text.encode("utf-8"), label="kita.md", template=TEMPLATES["bayern"]
    )
    found = {d.message.split(" ")[1] for d in done.notes if d.code == codes.IMPORT_FIELD_FILLED}
    assert found == {_FORM[i][1] for i in filled}
    departed = [d.message for d in done.notes if d.code == codes.IMPORT_DEPARTURE]
    assert len(departed) == len(departures)
    for index in departures:
        old, new = _DEPARTURES[index]
        assert any(f"deletes {old!r}, inserts {new!r}" in m for m in departed), departed
    meta = done.agreement.meta
    assert meta.kind == "instance" and meta.relations is not None
    assert meta.relations[0].kind == "basedOn"


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x00\x01binary", "LV430"),
        (b"   \n\n  \n", "LV431"),
        (b"Ein Vertrag ohne Parteien.\n", "LV462"),
        (
            "Vereinbarung\n\nzwischen\n\ndem Beispiel-Träger e. V.\n\nals Leistungserbringer"
            "\n\nund\n\nder Beispielstadt\n\nals Träger der Eingliederungshilfe\n\n"
            "§ 1\n\nGegenstand\n\nDer Vertrag regelt die Leistung.\n".encode(),
            "LV461",
        ),
    ],
)
def test_bad_text_gives_one_line_and_exit_2(
    content: bytes, code: str, runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "quelle.txt"
    source.write_bytes(content)
    out = tmp_path / "out.xml"
    result = runner.invoke(cli, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and f" {code} " in lines[0], lines
    assert lines[0].startswith(f"{source}:")
    assert not out.exists()


def test_output_never_over_a_source_and_over_a_file_only_with_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "quelle.txt"
    source.write_bytes(SOURCE["nrw"].read_bytes())
    before = source.read_bytes()
    over_source = runner.invoke(cli, ["import", str(source), "-o", str(source), "--force"])
    assert over_source.exit_code == 2 and source.read_bytes() == before
    out = tmp_path / "out.xml"
    out.write_text("mine")
    refused = runner.invoke(cli, ["import", str(source), "-o", str(out)])
    assert refused.exit_code == 2 and " LV470 " in refused.stderr
    assert out.read_text() == "mine"
    forced = runner.invoke(cli, ["import", str(source), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_bytes().startswith(b"<?xml")


def test_fidelity_names_missing_and_invented_words(runner: CliRunner, tmp_path: Path) -> None:
    agreement = tmp_path / "t.xml"
    xml = TEMPLATES["nrw"].read_text("utf-8")
    assert "Oktober" in xml
    agreement.write_text(xml.replace("15. Oktober", "15. November", 1), "utf-8")
    result = runner.invoke(cli, ["fidelity", str(SOURCE["nrw"]), str(agreement)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(" LV440 " in line and "'Oktober'" in line for line in lines), lines
    assert any(" LV441 " in line and "'November'" in line for line in lines), lines
    same = runner.invoke(cli, ["fidelity", str(SOURCE["nrw"]), str(TEMPLATES["nrw"])])
    assert same.exit_code == 0, same.output  # a footnote's marker is no word
    assert same.stdout.splitlines()[-1].endswith("0 missing, 0 invented")


def test_an_unreadable_source_raises_the_one_error_type() -> None:
    with pytest.raises(LvcheckError) as raised:
        lvcheck.import_source(b"\x00", label="x.txt")
    assert raised.value.diagnostic.code == codes.IMPORT_NOT_TEXT
