"""The hardened parser: hostile and broken input gives a positioned error, never more."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck import codes
from lvcheck.document import parse
from lvcheck.document.parse import NAMESPACE, parse_bytes, parse_file
from lvcheck.errors import LvcheckError

from .conftest import DATA, TEMPLATES

INVALID = DATA / "invalid"


def _error(path: Path) -> LvcheckError:
    with pytest.raises(LvcheckError) as caught:
        parse_file(path)
    return caught.value


@pytest.mark.parametrize(
    ("name", "code", "line"),
    [
        ("external-entity.xml", codes.FORBIDDEN_MARKUP, 2),
        ("entity-expansion.xml", codes.FORBIDDEN_MARKUP, 2),
        ("external-dtd.xml", codes.FORBIDDEN_MARKUP, 2),
        ("invalid-utf8.xml", codes.NOT_WELL_FORMED, 4),
        ("truncated.xml", codes.NOT_WELL_FORMED, 4),
        ("binary-junk.xml", codes.NOT_WELL_FORMED, 1),
        ("deep-nesting.xml", codes.NOT_WELL_FORMED, 2),
        ("wrong-namespace.xml", codes.WRONG_ROOT, 2),
        ("wrong-root.xml", codes.WRONG_ROOT, 2),
    ],
)
def test_hostile_or_broken_file_is_refused_with_code_and_line(
    name: str, code: str, line: int
) -> None:
    error = _error(INVALID / name)
    assert (error.diagnostic.code, error.diagnostic.line) == (code, line)
    assert error.diagnostic.path.endswith(name)


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    hostile = tmp_path / "x.xml"
    hostile.write_text(
        f'<!DOCTYPE agreement [<!ENTITY s SYSTEM "file://{secret}">]>'
        f'<agreement xmlns="{NAMESPACE}">&s;</agreement>',
        encoding="utf-8",
    )
    error = _error(hostile)
    assert error.diagnostic.code == codes.FORBIDDEN_MARKUP
    assert "TOP-SECRET" not in str(error)


def test_doctype_hidden_in_utf16_is_still_refused() -> None:
    document = f'<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE agreement [<!ENTITY e "x">]>\n<agreement xmlns="{NAMESPACE}">&e;</agreement>'
    with pytest.raises(LvcheckError) as caught:
        parse_bytes(document.encode("utf-16"), "utf16.xml")
    assert caught.value.diagnostic.code == codes.FORBIDDEN_MARKUP


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    error = _error(tmp_path / "nope.xml")
    assert (error.diagnostic.code, error.diagnostic.message) == (codes.UNREADABLE, "no such file")


def test_folder_is_unreadable(tmp_path: Path) -> None:
    assert _error(tmp_path).diagnostic.code == codes.UNREADABLE


def test_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse, "MAX_BYTES", 1024)
    big = tmp_path / "big.xml"
    big.write_bytes(b"<agreement>" + b" " * 2048 + b"</agreement>")
    assert _error(big).diagnostic.code == codes.TOO_LARGE


def test_empty_file_is_not_well_formed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    assert _error(empty).diagnostic.code == codes.NOT_WELL_FORMED


def test_latin1_document_that_declares_its_encoding_is_accepted() -> None:
    document = f'<?xml version="1.0" encoding="ISO-8859-1"?><agreement xmlns="{NAMESPACE}"><x>Stra\u00dfe</x></agreement>'
    tree = parse_bytes(document.encode("latin-1"), "latin1.xml")
    assert tree.getroot()[0].text == "Straße"


def test_template_parses_to_an_agreement_root() -> None:
    tree = parse_file(TEMPLATES["nrw"])
    assert tree.getroot().tag == f"{{{NAMESPACE}}}agreement"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_tree_or_a_clean_error(data: bytes) -> None:
    try:
        parse_bytes(data, "fuzz.xml")
    except LvcheckError as error:
        assert error.diagnostic.code.startswith("LV1")
        assert error.diagnostic.line >= 1 and error.diagnostic.column >= 1


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=40_000))
def test_any_truncation_of_a_real_agreement_gives_a_tree_or_a_clean_error(cut: int) -> None:
    data = TEMPLATES["nrw"].read_bytes()
    try:
        parse_bytes(data[: min(cut, len(data))], "cut.xml")
    except LvcheckError as error:
        assert error.diagnostic.code in {codes.NOT_WELL_FORMED, codes.WRONG_ROOT}


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    error = _error(fifo)
    assert (error.diagnostic.code, error.diagnostic.message) == (
        codes.UNREADABLE,
        "is not a regular file (a device, pipe or socket)",
    )


def test_device_is_refused_without_reading_it() -> None:
    error = _error(Path("/dev/zero"))
    assert error.diagnostic.code == codes.UNREADABLE


ROOT_TAG = f'<agreement xmlns="{NAMESPACE}">'.encode()
TEN_MILLION_AND_MORE = b"a" * 10_000_001
LIMIT = "is longer than the limit of 10,000,000 characters"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ROOT_TAG + TEN_MILLION_AND_MORE + b"</agreement>", f"a text {LIMIT}"),
        (ROOT_TAG[:-1] + b' x="' + TEN_MILLION_AND_MORE + b'"/>', f"a value {LIMIT}"),
        (ROOT_TAG + b"<!--" + TEN_MILLION_AND_MORE + b"--></agreement>", f"a comment {LIMIT}"),
        (b"<" + b"a" * 60_000 + b"/>", "a name is longer than 50,000 characters"),
        (b"<a>" * 300, "elements nested deeper than 256 levels"),
        (
            ROOT_TAG + b"&#0;</agreement>",
            "a reference to a character that XML does not allow (code 0)",
        ),
        (ROOT_TAG + b"a\x01b</agreement>", "a character that XML does not allow (code 1)"),
        (ROOT_TAG + b"a & b</agreement>", "'&' starts no entity reference (write &amp; for '&')"),
        (ROOT_TAG + b"a < b</agreement>", "'<' starts no element (write &lt; for '<')"),
        (b"<agreement xmlns=urn/>", "an attribute value must be in quotes"),
        (ROOT_TAG[:-1] + b" status/>", "the attribute status has no value"),
        (ROOT_TAG + b"<? x?></agreement>", "a malformed processing instruction <?…?>"),
    ],
    ids=[
        "huge text",
        "huge attribute",
        "huge comment",
        "long name",
        "deep nesting",
        "reference to NUL",
        "raw control character",
        "bare ampersand",
        "bare less-than",
        "unquoted attribute",
        "attribute without value",
        "processing instruction without target",
    ],
)
def test_syntax_errors_are_said_in_plain_words(data: bytes, message: str) -> None:
    with pytest.raises(LvcheckError) as caught:
        parse_bytes(data, "x.xml")
    assert caught.value.diagnostic.message == f"not well-formed XML: {message}"


# libxml2's internals: parser options, function names, grammar productions.
JARGON = re.compile(r"XML_PARSE|\bxml[A-Z]\w*|PCDATA|AttValue|StartTag|EntityRef|ParsePI|mandates")
MUTATIONS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=5000),
        st.sampled_from(["insert", "replace", "delete"]),
        st.sampled_from(list(b"<>&;#/\"'=?![]-x \x00\x01\xff")),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=400, deadline=None)
@given(MUTATIONS)
def test_no_message_on_a_mangled_agreement_speaks_libxml2(
    mutations: list[tuple[int, str, int]],
) -> None:
    data = bytearray(TEMPLATES["nrw"].read_bytes()[:5000])
    for at, how, byte in mutations:
        at = min(at, len(data) - 1)
        if how == "insert":
            data[at:at] = bytes([byte])
        elif how == "replace":
            data[at] = byte
        else:
            del data[at : at + 8]
    try:
        parse_bytes(bytes(data), "mangled.xml")
    except LvcheckError as error:
        assert JARGON.search(error.diagnostic.message) is None, error.diagnostic.message
