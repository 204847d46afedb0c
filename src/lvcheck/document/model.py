"""Plain data classes for an agreement version. No I/O, no XML.

The model mirrors the schema one to one, so that XML -> model -> XML is lossless.
Source lines are kept for diagnostics but take no part in equality, so that two
versions with the same content compare equal wherever their text stands in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------- running text


@dataclass(frozen=True)
class Span:
    """Marked-up running text: b, i, u, sup, docTitle, party, role, person, location."""

    kind: str
    children: tuple[Inline, ...]
    refers_to: str | None = None


@dataclass(frozen=True)
class LegalTarget:
    """A provision of a statute: statute and, where given, section to number."""

    statute: str | None = None
    section: str | None = None
    paragraph: str | None = None
    sentence: str | None = None
    number: str | None = None
    following: bool | None = None  # "ff."


@dataclass(frozen=True)
class Ref:
    """A reference: internal (href "#eId"), legal (target.statute) or to a named document."""

    children: tuple[Inline, ...]
    href: str | None = None
    target: LegalTarget = LegalTarget()
    document: str | None = None
    part: str | None = None


@dataclass(frozen=True)
class Option:
    value: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Field:
    """A typed blank: inline (<fillIn>) in running text, or a labelled form row (<field>)."""

    name: str
    type: str
    inline: bool
    required: bool | None = None  # None: not stated, the schema's default (true) applies
    value: str | None = None
    multiple: bool | None = None
    label: tuple[Inline, ...] | None = None
    options: tuple[Option, ...] = ()
    hint: tuple[Inline, ...] | None = None
    line: int = field(default=0, compare=False)

    @property
    def is_filled(self) -> bool:
        return bool(self.value and self.value.strip())


@dataclass(frozen=True)
class Note:
    """A footnote (authorialNote), anchored where its marker stands."""

    eid: str
    marker: str
    paragraphs: tuple[Paragraph, ...]
    line: int = field(default=0, compare=False)


Inline = str | Span | Ref | Field | Note

# ---------------------------------------------------------------- blocks and units


@dataclass(frozen=True)
class Paragraph:
    """A <p>: one paragraph of running text."""

    children: tuple[Inline, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ListBlock:
    """A list inside content: intro, citable points, wrap-up."""

    eid: str
    points: tuple[Unit, ...]
    intro: tuple[Block, ...] = ()
    wrap_up: tuple[Block, ...] = ()
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class QuotedStructure:
    """In an amendment: the new wording of a unit of its base, quoted in the signed text."""

    eid: str
    unit: Unit
    line: int = field(default=0, compare=False)


Block = Paragraph | ListBlock | Field | QuotedStructure


@dataclass(frozen=True)
class Unit:
    """A citable unit: part, section, subsection, paragraph, point or hcontainer.

    It has either ``content`` (blocks) or ``children`` (sub-units, with optional intro
    and wrap-up). ``num`` is display only; ``eid`` is the stable identity.
    """

    kind: str
    eid: str
    num: tuple[Inline, ...] | None = None
    heading: tuple[Inline, ...] | None = None
    content: tuple[Block, ...] | None = None
    intro: tuple[Block, ...] = ()
    children: tuple[Unit, ...] = ()
    wrap_up: tuple[Block, ...] = ()
    name: str | None = None  # hcontainer only
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Preamble:
    eid: str
    heading: tuple[Inline, ...] | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Signature:
    eid: str
    lines: tuple[Paragraph, ...]
    party: str | None = None


@dataclass(frozen=True)
class Conclusions:
    eid: str
    signatures: tuple[Signature, ...]
    heading: tuple[Inline, ...] | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    layout: str | None = None  # "stacked" (default) or "sideBySide"


@dataclass(frozen=True)
class Attachment:
    eid: str
    heading: tuple[Inline, ...]


@dataclass(frozen=True)
class Attachments:
    eid: str
    items: tuple[Attachment, ...]
    heading: tuple[Inline, ...] | None = None


# ---------------------------------------------------------------- header


@dataclass(frozen=True)
class Party:
    id: str
    role: str
    name: str | None = None
    field: str | None = None  # the field that holds the name in an instance


@dataclass(frozen=True)
class DateOrField:
    date: str | None = None  # ISO 8601 (xs:date)
    field: str | None = None
    governed_by: str | None = None  # where not the term's clause


@dataclass(frozen=True)
class Term:
    start: DateOrField
    end: DateOrField | None = None
    end_indefinite: bool | None = None
    renewal_period: str | None = None  # xs:duration, e.g. P1Y
    renewal_unit: str | None = None
    notice_period: str | None = None
    notice_before: str | None = None  # endOfTerm, endOfKitaYear, anyTime
    notice_form: str | None = None
    governed_by: str | None = None
    renewal_governed_by: str | None = None  # where not the term's clause
    notice_governed_by: str | None = None


@dataclass(frozen=True)
class Figure:
    """A figure the text agrees, such as the Gewichtungsfaktor 5,5."""

    name: str
    value: str  # xs:decimal as written in the header: "5.5"
    unit: str | None = None
    governed_by: str | None = None


@dataclass(frozen=True)
class Deviation:
    """A departure from the template that the parties agreed, with its reason."""

    clause: str  # eId, or "preface" / "meta"
    reason: str
    date: str | None = None


@dataclass(frozen=True)
class Modification:
    """One change an amendment makes to its base: replace, substitute, insert, delete or
    setFact; which attributes are set depends on the action."""

    action: str
    target: str | None = None  # the base unit's eId (replace, substitute, delete)
    after: str | None = None  # insert: after this unit
    source: str | None = None  # replace, insert: the eId of the quotedStructure
    old: str | None = None  # substitute: the words replaced
    new: str | None = None
    name: str | None = None  # setFact: term.notice_period, figure.gewichtungsfaktor, …
    value: str | None = None
    governed_by: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Relation:
    kind: str  # supersedes, supersededBy, basedOn
    work: str
    version: str | None = None
    governed_by: str | None = None
    upon: str | None = None  # supersededBy: "conclusion" or "start" of the successor


@dataclass(frozen=True)
class Document:
    id: str
    title: str


@dataclass(frozen=True)
class Meta:
    work_id: str
    agreement_type: str
    jurisdiction: str
    language: str
    version_id: str
    status: str
    kind: str  # template, instance, amendment (document.kinds.Kind)
    title: str
    version_date: str | None = None
    example: bool | None = None
    digest: str | None = None  # of the signed text (document/seal.py), once concluded
    notes: tuple[str, ...] = ()
    parties: tuple[Party, ...] = ()
    legal_basis: tuple[LegalTarget, ...] | None = None
    term: Term | None = None
    figures: tuple[Figure, ...] | None = None
    relations: tuple[Relation, ...] | None = None
    documents: tuple[Document, ...] | None = None
    deviations: tuple[Deviation, ...] | None = None
    modifications: tuple[Modification, ...] | None = None


@dataclass(frozen=True)
class Agreement:
    meta: Meta
    body: tuple[Unit, ...]
    preface: tuple[Paragraph, ...] | None = None
    preamble: Preamble | None = None
    conclusions: Conclusions | None = None
    attachments: Attachments | None = None

    @property
    def is_example(self) -> bool:
        return self.meta.example is True


# ---------------------------------------------------------------- derived


def fields_of(agreement: Agreement) -> dict[str, Field]:
    """Every field of an agreement, by name."""
    found: dict[str, Field] = {}

    def inline(items: tuple[Any, ...]) -> None:
        for item in items:
            if isinstance(item, str):
                continue  # most running text: nothing to look into
            if isinstance(item, Field):
                found[item.name] = item
            elif isinstance(item, Span | Ref):
                inline(item.children)
            elif isinstance(item, Note):
                for paragraph in item.paragraphs:
                    inline(paragraph.children)

    def blocks(items: tuple[Any, ...]) -> None:
        for block in items:
            if isinstance(block, Paragraph):
                inline(block.children)
            elif isinstance(block, Field):
                found[block.name] = block
            elif isinstance(block, ListBlock):
                blocks(block.intro)
                for point in block.points:
                    unit(point)
                blocks(block.wrap_up)
            elif isinstance(block, QuotedStructure):
                unit(block.unit)

    def unit(item: Unit) -> None:
        inline(item.num or ())
        inline(item.heading or ())
        blocks(item.content or ())
        blocks(item.intro)
        for child in item.children:
            unit(child)
        blocks(item.wrap_up)

    for paragraph in agreement.preface or ():
        inline(paragraph.children)
    if agreement.preamble:
        blocks(agreement.preamble.blocks)
    for item in agreement.body:
        unit(item)
    if agreement.conclusions:
        for paragraph in agreement.conclusions.paragraphs:
            inline(paragraph.children)
        for signature in agreement.conclusions.signatures:
            for line in signature.lines:
                inline(line.children)
    return found
