"""The one error type of lvcheck, and the diagnostic it carries.

Problems *in* a document are returned as :class:`Diagnostic` values; only a file that
cannot be read or is not XML at all raises :class:`LvcheckError`, which wraps the same
diagnostic so that the CLI prints both the same way.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

USAGE = "LV001"  # codes.py names every code; this one is needed here, where it is raised


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # worth knowing, never a failure (e.g. a deviation the parties agreed)


class Diagnostic(NamedTuple):
    """One finding at a place in a file: ``path:line:col: CODE severity message``."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    clause: str = ""  # readable clause path such as "§ 7 > 7.2 > Punkt 3", where known

    def __str__(self) -> str:
        where = f" [{self.clause}]" if self.clause else ""
        place = f"{self.path}:{self.line}:{self.column}: " if self.path else ""
        return f"{place}{self.code} {self.severity.value} {self.message}{where}"


class LvcheckError(Exception):
    """A file that cannot be processed (unreadable, not XML, hostile, or invalid for a task).

    It carries one diagnostic, or several when a document is refused for its findings.
    """

    def __init__(self, path: str, line: int, column: int, code: str, message: str) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = (Diagnostic(path, line, column, code, message),)
        super().__init__(str(self.diagnostics[0]))

    @property
    def diagnostic(self) -> Diagnostic:
        return self.diagnostics[0]

    @classmethod
    def usage(cls, message: str) -> LvcheckError:
        """lvcheck was asked for something it does not do (LV001): no file is at fault."""
        return cls("", 0, 0, USAGE, message)

    @classmethod
    def from_diagnostics(cls, diagnostics: tuple[Diagnostic, ...]) -> LvcheckError:
        first = diagnostics[0]
        error = cls(first.path, first.line, first.column, first.code, first.message)
        error.diagnostics = diagnostics
        return error
