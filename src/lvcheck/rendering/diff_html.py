"""The diff as one standalone HTML page for reviewing it: an overview that lists every
change (citation, kind, weight) with a link to it, the header's changes, a redline of each
change ("Änderung 3 von 12", links to the previous and next one), and a Synopse of both
versions (synopsis.py). Material changes can be shown alone with a checkbox that works by
CSS alone: reading needs no JavaScript.

Built as an lxml tree (every text escaped); no external request; the stylesheets are
base.css and diff.css beside this module. Deleted and inserted words are struck through
and underlined (readable in black and white), separated by a space, and announced to
screen readers as "gestrichen:" and "eingefügt:".
"""

from __future__ import annotations

from lxml import etree

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, Clause, ClauseChange, DiffResult, Level, WordOp
from lvcheck.rendering.diffparts import change_label, change_title, eid_run_line, summary
from lvcheck.rendering.htmlkit import (
    append_text,
    new_page,
    running_text,
    serialize,
    sub,
    table,
    typeset,
)
from lvcheck.rendering.pageparts import SiteLinks, breadcrumb
from lvcheck.rendering.synopsis import render_synopsis

FILTER = "nur-wesentliche"  # the checkbox that hides all but material changes


def _mark(parent: etree._Element, words: str, tag: str) -> None:
    """Deleted (del) or inserted (ins) words, announced as such to a screen reader."""
    element = sub(parent, tag)
    word = labels.CHANGE_KINDS["deleted" if tag == "del" else "inserted"]
    sub(element, "span", f"{word}: ", class_="sr-only")
    running_text(element, words)


def _words(parent: etree._Element, ops: tuple[WordOp, ...]) -> None:
    """A word diff in one line: deleted words, a space, the words inserted for them."""
    for op in ops:
        if op.op == "equal":
            running_text(parent, op.new)
            continue
        old, new = op.old.strip(), op.new.strip()
        if old:
            _mark(parent, old, "del")
        if old and new:
            append_text(parent, " ")
        if new:
            _mark(parent, new, "ins")
        trailing = op.new if new else op.old
        append_text(parent, " " if trailing.endswith(" ") else "")


def _clause(parent: etree._Element, clause: Clause, tag: str) -> None:
    """An inserted or deleted clause: number and heading in bold, then its words."""
    line = sub(parent, "p")
    head = " ".join(p for p in (clause.num, clause.heading) if p)
    if head:
        sub(line, "span", typeset(head), class_="num")
        append_text(line, " ")
    if clause.text:
        _mark(line, clause.text, tag)


def _badge(parent: etree._Element, severity: Level) -> None:
    sub(parent, "span", labels.SEVERITIES[severity], class_=f"badge {severity}")


def _classes(change: ClauseChange) -> str:
    return "aenderung wesentlich" if change.severity == Level.MATERIAL else "aenderung"


def _redline(parent: etree._Element, change: ClauseChange, number: int, total: int) -> None:
    article = sub(
        parent,
        "article",
        id=f"aenderung-{number}",
        class_=_classes(change),
        aria_labelledby=f"aenderung-{number}-titel",
    )
    heading = sub(article, "h3", id=f"aenderung-{number}-titel")
    sub(heading, "span", labels.CHANGE_OF.format(number=number, total=total), class_="stelle")
    append_text(heading, " " + typeset(change_title(change)) + " ")
    _badge(heading, change.severity)
    steps = sub(
        article,
        "nav",
        class_="blaettern",
        aria_label=labels.CHANGE_OF.format(number=number, total=total),
    )
    if number > 1:
        sub(steps, "a", f"← {labels.PREVIOUS_CHANGE}", href=f"#aenderung-{number - 1}")
    if number < total:
        sub(steps, "a", f"{labels.NEXT_CHANGE} →", href=f"#aenderung-{number + 1}")
    sub(steps, "a", f"↑ {labels.LIST_OF_CHANGES}", href="#liste")
    sub(article, "p", change_label(change), class_="art")
    if change.kind in (ChangeKind.INSERTED, ChangeKind.DELETED):
        tag = "ins" if change.kind == ChangeKind.INSERTED else "del"
        for clause in (change.new or change.old, *change.subtree):
            if clause is not None and (clause.text or clause.heading):
                _clause(article, clause, tag)
        return
    if change.heading_words:
        line = sub(article, "p", f"{labels.HEADING}: ")
        _words(line, change.heading_words)
    if change.rewritten and change.old and change.new:
        before = sub(article, "p", f"{labels.BEFORE}: ")
        _mark(before, change.old.text, "del")
        after = sub(article, "p", f"{labels.AFTER}: ")
        _mark(after, change.new.text, "ins")
    elif change.words:
        _words(sub(article, "p"), change.words)


def _overview(main: etree._Element, result: DiffResult) -> None:
    counts = summary(result)
    overview = sub(main, "section", id="uebersicht", aria_labelledby="uebersicht-titel")
    sub(overview, "h2", labels.OVERVIEW, id="uebersicht-titel")
    if not counts.total:
        sub(overview, "p", labels.NO_CHANGES)
        return
    sub(overview, "p", ", ".join(f"{n} {labels.CHANGE_KINDS[k]}" for k, n in counts.counts.items()))
    if not result.changes:
        return
    listing = sub(overview, "div", id="liste")
    sub(listing, "h3", labels.LIST_OF_CHANGES)
    toggle = sub(listing, "p", class_="filter")
    sub(toggle, "input", type="checkbox", id=FILTER)
    append_text(toggle, " ")
    sub(toggle, "label", labels.ONLY_MATERIAL, for_=FILTER)
    rows = table(listing, labels.CHANGE_LIST_COLUMNS, labels.LIST_OF_CHANGES, class_="liste")
    for number, change in enumerate(result.changes, start=1):
        row = sub(rows, "tr", class_=_classes(change))
        sub(row, "td", str(number))
        sub(sub(row, "td"), "a", typeset(change_title(change)), href=f"#aenderung-{number}")
        sub(row, "td", change_label(change))
        _badge(sub(row, "td"), change.severity)


def render_diff_html(result: DiffResult, links: SiteLinks | None = None) -> str:
    """The standalone page of a diff; ``links`` place it in the static site."""
    title = f"{labels.CONTRACT_COMPARISON}: {result.old.title} → {result.new.title}"
    running = (
        f"{labels.CONTRACT_COMPARISON}: {labels.VERSION} {result.old.version} → "
        f"{result.new.version} · {result.new.title}"
    )
    html, body = new_page(title, "diff", running_header=running)
    header = sub(body, "header")
    breadcrumb(header, links)
    sub(header, "h1", labels.CONTRACT_COMPARISON)
    sides = sub(header, "dl", class_="seiten")
    versions = [(labels.OLD_VERSION, result.old), (labels.NEW_VERSION, result.new)]
    pages = [links.predecessors, links.successors] if links is not None else [(), ()]
    for (word, side), page in zip(versions, pages, strict=True):
        sub(sides, "dt", word)
        value = sub(sides, "dd")
        if page:
            sub(value, "a", side.title, href=page[0].href)
        else:
            sub(value, "b", side.title)
        append_text(value, f" ({labels.VERSION} {side.version}; {side.label})")
    nav = sub(header, "nav", aria_label=labels.PAGE_PARTS)
    for number, (label, target) in enumerate(
        (
            (labels.OVERVIEW, "uebersicht"),
            (labels.CHANGES, "aenderungen"),
            (labels.SYNOPSIS, "synopse"),
        )
    ):
        if number:
            append_text(nav, " · ")
        sub(nav, "a", label, href=f"#{target}")
    main = sub(body, "main")
    _overview(main, result)
    if result.metadata:
        section = sub(main, "section", id="kopfdaten", aria_labelledby="kopfdaten-titel")
        sub(section, "h2", labels.HEADER, id="kopfdaten-titel")
        columns = (labels.FACT, labels.BEFORE, labels.AFTER, labels.WEIGHT)
        rows = table(section, columns, labels.HEADER)
        for meta in result.metadata:
            row = sub(rows, "tr")
            sub(row, "td", meta.label)
            sub(row, "td", typeset(meta.old or labels.NONE))
            sub(row, "td", typeset(meta.new or labels.NONE))
            _badge(sub(row, "td"), meta.severity)
    changes = sub(main, "section", id="aenderungen", aria_labelledby="aenderungen-titel")
    sub(changes, "h2", labels.CHANGES, id="aenderungen-titel")
    total = len(result.changes)
    for number, change in enumerate(result.changes, start=1):
        _redline(changes, change, number, total)
    if result.renumbered:
        sub(changes, "h3", labels.RENUMBERED_ONLY)
        items = sub(changes, "ul")
        for run in result.renumbered:
            sub(items, "li", typeset(f"{run.old_label} → {run.new_label}"))
    if result.eid_changed:  # same words, new identifier: links and references may break
        sub(changes, "h3", labels.EID_CHANGED_TITLE)
        items = sub(changes, "ul", class_="kennungen")
        for eid_run in result.eid_changed:
            item = sub(items, "li", typeset(eid_run_line(eid_run)) + " ")
            _badge(item, eid_run.severity)
    if result.old.agreement is not None and result.new.agreement is not None:
        render_synopsis(main, result, result.old.agreement, result.new.agreement)
    return serialize(html)
