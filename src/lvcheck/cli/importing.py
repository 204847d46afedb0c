"""The commands that bring agreements in: import (Word, PDF, text into the repository's
XML) and fidelity (the word-for-word check of an agreement against its source)."""

from __future__ import annotations

from pathlib import Path

import click

from lvcheck.cli.args import EXIT_FINDINGS, fail, report, show
from lvcheck.errors import LvcheckError


def _land_of(folder: Path) -> str | None:
    from lvcheck.data import load

    folders: dict[str, str] = load("regions.toml")["folders"]
    return folders.get(folder.name) or next(
        (folders[p.name] for p in folder.parents if p.name in folders), None
    )


def _target(source: Path, output: Path | None, into: Path | None) -> Path | None:
    if into is not None:
        return into / f"{source.stem}.xml"
    return output


def _refuse(target: Path, sources: list[Path], force: bool, also: list[Path]) -> None:
    from lvcheck import codes
    from lvcheck.output import refuse_overwriting

    refuse_overwriting(target, [*sources, *also])
    if target.exists() and not force:
        raise LvcheckError(
            str(target),
            1,
            1,
            codes.IMPORT_OUTPUT_EXISTS,
            "exists already; lvcheck writes over it only with --force",
        )


@click.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the agreement to this file (one SOURCE only).",
)
@click.option(
    "--into",
    type=click.Path(path_type=Path),
    help="Write each agreement into this folder as SOURCE-NAME.xml; the folder "
    "names the Land (contracts/nrw/).",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="The source is an instance of this template: its clauses take the "
    "template's eIds, text where the template has a blank fills that field.",
)
@click.option(
    "--onto",
    type=click.Path(path_type=Path),
    help="The source is the next version of this agreement: continuing clauses "
    "keep their eIds; the diff against it is printed.",
)
@click.option(
    "--accept-changes",
    "changes",
    flag_value="accept",
    help="Take a Word document's tracked changes as accepted.",
)
@click.option(
    "--reject-changes",
    "changes",
    flag_value="reject",
    help="Take a Word document's tracked changes as rejected.",
)
@click.option(
    "--jurisdiction", metavar="DE-XX", help="The Land, where neither the words nor --into say it."
)
@click.option("--work", metavar="ID", help="The new work's id (default: from the file name).")
@click.option("--force", is_flag=True, help="Write over an existing output file.")
def import_(
    sources: tuple[Path, ...],
    output: Path | None,
    into: Path | None,
    template: Path | None,
    onto: Path | None,
    changes: str | None,
    jurisdiction: str | None,
    work: str | None,
    force: bool,
) -> None:
    """Import agreements from Word (.docx), PDF, text or Markdown, word for word.

    Each SOURCE becomes an agreement in the repository's XML, canonical and valid, checked
    word for word against the source: a word missing or invented stops the import. Without
    -o or --into the agreement is printed. Tracked changes in a Word document stop the
    import until --accept-changes or --reject-changes chooses a view.
    """
    from lvcheck.api import import_source

    if output is not None and into is not None:
        fail("give -o or --into, not both")
    if len(sources) > 1 and into is None:
        fail("several SOURCEs are written with --into FOLDER")
    if template is not None and onto is not None:
        fail("give --template or --onto, not both")
    if onto is not None and output is None and into is None:
        fail("--onto writes the next version: name it with -o FILE or --into FOLDER")
    land = jurisdiction or (_land_of(into) if into is not None else None)
    if land is None and output is not None:
        land = _land_of(output.parent.resolve()) if output.parent.exists() else None
    bases = [p for p in (template, onto) if p is not None]
    for source in sources:
        target = _target(source, output, into)
        if target is not None:
            _refuse(target, list(sources), force, bases)
        done = import_source(
            source,
            template=template,
            onto=onto,
            accept_changes=None if changes is None else changes == "accept",
            jurisdiction=land,
            work=work,
        )
        report(done.notes)
        if target is None:
            click.echo(done.xml.decode("utf-8"), nl=False)
            continue
        from lvcheck.output import write_atomic

        write_atomic(target, done.xml)
        click.echo(f"{show(source)} -> {show(target)}", err=True)
        if onto is not None:
            from lvcheck.api import diff, render

            shown = render(diff(onto, target), "text")
            click.echo(shown if isinstance(shown, str) else shown.decode(), nl=False)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("agreement", type=click.Path(path_type=Path))
def fidelity(source: Path, agreement: Path) -> None:
    """Check an agreement word for word against its source (.docx, .pdf, .txt, .md).

    Prints every run of source words the agreement misses and every run of words it
    invents, with their places, then the counts. Layout is no word: line breaks, bullets,
    Markdown marks, page numbers, running headers and footers, footnote markers, blanks.
    Exit 0 when none is missing or invented, 1 otherwise, 2 when a file cannot be read.
    """
    from lvcheck.api import fidelity as check
    from lvcheck.importing.run import fidelity_diagnostics

    result = check(source, agreement)
    for diagnostic in fidelity_diagnostics(result, show(source), show(agreement)):
        click.echo(str(diagnostic))
    missing = sum(len(g.words) for g in result.missing)
    invented = sum(len(g.words) for g in result.invented)
    click.echo(
        f"{result.source_words - missing:,} of {result.source_words:,} source words kept "
        f"({result.matched_in_order:,} in order), {missing:,} missing, {invented:,} invented"
    )
    if not result.exact:
        raise SystemExit(EXIT_FINDINGS)
