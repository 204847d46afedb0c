"""Signed text stays as signed: the digest a concluded version records (<version digest>,
document/seal.py) against its text now (LV392), a concluded version that records none
(LV393), and a digest recorded before every party signed (LV394).

Concluded means what catalog/lifecycle.py says: every date of the signature blocks filled
(§ 56 SGB X: a public-law contract needs every party's signature). The header outside a
Nachtrag's <modifications> is not covered, so its status and notes stay editable.
"""

from __future__ import annotations

from lvcheck import codes, labels
from lvcheck.catalog.lifecycle import lifecycle_of
from lvcheck.document.seal import recorded_digest, text_digest
from lvcheck.validation.rules.base import Document, Findings


def check(document: Document) -> Findings:
    version = document.first("version")
    if version is None or document.first("consolidates") is not None:
        # a consolidated copy repeats its base's header, digest too; LV391 holds its words
        return
    recorded = recorded_digest(document.root)
    concluded = lifecycle_of(document.root).concluded
    if recorded is None:
        # a consolidated copy repeats the signatures of its base: its words are the base's
        # and its Nachträge's, each sealed in its own file
        if concluded is not None and document.first("consolidates") is None:
            yield document.report(
                codes.SIGNED_TEXT_UNSEALED,
                version,
                f"concluded on {labels.german_date(concluded)} (every signature dated), but "
                "the header records no digest of the signed text, so a later change of its "
                "words goes unseen: record it with `lvcheck seal FILE`",
            )
        return
    if concluded is None:
        yield document.report(
            codes.SEAL_BEFORE_CONCLUSION,
            version,
            "the header records a digest of the signed text, but not every signature is "
            "dated: seal a version once the last party has signed (`lvcheck seal FILE`)",
        )
        return
    now = text_digest(document.root)
    if now != recorded:
        yield document.report(
            codes.SIGNED_TEXT_CHANGED,
            version,
            "signed text changed: amend it by a Nachtrag or a new version (the header "
            f"records {recorded[:15]}…, the text gives {now[:15]}…; `lvcheck review` shows "
            "the words that changed)",
        )
