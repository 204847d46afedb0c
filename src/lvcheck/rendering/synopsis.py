"""The Synopse: two versions side by side, "Bisherige Fassung | Neue Fassung", each column
reading exactly as its version is signed.

Each version is cut into rows, one per line of its reading text (rendering/text.py): a
heading, a paragraph with its number, a point, a form field, a footnote where the text
prints it, a signature line. Rows are paired through the clauses the diff paired (their
eIds, also renumbered and moved ones) and, within a clause, by paragraph and point
(difflib over the rows' words). Paired rows whose order agrees on both sides stand side by
side, with the changed words marked; a row that left that order (a moved clause) stands at
both of its places, each with a link "verschoben nach / von" to the other. A row without a
partner stands alone, its other cell "entfällt" or empty.

Both columns therefore read, top to bottom, as their versions do; tests/test_pages.py
holds every column of every pair of versions in the repository against ``lvcheck export``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest
from typing import Protocol

from lxml import etree

from lvcheck import labels
from lvcheck.comparison.changes import DiffResult, WordOp
from lvcheck.comparison.increasing import longest_increasing
from lvcheck.comparison.tokens import tokenize
from lvcheck.comparison.words import word_ops
from lvcheck.document.citation import Step
from lvcheck.document.kinds import Place
from lvcheck.document.model import (
    Agreement,
    Attachments,
    Conclusions,
    Field,
    Inline,
    ListBlock,
    Note,
    Paragraph,
    Preamble,
    Unit,
)
from lvcheck.document.text import field_display, plain_text
from lvcheck.labels import BLANK
from lvcheck.rendering.htmlkit import append_text, running_text, sub, typeset
from lvcheck.rendering.walk import Walker

CHECKED, UNCHECKED = "☒", "☐"  # a choice as the printed form shows it
CELL_GAP = "\u2003"  # between signature blocks printed side by side


@dataclass(frozen=True)
class Row:
    """One line of a version's reading text, and the clause it belongs to."""

    clause: str  # eId of the innermost clause (or "preface")
    kind: str  # heading, text, note, line
    depth: int
    prefix: str  # the number or bullet printed before the text ("(1)", "a)", "-")
    text: str  # the words, folded, as the text export prints them
    citation: str


class _Rows(Walker):
    """The rows of one version, in the order and with the words of rendering/text.py: a
    unit's number goes with its first paragraph (or stands alone before a sub-unit), and a
    footnote follows the first paragraph or item after its marker."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.pending_notes: list[tuple[Note, str]] = []
        self.prefixes: list[str] = [""]  # per open unit or list: its number, until printed
        self.clauses: list[str] = []
        self.depth = 0

    def inline(self, items: tuple[Inline, ...] | None) -> str:
        here = self.citation()
        return plain_text(items or (), on_note=lambda note: self.pending_notes.append((note, here)))

    def add(self, kind: str, text: str, prefix: str = "", citation: str = "") -> None:
        clause = self.clauses[-1] if self.clauses else "preface"
        citation = citation or self.citation()
        self.rows.append(Row(clause, kind, self.depth, prefix, text, citation))

    def emit(self, text: str) -> None:
        """A paragraph-like row: it carries the pending number; footnotes follow it."""
        prefix, self.prefixes[-1] = self.prefixes[-1], ""
        self.add("text", text, prefix.strip())
        self.flush_notes()

    def flush_notes(self) -> None:
        for note, where in self.pending_notes:
            words = " ".join(plain_text(p.children) for p in note.paragraphs)
            self.clauses.append(note.eid)
            self.add(
                "note",
                f"[{note.marker}] {words}",
                citation=f"{where}, {labels.FOOTNOTE} {note.marker}",
            )
            self.clauses.pop()
        self.pending_notes.clear()

    # ------------------------------------------------------------ walk hooks

    def preface(self, paragraphs: tuple[Paragraph, ...]) -> None:
        for paragraph in paragraphs:
            self.add("text", self.inline(paragraph.children))
            self.flush_notes()

    def preamble(self, preamble: Preamble) -> None:
        self.clauses.append(preamble.eid)
        if preamble.heading is not None:
            self.add("heading", self.inline(preamble.heading))
        self.blocks(preamble.blocks, 0)
        self.clauses.pop()

    def enter_unit(self, unit: Unit, depth: int, position: int) -> None:
        if self.prefixes[-1]:  # a number whose unit starts with a sub-unit: a row of its own
            self.add("text", "", self.prefixes[-1].strip())
            self.prefixes[-1] = ""
        self.clauses.append(unit.eid)
        self.depth = depth
        num = self.inline(unit.num)
        if unit.kind == "point":
            self.prefixes.append(num or "-")
            return
        heading = self.inline(unit.heading)
        if heading:
            self.add("heading", " ".join(part for part in (num, heading) if part))
            self.prefixes.append("")
        else:
            self.prefixes.append(num)

    def leave_unit(self, unit: Unit, depth: int) -> None:
        self.prefixes.pop()
        self.clauses.pop()
        self.depth = depth

    def paragraph(self, paragraph: Paragraph, index: int) -> None:
        self.emit(self.inline(paragraph.children))

    def enter_list(self, block: ListBlock, depth: int, index: int) -> None:
        prefix, self.prefixes[-1] = self.prefixes[-1], ""
        self.prefixes.append(prefix)
        self.clauses.append(block.eid)

    def leave_list(self, block: ListBlock, depth: int) -> None:
        self.prefixes.pop()
        self.clauses.pop()

    def field(self, item: Field, index: int) -> None:
        label = self.inline(item.label)
        if item.type == "choice":
            chosen = set((item.value or "").split())
            boxes = " ".join(
                f"{CHECKED if option.value in chosen else UNCHECKED} {self.inline(option.children)}"
                for option in item.options
            )
            value = " ".join(part for part in (boxes, self.inline(item.hint)) if part)
        else:
            value = field_display(item)
        self.emit(f"{label}: {value}" if label else value)

    def conclusions(self, conclusions: Conclusions) -> None:
        self.clauses.append(conclusions.eid)
        self.depth = 0
        if conclusions.heading is not None:
            self.add("heading", self.inline(conclusions.heading))
        for paragraph in conclusions.paragraphs:
            self.add("text", self.inline(paragraph.children))
            self.flush_notes()
        columns = [
            [self.inline(line.children) or BLANK for line in signature.lines]
            for signature in conclusions.signatures
        ]
        if conclusions.layout == "sideBySide":  # printed line by line across the blocks
            for cells in zip_longest(*columns, fillvalue=""):
                self.add("line", CELL_GAP.join(cell for cell in cells if cell))
        else:
            for number, (signature, column) in enumerate(
                zip(conclusions.signatures, columns, strict=True), start=1
            ):
                self.clauses.append(signature.eid)
                where = self.citation(Step(Place.SIGNATURE, position=number))
                for text in column:
                    self.add("line", text, citation=where)
                self.clauses.pop()
        self.clauses.pop()

    def attachments(self, attachments: Attachments) -> None:
        self.clauses.append(attachments.eid)
        if attachments.heading is not None:
            self.add("heading", self.inline(attachments.heading))
        for position, item in enumerate(attachments.items, start=1):
            self.clauses.append(item.eid)
            where = self.citation(Step(Place.ATTACHMENT, position=position))
            self.add("text", self.inline(item.heading), "-", citation=where)
            self.clauses.pop()
        self.clauses.pop()

    def end(self, agreement: Agreement) -> None:
        self.flush_notes()


def synopsis_rows(agreement: Agreement) -> list[Row]:
    """The rows of a version, in reading order."""
    walker = _Rows()
    walker.walk(agreement)
    return walker.rows


# ---------------------------------------------------------------- pairing


def clause_pairs(result: DiffResult) -> dict[str, str]:
    """Old eId -> new eId of every clause the diff paired."""
    pairs = {old.eid: new.eid for old, new in result.unchanged}
    for run in result.renumbered:
        pairs.update((old.eid, new.eid) for old, new in run.pairs)
    for change in result.changes:
        if change.old is not None and change.new is not None:
            pairs[change.old.eid] = change.new.eid
    pairs.setdefault("preface", "preface")
    return pairs


class RowLike(Protocol):
    """What pairing reads of a row (a Row here, a line of the Word redline)."""

    @property
    def clause(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...


def row_pairs(
    old: Sequence[RowLike], new: Sequence[RowLike], clauses: dict[str, str]
) -> list[tuple[int, int]]:
    """(old row, new row) pairs: within each pair of clauses, rows by their words."""
    new_rows: dict[str, list[int]] = {}
    for j, row in enumerate(new):
        new_rows.setdefault(row.clause, []).append(j)
    old_rows: dict[str, list[int]] = {}
    for i, row in enumerate(old):
        old_rows.setdefault(row.clause, []).append(i)
    pairs = []
    for clause, before in old_rows.items():
        after = new_rows.get(clauses.get(clause, ""), [])
        if len(before) == len(after) == 1:  # most clauses: one row each, as the matcher pairs
            if old[before[0]].kind == new[after[0]].kind:
                pairs.append((before[0], after[0]))
            continue
        matcher = SequenceMatcher(
            None, [old[i].text for i in before], [new[j].text for j in after], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("equal", "replace"):
                for i, j in zip(before[i1:i2], after[j1:j2], strict=False):
                    if old[i].kind == new[j].kind:
                        pairs.append((i, j))
    return pairs


def in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest chain of pairs whose order agrees on both sides."""
    chain = sorted(pairs, key=lambda pair: pair[1])
    return {chain[k] for k in longest_increasing([i for i, _ in chain])}


# ---------------------------------------------------------------- the table

Line = tuple[int | None, int | None]  # (old row, new row): one row of the table


def table_lines(
    old: Sequence[RowLike], new: Sequence[RowLike], pairs: list[tuple[int, int]]
) -> list[Line]:
    anchors = sorted(in_order(pairs))
    lines: list[Line] = []
    i = j = 0
    for a, b in [*anchors, (len(old), len(new))]:
        lines += [(k, None) for k in range(i, a)]
        lines += [(None, k) for k in range(j, b)]
        if a < len(old):
            lines.append((a, b))
        i, j = a + 1, b + 1
    return lines


def _words(parent: etree._Element, ops: tuple[WordOp, ...], side: str) -> None:
    for op in ops:
        if op.op == "equal":  # equal by key; each side shown as it is written there
            running_text(parent, op.old if side == "old" else op.new)
            continue
        text = op.old if side == "old" else op.new
        if text.strip():
            mark = sub(parent, "del" if side == "old" else "ins")
            word = labels.CHANGE_KINDS["deleted" if side == "old" else "inserted"]
            sub(mark, "span", f"{word}: ", class_="sr-only")
            running_text(mark, text.rstrip())
            append_text(parent, " " if text.endswith(" ") else "")


def _cell(cell: etree._Element, row: Row, ops: tuple[WordOp, ...] | None, side: str) -> None:
    """A row's prefix and words; ``ops`` marks the changed words, ``None`` a row that
    came or went whole."""
    line = sub(cell, "div", class_=f"zeile {row.kind} t{min(row.depth, 6)}")
    if row.prefix and row.prefix != "-":
        sub(line, "span", typeset(row.prefix), class_="num")
        append_text(line, " ")
    elif row.prefix:
        sub(line, "span", "–", class_="strich", aria_hidden="true")
        append_text(line, " ")
    if ops is None:
        mark = sub(line, "del" if side == "old" else "ins")
        word = labels.CHANGE_KINDS["deleted" if side == "old" else "inserted"]
        sub(mark, "span", f"{word}: ", class_="sr-only")
        running_text(mark, row.text)
    elif ops:
        _words(line, ops, side)
    else:
        running_text(line, row.text)


def _note(cell: etree._Element, text: str, target: str | None = None, where: str = "") -> None:
    note = sub(cell, "span", class_="anm")
    if target is None:
        note.text = text
    else:
        append_text(note, f"{text} ")
        sub(note, "a", typeset(where), href=f"#{target}")


def render_synopsis(
    parent: etree._Element, result: DiffResult, old: Agreement, new: Agreement
) -> None:
    """The Synopse of two versions as a section of the comparison page."""
    left, right = synopsis_rows(old), synopsis_rows(new)
    pairs = row_pairs(left, right, clause_pairs(result))
    partner_of_old = dict(pairs)
    partner_of_new = {j: i for i, j in pairs}
    anchored = in_order(pairs)
    section = sub(parent, "section", id="synopse", aria_labelledby="synopse-titel")
    sub(section, "h2", labels.SYNOPSIS, id="synopse-titel")
    columns = (
        f"{labels.OLD_VERSION} ({labels.VERSION} {result.old.version})",
        f"{labels.NEW_VERSION} ({labels.VERSION} {result.new.version})",
    )
    table = sub(section, "table", class_="synopse")
    head = sub(sub(table, "thead"), "tr")
    for column in columns:
        sub(head, "th", column, scope="col")
    body = sub(table, "tbody")
    moved_clause = {"old": "", "new": ""}  # the "verschoben" note once per moved clause
    for i, j in table_lines(left, right, pairs):
        tr = sub(body, "tr")
        old_cell = sub(tr, "td", data_spalte=labels.OLD_VERSION)
        new_cell = sub(tr, "td", data_spalte=labels.NEW_VERSION)
        if i is not None and j is not None:
            ops, _ = word_ops(tuple(tokenize(left[i].text)), tuple(tokenize(right[j].text)))
            changed = any(op.op != "equal" for op in ops)
            tr.set("class", "geaendert" if changed else "gleich")
            old_cell.set("id", f"a{i}")
            new_cell.set("id", f"n{j}")
            _cell(old_cell, left[i], ops if changed else (), "old")
            _cell(new_cell, right[j], ops if changed else (), "new")
        elif i is not None:
            old_cell.set("id", f"a{i}")
            partner = partner_of_old.get(i)
            if partner is not None and (i, partner) not in anchored:
                tr.set("class", "verschoben")
                _cell(old_cell, left[i], (), "old")
                if moved_clause["old"] != left[i].clause:
                    _note(new_cell, labels.MOVED_TO, f"n{partner}", right[partner].citation)
                moved_clause["old"] = left[i].clause
            else:
                tr.set("class", "gestrichen")
                _cell(old_cell, left[i], None, "old")
                _note(new_cell, labels.DROPPED)
        elif j is not None:
            new_cell.set("id", f"n{j}")
            partner = partner_of_new.get(j)
            if partner is not None and (partner, j) not in anchored:
                tr.set("class", "verschoben")
                if moved_clause["new"] != right[j].clause:
                    _note(old_cell, labels.MOVED_FROM, f"a{partner}", left[partner].citation)
                moved_clause["new"] = right[j].clause
                _cell(new_cell, right[j], (), "new")
            else:
                tr.set("class", "eingefuegt")
                _cell(new_cell, right[j], None, "new")
