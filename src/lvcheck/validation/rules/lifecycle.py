"""The stored status against the status the term computes for today (LV370), an
agreement that takes effect before it was concluded where the law forbids it (LV371:
§ 126 Abs. 3 Satz 5 SGB IX forbids it for Vergütungen, not for the Leistungsvereinbarung),
and a successor that ends an agreement with its conclusion but starts later (LV372).
"""

from __future__ import annotations

from datetime import date

from lvcheck import codes, labels
from lvcheck.errors import Diagnostic
from lvcheck.timeline.lifecycle import Successor, Successors, standing_on
from lvcheck.validation.rules.clauses import agreement_type
from lvcheck.validation.rules.repository import HEADER, VersionFacts


def _at(item: VersionFacts, code: str, message: str) -> Diagnostic:
    return Diagnostic(item.path, item.line, 1, code, message, codes.CODES[code].severity, HEADER)


def _successors(facts: list[VersionFacts]) -> list[Successor]:
    return [
        Successor(
            item.work,
            item.version,
            item.life,
            tuple((r.work, r.version) for r in item.related("supersedes")),
            next((r.upon for r in item.related("supersededBy") if r.upon), None),
            next(((r.work, r.version) for r in item.related("basedOn")), None),
        )
        for item in facts
        if item.life is not None
    ]


def check(facts: list[VersionFacts], today: date) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    successors = Successors(_successors(facts))
    for item in facts:
        life = item.life
        if life is None or life.kind != "instance" or life.start is None:
            # a template's status says whether it is in use, not where it stands; without a
            # start (an empty or malformed field, which LV330/LV331 report) nothing is computed
            continue
        replaced = successors.replacement(item.work, item.version)
        standing = standing_on(life, today, replaced)
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
    found += _gaps(facts, successors)
    return found


def _gaps(facts: list[VersionFacts], successors: Successors) -> list[Diagnostic]:
    """LV372: an instance that takes the place of a version with its conclusion (the
    version's <supersededBy upon="conclusion">, NRW § 14 Abs. 4 Satz 3) but starts on a
    later day: told while it is drafted, before the days between have begun."""
    found = []
    ending = {key for key, upon in successors.upon.items() if upon == "conclusion"}
    for item in facts:
        life = item.life
        if life is None or life.kind != "instance" or life.start is None:
            continue
        for target in item.related("supersedes"):
            ends = any(
                work == target.work and target.version in (None, version)
                for work, version in ending
            )
            if not ends or (life.concluded is not None and life.concluded >= life.start):
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
