"""A source's paragraphs as items: the text of each, its label, and its footnotes.

Text and PDF sources break paragraphs where the page broke them; their paragraphs are cut
where a line starts a new one (lines.py). Word and Markdown paragraphs stay as they are.
A footnote of a text is found by its number: a paragraph "1 Merkmale …" after a word that
ends in that number ("Strukturqualität1"); the marker is cut from the word and kept as
NOTE_MARK, so that the note stands where the marker stood.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lvcheck.importing.labels import Label, from_word, label_of
from lvcheck.importing.lines import SHORT, joined, split, width
from lvcheck.importing.source import Para, Source

NOTE_MARK = "\ue000"  # NOTE_MARK + marker + NOTE_END: where a footnote is anchored
NOTE_END = "\ue001"
_GLUED = re.compile(r"(?<=[^\W\d_])(\d{1,2})(?=[\s,.;:)]|$)")  # "Strukturqualität1"
_NOTE_START = re.compile(r"(\d{1,2})\s+(?=\S)")
_FINAL = (".", ":", ";", "!", "?")


class Item(NamedTuple):
    """One paragraph of the source as the structure reads it."""

    text: str  # without its label; footnote markers as NOTE_MARK … NOTE_END
    label: Label | None
    para: Para
    short: bool  # one line that stops short of the margin, or a heading by its format

    @property
    def line(self) -> int:
        return self.para.line

    @property
    def explicit_heading(self) -> bool:
        """A heading by its format: Markdown's #, bold throughout, Word's heading style."""
        return self.para.level > 0 or self.para.bold

    @property
    def short_text(self) -> str:
        """The text of a heading-like item in lower case, without a colon; else ""."""
        return self.text.strip().rstrip(":").strip().lower() if self.heading_like else ""

    @property
    def heading_like(self) -> bool:
        """Might be a heading: one short line without a sentence's end, or by its format."""
        if self.explicit_heading:
            return True
        return self.short and not self.text.rstrip().endswith(_FINAL) and bool(self.text)


def _item(para: Para, full: int, broken: bool) -> Item:
    text = joined(para.lines) if broken else " ".join(p.strip() for p in para.lines).strip()
    if para.label:  # Word's numbering: the label is apart from the text
        label = from_word(para.label)
        rest = text
        if label is None:
            rest = f"{para.label} {text}".strip()
    else:
        label, rest = label_of(text)
    lines = [line for line in para.lines if line.strip()]
    short = broken and len(lines) == 1 and len(lines[0].strip()) <= full * SHORT
    return Item(rest.strip(), label, para, short or para.level > 0)


def _notes(items: list[Item]) -> list[Item]:
    """Footnotes of a text found by their numbers, their markers cut from the words."""
    out: list[Item] = []
    pending: dict[str, int] = {}  # marker -> the item (in out) whose word ends in it
    for item in items:
        start = _NOTE_START.match(item.text) if item.label is None else None
        if start and start.group(1) in pending:
            marker = start.group(1)
            at = pending.pop(marker)
            anchor = out[at].text
            found = next(m for m in _GLUED.finditer(anchor) if m.group(1) == marker)
            marked = (
                f"{anchor[: found.start()]}{NOTE_MARK}{marker}{NOTE_END}{anchor[found.end() :]}"
            )
            out[at] = out[at]._replace(text=marked)
            note = item.para._replace(note=marker)
            out.append(item._replace(text=item.text[start.end() :], para=note))
            continue
        for glued in _GLUED.finditer(item.text):
            pending.setdefault(glued.group(1), len(out))
        out.append(item)
    return out


def itemize(source: Source) -> list[Item]:
    """The items of a source, in reading order."""
    broken = source.form in ("text", "pdf")
    full = width(source.paras)
    paras: list[Para] = []
    for para in source.paras:
        paras.extend(split(para, full) if broken else [para])
    items = [_item(para, full, broken) for para in paras]
    return _notes(items) if broken else items
