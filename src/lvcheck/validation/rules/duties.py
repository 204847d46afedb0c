"""Every recurring duty that data/duties.toml reads from a clause is still said by that
clause's words (LV380): otherwise the calendar would silently lose it."""

from __future__ import annotations

from lvcheck.timeline.duties import duty_matches, unstated_duty
from lvcheck.validation.rules.base import Document, Findings


def check(document: Document) -> Findings:
    for duty, clause, found in duty_matches(document.root, document.eids):
        if found is None:
            yield unstated_duty(document.path, duty, clause)
