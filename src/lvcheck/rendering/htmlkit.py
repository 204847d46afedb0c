"""The one way lvcheck builds HTML: lxml element trees, which escape every text by
construction, and stylesheets kept as .css files beside this module."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from lxml import etree

from lvcheck.document.text import visible

_FOLDER = Path(__file__).parent

NBSP = "\u00a0"
# German typesetting keeps a sign or abbreviation with the number it introduces ("§ 14",
# "Abs. 4", "§§ 3–8", "Art. 21", "Satz 2") and a number with its unit ("12 Monate", "4,5 %").
# A text that ends in "§§ " is followed by its number in the next element (a <ref>); "Satz"
# is also a plain word, so only a number keeps it.
_BEFORE_NUMBER = re.compile(
    r"(?<!\w)(§§?|Abs\.|Nr\.|Art\.|Ziff\.|Buchst\.|Unterabs\.|Fn\.|Satz(?= \d)) (?=\w|$)"
)
_UNIT = re.compile(
    r"(\d) (?=(?:%|€|EUR|Euro|Prozent|Std\.|Min\.|km|m²|qm|"
    r"(?:Monat|Jahr|Tag)(?:e|en)?|(?:Woche|Stunde|Minute)n?|Kalendertage?n?)(?!\w))"
)


def typeset(text: str) -> str:
    """Text with non-breaking spaces where German typesetting puts them: after §, §§,
    Abs., Nr., Art. (and Ziff., Buchst., Satz before its number) and between a number and
    its unit, so that a line never ends in "§"."""
    return _UNIT.sub(r"\1" + NBSP, _BEFORE_NUMBER.sub(r"\1" + NBSP, text))


def css_string(text: str) -> str:
    """A CSS string literal of any text: quotes, backslashes, line breaks and "<" (which
    could close the <style> element) as escapes."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;–-_()/§" else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


@cache
def stylesheet(name: str) -> str:
    """A stylesheet of render/ (``agreement``, ``diff``), to be inlined: pages make no
    external request."""
    return (_FOLDER / f"{name}.css").read_text(encoding="utf-8")


def sub(
    parent: etree._Element, tag: str, text: str | None = None, /, **attributes: str
) -> etree._Element:
    """A child element with text; Python names for HTML attributes: class_ -> class,
    aria_label -> aria-label."""
    names = {k: k.rstrip("_").replace("_", "-") for k in attributes}
    element = etree.SubElement(parent, tag, {names[k]: v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def append_text(parent: etree._Element, text: str) -> None:
    """Text after the last child of ``parent`` (or as its text when it has none)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def new_page(
    title: str, *styles: str, running_header: str = ""
) -> tuple[etree._Element, etree._Element]:
    """An HTML5 page in German with its head filled in: (html, body).

    ``running_header`` is printed at the top of every page (title, version, Stand): an
    @page rule with the text as a CSS string, which both Chromium and WeasyPrint print.
    """
    html = etree.Element("html", lang="de")
    head = sub(html, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    sub(head, "title", title)
    css = [stylesheet(name) for name in ("base", *styles)]
    if running_header:
        css.append(f"@page {{ @top-center {{ content: {css_string(running_header)}; }} }}")
    sub(head, "style", "\n".join(css))
    return html, sub(html, "body")


def table(
    parent: etree._Element, columns: tuple[str, ...], name: str, **attributes: str
) -> etree._Element:
    """A table with a header row, in a box that scrolls sideways by itself on a narrow
    screen (the page never does), reachable by keyboard as a region called ``name``; the
    table's body, to add rows to."""
    box = sub(parent, "div", class_="tabelle", role="region", tabindex="0", aria_label=name)
    element = sub(box, "table", **attributes)
    row = sub(sub(element, "thead"), "tr")
    for column in columns:
        sub(row, "th", column, scope="col")
    return sub(element, "tbody")


def serialize(html: etree._Element) -> str:
    """The page as text, with its doctype."""
    return "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode") + "\n"


def running_text(parent: etree._Element, text: str) -> None:
    """The one place where words of the contract are appended to any page (agreement,
    redline, Synopse): control and bidi characters made visible as ⟨U+202E⟩ (a reader must
    see that "125" is not what it looks like), then typeset with non-breaking spaces."""
    append_text(parent, typeset(visible(text)))
