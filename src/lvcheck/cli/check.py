"""The commands that check files: validate (the CI gate), fmt (the canonical layout) and
seal (the digest of a concluded version's signed text)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lvcheck.cli.args import (
    EXIT_FINDINGS,
    EXIT_TROUBLE,
    default_paths,
    fail,
    format_option,
    report,
    show,
)
from lvcheck.errors import LvcheckError

# The format names of the render registry, spelled out so that `--help` needs no import.
FINDING_FORMATS = ("text", "json", "github", "sarif", "junit")


@click.command()
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


@click.command()
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
            click.echo(f"{show(path)}: {done}")
    done = "not canonical" if check else "reformatted"
    broken = f", {unusable} not readable as XML" if unusable else ""
    click.echo(f"{len(files)} file(s), {len(changed)} {done}{broken}", err=True)
    if unusable:
        sys.exit(EXIT_TROUBLE)
    if check and changed:
        sys.exit(EXIT_FINDINGS)


_SEALED = {
    "sealed": "digest of the signed text recorded",
    "unchanged": "sealed, text unchanged",
    "not concluded": "not concluded (a signature date is empty): not sealed",
    "changed": (
        "signed text changed since it was sealed: amend it by a Nachtrag or a new version "
        "(--renew only where the file is corrected to read as the signed original)"
    ),
}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--renew",
    is_flag=True,
    help="Record the digest of the text as it stands where it records another one.",
)
def seal(paths: tuple[Path, ...], renew: bool) -> None:
    """Record in each concluded agreement the digest of its signed text (default:
    ./contracts); validate then reports any later change of those words (LV392).

    Concluded: every signature dated. The header stays editable (status, notes); the file
    is written in the canonical layout, which the digest ignores, as lvcheck fmt does.
    Exit 1 when a sealed file's text no longer matches its digest.
    """
    from lvcheck.api import seal as record
    from lvcheck.files import iter_agreement_files

    files = list(iter_agreement_files(default_paths(paths)))
    if not files:
        fail("no *.xml files found in the given folders")
    outcomes: list[str] = []
    for path in files:  # a broken file is reported, and the others are still sealed
        try:
            outcome = record(path, renew)
        except LvcheckError as error:
            report(error.diagnostics)
            outcomes.append("unusable")
            continue
        outcomes.append(outcome)
        click.echo(f"{show(path)}: {_SEALED[outcome]}")
    click.echo(
        f"{len(files)} file(s), {outcomes.count('sealed')} sealed, "
        f"{outcomes.count('changed')} changed since sealed",
        err=True,
    )
    if "unusable" in outcomes:
        sys.exit(EXIT_TROUBLE)
    if "changed" in outcomes:
        sys.exit(EXIT_FINDINGS)
