"""The redline's promise, checked on the package just made before it is written: accepting
every revision gives exactly the new version's reading text, rejecting every revision the
old one's, word for word against the text export (``lvcheck export --format text``).

The package is read as any Word file that comes back is read, through document/docx.py
(``open_package``, ``resolved``, ``paragraph_text``): lvcheck's own reading of a package.
The redline's text stands between two hidden bookmarks (TEXT_BEGINS, TEXT_ENDS): the
first page (lvcheck's list of changes) and the Synopse are no text of either version.
"""

from __future__ import annotations

from lxml import etree

from lvcheck import codes
from lvcheck.document.docx import open_package, paragraph_text, resolved
from lvcheck.errors import LvcheckError
from lvcheck.rendering.docx.lines import text_words
from lvcheck.rendering.docx.wml import NAME, P, w

TEXT_BEGINS, TEXT_ENDS = "_lvcheck_wortlaut", "_lvcheck_ende"
_BOOKMARK = w("bookmarkStart")


def _text(root: etree._Element) -> list[str]:
    """The text of each paragraph between the bookmarks that begin and end the text."""
    body = root.find(w("body"))
    assert body is not None
    paragraphs: list[str] = []
    inside = False
    for p in body.iterchildren(P):
        marks = {mark.get(NAME) for mark in p.iterchildren(_BOOKMARK)}
        if TEXT_ENDS in marks:
            break
        if inside:
            paragraphs.append(paragraph_text(p))
        inside = inside or TEXT_BEGINS in marks
    return paragraphs


def resolved_paragraphs(package: bytes) -> tuple[list[str], list[str]]:
    """The text of each paragraph of the redline's text with every revision accepted, and
    with every revision rejected. Raises LvcheckError (LV4xx) for a package that cannot be
    read safely."""
    document = open_package(package, "redline.docx").document
    return _text(resolved(document, accept=True)), _text(resolved(document, accept=False))


def _first_difference(made: list[str], wanted: list[str]) -> str:
    at = next(
        (n for n, (a, b) in enumerate(zip(made, wanted, strict=False)) if a != b),
        min(len(made), len(wanted)),
    )
    return (
        f"at word {at + 1}: {' '.join(made[at : at + 6])!r} where the text has "
        f"{' '.join(wanted[at : at + 6])!r}"
    )


def check_redline(package: bytes, old_text: str, new_text: str, label: str) -> None:
    """Raise LvcheckError (LV501) unless accepting every revision of the package gives
    ``new_text`` and rejecting every revision ``old_text``, word for word."""
    accepted, rejected = resolved_paragraphs(package)
    for paragraphs, text, accept in ((accepted, new_text, True), (rejected, old_text, False)):
        side = "new" if accept else "old"
        made = text_words(" ".join(paragraphs))
        wanted = text_words(text)
        if made != wanted:
            verb = "accepted" if accept else "rejected"
            raise LvcheckError(
                label,
                1,
                1,
                codes.REDLINE_UNFAITHFUL,
                f"the redline's revisions, all {verb}, do not give the {side} version's "
                f"text {_first_difference(made, wanted)}; the Word file is not written",
            )
