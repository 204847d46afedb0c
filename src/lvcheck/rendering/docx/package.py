"""The .docx package around a document's body: python-docx's default template, A4, the
named paragraph styles, the list that points are paragraphs of, language de-DE, a running
header (title, version, Stand) and "Seite X von Y", the footnotes part, and title and
version in the document properties.

python-docx is imported here only, when a Word file is written: no other command pays for
loading it.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any, NamedTuple

from lxml import etree

from lvcheck import labels
from lvcheck.rendering.docx.wml import (
    PPR,
    VAL,
    W_NS,
    paragraph,
    simple_field,
    text_run,
    w,
)

LIST_ID = 90  # the numbering of points: abstractNum and num, beyond the template's own
LEVELS = 9
INDENT = 425  # twentieths of a point per level of a list (0.75 cm)
FOOTNOTES_URI = "/word/footnotes.xml"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

# The names Word lists the styles by, as the HTML names its classes (German, a part of the
# document's vocabulary a lawyer sees in Word's list of styles); ids without umlauts.
STYLE_NAMES = {
    "Aufzaehlung": "Vertragstext Aufzählung",
    "Formularfeld": "Vertragstext Formularfeld",
    "Fussnote": "Vertragstext Fußnote",
    "Unterschrift": "Vertragstext Unterschrift",
    "Hinweis": "Hinweis von lvcheck",
    "Titel": "Titel des Vergleichs",
    "Platzhaltertext": "Auszufüllen",
    "Gestrichen": "Synopse gestrichen",
    "Eingefuegt": "Synopse eingefügt",
}
# style id -> (based on, paragraph properties, run properties)
PARAGRAPH_STYLES: dict[str, tuple[str, str, str]] = {
    "Vertragstext": ("Normal", '<w:spacing w:after="120"/><w:jc w:val="both"/>', ""),
    "Vertragskopf": ("Normal", '<w:spacing w:after="120"/><w:jc w:val="center"/>', ""),
    "Aufzaehlung": ("Vertragstext", '<w:spacing w:after="60"/>', ""),
    "Formularfeld": ("Vertragstext", '<w:tabs><w:tab w:val="left" w:pos="3402"/></w:tabs>', ""),
    "Fussnote": ("Normal", '<w:spacing w:after="60"/>', '<w:sz w:val="18"/>'),
    "Unterschrift": ("Normal", '<w:spacing w:after="0"/>', ""),
    "Hinweis": ("Normal", '<w:spacing w:after="120"/>', '<w:i/><w:color w:val="595959"/>'),
    "Angabe": ("Normal", '<w:spacing w:after="120"/>', ""),
    "Tabellenkopf": ("Normal", '<w:spacing w:after="0"/>', "<w:b/>"),
    "Tabellentext": ("Normal", '<w:spacing w:after="0"/>', '<w:sz w:val="20"/>'),
    "Titel": ("Title", "", ""),
}
CHARACTER_STYLES = {
    "Platzhaltertext": '<w:color w:val="808080"/>',
    "Gestrichen": '<w:strike/><w:color w:val="C00000"/>',
    "Eingefuegt": '<w:u w:val="single"/><w:color w:val="00703C"/>',
}


class Header(NamedTuple):
    """What the document says about itself: its title and version, the line at the top of
    every page, and the subject of its properties."""

    title: str
    version: str
    running: str
    subject: str
    source: str  # the file or files it was made from


def _xml(fragment: str) -> etree._Element:
    return etree.fromstring(f'<w:x xmlns:w="{W_NS}">{fragment}</w:x>')


def _styles(document: Any) -> None:
    styles = document.styles.element
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    language = defaults.find(w("lang"))
    language.set(VAL, "de-DE")
    language.set(w("eastAsia"), "de-DE")
    for style_id, (based_on, ppr, rpr) in PARAGRAPH_STYLES.items():
        name = STYLE_NAMES.get(style_id, style_id)
        styles.append(
            _xml(
                f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/><w:qFormat/>'
                f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
            )[0]
        )
    for style_id, rpr in CHARACTER_STYLES.items():
        name = STYLE_NAMES.get(style_id, style_id)
        styles.append(
            _xml(
                f'<w:style w:type="character" w:customStyle="1" w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/><w:rPr>{rpr}</w:rPr></w:style>'
            )[0]
        )


def _numbering(document: Any) -> None:
    """One list for every point: a level per depth, indented, without a label of its own,
    since each point carries the contract's own number ("a)", "7.1", "-") as its text."""
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="none"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{(level + 1) * INDENT + INDENT}" w:hanging="{INDENT + 142}"/>'
        f"</w:pPr></w:lvl>"
        for level in range(LEVELS)
    )
    numbering = document.part.numbering_part.element
    abstract = _xml(
        f'<w:abstractNum w:abstractNumId="{LIST_ID}"><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )[0]
    first_num = numbering.find(w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        _xml(f'<w:num w:numId="{LIST_ID}"><w:abstractNumId w:val="{LIST_ID}"/></w:num>')[0]
    )


def list_paragraph(parent: etree._Element, level: int) -> etree._Element:
    """A paragraph of the points' list at ``level`` (0 the outermost)."""
    p = paragraph(parent, "Aufzaehlung")
    ppr = p.find(PPR)
    assert ppr is not None
    numbers = etree.SubElement(ppr, w("numPr"))
    etree.SubElement(numbers, w("ilvl")).set(VAL, str(min(level, LEVELS - 1)))
    etree.SubElement(numbers, w("numId")).set(VAL, str(LIST_ID))
    return p


def new_document(header: Header) -> Any:
    """A python-docx Document with lvcheck's styles, A4 pages, the running header and the
    page numbers, and its properties; the body empty."""
    import docx
    from docx.shared import Mm

    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    _styles(document)
    _numbering(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    running = section.header.paragraphs[0]._p
    text_run(running, header.running)
    foot = section.footer.paragraphs[0]._p
    page, rest = labels.PAGE_OF.split("{page}")
    before, after = rest.split("{pages}")
    text_run(foot, page)
    simple_field(foot, " PAGE ", "1")
    text_run(foot, before)
    simple_field(foot, " NUMPAGES ", "1")
    if after:
        text_run(foot, after)
    properties = document.core_properties
    properties.title = header.title
    properties.subject = header.subject
    properties.version = header.version
    properties.language = "de-DE"
    properties.author = "lvcheck"
    properties.comments = f"{labels.GENERATED_FROM} {header.source}"
    return document


def add_footnotes(document: Any, footnotes: etree._Element) -> None:
    """The footnotes part (w:footnotes, its separators included), related to the body."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    blob = etree.tostring(footnotes, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI(FOOTNOTES_URI), FOOTNOTES_TYPE, blob, document.part.package)
    document.part.relate_to(part, FOOTNOTES_RELATION)


def new_footnotes() -> etree._Element:
    """An empty footnotes part with the separators Word expects (ids -1 and 0)."""
    return _xml(
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )[0]


def saved(document: Any, modified: datetime | None = None) -> bytes:
    """The package as bytes."""
    if modified is not None:
        document.core_properties.created = modified
        document.core_properties.modified = modified
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
