"""Plain reading text (render/text.py): golden files plus the rules a reader relies on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lvcheck.document.load import load_agreement
from lvcheck.document.model import (
    Agreement,
    Conclusions,
    Field,
    Meta,
    Note,
    Paragraph,
    Signature,
    Unit,
)
from lvcheck.labels import BLANK
from lvcheck.rendering.text import render_text

from .conftest import ALL_CONTRACTS, DATA, EXAMPLES, TEMPLATES

META = Meta(
    work_id="w",
    agreement_type="t",
    jurisdiction="DE-NW",
    language="de",
    version_id="v",
    status="inForce",
    kind="template",
    title="T",
)


def _agreement(*units: Unit, conclusions: Conclusions | None = None) -> Agreement:
    return Agreement(meta=META, body=units, conclusions=conclusions)


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_export_matches_golden_text(path: Path, golden: Callable[[Path, str], None]) -> None:
    golden(DATA / "export" / f"{path.stem}.txt", render_text(load_agreement(path)))


def test_empty_fields_show_as_a_visible_gap_in_the_template() -> None:
    text = render_text(load_agreement(TEMPLATES["nrw"]))
    assert f"Diese Vereinbarung tritt am {BLANK} in Kraft" in text


def test_filled_date_reads_as_german_date_in_the_instance() -> None:
    text = render_text(load_agreement(EXAMPLES["nrw"]))
    assert "Diese Vereinbarung tritt am 01.08.2024 in Kraft" in text


def test_chosen_options_are_ticked() -> None:
    text = render_text(load_agreement(EXAMPLES["bayern"]))
    assert (
        "[x] Kindergarten  [x] Kinderkrippe  [ ] Kinderhort (zutreffendes bitte ankreuzen)" in text
    )


def test_footnote_from_a_heading_follows_the_first_item_below_it() -> None:
    note = Note(eid="sec_1__note_1", marker="1", paragraphs=(Paragraph(("Fußnote",)),))
    unit = Unit(
        kind="section",
        eid="sec_1",
        num=("1",),
        heading=("Titel", note),
        children=(
            Unit(kind="point", eid="sec_1__point_1", content=(Paragraph(("erster",)),)),
            Unit(kind="point", eid="sec_1__point_2", content=(Paragraph(("zweiter",)),)),
        ),
    )
    assert render_text(_agreement(unit)) == "1 Titel[1]\n\n- erster\n[1] Fußnote\n- zweiter\n"


def test_side_by_side_signatures_print_as_columns() -> None:
    def block(eid: str, who: str) -> Signature:
        return Signature(
            eid=eid,
            lines=(
                Paragraph((Field(name=f"{eid}.u", type="signature", inline=True),)),
                Paragraph((who,)),
            ),
        )

    conclusions = Conclusions(
        eid="conclusions",
        layout="sideBySide",
        signatures=(block("a", "Anbieter"), block("b", "Träger")),
    )
    text = render_text(_agreement(conclusions=conclusions))
    assert text == f"{BLANK}    {BLANK}\nAnbieter      Träger\n"


def test_numbered_paragraph_hangs_its_follow_on_paragraphs() -> None:
    unit = Unit(
        kind="paragraph",
        eid="para_1",
        num=("(1)",),
        content=(Paragraph(("Erster Satz.",)), Paragraph(("Zweiter.",))),
    )
    assert render_text(_agreement(unit)) == "(1) Erster Satz.\n\n    Zweiter.\n"
