"""The command line: click commands over the public API (lvcheck.api) and the render
registry. Messages and exit codes are decided here, and only here.

Exit codes: 0 fine; 1 findings (invalid or non-canonical documents); 2 usage errors and
input that cannot be used at all (missing, unreadable, not XML where XML is needed).

Each command lives in a module of this package, loaded when the command is asked for
(COMMANDS): `lvcheck validate` in a CI job is started thousands of times and should pay
neither for the other commands nor for the model and the renderers.
"""

from __future__ import annotations

import contextlib
import os
import sys
from importlib import import_module
from typing import Any, NoReturn

import click

from lvcheck.cli.args import EXIT_TROUBLE, report
from lvcheck.errors import LvcheckError
from lvcheck.safe_text import escape_controls

# command name -> the module of this package that defines it (a click command of that name)
COMMANDS = {
    "validate": "check",
    "fmt": "check",
    "seal": "check",
    "export": "export",
    "textconv": "export",
    "diff": "compare",
    "review": "compare",
    "deadlines": "timeline",
    "status": "timeline",
    "consolidate": "timeline",
    "history": "timeline",
    "import": "importing",
    "fidelity": "importing",
}


class _Group(click.Group):
    """Loads a command's module when the command is asked for; turns lvcheck's one error
    type, and anything unforeseen, into a message and exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = import_module(f"lvcheck.cli.{COMMANDS[cmd_name]}")
        name = cmd_name.replace("-", "_")
        command = getattr(module, name, None) or getattr(module, f"{name}_")  # import_
        assert isinstance(command, click.Command)
        return command

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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lvcheck", prog_name="lvcheck")
def cli() -> None:
    """Contract-as-code for Leistungsvereinbarungen (SGB IX): validate, format, export,
    diff, review, import."""


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
