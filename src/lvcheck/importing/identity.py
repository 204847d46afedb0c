"""The identities of an instance or a next version: every clause that continues a clause of
the template (``--template``) or of the previous version (``--onto``) takes its eId.

Which clause continues which is decided by content, through the comparison stage's
alignment (comparison/align.py), the same that ``lvcheck diff`` uses: the eIds the
structure gave the source's clauses (and the Word bookmarks a reader found) are only hints
to it. A new clause gets an eId the work never used: the next free number of its kind in
its parent (README, "How to change a clause"). Then each continuing clause is merged with
the one it continues (merge.py): its markup kept where its words did not change, its
fields filled where the source has words in a blank's place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from lvcheck import codes
from lvcheck.comparison.engine import compare_clauses, diff_agreements
from lvcheck.comparison.flatten import flatten
from lvcheck.document.kinds import Kind, Status
from lvcheck.document.model import (
    Agreement,
    Attachments,
    Block,
    Conclusions,
    DateOrField,
    Field,
    Inline,
    ListBlock,
    Meta,
    Note,
    Paragraph,
    Preamble,
    Ref,
    Relation,
    Span,
    Unit,
)
from lvcheck.errors import Diagnostic, Severity
from lvcheck.importing.draft import Text
from lvcheck.importing.merge import Merger
from lvcheck.importing.options import Options
from lvcheck.importing.source import Source

_LAST = re.compile(r"^(?P<prefix>[a-z]+)_(?P<token>[0-9A-Za-z]+)$")


class Identified(NamedTuple):
    agreement: Agreement
    unchanged: bool  # --onto: the source says word for word what the previous version says


def all_eids(agreement: Agreement) -> set[str]:
    """Every eId an agreement uses (its clauses, lists, notes, signatures, Anlagen)."""
    return {clause.eid for clause in flatten(agreement) if clause.eid}


class Renamer:
    """Gives every element of a draft the eId the alignment found for it, and every new
    one the next eId of its kind that its parent never used."""

    def __init__(self, mapping: dict[str, str], taken: set[str]) -> None:
        self.mapping = mapping
        self.used = set(taken) | set(mapping.values())

    def eid(self, draft: str, parent: str) -> str:
        if draft in self.mapping:
            return self.mapping[draft]
        last = draft.rsplit("__", 1)[-1]
        found = _LAST.match(last)
        prefix, token = (found.group("prefix"), found.group("token")) if found else (last, "1")
        base = f"{parent}__{prefix}" if parent else prefix
        wished = f"{base}_{token}"
        if wished not in self.used:
            self.used.add(wished)
            return wished
        numbers = [
            int(eid[len(base) + 1 :])
            for eid in self.used
            if eid.startswith(base + "_") and eid[len(base) + 1 :].isdigit()
        ]
        eid = f"{base}_{max(numbers, default=0) + 1}"
        self.used.add(eid)
        return eid

    def unit(self, unit: Unit, parent: str) -> Unit:
        eid = self.eid(unit.eid, parent)
        return replace(
            unit,
            eid=eid,
            heading=self.inlines(unit.heading, eid) if unit.heading else unit.heading,
            content=self.blocks(unit.content, eid) if unit.content is not None else None,
            intro=self.blocks(unit.intro, eid),
            children=tuple(self.unit(child, eid) for child in unit.children),
            wrap_up=self.blocks(unit.wrap_up, eid),
        )

    def blocks(self, blocks: tuple[Block, ...], owner: str) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(replace(block, children=self.inlines(block.children, owner)))
            elif isinstance(block, ListBlock):
                eid = self.eid(block.eid, owner)
                out.append(
                    replace(
                        block,
                        eid=eid,
                        intro=self.blocks(block.intro, owner),
                        points=tuple(self.unit(p, eid) for p in block.points),
                        wrap_up=self.blocks(block.wrap_up, owner),
                    )
                )
            else:
                out.append(block)
        return tuple(out)

    def inlines(self, items: tuple[Inline, ...], owner: str) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for item in items:
            if isinstance(item, Note):
                eid = self.eid(item.eid, owner)
                paragraphs = tuple(
                    replace(p, children=self.inlines(p.children, eid)) for p in item.paragraphs
                )
                out.append(replace(item, eid=eid, paragraphs=paragraphs))
            elif isinstance(item, Span | Ref):
                out.append(replace(item, children=self.inlines(item.children, owner)))
            else:
                out.append(item)
        return tuple(out)

    def agreement(self, draft: Agreement) -> Agreement:
        preamble = draft.preamble
        if preamble is not None:
            eid = self.eid(preamble.eid, "")
            preamble = Preamble(eid, preamble.heading, self.blocks(preamble.blocks, eid))
        return replace(
            draft,
            preface=tuple(
                replace(p, children=self.inlines(p.children, "preface"))
                for p in draft.preface or ()
            )
            or None,
            preamble=preamble,
            body=tuple(self.unit(unit, "") for unit in draft.body),
            conclusions=self._conclusions(draft.conclusions),
            attachments=self._attachments(draft.attachments),
        )

    def _conclusions(self, found: Conclusions | None) -> Conclusions | None:
        if found is None:
            return None
        eid = self.eid(found.eid, "")
        signatures = tuple(replace(s, eid=self.eid(s.eid, eid)) for s in found.signatures)
        return replace(found, eid=eid, signatures=signatures)

    def _attachments(self, found: Attachments | None) -> Attachments | None:
        if found is None:
            return None
        eid = self.eid(found.eid, "")
        items = tuple(replace(a, eid=self.eid(a.eid, eid)) for a in found.items)
        return replace(found, eid=eid, items=items)


def _with_hints(draft: Agreement, hints: dict[str, str]) -> Agreement:
    """The draft with the eIds a reader found (Word bookmarks) where the structure gave
    others: hints for the alignment, which the content confirms or overrules."""
    if not hints:
        return draft
    return Renamer(hints, set()).agreement(draft)


def _next_version(version: str) -> str:
    found = re.fullmatch(r"(.*?)(\d+)", version)
    if found and not re.fullmatch(r"\d{4}-\d{2}", version):
        return f"{found.group(1)}{int(found.group(2)) + 1}"
    return f"{version}-neu"


def _filled_term(meta: Meta, values: dict[str, str]) -> Meta:
    """A template's term whose dates are fields: the dates the instance writes in them."""
    term = meta.term
    if term is None:
        return meta

    def date(part: DateOrField | None) -> DateOrField | None:
        if part is None or part.field is None or part.field not in values:
            return part
        value = values[part.field]
        return (
            replace(part, date=value, field=None)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
            else part
        )

    return replace(
        meta, term=replace(term, start=date(term.start) or term.start, end=date(term.end))
    )


def _meta(base: Meta, options: Options, values: dict[str, str], work: str) -> Meta:
    if options.template is not None:
        meta = replace(
            base,
            work_id=work,
            kind=Kind.INSTANCE,
            status=Status.DRAFT,
            example=None,
            notes=(),
            deviations=None,
            relations=(Relation("basedOn", base.work_id, base.version_id),),
        )
        return _filled_term(meta, values)
    kept = tuple(r for r in base.relations or () if r.kind != "supersedes")
    return replace(
        base,
        version_id=_next_version(base.version_id),
        status=Status.DRAFT,
        version_date=None,
        relations=(*kept, Relation("supersedes", base.work_id, base.version_id)),
    )


def _departure_notes(base: Agreement, made: Agreement, label: str) -> list[Diagnostic]:
    """Every departure of an instance from its template, worded as LV360 words it."""
    from lvcheck.validation.rules.conformance import _what

    result = diff_agreements(base, made, "template", label, against_template=True)
    found = []
    for change in result.changes:
        clause = change.new or change.old
        assert clause is not None
        found.append(
            Diagnostic(
                label,
                1,
                1,
                codes.IMPORT_DEPARTURE,
                f"{clause.citation} departs from the template: {_what(change)}",
                Severity.WARNING,
                clause.citation,
            )
        )
    return found


def identified(
    text: Text, source: Source, options: Options, notes: list[Diagnostic], work: str
) -> Identified:
    """The source's text with the identities of its template or previous version."""
    base = options.template if options.template is not None else options.onto
    assert base is not None
    draft = Agreement(
        meta=base.meta,
        body=text.body,
        preface=text.preface,
        preamble=text.preamble,
        conclusions=text.conclusions,
        attachments=text.attachments,
    )
    hints = dict(text.bookmarks)
    draft = _with_hints(draft, {k: v for k, v in hints.items() if k != v})
    old_clauses, new_clauses = flatten(base), flatten(draft)
    pairs = compare_clauses(old_clauses, new_clauses).pairs
    mapping = {new_clauses[n].eid: old_clauses[o].eid for o, n in pairs.items()}
    for marked in sorted(set(hints.values())):
        if marked in {c.eid for c in new_clauses} and mapping.get(marked, marked) != marked:
            notes.append(
                Diagnostic(
                    source.path,
                    1,
                    1,
                    codes.IMPORT_BOOKMARK_CONTRADICTED,
                    f"the bookmark of {marked} stands at a clause whose words are those of "
                    f"{mapping[marked]}: the words decided",
                    Severity.INFO,
                )
            )
    renamed = Renamer(mapping, all_eids(base)).agreement(draft)
    merger = Merger(base)
    merged = merger.agreement(base, renamed)
    values = {f.field.name: f.field.value for f in merger.found if f.field and f.field.value}
    if options.onto is not None:
        same = diff_agreements(base, merged)
        if not same.changes and not same.renumbered:
            notes.append(
                Diagnostic(
                    source.path,
                    1,
                    1,
                    codes.IMPORT_UNCHANGED,
                    f"says word for word what version {base.meta.version_id} says: no new version",
                    Severity.INFO,
                )
            )
            return Identified(base, True)
    made = replace(merged, meta=_meta(base.meta, options, values, work))
    if options.template is not None:
        for found in merger.found:
            if found.field is not None and found.field.value:
                notes.append(_filled(source.path, found.eid, found.field))
        notes.extend(_departure_notes(base, made, source.path))
    return Identified(made, False)


def _filled(label: str, eid: str, field: Field) -> Diagnostic:
    return Diagnostic(
        label,
        1,
        1,
        codes.IMPORT_FIELD_FILLED,
        f"field {field.name} ({field.type}) in {eid}: {field.value!r}",
        Severity.INFO,
    )
