"""Which clause of the old version is which clause of the new one.

In this order, each step only among the clauses still unmatched:
1. the same eId (and kind): eIds follow provisions, so this settles almost everything
   between versions of one agreement;
2. the same number, the same kind and similar words (the same clause, eId changed);
3. identical words that occur once on each side (boilerplate that occurs many times
   must not anchor a match);
4. the most similar clause of the same kind, above a threshold. Candidates come from an
   index of rare words, so that two agreements of thousands of clauses never compare
   every clause with every other.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from lvcheck.comparison.changes import Clause
from lvcheck.comparison.words import similarity

SIMILAR_NUMBERED = 0.5  # same number: at least half the words in common
SIMILAR_FUZZY = 0.6  # no other evidence: most words in common
MIN_WORDS_TO_ANCHOR = 3  # "Kommunikationsstörungen" alone says too little to move a clause
RARE_WORDS = 4  # candidates share one of a clause's rarest words
MAX_CANDIDATES = 50

Pairs = dict[int, int]  # old index -> new index


def _by_eid(old: list[Clause], new: list[Clause], pairs: Pairs) -> None:
    new_by_eid = {clause.eid: clause for clause in new if clause.eid}
    for clause in old:
        match = new_by_eid.get(clause.eid)
        if match is not None and match.kind == clause.kind:
            pairs[clause.index] = match.index


def _rest(old: list[Clause], new: list[Clause], pairs: Pairs) -> tuple[list[Clause], list[Clause]]:
    taken = set(pairs.values())
    return (
        [c for c in old if c.index not in pairs],
        [c for c in new if c.index not in taken],
    )


def _by_number(old: list[Clause], new: list[Clause], pairs: Pairs) -> None:
    rest_old, rest_new = _rest(old, new, pairs)
    by_number: dict[tuple[str, str], list[Clause]] = defaultdict(list)
    for clause in rest_new:
        if clause.num:
            by_number[(clause.kind, clause.num)].append(clause)
    taken: set[int] = set()
    for clause in rest_old:
        for candidate in by_number.get((clause.kind, clause.num), []) if clause.num else []:
            if candidate.index in taken:
                continue
            if (
                similarity(clause.key + clause.heading_key, candidate.key + candidate.heading_key)
                >= SIMILAR_NUMBERED
            ):
                pairs[clause.index] = candidate.index
                taken.add(candidate.index)
                break


def _by_unique_text(old: list[Clause], new: list[Clause], pairs: Pairs) -> None:
    rest_old, rest_new = _rest(old, new, pairs)

    def unique(clauses: list[Clause]) -> dict[tuple[str, tuple[str, ...]], Clause]:
        counts = Counter((c.kind, c.key) for c in clauses)
        return {
            (c.kind, c.key): c
            for c in clauses
            if counts[(c.kind, c.key)] == 1 and len(c.key) >= MIN_WORDS_TO_ANCHOR
        }

    new_unique = unique(rest_new)
    for key, clause in unique(rest_old).items():
        match = new_unique.get(key)
        if match is not None:
            pairs[clause.index] = match.index


def _by_similarity(old: list[Clause], new: list[Clause], pairs: Pairs) -> None:
    rest_old, rest_new = _rest(old, new, pairs)
    if not rest_old or not rest_new:
        return
    eid_of_old = {clause.index: clause.eid for clause in old}
    eid_of_new = {clause.index: clause.eid for clause in new}
    parent_match = {eid_of_old[o]: eid_of_new[n] for o, n in pairs.items()}  # old parent -> new
    frequency = Counter(word for clause in rest_new for word in set(clause.key))
    index: dict[str, list[Clause]] = defaultdict(list)
    for clause in rest_new:
        for word in sorted(set(clause.key), key=lambda w: frequency[w])[:RARE_WORDS]:
            index[word].append(clause)
    scored: list[tuple[float, tuple[bool, float], int, int]] = []
    for clause in rest_old:
        if len(clause.key) < MIN_WORDS_TO_ANCHOR:
            continue
        candidates: dict[int, Clause] = {}
        for word in sorted(set(clause.key), key=lambda w: frequency.get(w, 0))[:RARE_WORDS]:
            for candidate in index.get(word, [])[:MAX_CANDIDATES]:
                if candidate.kind == clause.kind:
                    candidates[candidate.index] = candidate
        for candidate in candidates.values():
            score = similarity(clause.key, candidate.key)
            if score >= SIMILAR_FUZZY:
                # equal scores (boilerplate said twice) go to the candidate under the
                # matching parent, then to the one nearest in the document
                context = (
                    parent_match.get(clause.parent or "") == candidate.parent,
                    -abs(clause.index / len(old) - candidate.index / len(new)),
                )
                scored.append((score, context, clause.index, candidate.index))
    taken: set[int] = set()
    ranked = sorted(scored, key=lambda s: (-s[0], not s[1][0], -s[1][1], s[2], s[3]))
    for _, _, old_index, new_index in ranked:
        if old_index not in pairs and new_index not in taken:
            pairs[old_index] = new_index
            taken.add(new_index)


def align(old: list[Clause], new: list[Clause]) -> Pairs:
    """Matched clauses: old index -> new index (indexes are positions in the lists)."""
    pairs: Pairs = {}
    _by_eid(old, new, pairs)
    _by_number(old, new, pairs)
    _by_unique_text(old, new, pairs)
    _by_similarity(old, new, pairs)
    return pairs
