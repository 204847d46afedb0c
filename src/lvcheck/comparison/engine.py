"""The legal diff: (old, new) agreement -> what a lawyer must see, clause by clause.

Clauses are aligned (align.py), then each pair is classified:
- moved: its parent is another clause now, or it left the order of its siblings (it is
  not on the longest run of siblings that kept their order);
- renumbered: only its number changed; runs of such clauses become one line;
- modified: its words changed (word operations; beyond about half, shown whole);
- inserted / deleted: no partner; a whole inserted or deleted subtree is one change.
Header and filled fields are compared apart, with deepdiff.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace

from lvcheck.comparison.align import align
from lvcheck.comparison.changes import (
    ChangeKind,
    Clause,
    ClauseChange,
    DiffResult,
    Level,
    RenumberRun,
    Side,
    WordOp,
    worst,
)
from lvcheck.comparison.flatten import flatten
from lvcheck.comparison.header import compare_fields, compare_metadata
from lvcheck.comparison.moves import moved_clauses
from lvcheck.comparison.severity import is_material, severity
from lvcheck.comparison.words import word_ops
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
    if old.key != new.key:
        aspects.append(ChangeKind.MODIFIED)
        words, ratio = word_ops(old.tokens, new.tokens)
        rewritten = ratio < REWRITTEN_BELOW and bool(old.key) and bool(new.key)
        material = is_material(words)
    if old.heading_key != new.heading_key:
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


def _numbers(old: Clause, new: Clause) -> tuple[int, int] | None:
    """The positions a renumbered pair stands for, where both numbers are plain."""
    before, after = number_value(old.num), number_value(new.num)
    return None if before is None or after is None else (before, after)


def _runs(pairs: list[tuple[Clause, Clause]]) -> list[RenumberRun]:
    """Consecutive siblings renumbered by the same step become one run.

    Siblings are grouped first (same parent, same kind): in document order a § is
    followed by its own sub-clauses, which must not break the run of §§.
    """
    siblings: dict[tuple[str | None, str], list[tuple[Clause, Clause]]] = defaultdict(list)
    for old, new in sorted(pairs, key=lambda pair: pair[1].index):
        siblings[(new.parent, new.kind)].append((old, new))
    runs: list[list[tuple[Clause, Clause]]] = []
    for group in siblings.values():
        runs.append([group[0]])
        for old, new in group[1:]:
            last, now = _numbers(*runs[-1][-1]), _numbers(old, new)
            # the next number, moved by the same step as the run so far
            if last and now and now[1] == last[1] + 1 and now[1] - now[0] == last[1] - last[0]:
                runs[-1].append((old, new))
            else:
                runs.append([(old, new)])
    runs.sort(key=lambda run: run[0][1].index)
    return [RenumberRun(tuple(run), severity(ChangeKind.RENUMBERED)) for run in runs]


def _subtree_roots(clauses: list[Clause], unmatched: set[int]) -> dict[int, list[Clause]]:
    """Unmatched clauses grouped under the topmost unmatched ancestor: one change each."""
    by_eid = {c.eid: c for c in clauses}
    roots: dict[int, list[Clause]] = {}
    for clause in clauses:
        if clause.index not in unmatched:
            continue
        top, parent = clause, by_eid.get(clause.parent or "")
        while parent is not None and parent.index in unmatched:
            top, parent = parent, by_eid.get(parent.parent or "")
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


def compare_clauses(
    old: list[Clause], new: list[Clause]
) -> tuple[list[tuple[float, ClauseChange]], list[RenumberRun], list[tuple[Clause, Clause]]]:
    """Clause changes with their place in the new document, renumbering runs, unchanged pairs."""
    pairs = align(old, new)
    moved = moved_clauses(old, new, pairs)
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
    return placed, _runs(renumbered), unchanged


# ---------------------------------------------------------------- the diff


def diff_agreements(
    old: Agreement,
    new: Agreement,
    old_label: str = "alt",
    new_label: str = "neu",
    against_template: bool = False,
) -> DiffResult:
    """Compare two agreement versions (or two agreements).

    With ``against_template``, only where the instance departs from its template counts:
    its words, and the header facts they share (term, figures, parties, legal basis);
    what every instance has of its own (identity, version, title, notes, relations, the
    agreed deviations) and filled fields are no departure.
    """
    old_clauses, new_clauses = flatten(old), flatten(new)
    placed, runs, unchanged = compare_clauses(old_clauses, new_clauses)
    old_cited = {c.eid: c.citation for c in old_clauses}
    new_cited = {c.eid: c.citation for c in new_clauses}
    ignore = INSTANCE_OWN if against_template else frozenset()
    metadata = compare_metadata(old.meta, new.meta, old_cited, new_cited, ignore)
    if not against_template:
        metadata += compare_fields(old, new)
    return DiffResult(
        old=Side(old_label, old.meta.work_id, old.meta.version_id, old.meta.title, agreement=old),
        new=Side(new_label, new.meta.work_id, new.meta.version_id, new.meta.title, agreement=new),
        changes=tuple(change for _, change in sorted(placed, key=lambda item: item[0])),
        renumbered=tuple(runs),
        metadata=tuple(metadata),
        unchanged=tuple(unchanged),
    )
