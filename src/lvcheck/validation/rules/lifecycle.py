"""The stored status against the status the term computes for today (LV370), an
agreement that takes effect before it was concluded where the law forbids it (LV371:
§ 126 Abs. 3 Satz 5 SGB IX forbids it for Vergütungen, not for the Leistungsvereinbarung),
and a successor that ends an agreement with its conclusion but starts later (LV372).
"""

from __future__ import annotations

from datetime import date

from lvcheck import codes, labels
from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.record import Record
from lvcheck.errors import Diagnostic
from lvcheck.validation.rules.clauses import agreement_type
from lvcheck.validation.rules.repository import HEADER


def _at(item: Record, code: str, message: str) -> Diagnostic:
    return Diagnostic(item.path, item.line, 1, code, message, codes.CODES[code].severity, HEADER)


def check(catalog: Catalog, today: date) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for item in catalog.records:
        life = item.life
        if not item.is_instance or life.start is None:
            # a template's status says whether it is in use, not where it stands; without a
            # start (an empty or malformed field, which LV330/LV331 report) nothing is computed
            continue
        standing = catalog.standing(item, today)
        if standing.status != life.stored:
            found.append(
                _at(
                    item,
                    codes.STATUS_CONTRADICTED,
                    f"the header says status {life.stored!r}, but on {labels.german_date(today)} "
                    f"the term makes it {standing.status.value!r}"
                    + (f" since {labels.german_date(standing.since)}" if standing.since else ""),
                )
            )
        forbidden = agreement_type(item.agreement_type).get("remuneration", False)
        if forbidden and life.start and life.concluded and life.start < life.concluded:
            found.append(
                _at(
                    item,
                    codes.EFFECT_BEFORE_CONCLUSION,
                    f"takes effect on {labels.german_date(life.start)}, before it was concluded "
                    f"on {labels.german_date(life.concluded)}; § 126 Abs. 3 Satz 5 SGB IX forbids "
                    "a Vergütung to take effect before the agreement is concluded",
                )
            )
        found += _gaps(catalog, item)
    return found


def _gaps(catalog: Catalog, item: Record) -> list[Diagnostic]:
    """LV372: an instance that takes the place of a version with its conclusion (the
    version's <supersededBy upon="conclusion">, NRW § 14 Abs. 4 Satz 3) but starts on a
    later day: told while it is drafted, before the days between have begun."""
    life = item.life
    assert life.start is not None
    if life.concluded is not None and life.concluded >= life.start:
        return []
    found = []
    for target in item.related("supersedes"):
        ended = catalog.resolve(target, item.since)
        if not any(catalog.upon(version) == "conclusion" for version in ended):
            continue
        signed = (
            f"concluded on {labels.german_date(life.concluded)}"
            if life.concluded
            else "not yet concluded"
        )
        found.append(
            _at(
                item,
                codes.SUCCESSOR_GAP,
                f"ends {target.work} with its conclusion (that agreement's "
                f'<supersededBy upon="conclusion">) but starts only on '
                f"{labels.german_date(life.start)} ({signed}): between conclusion and "
                "start neither agreement is in force; agree an earlier start, or that the "
                "other continues until then",
            )
        )
    return found
