"""PDF sources with a text layer read into paragraphs, through pdfminer.six's layout analysis.

Each page's text lines are taken top to bottom; a line that stands on most pages at the
same place once its digits are set aside (a running header or footer, "Seite 3 von 12")
and a line of a page number alone are layout, kept apart for the fidelity check. A gap
between lines wider than the line spacing ends a paragraph; within one, lines.py joins
words broken at a line's end as for text extracted from a PDF. A PDF without a text layer
(a scan) is refused: OCR it first. Nothing is fetched: pdfminer reads the bytes given.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import NamedTuple

from lvcheck import codes
from lvcheck.errors import LvcheckError
from lvcheck.importing.plain import PAGE_NUMBER
from lvcheck.importing.source import Para, Source

_DIGITS = re.compile(r"\d+")
_PAGE_OF = re.compile(r"\s*(?:Seite|S\.)\s*\d+(?:\s*(?:von|/)\s*\d+)?\s*", re.IGNORECASE)
MAX_PAGES = 2000  # an agreement has tens of pages; a larger PDF is no agreement


class _Line(NamedTuple):
    text: str
    top: float  # from the page's top
    height: float
    page: int


def _lines(data: bytes, label: str) -> tuple[list[list[_Line]], int]:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    except ImportError:  # pragma: no cover - pdfminer.six is a dependency
        raise LvcheckError(
            label,
            1,
            1,
            codes.PDF_UNREADABLE,
            "reading a PDF needs pdfminer.six: pip install pdfminer.six",
        ) from None
    pages: list[list[_Line]] = []
    try:
        for number, page in enumerate(
            extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES + 1), 1
        ):
            if number > MAX_PAGES:
                raise LvcheckError(
                    label, 1, 1, codes.PDF_UNREADABLE, f"has more than {MAX_PAGES} pages"
                )
            found: list[_Line] = []
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        text = line.get_text().rstrip("\n")
                        found.append(_Line(text, page.height - line.y1, line.height, number))
            found.sort(key=lambda line: line.top)
            pages.append(found)
    except LvcheckError:
        raise
    except Exception as exc:  # pdfminer raises many types for damaged or encrypted files
        reason = type(exc).__name__
        raise LvcheckError(
            label,
            1,
            1,
            codes.PDF_UNREADABLE,
            f"is not a readable PDF ({reason}): damaged or encrypted",
        ) from None
    return pages, len(pages)


def _key(line: _Line) -> tuple[str, int]:
    return _DIGITS.sub("#", line.text.strip()), round(line.top / 4)


def read_pdf(data: bytes, label: str) -> Source:
    """A PDF's paragraphs, running headers, footers and page numbers left out. Raises
    LvcheckError for what is no readable PDF (LV420) or has no text layer (LV421)."""
    pages, count = _lines(data, label)
    if not any(pages):
        raise LvcheckError(
            label,
            1,
            1,
            codes.PDF_NO_TEXT,
            f"has no text layer ({count} page(s) of images only): OCR it first",
        )
    repeated = Counter(key for page in pages for key in {_key(line) for line in page})
    running = {key for key, n in repeated.items() if count >= 3 and n * 2 > count}
    paras: list[Para] = []
    layout: list[str] = []
    block: list[str] = []
    start = 1
    number = 0
    for page in pages:
        previous: _Line | None = None
        for line in page:
            number += 1
            if (
                _key(line) in running
                or PAGE_NUMBER.fullmatch(line.text)
                or _PAGE_OF.fullmatch(line.text)
            ):
                layout.append(line.text.strip())
                continue
            gap = line.top - (previous.top + previous.height) if previous else 0.0
            if previous is not None and gap > max(line.height, previous.height) * 0.6 and block:
                paras.append(Para(tuple(block), start))
                block = []
            if not block:
                start = number
            block.append(line.text)
            previous = line
    if block:
        paras.append(Para(tuple(block), start))
    return Source(label, "pdf", tuple(paras), tuple(layout))
