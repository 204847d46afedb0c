"""comparison/moves.py: the siblings kept in place are the heaviest increasing run."""

from __future__ import annotations

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
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=40).flatmap(
        lambda weights: st.tuples(st.permutations(list(range(len(weights)))), st.just(weights))
    )
)
def test_the_heaviest_increasing_run_is_the_one_the_pairs_search_finds(
    case: tuple[list[int], list[int]],
) -> None:
    """Ties included (weights from 1 to 6): the int-keyed search keeps exactly the clauses
    the search over (weight, position) pairs keeps."""
    from lvcheck.comparison.moves import _heaviest_increasing

    values, weights = case
    assert _heaviest_increasing(list(values), weights) == _heaviest_by_pairs(list(values), weights)
