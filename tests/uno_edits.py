"""Edits a lawyer makes in a Word file, made in LibreOffice through UNO (for
tests/uno_worker.py, under Debian's /usr/bin/python3): replace a word, insert a paragraph
after another, delete a paragraph, move clauses before another by cut and paste. The
places are found through the clauses' bookmarks of lvcheck's export; what is typed,
deleted and pasted goes through LibreOffice's own text and clipboard operations, so that
with change tracking on, LibreOffice records them as it records a person's edits.
"""

from __future__ import annotations

from typing import Any

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK


def _anchor(document: Any, bookmark: str) -> Any:
    return document.getBookmarks().getByName(bookmark).getAnchor()


def _whole_paragraphs(document: Any, bookmark: str) -> Any:
    """A cursor over the bookmarked paragraphs, from the start of the first to the end of
    the last."""
    anchor = _anchor(document, bookmark)
    cursor = document.getText().createTextCursorByRange(anchor.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoRange(anchor.getEnd(), True)
    cursor.gotoEndOfParagraph(True)
    return cursor


def _replace(document: Any, edit: dict[str, str]) -> None:
    anchor = _anchor(document, edit["bookmark"])
    search = document.createSearchDescriptor()
    search.setSearchString(edit["old"])
    search.SearchWords = True
    found = document.findNext(anchor.getStart(), search)
    if found is None or document.getText().compareRegionStarts(found, anchor.getEnd()) < 0:
        raise ValueError(f"{edit['old']!r} not in {edit['bookmark']}")
    found.setString(edit["new"])


def _insert_after(document: Any, edit: dict[str, str]) -> None:
    cursor = _whole_paragraphs(document, edit["bookmark"])
    cursor.collapseToEnd()
    text = document.getText()
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, edit["text"], False)


def _delete(document: Any, edit: dict[str, str]) -> None:
    cursor = _whole_paragraphs(document, edit["bookmark"])
    cursor.goRight(1, True)  # the paragraph mark with it
    cursor.setString("")


def _move_before(office: Any, document: Any, edit: dict[str, str]) -> None:
    """Cut the bookmarked paragraphs and paste them before another clause's first one."""
    controller = document.getCurrentController()
    cursor = _whole_paragraphs(document, edit["bookmark"])
    cursor.goRight(1, True)
    controller.select(cursor)
    office.dispatch(document, "Cut")
    target = _anchor(document, edit["before"]).getStart()
    landing = document.getText().createTextCursorByRange(target)
    landing.gotoStartOfParagraph(False)
    controller.getViewCursor().gotoRange(landing, False)
    office.dispatch(document, "Paste")


def apply_edits(office: Any, document: Any, edits: list[dict[str, str]]) -> None:
    """Each edit in turn: replace, insert_after, delete or move_before."""
    for edit in edits:
        operation = edit["op"]
        if operation == "replace":
            _replace(document, edit)
        elif operation == "insert_after":
            _insert_after(document, edit)
        elif operation == "delete":
            _delete(document, edit)
        elif operation == "move_before":
            _move_before(office, document, edit)
        else:
            raise ValueError(f"unknown edit {operation!r}")
