"""The one canonical layout of agreement XML, so that a pull request shows only real
change; `lvcheck fmt` applies it (format_file).

- one block element per line, indented by two spaces per level;
- running text (the content of p, num, heading, label, option, hint, title, note) is
  never touched, so no word, space or inline element inside it can change;
- attributes in one fixed order (identity first, then kind, then details);
- UTF-8, an XML declaration with double quotes, a final newline.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from lvcheck.document.parse import NAMESPACE, REPOSITORY_ROOTS, parse_bytes, read_bytes
from lvcheck.output import write_atomic

TEXT_CONTAINERS = frozenset(
    f"{{{NAMESPACE}}}{name}"
    for name in ("p", "num", "heading", "label", "option", "hint", "title", "note", "deviation")
)

ATTRIBUTE_ORDER = (
    "eId",
    "id",
    "name",
    "work",
    "version",
    "type",
    "kind",
    "role",
    "party",
    "refersTo",
    "jurisdiction",
    "region",
    "language",
    "date",
    "status",
    "example",
    "digest",
    "field",
    "target",
    "after",
    "source",
    "old",
    "new",
    "href",
    "statute",
    "section",
    "paragraph",
    "sentence",
    "number",
    "following",
    "document",
    "part",
    "value",
    "required",
    "multiple",
    "marker",
    "layout",
    "indefinite",
    "period",
    "unit",
    "clause",
    "before",
    "form",
    "upon",
    "governedBy",
    "title",
)
_RANK = {name: rank for rank, name in enumerate(ATTRIBUTE_ORDER)}
INDENT = "  "
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _order_attributes(element: etree._Element) -> None:
    items = list(element.attrib.items())
    ordered = sorted(items, key=lambda item: (_RANK.get(item[0], len(_RANK)), item[0]))
    if ordered != items:
        element.attrib.clear()
        for key, value in ordered:
            element.set(key, value)


def is_block(element: etree._Element) -> bool:
    """A block element holds only elements and layout whitespace, never running text."""
    if element.tag in TEXT_CONTAINERS:
        return False
    if element.text and element.text.strip():
        return False  # unexpected text: leave it as it stands rather than lose it
    return all(not (child.tail and child.tail.strip()) for child in element)


def _layout(element: etree._Element, depth: int) -> None:
    if isinstance(element.tag, str):
        _order_attributes(element)
    if not isinstance(element.tag, str) or not is_block(element):
        return
    children = list(element)
    if not children:
        element.text = None
        return
    inner = "\n" + INDENT * (depth + 1)
    element.text = inner
    for child in children:
        _layout(child, depth + 1)
        child.tail = inner
    children[-1].tail = "\n" + INDENT * depth


def serialize(tree: etree._ElementTree) -> bytes:
    """The canonical bytes of a tree. The tree itself is not changed."""
    original = tree.getroot()
    root = copy.deepcopy(original)
    _layout(root, 0)
    # Comments and processing instructions outside the root are content too: keep them.
    before = [
        etree.tostring(node, encoding="UTF-8", with_tail=False) + b"\n"
        for node in reversed(list(original.itersiblings(preceding=True)))
    ]
    after = [
        etree.tostring(node, encoding="UTF-8", with_tail=False) + b"\n"
        for node in original.itersiblings()
    ]
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False) + b"\n"
    return DECLARATION + b"".join(before) + body + b"".join(after)


class FormatResult(NamedTuple):  # a NamedTuple: validate loads this module (document/seal.py)
    path: Path
    changed: bool  # the file was not canonical (and, unless checking, has been rewritten)


def format_file(path: Path, check_only: bool) -> FormatResult:
    """Rewrite one file canonically, or only tell whether it is. Raises LvcheckError."""
    data = read_bytes(path)
    canonical = serialize(parse_bytes(data, str(path), REPOSITORY_ROOTS))
    if canonical == data:
        return FormatResult(path, changed=False)
    if not check_only:
        write_atomic(path, canonical)
    return FormatResult(path, changed=True)
