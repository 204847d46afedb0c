"""The canonical layout (canonical.py, formatting.py): stable, idempotent, content-preserving."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.document.canonical import format_file, serialize
from lvcheck.document.parse import NAMESPACE, parse_bytes
from lvcheck.document.read import read_agreement

from .conftest import ALL_CONTRACTS, TEMPLATES


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_every_contract_is_canonical(path: Path) -> None:
    data = path.read_bytes()
    assert serialize(parse_bytes(data, str(path))) == data


def test_block_layout_and_attribute_order_are_normalised() -> None:
    messy = (
        f'<agreement xmlns="{NAMESPACE}"><body>   <section   eId="sec_1">'
        "<content><p>Ein  Satz\n mit <b>Markup</b> .</p></content></section>\n\n</body>"
        '<x:y xmlns:x="urn:x" b="2" a="1"/></agreement>'
    ).encode()
    expected = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<agreement xmlns="{NAMESPACE}">\n'
        "  <body>\n"
        '    <section eId="sec_1">\n'
        "      <content>\n"
        "        <p>Ein  Satz\n mit <b>Markup</b> .</p>\n"
        "      </content>\n"
        "    </section>\n"
        "  </body>\n"
        '  <x:y xmlns:x="urn:x" a="1" b="2"/>\n'
        "</agreement>\n"
    ).encode()
    assert serialize(parse_bytes(messy, "messy.xml")) == expected


def test_comments_inside_and_outside_the_root_are_kept() -> None:
    source = f'<!-- vor --><agreement xmlns="{NAMESPACE}"><!-- innen --><body/></agreement>'
    out = serialize(parse_bytes(source.encode(), "c.xml")).decode()
    assert "<!-- vor -->" in out and "<!-- innen -->" in out


def test_fmt_rewrites_then_finds_nothing_left(tmp_path: Path) -> None:
    target = tmp_path / "a.xml"
    canonical = TEMPLATES["bayern"].read_bytes()
    target.write_bytes(canonical.replace(b"\n      ", b" "))
    assert format_file(target, check_only=True).changed
    assert target.read_bytes() != canonical  # --check changed nothing
    assert format_file(target, check_only=False).changed
    assert target.read_bytes() == canonical
    assert not format_file(target, check_only=False).changed


_BLOCK_GAP = re.compile(rb">\n( *)<")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"", b" ", b"\n", b"\t", b"\n\n    "]), min_size=1, max_size=50))
def test_any_block_whitespace_is_brought_back_to_the_same_canonical_bytes(
    gaps: list[bytes],
) -> None:
    canonical = TEMPLATES["nrw"].read_bytes()
    index = 0

    def perturb(match: re.Match[bytes]) -> bytes:
        nonlocal index
        index += 1
        return b">" + gaps[index % len(gaps)] + b"<"

    messy = _BLOCK_GAP.sub(perturb, canonical)
    tree = parse_bytes(messy, "messy.xml")
    assert serialize(tree) == canonical
    assert read_agreement(tree) == read_agreement(parse_bytes(canonical, "c.xml"))
