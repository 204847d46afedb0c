"""lvcheck import from PDF (importing/pdf.py): a PDF made by a real layout engine
(WeasyPrint, through lvcheck's own PDF export) read with its running header and footer
and its page numbers left out; what is no PDF or has no text layer refused in one line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from lvcheck import codes
from lvcheck.cli import cli
from lvcheck.document.load import load_agreement
from lvcheck.errors import LvcheckError
from lvcheck.importing.pdf import read_pdf

from . import needs
from .conftest import TEMPLATES


@cache
def _pdf(html: str | None = None) -> bytes:
    needs.module("weasyprint", 'the PDF extra: pip install -e ".[pdf]"')
    if html is not None:
        import weasyprint

        return bytes(weasyprint.HTML(string=html).write_pdf())
    from lvcheck.rendering.pdf import render_pdf

    return render_pdf(load_agreement(TEMPLATES["nrw"]), TEMPLATES["nrw"].name)


def test_running_header_footer_and_page_numbers_are_layout() -> None:
    source = read_pdf(_pdf(), "nrw.pdf")
    pages = sum(1 for line in source.layout if line.startswith("Seite "))
    assert pages >= 5
    assert [f"Seite {n} von {pages}" for n in range(1, pages + 1)] == [
        line for line in source.layout if line.startswith("Seite ")
    ]
    text = [line for para in source.paras for line in para.lines]
    assert not any(line.startswith("Seite ") for line in text)
    assert any("einmal jährlich zum 15. Oktober" in " ".join(p.lines) for p in source.paras)


def test_a_pdf_without_a_text_layer_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(
        _pdf('<html><body><div style="width:5cm;height:5cm;background:#000"></div></body></html>')
    )
    result = runner.invoke(cli, ["import", str(scan), "-o", str(tmp_path / "o.xml")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{scan}:1:1: LV421 error has no text layer (1 page(s) of images only): OCR it first"
    ]
    assert not (tmp_path / "o.xml").exists()


@pytest.mark.parametrize("data", [b"%PDF-1.7\nnot really", b"%PDF-1.4\n" + b"\x00" * 100])
def test_a_damaged_pdf_gives_lv420(data: bytes) -> None:
    with pytest.raises(LvcheckError) as raised:
        read_pdf(data, "kaputt.pdf")
    assert raised.value.diagnostic.code == codes.PDF_UNREADABLE
