"""The items of a source as an agreement's text: title block, Vorwort, the units, the
signature part and the Anlagen, as German agreements write them.

The body's units are told by their numbers: "§ 7" a section, "(2)" its Absatz, "7.1" a
Ziffer of § 7, "II." a part, "1." a section of a part (Bavaria) or a numbered point of a §
(where the agreement counts in §§), "a)" and bullets points. A heading by its format that
carries no number opens a form block (hcontainer) of the part it stands in. A unit's
heading is the text after its number where it is one short line (or a heading by its
format), or the short line that follows a number standing alone ("§ 1" / "Gegenstand").
"""

from __future__ import annotations

from typing import NamedTuple

from lvcheck.document.kinds import UnitKind
from lvcheck.document.model import Attachment, Attachments, Block, Paragraph, Preamble, Unit
from lvcheck.importing.blocks import Entry, FormFields, blocks, is_form, point
from lvcheck.importing.items import Item
from lvcheck.importing.labels import LabelKind

PREAMBLES = ("vorwort", "präambel", "vorbemerkung", "vorbemerkungen")
ATTACHMENTS = ("anlage", "anlagen")
_RANK: dict[str, float] = {
    UnitKind.PART: 0.0,
    UnitKind.HCONTAINER: 0.5,
    UnitKind.SECTION: 1.0,
    UnitKind.SUBSECTION: 2.0,
    UnitKind.PARAGRAPH: 3.0,
}


class _Node:
    """A unit being read: its number, heading and what it holds so far."""

    def __init__(self, kind: str, num: str | None, heading: str | None, item: Item | None) -> None:
        self.kind = kind
        self.num = num
        self.heading = heading
        self.item = item
        self.rank = _RANK.get(kind, -1.0)
        self.entries: list[Entry] = []
        self.children: list[_Node] = []
        self.parts: tuple[str, ...] = item.label.parts if item and item.label else ()


class Body(NamedTuple):
    preface: list[Item]
    preamble: list[Item]  # its heading first
    units: list[Item]
    conclusions: list[Item]
    attachments: list[Item]  # the heading first


def _is_start(item: Item, counts_in_sections: bool) -> bool:
    label = item.label
    if label is None:
        return False
    if label.kind in (LabelKind.SECTION, LabelKind.ROMAN):
        return True
    return label.kind in (LabelKind.NUMBER, LabelKind.DECIMAL) and (
        item.heading_like and not counts_in_sections
    )


def regions(items: list[Item], starts_conclusions: object) -> Body:
    """Where the title block, the Vorwort, the units, the signatures and the Anlagen are."""
    from lvcheck.importing.conclusions import starts_here

    sections = any(i.label is not None and i.label.kind == LabelKind.SECTION for i in items)
    start = next((n for n, i in enumerate(items) if _is_start(i, sections)), len(items))
    preamble = next((n for n, i in enumerate(items[:start]) if i.short_text in PREAMBLES), start)
    end = len(items)
    attach = next(
        (
            n
            for n in range(start, end)
            if items[n].short_text in ATTACHMENTS and items[n].label is None
        ),
        end,
    )
    # the signature part follows the last numbered unit
    last = max((n for n in range(start, attach) if _numbered(items[n])), default=start)
    close = next((n for n in range(last + 1, attach) if starts_here(items[n])), attach)
    # a place ("Landshut,") or a heading ("Vereinbarung") just before it is its own
    while close < attach and close - 1 > last and _leads_to_signatures(items[close - 1]):
        close -= 1
    return Body(
        items[:preamble],
        items[preamble:start],
        items[start:close],
        items[close:attach],
        items[attach:],
    )


def _numbered(item: Item) -> bool:
    return item.label is not None and item.label.kind != LabelKind.BULLET


def _leads_to_signatures(item: Item) -> bool:
    from lvcheck.importing.conclusions import HEADINGS, PLACE

    if item.label is not None:
        return False
    text = item.text.strip()
    return text.rstrip(":").lower() in HEADINGS or (
        bool(PLACE.fullmatch(text)) and len(text.split()) <= 3
    )


def _kind(item: Item, sections: bool) -> str | None:
    label = item.label
    if label is None:
        return UnitKind.HCONTAINER if item.explicit_heading else None
    return {
        LabelKind.SECTION: UnitKind.SECTION,
        LabelKind.ROMAN: UnitKind.PART,
        LabelKind.PARAGRAPH: UnitKind.PARAGRAPH,
        LabelKind.DECIMAL: UnitKind.SUBSECTION,
        LabelKind.NUMBER: (
            UnitKind.SECTION if not sections and item.heading_like else UnitKind.POINT
        ),
        LabelKind.LETTER: UnitKind.POINT,
        LabelKind.BULLET: UnitKind.POINT,
    }[label.kind]


def _heading(item: Item, following: Item | None, kind: str) -> tuple[str | None, bool, bool]:
    """The unit's heading; whether the item's own text is it; whether the next item is."""
    if not item.text:
        takes = following is not None and following.label is None and following.heading_like
        return (following.text if takes and following else None), False, takes
    if item.explicit_heading:
        return item.text, True, False
    if item.heading_like and kind != UnitKind.PARAGRAPH:
        return item.text, True, False
    next_is_text = following is not None and following.label is None and not following.short
    if kind == UnitKind.PARAGRAPH and item.heading_like and next_is_text:
        return item.text, True, False
    return None, False, False


class Builder:
    """Reads the units of a body into a tree, then into the model's units."""

    def __init__(self, inlines: object, form: FormFields) -> None:
        self.inlines = inlines
        self.form = form
        self.root = _Node("root", None, None, None)

    def read(self, items: list[Item]) -> None:
        sections = any(i.label is not None and i.label.kind == LabelKind.SECTION for i in items)
        stack = [self.root]
        skip = False
        for index, item in enumerate(items):
            if skip:
                skip = False
                continue
            kind = _kind(item, sections)
            following = items[index + 1] if index + 1 < len(items) else None
            top = stack[-1]
            if kind is None or kind == UnitKind.POINT:
                in_form = top.kind == UnitKind.HCONTAINER and is_form(item)
                entry = "form" if in_form else "point" if kind else "p"
                if in_form and top.entries and _starts_new_form(item, top):
                    top = self._open(stack, UnitKind.HCONTAINER, None, None, item)
                top.entries.append(Entry(entry, item))
                continue
            heading, own, takes = _heading(item, following, kind)
            node = self._open(stack, kind, item.label.num if item.label else None, heading, item)
            skip = takes
            if item.text and not own:
                node.entries.append(Entry("p", item, opens=True))

    def _open(
        self, stack: list[_Node], kind: str, num: str | None, heading: str | None, item: Item
    ) -> _Node:
        node = _Node(kind, num, heading, item)
        while len(stack) > 1 and (
            stack[-1].rank >= node.rank or stack[-1].kind == UnitKind.HCONTAINER
        ):
            if (
                kind == UnitKind.SUBSECTION
                and stack[-1].kind == UnitKind.SUBSECTION
                and len(node.parts) > len(stack[-1].parts)
            ):
                break
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
        return node

    def units(self) -> tuple[Unit, ...]:
        return tuple(self._unit(child) for child in self.root.children)

    def _unit(self, node: _Node) -> Unit:
        inlines = self.inlines
        if node.kind == UnitKind.HCONTAINER:
            self.form.container = _container_name(node)
            self.form.heading = node.heading or ""
        heading = inlines(node.heading) if node.heading else None  # type: ignore[operator]
        num = (node.num,) if node.num else None
        if node.children:
            first = node.children[0]
            before = [e for e in node.entries if _before(e, first)]
            after = [e for e in node.entries if not _before(e, first)]
            children = tuple(self._unit(child) for child in node.children)
            return Unit(
                kind=node.kind,
                eid="",
                num=num,
                heading=heading,
                intro=tuple(blocks(before, inlines, self.form)),  # type: ignore[arg-type]
                children=children,
                wrap_up=tuple(blocks(after, inlines, self.form)),  # type: ignore[arg-type]
                name=_container_name(node) if node.kind == UnitKind.HCONTAINER else None,
            )
        if node.entries and all(e.kind == "point" for e in node.entries):
            points = tuple(point(e.item, inlines) for e in node.entries)  # type: ignore[arg-type]
            return Unit(
                kind=node.kind,
                eid="",
                num=num,
                heading=heading,
                children=points,
                name=_container_name(node) if node.kind == UnitKind.HCONTAINER else None,
            )
        content: list[Block] = blocks(node.entries, inlines, self.form)  # type: ignore[arg-type]
        return Unit(
            kind=node.kind,
            eid="",
            num=num,
            heading=heading,
            content=tuple(content) or (Paragraph(()),),
            name=_container_name(node) if node.kind == UnitKind.HCONTAINER else None,
        )


def _before(entry: Entry, child: _Node) -> bool:
    return child.item is not None and entry.item.line < child.item.line


def _starts_new_form(item: Item, top: _Node) -> bool:
    """A row of tick boxes after other fields opens a form block of its own."""
    from lvcheck.importing.fields import choice

    lines = [line for line in item.para.lines if line.strip()]
    return (
        len(lines) == 1
        and choice(lines[0]) is not None
        and any(e.kind == "form" for e in top.entries)
    )


def _container_name(node: _Node) -> str:
    from lvcheck.importing.fields import choice, slug

    if node.heading:
        words = slug(node.heading, "-").split("-")
        return words[0] or "abschnitt"
    first = node.entries[0].item.para.lines[0] if node.entries else ""
    found = choice(first)
    return slug(found.options[0], "-") if found else "abschnitt"


def preamble(items: list[Item], inlines: object) -> Preamble | None:
    if not items:
        return None
    blocks_ = tuple(Paragraph(inlines(i.text)) for i in items[1:])  # type: ignore[operator]
    return Preamble(eid="preamble", heading=(items[0].text,), blocks=blocks_ or (Paragraph(()),))


def attachments(items: list[Item]) -> Attachments | None:
    if not items:
        return None
    found = tuple(
        Attachment(eid=f"attachments__att_{n}", heading=(i.text,))
        for n, i in enumerate(items[1:], 1)
    )
    if not found:
        return None
    return Attachments(eid="attachments", items=found, heading=(items[0].text,))
