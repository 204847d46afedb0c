"""Which matched clauses moved: those that left their parent, or left the order of their
siblings. The siblings kept in place are the longest increasing run of their order; of
runs as long, the one that keeps the most numbers, then the heaviest, each clause weighed
by its whole subtree."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from lvcheck.comparison.outline import Outline, stable_tiebreak


def _heaviest_increasing(values: list[int], weights: list[int]) -> set[int]:
    """Positions of the increasing subsequence of ``values`` with the greatest total weight.

    Siblings on it kept their order; the others moved. Weighing by size reports the
    smaller of two swapped clauses as the moved one, the same in both directions of a
    diff. Siblings that kept their order among themselves are searched as one block.
    """
    count = len(values)
    if all(a < b for a, b in pairwise(values)):
        return set(range(count))  # the common case: nothing moved
    rank = {value: position for position, value in enumerate(sorted(values))}
    ranks = [rank[value] for value in values]
    # A block: neighbours whose ranks follow each other (r, r+1, …). No other value lies
    # between theirs, so a run that takes one of them can take them all: the heaviest run
    # takes whole blocks, and one § moved among 10,000 leaves four blocks to search.
    starts = [0, *(i for i in range(1, count) if ranks[i] != ranks[i - 1] + 1), count]
    kept_blocks = _heaviest_by_rank(
        [ranks[start] for start in starts[:-1]],
        [sum(weights[start:end]) for start, end in pairwise(starts)],
    )
    return {i for block in kept_blocks for i in range(starts[block], starts[block + 1])}


def _heaviest_by_rank(ranks: list[int], weights: list[int]) -> set[int]:
    """The heaviest increasing run of distinct ranks, O(n log n) with a Fenwick tree."""
    count = len(ranks)
    order = {value: position for position, value in enumerate(sorted(ranks))}
    # (weight, position) as one int, weight * span + position + 1: ints compare as those
    # pairs do, and at a tenth of the cost of tuples in the two inner loops
    span = count + 1
    tree: list[int] = [0] * span  # best (weight, position) per prefix; 0: none
    best: list[int] = [0] * count
    previous: list[int] = [-1] * count
    for position, value in enumerate(ranks):
        query, found = order[value], 0
        while query > 0:  # the best chain ending below this value
            if tree[query] > found:
                found = tree[query]
            query -= query & -query
        best[position] = found // span + weights[position]
        previous[position] = found % span - 1
        key = best[position] * span + position + 1
        update = order[value] + 1
        while update <= count:
            if key > tree[update]:
                tree[update] = key
            update += update & -update
    position = max(range(count), key=lambda i: (best[i], -i))
    kept: set[int] = set()
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept


def _weights(old: Outline, new: Outline, group: list[tuple[int, int]]) -> list[int]:
    """What each pair of siblings weighs in the run kept in place: first one, so that the
    fewest clauses are reported moved ("§ 13 vor § 10 verschoben", not "§§ 10–12"); then
    whether it kept its number, so that of one clause renumbered past another the
    renumbered one moved, not the one that stayed § 312h; then its words with its
    sub-clauses, so that of equals the lighter moved; then the pair's tiebreak, so that no
    two weigh alike, the same in both directions of a diff."""
    sizes = [old.weight[o] + new.weight[n] for n, o in group]
    kept_number = sum(sizes) + 1  # more than all sizes together
    one = kept_number * (len(group) + 1)  # more than all numbers kept and sizes together
    return [
        ((one + kept_number * (old.clauses[o].num == new.clauses[n].num) + size) << 32)
        + stable_tiebreak(old.own[o], new.own[n])
        for (n, o), size in zip(group, sizes, strict=True)
    ]


def moved_clauses(old: Outline, new: Outline, pairs: dict[int, int]) -> set[int]:
    """Old indexes of matched clauses that moved: to another parent, or out of the order
    of their siblings. As few as can be (_weights): when a long clause moves past three
    short ones, the long one moved; of two that changed places, the one renumbered, else
    the lighter (a § with ten paragraphs outweighs a § of one line)."""
    moved: set[int] = set()
    siblings: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
    for o, n in pairs.items():
        old_parent, new_parent = old.clauses[o].parent, new.clauses[n].parent
        if (old_parent is None) != (new_parent is None) or (
            old_parent is not None and pairs.get(old_parent) != new_parent
        ):
            moved.add(o)
        else:
            siblings[new_parent].append((n, o))
    for group in siblings.values():
        group.sort()
        order = [o for _, o in group]
        if all(a < b for a, b in pairwise(order)):
            continue  # the common case: nothing moved among these siblings
        weights = _weights(old, new, group)
        kept = _heaviest_increasing(order, weights)
        moved.update(o for position, (_, o) in enumerate(group) if position not in kept)
    return moved
