"""The commands that print an agreement: export (text, HTML, PDF, the site) and textconv
(the reading text for `git diff`)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import click

from lvcheck.cli.args import fail, format_option, show
from lvcheck.errors import LvcheckError
from lvcheck.safe_text import escape_controls

AGREEMENT_FORMATS = ("text", "html", "pdf", "docx")
BINARY_FORMATS = ("pdf", "docx")  # written to a file only (-o)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@format_option(AGREEMENT_FORMATS)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file (a folder, for a folder SOURCE) instead of standard output.",
)
@click.option(
    "--at",
    "day",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The text in force on this day: the agreement with its amendments in force then "
    "(from the repository around it), each changed clause noted, pending changes too.",
)
def export(source: Path, output_format: str, output: Path | None, day: Any) -> None:
    """Export an agreement as reading text, an HTML page, a PDF or a Word document.

    SOURCE is an agreement file, or a folder (such as contracts/) with --format html and
    -o FOLDER: then a static site is written, with an index of all agreements by region,
    a page per version, and a diff page (redline and Synopse) between successive versions.
    Files are written atomically and never over a source file.
    """
    from lvcheck.api import build_site, load, render
    from lvcheck.files import is_folder
    from lvcheck.output import refuse_overwriting, write_atomic

    if is_folder(source):
        if output_format != "html" or output is None:
            fail("a folder is exported with --format html -o FOLDER")
        written = build_site(source, output)
        click.echo(f"{len(written)} file(s) written to {show(output)}", err=True)
        return
    if output_format in BINARY_FORMATS and output is None:
        fail(f"a {'PDF' if output_format == 'pdf' else 'Word document'} needs -o FILE")
    agreement = load(source)
    if day is not None:
        from lvcheck.api import consolidate
        from lvcheck.timeline.consolidate import with_pending_notes

        agreement = with_pending_notes(consolidate(source, at=day.date()))
    rendered = render(agreement, output_format, source_label=show(source))
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    refuse_overwriting(output, [source])
    write_atomic(output, data)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
def textconv(file: Path) -> None:
    """Print an agreement as reading text, for `git diff` (see README: git diff of clauses).

    Never fails: a file that is not a valid agreement is printed as it is, so that git
    still shows a diff.
    """
    from lvcheck.api import load, render
    from lvcheck.document.parse import read_bytes

    try:
        click.echo(render(load(file), "text"), nl=False)
    except LvcheckError as error:
        shown = escape_controls(str(error.diagnostic))
        click.echo(f"lvcheck textconv: {shown} (showing the raw file)", err=True)
        with contextlib.suppress(LvcheckError):  # unreadable: git shows nothing for it
            click.echo(read_bytes(file).decode("utf-8", "replace"), nl=False)
