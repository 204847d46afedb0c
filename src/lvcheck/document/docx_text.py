"""The text of a Word paragraph as Word shows it (read through document/docx.py).

Word keeps a paragraph's text in runs (``w:r``) holding ``w:t``, tabs, breaks, special
hyphens and symbols, inside containers (hyperlinks, content controls, smart tags, inserted
text, simple fields); a complex field (``w:fldChar`` begin … separate … end) shows its
result, never its instruction. Deleted and moved-away text is not shown: on a paragraph
whose revisions are pending the text is the one accepting them gives, paragraph marks
aside (document/docx_revisions.py resolves those).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(local: str) -> str:
    """The Clark name ``{namespace}local`` of a WordprocessingML element or attribute."""
    return f"{{{W}}}{local}"


_T, _R, _RPR, _FLD, _SYM = w("t"), w("r"), w("rPr"), w("fldChar"), w("sym")
_NOTES = {w("footnoteReference"), w("endnoteReference"), w("footnoteRef"), w("endnoteRef")}
_SHOWN_AS = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "\u2011",
    w("softHyphen"): "\u00ad",
}
# never shown in the paragraph's running text: properties, deleted and moved-away text,
# field instructions, a content control's settings, ruby annotations, text boxes (their
# paragraphs stand on their own), the fallback copy of alternate content
_NOT_SHOWN = {
    w("pPr"),
    w("rPr"),
    w("del"),
    w("moveFrom"),
    w("instrText"),
    w("delText"),
    w("delInstrText"),
    w("sdtPr"),
    w("sdtEndPr"),
    w("rt"),
    w("txbxContent"),
    f"{{{_MC}}}Fallback",
    w("fldData"),
}
_OFF = {"0", "false", "off"}

NoteText = Callable[[etree._Element], str]


def hidden(run: etree._Element) -> bool:
    """Whether a run is hidden text (``w:vanish``), which Word does not show or print."""
    properties = run.find(_RPR)
    if properties is None:
        return False
    vanish = properties.find(w("vanish"))
    return vanish is not None and vanish.get(w("val"), "true").lower() not in _OFF


def symbol(element: etree._Element) -> str:
    """The character of a ``w:sym`` (its ``w:char`` in hex), or "" when it names none."""
    try:
        code = int(element.get(w("char"), ""), 16)
    except ValueError:
        return ""
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)


class _Reader:
    """One walk over a paragraph: the text shown, and the state of its complex fields."""

    def __init__(self, note: NoteText | None) -> None:
        self.parts: list[str] = []
        self.note = note
        self.fields: list[bool] = []  # open complex fields: True once past "separate"
        self.in_instruction = 0  # how many open fields are still in their instruction

    def field(self, element: etree._Element) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self.fields.append(False)
            self.in_instruction += 1
        elif kind == "separate" and self.fields and not self.fields[-1]:
            self.fields[-1] = True
            self.in_instruction -= 1
        elif kind == "end" and self.fields and not self.fields.pop():
            self.in_instruction -= 1  # a field that ended without a result

    def walk(self, parent: etree._Element, shown: bool) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_SHOWN:
                continue  # comments and processing instructions have no str tag
            if tag == _FLD:
                self.field(child)
                continue
            visible = shown and not self.in_instruction
            if tag == _T or tag == f"{{{_M}}}t":
                if visible:
                    self.parts.append(child.text or "")
            elif tag in _SHOWN_AS:
                if visible:
                    self.parts.append(_SHOWN_AS[tag])
            elif tag == _SYM:
                if visible:
                    self.parts.append(symbol(child))
            elif tag in _NOTES:
                if visible and self.note is not None:
                    self.parts.append(self.note(child))
            elif tag == _R:
                self.walk(child, shown and not hidden(child))
            elif len(child):
                self.walk(child, shown)


def paragraph_text(paragraph: etree._Element, note: NoteText | None = None) -> str:
    """The text of a ``w:p`` as Word shows it.

    ``w:t`` as written, ``w:tab`` and ``w:ptab`` a tab, ``w:br`` and ``w:cr`` a line break,
    ``w:noBreakHyphen`` U+2011, ``w:softHyphen`` U+00AD, ``w:sym`` its character; of a field
    its result; the text inside content controls, hyperlinks and inserted text; nothing of
    hidden, deleted or moved-away text. ``note`` gives the text shown for a footnote or
    endnote reference (``w:footnoteReference``, and ``w:footnoteRef`` inside the note);
    without it they show nothing.
    """
    reader = _Reader(note)
    reader.walk(paragraph, True)
    return "".join(reader.parts)
