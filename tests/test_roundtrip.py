"""parse -> model -> XML -> parse is lossless and stable (reader.py and writer.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lvcheck.document.canonical import serialize
from lvcheck.document.model import Field, Paragraph, Unit
from lvcheck.document.parse import parse_bytes, parse_file
from lvcheck.document.read import read_agreement
from lvcheck.document.schema import schema_diagnostics
from lvcheck.document.write import write_agreement

from .conftest import ALL_CONTRACTS, TEMPLATES


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_model_written_back_is_the_canonical_file_byte_for_byte(path: Path) -> None:
    agreement = read_agreement(parse_file(path))
    assert serialize(write_agreement(agreement)) == path.read_bytes()


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_model_survives_a_second_round_trip_unchanged(path: Path) -> None:
    first = read_agreement(parse_file(path))
    data = serialize(write_agreement(first))
    tree = parse_bytes(data, "again.xml")
    assert schema_diagnostics(tree, "again.xml") == ()
    assert read_agreement(tree) == first


def test_model_keeps_eids_numbers_and_the_footnote() -> None:
    agreement = read_agreement(parse_file(TEMPLATES["nrw"]))
    section_7 = next(unit for unit in agreement.body if unit.eid == "sec_7")
    assert section_7.num == ("§ 7",)
    subsection = section_7.children[1]
    assert (subsection.eid, subsection.num) == ("sec_7__subsec_2", ("7.2",))
    assert subsection.children[2].eid == "sec_7__subsec_2__point_3"
    heading = section_7.children[0].heading
    assert heading is not None and heading[0] == "Strukturqualität"
    assert type(heading[1]).__name__ == "Note"


def test_model_holds_the_bavarian_term_and_form_fields() -> None:
    agreement = read_agreement(parse_file(TEMPLATES["bayern"]))
    term = agreement.meta.term
    assert term is not None
    assert (term.start.date, term.end and term.end.date) == ("2021-09-01", "2022-08-31")
    assert (term.renewal_period, term.notice_period) == ("P1Y", "P6M")
    form = agreement.body[0]
    first_field = form.children[0].content[0] if form.children[0].content else None
    assert isinstance(first_field, Field) and first_field.name == "kita.name"
    assert not first_field.is_filled


def test_source_lines_take_no_part_in_equality() -> None:
    unit = Unit(kind="section", eid="sec_1", content=(Paragraph(("Text",), line=3),))
    moved = replace(unit, line=99, content=(Paragraph(("Text",), line=120),))
    assert unit == moved
