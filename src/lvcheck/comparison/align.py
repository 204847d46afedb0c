"""Which clause of the old version is which clause of the new one.

An eId is a strong hint, never the truth: editors and tools regenerate eIds, and when
a §'s text moves to another number, the eId may follow the number rather than the text
(old § 649 is new § 648, and new § 649 says something else). So the content decides, in
this order, each step only among the clauses still unmatched:

1. identical content that occurs once on each side: a whole subtree (a § with all its
   paragraphs, matched with them), then a clause's own words, then its text without its
   heading (MIN_WORDS_TO_ANCHOR words or more);
2. the same eId, where the two clauses correspond (the same heading, similar words or
   mostly the same sub-clauses) and their parents are each other's match;
3. within each matched pair, its sub-clauses: identical own words, text or heading that
   occur once among them; the same eId and corresponding; the same number and
   corresponding; the most similar in the same gap between matched siblings, or the one
   clause in its gap where eIds were evidently given by position;
4. across the documents (a clause that moved to another parent): identical own words
   that occur once among the rest; the same eId and corresponding; the clause whose
   sub-clauses are mostly matched to its sub-clauses (a part whose heading changed); the
   most similar clause of the same kind above SIMILAR_FUZZY, found through an index of
   rare words, so that two agreements of thousands of clauses never compare every clause
   with every other;
5. the same eId where both are still unmatched in the same gap: a clause rewritten in
   place.

Every pair matched in steps 2 to 5 has its sub-clauses aligned by step 3 at once.
Identical clauses are compared as normalised strings; only clauses that differ are cut
into tokens, to measure their similarity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from lvcheck.comparison.evidence import SIMILAR, Evidence, Pairs, indexed, speaks
from lvcheck.comparison.outline import Outline
from lvcheck.comparison.words import similarity

SIMILAR_FUZZY = 0.6  # no other evidence: most words in common
MIN_WORDS_TO_ANCHOR = 3  # "Kommunikationsstörungen" alone says too little across a document
RARE_WORDS = 4  # fuzzy candidates share one of a clause's rarest words
MAX_CANDIDATES = 50
MAX_GAP_PAIRS = 400  # a larger gap between matched siblings is left to step 4

HEADING, TEXT = slice(0, 2), slice(0, 3, 2)  # parts of Outline.own: kind and heading, kind and text


class _Aligner(Evidence):
    # ------------------------------------------------------------ pairing

    def pair(self, o: int, n: int) -> None:
        """Match two clauses, then their sub-clauses (step 3)."""
        self.pairs[o] = n
        self.taken.add(n)
        self.back[n] = o
        self.children(self.old.children[o], self.new.children[n])

    def pair_subtrees(self, o: int, n: int) -> None:
        """Two identical subtrees, clause by clause."""
        self.pairs[o] = n
        self.taken.add(n)
        self.back[n] = o
        kids_old, kids_new = self.old.children[o], self.new.children[n]
        if len(kids_old) != len(kids_new):
            return  # a fingerprint collision, in theory: leave the rest to the other steps
        for kid_old, kid_new in zip(kids_old, kids_new, strict=True):
            if kid_old not in self.pairs and kid_new not in self.taken:
                self.pair_subtrees(kid_old, kid_new)

    def rest(self, olds: Iterable[int], news: Iterable[int]) -> tuple[list[int], list[int]]:
        return [o for o in olds if o not in self.pairs], [n for n in news if n not in self.taken]

    # ------------------------------------------------------------ the steps

    def identical(self) -> None:
        """Step 1: identical subtrees, then identical own words, that occur once each side."""
        old, new = self.old, self.new
        old_count, new_count = Counter(old.tree), Counter(new.tree)
        new_at = {fingerprint: n for n, fingerprint in enumerate(new.tree)}
        for o, fingerprint in enumerate(old.tree):  # document order: a subtree before its parts
            n = new_at.get(fingerprint)
            if (
                n is not None
                and o not in self.pairs
                and n not in self.taken
                and old_count[fingerprint] == new_count[fingerprint] == 1
                and old.weight[o] > 1
            ):
                self.pair_subtrees(o, n)
        everything = range(len(old)), range(len(new))
        self.unique_own(*everything, MIN_WORDS_TO_ANCHOR, descend=False)
        self.unique_own(*everything, MIN_WORDS_TO_ANCHOR, descend=False, part=TEXT)

    def unique_own(
        self,
        olds: Iterable[int],
        news: Iterable[int],
        min_words: int,
        descend: bool = True,
        part: slice = slice(None),
    ) -> None:
        """Clauses whose own words occur once among ``olds`` and once among ``news``;
        ``part`` compares only some of kind, heading and text."""
        rest_old, rest_new = self.rest(olds, news)
        old, new = self.old, self.new
        old_count = Counter(old.own[o][part] for o in rest_old)
        new_count = Counter(new.own[n][part] for n in rest_new)
        new_at = {new.own[n][part]: n for n in rest_new if new_count[new.own[n][part]] == 1}
        for o in rest_old:
            own = old.own[o][part]
            n = new_at.get(own)
            if n is None or old_count[own] > 1 or old.words[o] < min_words or not any(own[1:]):
                continue
            if n in self.taken or o in self.pairs:
                continue
            if (part == HEADING or not old.own[o][2]) and not self.name_stands(o, n):
                continue
            short = old.own[o][2] and old.words[o] < MIN_WORDS_TO_ANCHOR
            if short and self.numbered_elsewhere(o, n):
                continue
            if descend:
                self.pair(o, n)
            else:
                self.pairs[o] = n
                self.taken.add(n)
                self.back[n] = o

    def by_eid(
        self, olds: Iterable[int], parents_matched: bool, among: set[int] | None = None
    ) -> None:
        """Steps 2, 3 and 4: the same eId, where the clauses correspond; in step 3 only
        ``among`` the sub-clauses of the new one of a matched pair."""
        old, new = self.old, self.new
        for o in olds:
            if o in self.pairs:
                continue
            n = new.by_eid.get(old.clauses[o].eid)
            if n is None or n in self.taken or old.own[o][0] != new.own[n][0]:
                continue
            if among is not None and n not in among:
                continue  # a clause elsewhere is step 4's, once every pair has its own
            if parents_matched:
                parent_old, parent_new = old.clauses[o].parent, new.clauses[n].parent
                expected = None if parent_old is None else self.pairs.get(parent_old, -1)
                if expected != parent_new:
                    continue
            if self.corresponds(o, n):
                self.pair(o, n)

    def children(self, kids_old: list[int], kids_new: list[int]) -> None:
        """Step 3: the sub-clauses of a matched pair (or the top-level clauses)."""
        rest_old, rest_new = self.rest(kids_old, kids_new)
        if not rest_old or not rest_new:
            return
        self.unique_own(rest_old, rest_new, min_words=1)
        self.unique_own(rest_old, rest_new, min_words=1, part=TEXT)  # heading rewritten
        self.unique_own(rest_old, rest_new, min_words=1, part=HEADING)  # text rewritten
        self.by_eid(rest_old, parents_matched=False, among=set(rest_new))
        self.by_number(*self.rest(rest_old, rest_new))
        self.in_gaps(kids_old, kids_new)

    def by_number(self, rest_old: list[int], rest_new: list[int]) -> None:
        numbered: dict[tuple[str, str], list[int]] = defaultdict(list)
        for n in rest_new:
            clause = self.new.clauses[n]
            if clause.num:
                numbered[(clause.kind, clause.num)].append(n)
        for o in rest_old:
            clause = self.old.clauses[o]
            for n in numbered.get((clause.kind, clause.num), []) if clause.num else []:
                if n not in self.taken and o not in self.pairs and self.corresponds(o, n):
                    self.pair(o, n)

    def gaps(self, kids_old: list[int], kids_new: list[int]) -> list[tuple[list[int], list[int]]]:
        """Unmatched siblings, grouped by the two matched siblings they stand between."""
        place = {n: position for position, n in enumerate(kids_new)}
        next_matched = [len(kids_new)] * (len(kids_old) + 1)  # new place of the next match
        for position in reversed(range(len(kids_old))):
            o = kids_old[position]
            matched = place.get(self.pairs[o], -1) if o in self.pairs else None
            next_matched[position] = next_matched[position + 1] if matched is None else matched
        gaps: dict[tuple[int, int], list[int]] = defaultdict(list)
        low = 0  # the new place after the last matched old sibling so far
        for position, o in enumerate(kids_old):
            if o in self.pairs:
                low = place.get(self.pairs[o], low - 1) + 1
            else:
                gaps[(low, next_matched[position])].append(o)
        found = []
        for (low, high), olds in gaps.items():
            news = [n for n in kids_new[low:high] if n not in self.taken]
            if news:
                found.append((olds, news))
        return found

    def in_gaps(self, kids_old: list[int], kids_new: list[int]) -> None:
        """Unmatched siblings between the same two matched siblings, most similar first."""
        for olds, news in self.gaps(kids_old, kids_new):
            if len(olds) * len(news) <= MAX_GAP_PAIRS:
                self.best_first([(o, n) for o in olds for n in news], SIMILAR)
            olds, news = self.rest(olds, news)
            if len(olds) == len(news) == 1 and self.eids_regenerated(olds[0], news[0]):
                self.pair(olds[0], news[0])  # the one clause in its place: rewritten

    def eids_regenerated(self, o: int, n: int) -> bool:
        """Are eIds no evidence here? Yes where the parents' eIds differ, or each eId
        belongs to another clause on the other side: eIds given by position. No where
        either is unknown on the other side under a parent that kept its eId: a clause
        deleted and another inserted in its place, each with an eId of its own. (The
        same answer whichever version is old.)"""
        old, new = self.old.clauses[o], self.new.clauses[n]
        if o in self.pairs or n in self.taken or old.kind != new.kind:
            return False
        if old.eid in self.new.by_eid and new.eid in self.old.by_eid:
            return True
        if old.parent is None or new.parent is None:
            return False
        return self.old.clauses[old.parent].eid != self.new.clauses[new.parent].eid

    def best_first(self, candidates: list[tuple[int, int]], threshold: float) -> None:
        scored = []
        for o, n in candidates:
            score = self.similar(o, n, threshold)
            if score:
                scored.append((-score, abs(o / len(self.old) - n / len(self.new)), o, n))
        for _, _, o, n in sorted(scored):
            if o not in self.pairs and n not in self.taken:
                self.pair(o, n)

    def by_children(self) -> None:
        """Step 4: a clause whose sub-clauses are mostly matched to the sub-clauses of one
        clause of the same kind is that clause (a part whose heading changed, whose
        sections did not), unless both have words of their own beside their sub-clauses
        that say otherwise (old § 651k Abs. 1 is not new § 651r Abs. 2 for one list in
        common). Deepest first, so that the evidence climbs."""
        old, new = self.old, self.new
        for o in reversed(range(len(old))):
            kids = old.children[o]
            if o in self.pairs or not kids:
                continue
            parents = Counter(new.clauses[self.pairs[k]].parent for k in kids if k in self.pairs)
            if not parents:
                continue
            n, shared = parents.most_common(1)[0]
            if n is None or n in self.taken or old.own[o][0] != new.own[n][0]:
                continue
            if 2 * shared < SIMILAR * (len(kids) + len(new.children[n])):
                continue
            both_speak = speaks(old.own[o]) and speaks(new.own[n])
            if both_speak and similarity(*self.compared(o, n)) < SIMILAR:
                continue
            self.pair(o, n)

    def fuzzy(self) -> None:
        """Step 4: the most similar clause of the same kind anywhere, through rare words.
        Each side's clauses look up the other side's by their rarest words, counted over
        both sides: the same candidates whichever version is old."""
        rest_old, rest_new = self.rest(range(len(self.old)), range(len(self.new)))
        if not rest_old or not rest_new:
            return
        old, new = self.old, self.new
        words_old = {o: set(indexed(old, o)) for o in rest_old}
        words_new = {n: set(indexed(new, n)) for n in rest_new}
        frequency = Counter(
            w for words in (*words_old.values(), *words_new.values()) for w in words
        )

        def rarest(words: set[str]) -> list[str]:
            return sorted(words, key=lambda w: (frequency[w], w))[:RARE_WORDS]

        def index(side: dict[int, set[str]]) -> dict[str, list[int]]:
            found: dict[str, list[int]] = defaultdict(list)
            for clause, words in side.items():
                for word in rarest(words):
                    found[word].append(clause)
            return found

        index_old, index_new = index(words_old), index(words_new)
        candidates: set[tuple[int, int]] = set()
        for o, words in words_old.items():
            for word in rarest(words):
                candidates.update((o, n) for n in index_new.get(word, [])[:MAX_CANDIDATES])
        for n, words in words_new.items():
            for word in rarest(words):
                candidates.update((o, n) for o in index_old.get(word, [])[:MAX_CANDIDATES])
        self.best_first(
            sorted(
                (o, n)
                for o, n in candidates
                if min(self.old.words[o], self.new.words[n]) >= MIN_WORDS_TO_ANCHOR
            ),
            SIMILAR_FUZZY,
        )

    def restore(self) -> None:
        """Step 5: the same eId and kind, both still unmatched between the same matched
        siblings: a clause rewritten in place."""
        for o, n in [(None, None), *self.pairs.items()]:
            kids_old = self.old.roots if o is None else self.old.children[o]
            kids_new = self.new.roots if n is None else self.new.children[n]
            if all(k in self.pairs for k in kids_old) or all(k in self.taken for k in kids_new):
                continue  # nothing left on one side: the common case, decided cheaply
            for olds, news in self.gaps(kids_old, kids_new):
                by_eid = {self.new.clauses[k].eid: k for k in news}
                for k in olds:
                    match = by_eid.get(self.old.clauses[k].eid)
                    if match is None or match in self.taken or k in self.pairs:
                        continue
                    if self.old.own[k][0] == self.new.own[match][0]:
                        self.pair(k, match)
                self.same_number(olds, news)

    def same_number(self, olds: list[int], news: list[int]) -> None:
        """Step 5 where eIds were given by position: the same number and kind, both still
        unmatched between the same matched siblings, is the clause rewritten under its
        number, as the same eId is where eIds are kept (old § 312 and new § 312, whatever
        their eIds). Not where an eId of its own says that one was deleted and another
        inserted in its place (eids_regenerated)."""
        positional = self.positional()
        numbered: dict[tuple[str, str], list[int]] = defaultdict(list)
        for k in news:
            clause = self.new.clauses[k]
            if clause.num and k not in self.taken:
                numbered[(clause.kind, clause.num)].append(k)
        for k in olds:
            clause = self.old.clauses[k]
            found = numbered.get((clause.kind, clause.num), []) if clause.num else []
            if len(found) != 1 or found[0] in self.taken or k in self.pairs:
                continue
            if positional or self.eids_regenerated(k, found[0]):
                self.pair(k, found[0])

    def positional(self) -> bool:
        """Were the eIds given by position? Yes where most clauses matched so far have
        another eId on each side: then an eId unknown on the other side says nothing."""
        if self._positional is None:
            old, new = self.old.clauses, self.new.clauses
            kept = sum(1 for o, n in self.pairs.items() if old[o].eid == new[n].eid)
            self._positional = 2 * kept < len(self.pairs)
        return self._positional


def align(old: Outline, new: Outline) -> Pairs:
    """Matched clauses: old index -> new index (indexes are positions in the lists)."""
    aligner = _Aligner(old, new)
    aligner.identical()
    aligner.by_eid(range(len(old)), parents_matched=True)
    aligner.children(old.roots, new.roots)
    for o, n in list(aligner.pairs.items()):  # the sub-clauses of every pair matched so far
        aligner.children(old.children[o], new.children[n])
    rest = [o for o in range(len(old)) if o not in aligner.pairs]
    aligner.unique_own(rest, range(len(new)), MIN_WORDS_TO_ANCHOR)
    aligner.by_eid(rest, parents_matched=False)
    aligner.by_children()
    aligner.fuzzy()
    aligner.restore()
    return aligner.pairs
