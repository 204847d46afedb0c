"""comparison/increasing.py: the one longest-increasing-subsequence helper, against the
quadratic textbook recurrence as the oracle."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from lvcheck.comparison.increasing import longest_increasing


def _longest_length(values: list[int]) -> int:
    """The O(n²) recurrence: best[k] is the longest run ending at k."""
    best = [1] * len(values)
    for k in range(len(values)):
        for before in range(k):
            if values[before] < values[k]:
                best[k] = max(best[k], best[before] + 1)
    return max(best, default=0)


@given(st.lists(st.integers(min_value=-20, max_value=20), max_size=60))
def test_the_positions_are_a_longest_strictly_increasing_run(values: list[int]) -> None:
    positions = longest_increasing(values)
    assert positions == sorted(set(positions))  # positions in order, each once
    chosen = [values[k] for k in positions]
    assert all(a < b for a, b in pairwise(chosen))
    assert len(positions) == _longest_length(values)


def test_known_cases() -> None:
    assert longest_increasing([]) == []
    assert longest_increasing([3, 3, 3]) == [2]  # strictly: one of the equal values
    values = [5, 1, 6, 2, 7, 3, 8]
    assert [values[k] for k in longest_increasing(values)] == [1, 2, 3, 8]
