"""The notices given of a version, as facts for status, deadlines and the site: when each
was received, the end it reaches, whether it came late for the end it named, whether it
was withdrawn or rejected, and why one ends nothing. rendering/notices_text.py words them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lvcheck import labels_events
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.declaration import DeclarationKind, Grounds
from lvcheck.catalog.record import Record
from lvcheck.document.periods import last_day_for_notice


@dataclass(frozen=True)
class NoticeState:
    path: str
    id: str
    clause: str | None  # the eId of the clause it relies on
    title: str
    example: bool
    sender_role: str  # the role of the party that gave it (authority, provider)
    received: date | None
    grounds: str | None
    named: date | None  # the end it names; None: the next possible end, or none named
    last_for_named: date | None  # the last day it had to be received for that end
    reaches: date | None  # the last day the agreement is in force by it
    late: bool
    not_an_end: bool
    void: str | None  # "form", "grounds": it ends nothing
    withdrawn: date | None  # the day its withdrawal was received
    rejected: date | None  # the day the other side's rejection was received

    @property
    def effective(self) -> bool:
        return self.void is None and self.withdrawn is None and self.reaches is not None

    def lines(self) -> list[str]:
        """The German sentences on it (labels_events.notice_lines)."""
        assert self.received is not None
        return labels_events.notice_lines(
            received=self.received,
            reaches=self.reaches,
            sender_role=self.sender_role,
            extraordinary=self.grounds == Grounds.EXTRAORDINARY,
            named=self.named,
            last_for_named=self.last_for_named,
            late=self.late,
            not_an_end=self.not_an_end,
            void=self.void,
            withdrawn=self.withdrawn,
            rejected=self.rejected,
        )


def notices_of(catalog: Catalog, record: Record, day: date) -> tuple[NoticeState, ...]:
    """The notices received by ``day`` of a version, in the order they were received."""
    found = []
    given = catalog.declarations_of(record)
    for result in catalog.notices(record):
        notice = result.notice
        if notice.received is None or notice.received > day:
            continue
        rejection = next(
            (
                d
                for d in given
                if d.kind == DeclarationKind.REJECTION
                and d.answers == notice.id
                and d.received is not None
                and d.received <= day
            ),
            None,
        )
        withdrawal = result.withdrawn_by
        named = None if notice.next_possible else notice.end
        months = record.life.notice_months
        last_for_named = last_day_for_notice(named, months) if named and months else None
        withdrawn = withdrawal.received if withdrawal is not None else None
        found.append(
            NoticeState(
                path=notice.path,
                id=notice.id,
                clause=notice.clause,
                title=notice.title,
                example=notice.example,
                sender_role=record.role_of(notice.sender) or "",
                received=notice.received,
                grounds=notice.grounds,
                named=named,
                last_for_named=last_for_named,
                reaches=result.last_day,
                late=result.late,
                not_an_end=result.not_an_end,
                void=result.void,
                withdrawn=withdrawn if withdrawn is not None and withdrawn <= day else None,
                rejected=rejection.received if rejection is not None else None,
            )
        )
    return tuple(found)
