"""The longest strictly increasing subsequence, the one helper for every "which of these
kept their order" question: the word diff's anchors and the Synopse's rows."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def longest_increasing(values: Sequence[int]) -> list[int]:
    """Positions of a longest strictly increasing subsequence of ``values``, in order;
    O(n log n) (patience sorting: the smallest tail of a run of each length)."""
    tails: list[int] = []  # tails[k]: smallest value ending a run of length k + 1
    tail_at: list[int] = []  # the position of that value
    before = [-1] * len(values)
    for position, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[length], tail_at[length] = value, position
        before[position] = tail_at[length - 1] if length else -1
    chain: list[int] = []
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        chain.append(position)
        position = before[position]
    chain.reverse()
    return chain
