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

import zlib
from bisect import bisect_left
from collections import defaultdict
from dataclasses import asdict, replace
from itertools import pairwise
from typing import Any

from lvcheck.align import align
from lvcheck.changes import (
    Clause,
    ClauseChange,
    DiffResult,
    MetadataChange,
    RenumberRun,
    Side,
    WordOp,
)
from lvcheck.flatten import flatten
from lvcheck.model import (
    Agreement,
    Field,
    Meta,
    Relation,
    fields_of,
)
from lvcheck.render.inline import (
    STATUS_LABELS,
    duration_text,
    german_date,
    plain_text,
    value_text,
)
from lvcheck.rules.numbering import number_value
from lvcheck.words import is_material, levels, metadata_severity, severity, word_ops

REWRITTEN_BELOW = 0.5  # fewer words in common than this: show old and new whole


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


def _moved(old: list[Clause], new: list[Clause], pairs: dict[int, int]) -> set[int]:
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


def _worst(kinds: list[str]) -> str:
    order = levels()
    return max(kinds, key=order.index)


def _classify(old: Clause, new: Clause, moved: bool) -> ClauseChange | None:
    aspects: list[str] = []
    if moved:
        aspects.append("moved")
    if old.num != new.num:  # flatten folds their whitespace already
        aspects.append("renumbered")
    words: tuple[WordOp, ...] = ()
    heading_words: tuple[WordOp, ...] = ()
    rewritten = material = False
    if old.key != new.key:
        aspects.append("modified")
        words, ratio = word_ops(old.tokens, new.tokens)
        rewritten = ratio < REWRITTEN_BELOW and bool(old.key) and bool(new.key)
        material = is_material(words)
    if old.heading_key != new.heading_key:
        aspects.append("heading")
        heading_words, _ = word_ops(old.heading_tokens, new.heading_tokens)
        material = material or is_material(heading_words)
    if not aspects or aspects == ["renumbered"]:
        return None
    levels_of = [severity(a) for a in aspects]
    if material:
        levels_of.append("material")
    return ClauseChange(
        kind="moved" if moved else "modified",
        aspects=tuple(aspects),
        severity=_worst(levels_of),
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
    return [RenumberRun(tuple(run), severity("renumbered")) for run in runs]


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


def _unpaired(kind: str, clause: Clause, members: list[Clause]) -> ClauseChange:
    """An inserted or deleted clause, with the sub-clauses that came or went with it."""
    old, new = (None, clause) if kind == "inserted" else (clause, None)
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
    moved = _moved(old, new, pairs)
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
        placed.append((index, _unpaired("inserted", new[index], members)))
    matched_old = sorted(pairs)
    for index, members in _subtree_roots(old, {c.index for c in old} - set(pairs)).items():
        slot = bisect_left(matched_old, index)  # a deleted clause stands after its old
        place = pairs[matched_old[slot - 1]] + 0.5 if slot else -0.5  # predecessor
        placed.append((place, _unpaired("deleted", old[index], members)))
    placed = [(position, replace(change, position=position)) for position, change in placed]
    return placed, _runs(renumbered), unchanged


# ---------------------------------------------------------------- header and fields

LABELS = {
    "work.id": "Vereinbarung (Kennung)",
    "work.type": "Vereinbarungstyp",
    "work.jurisdiction": "Land",
    "work.language": "Sprache",
    "version.id": "Fassung",
    "version.date": "Datum der Fassung",
    "version.status": "Status",
    "version.example": "Beispiel",
    "title": "Titel",
    "notes": "Anmerkung",
    "parties": "Vertragsparteien",
    "legal_basis": "Rechtsgrundlage",
    "term.start": "Laufzeit: Beginn",
    "term.end": "Laufzeit: Ende",
    "term.end_indefinite": "Laufzeit: unbefristet",
    "term.renewal_period": "Laufzeit: Verlängerung um",
    "term.renewal_unit": "Laufzeit: Verlängerungseinheit",
    "term.notice_period": "Kündigungsfrist",
    "term.notice_before": "Kündigung zum",
    "term.notice_form": "Form der Kündigung",
    "term.governed_by": "Laufzeit geregelt in",
    "relations": "Beziehung zu anderen Fassungen",
    "documents": "Genannte Dokumente",
}


def _meta_view(meta: Meta) -> dict[str, Any]:
    term = asdict(meta.term) if meta.term else {}
    if term:
        term["start"] = (
            term["start"]["date"] and german_date(term["start"]["date"])
        ) or f"Feld {term['start']['field']}"
        if term["end"]:
            term["end"] = (
                term["end"]["date"] and german_date(term["end"]["date"])
            ) or f"Feld {term['end']['field']}"
        for key in ("renewal_period", "notice_period"):
            if term[key]:
                term[key] = duration_text(term[key])
    return {
        "work": {
            "id": meta.work_id,
            "type": meta.agreement_type,
            "jurisdiction": meta.jurisdiction,
            "language": meta.language,
        },
        "version": {
            "id": meta.version_id,
            "date": meta.version_date and german_date(meta.version_date),
            "status": STATUS_LABELS.get(meta.status, meta.status),
            "example": "ja" if meta.example else "nein",
        },
        "title": meta.title,
        "notes": list(meta.notes),
        "parties": {p.id: {"role": p.role, "name": p.name, "field": p.field} for p in meta.parties},
        "legal_basis": sorted(
            " ".join(filter(None, (t.statute, t.section))) for t in meta.legal_basis or ()
        ),
        "term": term,
        "relations": sorted(_relation_phrase(r) for r in meta.relations or ()),
        "documents": {d.id: d.title for d in meta.documents or ()},
    }


RELATION_WORDS = {
    "supersedes": "ersetzt",
    "supersededBy": "wird ersetzt durch",
    "basedOn": "beruht auf",
}


def _relation_phrase(relation: Relation) -> str:
    phrase = f"{RELATION_WORDS.get(relation.kind, relation.kind)} {relation.work}"
    if relation.version:
        phrase += f", Fassung {relation.version}"
    if relation.governed_by:
        phrase += f" (geregelt in {relation.governed_by})"
    return phrase


def _subject(path: list[Any]) -> str:
    """The changed fact; positions in lists are no part of its name."""
    return ".".join(str(part) for part in path if not isinstance(part, int))


def _label(subject: str) -> str:
    if subject in LABELS:
        return LABELS[subject]
    head, _, rest = subject.partition(".")
    return f"{LABELS.get(head, head)}: {rest}" if rest else LABELS.get(head, head)


def _shown(value: Any) -> str | None:
    if value is None or value == {} or value == []:
        return None
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def compare_metadata(old: Meta, new: Meta) -> list[MetadataChange]:
    """Header changes, one per changed fact, labelled for lawyers."""
    before_view, after_view = _meta_view(old), _meta_view(new)
    if before_view == after_view:
        return []
    # imported here: deepdiff loads numpy where it is installed, a quarter second that a
    # diff of two versions with the same header need not pay
    from deepdiff import DeepDiff

    found = DeepDiff(before_view, after_view, ignore_order=True, verbose_level=2, view="tree")
    changes: list[MetadataChange] = []
    for report_type in sorted(found):
        for level in found[report_type]:
            subject = _subject(level.path(output_format="list"))
            before = None if "added" in report_type else _shown(level.t1)
            after = None if "removed" in report_type else _shown(level.t2)
            changes.append(
                MetadataChange(subject, _label(subject), before, after, metadata_severity(subject))
            )
    return sorted(changes, key=lambda c: c.subject)


def _field_value(item: Field | None) -> str | None:
    return None if item is None else value_text(item)


def compare_fields(old: Agreement, new: Agreement) -> list[MetadataChange]:
    before, after = fields_of(old), fields_of(new)
    changes = []
    for name in sorted(set(before) | set(after)):
        old_value, new_value = _field_value(before.get(name)), _field_value(after.get(name))
        if old_value != new_value:
            item = after.get(name) or before[name]
            label = f"Feld „{plain_text(item.label)}“ ({name})" if item.label else f"Feld {name}"
            changes.append(
                MetadataChange(
                    f"field:{name}",
                    label,
                    old_value,
                    new_value,
                    metadata_severity(f"field:{name}"),
                )
            )
    return changes


# ---------------------------------------------------------------- the diff


def diff_agreements(
    old: Agreement,
    new: Agreement,
    old_label: str = "alt",
    new_label: str = "neu",
    against_template: bool = False,
) -> DiffResult:
    """Compare two agreement versions (or two agreements).

    With ``against_template``, only where the text departs from the template counts:
    header differences and filled fields are no deviation.
    """
    placed, runs, unchanged = compare_clauses(flatten(old), flatten(new))
    metadata: list[MetadataChange] = []
    if not against_template:
        metadata = compare_metadata(old.meta, new.meta) + compare_fields(old, new)
    return DiffResult(
        old=Side(old_label, old.meta.work_id, old.meta.version_id, old.meta.title),
        new=Side(new_label, new.meta.work_id, new.meta.version_id, new.meta.title),
        changes=tuple(change for _, change in sorted(placed, key=lambda item: item[0])),
        renumbered=tuple(runs),
        metadata=tuple(metadata),
        unchanged=tuple(unchanged),
    )
