"""Model -> XML tree, the inverse of reader. Serialise the tree with canonical.serialize."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from lvcheck.document.model import (
    Agreement,
    Block,
    DateOrField,
    Field,
    Inline,
    LegalTarget,
    ListBlock,
    Meta,
    Note,
    Paragraph,
    QuotedStructure,
    Ref,
    Span,
    Term,
    Unit,
)
from lvcheck.document.parse import NAMESPACE


def _bool(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def _sub(parent: etree._Element, tag: str, /, **attributes: str | None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    for key, value in attributes.items():
        if value is not None:
            element.set(key, value)
    return element


# libxml2 keeps an element's line in 16 bits: a later line cannot be set on a built tree
LAST_SETTABLE_LINE = 65535


def _at(element: etree._Element, line: int, lines: bool) -> etree._Element:
    """The element, given the model's source line where asked to keep lines (and one is known)."""
    if lines and 0 < line <= LAST_SETTABLE_LINE:
        element.sourceline = line  # type: ignore[misc]  # lxml sets it; its stubs say read-only
    return element


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def write_inlines(parent: etree._Element, items: Iterable[Inline], lines: bool = False) -> None:
    for item in items:
        if isinstance(item, str):
            _append_text(parent, item)
        elif isinstance(item, Span):
            write_inlines(_sub(parent, item.kind, refersTo=item.refers_to), item.children, lines)
        elif isinstance(item, Ref):
            ref = _sub(
                parent,
                "ref",
                href=item.href,
                document=item.document,
                part=item.part,
                **_legal_attributes(item.target),
            )
            write_inlines(ref, item.children, lines)
        elif isinstance(item, Field):
            _write_field(parent, item, lines)
        elif isinstance(item, Note):
            note = _sub(parent, "authorialNote", eId=item.eid, marker=item.marker)
            _at(note, item.line, lines)
            for paragraph in item.paragraphs:
                _write_paragraph(note, paragraph, lines)


def _write_paragraph(parent: etree._Element, paragraph: Paragraph, lines: bool) -> None:
    write_inlines(_at(_sub(parent, "p"), paragraph.line, lines), paragraph.children, lines)


def _legal_attributes(target: LegalTarget) -> dict[str, str | None]:
    return {
        "statute": target.statute,
        "section": target.section,
        "paragraph": target.paragraph,
        "sentence": target.sentence,
        "number": target.number,
        "following": _bool(target.following),
    }


def _write_field(parent: etree._Element, item: Field, lines: bool) -> None:
    element = _sub(
        parent,
        "fillIn" if item.inline else "field",
        name=item.name,
        type=item.type,
        required=_bool(item.required),
        value=item.value,
        multiple=_bool(item.multiple),
    )
    _at(element, item.line, lines)
    if item.label is not None:
        write_inlines(_sub(element, "label"), item.label, lines)
    for option in item.options:
        write_inlines(_sub(element, "option", value=option.value), option.children, lines)
    if item.hint is not None:
        write_inlines(_sub(element, "hint"), item.hint, lines)


def _write_optional(
    parent: etree._Element, name: str, items: tuple[Inline, ...] | None, lines: bool = False
) -> None:
    if items is not None:
        write_inlines(_sub(parent, name), items, lines)


def _write_blocks(parent: etree._Element, blocks: Iterable[Block], lines: bool) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _write_paragraph(parent, block, lines)
        elif isinstance(block, QuotedStructure):
            quoted = _at(_sub(parent, "quotedStructure", eId=block.eid), block.line, lines)
            _write_unit(quoted, block.unit, lines)
        elif isinstance(block, ListBlock):
            element = _at(_sub(parent, "list", eId=block.eid), block.line, lines)
            _write_framed_units(element, block.intro, block.points, block.wrap_up, lines)
        else:
            _write_field(parent, block, lines)


def _write_unit(parent: etree._Element, unit: Unit, lines: bool) -> None:
    element = _at(_sub(parent, unit.kind, eId=unit.eid, name=unit.name), unit.line, lines)
    _write_optional(element, "num", unit.num, lines)
    _write_optional(element, "heading", unit.heading, lines)
    if unit.content is not None:
        _write_blocks(_sub(element, "content"), unit.content, lines)
    else:
        _write_framed_units(element, unit.intro, unit.children, unit.wrap_up, lines)


def _write_framed_units(
    element: etree._Element,
    intro: tuple[Block, ...],
    units: tuple[Unit, ...],
    wrap_up: tuple[Block, ...],
    lines: bool,
) -> None:
    """Sub-units (or list points) between an optional intro and wrap-up."""
    if intro:
        _write_blocks(_sub(element, "intro"), intro, lines)
    for unit in units:
        _write_unit(element, unit, lines)
    if wrap_up:
        _write_blocks(_sub(element, "wrapUp"), wrap_up, lines)


def _write_date_or_field(
    parent: etree._Element, name: str, value: DateOrField, **extra: str | None
) -> None:
    _sub(parent, name, date=value.date, field=value.field, governedBy=value.governed_by, **extra)


def _write_term(parent: etree._Element, term: Term) -> None:
    element = _sub(parent, "term", governedBy=term.governed_by)
    _write_date_or_field(element, "start", term.start)
    if term.end is not None:
        _write_date_or_field(element, "end", term.end, indefinite=_bool(term.end_indefinite))
    if term.renewal_period is not None:
        _sub(
            element,
            "renewal",
            period=term.renewal_period,
            unit=term.renewal_unit,
            governedBy=term.renewal_governed_by,
        )
    if term.notice_period is not None:
        _sub(
            element,
            "notice",
            period=term.notice_period,
            before=term.notice_before,
            form=term.notice_form,
            governedBy=term.notice_governed_by,
        )


def _write_meta(parent: etree._Element, meta: Meta) -> None:
    element = _sub(parent, "meta")
    _sub(
        element,
        "work",
        id=meta.work_id,
        type=meta.agreement_type,
        jurisdiction=meta.jurisdiction,
        language=meta.language,
    )
    _sub(
        element,
        "version",
        id=meta.version_id,
        kind=meta.kind,
        date=meta.version_date,
        status=meta.status,
        example=_bool(meta.example),
        digest=meta.digest,
    )
    _sub(element, "title").text = meta.title
    for note in meta.notes:
        _sub(element, "note").text = note
    parties = _sub(element, "parties")
    for party in meta.parties:
        _sub(parties, "party", id=party.id, role=party.role, name=party.name, field=party.field)
    if meta.legal_basis is not None:
        basis = _sub(element, "legalBasis")
        for target in meta.legal_basis:
            _sub(basis, "source", **_legal_attributes(target))
    if meta.term is not None:
        _write_term(element, meta.term)
    if meta.figures is not None:
        figures = _sub(element, "figures")
        for figure in meta.figures:
            _sub(
                figures,
                "figure",
                name=figure.name,
                value=figure.value,
                unit=figure.unit,
                governedBy=figure.governed_by,
            )
    if meta.relations is not None:
        relations = _sub(element, "relations")
        for relation in meta.relations:
            _sub(
                relations,
                relation.kind,
                work=relation.work,
                version=relation.version,
                upon=relation.upon,
                governedBy=relation.governed_by,
            )
    if meta.documents is not None:
        documents = _sub(element, "documents")
        for document in meta.documents:
            _sub(documents, "document", id=document.id, title=document.title)
    if meta.deviations is not None:
        deviations = _sub(element, "deviations")
        for deviation in meta.deviations:
            _sub(
                deviations, "deviation", clause=deviation.clause, date=deviation.date
            ).text = deviation.reason
    if meta.modifications is not None:
        modifications = _sub(element, "modifications")
        for change in meta.modifications:
            _sub(
                modifications,
                change.action,
                name=change.name,
                target=change.target,
                after=change.after,
                source=change.source,
                old=change.old,
                new=change.new,
                value=change.value,
                governedBy=change.governed_by,
            )


def write_agreement(agreement: Agreement, lines: bool = False) -> etree._ElementTree:
    """Build the XML tree of an agreement; serialise it with canonical.serialize.

    With ``lines``, its elements keep the model's source lines where it has them (up to
    line 65,535), so that what reads the tree cites the lines the model came from.
    """
    root = etree.Element(f"{{{NAMESPACE}}}agreement", nsmap={None: NAMESPACE})
    _write_meta(root, agreement.meta)
    if agreement.preface is not None:
        preface = _sub(root, "preface")
        for paragraph in agreement.preface:
            _write_paragraph(preface, paragraph, lines)
    if agreement.preamble is not None:
        preamble = _sub(root, "preamble", eId=agreement.preamble.eid)
        _write_optional(preamble, "heading", agreement.preamble.heading, lines)
        _write_blocks(preamble, agreement.preamble.blocks, lines)
    body = _sub(root, "body")
    for unit in agreement.body:
        _write_unit(body, unit, lines)
    if agreement.conclusions is not None:
        conclusions = agreement.conclusions
        element = _sub(root, "conclusions", eId=conclusions.eid, layout=conclusions.layout)
        _write_optional(element, "heading", conclusions.heading, lines)
        for paragraph in conclusions.paragraphs:
            _write_paragraph(element, paragraph, lines)
        for signature in conclusions.signatures:
            block = _sub(element, "signature", eId=signature.eid, party=signature.party)
            for line in signature.lines:
                _write_paragraph(block, line, lines)
    if agreement.attachments is not None:
        attachments = agreement.attachments
        element = _sub(root, "attachments", eId=attachments.eid)
        _write_optional(element, "heading", attachments.heading, lines)
        for item in attachments.items:
            attachment = _sub(element, "attachment", eId=item.eid)
            write_inlines(_sub(attachment, "heading"), item.heading, lines)
    return root.getroottree()
