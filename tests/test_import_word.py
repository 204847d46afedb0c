"""lvcheck import from Word (importing/word.py, numbering.py): Word's automatic numbering
resolved as Word shows it (lvlText "§ %1" and "(%1)", restarts, lvlOverride, numbering
from a paragraph style), tracked changes never taken silently, comments counted, and the
repository's agreements exported to .docx and imported back to the same clauses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import lvcheck
from lvcheck import codes
from lvcheck.cli import cli
from lvcheck.comparison.flatten import flatten
from lvcheck.errors import LvcheckError

from .conftest import TEMPLATES
from .docx_kit import W, deleted_run, mark, paragraph, rewrite, text_run, tracked, with_body

_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="§ %1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%3)"/></w:lvl>'
)
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
    f'<w:abstractNum w:abstractNumId="1">{_LEVELS}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    # a second instance that starts § at 5: lvlOverride with startOverride
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    "</w:numbering>"
).encode()
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Paragraf"><w:name w:val="Paragraf"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    '<w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Absatz"><w:name w:val="Absatz"/>'
    '<w:basedOn w:val="Paragraf"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>'
    '<w:outlineLvl w:val="9"/></w:pPr></w:style>'
    "</w:styles>"
).encode()


def _numbered(level: int, num: int = 1) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'


def _title() -> str:
    """A title block (BEISPIEL) that names both parties, as the NRW agreements do."""
    return "".join(
        paragraph(text)
        for text in (
            "Leistungsvereinbarung (BEISPIEL)",
            "zwischen",
            "dem Beispiel-Träger e. V. (BT), Musterweg 1, 50667 Köln",
            "als Leistungserbringer",
            "und",
            "dem Landschaftsverband Rheinland (LVR)",
            "als Träger der Eingliederungshilfe",
        )
    )


def _package(body: str) -> bytes:
    return with_body(body, **{"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES})


def _clauses(data: bytes, **options: object) -> list[tuple[str, str, str]]:
    done = lvcheck.import_source(data, label="vertrag.docx", jurisdiction="DE-NW", **options)  # type: ignore[arg-type]
    assert done.fidelity.exact
    return [(c.eid, c.num, c.text) for c in flatten(done.agreement) if c.kind != "preface"]


def test_word_numbering_gives_the_numbers_word_shows() -> None:
    body = "".join(
        [
            _title(),
            paragraph("Gegenstand", properties='<w:pStyle w:val="Paragraf"/>'),
            paragraph("Der Vertrag regelt die Leistung.", properties='<w:pStyle w:val="Absatz"/>'),
            paragraph("Er gilt für alle Kinder.", properties='<w:pStyle w:val="Absatz"/>'),
            paragraph("Laufzeit", properties='<w:pStyle w:val="Paragraf"/>'),
            # the Absatz count restarts under the new §
            paragraph("Der Vertrag läuft ein Jahr.", properties='<w:pStyle w:val="Absatz"/>'),
            paragraph("Kündigung", properties=_numbered(0) + '<w:outlineLvl w:val="0"/>'),
            paragraph("Die Kündigung ist schriftlich.", properties=_numbered(1)),
        ]
    )
    assert _clauses(_package(body)) == [
        ("sec_1", "§ 1", ""),
        ("sec_1__para_1", "(1)", "Der Vertrag regelt die Leistung."),
        ("sec_1__para_2", "(2)", "Er gilt für alle Kinder."),
        ("sec_2", "§ 2", ""),
        ("sec_2__para_1", "(1)", "Der Vertrag läuft ein Jahr."),
        ("sec_3", "§ 3", ""),
        ("sec_3__para_1", "(1)", "Die Kündigung ist schriftlich."),
    ]


def test_an_override_starts_the_count_anew() -> None:
    heading = '<w:outlineLvl w:val="0"/>'
    body = "".join(
        [
            _title(),
            paragraph("Gegenstand", properties=_numbered(0) + heading),
            paragraph("Der Vertrag regelt die Leistung.", properties=_numbered(1)),
            paragraph("Vergütung", properties=_numbered(0, num=2) + heading),
            paragraph("Die Vergütung ist monatlich.", properties=_numbered(1, num=2)),
            paragraph("Sie wird überwiesen.", properties=_numbered(1, num=2)),
        ]
    )
    numbers = [num for _, num, _ in _clauses(_package(body))]
    assert numbers == ["§ 1", "(1)", "§ 5", "(1)", "(2)"]


def test_lettered_points_under_an_absatz() -> None:
    heading = '<w:outlineLvl w:val="0"/>'
    body = "".join(
        [
            _title(),
            paragraph("Pflichten", properties=_numbered(0) + heading),
            paragraph("Der Träger muss:", properties=_numbered(1)),
            paragraph("dokumentieren,", properties=_numbered(2)),
            paragraph("berichten.", properties=_numbered(2)),
        ]
    )
    clauses = _clauses(_package(body))
    assert [num for _, num, _ in clauses if num.endswith(")") and num[0].isalpha()] == [
        "a)",
        "b)",
    ]


def _with_changes() -> bytes:
    body = "".join(
        [
            _title(),
            paragraph("Gegenstand", properties='<w:pStyle w:val="Paragraf"/>'),
            paragraph(
                text_run("Die Frist beträgt "),
                tracked("del", deleted_run("drei"), rid=1),
                tracked("ins", text_run("sechs"), rid=2),
                text_run(" Monate."),
                properties='<w:pStyle w:val="Absatz"/>',
            ),
        ]
    )
    return _package(body)


def test_tracked_changes_stop_the_import_and_name_their_count(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "gegenvorschlag.docx"
    source.write_bytes(_with_changes())
    out = tmp_path / "out.xml"
    result = runner.invoke(cli, ["import", str(source), "--jurisdiction", "DE-NW", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{source}:1:1: LV410 error 2 tracked change(s) pending (1 deletion(s), 1 insertion(s);"
        " by Paul Beispiel): choose --accept-changes or --reject-changes"
    ]
    assert not out.exists()


@pytest.mark.parametrize(("accept", "word"), [(True, "sechs"), (False, "drei")])
def test_accepting_or_rejecting_takes_one_view(accept: bool, word: str) -> None:
    done = lvcheck.import_source(
        _with_changes(), label="v.docx", jurisdiction="DE-NW", accept_changes=accept
    )
    texts = [c.text for c in flatten(done.agreement) if c.kind == "paragraph"]
    assert texts == [f"Die Frist beträgt {word} Monate."]
    taken = [d.message for d in done.notes if d.code == codes.DOCX_CHANGES_TAKEN]
    view = "accepted" if accept else "rejected"
    assert taken == [f"2 tracked change(s) {view} (by Paul Beispiel)"]


def test_a_deleted_paragraph_mark_joins_two_paragraphs_on_accept() -> None:
    body = "".join(
        [
            _title(),
            paragraph("Gegenstand", properties='<w:pStyle w:val="Paragraf"/>'),
            paragraph("Der Vertrag regelt", properties='<w:pStyle w:val="Absatz"/>' + mark("del")),
            paragraph(" die Leistung.", properties='<w:pStyle w:val="Absatz"/>'),
        ]
    )
    accepted = _clauses(_package(body), accept_changes=True)
    assert [t for _, n, t in accepted if n == "(1)"] == ["Der Vertrag regelt die Leistung."]
    rejected = _clauses(_package(body), accept_changes=False)
    assert [n for _, n, _ in rejected] == ["§ 1", "(1)", "(2)"]


def test_comments_are_counted_not_imported() -> None:
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W}">'
        '<w:comment w:id="0" w:author="Paul Beispiel"><w:p><w:r><w:t>Zu kurz?</w:t></w:r>'
        "</w:p></w:comment></w:comments>"
    ).encode()
    body = _title() + paragraph("Gegenstand", properties='<w:pStyle w:val="Paragraf"/>')
    data = _package(body)
    from .docx_kit import base_package

    assert base_package()
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/styles" Target="styles.xml"/>'
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/numbering" Target="numbering.xml"/>'
        b'<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/comments" Target="comments.xml"/></Relationships>'
    )
    data = rewrite(data, {"word/comments.xml": comments, "word/_rels/document.xml.rels": rels})
    done = lvcheck.import_source(data, label="k.docx", jurisdiction="DE-NW")
    assert [(d.code, d.message) for d in done.notes if d.code == codes.DOCX_COMMENTS] == [
        (codes.DOCX_COMMENTS, "1 comment(s) counted, not imported")
    ]
    assert "Zu kurz" not in done.xml.decode()


@pytest.mark.parametrize("data", [b"not a zip at all", b"PK\x03\x04broken"])
def test_a_docx_that_is_no_package_gives_one_line_and_exit_2(
    data: bytes, runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "x.docx"
    source.write_bytes(data)
    result = runner.invoke(cli, ["import", str(source), "-o", str(tmp_path / "o.xml")])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{source}:1:1: LV401 "), lines
    assert not (tmp_path / "o.xml").exists()


def test_a_docx_with_a_doctype_is_refused() -> None:
    hostile = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    ).encode()
    data = rewrite(_package(_title()), {"word/document.xml": hostile})
    with pytest.raises(LvcheckError) as raised:
        lvcheck.import_source(data, label="h.docx", jurisdiction="DE-NW")
    assert raised.value.diagnostic.code == codes.DOCX_FORBIDDEN_MARKUP


# ---------------------------------------------------------------- the way back


def _exported(path: Path) -> bytes:
    data = lvcheck.render(lvcheck.load(path), "docx")
    assert isinstance(data, bytes)
    return data


@pytest.mark.parametrize("region", sorted(TEMPLATES))
def test_a_template_exported_to_word_imports_back_to_its_clauses(region: str) -> None:
    template = lvcheck.load(TEMPLATES[region])
    done = lvcheck.import_source(_exported(TEMPLATES[region]), label=f"{region}.docx")
    assert done.fidelity.exact
    tree = [(c.eid, c.kind, c.num, c.heading, c.text) for c in flatten(done.agreement)]
    assert tree == [(c.eid, c.kind, c.num, c.heading, c.text) for c in flatten(template)]
    # a new work names its fields from their labels; only field names may differ
    result = lvcheck.diff(template, done.agreement)
    assert result.renumbered == ()
    for change in result.changes:
        changed = [op for op in change.words + change.heading_words if op.op != "equal"]
        assert changed and all(op.old.strip() == op.new.strip() == "__________" for op in changed)


@pytest.mark.parametrize("region", sorted(TEMPLATES))
def test_an_exported_file_onto_its_version_changes_nothing(region: str) -> None:
    done = lvcheck.import_source(
        _exported(TEMPLATES[region]), label="x.docx", onto=TEMPLATES[region]
    )
    assert done.unchanged
    assert done.xml == TEMPLATES[region].read_bytes()


def test_an_edited_word_file_keeps_every_eid_with_its_bookmarks_or_without() -> None:
    data = _exported(TEMPLATES["nrw"])
    import io
    import re
    import zipfile

    from .docx_kit import rewrite as _rewrite

    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "einmal jährlich zum 15. Oktober" in document
    edited = document.replace("einmal jährlich zum 15. Oktober", "einmal jährlich zum 30. Oktober")
    without = re.sub(r"<w:bookmark(Start|End)[^>]*/>", "", edited)
    old = {c.eid for c in flatten(lvcheck.load(TEMPLATES["nrw"]))}
    for variant in (edited, without):
        package = _rewrite(data, {"word/document.xml": variant.encode()})
        done = lvcheck.import_source(package, label="e.docx", onto=TEMPLATES["nrw"])
        result = lvcheck.diff(TEMPLATES["nrw"], done.agreement)
        assert [c.new.eid for c in result.changes if c.new] == ["sec_8__para_4"]
        assert {c.eid for c in flatten(done.agreement)} == old
