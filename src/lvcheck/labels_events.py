"""German words for declarations after signing: notices, their withdrawal and rejection
(what status, deadlines and the site say of them). labels.py holds the rest."""

from __future__ import annotations

from datetime import date

from lvcheck.labels import ROLES, german_date

TERMINATION_SUMMARY = "Ende der Vereinbarung durch Kündigung (Zugang {received})"
NOTICE_REACHES = "gekündigt zum {end} (Zugang {received}), durch den {sender}"
NOTICE_REACHES_EXTRAORDINARY = (
    "fristlos gekündigt (§ 130 SGB IX) mit Wirkung zum {end} (Zugang {received}), "
    "durch den {sender}"
)
NOTICE_LATE = (
    "Die Kündigung nennt den {named}; für dieses Ende musste sie spätestens am {last} "
    "zugehen. Sie wirkt zum nächstmöglichen Ende, dem {end}."
)
NOTICE_NOT_AN_END = (
    "Die Kündigung nennt den {named}, zu dem die Vereinbarung nicht gekündigt werden kann; "
    "gelesen als Kündigung zum nächstmöglichen Ende (§ 140 BGB), dem {end}."
)
NOTICE_VOID_FORM = (
    "Kündigung (Zugang {received}) nicht in Schriftform: nach § 59 Abs. 2 SGB X unwirksam, "
    "sie beendet die Vereinbarung nicht"
)
NOTICE_VOID_GROUNDS = (
    "Fristlose Kündigung (Zugang {received}) durch den {sender}: § 130 SGB IX gibt dieses "
    "Recht nur dem Träger der Eingliederungshilfe; ob sie als ordentliche Kündigung wirkt, "
    "entscheidet lvcheck nicht"
)
NOTICE_OPEN = "Kündigung (Zugang {received}): ihr Ende ergibt sich nicht aus den Kopfdaten"
NOTICE_WITHDRAWN = "Kündigung (Zugang {received}) zurückgenommen (Zugang {withdrawn})"
NOTICE_REJECTED = "Die andere Seite hat die Kündigung zurückgewiesen (Zugang {rejected})."


def sender_name(role: str) -> str:
    """ "Leistungserbringer", "Träger der Eingliederungshilfe": who gave a notice."""
    return ROLES.get(role, role or "Vertragspartner")


def notice_lines(
    *,
    received: date,
    reaches: date | None,
    sender_role: str,
    extraordinary: bool = False,
    named: date | None = None,
    last_for_named: date | None = None,
    late: bool = False,
    not_an_end: bool = False,
    void: str | None = None,
    withdrawn: date | None = None,
    rejected: date | None = None,
) -> list[str]:
    """What a lawyer writes of a notice: "gekündigt zum 31.07.2027 (Zugang 16.03.2026),
    durch den Leistungserbringer", then why it reaches that end where it named another, or
    why it ends nothing."""
    day, sender = german_date(received), sender_name(sender_role)
    if withdrawn is not None:
        return [NOTICE_WITHDRAWN.format(received=day, withdrawn=german_date(withdrawn))]
    if void == "form":
        return [NOTICE_VOID_FORM.format(received=day)]
    if void == "grounds":
        return [NOTICE_VOID_GROUNDS.format(received=day, sender=sender)]
    if reaches is None:
        return [NOTICE_OPEN.format(received=day)]
    words = NOTICE_REACHES_EXTRAORDINARY if extraordinary else NOTICE_REACHES
    lines = [words.format(end=german_date(reaches), received=day, sender=sender)]
    if late and named is not None and last_for_named is not None:
        lines.append(
            NOTICE_LATE.format(
                named=german_date(named), last=german_date(last_for_named), end=german_date(reaches)
            )
        )
    elif not_an_end and named is not None:
        lines.append(NOTICE_NOT_AN_END.format(named=german_date(named), end=german_date(reaches)))
    if rejected is not None:
        lines.append(NOTICE_REJECTED.format(rejected=german_date(rejected)))
    return lines
