"""What every page of lvcheck shares: where a version stands (status, Stand, banners), the
links of a page within the static site, and the words of its running header.

The status of a version is read through ``status_of`` and ``kind_of`` alone: what a file
is (template, instance, amendment) and where it stands (draft, signed, in force, …), on a
date computed from its term by the timeline stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lxml import etree

from lvcheck import labels
from lvcheck.catalog.lifecycle import lifecycle_of, standing_on
from lvcheck.document.model import Agreement, Meta, fields_of
from lvcheck.document.text import field_display
from lvcheck.document.write import write_agreement
from lvcheck.labels import duration_text, german_date
from lvcheck.rendering.htmlkit import append_text, sub, typeset

NO_LONGER_IN_FORCE = ("superseded", "terminated", "expired")


def status_of(meta: Meta) -> str:
    """The status of a version ("template", "inForce", "superseded", …)."""
    return meta.status


def kind_of(meta: Meta) -> str:
    """What a version is: a "template" to be filled in, an "instance" (a drafted or signed
    agreement), or an "amendment" to one. Examples are any, and say so in a banner."""
    return meta.kind


def status_label(meta: Meta) -> str:
    """ "Vorlage, in Gebrauch", "Vereinbarung, in Kraft", and "(Beispiel)" for an example."""
    example = f" ({labels.EXAMPLE_MARK})" if meta.example else ""
    return labels.status_text(meta.kind, status_of(meta)) + example


def stand(meta: Meta) -> str:
    """How current a version is, as German documents say it: the date of the version,
    else the start of its term, else "ohne Datum"."""
    if meta.version_date:
        return german_date(meta.version_date)
    if meta.term is not None and meta.term.start.date:
        return german_date(meta.term.start.date)
    return labels.UNDATED


def ended_on(agreement: Agreement, today: date | None = None) -> str | None:
    """The day an instance's term ended, where it lies in the past and the contract's own
    words do not renew it ("31.08.2022"); else None. Computed by the timeline stage, so a
    term renewed one Kindergartenjahr at a time is not taken for ended."""
    if agreement.meta.kind != "instance":
        return None
    life = lifecycle_of(write_agreement(agreement).getroot())
    standing = standing_on(life, today or date.today())
    if standing.status != "expired" or standing.since is None:
        return None
    return german_date(standing.since - timedelta(days=1))


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


def running_header(meta: Meta) -> str:
    """The line at the top of every printed page: title, version, Stand."""
    return f"{meta.title} · {labels.VERSION} {meta.version_id} · {labels.STAND} {stand(meta)}"


@dataclass(frozen=True)
class Link:
    href: str  # relative to the page, URL-encoded
    label: str


@dataclass(frozen=True)
class SiteLinks:
    """Where a page of the static site links to; a page exported alone has none."""

    index: str | None = None
    template: Link | None = None
    predecessors: tuple[Link, ...] = ()
    successors: tuple[Link, ...] = ()
    comparisons: tuple[Link, ...] = ()
    replaced_by: tuple[Link, ...] = ()  # versions that supersede this one
    amendments: tuple[Link, ...] = ()  # the Nachträge to this version
    amends: tuple[Link, ...] = ()  # the version a Nachtrag changes
    consolidated: Link | None = None  # this version with its amendments applied
    signed: Link | None = None  # on a Lesefassung: the signed text it is made from


def breadcrumb(parent: etree._Element, links: SiteLinks | None) -> None:
    """The way back to the index of the site, above the title."""
    if links is not None and links.index is not None:
        nav = sub(parent, "nav", class_="pfad", aria_label=labels.SITE_NAVIGATION)
        sub(nav, "a", f"← {labels.ALL_AGREEMENTS}", href=links.index)


def banners(parent: etree._Element, agreement: Agreement, links: SiteLinks | None) -> None:
    """Notes a reader must see first: an invented example, a replaced version, a version
    no longer in force."""
    meta = agreement.meta
    if meta.example:
        sub(parent, "p", labels.EXAMPLE_BANNER, class_="banner beispiel", role="note")
    replaced_by = links.replaced_by if links is not None else ()
    if replaced_by or status_of(meta) == "superseded":
        banner = sub(parent, "p", f"{labels.REPLACED_BY} ", class_="banner ersetzt", role="note")
        if not replaced_by:
            append_text(banner, labels.A_NEWER_VERSION)
        for number, link in enumerate(replaced_by):
            if number:
                append_text(banner, ", ")
            sub(banner, "a", link.label, href=link.href)
    if links is not None and links.consolidated is not None:  # the signed words, since changed
        banner = sub(parent, "p", f"{labels.AMENDED_BANNER} ", class_="banner geaendert")
        for number, link in enumerate(links.amendments):
            if number:
                append_text(banner, ", ")
            sub(banner, "a", typeset(link.label), href=link.href)
        append_text(banner, " · ")
        sub(banner, "a", labels.READ_CONSOLIDATED, href=links.consolidated.href)
    ended = ended_on(agreement)
    if status_of(meta) in NO_LONGER_IN_FORCE or (ended and kind_of(meta) == "instance"):
        why = labels.TERM_ENDED.format(date=ended) if ended else status_label(meta)
        sub(parent, "p", f"{labels.NO_LONGER_IN_FORCE}: {why}", class_="banner ausser-kraft")


def link_facts(facts: etree._Element, links: SiteLinks | None) -> None:
    """Template, predecessors, successors and comparisons as rows of a <dl>."""
    if links is None:
        return
    rows = (
        (labels.TEMPLATE, (links.template,) if links.template else ()),
        (labels.PREDECESSOR, links.predecessors),
        (labels.SUCCESSOR, links.successors),
        (labels.COMPARISON, links.comparisons),
        (labels.AMENDMENTS, links.amendments),
        (labels.AMENDS, links.amends),
        (labels.READING_VERSION_SHORT, (links.consolidated,) if links.consolidated else ()),
        (labels.SIGNED_TEXT, (links.signed,) if links.signed else ()),
    )
    for term, items in rows:
        if not items:
            continue
        sub(facts, "dt", term)
        value = sub(facts, "dd")
        for number, link in enumerate(items):
            if number:
                sub(value, "br")
            sub(value, "a", typeset(link.label), href=link.href)
