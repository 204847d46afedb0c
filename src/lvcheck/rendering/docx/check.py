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

from lxml import etree

from lvcheck import codes
from lvcheck.errors import LvcheckError
from lvcheck.rendering.docx.lines import text_words
from lvcheck.rendering.docx.wml import DEL, DEL_TEXT, INS, MOVE_FROM, MOVE_TO, NAME, TAB, P, T, w

TEXT_BEGINS, TEXT_ENDS = "_lvcheck_wortlaut", "_lvcheck_ende"
_BOOKMARK = w("bookmarkStart")
_REVISIONS = frozenset({INS, DEL, MOVE_FROM, MOVE_TO})
_GONE_WHEN_ACCEPTED = frozenset({DEL, MOVE_FROM})


def _revision_of(element: etree._Element, p: etree._Element) -> object:
    """The revision (w:ins, w:del, w:moveFrom, w:moveTo) a text stands in, or None."""
    for ancestor in element.iterancestors():
        if ancestor is p:
            return None
        if ancestor.tag in _REVISIONS:
            return ancestor.tag
    return None


def resolved_paragraphs(package: bytes) -> tuple[list[str], list[str]]:
    """The text of each paragraph of the redline's text with every revision accepted, and
    with every revision rejected."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        data = archive.read("word/document.xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    body = etree.fromstring(data, parser).find(w("body"))
    assert body is not None
    accepted: list[str] = []
    rejected: list[str] = []
    inside = False
    for p in body.iterchildren(P):
        marks = {mark.get(NAME) for mark in p.iterchildren(_BOOKMARK)}
        if TEXT_ENDS in marks:
            break
        if inside:
            kept: list[str] = []
            former: list[str] = []
            for element in p.iter(T, DEL_TEXT, TAB):
                text = "\t" if element.tag == TAB else element.text or ""
                revision = _revision_of(element, p)
                if revision is None:
                    kept.append(text)
                    former.append(text)
                elif revision in _GONE_WHEN_ACCEPTED:
                    former.append(text)
                else:
                    kept.append(text)
            accepted.append("".join(kept))
            rejected.append("".join(former))
        inside = inside or TEXT_BEGINS in marks
    return accepted, rejected


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
