"""What a notice does to an agreement: the end it reaches, from the day it was received
(Zugang, § 130 BGB) and the notice terms of the agreement's header (which LV350 holds to the
words of its clause), and whether a withdrawal took it back.

- An ordinary notice reaches the first end the agreement allows (the end of a term, of a
  Kindergartenjahr, or any day) on or after the end it names, by which it was received in
  time (§§ 187, 188 BGB backwards: document/periods.py). A late notice therefore reaches the
  next possible end; one that names a day that is no such end, the next such end after it:
  a notice "zum 15.03." of an agreement terminable only to the end of a Kitajahr is, in the
  usual reading (§ 140 BGB), a notice to the next possible end. Both are findings (LV602,
  LV604), since the parties may see it otherwise.
- An extraordinary notice (§ 130 SGB IX: fristlos) and one for changed circumstances
  (§ 59 Abs. 1 SGB X) end the agreement with their receipt (the day of receipt is its
  last), or on the later day they name.
- A notice not in written form (§ 59 Abs. 2 SGB X) ends nothing; nor does one under
  § 130 SGB IX given by another than the Träger der Eingliederungshilfe.
- A withdrawal received before or with the notice stops it (§ 130 Abs. 1 Satz 2 BGB); one
  received later only with the other side's consent (a notice received is a declaration
  that changes the legal position and cannot be taken back alone).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from lvcheck.catalog.declaration import Declaration, DeclarationKind, Form, Grounds
from lvcheck.catalog.lifecycle import Lifecycle, term_end
from lvcheck.document.periods import after, kita_year_end, last_day_for_notice

_HORIZON = 200  # ends looked at before giving up: a notice period of up to 200 terms


class Effect(NamedTuple):
    """A notice and what it does: the last day the agreement is in force (None: none can
    be computed from the header), whether it came too late for the end it names, whether
    it names a day that is no end the agreement allows, and whether it was withdrawn."""

    notice: Declaration
    last_day: date | None
    late: bool = False
    not_an_end: bool = False
    withdrawn_by: Declaration | None = None
    void: str | None = None  # why it ends nothing: "form" (LV603), "grounds" (LV605)

    @property
    def effective(self) -> bool:
        return self.withdrawn_by is None and self.void is None and self.last_day is not None


def _ends(life: Lifecycle, received: date) -> list[date] | None:
    """The ends an ordinary notice received on ``received`` may reach, in order (enough of
    them); None where the header states no notice terms."""
    months = life.notice_months
    if months is None or life.notice_before is None:
        return None
    if life.notice_before == "anyTime":
        return [after(received, months)]
    if life.notice_before == "endOfKitaYear" and life.kita_year_end:
        month, day = life.kita_year_end
        first = kita_year_end(life.start or received, month, day)
        return [date(first.year + n, month, day) for n in range(_HORIZON)]
    if life.notice_before == "endOfTerm":
        ends = [term_end(life, n) for n in range(_HORIZON if life.renewal_months else 1)]
        return [end for end in ends if end is not None]
    return None


def effect(notice: Declaration, life: Lifecycle, sender_role: str | None = None) -> Effect:
    """The end a notice reaches (see the module's rules). ``sender_role``: the role in the
    agreement of the party that gave it. A notice not in written form ends nothing, nor
    one without notice period under § 130 SGB IX given by another than the Träger (whether
    it holds as an ordinary notice is for the parties or a court: lvcheck does not decide)."""
    if not Form(notice.form).is_written:
        return Effect(notice, None, void="form")
    if notice.grounds == Grounds.EXTRAORDINARY and sender_role != "authority":
        return Effect(notice, None, void="grounds")
    received = notice.received
    if received is None:
        return Effect(notice, None)
    if notice.grounds in (Grounds.EXTRAORDINARY, Grounds.CHANGED_CIRCUMSTANCES):
        # it takes effect on receipt, during that day: the agreement applies to that day
        return Effect(notice, max(received, notice.end) if notice.end else received)
    try:
        ends = _ends(life, received)
    except (ValueError, OverflowError):  # a period reaching past the year 9999
        return Effect(notice, None)
    if not ends:
        return Effect(notice, None)
    months = life.notice_months or 0
    wanted = notice.end if notice.end and not notice.next_possible else None
    for end in ends:
        if wanted is not None and end < wanted:
            continue
        if life.notice_before == "anyTime" or last_day_for_notice(end, months) >= received:
            if wanted is None:
                return Effect(notice, end)
            is_end = wanted in ends or life.notice_before == "anyTime"
            late = is_end and end != wanted and life.notice_before != "anyTime"
            if life.notice_before == "anyTime":
                end = max(end, wanted)
            return Effect(notice, end, late=late, not_an_end=not is_end)
    return Effect(notice, None)


def withdrawal_of(notice: Declaration, declarations: list[Declaration]) -> Declaration | None:
    """The withdrawal that takes a notice back: received before or with it, or later with
    the other side's consent."""
    for other in declarations:
        if other.kind != DeclarationKind.WITHDRAWAL or other.answers != notice.id:
            continue
        in_time = other.received and notice.received and other.received <= notice.received
        if in_time or other.consented is not None:
            return other
    return None


def last_day(effects: list[Effect]) -> date | None:
    """The earliest last day any effective notice gives."""
    days = [e.last_day for e in effects if e.effective and e.last_day is not None]
    return min(days) if days else None
