"""The redline's text: both versions' lines (lines.py) as one sequence of paragraphs with
Word revisions, so that accepting every revision leaves exactly the new version's lines and
rejecting every revision exactly the old one's.

Which line is which comes from the diff: lines are paired through the clauses the diff
paired (rendering/synopsis.py pairs them, as for the Synopse); a pair whose order agrees
on both sides is one paragraph, its words changed as the diff's word operations say (the
clause's own, where its text is this one line; else the same word engine on the same
tokens, cut at the line); a line whose clause moved stands at both places, as w:moveFrom
and w:moveTo; a line without a partner is an inserted or deleted paragraph, its paragraph
mark with it. A changed number is a revision of the number. Footnotes are paragraphs of
their own here, where the text export prints them, so that the redline reads in the
order of the text it promises.
"""

from __future__ import annotations

from itertools import count

from lxml import etree

from lvcheck.comparison.changes import DiffResult, WordOp
from lvcheck.comparison.tokens import Token, tokenize
from lvcheck.comparison.words import word_ops
from lvcheck.rendering.docx.export import (
    add_bookmarks,
    new_paragraph,
    plain_marker,
    prefix_text,
    write_pieces,
)
from lvcheck.rendering.docx.lines import EXAMPLE, LEFT_OVER, Line, Lines
from lvcheck.rendering.docx.wml import (
    DEL,
    INS,
    MOVE_FROM,
    MOVE_TO,
    NAME,
    Revision,
    mark_paragraph,
    text_run,
    w,
)
from lvcheck.rendering.synopsis import clause_pairs, in_order, row_pairs, table_lines

Pair = tuple[int, int]


def _inserted(p: etree._Element, text: str, revision: Revision) -> None:
    if text:
        text_run(revision.mark(p, INS), text)


def _deleted(p: etree._Element, text: str, revision: Revision) -> None:
    if text:
        text_run(revision.mark(p, DEL), text, deleted=True)


def _whole(line: Line) -> str:
    return prefix_text(line) + "".join(piece.text for piece in line.pieces)


def _as_written(text: str) -> tuple[Token, ...]:
    """The words of a text as tokens that compare as written, each with its space."""
    return tuple((word, word + " ") for word in text.split())


def _words_of(ops: tuple[WordOp, ...], side: str) -> list[str]:
    return "".join(op.old if side == "old" else op.new for op in ops).split()


class _Writer:
    def __init__(self, body: etree._Element, result: DiffResult, revision: Revision) -> None:
        self.body = body
        self.revision = revision
        # the word operations of each modified clause, by its pair of eIds
        self.words: dict[tuple[str, str], tuple[WordOp, ...]] = {
            (change.old.eid, change.new.eid): change.words
            for change in result.changes
            if change.old is not None and change.new is not None and change.words
        }
        self.moves = count(1)

    def ops(self, old: Line, new: Line) -> tuple[WordOp, ...]:
        """The word operations from the old line's words to the new one's."""
        found = self.words.get((old.clause, new.clause))
        if (
            found is not None
            and old.kind == new.kind != "heading"
            and _words_of(found, "old") == old.text.split()
            and _words_of(found, "new") == new.text.split()
        ):
            return found  # the clause's own text is this one line: the diff's own words
        ops, _ = word_ops(tuple(tokenize(old.text)), tuple(tokenize(new.text)))
        if _words_of(ops, "old") == old.text.split() and _words_of(ops, "new") == new.text.split():
            return ops
        # Tokens fold what a reader cannot see (a soft hyphen, a decomposed umlaut): the diff
        # rightly calls that no change, but the promise is to each side's very characters.
        # Then the same word engine over the words as written marks the words that differ.
        ops, _ = word_ops(_as_written(old.text), _as_written(new.text))
        return ops

    def paired(self, old: Line, new: Line) -> etree._Element:
        p = new_paragraph(self.body, new)
        if old.prefix == new.prefix:
            text_run(p, prefix_text(new))
        else:  # a changed number
            _deleted(p, prefix_text(old), self.revision)
            _inserted(p, prefix_text(new), self.revision)
        if old.text == new.text:
            write_pieces(p, new.pieces, plain_marker)
            return p
        for op in self.ops(old, new):
            if op.op == "equal" and op.old == op.new:
                text_run(p, op.new)
            else:  # equal words written otherwise (quotes, spaces) are a change as well
                _deleted(p, op.old, self.revision)
                _inserted(p, op.new, self.revision)
        return p

    def alone(self, line: Line, tag: str) -> etree._Element:
        """A line inserted or deleted whole, its paragraph mark with it."""
        p = new_paragraph(self.body, line)
        mark_paragraph(p, self.revision, tag)
        (_inserted if tag == INS else _deleted)(p, _whole(line), self.revision)
        return p

    def moved(self, line: Line, tag: str, name: str) -> etree._Element:
        """A line of a moved clause at its old place (w:moveFrom) or its new one (w:moveTo),
        the two named alike."""
        p = new_paragraph(self.body, line)
        mark_paragraph(p, self.revision, tag)
        kind = "moveFrom" if tag == MOVE_FROM else "moveTo"
        start = self.revision.mark(p, w(f"{kind}RangeStart"))
        start.set(NAME, name)
        text_run(self.revision.mark(p, tag), _whole(line))
        etree.SubElement(p, w(f"{kind}RangeEnd")).set(w("id"), start.get(w("id"), ""))
        return p


def write_revisions(
    body: etree._Element, old: Lines, new: Lines, result: DiffResult, revision: Revision
) -> None:
    """The paragraphs of the redline, appended to ``body``; each clause of the new version
    bookmarked as in the export."""
    clauses = clause_pairs(result)
    clauses.update({EXAMPLE: EXAMPLE, LEFT_OVER: LEFT_OVER})
    pairs = row_pairs(old.lines, new.lines, clauses)
    anchored = in_order(pairs)
    partner_of_old = dict(pairs)
    partner_of_new = {j: i for i, j in pairs}
    names: dict[Pair, str] = {}
    writer = _Writer(body, result, revision)
    written: list[etree._Element | None] = [None] * len(new.lines)

    def name(pair: Pair) -> str:
        return names.setdefault(pair, f"lvcheck_move_{next(writer.moves)}")

    for i, j in table_lines(old.lines, new.lines, pairs):
        if i is not None and j is not None:
            written[j] = writer.paired(old.lines[i], new.lines[j])
        elif i is not None:
            partner = partner_of_old.get(i)
            if partner is not None and (i, partner) not in anchored:
                writer.moved(old.lines[i], MOVE_FROM, name((i, partner)))
            else:
                writer.alone(old.lines[i], DEL)
        elif j is not None:
            partner = partner_of_new.get(j)
            if partner is not None and (partner, j) not in anchored:
                written[j] = writer.moved(new.lines[j], MOVE_TO, name((partner, j)))
            else:
                written[j] = writer.alone(new.lines[j], INS)
    add_bookmarks(written, new.bookmarks, revision.ids)
