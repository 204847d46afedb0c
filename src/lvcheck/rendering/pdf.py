"""An agreement as an accessible PDF through WeasyPrint, an optional extra: from the
repository checkout, ``pip install -e ".[pdf]"`` (lvcheck is not on the package index).

The PDF is the HTML page printed with its print stylesheet (agreement.css): A4 with margins,
"Seite 3 von 9" in the foot, a running header with title, version and Stand. It is tagged
as PDF/UA-1: a structure tree that screen readers follow, the document's title and language
(from <title> and lang="de") in its metadata, and bookmarks from the headings. WeasyPrint is
imported only here, so lvcheck works without it.
"""

from __future__ import annotations

from lvcheck import codes
from lvcheck.document.model import Agreement
from lvcheck.errors import LvcheckError
from lvcheck.rendering.html import render_html

INSTALL_HINT = 'python3 -m pip install -e ".[pdf]" (from the lvcheck checkout)'
PDF_VARIANT = "pdf/ua-1"  # tagged, with title, language and bookmarks


def render_pdf(agreement: Agreement, source_label: str) -> bytes:
    """The PDF bytes. Raises LvcheckError (LV002) when WeasyPrint is not installed."""
    try:
        from weasyprint import HTML  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint without its system libraries
        raise LvcheckError(
            "",
            0,
            0,
            codes.PDF_EXTRA_MISSING,
            f"PDF export needs WeasyPrint, which is not installed ({exc}); "
            f"install it with {INSTALL_HINT}",
        ) from None
    html = HTML(string=render_html(agreement, source_label), base_url=None)
    pdf: bytes = html.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return pdf
