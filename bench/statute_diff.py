#!/usr/bin/env python3
"""The diff's alignment on a real statute: the BGB of 11.01.2013 against that of 28.01.2022
(bundestag/gesetze, about 2,400 and 2,500 §§), counting every claim the statute does not
support.

The ground truth is what stable eIds give, made from the numbers (bench/statute.py): old
§ 7 Abs. 2 is new § 7 Abs. 2. The diff decides by content, so it may also pair units of
different numbers; such a pairing (and the renumbering or move it implies) is supported
only where the statute shows the same words under the new number: their words at least
NEAR alike, and closer than the unit of the same number. Counted as false:

- pairings of different numbers that the words do not support ("§ 478 → § 327u");
- moves of a unit whose number stayed the same ("§ 312h verschoben", unchanged);
- a unit of the same number and the same words on both sides shown as deleted and
  inserted (the diff missed the obvious pair).

A § rewritten whole under its number may fairly show as deleted and inserted: no claim.
Each side runs twice: with stable eIds, and with eIds regenerated from the position (sec_1,
sec_2, …), which must give the same pairs.

    python3 bench/statute_diff.py            # counts, times, and every false claim
    python3 bench/statute_diff.py --quiet    # counts and times only
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable
from itertools import product
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from statute import BGB_2013, BGB_2022, Identity, agreement, read

from lvcheck.comparison.align import SIMILAR
from lvcheck.comparison.changes import ChangeKind, Clause, DiffResult
from lvcheck.comparison.engine import diff_agreements
from lvcheck.comparison.flatten import flatten
from lvcheck.comparison.outline import Outline
from lvcheck.comparison.words import similarity
from lvcheck.document.load import Parsed, parse_agreement_bytes


class Claim(NamedTuple):
    kind: str  # "pairing", "move", "deleted and inserted"
    old: str  # citations
    new: str


class Measured(NamedTuple):
    claims: list[Claim]
    pairs: set[tuple[str, str]]  # the pairs by their true (stable) eIds
    moved: int
    seconds: float


class _Side:
    """One version: its units with their true identities and the words of each subtree."""

    def __init__(self, stable: Parsed, identities: dict[str, Identity]) -> None:
        self.clauses = flatten(stable.tree)
        self.outline = Outline(self.clauses)
        # a unit's identity: at each level, the numbers it stands for (bench/statute.py)
        self.identity: list[Identity] = [identities.get(c.eid, ()) for c in self.clauses]
        self.by_number: dict[tuple[str, ...], int] = {}
        for clause, identity in zip(self.clauses, self.identity, strict=True):
            for key in product(*(sorted(level) for level in identity)):
                self.by_number.setdefault(key, clause.index)
        self._words: dict[int, tuple[str, ...]] = {}

    def words(self, index: int) -> tuple[str, ...]:
        found = self._words.get(index)
        if found is None:
            found = tuple(
                word
                for k in (index, *self.outline.descendants(index))
                for word in (*self.clauses[k].heading_key, *self.clauses[k].key)
            )
            self._words[index] = found
        return found

    def fingerprint(self, index: int) -> int:
        return self.outline.tree[index]

    def section(self, index: int) -> int:
        """The § a unit stands in."""
        while self.clauses[index].parent is not None and self.clauses[index].kind != "section":
            parent = self.clauses[index].parent
            assert parent is not None
            index = parent
        return index

    def namesake(self, identity: Identity) -> int | None:
        """The unit of this side that stands for one of the same numbers."""
        for key in product(*(sorted(level) for level in identity)):
            found = self.by_number.get(key)
            if found is not None:
                return found
        return None


def same_unit(old: _Side, new: _Side, o: int, n: int) -> bool:
    """Do the numbers say it: the same place under a § of a number both stand for, or
    under two §§ the statute shows as one renumbered?"""
    before, after = old.identity[o], new.identity[n]
    if len(before) != len(after) or not before:
        return False
    if all(b & a for b, a in zip(before[1:], after[1:], strict=True)):
        if before[0] & after[0]:
            return True
        return len(before) > 1 and supported(old, new, old.section(o), new.section(n))
    return False


_PLACEHOLDER = frozenset({"weggefallen", "-"})


def _says_something(words: tuple[str, ...]) -> bool:
    """More than "(weggefallen)": a repealed unit's place holder says nothing of its own."""
    return any(word.strip("()") not in _PLACEHOLDER and word.strip("()") for word in words)


def supported(old: _Side, new: _Side, o: int, n: int) -> bool:
    """Does the statute show old unit o under new unit n's other number? Where its words
    (at least half of them, as the diff counts similar) or its heading continue there, and
    neither unit of the same number is a closer match."""
    if same_unit(old, new, o, n):
        return True
    words_old, words_new = old.words(o), new.words(n)
    if not (_says_something(words_old) and _says_something(words_new)):
        return False
    score = similarity(words_old, words_new)
    heading = old.clauses[o].heading_key
    named = bool(heading) and heading == new.clauses[n].heading_key
    if score < SIMILAR and not named:
        return False
    here, there = new.namesake(old.identity[o]), old.namesake(new.identity[n])
    if here is not None and similarity(words_old, new.words(here)) >= score:
        return False
    return there is None or similarity(old.words(there), words_new) < score


def _pairs(result: DiffResult) -> Iterable[tuple[Clause, Clause]]:
    for change in result.changes:
        if change.old is not None and change.new is not None:
            yield change.old, change.new
    for run in result.renumbered:
        yield from run.pairs
    yield from result.unchanged


def measure(old: _Side, new: _Side, old_side: Parsed, new_side: Parsed) -> Measured:
    """The diff of two sides, its claims held to the truth of ``old`` and ``new``."""
    start = time.perf_counter()
    result = diff_agreements(old_side, new_side)
    seconds = time.perf_counter() - start
    claims: list[Claim] = []
    pairs: set[tuple[str, str]] = set()
    for before, after in _pairs(result):
        o, n = before.index, after.index
        pairs.add((old.clauses[o].eid, new.clauses[n].eid))  # stable eIds, whichever ran
        if not supported(old, new, o, n):
            claims.append(Claim("pairing", before.citation, after.citation))
    moved = 0
    for change in result.changes:
        if change.kind != ChangeKind.MOVED or change.old is None or change.new is None:
            continue
        moved += 1
        if same_unit(old, new, change.old.index, change.new.index):
            claims.append(Claim("move", change.old.citation, change.new.citation))
    deleted = {c.old.index for c in result.changes if c.kind == ChangeKind.DELETED and c.old}
    inserted = {c.new.index for c in result.changes if c.kind == ChangeKind.INSERTED and c.new}
    for o in deleted:
        n = new.namesake(old.identity[o])
        if n in inserted and old.fingerprint(o) == new.fingerprint(n):
            claims.append(
                Claim("deleted and inserted", old.clauses[o].citation, new.clauses[n].citation)
            )
    return Measured(claims, pairs, moved, seconds)


def sides(
    old_text: Path = BGB_2013, new_text: Path = BGB_2022
) -> tuple[_Side, _Side, dict[str, Parsed]]:
    """Both versions' truth, and the four agreements: old and new, stable and regenerated."""
    laws = {"old": read(old_text), "new": read(new_text)}
    parsed: dict[str, Parsed] = {}
    identities: dict[str, dict[str, Identity]] = {}
    for name, law in laws.items():
        for positional in (False, True):
            label = f"{name}-{'regenerated' if positional else 'stable'}"
            xml, found = agreement(law, name, positional)
            if not positional:  # the same units either way; keyed by the stable eIds
                identities[name] = found
            parsed[label] = parse_agreement_bytes(xml.encode("utf-8"), label)
    old = _Side(parsed["old-stable"], identities["old"])
    return old, _Side(parsed["new-stable"], identities["new"]), parsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="counts and times only")
    args = parser.parse_args()
    old, new, parsed = sides()
    sections = (
        sum(1 for c in old.clauses if c.kind == "section"),
        sum(1 for c in new.clauses if c.kind == "section"),
    )
    print(f"BGB 11.01.2013 ({sections[0]} §§) against 28.01.2022 ({sections[1]} §§)")
    results = {}
    for eids in ("stable", "regenerated"):
        found = measure(old, new, parsed["old-" + eids], parsed["new-" + eids])
        results[eids] = found
        kinds = Counter(claim.kind for claim in found.claims)
        print(
            f"{eids:>12} eIds: {len(found.claims):>3} false claims "
            f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items())) or 'none'}); "
            f"{found.moved} moves reported; {found.seconds:.2f} s"
        )
        if not args.quiet:
            for claim in found.claims:
                print(f"      {claim.kind}: {claim.old} → {claim.new}")
    differ = results["stable"].pairs ^ results["regenerated"].pairs
    print(f"pairs that differ between stable and regenerated eIds: {len(differ)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
