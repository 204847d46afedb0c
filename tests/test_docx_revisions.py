"""document/docx_revisions.py: the tracked changes of a Word part listed, and every one
accepted or rejected as Word and LibreOffice do it."""

from __future__ import annotations

import gc
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from lvcheck.document.docx import Revision, RevisionKind, paragraph_text, resolved, revisions, w

from .docx_kit import NAMESPACES, deleted_run, mark, paragraph, text_run, tracked


def body(*paragraphs: str) -> etree._Element:
    return etree.fromstring(f"<w:body {NAMESPACES}>{''.join(paragraphs)}</w:body>")


def texts(root: etree._Element) -> list[str]:
    return [paragraph_text(p) for p in root.iter(w("p"))]


def views(root: etree._Element) -> tuple[list[str], list[str]]:
    """The paragraphs' texts with every revision accepted, and with every one rejected."""
    return texts(resolved(root, accept=True)), texts(resolved(root, accept=False))


def test_revisions_are_listed_in_document_order_with_author_and_date() -> None:
    root = body(
        paragraph(
            "Frist von ",
            tracked("del", deleted_run("12"), author="Träger"),
            tracked("ins", text_run("sechs"), author="Leistungserbringer"),
            " Monaten",
            properties=mark("ins", author="Träger"),
        ),
        paragraph(tracked("moveFrom", text_run("§ 12")), properties=mark("moveFrom")),
        paragraph(tracked("moveTo", text_run("§ 12")), properties=mark("moveTo")),
        paragraph(
            '<w:r><w:rPr><w:b/><w:rPrChange w:id="7" w:author="Lektorat" w:date="2024-06-01T00:00:00Z">'
            "<w:rPr/></w:rPrChange></w:rPr><w:t>fett</w:t></w:r>",
            properties='<w:pStyle w:val="Heading1"/><w:pPrChange w:id="8" w:author="Lektorat">'
            '<w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange>',
        ),
        '<w:tbl><w:tblPr><w:tblPrChange w:id="9" w:author="Lektorat"><w:tblPr/></w:tblPrChange>'
        '</w:tblPr><w:tr><w:trPr><w:ins w:id="10" w:author="Träger"/></w:trPr><w:tc><w:tcPr>'
        '<w:cellDel w:id="11" w:author="Träger"/></w:tcPr>'
        f"{paragraph('Zelle')}</w:tc></w:tr></w:tbl>",
    )
    date = "2024-05-02T10:00:00Z"
    assert revisions(root) == [
        Revision(RevisionKind.INSERTION, "Träger", date),  # the first paragraph's mark
        Revision(RevisionKind.DELETION, "Träger", date),
        Revision(RevisionKind.INSERTION, "Leistungserbringer", date),
        Revision(RevisionKind.MOVE_FROM, "Paul Beispiel", date),
        Revision(RevisionKind.MOVE_FROM, "Paul Beispiel", date),
        Revision(RevisionKind.MOVE_TO, "Paul Beispiel", date),
        Revision(RevisionKind.MOVE_TO, "Paul Beispiel", date),
        Revision(RevisionKind.FORMATTING, "Lektorat", ""),
        Revision(RevisionKind.FORMATTING, "Lektorat", "2024-06-01T00:00:00Z"),
        Revision(RevisionKind.FORMATTING, "Lektorat", ""),
        Revision(RevisionKind.INSERTION, "Träger", ""),
        Revision(RevisionKind.DELETION, "Träger", ""),
    ]
    assert revisions(resolved(root, accept=True)) == []
    assert revisions(resolved(root, accept=False)) == []


def test_a_revision_mark_kept_in_old_properties_is_not_pending() -> None:
    old = '<w:rPr><w:ins w:id="1" w:author="früher"/></w:rPr>'
    root = body(
        paragraph(
            "Text",
            properties=f'<w:rPr><w:rPrChange w:id="2" w:author="A">{old}</w:rPrChange></w:rPr>',
        )
    )
    assert [r.kind for r in revisions(root)] == [RevisionKind.FORMATTING]


def test_inserted_and_deleted_words_accepted_and_rejected() -> None:
    root = body(
        paragraph(
            "Kündigung mit einer Frist von ",
            tracked("del", deleted_run("12"), rid=1),
            tracked("ins", text_run("sechs"), rid=2),
            " Monaten",
        )
    )
    assert views(root) == (
        ["Kündigung mit einer Frist von sechs Monaten"],
        ["Kündigung mit einer Frist von 12 Monaten"],
    )


def test_the_original_is_left_as_it_was() -> None:
    root = body(paragraph("a", tracked("ins", text_run("b"))))
    before = etree.tostring(root)
    resolved(root, accept=True)
    resolved(root, accept=False)
    assert etree.tostring(root) == before


def test_a_deletion_inside_an_insertion_goes_either_way() -> None:
    inner = tracked("del", deleted_run("doch nicht "), author="B", rid=2)
    root = body(paragraph("Es gilt ", tracked("ins", text_run("neu ") + inner, rid=1), "so."))
    assert views(root) == (["Es gilt neu so."], ["Es gilt so."])


def test_a_deleted_paragraph_mark_joins_the_paragraph_with_the_next() -> None:
    root = body(
        paragraph("Der erste Satz", properties='<w:pStyle w:val="Absatz"/>' + mark("del")),
        paragraph(" und der zweite.", properties='<w:pStyle w:val="Anders"/>'),
        paragraph("Dritter Absatz."),
    )
    accepted = resolved(root, accept=True)
    assert texts(accepted) == ["Der erste Satz und der zweite.", "Dritter Absatz."]
    style = accepted.find(f"{w('p')}/{w('pPr')}/{w('pStyle')}")
    assert style is not None and style.get(w("val")) == "Absatz"  # the first one's
    assert texts(resolved(root, accept=False)) == [
        "Der erste Satz",
        " und der zweite.",
        "Dritter Absatz.",
    ]


def test_a_paragraph_deleted_whole_goes_and_the_next_keeps_its_properties() -> None:
    root = body(
        paragraph("Vorher."),
        paragraph(tracked("del", deleted_run("§ 14 Abs. 4 gestrichen.")), properties=mark("del")),
        paragraph("Nachher.", properties='<w:pStyle w:val="Absatz"/>'),
    )
    accepted = resolved(root, accept=True)
    assert texts(accepted) == ["Vorher.", "Nachher."]
    assert accepted[1].find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "Absatz"  # type: ignore[union-attr]
    assert texts(resolved(root, accept=False)) == ["Vorher.", "§ 14 Abs. 4 gestrichen.", "Nachher."]


def test_an_inserted_paragraph_rejected_goes_and_its_bookmark_stays() -> None:
    root = body(
        paragraph("(1) Erster."),
        paragraph(
            '<w:bookmarkStart w:id="5" w:name="lv_sec_5__para_2"/>',
            tracked("ins", text_run("(2) Neu.")),
            '<w:bookmarkEnd w:id="5"/>',
            properties=mark("ins"),
        ),
        paragraph("(3) Letzter."),
    )
    assert views(root) == (
        ["(1) Erster.", "(2) Neu.", "(3) Letzter."],
        ["(1) Erster.", "(3) Letzter."],
    )
    rejected = resolved(root, accept=False)
    assert len(list(rejected.iter(w("bookmarkStart")))) == 1


def test_the_last_paragraph_deleted_whole_goes_but_a_cell_keeps_one() -> None:
    gone = paragraph(tracked("del", deleted_run("weg")), properties=mark("del"))
    root = body(paragraph("bleibt"), gone, f"<w:tbl><w:tr><w:tc>{gone}</w:tc></w:tr></w:tbl>")
    accepted = resolved(root, accept=True)
    assert texts(accepted) == ["bleibt", ""]
    assert accepted.find(f".//{w('tc')}/{w('p')}") is not None


def test_a_moved_clause_stands_at_its_new_place_accepted_and_its_old_one_rejected() -> None:
    moved = "§ 12 Kindeswohl und Gewaltschutz"
    root = body(
        '<w:moveToRangeStart w:id="1" w:author="A" w:name="move1"/>',
        paragraph(tracked("moveTo", text_run(moved)), properties=mark("moveTo")),
        '<w:moveToRangeEnd w:id="1"/>',
        paragraph("§ 10 Qualität"),
        '<w:moveFromRangeStart w:id="2" w:author="A" w:name="move1"/>',
        paragraph(tracked("moveFrom", text_run(moved)), properties=mark("moveFrom")),
        '<w:moveFromRangeEnd w:id="2"/>',
        paragraph("§ 13 Datenschutz"),
    )
    accepted, rejected = views(root)
    assert accepted == [moved, "§ 10 Qualität", "§ 13 Datenschutz"]
    assert rejected == ["§ 10 Qualität", moved, "§ 13 Datenschutz"]
    assert resolved(root, accept=True).find(f".//{w('moveFromRangeStart')}") is None


def test_a_formatting_change_rejected_restores_the_old_properties() -> None:
    root = body(
        paragraph(
            '<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:i/></w:rPr>'
            "</w:rPrChange></w:rPr><w:t>Text</w:t></w:r>",
            properties='<w:pStyle w:val="Neu"/><w:rPr><w:b/></w:rPr><w:pPrChange w:id="2" '
            'w:author="A"><w:pPr><w:pStyle w:val="Alt"/></w:pPr></w:pPrChange>',
        )
    )
    rejected = resolved(root, accept=False)
    p_properties = rejected.find(f"{w('p')}/{w('pPr')}")
    assert p_properties is not None
    assert [etree.QName(c).localname for c in p_properties] == ["pStyle", "rPr"]
    assert p_properties[0].get(w("val")) == "Alt"
    run_properties = rejected.find(f".//{w('r')}/{w('rPr')}")
    assert [etree.QName(c).localname for c in run_properties] == ["i"]  # type: ignore[union-attr]
    accepted = resolved(root, accept=True)
    assert accepted.find(f".//{w('pPr')}/{w('pStyle')}").get(w("val")) == "Neu"  # type: ignore[union-attr]
    assert accepted.find(f".//{w('rPrChange')}") is None


def test_inserted_and_deleted_table_rows() -> None:
    def row(text: str, kind: str = "") -> str:
        properties = f'<w:trPr><w:{kind} w:id="3" w:author="A"/></w:trPr>' if kind else ""
        return f"<w:tr>{properties}<w:tc>{paragraph(text)}</w:tc></w:tr>"

    root = body(f"<w:tbl>{row('bleibt')}{row('neu', 'ins')}{row('alt', 'del')}</w:tbl>")
    assert views(root) == (["bleibt", "neu"], ["bleibt", "alt"])


def test_inserted_and_deleted_cells() -> None:
    def cell(text: str, kind: str) -> str:
        return f'<w:tc><w:tcPr><w:{kind} w:id="4" w:author="A"/></w:tcPr>{paragraph(text)}</w:tc>'

    root = body(f"<w:tbl><w:tr>{cell('neu', 'cellIns')}{cell('alt', 'cellDel')}</w:tr></w:tbl>")
    assert views(root) == (["neu"], ["alt"])


def test_numbering_inserted_with_a_paragraph_is_rejected_with_it() -> None:
    numbered = (
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/><w:ins w:id="1" w:author="A"/></w:numPr>'
    )
    root = body(paragraph("Punkt", properties=numbered))
    assert resolved(root, accept=True).find(f".//{w('numId')}") is not None
    assert resolved(root, accept=False).find(f".//{w('numPr')}") is None


def test_deleted_field_instructions_come_back_as_instructions() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:delInstrText>PAGE</w:delInstrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:delText>7</w:delText>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    root = body(paragraph("Seite ", tracked("del", field)))
    assert views(root) == (["Seite "], ["Seite 7"])


# ---------------------------------------------------------------- properties


STATES = ("plain", "ins", "del")
pieces = st.lists(
    st.tuples(st.text("abcäß §.,", min_size=1, max_size=6), st.sampled_from(STATES)),
    min_size=0,
    max_size=5,
)


def _run(text: str, state: str, rid: int) -> str:
    if state == "plain":
        return text_run(text)
    run = deleted_run(text) if state == "del" else text_run(text)
    return tracked(state, run, rid=rid)


def _view(paragraphs: list[tuple[list[tuple[str, str]], str]], accept: bool) -> list[str]:
    """What accepting or rejecting gives, by the rule: a mark that goes joins the next."""
    gone_state = "del" if accept else "ins"
    out: list[str] = []
    group = ""
    for number, (runs, mark_state) in enumerate(paragraphs):
        group += "".join(text for text, state in runs if state != gone_state)
        last = number == len(paragraphs) - 1
        if mark_state != gone_state:
            out.append(group)
            group = ""
        elif last and group:
            out.append(group)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(pieces, st.sampled_from(STATES)), min_size=1, max_size=6))
def test_accepting_gives_the_new_text_and_rejecting_the_old_one(
    drawn: list[tuple[list[tuple[str, str]], str]],
) -> None:
    made = []
    for number, (runs, mark_state) in enumerate(drawn):
        properties = mark(mark_state) if mark_state != "plain" else ""
        inner = [_run(text, state, 100 * number + i) for i, (text, state) in enumerate(runs)]
        made.append(paragraph(*inner, properties=properties))
    root = body(*made)
    assert views(root) == (_view(drawn, accept=True), _view(drawn, accept=False))
    assert revisions(resolved(root, accept=True)) == []


def _resolving_time(count: int, accept: bool) -> float:
    many_marks = "".join(
        paragraph("y", properties=mark("del" if accept else "ins")) for _ in range(count // 2)
    )
    many_runs = paragraph(
        *(tracked("ins" if i % 2 else "del", text_run("x"), rid=i) for i in range(count))
    )
    root = body(many_marks, many_runs)
    gc.collect()
    gc.disable()  # the cycle collector's passes over a big heap are not the algorithm's cost
    try:
        started = time.perf_counter()
        result = resolved(root, accept)
        elapsed = time.perf_counter() - started
    finally:
        gc.enable()
    assert len(result.findall(w("p"))) == 1  # every mark gone: one paragraph is left
    return elapsed


@pytest.mark.parametrize("accept", [True, False], ids=["accepted", "rejected"])
def test_resolving_is_linear_in_the_revisions_of_one_paragraph_or_many(accept: bool) -> None:
    """Four times the revisions take about four times as long (sixteen if it were
    quadratic); the best of three runs each, so that a busy machine does not decide."""
    small = min(_resolving_time(2_500, accept) for _ in range(3))
    large = min(_resolving_time(10_000, accept) for _ in range(3))
    assert large / small < 8
