"""The commands that compare: diff (two versions) and review (a pull request)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lvcheck.cli.args import (
    DEFAULT_FOLDER,
    EXIT_FINDINGS,
    EXIT_TROUBLE,
    fail,
    format_option,
    output_option,
    report,
    write_output,
)

DIFF_FORMATS = ("text", "markdown", "json", "html", "docx", "pdf")
BINARY_FORMATS = ("docx", "pdf")  # written to a file only (-o)
REVIEW_FORMATS = ("markdown", "json")


@click.command()
@click.argument("old")
@click.argument("new")
@format_option(
    DIFF_FORMATS,
    "text (terminal), markdown (pull request), json, html, docx (Word, with tracked "
    "changes; needs -o), pdf (the HTML redline printed; needs -o).",
)
@click.option(
    "--against-template",
    is_flag=True,
    help="OLD is a template, NEW an instance: report only where the text departs "
    "from the template (filling a field is no deviation).",
)
@output_option
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text format [default: when writing to a terminal].",
)
@click.option(
    "--synopse",
    "synopsis",
    is_flag=True,
    help="docx: add the two-column Synopse (Bisherige Fassung | Neue Fassung) as a table.",
)
@click.option(
    "--author",
    default="lvcheck",
    show_default=True,
    help="docx: the author Word shows for every tracked change.",
)
def diff(
    old: str,
    new: str,
    output_format: str,
    against_template: bool,
    output: Path | None,
    color: bool | None,
    synopsis: bool,
    author: str,
) -> None:
    """Compare two versions of an agreement, clause by clause and word by word.

    OLD and NEW are files, or git revisions as REV:path (main:contracts/nrw/x.xml).
    With --format docx, a Word document whose tracked changes turn OLD into NEW: lvcheck
    accepts and rejects them all on the file it made and writes it only if that gives
    exactly NEW's and OLD's text. Exit 0 when they are the same, 1 when they differ,
    2 on trouble.
    """
    from lvcheck.api import diff as compare
    from lvcheck.rendering.registry import render_diff

    if output_format in BINARY_FORMATS and output is None:
        fail(f"a {'Word document' if output_format == 'docx' else 'PDF'} needs -o FILE")
    if output_format != "docx" and (synopsis or author != "lvcheck"):
        fail("--synopse and --author are options of --format docx")
    result = compare(old, new, against_template)
    if output_format in BINARY_FORMATS:
        from lvcheck.api import render
        from lvcheck.output import refuse_overwriting, write_atomic

        assert output is not None
        refuse_overwriting(output, [Path(old), Path(new)])
        data = render(result, output_format, synopsis=synopsis, author=author)
        assert isinstance(data, bytes)
        write_atomic(output, data)
        if not result.is_empty:
            sys.exit(EXIT_FINDINGS)
        return
    if color is None:
        color = output is None and sys.stdout.isatty()
    text = render_diff(result, output_format, color=color)
    write_output(output, text, [Path(old), Path(new)], color=color)
    if not result.is_empty:
        sys.exit(EXIT_FINDINGS)


@click.command()
@click.argument("base")
@click.argument("head")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(REVIEW_FORMATS, "markdown (one pull-request comment) or json.")
@click.option(
    "--against-templates",
    is_flag=True,
    help="Also compare each changed instance with its template (basedOn), showing only "
    "where its text departs from it.",
)
@output_option
@click.option(
    "--exit-zero-on-changes",
    is_flag=True,
    help="Exit 0, not 1, when agreements changed (in a pull-request workflow changes are "
    "the point); a file that cannot be read still exits 2.",
)
def review(
    base: str,
    head: str,
    paths: tuple[Path, ...],
    output_format: str,
    against_templates: bool,
    output: Path | None,
    exit_zero_on_changes: bool,
) -> None:
    """Review the agreements changed between two git revisions, as one comment.

    Finds the *.xml files under PATHS (default: contracts/) that differ between BASE and
    HEAD; compares a changed file with itself before, and a new file with the version its
    header says it supersedes (or whose supersededBy names it). Prints a Markdown comment
    (a table of the files, one section per comparison, under GitHub's 65,536 characters)
    or JSON. Exit 0 when no agreement changed, 1 when some did, 2 when a file cannot be
    read (it is in the output too) or git fails.
    """
    from lvcheck.api import review as review_revisions
    from lvcheck.revisions.comment import render as render_review

    result = review_revisions(base, head, paths or (DEFAULT_FOLDER,), against_templates)
    write_output(output, render_review(result, output_format))
    report(result.problems)
    changed = sum(1 for file in result.files if file.changed)
    click.echo(
        f"{len(result.files)} agreement file(s) differ, {changed} with changes, "
        f"{len(result.problems)} problem(s)",
        err=True,
    )
    if result.problems:
        sys.exit(EXIT_TROUBLE)
    if result.changed and not exit_zero_on_changes:
        sys.exit(EXIT_FINDINGS)
