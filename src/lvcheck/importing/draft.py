"""A source's text as an agreement's text (everything but the header), with its parties:
the items read into the title block, the Vorwort, the units, the signatures and the
Anlagen, fields named, eIds given.

The parties come from the title block ("zwischen … als Leistungserbringer und … als
Träger der Eingliederungshilfe"), from form blocks that ask for a name ("Träger: Name"),
and from the signature blocks ("Bezirk Niederbayern"); each signature block is matched
to the party its lines name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from lvcheck.document.kinds import FieldType
from lvcheck.document.model import (
    Attachments,
    Conclusions,
    Field,
    Inline,
    Paragraph,
    Party,
    Preamble,
    Span,
    Unit,
)
from lvcheck.importing import inline
from lvcheck.importing.blocks import FormFields
from lvcheck.importing.conclusions import conclusions
from lvcheck.importing.eids import Counter, Namer
from lvcheck.importing.fields import inline_type, slug
from lvcheck.importing.items import Item, itemize
from lvcheck.importing.source import Para, Source
from lvcheck.importing.structure import Builder, attachments, preamble, regions

_AUTHORITY = re.compile(
    r"Träger der Eingliederungshilfe|Landschaftsverband|\bBezirk\b|Sozialhilfeträger|Landkreis|"
    r"\bStadt\b|Kommunalverband",
    re.IGNORECASE,
)
_PROVIDER = re.compile(r"Leistungserbringer|Einrichtungsträger|\bTräger\b|Anbieter", re.IGNORECASE)
_FACILITY = re.compile(r"Kindertageseinrichtung|\bEinrichtung\b|\bKita\b", re.IGNORECASE)
_AS = re.compile(r"^als\s+(?P<role>.+?)\s*$")
_ABBREVIATION = re.compile(r"\(([A-ZÄÖÜ]{2,10})\)")
_ARTICLE = re.compile(r"^(?:dem|der|den|die|das)\s+")


class Text(NamedTuple):
    """An agreement's text with the parties it names."""

    preface: tuple[Paragraph, ...] | None
    preamble: Preamble | None
    body: tuple[Unit, ...]
    conclusions: Conclusions | None
    attachments: Attachments | None
    parties: tuple[Party, ...]
    notes: tuple[Item, ...]  # the footnotes, as they stood in the source
    bookmarks: tuple[tuple[str, str], ...] = ()  # (eId given, eId a Word bookmark names)


def role_of(words: str) -> str:
    if _AUTHORITY.search(words):
        return "authority"
    if _FACILITY.search(words):
        return "facility"
    return "provider"  # a Leistungserbringer, Träger, Anbieter, or a party unnamed by role


class _Reader:
    def __init__(self, items: list[Item]) -> None:
        self.names: set[str] = set()
        self.notes = {item.para.note: item for item in items if item.para.note}
        self.parties: list[Party] = []
        self.counter = 0
        self.preface_role = ""  # the role of the party whose name a title block blank holds

    def unique(self, wished: str) -> str:
        name = re.sub(r"[^a-z0-9_.]", "_", wished.lower()).strip("._") or "feld"
        name = ".".join(p if p[:1].isalpha() else f"f{p}" for p in name.split(".") if p)
        found, count = name, 1
        while found in self.names:
            count += 1
            found = f"{name}_{count}"
        self.names.add(found)
        return found

    def namer(self, before: str, after: str, blank: str) -> tuple[str, str]:
        kind = inline_type(before, after)
        if self.preface_role:
            return self.unique(f"{slug(self.preface_role)}.name"), FieldType.TEXT
        if kind == FieldType.DATE and re.match(r"\s*in\s+Kraft", after):
            return self.unique("inkrafttreten"), kind
        self.counter += 1
        return self.unique(f"feld_{self.counter}"), kind

    def note(self, marker: str) -> tuple[Paragraph, ...]:
        item = self.notes.get(marker)
        return (Paragraph(self.inlines(item.text)),) if item is not None else ()

    def inlines(self, text: str) -> tuple[Inline, ...]:
        return inline.inlines(text, self.namer, self.note)

    def preface(self, items: list[Item]) -> tuple[Paragraph, ...] | None:
        out: list[Paragraph] = []
        for index, item in enumerate(items):
            following = items[index + 1].text if index + 1 < len(items) else ""
            role = _AS.match(following)
            blank = inline.BLANK.fullmatch(item.text.strip())
            self.preface_role = role.group("role") if role and blank else ""
            children = self.inlines(item.text)
            self.preface_role = ""
            if role:
                self._party(item.text, role.group("role"), children)
            out.append(Paragraph(children))
        if out:
            out[0] = Paragraph((Span("docTitle", out[0].children),))
        return tuple(out) or None

    def _party(self, text: str, role_words: str, children: tuple[Inline, ...]) -> None:
        field = next((c.name for c in children if isinstance(c, Field)), None)
        role = role_of(role_words)
        if field is not None:
            self.add(Party(id=slug(role_words, "-").split("-")[0], role=role, field=field))
            return
        name = _ARTICLE.sub("", text.split(",")[0].strip())
        abbreviation = _ABBREVIATION.search(name)
        ident = abbreviation.group(1).lower() if abbreviation else slug(name, "-").split("-")[0]
        self.add(Party(id=ident, role=role, name=name))

    def add(self, party: Party) -> None:
        if party.id and all(p.id != party.id for p in self.parties):
            self.parties.append(party)

    def signer(self, lines: list[str]) -> str | None:
        """The party a signature block's lines name: a role, or a name not met before."""
        words = " ".join(lines)
        for party in self.parties:
            if party.name and party.name.split(" (")[0] in words:
                return party.id
        for party in reversed(self.parties):
            pattern = {"authority": _AUTHORITY, "provider": _PROVIDER, "facility": _FACILITY}
            if pattern[party.role].search(words):
                return party.id
        for line in lines:
            if _AUTHORITY.search(line) and line.strip() and not line.startswith("\x00"):
                name = line.strip()
                self.add(Party(id=slug(name, "-").split("-")[0], role="authority", name=name))
                return self.parties[-1].id
        return None


def _form_parties(units: Iterable[Unit], reader: _Reader) -> None:
    """Form blocks that ask for a name (Träger, Kindertageseinrichtung): parties."""
    for unit in units:
        _form_parties(unit.children, reader)
        if unit.kind != "hcontainer" or not unit.heading:
            continue
        heading = "".join(h for h in unit.heading if isinstance(h, str))
        for block in unit.content or ():
            if isinstance(block, Field) and block.name.endswith(".name"):
                ident = (unit.name or slug(heading, "-")).split("-")[0]
                reader.add(Party(id=ident, role=role_of(heading), field=block.name))


def read_text(source: Source, taken: Iterable[str] = ()) -> Text:
    """The agreement's text a source holds. ``taken``: eIds no new element may take."""
    items = [i for i in itemize(source) if not i.para.note or i.para.note]
    notes = tuple(i for i in items if i.para.note)
    flow = [i for i in items if not i.para.note]
    reader = _Reader(items)
    parts = regions(flow, None)
    preface = reader.preface(parts.preface)
    form = FormFields(reader.unique)
    builder = Builder(reader.inlines, form)
    builder.read(parts.units)
    namer = Namer(taken)
    body = namer.units(builder.units())
    _form_parties(body, reader)
    signed = conclusions(parts.conclusions, reader.signer, reader.unique)
    # a footnote in the title block or the Vorwort is named in its part, as in a unit
    if preface is not None:
        named = namer.blocks(preface, "preface", Counter())
        preface = tuple(p for p in named if isinstance(p, Paragraph))
    opening = preamble(parts.preamble, reader.inlines)
    if opening is not None:
        opening = replace(opening, blocks=namer.blocks(opening.blocks, opening.eid, Counter()))
    return Text(
        preface=preface,
        preamble=opening,
        body=body,
        conclusions=signed,
        attachments=attachments(parts.attachments),
        parties=tuple(reader.parties),
        notes=notes,
    )


__all__ = ["Para", "Text", "read_text", "role_of"]
