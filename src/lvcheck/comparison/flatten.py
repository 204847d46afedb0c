"""An agreement as a flat list of clauses, each with its own words only, for the diff.

A clause's own text leaves out its sub-units, so that a changed point is one change,
not also a change of its subsection and its §. A field is a single token keyed by its
name: filling it never changes the clause's text (field values are compared apart).
Words are kept as written (running text and such tokens); comparing and cutting them
into tokens is the business of comparison.tokens, when the diff needs it. Each clause
carries the chain of units that leads to it, for its citation (document.citation).

The walk reads the XML tree, not the model: building the model of a large agreement
took longer than the whole rest of its diff. Running text is read as the model reads it
(document.read.inlines) and cut here into parts; a model is first written as a tree
(document.write, with its source lines), so that there is one flattening for both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from lvcheck.comparison.changes import Clause
from lvcheck.comparison.tokens import Segment, Token
from lvcheck.document.citation import Step
from lvcheck.document.kinds import Place
from lvcheck.document.model import (
    Agreement,
    Block,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    QuotedStructure,
    Ref,
    Span,
    Unit,
)
from lvcheck.document.parse import NAMESPACE
from lvcheck.document.read import (
    UNIT_TAGS,
    inlines,
    optional_inlines,
    read_attachments,
    read_conclusions,
    read_field,
    read_paragraphs,
    read_quoted,
)
from lvcheck.document.read_header import child_named, local
from lvcheck.document.text import heading_words, plain_text, value_text, without_notes
from lvcheck.document.write import write_agreement
from lvcheck.labels import BLANK

Steps = tuple[Step, ...]
FIELD_PREFIX = "\x00field:"  # the key of a field: never equal to a word
POINTS_MARK: Token = ("\x00points", "[…] ")  # where a list's points stand in its text
_PLACE_KEPT = Clause("", "", "", (), (), (), None, -1)  # a clause whose parts come later
_P, _LIST, _FIELD, _QUOTED, _NUM, _HEADING, _CONTENT, _INTRO, _WRAP_UP, _POINT = (
    f"{{{NAMESPACE}}}{name}"
    for name in (
        "p",
        "list",
        "field",
        "quotedStructure",
        "num",
        "heading",
        "content",
        "intro",
        "wrapUp",
        "point",
    )
)
_BLOCK_TAGS = frozenset((_P, _LIST, _FIELD, _QUOTED))  # what the model reads as a block


def field_token(item: Field) -> Token:
    """A field is one token keyed by its name, shown with its value or as a blank."""
    return (FIELD_PREFIX + item.name, value_text(item) or BLANK)


def inline_parts(items: Iterable[Inline], parts: list[Segment]) -> list[Segment]:
    """Running text as written, each field and footnote marker one token; appended to
    ``parts``, which is returned."""
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Span | Ref):
            inline_parts(item.children, parts)
        elif isinstance(item, Field):
            parts.append(field_token(item))
        elif isinstance(item, Note):
            parts.append((f"\x00note:{item.marker}", f"[{item.marker}]"))
    return parts


def _paragraph_parts(paragraphs: Iterable[Paragraph]) -> list[Segment]:
    parts: list[Segment] = []
    for paragraph in paragraphs:
        parts.append(" ")  # paragraphs are read one after the other
        inline_parts(paragraph.children, parts)
    return parts


def _block_parts(block: Block, parts: list[Segment]) -> None:
    if isinstance(block, Paragraph):
        inline_parts(block.children, parts)
    elif isinstance(block, Field):
        if block.label:
            inline_parts(block.label, parts)
            parts.append(": ")
        parts.append(field_token(block))
    elif isinstance(block, QuotedStructure):  # an amendment's quoted wording: part of its words
        parts.append("„")
        _unit_parts(block.unit, parts)
        parts.append("“ ")
    # a list is a clause of its own


def _all_parts(blocks: tuple[Block, ...], parts: list[Segment]) -> None:
    """All the words of blocks, the points of their lists included (for a quoted unit)."""
    for block in blocks:
        parts.append(" ")
        if isinstance(block, ListBlock):
            _all_parts(block.intro, parts)
            for point in block.points:
                parts.append(" ")
                _unit_parts(point, parts)
            parts.append(" ")
            _all_parts(block.wrap_up, parts)
        else:
            _block_parts(block, parts)


def _unit_parts(unit: Unit, parts: list[Segment]) -> None:
    """All the words of a unit, its sub-units included (for a quoted unit)."""
    inline_parts(unit.num or (), parts)
    parts.append(" ")
    inline_parts(unit.heading or (), parts)
    for blocks in (unit.content or (), unit.intro):
        _all_parts(blocks, parts)
    for child in unit.children:
        parts.append(" ")
        _unit_parts(child, parts)
    _all_parts(unit.wrap_up, parts)


class _Flattener:
    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.waiting: dict[int, dict[str, Any]] = {}  # clauses whose own parts come later

    def add(
        self,
        eid: str,
        kind: str,
        num: str,
        heading: Iterable[Inline],
        parts: list[Segment] | None,
        steps: Steps,
        parent: int | None,
        line: int = 0,
    ) -> int:
        """A clause, and its index; with ``parts`` None, its place is kept until set_parts
        (its own words are known only once its sub-units, which follow it, are in)."""
        index = len(self.clauses)
        fields: dict[str, Any] = {
            "eid": eid,
            "kind": kind,
            "num": num,
            "heading_parts": tuple(inline_parts(heading, [])),
            "steps": steps,
            "parent": parent,
            "index": index,
            "line": line,
        }
        if parts is None:
            self.waiting[index] = fields
            self.clauses.append(_PLACE_KEPT)
        else:
            self.clauses.append(Clause(parts=tuple(parts), **fields))
        return index

    def set_parts(self, index: int, parts: list[Segment]) -> None:
        self.clauses[index] = Clause(parts=tuple(parts), **self.waiting.pop(index))

    def notes(self, items: Iterable[Inline], steps: Steps, parent: int) -> None:
        for item in items:
            if isinstance(item, Note):
                parts = _paragraph_parts(item.paragraphs)
                here = (*steps, Step(Place.NOTE, item.marker))
                self.add(item.eid, "note", f"[{item.marker}]", (), parts, here, parent, item.line)
            elif isinstance(item, Span | Ref):
                self.notes(item.children, steps, parent)

    def blocks(self, container: etree._Element | None, steps: Steps, parent: int) -> list[Segment]:
        """The own parts of the blocks in a container; their lists and notes become clauses
        of their own."""
        parts: list[Segment] = []
        if container is None:
            return parts
        position = 0
        for element in container:
            tag = element.tag
            if tag not in _BLOCK_TAGS:
                continue
            position += 1
            parts.append(" ")  # blocks are read one after the other
            if tag == _P:
                if not len(element):  # most paragraphs: text alone, no footnote
                    if element.text:
                        parts.append(element.text)
                    continue
                children = inlines(element)
                self.notes(children, steps, parent)
                inline_parts(children, parts)
            elif tag == _LIST:
                blocks = sum(1 for block in container if block.tag in _BLOCK_TAGS)
                here = (*steps, Step(Place.LIST, block=position, blocks=blocks))
                self.list_block(element, here, parent)
            elif tag == _FIELD:
                _block_parts(read_field(element, inline=False), parts)
            else:
                _block_parts(read_quoted(element), parts)
        return parts

    def list_block(self, element: etree._Element, steps: Steps, parent: int) -> None:
        line = element.sourceline or 0
        index = self.add(element.get("eId", ""), "list", "", (), None, steps, parent, line)
        own = self.blocks(child_named(element, "intro"), steps, index)
        self.units(element.iterfind(_POINT), steps, index)
        own += [" ", POINTS_MARK, " "]  # where the points stand between intro and wrap-up
        own += self.blocks(child_named(element, "wrapUp"), steps, index)
        self.set_parts(index, own)

    def units(self, units: Iterable[etree._Element], steps: Steps, parent: int | None) -> None:
        counts: dict[str, int] = {}
        for unit in units:
            tag = unit.tag
            if not isinstance(tag, str):
                continue  # a comment or a processing instruction
            kind = UNIT_TAGS.get(tag) or local(unit)
            counts[kind] = counts.get(kind, 0) + 1
            self.unit(unit, kind, steps, parent, counts[kind])

    def unit(
        self, element: etree._Element, kind: str, outer: Steps, parent: int | None, position: int
    ) -> None:
        # the hot path of a large agreement: one pass over the children, add and set_parts
        # written out
        num: tuple[Inline, ...] = ()
        heading: tuple[Inline, ...] = ()
        content = intro = wrap_up = None
        children = []
        for child in element:
            tag = child.tag
            if tag in UNIT_TAGS:
                children.append(child)
            elif tag == _NUM:
                num = inlines(child)
            elif tag == _HEADING:
                heading = inlines(child)
            elif tag == _CONTENT:
                content = child
            elif tag == _INTRO:
                intro = child
            elif tag == _WRAP_UP:
                wrap_up = child
        index = len(self.clauses)
        self.clauses.append(_PLACE_KEPT)  # its own words are known once its sub-units are in
        number = plain_text(num)
        if len(heading) == 1 and isinstance(heading[0], str):  # most headings: text alone
            steps = (*outer, Step(kind, number, plain_text(heading), position))
            heading_parts: tuple[Segment, ...] = (heading[0],)
        else:
            words = without_notes(heading)
            steps = (*outer, Step(kind, number, plain_text(words), position))
            heading_parts = tuple(inline_parts(words, []))
            self.notes(heading, steps, index)  # footnotes, also inside a span
        if content is not None:
            only = content[0] if len(content) == 1 else None
            if only is not None and only.tag == _P and not len(only):
                own: list[Segment] = [" ", only.text] if only.text else [" "]  # text alone
            else:
                own = self.blocks(content, steps, index)
        else:
            own = self.blocks(intro, steps, index)
            self.units(children, steps, index)
            own.append(" ")
            own += self.blocks(wrap_up, steps, index)
        eid, line = element.get("eId", ""), element.sourceline or 0
        self.clauses[index] = Clause(
            eid, kind, number, heading_parts, tuple(own), steps, parent, index, line
        )

    def agreement(self, root: etree._Element) -> list[Clause]:
        preface = child_named(root, "preface")
        if preface is not None:
            parts = _paragraph_parts(read_paragraphs(preface))
            self.add("preface", "preface", "", (), parts, (Step(Place.PREFACE),), None)
        preamble = child_named(root, "preamble")
        if preamble is not None:
            heading = optional_inlines(preamble, "heading")
            steps: Steps = (Step(Place.PREAMBLE, heading=heading_words(heading)),)
            eid = preamble.get("eId", "")
            index = self.add(eid, "preamble", "", heading or (), None, steps, None)
            self.set_parts(index, self.blocks(preamble, steps, index))
        body = child_named(root, "body")
        if body is not None:
            self.units(body, (), None)
        found = child_named(root, "conclusions")
        if found is not None:
            conclusions = read_conclusions(found)
            steps = (Step(Place.CONCLUSIONS),)
            own = _paragraph_parts(conclusions.paragraphs)
            heading = conclusions.heading or ()
            index = self.add(conclusions.eid, "conclusions", "", heading, own, steps, None)
            for number, signature in enumerate(conclusions.signatures, start=1):
                parts = _paragraph_parts(signature.lines)
                here = (*steps, Step(Place.SIGNATURE, position=number))
                self.add(signature.eid, "signature", "", (), parts, here, index)
        found = child_named(root, "attachments")
        if found is not None:
            attachments = read_attachments(found)
            steps = (Step(Place.ATTACHMENTS),)
            heading = attachments.heading or ()
            index = self.add(attachments.eid, "attachments", "", heading, [], steps, None)
            for number, item in enumerate(attachments.items, start=1):
                alone: Steps = (Step(Place.ATTACHMENT, position=number),)  # "Anlage 2"
                parts = inline_parts(item.heading, [])
                self.add(item.eid, "attachment", "", (), parts, alone, index)
        return self.clauses


def flatten(text: Agreement | etree._ElementTree) -> list[Clause]:
    """Every clause of an agreement in document order, each with its own words; read from
    its schema-valid tree, or from its model written as a tree."""
    if isinstance(text, Agreement):
        text = write_agreement(text, lines=True)
    return _Flattener().agreement(text.getroot())
