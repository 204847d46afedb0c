"""An agreement as an accessible PDF through WeasyPrint, an optional extra: from the
repository checkout, ``pip install -e ".[pdf]"`` (lvcheck is not on the package index).

The PDF is the HTML page printed with its print stylesheet (agreement.css): A4 with margins,
"Seite 3 von 9" in the foot, a running header with title, version and Stand. It is tagged
as PDF/UA-1: a structure tree that screen readers follow, the document's title and language
(from <title> and lang="de") in its metadata, and bookmarks from the headings. WeasyPrint is
imported only here, so lvcheck works without it.
"""

from __future__ import annotations

from typing import Any

from lvcheck import codes
from lvcheck.comparison.changes import DiffResult
from lvcheck.document.model import Agreement
from lvcheck.errors import LvcheckError
from lvcheck.rendering.html import render_html

# For the PDF only (a user stylesheet: !important outweighs the page's own rules): a note
# stands at the foot of the page of its marker, under the marker the contract gives it, and
# the list of notes at the end of the web page is left out; bookmarks are named as the
# table of contents names the clause, without footnote markers.
PRINT_ONLY = """
.fn-druck { display: inline !important; float: footnote; font: 9pt/1.35 Georgia, serif;
            letter-spacing: normal; text-transform: none; }
.fn-druck::footnote-call { content: none; }
.fn-druck::footnote-marker { content: attr(data-marker) " "; font-weight: 700; }
@page { @footnote { border-top: .5pt solid #595e63; padding-top: 4pt; font-size: 9pt; } }
#fussnoten { display: none !important; }
h1[data-lesezeichen], h2[data-lesezeichen], h3[data-lesezeichen], h4[data-lesezeichen],
h5[data-lesezeichen], h6[data-lesezeichen] { bookmark-label: attr(data-lesezeichen); }
"""
INSTALL_HINT = 'python3 -m pip install -e ".[pdf]" (from the lvcheck checkout)'
PDF_VARIANT = "pdf/ua-1"  # tagged, with title, language and bookmarks


def _weasyprint() -> Any:
    """WeasyPrint's module. Raises LvcheckError (LV002) when it is not installed."""
    try:
        import weasyprint  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint without its system libraries
        raise LvcheckError(
            "",
            0,
            0,
            codes.PDF_EXTRA_MISSING,
            f"PDF export needs WeasyPrint, which is not installed ({exc}); "
            f"install it with {INSTALL_HINT}",
        ) from None
    return weasyprint


def render_diff_pdf(result: DiffResult) -> bytes:
    """The redline of a diff (its HTML page, printed), for readers without Word: the same
    tags, language, title and "Seite X von Y" as an agreement's PDF. Raises LvcheckError
    (LV002) when WeasyPrint is not installed."""
    from lvcheck.rendering.diff_html import render_diff_html

    weasyprint = _weasyprint()
    html = weasyprint.HTML(string=render_diff_html(result), base_url=None)
    pdf: bytes = html.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return pdf


def render_pdf(agreement: Agreement, source_label: str) -> bytes:
    """The PDF bytes. Raises LvcheckError (LV002) when WeasyPrint is not installed."""
    weasyprint = _weasyprint()
    html = weasyprint.HTML(string=render_html(agreement, source_label), base_url=None)
    pdf: bytes = html.write_pdf(
        stylesheets=[weasyprint.CSS(string=PRINT_ONLY)], pdf_variant=PDF_VARIANT, pdf_tags=True
    )
    return pdf
