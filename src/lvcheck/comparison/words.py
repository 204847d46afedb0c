"""Word operations: which tokens of two texts stay and which change, in bounded time.

difflib's SequenceMatcher without its junk heuristic is quadratic: one paragraph of
20,000 repetitive words took 97 s. Here, as in git's patience and histogram diffs:

1. the common head and tail of a region are matched and cut off;
2. tokens that occur exactly once on each side anchor the match (patience diff): the
   longest run of them in the same order on both sides splits the region into gaps,
   and each gap is matched the same way;
3. a region without such tokens (repetitive text) is matched by Myers' algorithm, whose
   work grows with the length plus the square of the edits, for at most MAX_EDITS edits;
4. beyond that, it is anchored on runs of ANCHOR_RUN tokens that occur once on each
   side, which even repetitive text has plenty of; a region without any anchor counts
   as replaced.

Every region costs its length from a budget of BUDGET_PER_TOKEN per token of input;
whatever is left when the budget runs out counts as replaced. So the work grows
near-linearly with the length of the texts, however they look.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from math import isqrt

from lvcheck.comparison.changes import WordOp
from lvcheck.comparison.increasing import longest_increasing
from lvcheck.comparison.tokens import Token

ANCHOR_RUN = 4  # tokens in a run that anchors repetitive text
MAX_EDITS = 300  # Myers' algorithm gives up beyond this many inserted + deleted tokens
BUDGET_PER_TOKEN = 40  # region lengths all regions together may cost, per input token

Block = tuple[int, int, int]  # (i, j, size): old[i:i + size] == new[j:j + size]
Region = tuple[int, int, int, int]  # old[a_lo:a_hi] against new[b_lo:b_hi]


def _anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], region: Region, run: int
) -> list[tuple[int, int]]:
    """(i, j) of the runs of ``run`` tokens that occur exactly once on each side."""
    a_lo, a_hi, b_lo, b_hi = region

    def runs(items: Sequence[Hashable], lo: int, hi: int) -> list[Hashable]:
        if run == 1:
            return list(items[lo:hi])
        return [tuple(items[i : i + run]) for i in range(lo, hi - run + 1)]

    old_runs, new_runs = runs(a, a_lo, a_hi), runs(b, b_lo, b_hi)
    old_count, new_count = Counter(old_runs), Counter(new_runs)
    new_at = {item: b_lo + j for j, item in enumerate(new_runs) if new_count[item] == 1}
    return [
        (a_lo + i, new_at[item])
        for i, item in enumerate(old_runs)
        if old_count[item] == 1 and item in new_at
    ]


def _longest_increasing(anchors: list[tuple[int, int]], run: int) -> list[tuple[int, int]]:
    """The longest chain of anchors increasing on both sides (anchors come sorted by i),
    without overlapping runs."""
    chain = [anchors[k] for k in longest_increasing([j for _, j in anchors])]
    kept: list[tuple[int, int]] = []
    for i, j in chain:  # runs of several tokens may overlap: keep those that do not
        if not kept or (i >= kept[-1][0] + run and j >= kept[-1][1] + run):
            kept.append((i, j))
    return kept


def _step(furthest: list[int], k: int, edits: int, size: tuple[int, int]) -> tuple[int, bool]:
    """Where the path on diagonal k (x - y) starts after ``edits`` edits, and whether it
    came down (an insertion) rather than right (a deletion); x is -1 where no path in
    bounds reaches the diagonal. ``furthest`` holds the x reached with one edit less,
    offset by MAX_EDITS + 1."""
    n, m = size
    offset = MAX_EDITS + 1
    down = furthest[offset + k + 1] if k < edits else -1
    right = furthest[offset + k - 1] + 1 if k > -edits and furthest[offset + k - 1] >= 0 else -1
    if down - k > m:
        down = -1  # beyond the end of the new side
    if right > n:
        right = -1  # beyond the end of the old side
    return (down, True) if down >= right else (right, False)


def _myers(
    a: Sequence[Hashable], b: Sequence[Hashable], region: Region, limit: int
) -> list[Block] | None:
    """Myers' shortest edit script for a region, as matched blocks; None beyond ``limit``
    (at most MAX_EDITS) edits. Its work is about the region's length plus limit²."""
    a_lo, a_hi, b_lo, b_hi = region
    size = (a_hi - a_lo, b_hi - b_lo)
    offset = MAX_EDITS + 1
    furthest = [-1] * (2 * MAX_EDITS + 3)  # the furthest x reached on each diagonal
    trace: list[list[int]] = []
    for edits in range(min(limit, MAX_EDITS, size[0] + size[1]) + 1):
        trace.append(furthest.copy())
        for k in range(-edits, edits + 1, 2):
            x = 0 if edits == 0 else _step(furthest, k, edits, size)[0]
            if x < 0:
                continue
            y = x - k
            while x < size[0] and y < size[1] and a[a_lo + x] == b[b_lo + y]:
                x, y = x + 1, y + 1
            furthest[offset + k] = x
            if x == size[0] and y == size[1]:
                return _backtrack(trace, size, region)
    return None


def _backtrack(trace: list[list[int]], size: tuple[int, int], region: Region) -> list[Block]:
    """The runs of matched tokens on the path Myers found, read back from its end."""
    blocks: list[Block] = []
    x, y = size
    for edits in range(len(trace) - 1, 0, -1):
        k = x - y
        start, down = _step(trace[edits], k, edits, size)
        if x > start:
            blocks.append((region[0] + start, region[2] + start - k, x - start))
        x = start if down else start - 1
        y = start - k - 1 if down else start - k
    if x:
        blocks.append((region[0], region[2], x))
    blocks.reverse()
    return blocks


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """The runs of tokens the two sequences share, in order, found in bounded time."""
    blocks: list[Block] = []
    budget = BUDGET_PER_TOKEN * (len(a) + len(b))
    regions: list[Region] = [(0, len(a), 0, len(b))]
    while regions:
        a_lo, a_hi, b_lo, b_hi = regions.pop()
        start = a_lo
        while a_lo < a_hi and b_lo < b_hi and a[a_lo] == b[b_lo]:
            a_lo, b_lo = a_lo + 1, b_lo + 1
        if a_lo > start:
            blocks.append((start, b_lo - (a_lo - start), a_lo - start))
        end = a_hi
        while a_hi > a_lo and b_hi > b_lo and a[a_hi - 1] == b[b_hi - 1]:
            a_hi, b_hi = a_hi - 1, b_hi - 1
        if a_hi < end:
            blocks.append((a_hi, b_hi, end - a_hi))
        if a_lo == a_hi or b_lo == b_hi:
            continue
        budget -= (a_hi - a_lo) + (b_hi - b_lo)
        if budget < 0:
            continue  # out of budget: the region counts as replaced
        region = (a_lo, a_hi, b_lo, b_hi)
        run = 1
        chain = _longest_increasing(_anchors(a, b, region, run), run)
        if not chain:  # repetitive text: few edits are Myers' strength, many need anchors
            limit = min(MAX_EDITS, isqrt(max(budget, 0)))
            budget -= limit * limit  # what trying costs at most, found or not
            found = _myers(a, b, region, limit)
            if found is not None:
                blocks += found
                continue
            run = ANCHOR_RUN
            chain = _longest_increasing(_anchors(a, b, region, run), run)
        previous_i, previous_j = a_lo, b_lo
        for i, j in chain:
            regions.append((previous_i, i, previous_j, j))
            blocks.append((i, j, run))
            previous_i, previous_j = i + run, j + run
        regions.append((previous_i, a_hi, previous_j, b_hi))
    return _merged(sorted(blocks))


def _merged(blocks: list[Block]) -> list[Block]:
    """Adjacent blocks as one."""
    merged: list[Block] = []
    for i, j, size in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            last = merged[-1]
            merged[-1] = (last[0], last[1], last[2] + size)
        elif size:
            merged.append((i, j, size))
    return merged


def ratio(blocks: list[Block], old_length: int, new_length: int) -> float:
    """Share of tokens the two sides have in common (0 to 1), as difflib counts it."""
    if not old_length and not new_length:
        return 1.0
    return 2 * sum(size for _, _, size in blocks) / (old_length + new_length)


def similarity(old: Sequence[Hashable], new: Sequence[Hashable]) -> float:
    """Share of tokens two texts have in common, in order (0 to 1)."""
    return ratio(matching_blocks(old, new), len(old), len(new))


def _shown(tokens: Sequence[Token]) -> str:
    return "".join(shown for _, shown in tokens)


def word_ops(old: Sequence[Token], new: Sequence[Token]) -> tuple[tuple[WordOp, ...], float]:
    """The word operations that turn old into new, and their similarity."""
    blocks = matching_blocks([key for key, _ in old], [key for key, _ in new])
    ops: list[WordOp] = []
    i = j = 0
    for block_i, block_j, size in [*blocks, (len(old), len(new), 0)]:
        if i < block_i or j < block_j:
            tag = "insert" if i == block_i else "delete" if j == block_j else "replace"
            ops.append(WordOp(tag, _shown(old[i:block_i]), _shown(new[j:block_j])))
        if size:  # the same words; each side as written (spaces, quotes may differ)
            ops.append(
                WordOp(
                    "equal",
                    _shown(old[block_i : block_i + size]),
                    _shown(new[block_j : block_j + size]),
                )
            )
        i, j = block_i + size, block_j + size
    return tuple(ops), ratio(blocks, len(old), len(new))
