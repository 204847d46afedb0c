"""A unit's paragraphs and points as the model's blocks: paragraphs, lists with their
intro and wrap-up, points, and the fields of a form block.

Points alone make a unit's sub-units (§ 11: "● Dokumentation …"); points among
paragraphs make a list, introduced by the paragraph before them where it ends in a colon
("Die Leistung zielt … auf folgende Aspekte:") and wrapped up by the one after them where
it goes on in lower case ("die in Wechselwirkung …", § 4). In a numbered Absatz the list's
intro is its last sentence only, where the Absatz says something first (§ 8 Abs. 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from lvcheck.document.kinds import UnitKind
from lvcheck.document.model import Block, Field, Inline, ListBlock, Paragraph, Unit
from lvcheck.importing.fields import (
    ALONE,
    choice,
    choice_field,
    field_type,
    form_line,
    slug,
)
from lvcheck.importing.items import Item

_LAST_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÄÖÜ][^.;!?]*:\s*$)")

Inlines = Callable[[str], tuple[Inline, ...]]


class Entry(NamedTuple):
    """What a unit holds before it is built: a paragraph, a point, or a form block."""

    kind: str  # "p", "point", "form"
    item: Item
    opens: bool = False  # the paragraph that carries the unit's own number


def paragraph(text: str, inlines: Inlines) -> Paragraph:
    return Paragraph(inlines(text))


def point(item: Item, inlines: Inlines) -> Unit:
    label = item.label
    num = (label.num,) if label is not None and label.num else None
    return Unit(
        kind=UnitKind.POINT,
        eid="",
        num=num,
        content=(paragraph(item.text, inlines),),
    )


def _paragraphs(entries: list[Entry], inlines: Inlines) -> list[Block]:
    return [paragraph(e.item.text, inlines) for e in entries]


def blocks(entries: list[Entry], inlines: Inlines, form: FormFields) -> list[Block]:
    """Paragraphs, lists and form fields in the order the source has them."""
    out: list[Block] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        if entry.kind == "form":
            out.extend(form.fields(entry.item))
            index += 1
            continue
        if entry.kind == "p":
            out.append(paragraph(entry.item.text, inlines))
            index += 1
            continue
        end = index
        while end < len(entries) and entries[end].kind == "point":
            end += 1
        intro: tuple[Block, ...] = ()
        before = entries[index - 1] if index else None
        # the paragraph before the points leads into them: a colon, or no sentence's end
        leads = before is not None and not before.item.text.rstrip().endswith((".", "!", "?"))
        if before is not None and before.kind == "p" and leads:
            out.pop()
            text = before.item.text
            cut = _LAST_SENTENCE.search(text) if before.opens else None
            if cut:
                out.append(paragraph(text[: cut.start()], inlines))
                text = text[cut.end() :]
            intro = (paragraph(text, inlines),)
        wrap_up: tuple[Block, ...] = ()
        after = entries[end] if end < len(entries) else None
        if after is not None and after.kind == "p" and after.item.text[:1].islower():
            wrap_up = (paragraph(after.item.text, inlines),)
            end += 1
        points = tuple(point(e.item, inlines) for e in entries[index:end] if e.kind == "point")
        out.append(ListBlock(eid="", points=points, intro=intro, wrap_up=wrap_up))
        index = end
    return out


class FormFields:
    """The fields of form blocks, each with a name unique in the agreement."""

    def __init__(self, unique: Callable[[str], str]) -> None:
        self.unique = unique
        self.container = ""  # the name of the form block being read
        self.heading = ""

    def fields(self, item: Item) -> list[Block]:
        out: list[Block] = []
        for line in item.para.lines:
            if not line.strip():
                continue
            # "Name<TAB>value" is a form line; options stand apart by wide spaces or tabs
            labelled = line.count("\t") == 1 and form_line(line, in_form=True) is not None
            found = choice(line) if not ALONE.fullmatch(line) and not labelled else None
            if found is not None:
                out.append(choice_field(found, self.unique(self.container or "auswahl")))
                continue
            row = form_line(line, in_form=True)
            if row is None:
                out.append(Paragraph((line.strip(),)))
                continue
            kind = field_type(row.label, self.heading)
            own = slug(row.label)
            name = f"{self.container}.{own}" if self.container and own else own or self.container
            out.append(
                Field(
                    name=self.unique(name or "feld"),
                    type=kind,
                    inline=False,
                    value=row.value or None,
                    label=(row.label,) if row.label else None,
                )
            )
        return out


def is_form(item: Item) -> bool:
    """Whether every line of a paragraph is a form line or a row of tick boxes."""
    lines = [line for line in item.para.lines if line.strip()]
    return bool(lines) and all(
        choice(line) is not None or form_line(line, in_form=True) is not None for line in lines
    )


__all__ = ["Entry", "FormFields", "blocks", "is_form", "paragraph", "point", "slug"]
