"""Tracked changes in a Word part: the revisions pending, and the part with all of them
accepted or all rejected, as Word and LibreOffice resolve them.

Word marks inserted and deleted text with containers around runs (``w:ins``, ``w:del``,
``w:moveTo``, ``w:moveFrom``), a paragraph mark inserted or deleted with the same names
inside the paragraph's mark properties (``w:pPr/w:rPr``), table rows in ``w:trPr``, cells
with ``w:cellIns`` and ``w:cellDel``, and formatting changes with the old properties in a
``…Change`` element (``w:rPrChange``, ``w:pPrChange``, ``w:tblPrChange`` …).
A paragraph whose mark goes away joins the next paragraph; the joined paragraph keeps the
properties of the first, unless nothing of the first is left (LibreOffice's rule; Word's
since 2013).
"""

from __future__ import annotations

import copy
from enum import StrEnum
from typing import NamedTuple

from lxml import etree

from lvcheck.document.docx_text import w


class RevisionKind(StrEnum):
    INSERTION = "insertion"
    DELETION = "deletion"
    MOVE_FROM = "moveFrom"
    MOVE_TO = "moveTo"
    FORMATTING = "formatting"


class Revision(NamedTuple):
    """One tracked change: what kind, by whom (``w:author``), when (``w:date``, as written)."""

    kind: RevisionKind
    author: str
    date: str


_INS, _DEL, _MOVE_FROM, _MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
_P, _PPR, _RPR, _TR, _TC = w("p"), w("pPr"), w("rPr"), w("tr"), w("tc")
_CELL_INS, _CELL_DEL, _CELL_MERGE = w("cellIns"), w("cellDel"), w("cellMerge")
_MARKER_PARENTS = {_RPR, w("trPr"), w("numPr")}  # there ins/del mark, not contain
# each formatting change: the properties it sits in, and which of their children are not
# part of the old properties it keeps (they stay as they are when it is rejected)
_CHANGES = {
    w("rPrChange"): {_INS, _DEL, _MOVE_FROM, _MOVE_TO},
    w("pPrChange"): {_RPR, w("sectPr")},
    w("sectPrChange"): {w("headerReference"), w("footerReference")},
    w("tblPrChange"): set(),
    w("trPrChange"): {_INS, _DEL},
    w("tcPrChange"): {_CELL_INS, _CELL_DEL, _CELL_MERGE},
    w("tblPrExChange"): set(),
    w("tblGridChange"): set(),
    w("numberingChange"): set(),
}
_KINDS = {
    _INS: RevisionKind.INSERTION,
    _DEL: RevisionKind.DELETION,
    _MOVE_FROM: RevisionKind.MOVE_FROM,
    _MOVE_TO: RevisionKind.MOVE_TO,
    _CELL_INS: RevisionKind.INSERTION,
    _CELL_DEL: RevisionKind.DELETION,
    _CELL_MERGE: RevisionKind.FORMATTING,
    w("customXmlInsRangeStart"): RevisionKind.INSERTION,
    w("customXmlDelRangeStart"): RevisionKind.DELETION,
    w("customXmlMoveFromRangeStart"): RevisionKind.MOVE_FROM,
    w("customXmlMoveToRangeStart"): RevisionKind.MOVE_TO,
    **dict.fromkeys(_CHANGES, RevisionKind.FORMATTING),
}
_RANGE_MARKS = {
    w(f"{kind}Range{end}")
    for kind in (
        "moveFrom",
        "moveTo",
        "customXmlIns",
        "customXmlDel",
        "customXmlMoveFrom",
        "customXmlMoveTo",
    )
    for end in ("Start", "End")
}
# what a paragraph may hold and still be empty: marks of places, no text, no picture
_NOTHING_SHOWN = {
    _PPR,
    w("bookmarkStart"),
    w("bookmarkEnd"),
    w("commentRangeStart"),
    w("commentRangeEnd"),
    w("proofErr"),
    w("permStart"),
    w("permEnd"),
    *_RANGE_MARKS,
}
_SHOWING = {
    w(tag)
    for tag in (
        "t",
        "tab",
        "ptab",
        "br",
        "cr",
        "sym",
        "noBreakHyphen",
        "softHyphen",
        "drawing",
        "pict",
        "object",
        "fldChar",
        "footnoteReference",
        "endnoteReference",
    )
}


def _old_properties(change: etree._Element) -> bool:
    """Whether a revision mark lies inside the old properties a formatting change keeps."""
    parent = change.getparent()
    holder = parent.getparent() if parent is not None else None
    return holder is not None and holder.tag in _CHANGES


def revisions(root: etree._Element) -> list[Revision]:
    """Every tracked change in a part (``w:document``, ``w:footnotes`` …), in document order."""
    return [
        Revision(_KINDS[str(element.tag)], element.get(w("author"), ""), element.get(w("date"), ""))
        for element in root.iter(*_KINDS)
        if not _old_properties(element)
    ]


def _restore(change: etree._Element) -> None:
    """Reject a formatting change: its properties become the old ones it keeps."""
    holder = change.getparent()
    if holder is None:
        return
    kept = _CHANGES[str(change.tag)]
    old = list(change[0]) if len(change) else []
    current = [child for child in holder if child.tag in kept]
    holder[:] = (
        (current + old) if change.tag in (w("rPrChange"), w("sectPrChange")) else (old + current)
    )


def _inline(parents: list[etree._Element], drop: set[str], unwrap: set[str]) -> None:
    """Dropped containers go with their content, unwrapped ones leave it in their place.
    Each parent is rebuilt once, the deepest first, so the work is linear."""
    for parent in reversed(parents):
        children: list[etree._Element] = []
        for child in parent:
            if child.tag in drop:
                continue
            children.extend(child if child.tag in unwrap else (child,))
        parent[:] = children


def _remove(element: etree._Element | None) -> None:
    parent = element.getparent() if element is not None else None
    if parent is not None:
        parent.remove(element)  # type: ignore[arg-type]


def _empty(paragraph: etree._Element) -> bool:
    return all(
        child.tag in _NOTHING_SHOWN or next(child.iter(*_SHOWING), None) is None
        for child in paragraph
    )


def _next_paragraph(paragraph: etree._Element) -> etree._Element | None:
    """The paragraph after this one, past marks of places (bookmarks) between them."""
    following = paragraph.getnext()
    while following is not None and following.tag in _NOTHING_SHOWN:
        following = following.getnext()
    return following if following is not None and following.tag == _P else None


def _join(marked: list[etree._Element]) -> None:
    """Each paragraph whose mark went away joins the paragraph after it."""
    gone = set(marked)
    done: set[etree._Element] = set()
    for first in marked:
        if first in done:
            continue
        group = [first]
        while group[-1] in gone and (following := _next_paragraph(group[-1])) is not None:
            group.append(following)
        done.update(group)
        shown = [p for p in group if not _empty(p)]
        keeper = shown[0] if shown else group[-1]
        container = first.getparent()
        # nothing is left, not even a following paragraph: all of it goes, unless a table
        # cell would be left without the paragraph it must hold
        if (
            not shown
            and group[-1] in gone
            and container is not None
            and (container.tag != _TC or len(container.findall(_P)) > len(group))
        ):
            for paragraph in group:
                container.remove(paragraph)
            continue
        properties = keeper.find(_PPR)
        content = [c for p in group for c in p if c.tag != _PPR]
        keeper[:] = ([properties] if properties is not None else []) + content
        for paragraph in group:
            if paragraph is not keeper:
                _remove(paragraph)


def resolved(root: etree._Element, accept: bool) -> etree._Element:
    """A copy of a part with every tracked change accepted (``accept``) or rejected."""
    tree = copy.deepcopy(root)
    for change in list(tree.iter(*_CHANGES)):
        if accept or change.tag == w("numberingChange"):
            _remove(change)
        else:
            _restore(change)
    inserted, deleted = {_INS, _MOVE_TO}, {_DEL, _MOVE_FROM}
    drop, keep = (deleted, inserted) if accept else (inserted, deleted)
    parents: dict[etree._Element, None] = {}  # in document order, each once
    marked: list[etree._Element] = []
    for element in list(tree.iter(_INS, _DEL, _MOVE_FROM, _MOVE_TO, *_RANGE_MARKS)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _RANGE_MARKS:
            parent.remove(element)
        elif parent.tag in _MARKER_PARENTS:
            _marker(element, parent, element.tag in drop, marked)
        else:
            parents[parent] = None
    _inline(list(parents), drop, keep)
    for cell_mark in list(tree.iter(_CELL_INS, _CELL_DEL, _CELL_MERGE)):
        goes = (cell_mark.tag == _CELL_DEL) == accept and cell_mark.tag != _CELL_MERGE
        _remove(next(cell_mark.iterancestors(_TC), None) if goes else cell_mark)
    if not accept:
        for text in tree.iter(w("delText"), w("delInstrText")):
            text.tag = w("t") if text.tag == w("delText") else w("instrText")
    _join([p for p in marked if p.getparent() is not None])
    return tree


def _marker(
    element: etree._Element, parent: etree._Element, goes: bool, marked: list[etree._Element]
) -> None:
    """A paragraph mark, table row or numbering that was inserted or deleted: it goes (the
    paragraph to be joined, the row, the numbering) or stays, and the mark is removed."""
    holder = parent.getparent()
    parent.remove(element)
    if not goes or holder is None:
        return
    if parent.tag == _RPR and holder.tag == _PPR:
        paragraph = holder.getparent()
        if paragraph is not None and paragraph.tag == _P:
            marked.append(paragraph)
    elif parent.tag == w("trPr") and holder.tag == _TR:
        _remove(holder)
    elif parent.tag == w("numPr"):
        holder.remove(parent)
