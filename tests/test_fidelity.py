"""Word-for-word fidelity of both templates to their sources (tests/data/sources/).

Every word of the source must appear, in order, in the reading text that `lvcheck export`
prints; layout is no word (line breaks, Markdown marks, bullets, page numbers on a line of
their own, footnote digits glued to a word). The check is this file's own, so that a clean
clone tests fidelity; where ../shared/tools/fidelity.py (the team's tool) is beside the
repository, it runs too and must count the same.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import lvcheck

from .conftest import DATA, ROOT, SHARED, TEMPLATES

SOURCES = {
    "nrw": DATA / "sources" / "nrw-lvr-ihl-externe-leistungserbringer.txt",
    "bayern": DATA / "sources" / "bayern-niederbayern-t-k-kita.md",
}
TOOL = SHARED / "tools" / "fidelity.py"
WORD = re.compile(r"§|[^\W_]+")  # letters and digits, and the sign §
PAGE_NUMBER = re.compile(r"\s*\d+\s*")
LAYOUT = re.compile(r"</?b>|\*\*|^#+\s|^\s*[-*]\s|^-{3,}\s*$")  # Markdown and bullet marks
FOOTNOTE_DIGIT = re.compile(r"(?<=[a-zäöüß])\d\b")  # "Strukturqualität1" in the source


def source_words(text: str) -> list[str]:
    lines = [
        FOOTNOTE_DIGIT.sub(" ", LAYOUT.sub(" ", line))
        for line in text.splitlines()
        if not PAGE_NUMBER.fullmatch(line)
    ]
    return WORD.findall("\n".join(lines))


@dataclass(frozen=True)
class Fidelity:
    source_words: int
    matched_in_order: int
    missing: tuple[str, ...]  # runs of source words not found in the encoding
    added: tuple[str, ...]  # runs of words the encoding adds


def fidelity(source: list[str], encoded: list[str]) -> Fidelity:
    matcher = difflib.SequenceMatcher(None, source, encoded, autojunk=False)
    missing, added = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            missing.append(" ".join(source[i1:i2]))
        if op in ("insert", "replace"):
            added.append(" ".join(encoded[j1:j2]))
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return Fidelity(len(source), matched, tuple(missing), tuple(added))


def _check(region: str) -> Fidelity:
    text = lvcheck.render(lvcheck.load(TEMPLATES[region]), "text")
    assert isinstance(text, str)
    return fidelity(source_words(SOURCES[region].read_text("utf-8")), WORD.findall(text))


@pytest.mark.parametrize("region", sorted(SOURCES))
def test_template_has_every_source_word_in_order(region: str) -> None:
    result = _check(region)
    assert result.missing == ()
    assert result.matched_in_order == result.source_words
    # Only the visible footnote marker "[1]" of the NRW text may be added.
    assert result.added == (("1",) if region == "nrw" else ())
    if TOOL.exists():  # the team's tool, where ../shared is beside the repository
        assert _shared_tool(region) == (result.source_words, result.matched_in_order, 0)


def _shared_tool(region: str) -> tuple[int, int, int]:
    """Source words, words matched in order, words missing, as ../shared's tool counts them."""
    # The tool runs `lvcheck export`; make sure it finds this interpreter's lvcheck.
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        [sys.executable, str(TOOL), str(SOURCES[region]), str(TEMPLATES[region]), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    tool = json.loads(done.stdout)
    assert tool["text_from"] == "lvcheck export --format text"
    return tool["source_words"], tool["matched_in_order"], tool["missing_words"]


def test_the_check_finds_a_word_the_encoding_lost() -> None:
    source = source_words("§ 14 Schlussbestimmungen\n12\n**Die Frist beträgt zwölf Monate**")
    assert source == [
        "§",
        "14",
        "Schlussbestimmungen",
        "Die",
        "Frist",
        "beträgt",
        "zwölf",
        "Monate",
    ]
    lost = fidelity(source, ["§", "14", "Schlussbestimmungen", "Die", "Frist", "Monate"])
    assert lost.missing == ("beträgt zwölf",)
    assert lost.matched_in_order == 6


def test_the_readme_states_the_figures_the_check_finds() -> None:
    nrw, bayern = _check("nrw"), _check("bayern")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    figures = (
        f"NRW {nrw.matched_in_order:,} of {nrw.source_words:,} words, "
        f"Bavaria {bayern.matched_in_order:,} of {bayern.source_words:,} words, none missing"
    )
    assert figures in readme
