"""The redline's promise, checked on the package just made before it is written: accepting
every revision gives exactly the new version's reading text, rejecting every revision the
old one's, word for word against the text export (``lvcheck export --format text``).

The redline's text stands between two hidden bookmarks (TEXT_BEGINS, TEXT_ENDS): the
first page (lvcheck's list of changes) and the Synopse are no text of either version.
``resolved_paragraphs`` reads the package's body as Word shows it with all revisions
accepted or rejected: the smallest reader the check needs (document/docx.py, the import's
hardened reader of Word files that come back, is written apart).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from lvcheck import codes
from lvcheck.errors import LvcheckError
from lvcheck.rendering.docx.lines import text_words
from lvcheck.rendering.docx.wml import DEL, DEL_TEXT, INS, MOVE_FROM, MOVE_TO, NAME, TAB, P, T, w

TEXT_BEGINS, TEXT_ENDS = "_lvcheck_wortlaut", "_lvcheck_ende"
_BOOKMARK = w("bookmarkStart")
_SKIPPED = {True: frozenset({DEL, MOVE_FROM}), False: frozenset({INS, MOVE_TO})}


def _texts(element: etree._Element, accept: bool) -> Iterator[str]:
    skipped = _SKIPPED[accept]
    for child in element:
        tag = child.tag
        if tag in skipped:
            continue
        if tag == T or (tag == DEL_TEXT and not accept):
            yield child.text or ""
        elif tag == TAB:
            yield "\t"
        elif len(child):
            yield from _texts(child, accept)


def resolved_paragraphs(package: bytes, accept: bool) -> list[str]:
    """The text of each paragraph of the redline's text, every revision accepted (or, with
    ``accept`` False, rejected)."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        data = archive.read("word/document.xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    body = etree.fromstring(data, parser).find(w("body"))
    assert body is not None
    paragraphs: list[str] = []
    inside = False
    for p in body.iterchildren(P):
        marks = {mark.get(NAME) for mark in p.iterchildren(_BOOKMARK)}
        if TEXT_ENDS in marks:
            break
        if inside:
            paragraphs.append("".join(_texts(p, accept)))
        inside = inside or TEXT_BEGINS in marks
    return paragraphs


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
    for accept, text, side in ((True, new_text, "new"), (False, old_text, "old")):
        made = text_words(" ".join(resolved_paragraphs(package, accept)))
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
