"""The command line: click commands over the public API (lvcheck.api) and the render
registry. Messages and exit codes are decided here, and only here.

Exit codes: 0 fine; 1 findings (invalid or non-canonical documents); 2 usage errors and
input that cannot be used at all (missing, unreadable, not XML where XML is needed).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from lvcheck import __version__
from lvcheck.cli_args import (
    DEFAULT_FOLDER,
    EXIT_FINDINGS,
    EXIT_TROUBLE,
    default_paths,
    fail,
    format_option,
    output_option,
    report,
    write_output,
)
from lvcheck.errors import LvcheckError
from lvcheck.safe_text import escape_controls

# Each command imports what it needs when it runs: `lvcheck validate` in a CI job is
# started thousands of times and should not pay for the model and the renderers.

# The format names of the render registry, spelled out so that `--help` needs no import.
FINDING_FORMATS = ("text", "json", "github", "sarif", "junit")
AGREEMENT_FORMATS = ("text", "html", "pdf")
DIFF_FORMATS = ("text", "markdown", "json", "html")
REVIEW_FORMATS = ("markdown", "json")


# The commands about time live in cli_timeline.py, loaded when one of them is asked for
# (or the list of commands): `lvcheck validate` does not pay for them.
TIMELINE_COMMANDS = ("consolidate", "deadlines", "history", "status")


class _Group(click.Group):
    """Turns lvcheck's one error type, and anything unforeseen, into a message and exit 2;
    loads the commands about time when they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *TIMELINE_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in TIMELINE_COMMANDS and cmd_name not in self.commands:
            from lvcheck import cli_timeline

            for command in cli_timeline.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except LvcheckError as error:
            report(error.diagnostics)
            ctx.exit(EXIT_TROUBLE)
        except KeyboardInterrupt:
            click.echo("lvcheck: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            raise  # the reader went away (| head): click ends quietly
        except OSError as error:  # inputs are read into findings: this is the output or the system
            what = error.strerror or type(error).__name__
            where = f" ({escape_controls(str(error.filename))})" if error.filename else ""
            click.echo(f"lvcheck: cannot finish: {what}{where}", err=True)
            ctx.exit(EXIT_TROUBLE)
        except Exception as error:
            click.echo(
                f"lvcheck: internal error ({type(error).__name__}: "
                f"{escape_controls(str(error))}); please report it with the input that caused it",
                err=True,
            )
            ctx.exit(EXIT_TROUBLE)


def _show(path: Path | str) -> str:
    return escape_controls(str(path))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lvcheck")
def cli() -> None:
    """Contract-as-code for Leistungsvereinbarungen (SGB IX): validate, format, export,
    diff, review."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(FINDING_FORMATS, "Report format (github: workflow annotations).")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for many files [default and maximum: number of CPUs].",
)
def validate(paths: tuple[Path, ...], output_format: str, strict: bool, jobs: int | None) -> None:
    """Check agreement files: schema, then semantic rules (docs/rules.md).

    PATHS are files, or folders searched for *.xml (default: ./contracts). The text
    report has one line per finding: path:line:col: CODE severity message [clause].
    Exit 0 when all are valid, 1 on findings, 2 when a file cannot be read.
    """
    from lvcheck.api import render, validate
    from lvcheck.rendering import findings

    checked = validate(default_paths(paths), jobs)
    if not checked:
        fail("no *.xml files found in the given folders")
    click.echo(render(checked, output_format, strict=strict), nl=False)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and summary_file:
        with Path(summary_file).open("a", encoding="utf-8") as summary:
            summary.write(findings.github_step_summary(checked))
    click.echo(findings.summary_line(checked), err=True)
    if any(result.unreadable for result in checked):
        sys.exit(EXIT_TROUBLE)
    if any(result.errors or (strict and result.warnings) for result in checked):
        sys.exit(EXIT_FINDINGS)


@cli.command()
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
    """Export an agreement as reading text, an HTML page or a PDF.

    SOURCE is an agreement file, or a folder (such as contracts/) with --format html and
    -o FOLDER: then a static site is written, with an index of all agreements by region,
    a page per version, and a diff page (redline and Synopse) between successive versions.
    Files are written atomically and never over a source file.
    """
    from lvcheck.api import build_site, load, render
    from lvcheck.files import is_folder, refuse_overwriting, write_atomic

    if is_folder(source):
        if output_format != "html" or output is None:
            fail("a folder is exported with --format html -o FOLDER")
        written = build_site(source, output)
        click.echo(f"{len(written)} file(s) written to {_show(output)}", err=True)
        return
    if output_format == "pdf" and output is None:
        fail("a PDF needs -o FILE")
    agreement = load(source)
    if day is not None:
        from lvcheck.api import consolidate
        from lvcheck.timeline.consolidate import with_pending_notes

        agreement = with_pending_notes(consolidate(source, at=day.date()))
    rendered = render(agreement, output_format, source_label=_show(source))
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    refuse_overwriting(output, [source])
    write_atomic(output, data)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 when a file is not in canonical form."
)
def fmt(paths: tuple[Path, ...], check: bool) -> None:
    """Rewrite agreement files in the canonical layout (default: ./contracts).

    One block element per line, two-space indent, fixed attribute order; running text
    is left exactly as it is, so the content never changes.
    """
    from lvcheck.document.canonical import format_file
    from lvcheck.files import iter_agreement_files

    files = list(iter_agreement_files(default_paths(paths)))
    if not files:
        fail("no *.xml files found in the given folders")
    changed: list[Path] = []
    unusable = 0
    for path in files:  # a broken file is reported, and the others are still formatted
        try:
            result = format_file(path, check)
        except LvcheckError as error:
            unusable += 1
            report(error.diagnostics)
            continue
        if result.changed:
            changed.append(path)
            done = "not canonical (run: lvcheck fmt)" if check else "reformatted"
            click.echo(f"{_show(path)}: {done}")
    done = "not canonical" if check else "reformatted"
    broken = f", {unusable} not readable as XML" if unusable else ""
    click.echo(f"{len(files)} file(s), {len(changed)} {done}{broken}", err=True)
    if unusable:
        sys.exit(EXIT_TROUBLE)
    if check and changed:
        sys.exit(EXIT_FINDINGS)


@cli.command()
@click.argument("old")
@click.argument("new")
@format_option(DIFF_FORMATS, "text (terminal), markdown (pull request), json, html.")
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
def diff(
    old: str,
    new: str,
    output_format: str,
    against_template: bool,
    output: Path | None,
    color: bool | None,
) -> None:
    """Compare two versions of an agreement, clause by clause and word by word.

    OLD and NEW are files, or git revisions as REV:path (main:contracts/nrw/x.xml).
    Exit 0 when they are the same, 1 when they differ, 2 on trouble.
    """
    from lvcheck.api import diff as compare
    from lvcheck.rendering.registry import render_diff

    result = compare(old, new, against_template)
    if color is None:
        color = output is None and sys.stdout.isatty()
    text = render_diff(result, output_format, color=color)
    write_output(output, text, [Path(old), Path(new)], color=color)
    if not result.is_empty:
        sys.exit(EXIT_FINDINGS)


@cli.command()
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


@cli.command()
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


def main() -> NoReturn:
    """The console script: the commands, then an exit that skips tearing down the
    interpreter. Python frees every object one by one on its way out, and after a diff of
    two large agreements that took a tenth of the whole run (60 of 500 ms at 10,000
    clauses); there is nothing to clean up that this does not do itself: outputs are
    written and closed by then, worker processes joined. (mypy exits the same way.)"""
    try:
        cli.main(prog_name="lvcheck")
        code = 0
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:  # sys.exit("message"): shown, and a failure
            click.echo(str(done.code), err=True)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        # a reader that went away, or a stream already closed: nothing left to say to it
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
