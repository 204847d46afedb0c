"""Dates and periods as the header states them: ISO 8601 dates and xs:duration periods.

The one place where lvcheck parses them; how a reader sees them (15.01.2025, 12 Monate)
is in lvcheck.labels.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERIOD = re.compile(r"P(\d+)([YMWD])")


def parse_date(value: str | None) -> date | None:
    """A date written YYYY-MM-DD that exists in the calendar, else None."""
    if not value or not _ISO_DATE.fullmatch(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


class Period(NamedTuple):
    """A period of whole years, months, weeks or days (P12M, P1Y, P6W, P14D)."""

    amount: int
    unit: str  # "Y", "M", "W" or "D"

    @property
    def months(self) -> int | None:
        """The period in months, where it is a number of months or years."""
        if self.unit == "Y":
            return self.amount * 12
        if self.unit == "M":
            return self.amount
        return None

    @property
    def days(self) -> int | None:
        if self.unit == "W":
            return self.amount * 7
        if self.unit == "D":
            return self.amount
        return None

    def __str__(self) -> str:
        return f"P{self.amount}{self.unit}"


def parse_period(value: str | None) -> Period | None:
    """P12M -> Period(12, "M"); anything but a single whole unit is None."""
    found = _PERIOD.fullmatch((value or "").strip())
    return Period(int(found.group(1)), found.group(2)) if found else None


_PLACE_DATE = re.compile(r"^(?P<place>\S.*?),\s*(?P<date>\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})$")


def place_date(value: str) -> date | None:
    """The date of a "Ort, Datum" value ("Köln, 15.07.2024" or "Köln, 2024-07-15"), or None."""
    found = _PLACE_DATE.match(value.strip())
    if not found:
        return None
    written = found.group("date")
    if "." in written:
        day, month, year = written.split(".")
        written = f"{year}-{month}-{day}"
    return parse_date(written)
