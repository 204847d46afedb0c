"""The clauses of one side as a tree, with what alignment and move detection weigh:
each clause's own content, the fingerprint of its whole subtree, and its size.

A fingerprint covers the kind and the words of a clause and of all its sub-clauses, in
order, but neither numbers nor eIds: two subtrees with equal fingerprints say the same,
wherever they stand and however they are numbered. Fingerprints are compared within one
run only (Python's string hashing differs between runs); nothing stores them.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from lvcheck.comparison.changes import Clause

Own = tuple[str, str, str]  # kind, heading content, text content


class Outline:
    """One side's clauses with children, own content, subtree fingerprints and sizes."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.clauses = clauses
        self.children: list[list[int]] = [[] for _ in clauses]
        self.roots: list[int] = []
        for clause in clauses:
            if clause.parent is None:
                self.roots.append(clause.index)
            else:
                self.children[clause.parent].append(clause.index)
        self.own: list[Own] = [(c.kind, c.heading_content, c.content) for c in clauses]
        self.words = [_words(own) for own in self.own]
        self.tree: list[int] = [0] * len(clauses)
        self.weight: list[int] = [0] * len(clauses)  # words of the subtree, and 1 per clause
        self.size: list[int] = [0] * len(clauses)  # clauses in the subtree, itself included
        for index in reversed(range(len(clauses))):  # document order: children come after
            kids = self.children[index]
            if not kids:  # most clauses: the same sums, written out
                self.tree[index] = hash((self.own[index], ()))
                self.weight[index] = 1 + self.words[index]
                self.size[index] = 1
                continue
            self.tree[index] = hash((self.own[index], tuple(self.tree[k] for k in kids)))
            self.weight[index] = 1 + self.words[index] + sum(self.weight[k] for k in kids)
            self.size[index] = 1 + sum(self.size[k] for k in kids)
        self.by_eid: dict[str, int] = {}
        for clause in clauses:
            self.by_eid.setdefault(clause.eid, clause.index)
        self._texts: dict[int, tuple[str, ...]] = {}

    def text(self, index: int) -> tuple[str, ...]:
        """The words of a clause and of all its sub-clauses, in order, headings included:
        what a § says is mostly in its Absätze, not in its heading. Tokenised and kept
        only for the clauses that are compared."""
        found = self._texts.get(index)
        if found is None:
            clause = self.clauses[index]
            found = clause.heading_key + clause.key
            for kid in self.children[index]:
                found += self.text(kid)
            self._texts[index] = found
        return found

    def __len__(self) -> int:
        return len(self.clauses)

    def siblings(self, parent: int | None) -> list[int]:
        return self.roots if parent is None else self.children[parent]

    def descendants(self, index: int) -> range:
        """The clauses under one, all of them: in document order they follow it."""
        return range(index + 1, index + self.size[index])


def _words(own: Own) -> int:
    """How many words a clause has of its own (heading and text): its content strings
    have one space between words."""
    _, heading, text = own
    return (heading.count(" ") + 1 if heading else 0) + (text.count(" ") + 1 if text else 0)


def stable_tiebreak(old: Own, new: Own) -> int:
    """A number the same for a pair whichever side is old, in every run: it settles ties
    between pairs that weigh alike."""
    if old == new:  # nearly every pair: the same words, crc32 of "own\x1fown" in two steps
        own = "\x1e".join(old).encode("utf-8")
        return zlib.crc32(own, zlib.crc32(b"\x1f", zlib.crc32(own)))
    return zlib.crc32("\x1f".join(sorted(("\x1e".join(old), "\x1e".join(new)))).encode("utf-8"))
