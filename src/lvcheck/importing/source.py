"""What every reader gives the structure stage: the source as paragraphs, in reading order.

A paragraph is what the source keeps together: a Word paragraph, a block of text lines, a
Markdown paragraph. Layout the reader recognised (page numbers, running headers and
footers) is kept apart, so that the fidelity check can leave it out on both sides.
"""

from __future__ import annotations

from typing import NamedTuple


class Para(NamedTuple):
    """One paragraph of the source.

    ``lines`` are its lines as the source breaks them (a line of a text file, a hard line
    break in Word or Markdown); its text is the lines joined by one space. ``label`` is a
    number or bullet the source shows before the text but keeps apart from it (Word's
    automatic numbering); ``level`` a heading level the source marks (Markdown's #, Word's
    outline level), 0 where none; ``bold`` that all of it is bold; ``note`` the marker of
    a footnote's paragraph; ``hints`` what else a reader knows (Word bookmarks, content
    controls), as (kind, value) pairs.
    """

    lines: tuple[str, ...]
    line: int  # where it starts in the source, for messages (1-based)
    label: str = ""
    level: int = 0
    bold: bool = False
    note: str = ""
    hints: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines if line.strip())


class Source(NamedTuple):
    """A source read: its paragraphs, the layout left out, and what the import must report."""

    path: str
    form: str  # "text", "markdown", "docx", "pdf"
    paras: tuple[Para, ...]
    layout: tuple[str, ...] = ()  # page numbers, running headers and footers removed
    comments: int = 0  # comments in a Word document: counted, never imported
    pending: tuple[tuple[str, str], ...] = ()  # tracked changes taken: (kind, author)
