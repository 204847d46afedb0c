"""Word documents (.docx) read into paragraphs, through document/docx.py's hardened package.

Tracked changes are never taken silently: pending ones stop the import (LV410) unless it
was told to accept or reject them all, which document/docx.py's ``resolved`` does as Word
does. Comments are counted. Each paragraph keeps its text as Word shows it, the label
Word's numbering shows before it (numbering.py), its heading level (a heading style or an
outline level), whether it is bold throughout, its hard line breaks as lines, and the
clause bookmarks lvcheck's export put around it (hints for the way back). A table row is
one line, its cells apart by tabs (signature blocks side by side). Footnotes stand as
notes where their reference stands.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from lvcheck import codes
from lvcheck.document.bookmarks import PREFIX
from lvcheck.document.docx import Package, open_package, paragraph_text, resolved, revisions, w
from lvcheck.errors import LvcheckError
from lvcheck.importing.fields import ALONE as BLANK_ALONE
from lvcheck.importing.items import NOTE_END, NOTE_MARK
from lvcheck.importing.numbering import Numbering, heading_level
from lvcheck.importing.source import Para, Source

_BRACKETED = re.compile(f"\\[({NOTE_MARK}\\d+{NOTE_END})\\]")
FORM_STYLE = "Formularfeld"  # the paragraph style of a form line in lvcheck's Word export
_BOX = re.compile(r"\s*\[[ xX]\]\s*")
_HEADING_STYLES = ("heading", "berschrift", "title", "titel")


def _pending(package: Package, label: str, accept: bool | None) -> tuple[tuple[str, str], ...]:
    """The tracked changes of the document; raises LV410 where they are pending."""
    found = revisions(package.document)
    footnotes = package.footnotes
    if footnotes is not None:
        found += revisions(footnotes)
    taken = tuple((str(r.kind), r.author or "") for r in found)
    if found and accept is None:
        kinds = Counter(str(r.kind) for r in found)
        authors = sorted({r.author for r in found if r.author})
        counted = ", ".join(f"{n} {kind}(s)" for kind, n in sorted(kinds.items()))
        who = f"; by {', '.join(authors)}" if authors else ""
        raise LvcheckError(
            label,
            1,
            1,
            codes.DOCX_TRACKED_CHANGES,
            f"{len(found)} tracked change(s) pending ({counted}{who}): choose "
            "--accept-changes or --reject-changes",
        )
    return taken


class _Reader:
    def __init__(self, package: Package, accept: bool | None) -> None:
        def view(root: etree._Element | None) -> etree._Element | None:
            return resolved(root, accept) if root is not None and accept is not None else root

        self.document = view(package.document)
        assert self.document is not None
        self.numbering = Numbering(package.numbering, package.styles)
        self.paras: list[Para] = []
        self.notes: list[Para] = []
        self.note_texts: dict[str, etree._Element] = {}
        footnotes = view(package.footnotes)
        if footnotes is not None:
            for note in footnotes.iter(w("footnote")):
                if note.get(w("type")) in (None, "normal"):
                    self.note_texts[note.get(w("id"), "")] = note
        self.markers = 0
        self.line = 0

    def note(self, reference: etree._Element) -> str:
        """The marker of a footnote where its reference stands; its text kept apart."""
        if reference.tag != w("footnoteReference"):
            return ""
        note = self.note_texts.get(reference.get(w("id"), ""))
        if note is None:
            return ""
        self.markers += 1
        marker = str(self.markers)
        text = " ".join(
            paragraph_text(p).strip() for p in note.iter(w("p")) if paragraph_text(p).strip()
        )
        # lvcheck's export writes the marker as text, "[1]" before the note and around
        # the reference: layout, as Word's own reference marks are
        text = re.sub(rf"^\[{marker}\]\s+", "", text)
        self.notes.append(Para((text,), self.line, note=marker))
        return f"{NOTE_MARK}{marker}{NOTE_END}"

    def paragraph(self, element: etree._Element, bookmarks: list[str]) -> None:
        self.line += 1
        props = element.find(w("pPr"))
        style_element = props.find(w("pStyle")) if props is not None else None
        style = style_element.get(w("val")) if style_element is not None else None
        label = self.numbering.label(element, style)
        text = _BRACKETED.sub(r"\1", paragraph_text(element, self.note))
        if style == FORM_STYLE:
            text = _form_line(text)
        if not text.strip() and not label:
            return
        level = self.numbering.outline_level(style)
        outline = props.find(w("outlineLvl")) if props is not None else None
        if outline is not None:
            level = heading_level(outline)
        if not level and style and any(s in style.lower() for s in _HEADING_STYLES):
            level = 1
        hints = tuple(("bookmark", name) for name in bookmarks)
        lines = tuple(text.split("\n"))
        self.paras.append(
            Para(
                lines, self.line, label=label, level=min(level, 6), bold=_bold(element), hints=hints
            )
        )

    def row(self, row: etree._Element) -> None:
        self.line += 1
        cells = []
        for cell in row.iter(w("tc")):
            texts = [paragraph_text(p, self.note).strip() for p in cell.iter(w("p"))]
            cells.append(" ".join(t for t in texts if t))
        if any(cells):
            self.paras.append(Para(("\t".join(cells),), self.line))

    def body(self) -> None:
        assert self.document is not None
        body = self.document.find(w("body"))
        if body is None:
            return
        pending: list[str] = []
        for element in body.iter(w("p"), w("tr"), w("bookmarkStart")):
            if element.tag == w("bookmarkStart"):
                name = element.get(w("name"), "")
                if name.startswith(PREFIX):
                    pending.append(name)
                continue
            if element.tag == w("tr"):
                self.row(element)
                pending = []
            elif not _in_table(element):
                self.paragraph(element, pending)
                pending = []


def _form_line(text: str) -> str:
    """A form line as lvcheck's export prints it ("Name: __________", "[ ] Kindergarten
    [ ] Kinderkrippe") as a form writes it: the label and a tab, the options apart."""
    if _BOX.search(text):
        return _BOX.sub("   ", text).strip()
    label, colon, value = text.partition(": ")
    if colon and label.strip() and len(label.split()) <= 8:
        return f"{label}\t{'' if BLANK_ALONE.fullmatch(value) else value}"
    return text


def _in_table(element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == w("tc"):
            return True
        parent = parent.getparent()
    return False


def _bold(paragraph: etree._Element) -> bool:
    """Whether every run with text is bold (directly; a heading style says it otherwise)."""
    runs = [r for r in paragraph.iter(w("r")) if "".join(r.itertext()).strip()]
    if not runs:
        return False
    for run in runs:
        bold = run.find(f"{w('rPr')}/{w('b')}")
        if bold is None or bold.get(w("val"), "true") in ("0", "false"):
            return False
    return True


def read_docx(data: bytes, label: str, accept: bool | None) -> Source:
    """A Word document's paragraphs. Raises LvcheckError when it cannot be read safely
    (LV401-LV406) or has tracked changes pending and no view of them was chosen (LV410)."""
    package = open_package(data, label)
    taken = _pending(package, label, accept)
    reader = _Reader(package, accept)
    reader.body()
    comments = package.comments
    counted = len(list(comments.iter(w("comment")))) if comments is not None else 0
    paras = tuple(reader.paras) + tuple(reader.notes)
    return Source(label, "docx", paras, comments=counted, pending=taken)
