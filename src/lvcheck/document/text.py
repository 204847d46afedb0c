"""Folded text of the model: running text as one line, fields as a reader sees them.

Line breaks and runs of spaces in XML running text are layout, so every reader of the
words (the diff, the renderers) folds them the same way, here; citation.text_of does the
same for an lxml element (validate reads the tree, not the model).

Characters a reader cannot see (bidi overrides, zero-width spaces, control characters)
are shown as what they are, ``⟨U+202E⟩``, wherever text is shown: ``visible`` is the one
function that does it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from lvcheck.document.characters import INVISIBLE, INVISIBLE_CLASS, SOFT_HYPHEN, shown_as
from lvcheck.document.model import Field, Inline, Note, Ref, Span
from lvcheck.labels import BLANK, german_date

__all__ = ["INVISIBLE", "INVISIBLE_CLASS", "SOFT_HYPHEN", "shown_as", "visible"]

_SPACE = re.compile(r"\s+")
_NOT_PLAIN_SPACE = re.compile(r"[^\S ]")  # one class: one scan in C


def visible(text: str) -> str:
    """The text with every invisible or control character shown as ``⟨U+XXXX⟩``, so that
    "100" and "100" with a right-to-left override in it never look alike to a reader
    (renderers call this on contract text; the diff on the words it shows)."""
    if INVISIBLE.search(text) is None:  # nearly always: one scan in C
        return text
    return INVISIBLE.sub(lambda found: shown_as(found.group()), text)


def normalize_space(text: str) -> str:
    """Line breaks and runs of spaces in XML running text are layout: one space each."""
    # isprintable() is False for every space but " " and every control (Zs, Zl, Zp, Cc), so
    # True proves what the search would, without the cost of a call into re
    if "  " not in text and (text.isprintable() or _NOT_PLAIN_SPACE.search(text) is None):
        return text  # nearly always, and the substitution would copy it space by space
    return _SPACE.sub(" ", text)


def format_value(item: Field) -> str:
    """A filled value as a German reader expects it (dates as TT.MM.JJJJ), invisible
    characters shown."""
    value = (item.value or "").strip()
    return visible(german_date(value) if item.type == "date" else value)


def field_display(item: Field) -> str:
    """The value of a field, or a visible gap where it is empty."""
    return format_value(item) if item.is_filled else BLANK


def value_text(item: Field) -> str | None:
    """What a reader sees of a filled field: chosen options by their labels, dates as
    TT.MM.JJJJ, other values as given; None when the field is empty."""
    if not item.is_filled:
        return None
    if item.type == "choice":
        chosen = set((item.value or "").split())
        picked = [plain_text(o.children) for o in item.options if o.value in chosen]
        if picked:
            return ", ".join(picked)
    return format_value(item)


def plain_text(items: tuple[Inline, ...], on_note: Callable[[Note], None] | None = None) -> str:
    """Inline content as one line of text; notes leave "[marker]" and go to ``on_note``."""
    if len(items) == 1 and isinstance(items[0], str):  # most numbers and headings
        return normalize_space(visible(items[0])).strip()
    parts: list[str] = []

    def walk(nodes: tuple[Inline, ...]) -> None:
        for node in nodes:
            if isinstance(node, str):
                parts.append(node)
            elif isinstance(node, Span | Ref):
                walk(node.children)
            elif isinstance(node, Field):
                parts.append(field_display(node))
            elif isinstance(node, Note):
                parts.append(f"[{node.marker}]")
                if on_note is not None:
                    on_note(node)

    walk(items)
    # visible first: the controls U+001C-U+001F and U+0085 would otherwise fold as spaces
    return normalize_space(visible("".join(parts))).strip()


def without_notes(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A heading's words without its footnotes, also those inside a span or a reference:
    a footnote is a unit of its own, its marker no word of the heading."""
    kept: list[Inline] = []
    for item in items:
        if isinstance(item, Note):
            continue
        if isinstance(item, Span | Ref) and _has_note(item.children):
            item = replace(item, children=without_notes(item.children))
        kept.append(item)
    return tuple(kept)


def _has_note(items: tuple[Inline, ...]) -> bool:
    return any(
        isinstance(i, Note) or (isinstance(i, Span | Ref) and _has_note(i.children)) for i in items
    )


def heading_words(heading: tuple[Inline, ...] | None) -> str:
    """A heading's words without its footnote markers, as citations name a unit."""
    return plain_text(without_notes(heading or ()))
