"""Which matched clauses moved: those that left their parent, or left the order of their
siblings. The siblings kept in place are the heaviest increasing run of their order."""

from __future__ import annotations

import zlib
from collections import defaultdict
from itertools import pairwise

from lvcheck.comparison.changes import Clause


def _heaviest_increasing(values: list[int], weights: list[int]) -> set[int]:
    """Positions of the increasing subsequence of ``values`` with the greatest total weight.

    Siblings on it kept their order; the others moved. Weighing by size reports the
    smaller of two swapped clauses as the moved one, the same in both directions of a
    diff. A Fenwick tree over the ranks of the values makes it O(n log n).
    """
    count = len(values)
    if all(a < b for a, b in pairwise(values)):
        return set(range(count))  # the common case: nothing moved
    rank = {value: position for position, value in enumerate(sorted(values))}
    tree: list[tuple[int, int]] = [(0, -1)] * (count + 1)  # best (weight, position) per prefix
    best: list[int] = [0] * count
    previous: list[int] = [-1] * count
    for position, value in enumerate(values):
        query, found = rank[value], (0, -1)
        while query > 0:  # the best chain ending below this value
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


def _weight(old: Clause, new: Clause) -> int:
    """How much of a clause stays put if it is not the one that moved: its words, then a
    hash of the pair that is the same whichever side is old, so that no two weigh alike."""
    pair = "|".join(sorted((old.eid, new.eid)))
    return (len(old.key) + len(new.key) + 1) * 2**32 + zlib.crc32(pair.encode("utf-8"))


def moved_clauses(old: list[Clause], new: list[Clause], pairs: dict[int, int]) -> set[int]:
    """Old indexes of matched clauses that moved."""
    old_by_eid = {c.eid: c.index for c in old}
    new_by_eid = {c.eid: c.index for c in new}
    moved: set[int] = set()
    siblings: dict[int | None, list[tuple[int, int, int]]] = defaultdict(list)
    for old_index, new_index in pairs.items():
        old_parent = old_by_eid.get(old[old_index].parent or "")
        new_parent = new_by_eid.get(new[new_index].parent or "")
        if (old_parent is None) != (new_parent is None) or (
            old_parent is not None and pairs.get(old_parent) != new_parent
        ):
            moved.add(old_index)
        else:
            weight = _weight(old[old_index], new[new_index])
            siblings[new_parent].append((new_index, old_index, weight))
    for group in siblings.values():
        group.sort()
        kept = _heaviest_increasing([o for _, o, _ in group], [w for _, _, w in group])
        moved.update(
            old_index for position, (_, old_index, _) in enumerate(group) if position not in kept
        )
    return moved
