"""The stored status against the status the term computes for today (LV370), an
agreement that takes effect before it was concluded where the law forbids it (LV371:
§ 126 Abs. 3 Satz 5 SGB IX forbids it for Vergütungen, not for the Leistungsvereinbarung),
and a successor that ends an agreement with its conclusion but starts later (LV372).
"""

from __future__ import annotations

from datetime import date

from lvcheck import codes, labels
from lvcheck.catalog.catalog import Catalog, version_order
from lvcheck.catalog.record import Record
from lvcheck.document.kinds import Status
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
    return found + _at_once(catalog)


def _at_once(catalog: Catalog) -> list[Diagnostic]:
    """LV327: two instance versions of a work in force on one day, neither a predecessor
    of the other — a consolidated copy kept without its mark counts twice in status and
    deadlines. Reported on the later of the two in the catalog's order of versions (a
    copy's version id follows its base's; a new version starts later), once."""
    found = []
    works: dict[str, list[Record]] = {}
    for item in catalog.records:
        if item.is_instance and not item.is_copy and item.life.start is not None:
            works.setdefault(item.work, []).append(item)
    for versions in works.values():
        versions.sort(key=version_order)
        for number, later in enumerate(versions):
            begins = later.life.start
            assert begins is not None
            for earlier in versions[:number]:
                related = {r.path for r in catalog.predecessors(later)}
                related |= {r.path for r in catalog.successors(later)}
                if earlier.path in related or not _overlap(catalog, earlier, later):
                    continue
                found.append(
                    _at(
                        later,
                        codes.VERSIONS_IN_FORCE_AT_ONCE,
                        f"in force on {labels.german_date(begins)} together with "
                        f"{earlier.path} ({earlier.work}, version {earlier.version}), which "
                        "it does not replace: a consolidated reading copy must say so "
                        "(<consolidates>, as lvcheck consolidate writes it), a new version "
                        "must name the one it replaces (<supersedes>)",
                    )
                )
                break
    return found


def _overlap(catalog: Catalog, earlier: Record, later: Record) -> bool:
    """Whether ``earlier`` is still in force on the day ``later`` starts."""
    start = later.life.start
    assert start is not None
    try:
        return catalog.standing(earlier, start).status == Status.IN_FORCE
    except (ValueError, OverflowError):  # a term beyond the calendar: LV3xx elsewhere
        return False


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
