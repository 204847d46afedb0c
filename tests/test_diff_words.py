"""The word diff (comparison/words.py): correct operations, in bounded, near-linear work."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.comparison import words
from lvcheck.comparison.tokens import tokenize
from lvcheck.comparison.words import matching_blocks, word_ops

VOCABULARY = ["Leistung", "Träger", "Kind", "Einrichtung", "Fachkraft", "Betreuung", "Gruppe"]


def _lcs(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous, row = row, [0]
        for j, y in enumerate(b):
            row.append(previous[j] + 1 if x == y else max(previous[j + 1], row[j]))
    return row[-1]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=40),
    st.lists(st.sampled_from(VOCABULARY), max_size=40),
)
def test_operations_turn_the_old_text_into_the_new(old: list[str], new: list[str]) -> None:
    before, after = tokenize(" ".join(old)), tokenize(" ".join(new))
    ops, ratio = word_ops(before, after)
    assert "".join(op.old for op in ops) == "".join(s for _, s in before)
    assert "".join(op.new for op in ops) == "".join(s for _, s in after)
    assert all(op.op != "equal" or op.old.split() == op.new.split() for op in ops)
    assert 0.0 <= ratio <= 1.0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abc"), max_size=14), st.lists(st.sampled_from("abc"), max_size=14))
def test_myers_finds_a_longest_common_subsequence(a: list[str], b: list[str]) -> None:
    blocks = words._myers(a, b, (0, len(a), 0, len(b)), words.MAX_EDITS)
    assert blocks is not None
    assert all(a[i : i + n] == b[j : j + n] for i, j, n in blocks)
    assert sum(n for _, _, n in blocks) == _lcs(a, b)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 30))
def test_a_few_edits_in_a_long_text_are_found_exactly(seed: int, edits: int) -> None:
    chooser = random.Random(seed)
    old = [chooser.choice(VOCABULARY) for _ in range(2000)]
    new = old.copy()
    places = sorted(chooser.sample(range(len(new)), edits), reverse=True)
    for place in places:
        new[place] = "geändert"
    blocks = matching_blocks(old, new)
    assert sum(n for _, _, n in blocks) == len(old) - edits


class _Counted(str):
    """A token that counts how often it is compared or hashed."""

    calls = 0

    def __eq__(self, other: object) -> bool:
        _Counted.calls += 1
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        _Counted.calls += 1
        return str.__hash__(self)


def _work(length: int, seed: int = 7) -> int:
    """Comparisons and hashes to diff a repetitive paragraph with one edit in 500 words."""
    chooser = random.Random(seed)
    old = [_Counted(chooser.choice(VOCABULARY)) for _ in range(length)]
    new = old.copy()
    for place in range(0, length, 500):
        new[place] = _Counted("geändert")
    _Counted.calls = 0
    matching_blocks(old, new)
    return _Counted.calls


def test_work_grows_near_linearly_on_repetitive_text() -> None:
    """difflib took 97 s for 20,000 such words and 390 s for 40,000 (quadratic)."""
    small, large = _work(5_000), _work(20_000)
    assert large / small < 4 * 1.5  # four times the words: about four times the work
    assert large < 60 * 20_000


def test_totally_different_long_texts_cost_a_bounded_budget() -> None:
    chooser = random.Random(3)
    old = [_Counted(chooser.choice(VOCABULARY)) for _ in range(20_000)]
    new = [_Counted(chooser.choice(VOCABULARY)) for _ in range(20_000)]
    _Counted.calls = 0
    blocks = matching_blocks(old, new)
    assert _Counted.calls < 400 * 40_000
    assert all(old[i : i + n] == new[j : j + n] for i, j, n in blocks)
