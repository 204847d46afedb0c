"""The one way lvcheck builds HTML: lxml element trees, which escape every text by
construction, and stylesheets kept as .css files beside this module."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

_FOLDER = Path(__file__).parent


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


def new_page(title: str, *styles: str) -> tuple[etree._Element, etree._Element]:
    """An HTML5 page in German with its head filled in: (html, body)."""
    html = etree.Element("html", lang="de")
    head = sub(html, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    sub(head, "title", title)
    sub(head, "style", "\n".join(stylesheet(name) for name in styles))
    return html, sub(html, "body")


def serialize(html: etree._Element) -> str:
    """The page as text, with its doctype."""
    return "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode") + "\n"
