"""The Synopse as a Word table: "Bisherige Fassung | Neue Fassung", one row per line of
the two versions, paired as the Synopse of the HTML page pairs them (rendering/synopsis.py).
A line the new version keeps word for word reads "unverändert" on the right; a line it
drops, "entfällt"; changed words are struck through on the left and underlined on the
right (character styles, not revisions: the table is a reading aid beside the text, and
accepting or rejecting the redline's revisions leaves it as it is).
"""

from __future__ import annotations

from lxml import etree

from lvcheck import labels
from lvcheck.comparison.changes import DiffResult
from lvcheck.comparison.tokens import tokenize
from lvcheck.comparison.words import word_ops
from lvcheck.rendering.docx.lines import Line, Lines
from lvcheck.rendering.docx.wml import cells, paragraph, table, table_row, text_run
from lvcheck.rendering.synopsis import clause_pairs, in_order, row_pairs, table_lines

WIDTHS = (4535, 4535)  # two columns of 8 cm
STRUCK, UNDERLINED = "Gestrichen", "Eingefuegt"


def _text(cell: etree._Element, line: Line | None, style: str = "") -> None:
    p = paragraph(cell, "Tabellentext")
    if line is not None:
        text_run(p, f"{line.prefix} {line.text}".strip(), style)


def _note(cell: etree._Element, text: str) -> None:
    text_run(paragraph(cell, "Hinweis"), text)


def _changed(left: etree._Element, right: etree._Element, old: Line, new: Line) -> None:
    before, after = paragraph(left, "Tabellentext"), paragraph(right, "Tabellentext")
    if old.prefix != new.prefix:
        text_run(before, old.prefix + " ", STRUCK)
        text_run(after, new.prefix + " ", UNDERLINED)
    elif old.prefix:
        text_run(before, old.prefix + " ")
        text_run(after, new.prefix + " ")
    ops, _ = word_ops(tuple(tokenize(old.text)), tuple(tokenize(new.text)))
    for op in ops:
        equal = op.op == "equal"
        text_run(before, op.old, "" if equal else STRUCK)
        text_run(after, op.new, "" if equal else UNDERLINED)


def write_synopsis(body: etree._Element, result: DiffResult, old: Lines, new: Lines) -> None:
    """The Synopse's heading and table, appended to ``body``."""
    text_run(paragraph(body, "Heading1"), labels.SYNOPSIS)
    columns = (
        f"{labels.OLD_VERSION} ({labels.VERSION} {result.old.version})",
        f"{labels.NEW_VERSION} ({labels.VERSION} {result.new.version})",
    )
    tbl = table(body, columns, WIDTHS)
    pairs = row_pairs(old.lines, new.lines, clause_pairs(result))
    partner_of_old = dict(pairs)
    partner_of_new = {j: i for i, j in pairs}
    anchored = in_order(pairs)
    for i, j in table_lines(old.lines, new.lines, pairs):
        left, right = cells(table_row(tbl, WIDTHS))
        if i is not None and j is not None:
            before, after = old.lines[i], new.lines[j]
            if before.words == after.words:
                _text(left, before)
                _note(right, labels.UNCHANGED)
            else:
                _changed(left, right, before, after)
        elif i is not None:
            _text(left, old.lines[i])
            partner = partner_of_old.get(i)
            if partner is not None and (i, partner) not in anchored:
                _note(right, f"{labels.MOVED_TO} {new.lines[partner].citation}")
            else:
                _note(right, labels.DROPPED)
        elif j is not None:
            partner = partner_of_new.get(j)
            if partner is not None and (partner, j) not in anchored:
                _note(left, f"{labels.MOVED_FROM} {old.lines[partner].citation}")
            else:
                _text(left, None)
            _text(right, new.lines[j], UNDERLINED)
