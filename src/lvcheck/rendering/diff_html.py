"""The diff as one standalone HTML page: a redline of every change, and a Synopse in two
columns, "Bisherige Fassung | Neue Fassung", with "unverändert" and "entfällt" as German
legal drafting writes them. Built as an lxml tree (every text escaped); no external
request; the stylesheet is diff.css beside this module."""

from __future__ import annotations

from lxml import etree

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, Clause, ClauseChange, DiffResult, Level, WordOp
from lvcheck.rendering.diffparts import change_label, change_title, summary
from lvcheck.rendering.htmlkit import append_text, new_page, serialize, sub


def _words(parent: etree._Element, ops: tuple[WordOp, ...], side: str) -> None:
    """One side of a word diff: "old" shows deletions, "new" insertions, "both" both."""
    for op in ops:
        if op.op == "equal":
            append_text(parent, op.new)
            continue
        if side in ("old", "both") and op.old:
            sub(parent, "del", op.old)
        if side in ("new", "both") and op.new:
            sub(parent, "ins", op.new)


def _clause(
    parent: etree._Element, clause: Clause, ops: tuple[WordOp, ...] = (), side: str = ""
) -> None:
    """Number and heading in bold, then the words (or one side of their word diff)."""
    head = " ".join(p for p in (clause.num, clause.heading) if p)
    if head:
        sub(parent, "span", head, class_="num")
    if ops:
        append_text(parent, " ")
        _words(parent, ops, side)
    elif clause.text:
        append_text(parent, (" " if head else "") + clause.text)


def _badge(parent: etree._Element, severity: Level) -> None:
    sub(parent, "span", labels.SEVERITIES[severity], class_=f"badge {severity}")


def _note(parent: etree._Element, text: str) -> None:
    sub(parent, "span", text, class_="note")


def _redline(parent: etree._Element, change: ClauseChange, number: int) -> None:
    article = sub(parent, "article", id=f"aenderung-{number}")
    heading = sub(article, "h3", change_title(change) + " ")
    _badge(heading, change.severity)
    sub(article, "p", change_label(change), class_="note")
    if change.kind in (ChangeKind.INSERTED, ChangeKind.DELETED):
        tag = "ins" if change.kind == ChangeKind.INSERTED else "del"
        for clause in (change.new or change.old, *change.subtree):
            if clause is not None and (clause.text or clause.heading):
                _clause(sub(sub(article, "p"), tag), clause)
        return
    if change.heading_words:
        line = sub(article, "p", f"{labels.HEADING}: ")
        _words(line, change.heading_words, "both")
    if change.rewritten and change.old and change.new:
        sub(sub(article, "p", f"{labels.BEFORE}: "), "del", change.old.text)
        sub(sub(article, "p", f"{labels.AFTER}: "), "ins", change.new.text)
    elif change.words:
        _words(sub(article, "p"), change.words, "both")


Row = tuple[float, Clause | None, Clause | None, tuple[WordOp, ...], str]


def _synopsis_rows(result: DiffResult) -> list[Row]:
    """(position in the new document, old clause, new clause, word diff, note) for every
    clause; a note stands in the right column where the new side shows no text."""
    rows: list[Row] = []
    for old, new in result.unchanged:
        rows.append((new.index, old, None, (), labels.UNCHANGED))
    for run in result.renumbered:
        for old, new in run.pairs:
            rows.append((new.index, old, None, (), f"{labels.UNCHANGED_NOW} {new.num}"))
    for change in result.changes:
        if change.kind == ChangeKind.INSERTED:
            for offset, clause in enumerate((change.new, *change.subtree)):
                rows.append((change.position + offset / 1000, None, clause, (), ""))
        elif change.kind == ChangeKind.DELETED:
            for offset, clause in enumerate((change.old, *change.subtree)):
                rows.append((change.position + offset / 1000, clause, None, (), labels.DROPPED))
        else:
            rows.append((change.position, change.old, change.new, change.words, ""))
    return sorted(rows, key=lambda row: row[0])


def _synopsis(parent: etree._Element, result: DiffResult) -> None:
    section = sub(parent, "section", id="synopse")
    sub(section, "h2", labels.SYNOPSIS)
    table = sub(section, "table")
    header = sub(sub(table, "thead"), "tr")
    sub(header, "th", labels.OLD_VERSION)
    sub(header, "th", labels.NEW_VERSION)
    body = sub(table, "tbody")
    for _, old, new, ops, note in _synopsis_rows(result):
        row = sub(body, "tr")
        left, right = sub(row, "td"), sub(row, "td")
        if old is not None:
            _clause(left, old, ops, "old")
        if new is not None:
            _clause(right, new, ops, "new")
        elif note:
            _note(right, note)


def _table(parent: etree._Element, columns: tuple[str, ...]) -> etree._Element:
    table = sub(parent, "table")
    row = sub(sub(table, "thead"), "tr")
    for column in columns:
        sub(row, "th", column)
    return sub(table, "tbody")


def render_diff_html(result: DiffResult) -> str:
    """The standalone page of a diff."""
    counts = summary(result)
    title = f"{labels.CONTRACT_COMPARISON}: {result.old.label} → {result.new.label}"
    html, body = new_page(title, "diff")
    header = sub(body, "header")
    sub(header, "h1", labels.CONTRACT_COMPARISON)
    sides = sub(header, "p")
    for word, side in ((labels.OLD_VERSION, result.old), (labels.NEW_VERSION, result.new)):
        append_text(sides, f"{word}: ")
        sub(sides, "b", side.title)
        append_text(sides, f" ({side.label}, {labels.VERSION} {side.version})")
        sub(sides, "br")
    nav = sub(header, "nav")
    sub(nav, "a", labels.CHANGES, href="#aenderungen")
    append_text(nav, " · ")
    sub(nav, "a", labels.SYNOPSIS, href="#synopse")
    main = sub(body, "main")
    overview = sub(main, "section", id="uebersicht")
    sub(overview, "h2", labels.OVERVIEW)
    if not counts.total:
        sub(overview, "p", labels.NO_CHANGES)
    else:
        rows = _table(overview, (labels.KIND_OF_CHANGE, labels.COUNT))
        for kind, count in counts.counts.items():
            row = sub(rows, "tr")
            sub(row, "td", labels.CHANGE_KINDS[kind])
            sub(row, "td", str(count))
    if result.metadata:
        section = sub(main, "section", id="kopfdaten")
        sub(section, "h2", labels.HEADER)
        rows = _table(section, (labels.FACT, labels.BEFORE, labels.AFTER, labels.WEIGHT))
        for meta in result.metadata:
            row = sub(rows, "tr")
            sub(row, "td", meta.label)
            sub(row, "td", meta.old or labels.NONE)
            sub(row, "td", meta.new or labels.NONE)
            _badge(sub(row, "td"), meta.severity)
    changes = sub(main, "section", id="aenderungen")
    sub(changes, "h2", labels.CHANGES)
    for number, change in enumerate(result.changes, start=1):
        _redline(changes, change, number)
    if result.renumbered:
        sub(changes, "h3", labels.RENUMBERED_ONLY)
        items = sub(changes, "ul")
        for run in result.renumbered:
            sub(items, "li", f"{run.old_label} → {run.new_label}")
    _synopsis(main, result)
    return serialize(html)
