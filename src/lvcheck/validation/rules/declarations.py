"""Declarations against the agreements they concern (LV601-LV610): a notice, its
withdrawal or rejection must concern a concluded version of the repository, come from one
of its parties to the other, rely on a clause it has, be in written form (§ 59 Abs. 2 SGB X;
§ 130 SGB IX for the Träger's notice without notice period), and reach the end it names in
time — where it does not, it reaches the next possible end (catalog/notices.py), and the
finding says which.
"""

from __future__ import annotations

from datetime import date

from lvcheck import codes, labels
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.declaration import Declaration, DeclarationKind, Form, Grounds
from lvcheck.catalog.notices import Effect
from lvcheck.catalog.record import Record
from lvcheck.document.citation import element_of_eid
from lvcheck.errors import Diagnostic, LvcheckError

WHERE = "Erklärung"
_AUTHORITY = "authority"  # the role of the Träger der Eingliederungshilfe


def _at(item: Declaration, element: str, code: str, message: str) -> Diagnostic:
    line = item.line_at(element)
    return Diagnostic(item.path, line, 1, code, message, codes.CODES[code].severity, WHERE)


def check(catalog: Catalog, asked: set[str], today: date) -> list[Diagnostic]:
    """The findings of the declarations among the files asked about."""
    found: list[Diagnostic] = []
    for item in catalog.declarations:
        if item.path in asked:
            found += _check(catalog, item, today)
    return found


def _check(catalog: Catalog, item: Declaration, today: date) -> list[Diagnostic]:
    found = _days(item, today)
    record = catalog.concerned(item)
    if record is None or not record.is_instance:
        named = item.work + (f", version {item.version}" if item.version else "")
        what = "a template, not an agreement between parties" if record else "nothing"
        return [
            *found,
            _at(
                item,
                "concerns",
                codes.DECLARATION_UNRESOLVED,
                f"concerns {named!r}, which names {what} in the repository",
            ),
        ]
    found += _parties(item, record)
    if item.clause and not _has_clause(catalog, record, item.clause):
        found.append(
            _at(
                item,
                "grounds",
                codes.DECLARATION_CLAUSE_MISSING,
                f"relies on clause {item.clause!r}, which {record.work} {record.version} "
                "does not have",
            )
        )
    if item.kind in (DeclarationKind.WITHDRAWAL, DeclarationKind.REJECTION):
        answered = [
            d
            for d in catalog.declarations_of(record)
            if d.id == item.answers and d.kind == DeclarationKind.NOTICE
        ]
        if not answered:
            found.append(
                _at(
                    item,
                    "answers",
                    codes.ANSWERS_UNRESOLVED,
                    f"answers {item.answers!r}, which is no notice recorded for "
                    f"{record.work} {record.version}",
                )
            )
    if item.kind == DeclarationKind.NOTICE:
        found += _notice(catalog, item, record)
    return found


def _days(item: Declaration, today: date) -> list[Diagnostic]:
    received = item.received
    if received is not None and received > today:
        return [
            _at(
                item,
                "received",
                codes.DECLARATION_DAY_IMPOSSIBLE,
                f"received on {labels.german_date(received)}, after today "
                f"({labels.german_date(today)}): record a declaration once it has been received",
            )
        ]
    if received is not None and item.dated is not None and received < item.dated:
        return [
            _at(
                item,
                "received",
                codes.DECLARATION_DAY_IMPOSSIBLE,
                f"received on {labels.german_date(received)}, before the day it is dated "
                f"({labels.german_date(item.dated)})",
            )
        ]
    return []


def _parties(item: Declaration, record: Record) -> list[Diagnostic]:
    found = []
    for element, party in (("from", item.sender), ("to", item.recipient)):
        if record.role_of(party) is None:
            known = ", ".join(repr(p) for p, _ in record.parties)
            found.append(
                _at(
                    item,
                    element,
                    codes.DECLARATION_PARTY_UNKNOWN,
                    f"party {party!r} is no party of {record.work} {record.version} "
                    f"(its parties: {known})",
                )
            )
    if item.sender == item.recipient:
        found.append(
            _at(
                item,
                "to",
                codes.DECLARATION_PARTY_UNKNOWN,
                f"sent by {item.sender!r} to itself: a declaration goes to the other party",
            )
        )
    return found


def _has_clause(catalog: Catalog, record: Record, eid: str) -> bool:
    try:
        root = catalog.tree(record)
    except LvcheckError:  # reported as that file's own finding
        return True
    return element_of_eid(root, eid) is not None


def _notice(catalog: Catalog, item: Declaration, record: Record) -> list[Diagnostic]:
    found = []
    if not Form(item.form).is_written:
        found.append(
            _at(
                item,
                "form",
                codes.NOTICE_NOT_WRITTEN,
                f"a notice in {item.form!r} form: § 59 Abs. 2 SGB X (and § 130 SGB IX for one "
                "without notice period) requires written form, signed by hand or with a "
                "qualified electronic signature; without it the notice is void (§ 125 BGB, "
                "applied through § 61 Satz 2 SGB X) and ends nothing",
            )
        )
    if item.grounds == Grounds.EXTRAORDINARY and record.role_of(item.sender) != _AUTHORITY:
        found.append(
            _at(
                item,
                "grounds",
                codes.EXTRAORDINARY_NOT_BY_AUTHORITY,
                "§ 130 SGB IX lets only the Träger der Eingliederungshilfe give notice without "
                f"notice period; {item.sender!r} is no such party (a provider may give "
                "ordinary notice, or notice under § 59 Abs. 1 SGB X)",
            )
        )
    result = next((e for e in catalog.notices(record) if e.notice.path == item.path), None)
    if result is not None:
        found += _reach(item, result)
    return found


def _reach(item: Declaration, result: Effect) -> list[Diagnostic]:
    if result.void is not None:
        return []  # LV603 or LV605 says why
    if result.last_day is None:
        if item.grounds in (None, Grounds.ORDINARY) and item.received is not None:
            return [
                _at(
                    item,
                    "grounds",
                    codes.NOTICE_WITHOUT_END,
                    "no end can be computed: the agreement's header states no notice terms "
                    "(<term><notice>), or none that lead to an end",
                )
            ]
        return []
    reached = labels.german_date(result.last_day)
    received = labels.german_date(item.received) if item.received else ""
    if result.late and item.end is not None:
        return [
            _at(
                item,
                "end",
                codes.NOTICE_LATE,
                f"received on {received}, too late for the end it names "
                f"({labels.german_date(item.end)}); it reaches the next possible end, "
                f"{reached}",
            )
        ]
    if result.not_an_end and item.end is not None:
        return [
            _at(
                item,
                "end",
                codes.NOTICE_NOT_AN_END,
                f"names {labels.german_date(item.end)}, which is no end the agreement allows; "
                f"read as notice to the next possible end (§ 140 BGB), {reached}",
            )
        ]
    return []
