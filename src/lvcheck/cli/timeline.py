"""The command line about time: deadlines, status, consolidate, history. Click commands over
the public API, loaded by the command group when one of them is asked for."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from lvcheck.cli.args import (
    EXIT_FINDINGS,
    default_paths,
    fail,
    format_option,
    output_option,
    report,
    write_output,
)

DEADLINE_FORMATS = ("text", "json", "ics")
STATUS_FORMATS = ("text", "json")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--from", "start", type=click.DateTime(["%Y-%m-%d"]), help="First day [default: today]."
)
@click.option(
    "--to", "end", type=click.DateTime(["%Y-%m-%d"]), help="Last day [default: twelve months on]."
)
@format_option(
    DEADLINE_FORMATS,
    "text, json, or ics (iCalendar, RFC 5545) for a calendar to import or subscribe to.",
)
@click.option(
    "--alarm",
    "alarms",
    multiple=True,
    metavar="PERIOD",
    help="ics: a reminder this long before each notice deadline, as P3M, P1M, P1W, P2D "
    "(repeatable) [default: P3M, P1M and P1W].",
)
@output_option
def deadlines(
    paths: tuple[Path, ...],
    start: Any,
    end: Any,
    output_format: str,
    alarms: tuple[str, ...],
    output: Path | None,
) -> None:
    """Every deadline of the agreements in force or signed: start, term ends, renewals, the
    last day on which notice can be given, and the recurring duties their clauses set.

    PATHS are files or folders (default ./contracts). Periods follow §§ 187, 188 BGB; a
    deadline on a weekend or public holiday is marked, never moved. Exit 0; 2 on trouble.
    """
    import re

    from lvcheck.api import deadlines as compute
    from lvcheck.api import render

    for alarm in alarms:
        if not re.fullmatch(r"P\d{1,3}[MWD]", alarm):
            fail(f"--alarm {alarm!r}: expected a period such as P3M, P1M, P1W or P2D")
    if start and end and end < start:
        fail("--to is before --from")
    calendar = compute(
        default_paths(paths), start.date() if start else None, end.date() if end else None
    )
    report(calendar.diagnostics)
    text = render(calendar, output_format, alarms=alarms or None)
    assert isinstance(text, str)
    write_output(output, text, list(paths))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--at", "day", type=click.DateTime(["%Y-%m-%d"]), help="The day [default: today].")
@format_option(STATUS_FORMATS)
def status(paths: tuple[Path, ...], day: Any, output_format: str) -> None:
    """Which version of each agreement is in force on a day: since and until when, in which
    renewal term, what replaced it and under which clause.

    PATHS are files or folders (default ./contracts). Marked with "!": agreements with no
    version in force, drafts past their start date, and duties outstanding because the
    agreement that replaces one has been adopted (the Mustervertrag under NRW § 14 Abs. 4),
    quoting the clause. Exit 0; 2 on trouble.
    """
    from lvcheck.api import render
    from lvcheck.api import status as compute

    states = compute(default_paths(paths), day.date() if day else None)
    report(states.diagnostics)
    text = render(states, output_format)
    assert isinstance(text, str)
    click.echo(text, nl=False)


@click.command()
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("amendments", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--at", "day", type=click.DateTime(["%Y-%m-%d"]), help="Apply the amendments in force then."
)
@output_option
def consolidate(base: Path, amendments: tuple[Path, ...], day: Any, output: Path | None) -> None:
    """Apply amendments (Nachträge) to their base agreement: the consolidated text, as
    canonical XML whose relations name the base and the amendments.

    AMENDMENTS default to those in the repository around BASE. A modification that does not
    apply (a missing target, old words not found exactly once) is an error (LV390, exit 2).
    """
    from lvcheck.api import consolidate as compute
    from lvcheck.document.canonical import serialize
    from lvcheck.document.write import write_agreement

    result = compute(base, list(amendments) or None, day.date() if day else None)
    for pending in result.pending:
        click.echo(f"{pending.label}: not yet in force on that day, not applied", err=True)
    text = serialize(write_agreement(result.agreement)).decode("utf-8")
    write_output(output, text, [base, *amendments])


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--clause",
    required=True,
    help='The clause: its citation in the earliest text ("§ 14 Abs. 4") or its eId.',
)
@format_option(STATUS_FORMATS)
def history(paths: tuple[Path, ...], clause: str, output_format: str) -> None:
    """A clause in every version and consolidated text, with dates and the words changed
    from one to the next. The clause is followed by its eId, so a renumbered clause is found.

    PATHS are files or folders (default ./contracts). Exit 0 found, 1 not found, 2 trouble.
    """
    from lvcheck.api import history as compute
    from lvcheck.api import render

    result = compute(default_paths(paths), clause)
    report(result.diagnostics)
    text = render(result, output_format)
    assert isinstance(text, str)
    click.echo(text, nl=False)
    if not result.eid:
        sys.exit(EXIT_FINDINGS)
