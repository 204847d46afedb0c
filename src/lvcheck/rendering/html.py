"""An agreement as one standalone, accessible, printable HTML5 page.

Built as an lxml tree, so every text is escaped by construction: a contract that contains
"<script>" shows it as text. CSS is inlined from the .css files beside this module; the page
makes no external request and needs no JavaScript. Every clause is an anchor named by its
eId, so a link to #sec_7__subsec_2 stays valid across versions; a permalink beside it
shows on hover and focus, and following it shows the clause's full citation ready to be
selected and copied ("§ 14 Abs. 4 Leistungsvereinbarung …"). Legal references link to the
official texts (data/statutes.toml), internal references to their clause. In print (and in
the PDF) every page carries a running header and "Seite X von Y".
"""

from __future__ import annotations

from lxml import etree

from lvcheck import labels
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
    QuotedStructure,
    Ref,
    Span,
    Unit,
    fields_of,
)
from lvcheck.document.text import field_display, format_value, heading_words, plain_text
from lvcheck.labels import german_date
from lvcheck.rendering.htmlkit import append_text, new_page, running_text, serialize, sub, typeset
from lvcheck.rendering.norms import norm_title, statute_link
from lvcheck.rendering.pageparts import (
    SiteLinks,
    banners,
    breadcrumb,
    link_facts,
    running_header,
    stand,
    status_label,
    term_text,
)
from lvcheck.rendering.walk import Walker

SECTIONING = ("part", "section", "subsection", "hcontainer")
SPAN_TAGS = {"b": "strong", "i": "em", "u": "u", "sup": "sup"}


class _Page(Walker):
    def __init__(self, source_label: str, links: SiteLinks | None) -> None:
        self.source_label = source_label
        self.links = links
        self.html: etree._Element | None = None
        self.notes: list[Note] = []
        self.stack: list[etree._Element] = []
        self.quoting = 0  # inside an amendment's quoted unit
        self.pending_num: str | None = None
        self.toc: list[tuple[int, str, str]] = []  # depth, eId, label
        self.remarks: dict[str, str] = {}  # eId -> lvcheck's note shown after the clause

    # ------------------------------------------------------------ running text

    def inline(self, parent: etree._Element, items: tuple[Inline, ...] | None) -> None:
        for item in items or ():
            if isinstance(item, str):
                running_text(parent, item)
            elif isinstance(item, Span):
                if item.kind in SPAN_TAGS:
                    self.inline(sub(parent, SPAN_TAGS[item.kind]), item.children)
                else:
                    self.inline(sub(parent, "span", class_=item.kind), item.children)
            elif isinstance(item, Ref):
                self.ref(parent, item)
            elif isinstance(item, Field):
                self.fill_in(parent, item)
            elif isinstance(item, Note):
                self.note_marker(parent, item)

    def note_marker(self, parent: etree._Element, note: Note) -> None:
        """The marker links to the note; a copy of the note's text beside it is hidden on
        screen and becomes a footnote at the foot of the printed page (pdf.py)."""
        self.notes.append(note)
        sup = sub(parent, "sup", class_="fn")
        sub(sup, "a", note.marker, href=f"#{note.eid}", id=f"fnref-{note.eid}", role="doc-noteref")
        printed = sub(
            parent, "span", class_="fn-druck", aria_hidden="true", data_marker=note.marker
        )
        for paragraph in note.paragraphs:
            running_text(printed, plain_text(paragraph.children) + " ")

    def ref(self, parent: etree._Element, ref: Ref) -> None:
        if ref.href and ref.href.startswith("#"):
            link = sub(parent, "a", href=ref.href, class_="verweis")
        elif ref.href:  # only "#eId" is a link: never javascript:, data: or other sites
            link = sub(parent, "span", class_="verweis ungueltig", title=ref.href)
        elif ref.target.statute:
            url = statute_link(ref)
            where = norm_title(ref)
            link = (
                sub(parent, "a", href=url, class_="norm", title=where, rel="external")
                if url
                else sub(parent, "span", class_="norm", title=where)
            )
        else:
            titles = {d.id: d.title for d in self.agreement.meta.documents or ()}
            title = titles.get(ref.document or "", ref.document or "")
            if ref.part:
                title = f"{title}, {ref.part}"
            link = sub(parent, "cite", class_="dokument", title=title)
        self.inline(link, ref.children)

    def fill_in(self, parent: etree._Element, item: Field) -> None:
        if item.is_filled:
            sub(parent, "span", format_value(item), class_="feld", title=f"Feld {item.name}")
        else:
            blank = sub(parent, "span", class_="feld leer", title=f"Feld {item.name}")
            sub(blank, "span", f"({labels.TO_BE_FILLED}: {item.name})", class_="sr-only")

    def block_parent(self) -> etree._Element:
        return self.stack[-1]

    def permalink(self, element: etree._Element, eid: str, citation: str) -> None:
        """A link to the clause itself, and its full citation, shown when the clause is
        the target of the address (or the link has focus) and selected in one click."""
        tools = sub(element, "span", class_="zitierhilfe")
        sub(
            tools,
            "a",
            "¶",
            href=f"#{eid}",
            class_="anker",
            aria_label=labels.LINK_TO.format(citation=citation),
        )
        full = f"{citation} {self.agreement.meta.title}"
        sub(tools, "span", typeset(full), class_="zitat")

    # ------------------------------------------------------------ walk hooks

    def begin(self, agreement: Agreement) -> None:
        self.agreement = agreement
        meta = agreement.meta
        self.remarks = {d.clause: d.reason for d in meta.deviations or ()}
        self.html, self.body = new_page(
            meta.title, "agreement", running_header=running_header(meta)
        )
        sub(sub(self.body, "a", href="#inhalt", class_="skip"), "span", labels.SKIP_TO_CONTENT)
        self.header = sub(self.body, "header", class_="titelblock")
        breadcrumb(self.header, self.links)
        kicker = (
            f"{status_label(meta)} · {labels.VERSION} {meta.version_id} · "
            f"{labels.STAND} {stand(meta)}"
        )
        sub(self.header, "p", kicker, class_="kicker")
        self.nav = sub(self.body, "nav", aria_label=labels.CONTENTS_LANDMARK, class_="inhalt")
        self.main = sub(self.body, "main", id="inhalt")
        self.stack = [self.main]

    def preface(self, paragraphs: tuple[Paragraph, ...]) -> None:
        titled = False
        parties = sub(self.header, "div", class_="kopf")
        for paragraph in paragraphs:
            children = [c for c in paragraph.children if not (isinstance(c, str) and not c.strip())]
            if (
                not titled
                and len(children) == 1
                and isinstance(children[0], Span)
                and children[0].kind == "docTitle"
            ):
                self.inline(sub(self.header, "h1"), children[0].children)
                titled = True
            else:
                self.inline(sub(parties, "p"), paragraph.children)
        if not titled:
            sub(self.header, "h1", self.agreement.meta.title)
        banners(self.header, self.agreement, self.links)
        self.header.append(parties)  # after the title and banners
        self.facts()

    def facts(self) -> None:
        meta = self.agreement.meta
        facts = sub(self.header, "dl", class_="kopfdaten")
        fields = fields_of(self.agreement)
        for party in meta.parties:
            if party.name:
                name = party.name
            elif party.field in fields:
                name = field_display(fields[party.field or ""])
            else:
                name = labels.NONE
            sub(facts, "dt", labels.ROLES.get(party.role, party.role))
            sub(facts, "dd", name)
        sub(facts, "dt", labels.VERSION)
        dated = f" vom {german_date(meta.version_date)}" if meta.version_date else ""
        sub(facts, "dd", f"{meta.version_id}{dated} ({status_label(meta)})")
        sub(facts, "dt", labels.STAND)
        sub(facts, "dd", stand(meta))
        if meta.term is not None:
            sub(facts, "dt", labels.TERM)
            sub(facts, "dd", typeset(term_text(self.agreement)))
        if meta.legal_basis:
            sub(facts, "dt", labels.LEGAL_BASIS)
            basis = ", ".join(
                f"§ {t.section} {t.statute}" if t.section else f"{t.statute}"
                for t in meta.legal_basis
            )
            sub(facts, "dd", typeset(basis))
        link_facts(facts, self.links)

    def preamble(self, preamble: Preamble) -> None:
        section = sub(self.main, "section", id=preamble.eid, class_="vorwort")
        heading = sub(section, "h2")
        self.inline(heading, preamble.heading or (labels.PREAMBLE_DEFAULT,))
        self.permalink(section, preamble.eid, self.citation())
        self.toc.append(
            (0, preamble.eid, heading_words(preamble.heading) or labels.PREAMBLE_DEFAULT)
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
                last = sub(parent, "ul", class_="punkte")
            element = sub(last, "li", id=unit.eid, class_="punkt")
        elif unit.kind in SECTIONING:
            element = sub(parent, "section", id=unit.eid, class_=unit.kind)
        else:
            element = sub(parent, "div", id=unit.eid, class_=unit.kind)
        self.pending_num = None
        if unit.heading is not None or (unit.kind in SECTIONING and num):
            level = min(2 + depth, 6)
            heading = sub(element, f"h{level}")
            if num:
                sub(heading, "span", typeset(num), class_="num")
                append_text(heading, " ")
            self.inline(heading, unit.heading)
            label = typeset(" ".join(p for p in (num, heading_words(unit.heading)) if p))
            heading.set("data-lesezeichen", label)  # the PDF's bookmark, without note markers
            if not self.quoting:
                self.toc.append((depth, unit.eid, label))
        elif num:
            self.pending_num = num
        if self.quoting:  # a quoted unit of the base: no clause of this page, so no anchor
            del element.attrib["id"]
        else:
            self.permalink(element, unit.eid, self.citation())
        self.stack.append(element)

    def quoted_structure(self, block: QuotedStructure, depth: int) -> None:
        """An amendment's new wording of a unit of its base, set off as a quotation."""
        quote = sub(self.block_parent(), "blockquote", id=block.eid, class_="neue-fassung")
        self.stack.append(quote)
        self.quoting += 1
        super().quoted_structure(block, depth)
        self.quoting -= 1
        self.stack.pop()

    def leave_unit(self, unit: Unit, depth: int) -> None:
        element = self.stack.pop()
        if self.pending_num:  # a numbered unit without text of its own
            number = etree.Element("span", {"class": "num"})
            number.text = typeset(self.pending_num)
            element.insert(0, number)
            self.pending_num = None
        if not self.quoting:
            self.remark(element, unit.eid)

    def remark(self, parent: etree._Element, eid: str) -> None:
        """The note on a clause that departs from its template or was amended, where the
        reader meets the clause; set apart from the signed words (an aside, not a paragraph
        of the clause)."""
        if eid in self.remarks:
            aside = sub(parent, "aside", class_="anmerkung")
            sub(aside, "strong", f"{labels.REMARK}: ")
            append_text(aside, typeset(self.remarks.pop(eid)))

    def paragraph(self, paragraph: Paragraph, index: int) -> None:
        p = sub(self.block_parent(), "p")
        if self.pending_num:
            sub(p, "span", typeset(self.pending_num), class_="num")
            append_text(p, " ")
            self.pending_num = None
        self.inline(p, paragraph.children)

    def enter_list(self, block: ListBlock, depth: int, index: int) -> None:
        element = sub(self.block_parent(), "div", id=block.eid, class_="liste")
        self.stack.append(element)

    def leave_list(self, block: ListBlock, depth: int) -> None:
        self.stack.pop()

    def field(self, item: Field, index: int) -> None:
        shape = "auswahl" if item.type == "choice" else "mit-label" if item.label else "frei"
        row = sub(self.block_parent(), "div", class_=f"formularfeld {shape}")
        if item.label:
            self.inline(sub(row, "span", class_="label"), item.label)
        if item.type == "choice":
            chosen = set((item.value or "").split())
            for option in item.options:
                box = sub(row, "span", class_="option")
                picked = option.value in chosen
                sub(box, "span", "☒ " if picked else "☐ ", aria_hidden="true")
                sub(
                    box,
                    "span",
                    f"{labels.CHOSEN if picked else labels.NOT_CHOSEN}: ",
                    class_="sr-only",
                )
                self.inline(box, option.children)
            if item.hint:
                self.inline(sub(row, "span", class_="hinweis"), item.hint)
        else:
            self.fill_in(row, item)

    def conclusions(self, conclusions: Conclusions) -> None:
        section = sub(self.main, "section", id=conclusions.eid, class_="unterschriften")
        heading = sub(section, "h2")
        self.inline(heading, conclusions.heading or (labels.SIGNATURES_DEFAULT,))
        self.permalink(section, conclusions.eid, self.citation())
        words = heading_words(conclusions.heading) or labels.SIGNATURES_DEFAULT
        self.toc.append((0, conclusions.eid, words))
        for paragraph in conclusions.paragraphs:
            self.inline(sub(section, "p"), paragraph.children)
        layout = "nebeneinander" if conclusions.layout == "sideBySide" else "untereinander"
        grid = sub(section, "div", class_=f"signaturen {layout}")
        for signature in conclusions.signatures:
            block = sub(grid, "div", id=signature.eid, class_="signatur")
            for line in signature.lines:
                self.inline(sub(block, "p"), line.children)
            self.remark(block, signature.eid)

    def attachments(self, attachments: Attachments) -> None:
        section = sub(self.main, "section", id=attachments.eid, class_="anlagen")
        self.inline(sub(section, "h2"), attachments.heading or (labels.ATTACHMENTS_DEFAULT,))
        words = heading_words(attachments.heading) or labels.ATTACHMENTS_DEFAULT
        self.toc.append((0, attachments.eid, words))
        items = sub(section, "ol")
        for position, item in enumerate(attachments.items, start=1):
            entry = sub(items, "li", id=item.eid)
            self.inline(entry, item.heading)
            self.permalink(
                entry, item.eid, self.citation(Step(Place.ATTACHMENT, position=position))
            )

    def end(self, agreement: Agreement) -> None:
        for eid in list(self.remarks):  # notes on places that are not units (the header)
            self.remark(self.main, eid)
        if self.notes:
            self.footnotes()
        self.table_of_contents()
        footer = sub(self.body, "footer", class_="fusszeile")
        sub(
            footer,
            "p",
            f"{labels.GENERATED_FROM} {self.source_label} · {agreement.meta.work_id}, "
            f"{labels.VERSION} {agreement.meta.version_id}",
        )

    def footnotes(self) -> None:
        """The notes once, under their own markers (the list itself numbers nothing)."""
        section = sub(
            self.main, "section", id="fussnoten", class_="fussnoten", aria_labelledby="fn-titel"
        )
        sub(section, "h2", labels.FOOTNOTES, id="fn-titel")
        self.toc.append((0, "fussnoten", labels.FOOTNOTES))
        items = sub(section, "ol")
        for note in self.notes:
            item = sub(items, "li", id=note.eid)
            sub(item, "span", note.marker, class_="marker")
            append_text(item, " ")
            for paragraph in note.paragraphs:
                self.inline(item, paragraph.children)
            append_text(item, " ")
            sub(
                item,
                "a",
                "↩",
                href=f"#fnref-{note.eid}",
                class_="zurueck",
                aria_label=labels.BACK_TO_TEXT,
            )

    def table_of_contents(self) -> None:
        sub(self.nav, "h2", labels.CONTENTS)
        lists = [sub(self.nav, "ol")]
        depths = [0]
        for depth, eid, label in self.toc:
            while depth > depths[-1] and len(lists[-1]):
                lists.append(sub(lists[-1][-1], "ol"))
                depths.append(depths[-1] + 1)
            while depth < depths[-1]:
                lists.pop()
                depths.pop()
            sub(sub(lists[-1], "li"), "a", label, href=f"#{eid}")


def render_html(
    agreement: Agreement, source_label: str = "", links: SiteLinks | None = None
) -> str:
    """The agreement as a standalone HTML5 page; ``links`` place it in the static site."""
    page = _Page(source_label, links)
    page.walk(agreement)
    assert page.html is not None  # walk() begins the page
    return serialize(page.html)
