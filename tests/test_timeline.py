"""Time computed from the contracts' words: periods after §§ 187, 188 BGB, the state of an
agreement on a date, deadlines and the calendar. Every expected date here is written by
hand from the law and the contract text, never computed by the code under test."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.api import deadlines, render, status, validate
from lvcheck.catalog.lifecycle import Standing, lifecycle_of, standing_on
from lvcheck.document.kinds import Status
from lvcheck.document.parse import parse_file
from lvcheck.document.periods import (
    after,
    days_in_month,
    from_start_of,
    kita_year_end,
    last_day_for_notice,
    next_working_day,
)
from lvcheck.rendering.status import (
    amendment_text,
    attention_texts,
    due_text,
    next_notice_text,
    pending_text,
)

from .conftest import CONTRACTS, EXAMPLES, SOURCES, TEMPLATES


@pytest.mark.parametrize(
    ("event", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # § 188 Abs. 3: no 31 Feb; 2024 is a leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 8, 15), 12, date(2025, 8, 15)),  # § 188 Abs. 2: the day bearing the number
        (date(2020, 2, 29), 60, date(2025, 2, 28)),  # five years from 29 Feb (Führungszeugnis)
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
    ],
)
def test_a_period_ends_on_the_day_bearing_the_events_number(
    event: date, months: int, expected: date
) -> None:
    assert after(event, months) == expected


@pytest.mark.parametrize(
    ("end", "months", "expected"),
    [
        # Bayern II.7: "spätestens sechs Monate vor dem Ende des Vereinbarungszeitraumes"
        (date(2022, 8, 31), 6, date(2022, 2, 28)),
        (date(2024, 8, 31), 6, date(2024, 2, 29)),  # leap year
        # NRW § 14 Abs. 1: "mit einer Frist von 12 Monaten zum Ende eines jeden Kitajahres"
        (date(2027, 7, 31), 12, date(2026, 7, 31)),
        # 31 May minus three months: notice by the last day of February, never "31 Feb"
        (date(2025, 5, 31), 3, date(2025, 2, 28)),
        (date(2024, 5, 31), 3, date(2024, 2, 29)),
        # the classic error: 30 September minus one month is not 30 August
        (date(2024, 9, 30), 1, date(2024, 8, 31)),
        (date(2024, 12, 31), 3, date(2024, 9, 30)),
    ],
)
def test_notice_is_counted_backwards_from_the_end_of_the_last_day(
    end: date, months: int, expected: date
) -> None:
    assert last_day_for_notice(end, months) == expected


def test_the_days_of_every_month_of_the_calendar_are_the_standard_librarys() -> None:
    import calendar

    for year in (*range(1, 3000), 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


def test_the_kita_year_ends_per_land() -> None:
    nrw = lifecycle_of(parse_file(EXAMPLES["nrw"]).getroot())
    bayern = lifecycle_of(parse_file(EXAMPLES["bayern"]).getroot())
    assert (nrw.kita_year_end, bayern.kita_year_end) == ((7, 31), (8, 31))
    assert kita_year_end(date(2026, 8, 1), 7, 31) == date(2027, 7, 31)
    assert kita_year_end(date(2026, 7, 31), 7, 31) == date(2026, 7, 31)


@pytest.mark.parametrize(
    ("day", "status", "since", "until", "term"),
    [
        (date(2021, 8, 20), Status.SIGNED, None, date(2021, 9, 1), 0),  # signed 16.08.2021
        (date(2021, 9, 1), Status.IN_FORCE, date(2021, 9, 1), date(2022, 8, 31), 0),
        (date(2022, 8, 31), Status.IN_FORCE, date(2021, 9, 1), date(2022, 8, 31), 0),
        (date(2022, 9, 1), Status.IN_FORCE, date(2021, 9, 1), date(2023, 8, 31), 1),
        (date(2026, 12, 1), Status.IN_FORCE, date(2021, 9, 1), date(2027, 8, 31), 5),
    ],
)
def test_the_bavarian_agreement_renews_one_kindergartenjahr_at_a_time(
    day: date, status: Status, since: date | None, until: date | None, term: int
) -> None:
    life = lifecycle_of(parse_file(EXAMPLES["bayern"]).getroot())
    standing = standing_on(life, day)
    assert (standing.status, standing.since, standing.until, standing.term) == (
        status,
        since,
        until,
        term,
    )


@pytest.mark.parametrize(
    ("first_day", "months", "expected"),
    [  # § 187 Abs. 2, § 188 Abs. 2 second case and Abs. 3 BGB, dates by hand
        (date(2024, 8, 1), 60, date(2029, 7, 31)),  # five years from Inkrafttreten
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # no 31 February: its last day
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # no 29 February 2025
        (date(2024, 3, 1), 12, date(2025, 2, 28)),
        (date(2023, 3, 1), 12, date(2024, 2, 29)),  # the day before 1 March in a leap year
    ],
)
def test_a_period_from_the_start_of_a_day_ends_the_day_before(
    first_day: date, months: int, expected: date
) -> None:
    assert from_start_of(first_day, months) == expected


def test_a_duty_on_a_weekend_or_holiday_is_due_the_next_working_day() -> None:
    none: set[date] = set()
    allerheiligen = {date(2029, 11, 1)}
    assert next_working_day(date(2028, 9, 30), none.__contains__) == date(2028, 10, 2)  # Sa
    assert next_working_day(date(2029, 9, 30), none.__contains__) == date(2029, 10, 1)  # So
    assert next_working_day(date(2029, 11, 1), allerheiligen.__contains__) == date(2029, 11, 2)
    assert next_working_day(date(2029, 11, 2), allerheiligen.__contains__) == date(2029, 11, 2)


def test_the_renewal_period_is_not_the_initial_term(tmp_path: Path) -> None:
    # an initial term of two years, renewed by one Kindergartenjahr at a time
    path = _copy(
        tmp_path,
        EXAMPLES["bayern"],
        "x.xml",
        ('<end date="2022-08-31"/>', '<end date="2023-08-31"/>'),
    )
    life = lifecycle_of(parse_file(path).getroot())
    assert standing_on(life, date(2023, 9, 1)).until == date(2024, 8, 31)  # not 2025
    assert standing_on(life, date(2024, 9, 1)).until == date(2025, 8, 31)


def test_a_term_without_renewal_expires() -> None:
    life = lifecycle_of(parse_file(EXAMPLES["bayern"]).getroot())
    ended = life._replace(renewal_months=None)
    assert standing_on(ended, date(2022, 9, 1)).status == Status.EXPIRED
    assert standing_on(ended, date(2022, 9, 1)).since == date(2022, 9, 1)


def test_a_successor_replaces_from_its_start() -> None:
    life = lifecycle_of(parse_file(EXAMPLES["nrw"]).getroot())
    replaced = (date(2026, 8, 1), ("lvr-ihl-mustervertrag", "1"))
    assert standing_on(life, date(2026, 7, 31), replaced).status == Status.IN_FORCE
    successor = standing_on(life, date(2026, 8, 1), replaced)
    assert (successor.status, successor.since, successor.replaced_by) == (
        Status.SUPERSEDED,
        date(2026, 8, 1),
        ("lvr-ihl-mustervertrag", "1"),
    )


def test_the_deadlines_of_the_examples_over_one_year() -> None:
    calendar = deadlines([CONTRACTS], date(2026, 12, 1), date(2027, 11, 30))
    assert [(d.day, str(d.kind), d.citation, d.calendar_note) for d in calendar.deadlines] == [
        # Bayern II.7: six months before the end of the renewal term 2026/27 (a Sunday)
        (date(2027, 2, 28), "notice", "II.7", "Sonntag"),
        # NRW § 14 Abs. 1: 12 months before the end of the Kitajahr 2027/28 (a Saturday)
        (date(2027, 7, 31), "notice", "§ 14 Abs. 1", "Samstag"),
        (date(2027, 8, 31), "end", "II.7", ""),
        (date(2027, 9, 1), "renewal", "II.7", ""),
        # NRW § 8 Abs. 4 as Nachtrag Nr. 1 changed it from 01.08.2025: "zum 30. September"
        (date(2027, 9, 30), "duty", "§ 8 Abs. 4", ""),
    ]
    assert calendar.diagnostics == ()


def test_a_weekend_or_holiday_is_named_not_moved(tmp_path: Path) -> None:
    # the instance alone, as signed (outside its repository, whose Nachtrag would change
    # the day): 15 October 2028 is a Sunday
    alone = _copy(tmp_path, EXAMPLES["nrw"], "alone.xml")
    calendar = deadlines([alone], date(2028, 10, 1), date(2028, 10, 31))
    (duty,) = [d for d in calendar.deadlines if d.kind == "duty"]
    # a duty to perform on a day moves to the next working day (§ 193 BGB): Monday
    assert (duty.day, duty.calendar_note, duty.due) == (
        date(2028, 10, 15),
        "Sonntag",
        date(2028, 10, 16),
    )
    # 3 October is a public holiday everywhere in Germany
    path = _copy(tmp_path, EXAMPLES["nrw"], "x.xml", ("zum 15. Oktober", "zum 3. Oktober"))
    (duty,) = [
        d
        for d in deadlines([path], date(2027, 10, 1), date(2027, 10, 31)).deadlines
        if d.kind == "duty"
    ]
    assert (duty.day, duty.calendar_note, duty.due) == (
        date(2027, 10, 3),
        "Feiertag: Tag der Deutschen Einheit",
        date(2027, 10, 4),
    )
    # Bayern II.7 in 2034: six months before 31 August is 28 February, a Tuesday
    calendar = deadlines([CONTRACTS], date(2034, 1, 1), date(2034, 12, 31))
    (notice,) = [d for d in calendar.deadlines if d.kind == "notice" and d.citation == "II.7"]
    assert notice.day == date(2034, 2, 28)


def test_one_file_is_read_with_the_repository_around_it() -> None:
    """A contract manager asks about one agreement: its template, the successor and the
    Nachtrag in the contracts/ folder around it count; only it is listed."""
    report = status([EXAMPLES["nrw"]], date(2026, 12, 1))
    (work,) = report.works
    (version,) = work.versions
    assert tuple(map(pending_text, version.pending)) == (
        "tritt mit Abschluss von lvr-ihl-mustervertrag außer Kraft (§ 14 Abs. 4)",
    )
    assert len(version.due) == 1
    assert amendment_text(version.amendments[0]).startswith("geändert durch")
    calendar = deadlines([EXAMPLES["nrw"]], date(2027, 9, 1), date(2027, 10, 31))
    (duty,) = [d for d in calendar.deadlines if d.kind == "duty"]
    assert duty.day == date(2027, 9, 30)  # the Nachtrag's day, not the signed 15 October
    assert {d.source.path for d in calendar.deadlines} == {str(EXAMPLES["nrw"])}


def test_an_amendment_moves_a_duty_from_the_day_it_takes_effect(tmp_path: Path) -> None:
    calendar = deadlines([CONTRACTS], date(2025, 1, 1), date(2026, 12, 31))
    duties = [d for d in calendar.deadlines if d.citation == "§ 8 Abs. 4"]
    # Nachtrag Nr. 1 takes effect on 01.08.2025: "15. Oktober" becomes "30. September"
    assert [d.day for d in duties] == [date(2025, 9, 30), date(2026, 9, 30)]
    # the same occurrence keeps its UID, so a calendar updates the entry
    alone = deadlines(_isolated(tmp_path, [EXAMPLES["nrw"]]), date(2025, 1, 1), date(2025, 12, 31))
    (before,) = [d for d in alone.deadlines if d.citation == "§ 8 Abs. 4"]
    assert before.day == date(2025, 10, 15) and before.uid == duties[0].uid


def test_five_years_after_the_start_the_fuehrungszeugnisse_are_due_again() -> None:
    calendar = deadlines([CONTRACTS], date(2029, 1, 1), date(2029, 12, 31))
    checks = [d for d in calendar.deadlines if d.citation == "§ 8 Abs. 3"]
    # the NRW example is in force from the start of 01.08.2024 (§ 187 Abs. 2 BGB);
    # "mindestens alle fünf Jahre": the five years end on 31.07.2029 (§ 188 Abs. 2 BGB)
    assert [d.day for d in checks] == [date(2029, 7, 31)]


def test_a_duty_whose_words_changed_is_read_from_the_new_words(tmp_path: Path) -> None:
    source = (
        EXAMPLES["nrw"].read_text(encoding="utf-8").replace("zum 15. Oktober", "zum 30. September")
    )
    path = tmp_path / "contracts" / "nrw" / "x.xml"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    calendar = deadlines([path], date(2027, 1, 1), date(2027, 12, 31))
    assert [d.day for d in calendar.deadlines if d.kind == "duty"] == [date(2027, 9, 30)]


def test_a_duty_no_longer_in_the_words_is_a_warning_not_an_entry(tmp_path: Path) -> None:
    path = _copy(tmp_path, EXAMPLES["nrw"], "x.xml", ("einmal jährlich", "regelmäßig"))
    calendar = deadlines([path], date(2027, 1, 1), date(2027, 12, 31))
    assert [d for d in calendar.deadlines if d.citation == "§ 8 Abs. 4"] == []
    assert [d.code for d in calendar.diagnostics] == ["LV380"]


def _ics() -> str:
    text = render(deadlines([CONTRACTS], date(2026, 12, 1), date(2027, 11, 30)), "ics")
    assert isinstance(text, str)
    return text


def test_the_calendar_parses_back_with_stable_uids_and_reminders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    first, second = _ics(), _ics()
    assert first == second  # reproducible: the same input gives the same file
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    third = icalendar.Calendar.from_ical(_ics())
    events = list(third.walk("VEVENT"))
    assert [str(e["uid"]) for e in events] == [
        str(e["uid"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")
    ]
    notice = next(e for e in events if "II.7" in str(e["description"]))
    assert notice.decoded("dtstart") == date(2027, 2, 28)
    triggers = [a["trigger"].dt for a in notice.walk("VALARM")]
    # three months, one month and one week before 28.02.2027, at 09:00 in Germany (UTC+1)
    assert [t.isoformat() for t in triggers] == [
        "2026-11-28T08:00:00+00:00",
        "2027-01-28T08:00:00+00:00",
        "2027-02-21T08:00:00+00:00",
    ]
    assert os.environ.get("SOURCE_DATE_EPOCH") is None


def test_status_names_the_version_in_force_and_what_will_replace_it() -> None:
    report = status([CONTRACTS], date(2026, 12, 1))
    nrw = next(w for w in report.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland")
    assert nrw.in_force is not None and nrw.in_force.standing.since == date(2024, 8, 1)
    assert tuple(map(pending_text, nrw.in_force.pending)) == (
        "tritt mit Abschluss von lvr-ihl-mustervertrag außer Kraft (§ 14 Abs. 4)",
    )
    before = status([CONTRACTS], date(2024, 7, 1))
    nrw = next(w for w in before.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland")
    assert nrw.in_force is None and nrw.versions[0].standing.status == Status.DRAFT
    assert "! keine Fassung in Kraft" in render(before, "text")


MUSTERVERTRAG = CONTRACTS / "nrw" / "beispiel-lvr-ihl-mustervertrag.xml"
NRW_SEED = SOURCES / "nrw-lvr-ihl-externe-leistungserbringer.txt"


def _due(paths: list[Path], day: date) -> list[str]:
    report = status(paths, day)
    nrw = next(w for w in report.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland")
    assert nrw.in_force is not None
    assert attention_texts(nrw.in_force.attention) == []  # told once, as due
    return [due_text(due) for due in nrw.in_force.due]


SENTENCE = (
    "Hierzu schließen die Parteien den abgestimmten Mustervertrag unmittelbar nach dessen "
    "Vorliegen miteinander ab."
)


def test_the_mustervertrag_is_owed_at_once_when_it_is_adopted() -> None:
    """§ 14 Abs. 4 Satz 2 NRW: "Hierzu schließen die Parteien den abgestimmten Mustervertrag
    unmittelbar nach dessen Vorliegen miteinander ab." The repository holds the Mustervertrag,
    adopted on its version's date, 01.06.2026 (BEISPIEL), so from that day the instance in
    force owes its conclusion; the note quotes the sentence, word for word the source's."""
    (note,) = _due([CONTRACTS], date(2026, 12, 1))
    assert note == (
        "Abschluss des abgestimmten Mustervertrages zwischen den Parteien steht aus; nach "
        "§ 14 Abs. 4 Satz 2 ist er unmittelbar nach dessen Vorliegen zu schließen – "
        f"lvr-ihl-mustervertrag liegt seit dem 01.06.2026 vor (neueste Fassung beispiel-1): „{SENTENCE}“"
    )
    assert SENTENCE in " ".join(NRW_SEED.read_text(encoding="utf-8").split())
    assert f"    ! {note}" in render(status([CONTRACTS], date(2026, 12, 1)), "text")
    assert _due([CONTRACTS], date(2026, 6, 1)) == [note]  # owed from that day
    assert _due([CONTRACTS], date(2026, 5, 31)) == []  # not yet adopted
    report = json.loads(render(status([CONTRACTS], date(2026, 12, 1)), "json"))
    (nrw,) = [
        a for a in report["agreements"] if a["work"] == "beispiel-lvr-ihl-kita-assistenz-rheinland"
    ]
    assert nrw["versions"][0]["due"] == [
        {
            "duty": "Abschluss des abgestimmten Mustervertrages zwischen den Parteien",
            "when": "unmittelbar nach dessen Vorliegen",
            "since": "2026-06-01",
            "clause": "sec_14__para_4",
            "citation": "§ 14 Abs. 4 Satz 2",
            "words": SENTENCE,
            "successor": {"work": "lvr-ihl-mustervertrag", "version": "beispiel-1"},
            "text": note,
        }
    ]


def test_the_interim_template_says_its_successor_has_been_adopted() -> None:
    def pending(day: date) -> tuple[str, ...]:
        report = status([CONTRACTS], day)
        (work,) = [w for w in report.works if w.work == "lvr-ihl-externe-leistungserbringer"]
        return tuple(map(pending_text, work.versions[0].pending))

    assert pending(date(2026, 5, 31)) == (
        "tritt mit Abschluss von lvr-ihl-mustervertrag außer Kraft (§ 14 Abs. 4)",
    )
    assert pending(date(2026, 6, 1)) == (
        "Vorlage abgelöst: Nachfolger lvr-ihl-mustervertrag liegt seit dem 01.06.2026 vor "
        "(neueste Fassung beispiel-1; § 14 Abs. 4) – neue Vereinbarungen nach dem Nachfolger "
        "schließen",
    )


def test_a_template_is_in_use_from_its_version_date() -> None:
    def mustervertrag(day: date) -> Standing:
        report = status([CONTRACTS], day)
        (work,) = [w for w in report.works if w.work == "lvr-ihl-mustervertrag"]
        return work.versions[0].standing

    assert mustervertrag(date(2026, 5, 31)) == Standing(Status.DRAFT)
    assert mustervertrag(date(2026, 6, 1)) == Standing(Status.IN_FORCE, since=date(2026, 6, 1))


def test_a_template_named_without_version_still_says_the_duty(tmp_path: Path) -> None:
    instance = _copy(
        tmp_path,
        EXAMPLES["nrw"],
        EXAMPLES["nrw"].name,
        (
            '<basedOn work="lvr-ihl-externe-leistungserbringer" version="v1"/>',
            '<basedOn work="lvr-ihl-externe-leistungserbringer"/>',
        ),
    )
    others = [p for p in (CONTRACTS / "nrw").glob("*.xml") if p.name != EXAMPLES["nrw"].name]
    (note,) = _due([*others, instance], date(2026, 12, 1))
    assert note.startswith("Abschluss des abgestimmten Mustervertrages")


def _copy(tmp_path: Path, source: Path, name: str, *edits: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _isolated(tmp_path: Path, paths: list[Path]) -> list[Path]:
    """Copies of the files outside any contracts/ folder: only they count, no repository
    around them (lvcheck reads the repository around the files it is given)."""
    folder = tmp_path / "isolated"
    folder.mkdir(exist_ok=True)
    for path in paths:
        (folder / path.name).write_bytes(path.read_bytes())
    return [folder / path.name for path in paths]


def _nrw_without_mustervertrag(tmp_path: Path) -> list[Path]:
    return _isolated(tmp_path, [p for p in (CONTRACTS / "nrw").glob("*.xml") if p != MUSTERVERTRAG])


def test_the_mustervertrag_is_not_owed_before_it_is_adopted(tmp_path: Path) -> None:
    nrw = _nrw_without_mustervertrag(tmp_path)
    assert _due(nrw, date(2026, 12, 1)) == []  # not in the repository
    draft = _copy(tmp_path, MUSTERVERTRAG, "m.xml", ('status="inForce"', 'status="draft"'))
    assert _due([*nrw, draft], date(2026, 12, 1)) == []  # a draft


def test_an_undated_mustervertrag_in_use_is_owed_today_only(tmp_path: Path) -> None:
    """Without a date the template's stored status speaks of today, not of another day."""
    undated = _copy(tmp_path, MUSTERVERTRAG, "m.xml", (' date="2026-06-01"', ""))
    nrw = _nrw_without_mustervertrag(tmp_path)
    (note,) = _due([*nrw, undated], date.today())
    assert "zu schließen – lvr-ihl-mustervertrag liegt vor (Fassung beispiel-1; " in note
    assert "Datum der Fassung fehlt): „Hierzu" in note
    assert _due([*nrw, undated], date.today() - timedelta(days=1)) == []


def _mustervertrag_instance(tmp_path: Path) -> Path:
    """An instance of the Mustervertrag that supersedes the BEISPIEL interim agreement,
    signed on 10.12.2026 and 15.12.2026 (concluded on the latter), in force from 01.08.2027."""
    return _copy(
        tmp_path,
        MUSTERVERTRAG,
        "instanz.xml",
        ('<work id="lvr-ihl-mustervertrag"', '<work id="beispiel-mv-instanz"'),
        ('kind="template" date="2026-06-01" status="inForce"', 'kind="instance" status="signed"'),
        (
            '<supersedes work="lvr-ihl-externe-leistungserbringer" version="v1"/>',
            '<supersedes work="beispiel-lvr-ihl-kita-assistenz-rheinland" version="v1"/>',
        ),
        (
            'name="unterschrift_leistungserbringer.ort_datum" type="placeDate"/>',
            'name="unterschrift_leistungserbringer.ort_datum" type="placeDate" value="Köln, 10.12.2026"/>',
        ),
        (
            'name="unterschrift_lvr.ort_datum" type="placeDate"/>',
            'name="unterschrift_lvr.ort_datum" type="placeDate" value="Köln, 15.12.2026"/>',
        ),
        (
            '<fillIn name="inkrafttreten" type="date"/>',
            '<fillIn name="inkrafttreten" type="date" value="2027-08-01"/>',
        ),
    )


def test_the_duty_is_done_when_the_mustervertrag_is_concluded_not_when_it_starts(
    tmp_path: Path,
) -> None:
    """§ 14 Abs. 4 Satz 3: "Mit Abschluss des Mustervertrages ... verliert die vorliegende
    Vereinbarung sofort ihre Gültigkeit": signed on 15.12.2026, in force from 01.08.2027."""
    concluded = _mustervertrag_instance(tmp_path)
    paths = [CONTRACTS, concluded]
    assert len(_due(paths, date(2026, 12, 14))) == 1  # one side has signed
    half = _copy(
        tmp_path,
        concluded,
        "halb.xml",
        ('type="placeDate" value="Köln, 15.12.2026"/>', 'type="placeDate"/>'),
    )
    assert len(_due([CONTRACTS, half], date(2027, 1, 10))) == 1  # one signature concludes nothing
    assert len(_due([CONTRACTS, half], date(2027, 8, 2))) == 1  # nor does its start
    report = status(paths, date(2026, 12, 15))  # concluded: owed no longer, and replaced
    (interim,) = [w for w in report.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland"]
    (version,) = interim.versions
    assert interim.in_force is None and version.due == ()
    assert (version.standing.status, version.standing.since, version.standing.replaced_by) == (
        Status.SUPERSEDED,
        date(2026, 12, 15),
        ("beispiel-mv-instanz", "beispiel-1"),
    )
    assert attention_texts(version.attention) == [
        "beispiel-mv-instanz, Fassung beispiel-1 am 15.12.2026 abgeschlossen, tritt aber erst am "
        "01.08.2027 in Kraft; nach dem Wortlaut von § 14 Abs. 4 endet diese Vereinbarung schon "
        "mit dem Abschluss – für die Zeit dazwischen Fortgeltung oder früheres Inkrafttreten klären",
    ]
    assert "! keine Fassung in Kraft" in render(report, "text")  # the Mustervertrag: signed
    later = status(paths, date(2027, 8, 1))  # the Mustervertrag in force: no gap any more
    (interim,) = [w for w in later.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland"]
    assert attention_texts(interim.versions[0].attention) == []
    assert "! keine Fassung in Kraft" not in render(later, "text")  # replaced, not missing
    assert interim.replaced
    (listed,) = [
        a
        for a in json.loads(render(later, "json"))["agreements"]
        if a["work"] == "beispiel-lvr-ihl-kita-assistenz-rheinland"
    ]
    assert (listed["in_force"], listed["replaced"]) == (None, True)


def test_a_successor_takes_the_place_with_its_start_where_the_words_say_nothing_else(
    tmp_path: Path,
) -> None:
    """Without upon="conclusion" (and its words), a concluded successor replaces a version
    on the day it starts."""
    template = _copy(
        tmp_path,
        TEMPLATES["nrw"],
        TEMPLATES["nrw"].name,
        (' upon="conclusion"', ""),
    )
    instance = _copy(tmp_path, EXAMPLES["nrw"], EXAMPLES["nrw"].name)
    concluded = _mustervertrag_instance(tmp_path)
    report = status([template, instance, concluded], date(2026, 12, 15))
    (interim,) = [w for w in report.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland"]
    assert interim.in_force is not None
    assert attention_texts(interim.versions[0].attention) == []
    later = status([template, instance, concluded], date(2027, 8, 1))
    (interim,) = [w for w in later.works if w.work == "beispiel-lvr-ihl-kita-assistenz-rheinland"]
    assert interim.versions[0].standing.since == date(2027, 8, 1)


def test_the_duty_is_read_from_the_words_in_force_after_a_nachtrag(tmp_path: Path) -> None:
    """A Nachtrag in force since 01.08.2025 that replaces "unmittelbar nach dessen
    Vorliegen": from then the words no longer say the duty, so nothing is claimed (and
    `lvcheck deadlines` reports LV380 for the text in force)."""
    nachtrag = _copy(
        tmp_path,
        CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml",
        "nachtrag.xml",
        (
            '<substitute target="sec_8__para_4" old="15. Oktober" new="30. September"',
            '<substitute target="sec_14__para_4" old="unmittelbar nach dessen Vorliegen" '
            'new="binnen eines Jahres nach dessen Vorliegen"',
        ),
        (
            "In § 8 Abs. 4 werden die Wörter „15. Oktober“ durch die Wörter „30. September“ ersetzt.",
            "In § 14 Abs. 4 werden die Wörter „unmittelbar nach dessen Vorliegen“ durch die Wörter "
            "„binnen eines Jahres nach dessen Vorliegen“ ersetzt.",
        ),
    )
    others = _isolated(tmp_path, [p for p in CONTRACTS.rglob("*.xml") if "nachtrag" not in p.name])
    assert len(_due(others, date(2026, 12, 1))) == 1  # the signed words
    assert _due([*others, nachtrag], date(2026, 12, 1)) == []  # the words in force
    calendar = deadlines([*others, nachtrag], date(2026, 12, 1), date(2026, 12, 31))
    assert [(d.code, d.clause) for d in calendar.diagnostics] == [("LV380", "§ 14 Abs. 4")]


def test_several_versions_of_the_mustervertrag_count_from_the_first(tmp_path: Path) -> None:
    """The duty is owed since the first version was adopted; the note names the newest
    version adopted by that day, whatever the order of the files."""
    first = _copy(tmp_path, MUSTERVERTRAG, "a.xml", ('status="inForce"', 'status="superseded"'))
    second = _copy(
        tmp_path,
        MUSTERVERTRAG,
        "b.xml",
        (
            'id="beispiel-1" kind="template" date="2026-06-01"',
            'id="beispiel-2" kind="template" date="2027-03-01"',
        ),
    )
    for paths in ([first, second], [second, first]):
        everything = [*_nrw_without_mustervertrag(tmp_path), *paths]
        (before,) = _due(everything, date(2026, 12, 1))
        assert "seit dem 01.06.2026" in before and "neueste Fassung beispiel-1)" in before
        (after,) = _due(everything, date(2027, 4, 1))
        assert "seit dem 01.06.2026" in after and "neueste Fassung beispiel-2)" in after


def test_the_mustervertrag_duty_follows_the_words_of_the_clause(tmp_path: Path) -> None:
    """Words that no longer say the duty: no note, and validate says why (LV380)."""
    changed = tmp_path / EXAMPLES["nrw"].name
    changed.write_text(
        EXAMPLES["nrw"]
        .read_text(encoding="utf-8")
        .replace(
            "unmittelbar nach dessen Vorliegen", "innerhalb eines Jahres nach dessen Vorliegen"
        ),
        encoding="utf-8",
    )
    assert _due([changed, MUSTERVERTRAG], date(2026, 12, 1)) == []
    (checked,) = validate([changed])
    assert [(d.code, d.clause) for d in checked.diagnostics if d.code == "LV380"] == [
        ("LV380", "§ 14 Abs. 4")
    ]


def test_a_draft_past_its_start_stands_out(tmp_path: Path) -> None:
    path = _copy(
        tmp_path,
        EXAMPLES["nrw"],
        "x.xml",
        ('kind="instance" status="inForce"', 'kind="instance" status="draft"'),
    )
    (work,) = status([path], date(2026, 12, 1)).works
    assert (
        attention_texts(work.versions[0].attention)[0]
        == "Entwurf, obwohl die Laufzeit am 01.08.2024 begonnen hat"
    )


def test_templates_are_never_in_a_calendar() -> None:
    calendar = deadlines([TEMPLATES["bayern"]], date(2021, 1, 1), date(2030, 1, 1))
    assert calendar.deadlines == ()


@pytest.mark.parametrize(
    ("day", "expected"),
    [  # dates by hand: Bayern II.7 six months before 31 August; NRW § 14 Abs. 1 twelve
        # months before the end of the Kitajahr on 31 July
        (
            "2026-12-01",
            {
                "2021-22": "nächste Kündigung zum 31.08.2027: sie muss spätestens am 28.02.2027 "
                "zugehen (II.7)",
                "v1": "nächste Kündigung zum 31.07.2028: sie muss spätestens am 31.07.2027 "
                "zugehen (§ 14 Abs. 1)",
            },
        ),
        (
            "2025-07-01",
            {
                "2021-22": "nächste Kündigung zum 31.08.2026: sie muss spätestens am 28.02.2026 "
                "zugehen (II.7)",
                "v1": "nächste Kündigung zum 31.07.2026: sie muss spätestens am 31.07.2025 "
                "zugehen (§ 14 Abs. 1)",
            },
        ),
    ],
)
def test_status_names_the_next_day_by_which_notice_must_be_given(
    day: str, expected: dict[str, str]
) -> None:
    report = status(sorted(CONTRACTS.rglob("*.xml")), date.fromisoformat(day))
    found = {
        state.version: next_notice_text(state.next_notice)
        for work in report.works
        for state in work.versions
        if state.next_notice
    }
    assert found == expected


@settings(max_examples=40, deadline=None)
@given(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["nrw", "bayern"]),
)
def test_any_day_and_any_notice_period_give_an_answer_never_a_crash(
    day: date, months: int, land: str
) -> None:
    """Dates and periods at the edges of the calendar (years 1 and 9999): a finding where
    nothing can be computed, never an exception."""
    import re
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / EXAMPLES[land].name
        text = EXAMPLES[land].read_text(encoding="utf-8")
        changed = re.sub(r'<notice period="P\d+[MY]"', f'<notice period="P{months}M"', text)
        assert changed != text or months in (6, 12)  # the notice period is what varies
        path.write_text(changed, encoding="utf-8")
        later = date(min(day.year + 1, 9999), day.month, min(day.day, 28))
        calendar = deadlines([path], day, later)
        assert all(day <= d.day <= later for d in calendar.deadlines)
        assert all(d.code in ("LV320", "LV380", "LV390") for d in calendar.diagnostics)
        (work,) = status([path], day).works
        assert work.versions
    finally:
        shutil.rmtree(folder)


def test_a_notice_deadline_before_the_term_begins_says_so() -> None:
    # NRW example: in force from 01.08.2024; notice to 31.07.2025 (end of the Kitajahr)
    # must arrive 12 months before, on 31.07.2024: the day before the term begins
    calendar = deadlines([CONTRACTS], date(2024, 7, 1), date(2025, 7, 31))
    notices = [
        (d.day, d.summary)
        for d in calendar.deadlines
        if d.kind == "notice" and d.citation == "§ 14 Abs. 1"
    ]
    assert notices == [
        (
            date(2024, 7, 31),
            "Letzter Tag für die Kündigung zum 31.07.2025 (vor Beginn der Laufzeit am 01.08.2024)",
        ),
        (date(2025, 7, 31), "Letzter Tag für die Kündigung zum 31.07.2026"),
    ]


def test_every_duty_pattern_has_the_groups_its_recurrence_reads() -> None:
    """data/duties.toml is read by recurrence: yearly needs day and month, interval years,
    onSuccessor when (quoted in the note); a missing group would fail at the first match."""
    import re

    from lvcheck.data import load

    needs = {"yearly": {"day", "month"}, "interval": {"years"}, "onSuccessor": {"when"}}
    for duty in load("duties.toml")["duties"]:
        groups = set(re.compile(duty["pattern"]).groupindex)
        assert needs[duty["recurrence"]] <= groups, duty["clause"]
