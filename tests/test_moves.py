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


_HEAD = (
    '<agreement xmlns="urn:lvcheck:agreement:1.0"><meta>'
    '<work id="t" type="test" jurisdiction="DE-NW" language="de"/>'
    '<version id="v1" kind="template" status="draft"/><title>BEISPIEL</title>'
    '<parties><party id="t" name="Träger" role="authority"/></parties></meta><body>'
)


def _agreement(sections: list[tuple[str, str, str]]) -> bytes:
    """(eId, number, words) for each §."""
    body = "".join(
        f'<section eId="{eid}"><num>§ {number}</num><content><p>{words}</p></content></section>'
        for eid, number, words in sections
    )
    return (_HEAD + body + "</body></agreement>").encode()


def _moved(old: bytes, new: bytes) -> list[tuple[str, str]]:
    from lvcheck.comparison.changes import ChangeKind
    from lvcheck.comparison.engine import diff_agreements
    from lvcheck.document.load import load_agreement_bytes

    result = diff_agreements(load_agreement_bytes(old, "alt"), load_agreement_bytes(new, "neu"))
    return [
        (c.old.citation, c.new.citation)
        for c in result.changes
        if c.kind == ChangeKind.MOVED and c.old and c.new
    ]


_LONG = " ".join(f"Wort{i}" for i in range(200))  # outweighs three short §§ together


def test_one_long_section_moved_before_three_short_ones_is_the_one_moved() -> None:
    """ "§ 13 vor § 10 verschoben", not "§§ 10–12 verschoben", however much § 13 weighs."""
    texts = {10: "Zehn kurze Worte.", 11: "Elf kurze Worte.", 12: "Zwölf kurze Worte.", 13: _LONG}
    old = _agreement([(f"sec_{n}", str(n), texts[n]) for n in (10, 11, 12, 13)])
    new = _agreement(
        [
            (f"sec_{n}", str(k), texts[n])
            for k, n in zip(range(10, 14), (13, 10, 11, 12), strict=True)
        ]
    )
    assert _moved(old, new) == [("§ 13", "§ 10")]
    assert _moved(new, old) == [("§ 10", "§ 13")]  # the same one, backwards


def test_of_two_that_change_places_the_renumbered_one_moved() -> None:
    """Old § 7 (long) became § 9 past § 8, which kept its number (as BGB § 312g became
    § 312i past § 312h): § 7 moved, though § 8 is the lighter."""
    old = _agreement([("sec_7", "7", _LONG), ("sec_8", "8", "Acht bleibt acht.")])
    new = _agreement([("sec_8", "8", "Acht bleibt acht."), ("sec_7", "9", _LONG)])
    assert _moved(old, new) == [("§ 7", "§ 9")]


def test_of_two_equal_ones_swapped_the_lighter_moved() -> None:
    old = _agreement([("sec_1", "1", _LONG), ("sec_2", "2", "Kurz.")])
    new = _agreement([("sec_2", "1", "Kurz."), ("sec_1", "2", _LONG)])
    assert _moved(old, new) == [("§ 2", "§ 1")]
