"""An agreement as PDF through WeasyPrint (an optional extra: pip install "lvcheck[pdf]").

The PDF is the HTML page printed with its print stylesheet: A4, page numbers in the foot
("Seite 3 von 9"), fonts embedded by WeasyPrint. WeasyPrint is imported only here, so
lvcheck works without it.
"""

from __future__ import annotations

from lvcheck import codes
from lvcheck.document.model import Agreement
from lvcheck.errors import LvcheckError
from lvcheck.rendering.html import render_html


def render_pdf(agreement: Agreement, source_label: str) -> bytes:
    """The PDF bytes. Raises LvcheckError when WeasyPrint is not installed."""
    try:
        from weasyprint import HTML  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint without its system libraries
        raise LvcheckError(
            source_label,
            1,
            1,
            codes.UNREADABLE,
            f'PDF export needs WeasyPrint: pip install "lvcheck[pdf]" ({exc})',
        ) from None
    html = HTML(string=render_html(agreement, source_label), base_url=None)
    pdf: bytes = html.write_pdf()
    return pdf
