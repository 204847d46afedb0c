"""An agreement as one standalone, accessible, printable HTML5 page.

Built as an lxml tree, so every text is escaped by construction: a contract that contains
"<script>" shows it as text. CSS is inlined from agreement.css beside this module; the page
makes no external request. Every clause is an anchor named by its eId, so a link to
#sec_7__subsec_2 stays valid across versions. Legal references link to the official texts
(data/statutes.toml), internal references to their clause.
"""

from __future__ import annotations

from lxml import etree

from lvcheck import labels
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
    Ref,
    Span,
    Unit,
    fields_of,
)
from lvcheck.document.statutes import statutes
from lvcheck.document.text import field_display, format_value, plain_text
from lvcheck.labels import duration_text, german_date
from lvcheck.rendering.htmlkit import append_text as _append_text
from lvcheck.rendering.htmlkit import new_page, serialize
from lvcheck.rendering.htmlkit import sub as _sub
from lvcheck.rendering.walk import Walker

SECTIONING = ("part", "section", "subsection", "hcontainer")
SPAN_TAGS = {"b": "strong", "i": "em", "u": "u", "sup": "sup"}


def statute_link(ref: Ref) -> str | None:
    """The official text of a legal reference: the section where it is known, else the law."""
    statute = statutes().get(ref.target.statute or "")
    return statute.link(ref.target.section) if statute is not None else None


def _norm_title(ref: Ref) -> str:
    """ "§ 99 SGB IX", "Art. 21 Abs. 5 Satz 2 BayKiBiG": the norm as it is cited."""
    statute = statutes().get(ref.target.statute or "")
    unit = statute.unit if statute is not None else "§"
    target = ref.target
    parts = [f"{unit} {target.section}" if target.section else ""]
    parts += [
        f"Abs. {target.paragraph}" if target.paragraph else "",
        f"Satz {target.sentence}" if target.sentence else "",
        f"Nr. {target.number}" if target.number else "",
        "ff." if target.following else "",
        target.statute or "",
    ]
    return " ".join(part for part in parts if part)


class _Page(Walker):
    def __init__(self, source_label: str) -> None:
        self.source_label = source_label
        self.html: etree._Element | None = None
        self.notes: list[Note] = []
        self.stack: list[etree._Element] = []
        self.pending_num: str | None = None
        self.toc: list[tuple[int, str, str]] = []  # depth, eId, label

    # ------------------------------------------------------------ running text

    def inline(self, parent: etree._Element, items: tuple[Inline, ...] | None) -> None:
        for item in items or ():
            if isinstance(item, str):
                _append_text(parent, item)
            elif isinstance(item, Span):
                if item.kind in SPAN_TAGS:
                    self.inline(_sub(parent, SPAN_TAGS[item.kind]), item.children)
                else:
                    self.inline(_sub(parent, "span", class_=item.kind), item.children)
            elif isinstance(item, Ref):
                self.ref(parent, item)
            elif isinstance(item, Field):
                self.fill_in(parent, item)
            elif isinstance(item, Note):
                self.notes.append(item)
                sup = _sub(parent, "sup", class_="fn")
                _sub(
                    sup,
                    "a",
                    item.marker,
                    href=f"#{item.eid}",
                    id=f"fnref-{item.eid}",
                    role="doc-noteref",
                )

    def ref(self, parent: etree._Element, ref: Ref) -> None:
        if ref.href and ref.href.startswith("#"):
            link = _sub(parent, "a", href=ref.href, class_="verweis")
        elif ref.href:  # only "#eId" is a link: never javascript:, data: or other sites
            link = _sub(parent, "span", class_="verweis ungueltig", title=ref.href)
        elif ref.target.statute:
            url = statute_link(ref)
            where = _norm_title(ref)
            link = (
                _sub(parent, "a", href=url, class_="norm", title=where, rel="external")
                if url
                else _sub(parent, "span", class_="norm", title=where)
            )
        else:
            titles = {d.id: d.title for d in self.agreement.meta.documents or ()}
            title = titles.get(ref.document or "", ref.document or "")
            if ref.part:
                title = f"{title}, {ref.part}"
            link = _sub(parent, "cite", class_="dokument", title=title)
        self.inline(link, ref.children)

    def fill_in(self, parent: etree._Element, item: Field) -> None:
        if item.is_filled:
            _sub(parent, "span", format_value(item), class_="feld", title=f"Feld {item.name}")
        else:
            blank = _sub(parent, "span", class_="feld leer", title=f"Feld {item.name}")
            _sub(blank, "span", f"({labels.TO_BE_FILLED}: {item.name})", class_="sr-only")

    def block_parent(self) -> etree._Element:
        return self.stack[-1]

    # ------------------------------------------------------------ walk hooks

    def begin(self, agreement: Agreement) -> None:
        self.agreement = agreement
        meta = agreement.meta
        self.html, self.body = new_page(meta.title, "agreement")
        _sub(_sub(self.body, "a", href="#inhalt", class_="skip"), "span", labels.SKIP_TO_CONTENT)
        self.header = _sub(self.body, "header", class_="titelblock")
        kicker = (
            f"{labels.status_text(meta.kind, meta.status)} · {labels.VERSION} {meta.version_id}"
        )
        _sub(self.header, "p", kicker, class_="kicker")
        if meta.example:
            _sub(
                self.header,
                "p",
                labels.EXAMPLE_BANNER,
                class_="beispiel",
                role="note",
            )
        self.nav = _sub(self.body, "nav", aria_label="Inhaltsverzeichnis", class_="inhalt")
        self.main = _sub(self.body, "main", id="inhalt")
        self.stack = [self.main]

    def preface(self, paragraphs: tuple[Paragraph, ...]) -> None:
        titled = False
        parties = _sub(self.header, "div", class_="kopf")
        for paragraph in paragraphs:
            children = [c for c in paragraph.children if not (isinstance(c, str) and not c.strip())]
            if (
                not titled
                and len(children) == 1
                and isinstance(children[0], Span)
                and children[0].kind == "docTitle"
            ):
                self.inline(_sub(self.header, "h1"), children[0].children)
                titled = True
            else:
                self.inline(_sub(parties, "p"), paragraph.children)
        if not titled:
            _sub(self.header, "h1", self.agreement.meta.title)
        self.header.append(parties)  # after the title
        self.facts()

    def facts(self) -> None:
        meta = self.agreement.meta
        facts = _sub(self.header, "dl", class_="kopfdaten")
        fields = fields_of(self.agreement)
        for party in meta.parties:
            if party.name:
                name = party.name
            elif party.field in fields:
                name = field_display(fields[party.field or ""])
            else:
                name = labels.NONE
            _sub(facts, "dt", labels.ROLES.get(party.role, party.role))
            _sub(facts, "dd", name)
        _sub(facts, "dt", labels.VERSION)
        dated = f" vom {german_date(meta.version_date)}" if meta.version_date else ""
        _sub(
            facts, "dd", f"{meta.version_id}{dated} ({labels.status_text(meta.kind, meta.status)})"
        )
        if meta.term is not None:
            _sub(facts, "dt", labels.TERM)
            _sub(facts, "dd", term_text(self.agreement))
        if meta.legal_basis:
            _sub(facts, "dt", labels.LEGAL_BASIS)
            _sub(
                facts,
                "dd",
                ", ".join(
                    f"§ {t.section} {t.statute}" if t.section else f"{t.statute}"
                    for t in meta.legal_basis
                ),
            )

    def preamble(self, preamble: Preamble) -> None:
        section = _sub(self.main, "section", id=preamble.eid, class_="vorwort")
        heading = _sub(section, "h2")
        self.inline(heading, preamble.heading or (labels.PREAMBLE_DEFAULT,))
        self.toc.append(
            (0, preamble.eid, plain_text(preamble.heading or (labels.PREAMBLE_DEFAULT,)))
        )
        self.stack.append(section)
        self.blocks(preamble.blocks, 0)
        self.stack.pop()

    def enter_unit(self, unit: Unit, depth: int, position: int) -> None:
        parent = self.block_parent()
        num = plain_text(unit.num or ())
        if unit.kind == "point":
            # consecutive points share one list; text between points starts a new one
            last = parent[-1] if len(parent) else None
            if last is None or last.tag != "ul":
                last = _sub(parent, "ul", class_="punkte")
            element = _sub(last, "li", id=unit.eid, class_="punkt")
        elif unit.kind in SECTIONING:
            element = _sub(parent, "section", id=unit.eid, class_=unit.kind)
        else:
            element = _sub(parent, "div", id=unit.eid, class_=unit.kind)
        self.pending_num = None
        if unit.heading is not None or (unit.kind in SECTIONING and num):
            level = min(2 + depth, 6)
            heading = _sub(element, f"h{level}")
            if num:
                _sub(heading, "span", num, class_="num")
                _append_text(heading, " ")
            self.inline(heading, unit.heading)
            words = plain_text(tuple(i for i in unit.heading or () if not isinstance(i, Note)))
            self.toc.append((depth, unit.eid, " ".join(p for p in (num, words) if p)))
        elif num:
            self.pending_num = num
        self.stack.append(element)

    def leave_unit(self, unit: Unit, depth: int) -> None:
        element = self.stack.pop()
        if self.pending_num:  # a numbered unit without text of its own
            element.insert(0, etree.Element("span", {"class": "num"}))
            element[0].text = self.pending_num
            self.pending_num = None

    def paragraph(self, paragraph: Paragraph, index: int) -> None:
        p = _sub(self.block_parent(), "p")
        if self.pending_num:
            _sub(p, "span", self.pending_num, class_="num")
            _append_text(p, " ")
            self.pending_num = None
        self.inline(p, paragraph.children)

    def enter_list(self, block: ListBlock, depth: int, index: int) -> None:
        element = _sub(self.block_parent(), "div", id=block.eid, class_="liste")
        self.stack.append(element)

    def leave_list(self, block: ListBlock, depth: int) -> None:
        self.stack.pop()

    def field(self, item: Field, index: int) -> None:
        shape = "auswahl" if item.type == "choice" else "mit-label" if item.label else "frei"
        row = _sub(self.block_parent(), "div", class_=f"formularfeld {shape}")
        if item.label:
            self.inline(_sub(row, "span", class_="label"), item.label)
        if item.type == "choice":
            chosen = set((item.value or "").split())
            for option in item.options:
                box = _sub(
                    row,
                    "span",
                    class_="option",
                    role="checkbox",
                    aria_checked="true" if option.value in chosen else "false",
                )
                _append_text(box, "☒ " if option.value in chosen else "☐ ")
                self.inline(box, option.children)
            if item.hint:
                self.inline(_sub(row, "span", class_="hinweis"), item.hint)
        else:
            self.fill_in(row, item)

    def conclusions(self, conclusions: Conclusions) -> None:
        section = _sub(self.main, "section", id=conclusions.eid, class_="unterschriften")
        heading = _sub(section, "h2")
        self.inline(heading, conclusions.heading or (labels.SIGNATURES_DEFAULT,))
        self.toc.append(
            (0, conclusions.eid, plain_text(conclusions.heading or (labels.SIGNATURES_DEFAULT,)))
        )
        for paragraph in conclusions.paragraphs:
            self.inline(_sub(section, "p"), paragraph.children)
        layout = "nebeneinander" if conclusions.layout == "sideBySide" else "untereinander"
        grid = _sub(section, "div", class_=f"signaturen {layout}")
        for signature in conclusions.signatures:
            block = _sub(grid, "div", id=signature.eid, class_="signatur")
            for line in signature.lines:
                self.inline(_sub(block, "p"), line.children)

    def attachments(self, attachments: Attachments) -> None:
        section = _sub(self.main, "section", id=attachments.eid, class_="anlagen")
        self.inline(_sub(section, "h2"), attachments.heading or (labels.ATTACHMENTS_DEFAULT,))
        self.toc.append(
            (0, attachments.eid, plain_text(attachments.heading or (labels.ATTACHMENTS_DEFAULT,)))
        )
        items = _sub(section, "ol")
        for item in attachments.items:
            self.inline(_sub(items, "li", id=item.eid), item.heading)

    def end(self, agreement: Agreement) -> None:
        if self.notes:
            section = _sub(
                self.main,
                "section",
                id="fussnoten",
                class_="fussnoten",
                aria_labelledby="fussnoten-titel",
            )
            _sub(section, "h2", labels.FOOTNOTES, id="fussnoten-titel")
            self.toc.append((0, "fussnoten", labels.FOOTNOTES))
            items = _sub(section, "ol")
            for note in self.notes:
                item = _sub(items, "li", id=note.eid, role="doc-footnote")
                _sub(item, "span", f"{note.marker} ", class_="marker")
                for paragraph in note.paragraphs:
                    self.inline(item, paragraph.children)
                _append_text(item, " ")
                _sub(item, "a", "↩", href=f"#fnref-{note.eid}", aria_label=labels.BACK_TO_TEXT)
        self.table_of_contents()
        footer = _sub(self.body, "footer", class_="fusszeile")
        _sub(
            footer,
            "p",
            f"{labels.GENERATED_FROM} {self.source_label} · {agreement.meta.work_id}, "
            f"{labels.VERSION} {agreement.meta.version_id}",
        )

    def table_of_contents(self) -> None:
        _sub(self.nav, "h2", labels.CONTENTS)
        lists = [_sub(self.nav, "ol")]
        depths = [0]
        for depth, eid, label in self.toc:
            while depth > depths[-1] and len(lists[-1]):
                lists.append(_sub(lists[-1][-1], "ol"))
                depths.append(depths[-1] + 1)
            while depth < depths[-1]:
                lists.pop()
                depths.pop()
            _sub(_sub(lists[-1], "li"), "a", label, href=f"#{eid}")


def term_text(agreement: Agreement) -> str:
    """The term as a reader wants it: from, until, renewal, notice."""
    fields = fields_of(agreement)
    term = agreement.meta.term
    assert term is not None

    def day(date: str | None, field: str | None) -> str:
        if date:
            return german_date(date)
        if field and field in fields:
            return field_display(fields[field])
        return labels.NONE

    end = day(term.end.date, term.end.field) if term.end is not None else None
    renewal = None
    if term.renewal_period:
        renewal = duration_text(term.renewal_period)
        if term.renewal_unit:
            renewal += f" ({term.renewal_unit})"
    notice = duration_text(term.notice_period) if term.notice_period else None
    return labels.term_phrases(
        day(term.start.date, term.start.field),
        end,
        bool(term.end_indefinite),
        renewal,
        notice,
        term.notice_before,
    )


def render_html(agreement: Agreement, source_label: str = "") -> str:
    """The agreement as a standalone HTML5 page."""
    page = _Page(source_label)
    page.walk(agreement)
    assert page.html is not None  # walk() begins the page
    return serialize(page.html)
