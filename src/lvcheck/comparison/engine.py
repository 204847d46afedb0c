"""The legal diff: (old, new) agreement -> what a lawyer must see, clause by clause.

Clauses are aligned by their content, eIds being a hint (align.py), then each pair is
classified:
- moved: its parent is another clause now, or it left the order of its siblings (it is
  not on the heaviest run of siblings that kept their order, moves.py);
- renumbered: only its number changed; runs of such clauses become one line;
- modified: its words changed (word operations; beyond about half, shown whole);
- inserted / deleted: no partner; a whole inserted or deleted subtree is one change;
- eid-changed: its eId is another now, whatever else changed; in runs, apart from the
  changes above, so that a diff with regenerated eIds lists the same changes as one
  with stable eIds, plus these.
Only pairs whose normalised content differs are cut into tokens and word-diffed.
Header and filled fields are compared apart, with deepdiff.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from lvcheck.comparison.align import align
from lvcheck.comparison.changes import (
    ChangeKind,
    Clause,
    ClauseChange,
    DiffResult,
    EidRun,
    Level,
    RenumberRun,
    Side,
    WordOp,
    worst,
)
from lvcheck.comparison.flatten import flatten
from lvcheck.comparison.header import compare_fields, compare_metadata
from lvcheck.comparison.moves import moved_clauses
from lvcheck.comparison.outline import Outline
from lvcheck.comparison.severity import is_material, severity
from lvcheck.comparison.words import word_ops
from lvcheck.document.load import Parsed
from lvcheck.document.model import Agreement
from lvcheck.document.numbers import number_value

# Header facts an instance has of its own, never a departure from its template.
INSTANCE_OWN = frozenset({"work", "version", "title", "notes", "relations", "deviations"})
REWRITTEN_BELOW = 0.5  # fewer words in common than this: show old and new whole


def _classify(old: Clause, new: Clause, moved: bool) -> ClauseChange | None:
    aspects: list[ChangeKind] = []
    if moved:
        aspects.append(ChangeKind.MOVED)
    if old.num != new.num:  # flatten folds their whitespace already
        aspects.append(ChangeKind.RENUMBERED)
    words: tuple[WordOp, ...] = ()
    heading_words: tuple[WordOp, ...] = ()
    rewritten = material = False
    # equal content, equal words; unequal content may still be equal words ("Wort ,")
    if old.content != new.content and old.key != new.key:
        aspects.append(ChangeKind.MODIFIED)
        words, ratio = word_ops(old.tokens, new.tokens)
        rewritten = ratio < REWRITTEN_BELOW and bool(old.key) and bool(new.key)
        material = is_material(words) and not _reordered(old, new)
    if old.heading_content != new.heading_content and old.heading_key != new.heading_key:
        aspects.append(ChangeKind.HEADING)
        heading_words, _ = word_ops(old.heading_tokens, new.heading_tokens)
        material = material or is_material(heading_words)
    if not aspects or aspects == [ChangeKind.RENUMBERED]:
        return None
    levels_of = [severity(a) for a in aspects]
    if material:
        levels_of.append(Level.MATERIAL)
    return ClauseChange(
        kind=ChangeKind.MOVED if moved else ChangeKind.MODIFIED,
        aspects=tuple(aspects),
        severity=worst(levels_of),
        old=old,
        new=new,
        words=words,
        heading_words=heading_words,
        rewritten=rewritten,
        material=material,
    )


def _reordered(old: Clause, new: Clause) -> bool:
    """Did whole sentences only change places (two paragraphs of a clause swapped)? Then
    no number, date or deadline changed, whatever they hold: the same sentences, word for
    word, in another order ("Oktober 15." for "15. Oktober" is no such thing)."""
    before, after = _SENTENCES.split(old.text), _SENTENCES.split(new.text)
    return len(before) > 1 and sorted(before) == sorted(after)


# where a sentence ends: . ! or ? before a space and a capital (an ordinal "15. Oktober"
# is cut too, the same way on both sides, which is all the comparison needs)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(§])")


def _numbers(old: Clause, new: Clause) -> tuple[int, int] | None:
    """The positions a renumbered pair stands for, where both numbers are plain."""
    before, after = number_value(old.num), number_value(new.num)
    return None if before is None or after is None else (before, after)


def _runs(pairs: list[tuple[Clause, Clause]]) -> list[RenumberRun]:
    """Consecutive siblings renumbered by the same step become one run.

    Siblings are grouped first (same parent, same kind): in document order a § is
    followed by its own sub-clauses, which must not break the run of §§.
    """
    siblings: dict[tuple[int | None, str], list[tuple[Clause, Clause]]] = defaultdict(list)
    for old, new in sorted(pairs, key=lambda pair: pair[1].index):
        siblings[(new.parent, new.kind)].append((old, new))
    runs: list[list[tuple[Clause, Clause]]] = []
    for group in siblings.values():
        runs.append([group[0]])
        last = _numbers(*group[0])
        for old, new in group[1:]:
            now = _numbers(old, new)
            # the next number, moved by the same step as the run so far
            if last and now and now[1] == last[1] + 1 and now[1] - now[0] == last[1] - last[0]:
                runs[-1].append((old, new))
            else:
                runs.append([(old, new)])
            last = now
    runs.sort(key=lambda run: run[0][1].index)
    return [RenumberRun(tuple(run), severity(ChangeKind.RENUMBERED)) for run in runs]


def _eid_runs(pairs: list[tuple[Clause, Clause]]) -> list[EidRun]:
    """Pairs whose eId changed, in runs that follow one another on both sides."""
    runs: list[list[tuple[Clause, Clause]]] = []
    for old, new in sorted(pairs, key=lambda pair: pair[1].index):
        if old.eid == new.eid:
            continue
        if runs:
            last_old, last_new = runs[-1][-1]
            if old.index == last_old.index + 1 and new.index == last_new.index + 1:
                runs[-1].append((old, new))
                continue
        runs.append([(old, new)])
    return [EidRun(tuple(run), severity(ChangeKind.EID_CHANGED)) for run in runs]


def _subtree_roots(clauses: list[Clause], unmatched: set[int]) -> dict[int, list[Clause]]:
    """Unmatched clauses grouped under the topmost unmatched ancestor: one change each."""
    roots: dict[int, list[Clause]] = {}
    for clause in clauses:
        if clause.index not in unmatched:
            continue
        top = clause
        while top.parent is not None and top.parent in unmatched:
            top = clauses[top.parent]
        roots.setdefault(top.index, []).append(clause)
    return roots


def _unpaired(kind: ChangeKind, clause: Clause, members: list[Clause]) -> ClauseChange:
    """An inserted or deleted clause, with the sub-clauses that came or went with it."""
    old, new = (None, clause) if kind == ChangeKind.INSERTED else (clause, None)
    return ClauseChange(
        kind=kind,
        aspects=(kind,),
        severity=severity(kind),
        old=old,
        new=new,
        subtree=tuple(members[1:]),
    )


@dataclass(frozen=True)
class Compared:
    placed: list[tuple[float, ClauseChange]]  # changes, by their place in the new document
    renumbered: list[RenumberRun]
    unchanged: list[tuple[Clause, Clause]]
    eid_changed: list[EidRun]
    pairs: dict[int, int]  # old index -> new index


def compare_clauses(old: list[Clause], new: list[Clause]) -> Compared:
    """Clause changes with their place in the new document, renumbering runs, unchanged
    pairs, runs of changed eIds, and which clause is which."""
    old_outline, new_outline = Outline(old), Outline(new)
    pairs = align(old_outline, new_outline)
    moved = moved_clauses(old_outline, new_outline, pairs)
    placed: list[tuple[float, ClauseChange]] = []
    renumbered: list[tuple[Clause, Clause]] = []
    unchanged: list[tuple[Clause, Clause]] = []
    for old_index, new_index in sorted(pairs.items(), key=lambda item: item[1]):
        before, after = old[old_index], new[new_index]
        change = _classify(before, after, old_index in moved)
        if change is not None:
            placed.append((new_index, change))
        elif before.num != after.num:
            renumbered.append((before, after))
        else:
            unchanged.append((before, after))
    matched_new = set(pairs.values())
    for index, members in _subtree_roots(new, {c.index for c in new} - matched_new).items():
        placed.append((index, _unpaired(ChangeKind.INSERTED, new[index], members)))
    matched_old = sorted(pairs)
    for index, members in _subtree_roots(old, {c.index for c in old} - set(pairs)).items():
        slot = bisect_left(matched_old, index)  # a deleted clause stands after its old
        place = pairs[matched_old[slot - 1]] + 0.5 if slot else -0.5  # predecessor
        placed.append((place, _unpaired(ChangeKind.DELETED, old[index], members)))
    placed = [(position, replace(change, position=position)) for position, change in placed]
    eids = _eid_runs([(old[o], new[n]) for o, n in pairs.items()])
    return Compared(placed, _runs(renumbered), unchanged, eids, pairs)


# ---------------------------------------------------------------- the diff


def diff_agreements(
    old: Agreement | Parsed,
    new: Agreement | Parsed,
    old_label: str = "alt",
    new_label: str = "neu",
    against_template: bool = False,
) -> DiffResult:
    """Compare two agreement versions (or two agreements).

    With ``against_template``, only where the instance departs from its template counts:
    its words, and the header facts they share (term, figures, parties, legal basis);
    what every instance has of its own (identity, version, title, notes, relations, the
    agreed deviations) and filled fields are no departure.

    A side is a model or a checked tree (``Parsed``); the clauses are read from the tree (a
    model is written as one), the model of a tree is read only if something asks for it.
    """
    with without_cycle_collection():
        old = old if isinstance(old, Parsed) else Parsed.of(old)
        new = new if isinstance(new, Parsed) else Parsed.of(new)
        old_clauses, new_clauses = flatten(old.tree), flatten(new.tree)
        compared = compare_clauses(old_clauses, new_clauses)
    old_name, new_name = _namers(old_clauses, new_clauses, compared.pairs)
    ignore = INSTANCE_OWN if against_template else frozenset()
    old_meta, new_meta = old.meta, new.meta
    metadata = compare_metadata(old_meta, new_meta, old_name, new_name, ignore)
    if not against_template:
        with without_cycle_collection():  # the models, where a tree has fields
            metadata += compare_fields(old.fields(), new.fields())
    return DiffResult(
        old=Side(old_label, old_meta.work_id, old_meta.version_id, old_meta.title, old),
        new=Side(new_label, new_meta.work_id, new_meta.version_id, new_meta.title, new),
        changes=tuple(change for _, change in sorted(compared.placed, key=lambda item: item[0])),
        renumbered=tuple(compared.renumbered),
        metadata=tuple(metadata),
        unchanged=tuple(compared.unchanged),
        eid_changed=tuple(compared.eid_changed),
    )


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """The diff (and the models it reads) makes hundreds of thousands of small objects
    and no reference cycles; Python's cycle collector would walk all of them again and
    again (a third of the time at 10,000 clauses). On the way out, whatever was made is
    moved to the oldest generation unwalked (freeze, then unfreeze at once): otherwise the
    first collection after re-enabling walks every one of them, and the next ones again
    (0.08 s at 10,000 clauses). Nothing is kept from the collector: garbage cycles are
    still found by the next full collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


Namer = Callable[[str], str]


def _namers(old: list[Clause], new: list[Clause], pairs: dict[int, int]) -> tuple[Namer, Namer]:
    """eId -> citation for each side's header; an old clause is named by its match in the
    new version, so that a clause that still governs the term, renumbered or under a new
    eId, is no change of the header. Looked up only when the header names a clause."""
    old_by_eid = {clause.eid: clause for clause in old}
    new_by_eid = {clause.eid: clause for clause in new}

    def old_name(eid: str) -> str:
        clause = old_by_eid.get(eid)
        if clause is None:
            return eid
        return new[pairs[clause.index]].citation if clause.index in pairs else clause.citation

    def new_name(eid: str) -> str:
        clause = new_by_eid.get(eid)
        return clause.citation if clause is not None else eid

    return old_name, new_name
