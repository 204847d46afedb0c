"""What every command of the command line shares: exit codes, the default paths, where the
output goes and how findings are reported."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from lvcheck.errors import Diagnostic
from lvcheck.safe_text import escape_controls

F = TypeVar("F", bound=Callable[..., Any])
EXIT_FINDINGS = 1  # invalid or non-canonical documents
EXIT_TROUBLE = 2  # usage errors, input that cannot be used at all
DEFAULT_FOLDER = Path("contracts")


# -o/--output of every command whose output write_output() writes
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)


def format_option(choices: tuple[str, ...], help: str = "Output format.") -> Callable[[F], F]:
    """--format of every command: one of ``choices``, the first the default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


def fail(message: str) -> NoReturn:
    raise click.UsageError(message)


def default_paths(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The paths given, else the contracts/ folder here."""
    if paths:
        return paths
    if DEFAULT_FOLDER.is_dir():
        return (DEFAULT_FOLDER,)
    fail("no PATH given and no contracts/ folder here; name the files or folders to check")


def write_output(
    output: Path | None, text: str, inputs: Iterable[Path] = (), color: bool | None = None
) -> None:
    """Text to standard output, or atomically to a file that is none of the inputs."""
    if output is None:
        # color=: click strips colour codes when stdout is no terminal, unless told
        click.echo(text, nl=False, color=color)
        return
    from lvcheck.output import refuse_overwriting, write_atomic

    refuse_overwriting(output, inputs)
    write_atomic(output, text.encode("utf-8"))


def report(diagnostics: Iterable[Diagnostic]) -> None:
    """Findings on standard error, file names escaped (see safe_text)."""
    for diagnostic in diagnostics:
        click.echo(escape_controls(str(diagnostic)), err=True)


def show(path: Path | str) -> str:
    """A file name as it may be printed (see safe_text)."""
    return escape_controls(str(path))
