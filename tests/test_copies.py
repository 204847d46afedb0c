"""A consolidated reading copy is never a version (#22 item 3): marked by <consolidates>
(as lvcheck consolidate writes it), it is not counted in force, gives no deadlines and is
not listed by status; kept unmarked, validate refuses it (LV327)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import lvcheck
from lvcheck.document.canonical import serialize
from lvcheck.document.write import write_agreement
from lvcheck.rendering.status import render_status_text
from lvcheck.validation.engine import validate_paths

from .conftest import CONTRACTS, EXAMPLES

INSTANCE = EXAMPLES["nrw"]
NACHTRAG = CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"


def _with_copy(tmp_path: Path, marked: bool) -> Path:
    folder = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, folder)
    copy = folder / "nrw" / "beispiel-lesefassung.xml"
    result = lvcheck.consolidate(INSTANCE, [NACHTRAG])
    copy.write_bytes(serialize(write_agreement(result.agreement)))
    if not marked:
        lines = copy.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [
            line for line in lines if "<consolidates " not in line and "<incorporates " not in line
        ]
        assert len(kept) == len(lines) - 2
        copy.write_text("".join(kept), encoding="utf-8")
    return copy


def _notice_days(folder: Path) -> list[date]:
    calendar = lvcheck.deadlines([folder], date(2026, 12, 1), date(2028, 12, 31))
    return [
        d.day
        for d in calendar.deadlines
        if d.kind.value == "notice" and "rheinland" in d.source.work
    ]


def test_a_marked_copy_counts_once(tmp_path: Path) -> None:
    copy = _with_copy(tmp_path, marked=True)
    folder = copy.parent.parent
    without = tmp_path / "without"
    shutil.copytree(CONTRACTS, without)
    assert _notice_days(folder) == _notice_days(without) != []
    text = render_status_text(lvcheck.status([folder], date(2026, 12, 1)))
    assert "beispiel-lesefassung.xml" not in text
    assert text.count("Fassung v1: Vereinbarung, in Kraft seit 01.08.2024") == 1
    [checked] = validate_paths([copy], jobs=1, today=date(2026, 12, 1))
    assert checked.errors == ()


def test_an_unmarked_copy_is_refused(tmp_path: Path) -> None:
    copy = _with_copy(tmp_path, marked=False)
    [checked] = validate_paths([copy], jobs=1, today=date(2026, 12, 1))
    # its words are not those its copied header's digest seals either (LV392)
    assert [d.code for d in checked.errors] == ["LV327", "LV392"]
    instance = copy.parent / INSTANCE.name
    [other] = validate_paths([instance], jobs=1, today=date(2026, 12, 1))
    assert "LV327" not in [d.code for d in other.errors]  # the copy is the later version


def test_a_nachtrag_signed_by_one_party_applies_nowhere(tmp_path: Path) -> None:
    """#22 item 1: only a concluded Nachtrag (every signature dated) applies; validate
    still reports the missing signature (LV330) and checks that it would apply."""
    folder = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, folder)
    nachtrag = folder / "nrw" / NACHTRAG.name
    signed = 'value="Köln, 16.06.2025"'
    text = nachtrag.read_text(encoding="utf-8")
    assert text.count(signed) == 1
    nachtrag.write_text(text.replace(signed, ""), encoding="utf-8")
    status = render_status_text(lvcheck.status([folder], date(2026, 12, 1)))
    assert "geändert durch" not in status
    calendar = lvcheck.deadlines([folder], date(2026, 1, 1), date(2026, 12, 31))
    duties = [
        d for d in calendar.deadlines if d.kind.value == "duty" and "rheinland" in d.source.work
    ]
    # § 8 Abs. 4 as signed: 15. Oktober; the Nachtrag's 30. September does not apply
    assert [d.day for d in duties] == [date(2026, 10, 15)]
    assert lvcheck.consolidate(folder / "nrw" / INSTANCE.name).applied == ()
    [checked] = validate_paths([nachtrag], jobs=1, today=date(2026, 12, 1))
    assert "LV330" in [d.code for d in checked.diagnostics]
