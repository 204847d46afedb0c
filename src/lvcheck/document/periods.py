"""Periods of months and years after §§ 187, 188 BGB, forwards and backwards.

Forwards (a period that starts with an event, § 187 Abs. 1): a period of n months after
an event on day D ends with the end of the day of the n-th month after it that bears D's
number (§ 188 Abs. 2); where that month has no such day, with its last day (§ 188 Abs. 3).

    after(date(2024, 1, 31), months=1) == date(2024, 2, 29)    # 31 Feb does not exist
    after(date(2023, 1, 31), months=1) == date(2023, 2, 28)
    after(date(2020, 2, 29), months=60) == date(2025, 2, 28)   # five years from 29 Feb

A period that begins with the start of a day (§ 187 Abs. 2: "tritt am 01.08.2024 in Kraft",
and a duty "mindestens alle fünf Jahre" from then) ends with the day before the day of the
last month that bears the first day's number (§ 188 Abs. 2, second case), or with the last
day of that month where it has no such day (§ 188 Abs. 3):

    from_start_of(date(2024, 8, 1), months=60) == date(2029, 7, 31)
    from_start_of(date(2024, 1, 31), months=1) == date(2024, 2, 29)   # no 31 February

Backwards (a notice that must be given n months before a day E, "mit einer Frist von 12
Monaten zum Ende des Kitajahres", "sechs Monate vor dem Ende"): the n months run backwards
from the end of E, so they begin with the day after E, n months earlier; notice must be
received at the latest on the day before that beginning.

    last_day_for_notice(date(2022, 8, 31), months=6) == date(2022, 2, 28)
    last_day_for_notice(date(2026, 7, 31), months=12) == date(2025, 7, 31)
    last_day_for_notice(date(2024, 9, 30), months=1) == date(2024, 8, 31)

The last example is the classic error of contract tools: 30 September minus one month
"is" 30 August, a day too early for whoever gives notice on 31 August. Month arithmetic
never rounds silently here: a day that does not exist becomes the month's last day, and only
where §§ 187, 188 BGB say so.

Whether a deadline that falls on a Saturday, Sunday or public holiday moves (§ 193 BGB): for
notice periods the courts hold that it does not (the period protects the recipient), so a
notice deadline stays and lvcheck says what day it falls on; a duty to perform on a day (a
report due "zum 30. September") moves to the next working day under § 193 BGB, and lvcheck
keeps the contract's day and names the day it is due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta


def days_in_month(year: int, month: int) -> int:
    """The number of days of a month: the day before the first of the next (datetime knows
    the leap years; the module calendar would cost every start a third of a millisecond)."""
    if month == 12:  # the next month's first day may lie beyond the calendar's end (9999)
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def add_months(day: date, months: int) -> date:
    """The day bearing ``day``'s number ``months`` later (or earlier, when negative); the
    month's last day where the month has no such day (§ 188 Abs. 3 BGB)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = days_in_month(year, month + 1)
    return date(year, month + 1, min(day.day, last))


def after(event: date, months: int) -> date:
    """The last day of a period of ``months`` that starts with an event on ``event``
    (§ 187 Abs. 1, § 188 Abs. 2 and 3 BGB)."""
    return add_months(event, months)


def from_start_of(first_day: date, months: int) -> date:
    """The last day of a period of ``months`` whose first day is ``first_day``, counted
    whole (§ 187 Abs. 2, § 188 Abs. 2 second case and Abs. 3 BGB)."""
    index = first_day.year * 12 + (first_day.month - 1) + months
    year, month = divmod(index, 12)
    last = days_in_month(year, month + 1)
    if first_day.day > last:
        return date(year, month + 1, last)
    return date(year, month + 1, first_day.day) - timedelta(days=1)


def next_working_day(day: date, holidays: Callable[[date], bool]) -> date:
    """The day itself, or where it is a Saturday, Sunday or public holiday the next working
    day: where § 193 BGB moves a day on which a performance is due."""
    while day.weekday() >= 5 or holidays(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date, holidays: Callable[[date], bool]) -> date:
    """The last working day before ``day`` (not a Saturday, Sunday or public holiday): the
    day by which notice due on a weekend or holiday is safely received."""
    day -= timedelta(days=1)
    while day.weekday() >= 5 or holidays(day):
        day -= timedelta(days=1)
    return day


def last_day_for_notice(end: date, months: int) -> date:
    """The last day on which notice reaches the other side in time, when it must be given
    ``months`` before the end of ``end`` (the period counted backwards from that end)."""
    return add_months(end + timedelta(days=1), -months) - timedelta(days=1)


def kita_year_end(on_or_after: date, month: int, day: int) -> date:
    """The first end of a Kindergartenjahr (month/day, e.g. 31 July) on or after a day."""
    end = date(on_or_after.year, month, day)
    return end if end >= on_or_after else date(on_or_after.year + 1, month, day)
