"""Issue #22 item 7, the wording a lawyer would use, from the repository's contracts: a
Nachtrag cited by the day it was concluded, an inserted unit "eingefügt", and the note on
II.7's "§ 126 SGB IX" beside its words as signed."""

from __future__ import annotations

import lvcheck.api as api
from lvcheck.document.parse import parse_bytes
from lvcheck.document.seal import recorded_digest, text_digest

from .conftest import CONTRACTS

INSTANCE = CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml"
BAYERN = CONTRACTS / "bayern" / "beispiel-kita-regenbogen-t-k-kita-2021-22.xml"
TEMPLATE = CONTRACTS / "bayern" / "bezirk-niederbayern-t-k-kita-2021-22.xml"
NACHTRAG = "BEISPIEL (fiktiv): Nachtrag Nr. 1 zur Leistungsvereinbarung LVR mit der Beispiel "
NACHTRAG += "Kita-Assistenz Rheinland gGmbH"


def test_a_nachtrag_is_cited_by_the_day_it_was_concluded_with_its_effect_apart() -> None:
    result = api.consolidate(INSTANCE)
    (applied,) = result.applied
    assert applied.name == f"{NACHTRAG} vom 16.06.2025, mit Wirkung vom 01.08.2025"


def test_an_inserted_point_is_eingefuegt_and_a_substitution_geaendert() -> None:
    changed = api.consolidate(INSTANCE).changed
    assert changed["sec_11__point_5"].startswith(f"eingefügt durch {NACHTRAG} vom 16.06.2025")
    assert changed["sec_8__para_4"].startswith(f"geändert durch {NACHTRAG} vom 16.06.2025")


def test_ii_7_keeps_its_signed_words_and_carries_a_note_on_paragraph_126() -> None:
    for path in (BAYERN, TEMPLATE):
        agreement = api.load(path)
        (note,) = [n for n in agreement.meta.notes if n.startswith("Anmerkung zu II.7")]
        assert "„§ 126 SGB IX“" in note and "nicht die Kündigung" in note
        assert (
            'Eine Kündigung ist für beide Seiten gem. <ref statute="SGB IX" section="126">§ 126 SGB IX</ref> möglich.'
            in path.read_text(encoding="utf-8")
        )
    # the note is header: the signed example's seal still holds
    root = parse_bytes(BAYERN.read_bytes(), str(BAYERN)).getroot()
    assert recorded_digest(root) == text_digest(root)


def test_notice_due_on_a_sunday_names_the_last_working_day_before() -> None:
    # II.7 of the Bavarian example: notice to 31.08.2027 must be received by Sunday,
    # 28.02.2027; it does not move, so it must arrive by Friday, 26.02.2027
    from datetime import date

    from lvcheck.rendering.deadlines import day_note

    calendar = api.deadlines([BAYERN], date(2027, 2, 1), date(2027, 3, 31))
    (notice,) = [d for d in calendar.deadlines if d.day == date(2027, 2, 28)]
    assert notice.act_by == date(2027, 2, 26)
    assert day_note(notice) == (
        "Sonntag; verschiebt sich nicht: Zugang spätestens am Freitag, 26.02.2027 sichern"
    )


def test_the_fuehrungszeugnis_date_is_the_contracts_backstop_not_each_persons() -> None:
    from datetime import date

    calendar = api.deadlines([INSTANCE], date(2029, 1, 1), date(2029, 12, 31))
    (duty,) = [d for d in calendar.deadlines if d.clause == "sec_8__para_3"]
    assert duty.day == date(2029, 7, 31)  # five years from 01.08.2024 (§ 187 Abs. 2 BGB)
    assert duty.detail.startswith("spätestens; Auffangdatum der Vereinbarung")
    assert "nach § 124 Abs. 2 SGB IX läuft die Frist für jede Person gesondert" in duty.detail
