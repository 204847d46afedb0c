"""The header and the filled fields of two versions, compared fact by fact (lists of facts
with deepdiff) and labelled for lawyers ("Kündigungsfrist: 12 Monate → 6 Monate")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from lvcheck import labels
from lvcheck.comparison.changes import MetadataChange
from lvcheck.comparison.severity import field_severity, metadata_severity
from lvcheck.document.model import Field, Meta, Relation
from lvcheck.document.text import plain_text, value_text, visible
from lvcheck.labels import duration_text, german_date


def _meta_view(meta: Meta, cited: Callable[[str], str]) -> dict[str, Any]:
    """The header as the facts a reader compares, each worded as the reader sees it;
    ``cited`` turns the eId of a governing clause into its citation."""
    term = asdict(meta.term) if meta.term else {}
    if term:
        term["start"] = (
            term["start"]["date"] and german_date(term["start"]["date"])
        ) or f"{labels.FIELD} {term['start']['field']}"
        if term["end"]:
            term["end"] = (
                term["end"]["date"] and german_date(term["end"]["date"])
            ) or f"{labels.FIELD} {term['end']['field']}"
        for key in ("renewal_period", "notice_period"):
            if term[key]:
                term[key] = duration_text(term[key])
        if term["governed_by"]:
            term["governed_by"] = cited(term["governed_by"])
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
            "kind": labels.KINDS.get(meta.kind, meta.kind),
            "status": labels.STATUS.get(meta.status, meta.status),
            "example": labels.YES if meta.example else labels.NO,
            "digest": meta.digest,
        },
        "title": meta.title,
        "notes": list(meta.notes),
        "parties": {p.id: {"role": p.role, "name": p.name, "field": p.field} for p in meta.parties},
        "legal_basis": sorted(
            " ".join(filter(None, (t.statute, t.section))) for t in meta.legal_basis or ()
        ),
        "term": term,
        "relations": sorted(_relation_phrase(r, cited) for r in meta.relations or ()),
        "documents": {d.id: d.title for d in meta.documents or ()},
        "figures": {f.name: f.value.replace(".", ",") for f in meta.figures or ()},
        "deviations": {cited(d.clause): d.reason for d in meta.deviations or ()},
    }


def _relation_phrase(relation: Relation, cited: Callable[[str], str]) -> str:
    phrase = f"{labels.RELATIONS.get(relation.kind, relation.kind)} {relation.work}"
    if relation.version:
        phrase += f", {labels.VERSION} {relation.version}"
    if relation.upon:
        phrase += f" {labels.UPON.get(relation.upon, relation.upon)}"
    if relation.governed_by:
        clause = cited(relation.governed_by)
        phrase += f" ({labels.GOVERNED_IN} {clause})"
    return phrase


def _subject(path: list[Any]) -> str:
    """The changed fact; positions in lists are no part of its name."""
    return ".".join(str(part) for part in path if not isinstance(part, int))


def _label(subject: str) -> str:
    facts = labels.HEADER_FACTS
    if subject in facts:
        return facts[subject]
    head, _, rest = subject.partition(".")
    return f"{facts.get(head, head)}: {rest}" if rest else facts.get(head, head)


def _shown(value: Any) -> str | None:
    """A header fact as a reader sees it, invisible characters shown (⟨U+202E⟩)."""
    if value is None or value == {} or value == []:
        return None
    if isinstance(value, dict):
        return visible(", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, "")))
    if isinstance(value, list):
        return visible("; ".join(str(v) for v in value))
    return visible(str(value))


# Two mappings with fewer keys in common than this share (of all their keys) are one
# changed value, not a list of keys added and removed (deepdiff's threshold_to_diff_deeper,
# its default, stated here so that both comparisons keep to it).
WHOLE_BELOW = 0.33
# (how, subject, before, after): how is "added", "removed" or "changed"
Changed = tuple[str, str, Any, Any]


def changed_facts(before: Any, after: Any, path: tuple[str, ...] = ()) -> list[Changed] | None:
    """Each changed fact of two header views, as deepdiff's tree view names it (a key
    added or removed, a value changed), or None where a list differs: deepdiff pairs the
    items of lists whatever their order, and only it does so here. Made directly because
    importing deepdiff costs a tenth of a second (cachebox, asyncio, numpy and pydantic
    where installed), more than a whole diff of two short agreements; the two agree on
    every header without a changed list (tests/test_diff.py holds them to it)."""
    if before == after:
        return []
    if isinstance(before, list) or isinstance(after, list):
        return None
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return [("changed", ".".join(path), before, after)]
    keys = before.keys() | after.keys()
    if len(keys) > 1 and len(before.keys() & after.keys()) / len(keys) < WHOLE_BELOW:
        return [("changed", ".".join(path), before, after)]  # too little in common: whole
    found: list[Changed] = []
    for key in sorted(keys):
        if key not in after:
            found.append(("removed", ".".join((*path, key)), before[key], None))
        elif key not in before:
            found.append(("added", ".".join((*path, key)), None, after[key]))
        else:
            inner = changed_facts(before[key], after[key], (*path, key))
            if inner is None:
                return None
            found += inner
    return found


def changed_facts_by_deepdiff(before: Any, after: Any) -> list[Changed]:
    """changed_facts() for any two views, lists compared whatever their order."""
    # imported here: see changed_facts
    from deepdiff import DeepDiff

    found = DeepDiff(
        before,
        after,
        ignore_order=True,
        verbose_level=2,
        view="tree",
        threshold_to_diff_deeper=WHOLE_BELOW,
    )
    changes: list[Changed] = []
    for report_type in sorted(found):
        # dictionary_item_added, iterable_item_removed, values_changed, type_changes, …
        how = next((h for h in ("added", "removed") if h in report_type), "changed")
        for level in found[report_type]:
            subject = _subject(level.path(output_format="list"))
            changes.append(
                (
                    how,
                    subject,
                    None if how == "added" else level.t1,
                    None if how == "removed" else level.t2,
                )
            )
    return changes


def compare_metadata(
    old: Meta,
    new: Meta,
    old_cited: Callable[[str], str],
    new_cited: Callable[[str], str],
    ignore: frozenset[str] = frozenset(),
) -> list[MetadataChange]:
    """Header changes, one per changed fact, labelled for lawyers; ``*_cited`` name a
    clause of each side by its eId as lawyers cite it in the new version, so that a
    renumbered clause that still governs the term is no change; ``ignore`` names facts that
    are no change here (what an instance has of its own)."""
    before_view, after_view = _meta_view(old, old_cited), _meta_view(new, new_cited)
    for fact in ignore:
        before_view.pop(fact, None)
        after_view.pop(fact, None)
    if before_view == after_view:
        return []
    found = changed_facts(before_view, after_view)
    if found is None:
        found = changed_facts_by_deepdiff(before_view, after_view)
    changes = [
        MetadataChange(
            subject,
            _label(subject),
            None if how == "added" else _shown(before),
            None if how == "removed" else _shown(after),
            metadata_severity(subject),
        )
        for how, subject, before, after in found
    ]
    return sorted(changes, key=lambda c: c.subject)


def _field_value(item: Field | None) -> str | None:
    return None if item is None else value_text(item)


def compare_fields(before: dict[str, Field], after: dict[str, Field]) -> list[MetadataChange]:
    """Filled fields whose value differs, one change each (the fields of each side by
    name, as document.model.fields_of finds them)."""
    changes = []
    for name in sorted(set(before) | set(after)):
        old_value, new_value = _field_value(before.get(name)), _field_value(after.get(name))
        if old_value != new_value:
            item = after.get(name) or before[name]
            label = (
                f"{labels.FIELD} „{plain_text(item.label)}“ ({name})"
                if item.label
                else f"{labels.FIELD} {name}"
            )
            changes.append(
                MetadataChange(
                    f"field:{name}", label, old_value, new_value, field_severity(item.type)
                )
            )
    return changes
