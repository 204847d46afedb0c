"""validation/memo.py: the text rules' findings shared between files of one text. The
oracle is checking each file alone, with nothing remembered: shared findings must be
exactly those, path and line included."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.document.parse import parse_bytes
from lvcheck.validation import memo
from lvcheck.validation.engine import check_file, check_tree

from .conftest import TEMPLATES

TEMPLATE = TEMPLATES["nrw"].read_bytes()
# two text defects the text rules find: an eId that does not nest, an unknown statute
DEFECTS = (
    (b'eId="sec_3__list_1"', b'eId="sec_4__list_7"'),
    (b'statute="SGB IX"', b'statute="SGB XIII"'),
    ("Kündigung".encode(), "Kün\u200bdigung".encode()),  # a zero-width space in a word
)


def _variant(header_lines: int, value: str, defect: int, period: str = "P12M") -> bytes:
    """The template with extra lines in its header (the text moves down), a filled value,
    one of the defects, and a notice period in the header (§ 14 Abs. 1 says 12 months)."""
    data = TEMPLATE.replace(b"<meta>", b"<meta>" + b"<!-- x -->\n" * header_lines, 1)
    data = data.replace(b'<notice period="P12M"', f'<notice period="{period}"'.encode(), 1)
    name = b'<fillIn name="leistungserbringer.name" type="text"'
    data = data.replace(name, name + f' value="{value}"'.encode(), 1)
    old, new = DEFECTS[defect]
    header, text = data.split(b"</meta>")
    assert old in text
    return header + b"</meta>" + text.replace(old, new, 1)


def _alone(path: Path) -> tuple[str, ...]:
    """Checked with nothing remembered, and without the bytes: the text rules run."""
    data = path.read_bytes()
    return tuple(map(str, check_tree(parse_bytes(data, str(path)), str(path)).diagnostics))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=2),
            st.sampled_from(["", "Köln", 'a"b', "Kö\u202eln"]),
            st.integers(min_value=0, max_value=2),
            st.sampled_from(["P12M", "P3M"]),
        ),
        min_size=2,
        max_size=5,
    )
)
def test_shared_findings_are_exactly_the_findings_of_each_file_alone(
    tmp_path_factory: pytest.TempPathFactory, variants: list[tuple[int, str, int, str]]
) -> None:
    folder = tmp_path_factory.mktemp("memo")
    memo._remembered.clear()
    for number, (lines, value, defect, period) in enumerate(variants):
        path = folder / f"v{number}.xml"
        path.write_bytes(_variant(lines, value.replace('"', "&quot;"), defect, period))
        shared = tuple(map(str, check_file(path).diagnostics))
        assert shared == _alone(path)
        # the header's 3 months against the clause's 12: found, shared or not
        assert (period == "P3M") == any(" LV350 " in line for line in shared)
        assert any(f" LV3{n}" in line for n in ("02", "07", "12") for line in shared)


def test_files_of_one_text_share_one_entry_and_a_moved_text_does_not(tmp_path: Path) -> None:
    memo._remembered.clear()
    for number, lines in enumerate((0, 0, 1)):
        path = tmp_path / f"v{number}.xml"
        path.write_bytes(_variant(lines, "", 0))
        check_file(path)
    assert len(memo._remembered) == 2  # the third file's text begins a line later


def test_a_filled_value_does_not_change_the_key_but_a_word_of_the_text_does() -> None:
    filled = _variant(0, "Beispiel gGmbH", 0)
    unfilled = _variant(0, "", 0)
    header, text = unfilled.split(b"</meta>")
    changed = (
        header + b"</meta>" + text.replace(b"Leistungserbringer ", b"Leistungserbringerin ", 1)
    )
    assert changed != unfilled

    def key(data: bytes) -> bytes | None:
        tree = parse_bytes(data, "t.xml")
        from lvcheck.validation.rules.base import Document

        document = Document("t.xml", tree)
        digest = memo.text_digest(document, data)
        assert digest is not None
        return memo._key(document, data, digest)

    assert key(filled) == key(unfilled) != key(changed)


def test_an_invisible_character_in_a_filled_value_is_found_though_values_are_not_text(
    tmp_path: Path,
) -> None:
    memo._remembered.clear()
    clean, hidden = tmp_path / "clean.xml", tmp_path / "hidden.xml"
    clean.write_bytes(_variant(0, "Köln", 1))
    hidden.write_bytes(_variant(0, "Kö\u202eln", 1))  # the same text: the memo is shared
    assert not any("LV307" in str(d) for d in check_file(clean).diagnostics)
    found = [str(d) for d in check_file(hidden).diagnostics if d.code == "LV307"]
    assert len(found) == 1 and "U+202E" in found[0] and "attribute 'value'" in found[0]
    assert len(memo._remembered) == 1


def test_worker_processes_find_exactly_what_one_process_finds(tmp_path: Path) -> None:
    """60 instances of the Bavarian template, every fifth departing in a word: checked in
    two worker processes (files, then the word comparisons) and in one, the same findings."""
    from lvcheck.validation.engine import PARALLEL_THRESHOLD, validate_paths

    from .conftest import EXAMPLES

    folder = tmp_path / "contracts" / "bayern"
    folder.mkdir(parents=True)
    (folder / "vorlage.xml").write_bytes(TEMPLATES["bayern"].read_bytes())
    example = EXAMPLES["bayern"].read_bytes()
    count = PARALLEL_THRESHOLD + 12
    for number in range(count):
        data = example if number % 5 else example.replace(b"Kindergartenjahr", b"Kitajahr", 1)
        (folder / f"instanz-{number:03}.xml").write_bytes(data)

    def found(jobs: int) -> list[str]:
        memo._remembered.clear()
        return [
            str(d)
            for r in validate_paths([tmp_path / "contracts"], jobs=jobs)
            for d in r.diagnostics
        ]

    serial, parallel = found(1), found(2)
    assert parallel == serial
    departures = [line for line in serial if " LV360 " in line]
    assert len(departures) == count // 5  # each departing instance, once


HIDDEN_SPELLINGS = {
    "literal": ("Kö\u202eln", "utf-8"),
    "character reference": ("Kö&#x202E;ln", "utf-8"),
    "decimal reference": ("Kö&#133;ln", "utf-8"),
    "C1 control in Latin-1": ("Ã\x85ln", "iso-8859-1"),  # as UTF-8 these bytes read "Å"
    "byte order mark": ("K\ufeffln", "utf-8"),
}


@pytest.mark.parametrize("where", ["value", "header", "text"])
@pytest.mark.parametrize("spelling", list(HIDDEN_SPELLINGS), ids=str)
def test_the_scan_of_the_bytes_finds_what_the_scan_of_every_part_finds(
    where: str, spelling: str
) -> None:
    """Document.shows_every_character answers from the file's bytes; a file whose bytes
    cannot prove it (a character reference, another encoding) is scanned part by part. The
    oracle: the same file checked without its bytes."""
    hidden, encoding = HIDDEN_SPELLINGS[spelling]
    data = _variant(0, "", 0).decode()
    if encoding != "utf-8":  # all else ASCII, so that the bytes would pass for UTF-8
        data = data.replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)
        data = "".join(char if ord(char) < 128 else "?" for char in data)
    if where == "value":
        data = data.replace(' value=""', f' value="{hidden}"', 1)
    elif where == "header":
        data = data.replace("<title>", f"<title>{hidden} ", 1)
    else:
        header, text = data.split("</meta>")
        data = header + "</meta>" + text.replace("Leistungserbringer", f"{hidden} ", 1)
    raw = data.encode(encoding)
    memo._remembered.clear()
    with_bytes = check_tree(parse_bytes(raw, "t.xml"), "t.xml", raw)
    without = check_tree(parse_bytes(raw, "t.xml"), "t.xml")
    invisible = [d for d in with_bytes.diagnostics if d.code == "LV307"]
    assert invisible, "the hidden character is found"
    assert with_bytes.diagnostics == without.diagnostics


def test_a_file_without_hidden_characters_is_proved_clean_by_its_bytes() -> None:
    from lvcheck.validation.rules.base import Document

    raw = _variant(0, "Köln", 0)
    assert Document("t.xml", parse_bytes(raw, "t.xml"), raw).shows_every_character
    assert not Document("t.xml", parse_bytes(raw, "t.xml")).shows_every_character


def test_a_file_of_a_known_text_finds_each_eid_where_a_full_scan_finds_it(
    tmp_path: Path,
) -> None:
    """Document.eids of a second file of one text looks eIds up by the child positions the
    first file's scan found; the oracle is the scan of the second file itself."""
    from lvcheck.validation.rules import base

    base._POSITIONS.clear()
    first, second = _variant(0, "Köln", 0), _variant(0, "Bonn", 0)
    for data in (first, second):
        document = base.Document("t.xml", parse_bytes(data, "t.xml"), data)
        memo.text_findings(document, data, memo.text_digest(document, data))
    assert len(base._POSITIONS) == 1
    assert isinstance(document.eids, base._ByPosition)
    scanned = document._eid_scan[0]
    tree = document.root.getroottree()
    assert list(document.eids) == list(scanned)
    assert {eid: tree.getpath(e) for eid, e in document.eids.items()} == {
        eid: tree.getpath(e) for eid, e in scanned.items()
    }
    assert "no-such-eid" not in document.eids and document.eids.get("no-such-eid") is None


def _best_check_time(path: Path) -> float:
    import time

    from lvcheck.validation.rules import base

    best = float("inf")
    for _ in range(3):
        memo._remembered.clear()
        base._POSITIONS.clear()
        start = time.perf_counter()
        check_file(path)
        best = min(best, time.perf_counter() - start)
    return best


def test_checking_grows_near_linearly_with_many_sections_side_by_side(tmp_path: Path) -> None:
    """The child positions of 10,000 §§ side by side were found by parent.index(child),
    which counts the siblings for every child: 1.2 s of a 1.3 s check (0.1 s now). Eight
    times the §§ must cost about eight times the time, not sixty-four (the bound leaves
    room for a busy machine)."""
    import importlib.util
    import sys

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("bench_diff", ROOT / "bench" / "diff.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_diff"] = bench
    spec.loader.exec_module(bench)
    small = bench.make_pair(tmp_path, 1_000)[0]
    large = bench.make_pair(tmp_path, 8_000)[0]
    assert not check_file(large).errors  # a valid agreement: every rule runs
    assert _best_check_time(large) / _best_check_time(small) < 20
