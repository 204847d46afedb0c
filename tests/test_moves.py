"""comparison/moves.py: the siblings kept in place are the heaviest increasing run."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st


def _heaviest_by_pairs(values: list[int], weights: list[int]) -> set[int]:
    """The Fenwick search as it was written with (weight, position) pairs: the oracle."""
    count = len(values)
    rank = {value: position for position, value in enumerate(sorted(values))}
    tree: list[tuple[int, int]] = [(0, -1)] * (count + 1)
    best, previous = [0] * count, [-1] * count
    for position, value in enumerate(values):
        query, found = rank[value], (0, -1)
        while query > 0:
            found = max(found, tree[query])
            query -= query & -query
        best[position] = found[0] + weights[position]
        previous[position] = found[1]
        update = rank[value] + 1
        while update <= count:
            tree[update] = max(tree[update], (best[position], position))
            update += update & -update
    position = max(range(count), key=lambda i: (best[i], -i))
    kept: set[int] = set()
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=40).flatmap(
        lambda size: st.tuples(
            st.permutations(list(range(size))), st.permutations([2**i for i in range(size)])
        )
    )
)
def test_the_heaviest_increasing_run_is_the_one_the_pairs_search_finds(
    case: tuple[list[int], list[int]],
) -> None:
    """Weights that no two runs share (distinct powers of two): one heaviest run, and the
    search by blocks keeps exactly the clauses the plain search over pairs keeps."""
    from lvcheck.comparison.moves import _heaviest_increasing

    values, weights = case
    assert _heaviest_increasing(list(values), list(weights)) == _heaviest_by_pairs(
        list(values), list(weights)
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=40).flatmap(
        lambda weights: st.tuples(st.permutations(list(range(len(weights)))), st.just(weights))
    ),
    st.integers(min_value=0, max_value=1000),
)
def test_with_ties_the_run_kept_is_increasing_and_as_heavy_as_any(
    case: tuple[list[int], list[int]], gap: int
) -> None:
    """Weights that runs may share (1 to 6), and values with gaps (deleted siblings): the
    positions kept are in increasing order and weigh what the heaviest run weighs."""
    from lvcheck.comparison.moves import _heaviest_increasing

    order, weights = case
    values = [value * (gap + 1) for value in order]
    kept = sorted(_heaviest_increasing(values, weights))
    assert all(values[a] < values[b] for a, b in itertools.pairwise(kept))
    heaviest = _heaviest_by_pairs(values, weights)
    assert sum(weights[i] for i in kept) == sum(weights[i] for i in heaviest)


def test_one_clause_moved_far_leaves_all_others_in_place() -> None:
    from lvcheck.comparison.moves import _heaviest_increasing

    values = list(range(1000))
    values.insert(900, values.pop(300))
    kept = _heaviest_increasing(values, [1] * 1000)
    assert set(range(1000)) - kept == {900}  # the position the moved clause stands at


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.text(max_size=8), st.text(max_size=8), st.text(max_size=30)))
def test_the_tiebreak_of_equal_words_is_the_crc_of_both_joined(own: tuple[str, str, str]) -> None:
    """The shortcut for a pair of equal words gives the number the general way gives."""
    import zlib

    from lvcheck.comparison.outline import stable_tiebreak

    joined = "\x1e".join(own)
    assert stable_tiebreak(own, own) == zlib.crc32(f"{joined}\x1f{joined}".encode())
