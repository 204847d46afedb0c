"""Amendments applied to their base: the text in force on a date.

An amendment (kind "amendment", <relations><amends work="…" version="…"/>) lists its
<modifications>; the new wording it quotes stands in its own signed text as
<quotedStructure>. consolidate() applies the amendments in force on a date, in the order of
their effect, and returns a valid agreement whose relations name the base and the
amendments, with a note at every changed unit ("geändert durch Nachtrag Nr. 1 vom …", an
inserted one "eingefügt durch …"), and the amendments still pending. A modification that
does not apply (its target is missing, the old words are not there exactly once) is an
LvcheckError at the modification's line (LV390).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from lvcheck import codes, labels
from lvcheck.comparison.flatten import flatten
from lvcheck.document.dates import parse_date
from lvcheck.document.edit import UnitMap, find_unit, map_units, quoted_unit, substitute_words
from lvcheck.document.kinds import Kind, RelationKind
from lvcheck.document.model import (
    Agreement,
    Deviation,
    Modification,
    Relation,
    Term,
    Unit,
)
from lvcheck.errors import LvcheckError


@dataclass(frozen=True)
class Amendment:
    """An amendment with the name its reader knows it by and where it came from."""

    agreement: Agreement
    label: str  # the file or REV:path, for messages
    concluded: date | None = None  # the day the last party signed, where the catalog knows it

    @property
    def effective(self) -> date | None:
        term = self.agreement.meta.term
        return parse_date(term.start.date) if term is not None else None

    @property
    def name(self) -> str:
        """ "Nachtrag Nr. 1 vom 16.06.2025, mit Wirkung vom 01.08.2025": "vom" is the day it
        was concluded (the last signature), its effect is said apart."""
        name, day = self.agreement.meta.title, self.effective
        if self.concluded is not None:
            name += f" {labels.DATED.format(day=labels.german_date(self.concluded))}"
        if day is not None and day != self.concluded:
            sep = "," if self.concluded is not None else ""
            name += f"{sep} {labels.WITH_EFFECT_FROM.format(day=labels.german_date(day))}"
        return name

    def amends(self, base: Agreement) -> bool:
        return any(
            r.kind == RelationKind.AMENDS
            and r.work == base.meta.work_id
            and r.version in (None, base.meta.version_id)
            for r in self.agreement.meta.relations or ()
        )


@dataclass(frozen=True)
class Consolidation:
    agreement: Agreement  # the text in force on the date
    applied: tuple[Amendment, ...]
    pending: tuple[Amendment, ...]  # signed, not yet in force on the date
    changed: dict[str, str]  # eId of a changed unit -> the note a reader sees there


def _fail(amendment: Amendment, change: Modification, message: str) -> LvcheckError:
    code = codes.AMENDMENT_DOES_NOT_APPLY
    return LvcheckError(amendment.label, change.line or 1, 1, code, message)


# ---------------------------------------------------------------- header facts


def _set_fact(agreement: Agreement, name: str, value: str) -> Agreement | None:
    meta = agreement.meta
    term = meta.term
    if name.startswith("figure.") and meta.figures is not None:
        figure = name.removeprefix("figure.")
        if not any(f.name == figure for f in meta.figures):
            return None
        figures = tuple(replace(f, value=value) if f.name == figure else f for f in meta.figures)
        return replace(agreement, meta=replace(meta, figures=figures))
    if term is None:
        return None
    updates: dict[str, Term] = {
        "term.notice_period": replace(term, notice_period=value),
        "term.renewal_period": replace(term, renewal_period=value),
        "term.start": replace(term, start=replace(term.start, date=value, field=None)),
    }
    if term.end is not None:
        updates["term.end"] = replace(term, end=replace(term.end, date=value, field=None))
    if name not in updates:
        return None
    return replace(agreement, meta=replace(meta, term=updates[name]))


# ---------------------------------------------------------------- applying


def _put(eid: str, new: Unit | None, keep: bool = False) -> UnitMap:
    """What stands where the unit ``eid`` stood: ``new`` instead of it, ``new`` after it
    (``keep``), or nothing (``new`` None)."""

    def place(unit: Unit) -> tuple[Unit, ...]:
        if unit.eid != eid:
            return (unit,)
        kept = (unit,) if keep else ()
        return kept + ((new,) if new is not None else ())

    return place


def apply(base: Agreement, amendment: Amendment) -> tuple[Agreement, list[str]]:
    """The base with one amendment's modifications applied; the eIds it changed."""
    changed: list[str] = []
    cited = {clause.eid: clause.citation for clause in flatten(base)}
    for change in amendment.agreement.meta.modifications or ():
        target = change.target or change.after or ""
        where = cited.get(target, target)
        if change.action == "setFact":
            updated = _set_fact(base, change.name or "", change.value or "")
            if updated is None:
                raise _fail(amendment, change, f"the base has no header fact {change.name!r}")
            base = updated
            changed.append("meta")
            continue
        if find_unit(base, target) is None:
            raise _fail(amendment, change, f"the base has no unit {target!r} to {change.action}")
        if change.action in ("replace", "insert"):
            quoted = quoted_unit(amendment.agreement, change.source or "")
            if quoted is None:
                raise _fail(amendment, change, f"no quotedStructure {change.source!r} in it")
            if change.action == "replace" and quoted.eid != target:
                raise _fail(
                    amendment, change, f"the quoted unit is {quoted.eid!r}, not {where} ({target})"
                )
            if change.action == "insert" and find_unit(base, quoted.eid) is not None:
                raise _fail(amendment, change, f"the base already has a unit {quoted.eid!r}")
            base = map_units(base, _put(target, quoted, keep=change.action == "insert"))
            changed.append(quoted.eid)
        elif change.action == "delete":
            base = map_units(base, _put(target, None))
            changed.append(target)
        elif change.action == "substitute":
            unit = find_unit(base, target)
            assert unit is not None
            new_unit, count = substitute_words(unit, change.old or "", change.new or "")
            if count != 1:
                count_words = "nowhere" if count == 0 else f"{count} times"
                raise _fail(
                    amendment,
                    change,
                    f"the words {change.old!r} stand {count_words} in {where}; expected once",
                )
            base = map_units(base, _put(target, new_unit))
            changed.append(target)
    return base, changed


def consolidate(
    base: Agreement, amendments: list[Amendment], at: date | None = None
) -> Consolidation:
    """The text of ``base`` in force on ``at`` (default: with every amendment applied)."""
    ordered = sorted(amendments, key=lambda a: (a.effective or date.min, a.label))
    for amendment in ordered:
        if amendment.agreement.meta.kind != Kind.AMENDMENT or not amendment.amends(base):
            raise LvcheckError(
                amendment.label,
                1,
                1,
                codes.AMENDMENT_DOES_NOT_APPLY,
                f"not an amendment of {base.meta.work_id!r} version {base.meta.version_id!r} "
                "(kind 'amendment' and <relations><amends …/>)",
            )
    applied: list[Amendment] = []
    pending: list[Amendment] = []
    changed: dict[str, str] = {}
    text = base
    for amendment in ordered:
        if at is not None and (amendment.effective is None or amendment.effective > at):
            pending.append(amendment)
            continue
        before = text
        text, eids = apply(text, amendment)
        applied.append(amendment)
        for eid in eids:
            # a unit the text before did not have was inserted, not changed
            inserted = eid != "meta" and find_unit(before, eid) is None
            words = labels.INSERTED_BY if inserted else labels.CHANGED_BY
            note = words.format(amendment=amendment.name)
            changed[eid] = f"{changed[eid]}; {note}" if eid in changed else note
    consolidated = _as_consolidated(text, base, applied, changed, at)
    return Consolidation(consolidated, tuple(applied), tuple(pending), changed)


def _as_consolidated(
    text: Agreement,
    base: Agreement,
    applied: list[Amendment],
    changed: dict[str, str],
    at: date | None,
) -> Agreement:
    """The header of a consolidated text: named after its base and amendments, each changed
    unit an agreed deviation from a template (the amendment is the agreement)."""
    if not applied:
        return text
    meta = text.meta
    stand = f" (Stand {labels.german_date(at)})" if at else ""
    suffix = "+".join(a.agreement.meta.version_id for a in applied)
    relations = tuple(r for r in meta.relations or () if r.kind == RelationKind.BASED_ON)
    relations += (Relation(RelationKind.CONSOLIDATES, base.meta.work_id, base.meta.version_id),)
    relations += tuple(
        Relation(RelationKind.INCORPORATES, a.agreement.meta.work_id, a.agreement.meta.version_id)
        for a in applied
    )
    deviations = tuple(meta.deviations or ()) + tuple(
        Deviation(eid, note) for eid, note in changed.items() if eid != "meta"
    )
    return replace(
        text,
        meta=replace(
            meta,
            version_id=f"{meta.version_id}-{suffix}",
            title=f"{meta.title} – {labels.CONSOLIDATED}{stand}",
            relations=relations,
            deviations=deviations or None,
            notes=(
                *meta.notes,
                labels.CONSOLIDATED_NOTE.format(
                    base=base.meta.version_id, amendments=", ".join(a.name for a in applied)
                ),
            ),
        ),
    )


def with_pending_notes(result: Consolidation) -> Agreement:
    """The consolidated text with a note at each unit a pending amendment will change, for a
    reader of the text in force on the date (export --at); nothing of it is written to XML."""
    notes = [
        Deviation(
            change.target or change.after or "meta", labels.PENDING_CHANGE.format(amendment=a.name)
        )
        for a in result.pending
        for change in a.agreement.meta.modifications or ()
    ]
    if not notes:
        return result.agreement
    meta = result.agreement.meta
    return replace(
        result.agreement, meta=replace(meta, deviations=(*(meta.deviations or ()), *notes))
    )
