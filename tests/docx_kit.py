"""Word packages made in the tests: python-docx makes a real package, lxml and zipfile put
in what python-docx cannot write (numbering, revisions, hostile parts)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
_BASE: bytes | None = None


def base_package() -> bytes:
    """A package python-docx makes from its default template, with one paragraph."""
    global _BASE
    if _BASE is None:
        document = docx.Document()
        document.add_paragraph("Hallo Welt")
        stream = io.BytesIO()
        document.save(stream)
        _BASE = stream.getvalue()
    return _BASE


def rewrite(data: bytes, parts: Mapping[str, bytes | None]) -> bytes:
    """The package with parts replaced or added (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in parts:
                continue
            target.writestr(info.filename, source.read(info.filename))
        for name, content in parts.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def document_xml(body: str) -> bytes:
    """A main document part whose body holds ``body`` (WordprocessingML, prefix w:)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{body}<w:sectPr/></w:body></w:document>"
    ).encode()


def with_body(body: str, **parts: bytes) -> bytes:
    """python-docx's package with ``body`` as the document's body (and other parts)."""
    return rewrite(base_package(), {"word/document.xml": document_xml(body), **parts})


def paragraph(*runs: str, properties: str = "") -> str:
    inner = "".join(run if run.startswith("<") else text_run(run) for run in runs)
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{inner}</w:p>"


def text_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def deleted_run(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


def tracked(kind: str, content: str, author: str = "Paul Beispiel", rid: int = 1) -> str:
    """``content`` inside a revision container (ins, del, moveFrom, moveTo)."""
    date = "2024-05-02T10:00:00Z"
    return f'<w:{kind} w:id="{rid}" w:author="{author}" w:date="{date}">{content}</w:{kind}>'


def mark(kind: str, author: str = "Paul Beispiel") -> str:
    """Paragraph properties whose paragraph mark was inserted or deleted."""
    return f'<w:rPr><w:{kind} w:id="90" w:author="{author}" w:date="2024-05-02T10:00:00Z"/></w:rPr>'
