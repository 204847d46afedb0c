"""Fields: an agreement fills every required field with a value of its type; a template
leaves them for the instances (LV330, LV331, LV332)."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from lvcheck import codes
from lvcheck.document.dates import parse_date, place_date
from lvcheck.document.kinds import Kind
from lvcheck.validation.rules.base import NS, Document, Findings

# a string: re compiles it when the first time-range field is met, not at every start
_TIME_RANGE = r"^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$"


def _is_time_range(value: str) -> bool:
    found = re.match(_TIME_RANGE, value)
    if not found:
        return False
    start_h, start_m, end_h, end_m = (int(g) for g in found.groups())
    return (start_h, start_m) < (end_h, end_m)


CHECKS: dict[str, tuple[Callable[[str], bool], str]] = {
    "date": (lambda v: parse_date(v) is not None, "a date as YYYY-MM-DD, e.g. 2024-08-01"),
    "number": (lambda v: bool(re.fullmatch(r"\d+([.,]\d+)?", v)), "a number, e.g. 75"),
    "postalCode": (
        lambda v: bool(re.fullmatch(r"\d{5}(\s+\S.*)?", v)),
        "a five-digit PLZ, optionally followed by the place, e.g. 94032 Passau",
    ),
    "phone": (
        lambda v: bool(re.fullmatch(r"\+?[0-9][0-9 ()/\-]{4,}", v)),
        "a phone number of digits, spaces, ( ) / -, e.g. 0851 123456-0",
    ),
    "email": (
        lambda v: bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]+", v)),
        "an e-mail address, e.g. info@example.org",
    ),
    "timeRange": (_is_time_range, "a time range HH:MM-HH:MM that ends after it starts"),
    "placeDate": (
        lambda v: place_date(v) is not None,
        "a place, a comma and a date that exists, e.g. Köln, 15.07.2024",
    ),
}


def _choice_problem(field: etree._Element, value: str) -> str | None:
    offered = [option.get("value") for option in field.iterfind(NS + "option")]
    chosen = value.split()
    unknown = [token for token in chosen if token not in offered]
    if unknown:
        return f"{' '.join(unknown)!r} is not one of the options {' '.join(map(str, offered))!r}"
    if len(chosen) > 1 and field.get("multiple") != "true":
        return f"only one option may be chosen, got {value!r}"
    return None


def type_problem(field: etree._Element, value: str) -> str | None:
    """Why a value does not fit its field's type, or None when it does."""
    kind = field.get("type", "text")
    if kind == "choice":
        return _choice_problem(field, value)
    check = CHECKS.get(kind)
    if check is not None and not check[0](value):
        return f"{value!r} is not {check[1]}"
    return None


def check(document: Document) -> Findings:
    template = document.kind == Kind.TEMPLATE
    for field in document.all("field") + document.all("fillIn"):
        name = field.get("name")
        value = (field.get("value") or "").strip()
        if not value:
            if not template and field.get("required", "true") == "true":
                yield document.report(
                    codes.FIELD_REQUIRED,
                    field,
                    f"required field {name!r} is empty in an {document.kind} "
                    "(only a template leaves fields to fill)",
                )
            continue
        if template:
            yield document.report(
                codes.FIELD_IN_TEMPLATE,
                field,
                f"a template fills field {name!r}; instances should fill it",
            )
        problem = type_problem(field, value)
        if problem:
            yield document.report(codes.FIELD_TYPE, field, f"field {name!r}: {problem}")
