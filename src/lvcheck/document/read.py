"""XML tree -> model. Expects a schema-valid tree (validate first)."""

from __future__ import annotations

from lxml import etree

from lvcheck.document.model import (
    Agreement,
    Attachment,
    Attachments,
    Block,
    Conclusions,
    Field,
    Inline,
    ListBlock,
    Note,
    Option,
    Paragraph,
    Preamble,
    QuotedStructure,
    Ref,
    Signature,
    Span,
    Unit,
)
from lvcheck.document.parse import NAMESPACE
from lvcheck.document.read_header import (
    as_bool,
    child_named,
    elements,
    legal_target,
    line_of,
    local,
    read_meta,
)

UNIT_KINDS = ("part", "section", "subsection", "paragraph", "point", "hcontainer")
SPAN_KINDS = ("b", "i", "u", "sup", "docTitle", "party", "role", "person", "location")


# ---------------------------------------------------------------- running text


def inlines(element: etree._Element) -> tuple[Inline, ...]:
    """The mixed content of a text container as a tuple of strings and inline nodes."""
    if not len(element):  # most numbers, headings and paragraphs: text alone
        text = element.text
        return (text,) if text else ()
    items: list[Inline] = []

    def add_text(text: str | None) -> None:
        if not text:
            return
        if items and isinstance(items[-1], str):
            items[-1] = items[-1] + text  # a skipped comment must not split the text
        else:
            items.append(text)

    add_text(element.text)
    for child in element:
        name = local(child)
        if name:
            items.append(_inline_node(child, name))
        add_text(child.tail)
    return tuple(items)


def _inline_node(element: etree._Element, name: str) -> Inline:
    if name == "ref":
        get = element.get
        return Ref(
            children=inlines(element),
            href=get("href"),
            target=legal_target(element),
            document=get("document"),
            part=get("part"),
        )
    if name == "fillIn":
        return read_field(element, inline=True)
    if name == "authorialNote":
        return Note(
            eid=element.get("eId", ""),
            marker=element.get("marker", ""),
            paragraphs=tuple(_paragraph(p) for p in elements(element)),
            line=line_of(element),
        )
    return Span(kind=name, children=inlines(element), refers_to=element.get("refersTo"))


def read_field(element: etree._Element, inline: bool) -> Field:
    label = child_named(element, "label")
    hint = child_named(element, "hint")
    return Field(
        name=element.get("name", ""),
        type=element.get("type", "text"),
        inline=inline,
        required=as_bool(element.get("required")),
        value=element.get("value"),
        multiple=as_bool(element.get("multiple")),
        label=inlines(label) if label is not None else None,
        options=tuple(
            Option(value=option.get("value", ""), children=inlines(option))
            for option in element.iterfind(f"{{{NAMESPACE}}}option")
        ),
        hint=inlines(hint) if hint is not None else None,
        line=line_of(element),
    )


def _paragraph(element: etree._Element) -> Paragraph:
    return Paragraph(children=inlines(element), line=line_of(element))


def optional_inlines(parent: etree._Element, name: str) -> tuple[Inline, ...] | None:
    found = child_named(parent, name)
    return inlines(found) if found is not None else None


# ---------------------------------------------------------------- blocks and units


def _blocks(container: etree._Element) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for element in container:
        tag = element.tag
        if not isinstance(tag, str):
            continue  # a comment or a processing instruction
        name = tag.rpartition("}")[2]
        if name == "p":
            blocks.append(_paragraph(element))
        elif name == "list":
            blocks.append(_list(element))
        elif name == "field":
            blocks.append(read_field(element, inline=False))
        elif name == "quotedStructure":
            blocks.append(read_quoted(element))
    return tuple(blocks)


def read_quoted(element: etree._Element) -> QuotedStructure:
    """An amendment's quoted wording: the one unit inside a <quotedStructure>."""
    (unit,) = (c for c in elements(element) if local(c) in UNIT_KINDS)
    return QuotedStructure(eid=element.get("eId", ""), unit=_unit(unit), line=line_of(element))


def _list(element: etree._Element) -> ListBlock:
    intro = child_named(element, "intro")
    wrap_up = child_named(element, "wrapUp")
    return ListBlock(
        eid=element.get("eId", ""),
        points=tuple(_unit(p) for p in element.iterfind(f"{{{NAMESPACE}}}point")),
        intro=_blocks(intro) if intro is not None else (),
        wrap_up=_blocks(wrap_up) if wrap_up is not None else (),
        line=line_of(element),
    )


UNIT_TAGS = {f"{{{NAMESPACE}}}{kind}": kind for kind in UNIT_KINDS}  # tag -> kind
_NUM, _HEADING, _CONTENT, _INTRO, _WRAP_UP = (
    f"{{{NAMESPACE}}}{name}" for name in ("num", "heading", "content", "intro", "wrapUp")
)


def _unit(element: etree._Element) -> Unit:
    # One pass over the children: five finds and a name lookup per child took half the
    # time of reading an agreement of 10,000 clauses.
    num = heading = content = None
    intro: tuple[Block, ...] = ()
    wrap_up: tuple[Block, ...] = ()
    children: list[Unit] = []
    for child in element:
        tag = child.tag
        if tag in UNIT_TAGS:
            children.append(_unit(child))
        elif tag == _NUM:
            num = inlines(child)
        elif tag == _HEADING:
            heading = inlines(child)
        elif tag == _CONTENT:
            content = _blocks(child)
        elif tag == _INTRO:
            intro = _blocks(child)
        elif tag == _WRAP_UP:
            wrap_up = _blocks(child)
    return Unit(
        kind=local(element),
        eid=element.get("eId", ""),
        num=num,
        heading=heading,
        content=content,
        intro=intro,
        children=tuple(children),
        wrap_up=wrap_up,
        name=element.get("name"),
        line=line_of(element),
    )


# ---------------------------------------------------------------- document


def read_paragraphs(element: etree._Element) -> tuple[Paragraph, ...]:
    """The paragraphs of a container of running text alone (preface, signature)."""
    return tuple(_paragraph(p) for p in elements(element))


def read_conclusions(conclusions: etree._Element) -> Conclusions:
    return Conclusions(
        eid=conclusions.get("eId", ""),
        layout=conclusions.get("layout"),
        heading=optional_inlines(conclusions, "heading"),
        paragraphs=tuple(_paragraph(p) for p in conclusions.iterfind(f"{{{NAMESPACE}}}p")),
        signatures=tuple(
            Signature(eid=s.get("eId", ""), party=s.get("party"), lines=read_paragraphs(s))
            for s in conclusions.iterfind(f"{{{NAMESPACE}}}signature")
        ),
    )


def read_attachments(attachments: etree._Element) -> Attachments:
    return Attachments(
        eid=attachments.get("eId", ""),
        heading=optional_inlines(attachments, "heading"),
        items=tuple(
            Attachment(eid=a.get("eId", ""), heading=optional_inlines(a, "heading") or ())
            for a in attachments.iterfind(f"{{{NAMESPACE}}}attachment")
        ),
    )


def read_agreement(tree: etree._ElementTree) -> Agreement:
    """Build the model of a schema-valid agreement tree."""
    root = tree.getroot()
    meta = read_meta(root)
    preface = child_named(root, "preface")
    preamble = child_named(root, "preamble")
    body = child_named(root, "body")
    conclusions = child_named(root, "conclusions")
    attachments = child_named(root, "attachments")
    return Agreement(
        meta=meta,
        body=tuple(_unit(u) for u in elements(body)) if body is not None else (),
        preface=read_paragraphs(preface) if preface is not None else None,
        preamble=Preamble(
            eid=preamble.get("eId", ""),
            heading=optional_inlines(preamble, "heading"),
            blocks=_blocks(preamble),
        )
        if preamble is not None
        else None,
        conclusions=read_conclusions(conclusions) if conclusions is not None else None,
        attachments=read_attachments(attachments) if attachments is not None else None,
    )
