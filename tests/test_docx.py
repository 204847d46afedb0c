"""document/docx.py: a Word package read as hostile input; its parts found through the
relationships; the text of a paragraph as Word shows it (the tracked changes are in
tests/test_docx_revisions.py)."""

from __future__ import annotations

import io
import time
import tracemalloc
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from lvcheck.document import docx_zip
from lvcheck.document.docx import open_package, paragraph_text, w
from lvcheck.document.docx_zip import MAX_ENTRIES
from lvcheck.errors import LvcheckError

from .docx_kit import NAMESPACES, base_package, document_xml, paragraph, rewrite, with_body

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def refusal(data: bytes) -> tuple[str, str]:
    with pytest.raises(LvcheckError) as caught:
        open_package(data, "vertrag.docx")
    found = caught.value.diagnostic
    assert (found.path, found.line, found.column) == ("vertrag.docx", 1, 1)
    assert "\n" not in str(caught.value)
    return found.code, found.message


def texts(data: bytes) -> list[str]:
    package = open_package(data, "vertrag.docx")
    return [paragraph_text(p) for p in package.document.iter(w("p"))]


# ---------------------------------------------------------------- a package as Word makes it


def test_a_package_python_docx_makes_opens_with_its_parts() -> None:
    package = open_package(base_package(), "vertrag.docx")
    assert package.main == "word/document.xml"
    assert package.document.tag == w("document")
    assert package.styles is not None and package.styles.tag == w("styles")
    assert package.numbering is not None and package.numbering.tag == w("numbering")
    assert package.settings is not None
    assert (package.footnotes, package.endnotes, package.comments) == (None, None, None)
    assert texts(base_package()) == ["Hallo Welt"]


def test_parts_are_found_through_the_relationships_not_by_their_usual_names() -> None:
    original = zipfile.ZipFile(io.BytesIO(base_package()))

    def renamed(name: str) -> bytes:
        text = original.read(name).decode()
        return (
            text.replace("word/document.xml", "inhalt/haupt.xml")
            .replace('Target="styles.xml"', 'Target="/inhalt/formate.xml"')
            .replace("/word/styles.xml", "/inhalt/formate.xml")
            .encode()
        )

    data = rewrite(
        base_package(),
        {
            "word/document.xml": None,
            "word/styles.xml": None,
            "word/_rels/document.xml.rels": None,
            "[Content_Types].xml": renamed("[Content_Types].xml"),
            "_rels/.rels": renamed("_rels/.rels"),
            "inhalt/haupt.xml": document_xml(paragraph("Umbenannt")),
            "inhalt/formate.xml": original.read("word/styles.xml"),
            "inhalt/_rels/haupt.xml.rels": renamed("word/_rels/document.xml.rels"),
        },
    )
    package = open_package(data, "vertrag.docx")
    assert package.main == "inhalt/haupt.xml"
    assert package.styles is not None and package.styles.tag == w("styles")
    assert [paragraph_text(p) for p in package.document.iter(w("p"))] == ["Umbenannt"]


def test_part_names_are_matched_without_regard_to_case_as_opc_says() -> None:
    package = open_package(base_package(), "vertrag.docx")
    assert package.part("/WORD/Document.xml") is package.document
    assert package.part("word/nichts.xml") is None


def test_an_external_or_escaping_relationship_is_never_followed() -> None:
    original = zipfile.ZipFile(io.BytesIO(base_package()))
    rels = original.read("word/_rels/document.xml.rels").decode()
    hostile = rels.replace(
        'Target="numbering.xml"', 'Target="file:///etc/passwd" TargetMode="External"'
    ).replace('Target="styles.xml"', 'Target="../../../etc/passwd"')
    data = rewrite(base_package(), {"word/_rels/document.xml.rels": hostile.encode()})
    package = open_package(data, "vertrag.docx")
    assert (package.numbering, package.styles) == (None, None)
    assert package.related("numbering") == []


def test_a_strict_ooxml_document_reads_as_the_transitional_vocabulary() -> None:
    strict = (
        '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
        "<w:body><w:p><w:r><w:t>Strikt</w:t><w:tab/><w:t>gelesen</w:t></w:r></w:p></w:body>"
        "</w:document>"
    )
    assert texts(rewrite(base_package(), {"word/document.xml": strict.encode()})) == [
        "Strikt\tgelesen"
    ]


# ---------------------------------------------------------------- refused, each with its code


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "no zip archive"),
        (b"Leistungsvereinbarung\n\xc2\xa7 1 Gegenstand\n", "no zip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "it is a PDF"),
        (b'<?xml version="1.0"?><w:wordDocument/>', "it is XML"),
        (base_package()[: len(base_package()) // 2], "no zip archive"),
    ],
    ids=["empty", "text", "a pdf", "word 2003 xml", "truncated"],
)
def test_what_is_no_zip_is_refused_as_no_package(data: bytes, says: str) -> None:
    code, message = refusal(data)
    assert code == "LV401" and says in message


def test_an_ole_compound_file_is_an_encrypted_document_or_an_old_doc() -> None:
    code, message = refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert code == "LV403" and "encrypted Word file or an old binary .doc" in message


def test_an_encrypted_zip_entry_is_refused() -> None:
    encrypted = _patched(base_package(), "word/document.xml", 8, b"\x01\x00")
    code, message = refusal(encrypted)
    assert code == "LV403" and "word/document.xml is encrypted" in message


def _patched(data: bytes, name: str, offset: int, value: bytes) -> bytes:
    """The zip with bytes of ``name``'s central directory entry changed (a lying directory):
    at offset 8 its flags, at 20 its packed and at 24 its unpacked size."""
    at = data.index(b"PK\x01\x02")
    encoded = name.encode()
    while data[at + 46 : at + 46 + int.from_bytes(data[at + 28 : at + 30], "little")] != encoded:
        at = data.index(b"PK\x01\x02", at + 4)
    return data[: at + offset] + value + data[at + offset + len(value) :]


def _patched_sizes(data: bytes, name: str, packed: int, unpacked: int) -> bytes:
    return _patched(data, name, 20, packed.to_bytes(4, "little") + unpacked.to_bytes(4, "little"))


def test_a_zip_bomb_is_refused_from_its_ratio_before_anything_is_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bomb = rewrite(base_package(), {"word/document.xml": b" " * (8 * 1024 * 1024)})
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("inflated"))
    code, message = refusal(bomb)
    assert code == "LV402" and "would unpack" in message and "word/document.xml" in message


def test_too_many_entries_are_refused_before_the_directory_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(MAX_ENTRIES + 1):
            archive.writestr(f"x/{number}", b"")
    monkeypatch.setattr(docx_zip.zipfile, "ZipFile", lambda *a: pytest.fail("parsed"))
    code, message = refusal(out.getvalue())
    assert code == "LV402" and f"{MAX_ENTRIES + 1:,} entries" in message


def test_a_directory_declaring_too_much_in_all_is_refused() -> None:
    lying = _patched_sizes(base_package(), "docProps/thumbnail.jpeg", 300 << 20, 300 << 20)
    infos = zipfile.ZipFile(io.BytesIO(lying)).infolist()
    total = sum(info.file_size for info in infos)
    code, message = refusal(lying)
    assert (
        code == "LV402" and f"would unpack to {total:,} bytes, more than the 268,435,456" in message
    )


def test_a_directory_declaring_less_than_an_entry_holds_is_held_to_what_it_declares() -> None:
    """The limits hold while inflating: a part declared small is read no further."""
    big = rewrite(base_package(), {"word/document.xml": document_xml(" " * (6 << 20))})
    lying = _patched_sizes(big, "word/document.xml", 1000, 2000)
    tracemalloc.start()
    try:
        code, message = refusal(lying)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == "LV401" and "damaged" in message
    assert peak < 2 << 20  # far below the 6 MiB the entry would inflate to


def test_two_entries_of_one_name_are_refused() -> None:
    original = zipfile.ZipFile(io.BytesIO(base_package()))
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it writes
        with zipfile.ZipFile(out, "w") as archive:
            for name in original.namelist():
                archive.writestr(name, original.read(name))
            archive.writestr("WORD/document.xml", document_xml(paragraph("Zweite")))
    code, message = refusal(out.getvalue())
    assert code == "LV401" and "two entries 'WORD/document.xml'" in message


@pytest.mark.parametrize(
    "parts",
    [
        {"word/vbaProject.bin": b"\x00" * 10},
        {
            "[Content_Types].xml": zipfile.ZipFile(io.BytesIO(base_package()))
            .read("[Content_Types].xml")
            .replace(
                b"officedocument.wordprocessingml.document.main+xml",
                b"ms-word.document.macroEnabled.main+xml",
            )
        },
    ],
    ids=["vbaProject.bin", "docm content type"],
)
def test_a_macro_document_is_refused(parts: dict[str, bytes]) -> None:
    code, message = refusal(rewrite(base_package(), parts))
    assert code == "LV404" and "macros" in message


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b"<w:document " + NAMESPACES.encode() + b"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r>"
    b"</w:p></w:body></w:document>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&x;'
    b"</w:styles>"
)


@pytest.mark.parametrize(
    ("parts", "where"),
    [
        ({"word/document.xml": LAUGHS}, "word/document.xml:1:"),
        ({"word/styles.xml": EXTERNAL}, "word/styles.xml:1:"),
        (
            {
                "word/numbering.xml": '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE n []><n/>'.encode(
                    "utf-16"
                )
            },
            "word/numbering.xml:1:1",
        ),
    ],
    ids=["billion laughs in the document", "external entity in styles", "utf-16 doctype"],
)
def test_a_part_with_doctype_or_entities_is_refused(parts: dict[str, bytes], where: str) -> None:
    code, message = refusal(rewrite(base_package(), parts))
    assert code == "LV405" and message.startswith(f"part {where}")
    assert "DOCTYPE" in message


def test_a_part_that_is_not_well_formed_is_refused_with_its_place() -> None:
    code, message = refusal(with_body("<w:p><w:r><w:t>offen</w:r></w:p>"))
    assert code == "LV406" and message.startswith("part word/document.xml:1:")


@pytest.mark.parametrize(
    ("parts", "says"),
    [
        ({"[Content_Types].xml": None}, "no [Content_Types].xml"),
        (
            {
                "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package'
                b'/2006/relationships"/>'
            },
            "no main document part",
        ),
        ({"word/document.xml": None}, "no main document part"),
        (
            {
                "[Content_Types].xml": zipfile.ZipFile(io.BytesIO(base_package()))
                .read("[Content_Types].xml")
                .replace(b"wordprocessingml.document.main", b"spreadsheetml.sheet.main")
            },
            "its main part is application/vnd.openxmlformats-officedocument.spreadsheetml",
        ),
        ({"word/document.xml": b"<html/>"}, "expected <w:document>, got <html>"),
    ],
    ids=[
        "no content types",
        "no main relationship",
        "main part missing",
        "a workbook",
        "not a w:document",
    ],
)
def test_a_package_without_a_word_document_is_refused(
    parts: dict[str, bytes | None], says: str
) -> None:
    code, message = refusal(rewrite(base_package(), parts))
    assert code == "LV401" and says in message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 40_000), st.integers(0, 255)), min_size=1, max_size=8))
def test_any_damage_gives_a_package_or_a_refusal_never_a_crash(
    changes: list[tuple[int, int]],
) -> None:
    data = bytearray(with_body(paragraph("§ 1 Gegenstand")))
    for offset, value in changes:
        data[offset % len(data)] = value
    try:
        package = open_package(bytes(data), "kaputt.docx")
        for p in package.document.iter(w("p")):
            paragraph_text(p)
    except LvcheckError as error:
        assert error.diagnostic.code.startswith("LV40")


def test_opening_a_package_takes_milliseconds() -> None:
    data = with_body(paragraph("Absatz") * 2000)
    started = time.perf_counter()
    for _ in range(5):
        open_package(data, "vertrag.docx")
    assert (time.perf_counter() - started) / 5 < 0.1


# ---------------------------------------------------------------- the text Word shows


def shown(*runs: str) -> str:
    root = etree.fromstring(f"<w:p {NAMESPACES}>{''.join(runs)}</w:p>")
    return paragraph_text(root)


@pytest.mark.parametrize(
    ("runs", "text"),
    [
        ("<w:r><w:t>§ 7</w:t><w:tab/><w:t>Leistungen</w:t></w:r>", "§ 7\tLeistungen"),
        ("<w:r><w:t>Zeile</w:t><w:br/><w:t>zwei</w:t><w:cr/></w:r>", "Zeile\nzwei\n"),
        ("<w:r><w:t>Kita</w:t><w:noBreakHyphen/><w:t>Jahr</w:t></w:r>", "Kita\u2011Jahr"),
        ("<w:r><w:t>Eingliede</w:t><w:softHyphen/><w:t>rung</w:t></w:r>", "Eingliede\u00adrung"),
        (
            '<w:r><w:sym w:font="Wingdings" w:char="2610"/><w:t> Kindergarten</w:t></w:r>',
            "☐ Kindergarten",
        ),
        ('<w:r><w:sym w:font="Symbol" w:char="zz"/></w:r>', ""),
        ('<w:r><w:t xml:space="preserve">  zwei Leerzeichen </w:t></w:r>', "  zwei Leerzeichen "),
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
            '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "3",
        ),
        (
            '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>IF </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>DATE</w:instrText>'
            '<w:fldChar w:fldCharType="separate"/><w:t>innen</w:t>'
            '<w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1</w:instrText>'
            '<w:fldChar w:fldCharType="separate"/><w:t>außen</w:t>'
            '<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> danach</w:t></w:r>',
            "außen danach",
        ),
        (
            '<w:fldSimple w:instr=" DATE "><w:r><w:t>01.08.2021</w:t></w:r></w:fldSimple>',
            "01.08.2021",
        ),
        (
            '<w:sdt><w:sdtPr><w:tag w:val="provider"/><w:alias w:val="Träger"/></w:sdtPr>'
            "<w:sdtContent><w:r><w:t>Paul Beispiel e. V.</w:t></w:r></w:sdtContent></w:sdt>",
            "Paul Beispiel e. V.",
        ),
        ('<w:hyperlink r:id="rId9"><w:r><w:t>§ 14 SGB IX</w:t></w:r></w:hyperlink>', "§ 14 SGB IX"),
        (
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>verborgen</w:t></w:r><w:r><w:t>sichtbar</w:t>"
            '</w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> auch</w:t></w:r>',
            "sichtbar auch",
        ),
        (
            '<w:del w:id="1" w:author="A"><w:r><w:delText>alt</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t>neu</w:t></w:r></w:ins>'
            '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>weg</w:t></w:r></w:moveFrom>',
            "neu",
        ),
        ("<w:r><w:t>a</w:t><!-- Kommentar --><?pi x?><w:t>b</w:t></w:r>", "ab"),
        (
            "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>Kasten</w:t></w:r></w:p>"
            "</w:txbxContent></w:drawing><w:t>Text</w:t></w:r>",
            "Text",
        ),
        (
            '<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>eins</w:t></w:r>'
            "</mc:Choice><mc:Fallback><w:r><w:t>eins</w:t></w:r></mc:Fallback>"
            "</mc:AlternateContent>",
            "eins",
        ),
        ("<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>", "x+1"),
        (
            '<w:r><w:t>vor</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/><w:t>nach</w:t></w:r>',
            "vornach",
        ),
    ],
    ids=[
        "tab",
        "breaks",
        "non-breaking hyphen",
        "soft hyphen",
        "symbol",
        "no symbol",
        "spaces kept",
        "field result not instruction",
        "nested fields",
        "simple field",
        "content control",
        "hyperlink",
        "hidden text",
        "revisions pending: the accepted text",
        "comments and processing instructions",
        "text box apart",
        "alternate content once",
        "math",
        "unbalanced field characters",
    ],
)
def test_a_paragraph_reads_as_word_shows_it(runs: str, text: str) -> None:
    assert shown(runs) == text


def test_properties_are_never_text_not_even_tab_stops() -> None:
    p = paragraph(
        "Text",
        properties='<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr>',
    )
    assert shown(p.removeprefix("<w:p>").removesuffix("</w:p>")) == "Text"


def test_a_note_reference_shows_what_the_caller_numbers_it() -> None:
    runs = '<w:r><w:t>Punkt 8</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
    root = etree.fromstring(f"<w:p {NAMESPACES}>{runs}</w:p>")
    assert paragraph_text(root) == "Punkt 8"
    assert paragraph_text(root, lambda ref: f"[{int(ref.get(w('id'), '0')) - 1}]") == "Punkt 8[1]"
