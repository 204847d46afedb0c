"""XML header -> model (Meta): the <meta> of a schema-valid agreement, read apart from its
text, so that what needs only the header (the diff of two trees) does not read the text."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from lvcheck.document.model import (
    DateOrField,
    Deviation,
    Document,
    Figure,
    LegalTarget,
    Meta,
    Modification,
    Party,
    Relation,
    Term,
)
from lvcheck.document.parse import NAMESPACE


def local(element: etree._Element) -> str:
    """The element's name without namespace; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]  # "{urn:…}section" -> "section", without building a QName


def elements(parent: etree._Element) -> Iterator[etree._Element]:
    """Child elements, skipping comments and processing instructions."""
    for child in parent:
        if isinstance(child.tag, str):
            yield child


def child_named(parent: etree._Element, name: str) -> etree._Element | None:
    return parent.find(f"{{{NAMESPACE}}}{name}")


def as_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip() in ("true", "1")


def line_of(element: etree._Element) -> int:
    return element.sourceline or 0


def legal_target(element: etree._Element) -> LegalTarget:
    get = element.get
    return LegalTarget(
        statute=get("statute"),
        section=get("section"),
        paragraph=get("paragraph"),
        sentence=get("sentence"),
        number=get("number"),
        following=as_bool(get("following")),
    )


def _meta(meta: etree._Element) -> Meta:
    def need(name: str) -> etree._Element:
        found = child_named(meta, name)
        if found is None:  # only reachable for schema-invalid input
            raise ValueError(f"<meta> has no <{name}>")
        return found

    work, version = need("work"), need("version")
    parties = child_named(meta, "parties")
    basis = child_named(meta, "legalBasis")
    relations = child_named(meta, "relations")
    documents = child_named(meta, "documents")
    term = child_named(meta, "term")
    figures = child_named(meta, "figures")
    deviations = child_named(meta, "deviations")
    modifications = child_named(meta, "modifications")
    return Meta(
        work_id=work.get("id", ""),
        agreement_type=work.get("type", ""),
        jurisdiction=work.get("jurisdiction", ""),
        language=work.get("language", ""),
        version_id=version.get("id", ""),
        status=version.get("status", ""),
        kind=version.get("kind", ""),
        version_date=version.get("date"),
        example=as_bool(version.get("example")),
        digest=version.get("digest"),
        title=need("title").text or "",
        notes=tuple(n.text or "" for n in meta.iterfind(f"{{{NAMESPACE}}}note")),
        parties=tuple(
            Party(
                id=p.get("id", ""), role=p.get("role", ""), name=p.get("name"), field=p.get("field")
            )
            for p in (elements(parties) if parties is not None else ())
        ),
        legal_basis=tuple(legal_target(s) for s in elements(basis)) if basis is not None else None,
        term=_term(term) if term is not None else None,
        figures=tuple(
            Figure(
                name=f.get("name", ""),
                value=f.get("value", ""),
                unit=f.get("unit"),
                governed_by=f.get("governedBy"),
            )
            for f in elements(figures)
        )
        if figures is not None
        else None,
        relations=tuple(
            Relation(
                kind=local(r),
                work=r.get("work", ""),
                version=r.get("version"),
                governed_by=r.get("governedBy"),
                upon=r.get("upon"),
            )
            for r in elements(relations)
        )
        if relations is not None
        else None,
        documents=tuple(
            Document(id=d.get("id", ""), title=d.get("title", "")) for d in elements(documents)
        )
        if documents is not None
        else None,
        deviations=tuple(
            Deviation(clause=d.get("clause", ""), reason=d.text or "", date=d.get("date"))
            for d in elements(deviations)
        )
        if deviations is not None
        else None,
        modifications=tuple(
            Modification(
                action=local(m),
                target=m.get("target"),
                after=m.get("after"),
                source=m.get("source"),
                old=m.get("old"),
                new=m.get("new"),
                name=m.get("name"),
                value=m.get("value"),
                governed_by=m.get("governedBy"),
                line=line_of(m),
            )
            for m in elements(modifications)
        )
        if modifications is not None
        else None,
    )


def _date_or_field(element: etree._Element | None) -> DateOrField | None:
    if element is None:
        return None
    return DateOrField(
        date=element.get("date"), field=element.get("field"), governed_by=element.get("governedBy")
    )


def _term(term: etree._Element) -> Term:
    end = child_named(term, "end")
    renewal = child_named(term, "renewal")
    notice = child_named(term, "notice")
    return Term(
        start=_date_or_field(child_named(term, "start")) or DateOrField(),
        end=_date_or_field(end),
        end_indefinite=as_bool(end.get("indefinite")) if end is not None else None,
        renewal_period=renewal.get("period") if renewal is not None else None,
        renewal_unit=renewal.get("unit") if renewal is not None else None,
        notice_period=notice.get("period") if notice is not None else None,
        notice_before=notice.get("before") if notice is not None else None,
        notice_form=notice.get("form") if notice is not None else None,
        governed_by=term.get("governedBy"),
        renewal_governed_by=renewal.get("governedBy") if renewal is not None else None,
        notice_governed_by=notice.get("governedBy") if notice is not None else None,
    )


def read_meta(root: etree._Element) -> Meta:
    """The header of an agreement's root, without reading its text."""
    meta = child_named(root, "meta")
    if meta is None:
        raise ValueError("<agreement> has no <meta>")
    return _meta(meta)
