"""The evidence that two clauses are one: their words (of the whole subtree where both
have sub-clauses), their names, their sub-clauses, and the rivals an eId or a number
names. The alignment (align.py) weighs it, step by step."""

from __future__ import annotations

from collections import Counter

from lvcheck.comparison.changes import Clause
from lvcheck.comparison.flatten import POINTS_MARK
from lvcheck.comparison.outline import Outline, Own
from lvcheck.comparison.tokens import content_of
from lvcheck.comparison.words import similarity

SIMILAR = 0.5  # an eId, a number or a place in common, and at least half the words

Pairs = dict[int, int]  # old index -> new index
# the own content of a clause that says nothing itself: none, or where a list's points stand
_POINTS_ONLY = content_of((POINTS_MARK,))
_NO_WORDS = frozenset({("", ""), ("", _POINTS_ONLY)})


def speaks(own: Own) -> bool:
    """Does a clause have running text of its own, beside where its points stand?"""
    return bool(own[2]) and own[2] != _POINTS_ONLY


def own_words(clause: Clause) -> tuple[str, ...]:
    return clause.heading_key + clause.key


def indexed(side: Outline, index: int) -> tuple[str, ...]:
    """The words a clause is found by across the document: its subtree's, or its own."""
    return side.text(index) if side.children[index] else own_words(side.clauses[index])


class Evidence:
    """Two outlines, the pairs found so far, and what says two clauses are one."""

    def __init__(self, old: Outline, new: Outline) -> None:
        self.old, self.new = old, new
        self.pairs: Pairs = {}
        self.taken: set[int] = set()
        self.back: Pairs = {}  # new index -> old index, of the pairs
        self._positional: bool | None = None

    def compared(self, o: int, n: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The words two clauses are compared by: of their whole subtrees where both have
        sub-clauses (a § says what its Absätze say: old § 31a is new § 31a, rewritten, not
        new § 31b, whose heading alone is closer), else their own words (a point is not
        the point whose sub-points now hold its words, but one of those)."""
        old, new = self.old, self.new
        if old.children[o] and new.children[n]:
            return old.text(o), new.text(n)
        return own_words(old.clauses[o]), own_words(new.clauses[n])

    def corresponds(self, o: int, n: int) -> bool:
        """Do two clauses say the same thing, allowing for an edit?"""
        old, new = self.old, self.new
        if old.own[o] == new.own[n] and old.own[o][1:] not in _NO_WORDS:
            return True  # the same words (a list has none of its own: its points decide)
        if old.own[o][1] and old.own[o][1] == new.own[n][1]:
            return True  # a named clause keeps its name
        words_old, words_new = self.compared(o, n)
        if (words_old or words_new) and similarity(words_old, words_new) >= SIMILAR:
            return True
        # mostly the same sub-clauses, at any depth (a § whose list lost a word)
        below_old = Counter(old.own[k] for k in old.descendants(o))
        below_new = Counter(new.own[k] for k in new.descendants(n))
        total = sum(below_old.values()) + sum(below_new.values())
        return bool(total) and 2 * sum((below_old & below_new).values()) >= SIMILAR * total

    def name_stands(self, o: int, n: int) -> bool:
        """May two clauses that share only their heading be paired? Where their words say
        so too, or where neither has a rival of its own eId or number that says more like
        it: old § 478 "Rückgriff des Unternehmers" is new § 478 "Sonderbestimmungen für
        den Rückgriff des Unternehmers", whose words continue it, not new § 327u, which
        took its heading."""
        score = similarity(*self.compared(o, n))
        if score >= SIMILAR:
            return True
        for rival in self.rivals(self.new, self.old, o, self.pairs):
            if (
                rival != n
                and rival not in self.taken
                and similarity(*self.compared(o, rival)) > score
            ):
                return False
        for rival in self.rivals(self.old, self.new, n, self.back):
            if (
                rival != o
                and rival not in self.pairs
                and similarity(*self.compared(rival, n)) > score
            ):
                return False
        return True

    def numbered_elsewhere(self, o: int, n: int) -> bool:
        """Does a word or two, found once on each side, meet a clause of its own number?
        Then the number outweighs them: "(weggefallen)" of old § 327 is not that of new
        §§ 2354 bis 2359 while there is a new § 327."""
        ahead = self.rivals(self.new, self.old, o, self.pairs, by_eid=False)
        behind = self.rivals(self.old, self.new, n, self.back, by_eid=False)
        return any(r != n and r not in self.taken for r in ahead) or any(
            r != o and r not in self.pairs for r in behind
        )

    @staticmethod
    def rivals(
        there: Outline, here: Outline, index: int, pairs: Pairs, by_eid: bool = True
    ) -> list[int]:
        """The clauses of the other side with the eId of ``index``, or its kind and number
        under its parent's match."""
        clause = here.clauses[index]
        found = []
        same = there.by_eid.get(clause.eid) if by_eid else None
        if same is not None and there.clauses[same].kind == clause.kind:
            found.append(same)
        if clause.num:
            parent = None if clause.parent is None else pairs.get(clause.parent, -1)
            if parent != -1:
                for k in there.siblings(parent):
                    other = there.clauses[k]
                    if other.num == clause.num and other.kind == clause.kind and k not in found:
                        found.append(k)
                        break
        return found

    def similar(self, o: int, n: int, threshold: float) -> float:
        """The similarity of two clauses of the same kind if it reaches ``threshold``, else 0."""
        old, new = self.old.clauses[o], self.new.clauses[n]
        if old.kind != new.kind:
            return 0.0
        score = similarity(*self.compared(o, n))
        return score if score >= threshold else 0.0
