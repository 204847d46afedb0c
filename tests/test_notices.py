"""Notices as events (#22 item 4): a declaration file beside the repository's agreements,
checked against the clause it relies on and § 59 Abs. 2 SGB X, and what follows from it in
validate, status, deadlines and the site. Each case builds its variant from the
repository's own contracts and expects the finding, the day or the sentence."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import lvcheck
from lvcheck.catalog.declaration import Declaration
from lvcheck.catalog.notices import effect
from lvcheck.catalog.read import read_repository
from lvcheck.catalog.record import record_of
from lvcheck.cli import cli
from lvcheck.document.load import load_tree
from lvcheck.document.periods import last_day_for_notice
from lvcheck.rendering.status import render_status_json, render_status_text
from lvcheck.validation.engine import validate_paths

from .conftest import CONTRACTS, EXAMPLES, ROOT

NRW_WORK = "beispiel-lvr-ihl-kita-assistenz-rheinland"
BY_WORK = "beispiel-kita-regenbogen-t-k-kita"
EXAMPLE_NOTICE = (
    ROOT / "examples" / "nach-abschluss" / "beispiel-kuendigung-kita-assistenz-2026.xml"
)


def declaration(
    *,
    kind: str = "notice",
    id: str = "k1",
    work: str = NRW_WORK,
    version: str | None = "v1",
    sender: str = "leistungserbringer",
    recipient: str = "lvr",
    received: str = "2027-03-15",
    dated: str | None = None,
    form: str = "written",
    grounds: str | None = 'type="ordinary" clause="sec_14__para_1"',
    end: str | None = 'date="2027-07-31"',
    answers: str | None = None,
    consented: str | None = None,
) -> str:
    """A declaration file's text (BEISPIEL, made up for the test)."""
    parts = [
        f'<declared id="{id}" kind="{kind}" example="true"/>',
        "<title>BEISPIEL (fiktiv): Erklärung zum Test</title>",
        f'<concerns work="{work}"' + (f' version="{version}"' if version else "") + "/>",
        f'<from party="{sender}"/>',
        f'<to party="{recipient}"/>',
    ]
    if dated:
        parts.append(f'<dated date="{dated}"/>')
    parts += [f'<received date="{received}"/>', f'<form value="{form}"/>']
    if grounds:
        parts.append(f"<grounds {grounds}/>")
    if end:
        parts.append(f"<end {end}/>")
    if answers:
        parts.append(f'<answers declaration="{answers}"/>')
    if consented:
        parts.append(f'<consented date="{consented}"/>')
    meta = "\n    ".join(parts)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<declaration xmlns="urn:lvcheck:agreement:1.0">\n'
        f"  <meta>\n    {meta}\n  </meta>\n</declaration>\n"
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository's contracts/ folder."""
    folder = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, folder)
    return folder


def record(repo: Path, name: str, text: str) -> Path:
    path = repo / "nrw" / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(path: Path, today: date = date(2030, 1, 1)) -> list[str]:
    """The codes validate reports for one declaration file, as of ``today``."""
    [checked] = validate_paths([path], jobs=1, today=today)
    return [d.code for d in checked.diagnostics]


def status_lines(repo: Path, day: date) -> str:
    return render_status_text(lvcheck.status([repo], day))


# ------------------------------------------------------------------ the end a notice reaches


def test_the_issue_example_late_notice_reaches_the_next_end(repo: Path) -> None:
    # 12 months to the end of a Kitajahr (§ 14 Abs. 1): for 31.07.2027 the notice had to be
    # received by 31.07.2026; received 15.03.2027 it reaches 31.07.2028
    path = record(repo, "k.xml", declaration())
    assert findings(path) == ["LV602"]
    [checked] = validate_paths([path], jobs=1, today=date(2030, 1, 1))
    assert "it reaches the next possible end, 31.07.2028" in checked.diagnostics[0].message
    text = status_lines(repo, date(2027, 4, 1))
    assert "gekündigt zum 31.07.2028 (Zugang 15.03.2027), durch den Leistungserbringer" in text
    assert (
        "spätestens am 31.07.2026 zugehen. Sie wirkt zum nächstmöglichen Ende, dem 31.07.2028"
        in text
    )
    assert "bis 31.07.2028" in text


def test_a_notice_in_time_ends_on_the_day_it_names(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-07-31"))
    assert findings(path) == []  # the last day itself is in time (§ 188 Abs. 2 BGB)
    text = status_lines(repo, date(2026, 12, 1))
    assert "gekündigt zum 31.07.2027 (Zugang 31.07.2026)" in text
    assert "nächstmöglichen" not in text


def test_a_notice_one_day_late_is_late(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-08-01"))
    assert findings(path) == ["LV602"]


def test_a_day_that_is_no_end_reads_as_the_next_possible_end(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-06-01", end='date="2027-03-15"'))
    assert findings(path) == ["LV604"]
    assert "gekündigt zum 31.07.2027 (Zugang 01.06.2026)" in status_lines(repo, date(2026, 12, 1))


def test_next_possible_end(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-09-10", end='nextPossible="true"'))
    assert findings(path) == []
    assert "gekündigt zum 31.07.2028 (Zugang 10.09.2026)" in status_lines(repo, date(2026, 12, 1))


@settings(max_examples=60, deadline=None)
@given(st.dates(date(2024, 8, 1), date(2040, 12, 31)))
def test_an_ordinary_notice_reaches_the_first_end_it_is_in_time_for(received: date) -> None:
    """The oracle of the rule, not of the code: an end of a Kitajahr (31.07.) whose last
    day for notice (12 months back, §§ 187, 188 BGB) is not before the receipt, and no
    earlier such end."""
    root = load_tree(EXAMPLES["nrw"]).getroot()
    agreement = record_of(root, str(EXAMPLES["nrw"]))
    assert agreement is not None
    notice = Declaration(
        "k.xml", "k1", "notice", 1, "", True, NRW_WORK, "v1", "leistungserbringer", "lvr",
        received, None, "written", "ordinary", "sec_14__para_1", None, None, True,
    )  # fmt: skip
    reached = effect(notice, agreement.life, "provider").last_day
    assert reached is not None and (reached.month, reached.day) == (7, 31)
    assert last_day_for_notice(reached, 12) >= received
    earlier = date(reached.year - 1, 7, 31)
    assert last_day_for_notice(earlier, 12) < received or earlier < date(2024, 8, 1)


def test_renewals_stop_and_the_end_is_listed(repo: Path) -> None:
    # the Bavarian example renews by a Kindergartenjahr unless notice six months before
    # the end of the term (31.08.); the Bezirk's notice of 27.02.2026 is in time for 2026
    text = declaration(
        work=BY_WORK,
        version="2021-22",
        sender="bezirk",
        recipient="traeger",
        received="2026-02-27",
        grounds='type="ordinary" clause="part_2__sec_7"',
        end='date="2026-08-31"',
    )
    path = repo / "bayern" / "k.xml"
    path.write_text(text, encoding="utf-8")
    assert findings(path) == []
    calendar = lvcheck.deadlines([repo], date(2026, 1, 1), date(2028, 12, 31))
    kita = [d for d in calendar.deadlines if d.source.work == BY_WORK]
    kinds = [(d.day.isoformat(), d.kind.value) for d in kita if d.kind.value != "duty"]
    assert ("2026-08-31", "termination") in kinds
    assert ("2026-08-31", "end") in kinds
    assert not [k for k in kinds if k[0] > "2026-08-31"]  # no renewal, no later notice
    assert (
        "gekündigt zum 31.08.2026 (Zugang 27.02.2026), durch den Träger der Eingliederungshilfe"
        in (status_lines(repo, date(2026, 3, 1)))
    )
    after = status_lines(repo, date(2026, 9, 1))
    assert "gekündigt seit 01.09.2026" in after


def test_deadlines_drop_notice_days_the_notice_already_meets(repo: Path) -> None:
    before = lvcheck.deadlines([repo], date(2026, 1, 1), date(2028, 12, 31)).deadlines
    notice_days = {d.day for d in before if d.source.work == NRW_WORK and d.kind.value == "notice"}
    assert date(2026, 7, 31) in notice_days  # the last day for notice to 31.07.2027
    record(repo, "k.xml", declaration(received="2026-03-16", end='date="2026-07-31"'))
    after = lvcheck.deadlines([repo], date(2026, 1, 1), date(2028, 12, 31)).deadlines
    mine = [d for d in after if d.source.work == NRW_WORK]
    assert not [d for d in mine if d.kind.value == "notice"]
    [ended] = [d for d in mine if d.kind.value == "termination"]
    assert ended.day == date(2027, 7, 31) and ended.citation == "§ 14 Abs. 1"
    assert ended.summary == "Ende der Vereinbarung durch Kündigung (Zugang 16.03.2026)"


def test_stored_status_terminated_is_not_contradicted(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    instance = repo / "nrw" / EXAMPLES["nrw"].name
    [checked] = validate_paths([instance], jobs=1, today=date(2027, 9, 1))
    assert [d.code for d in checked.diagnostics] == ["LV370"]  # stored inForce, is terminated
    assert "'terminated' since 01.08.2027" in checked.diagnostics[0].message
    text = instance.read_text(encoding="utf-8").replace(
        'status="inForce"', 'status="terminated"', 1
    )
    instance.write_text(text, encoding="utf-8")
    [checked] = validate_paths([instance], jobs=1, today=date(2027, 9, 1))
    assert "LV370" not in [d.code for d in checked.diagnostics]


# ------------------------------------------------------------------ form, grounds, parties


def test_a_notice_by_e_mail_is_void(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-07-01", form="textForm"))
    assert findings(path) == ["LV603"]
    text = status_lines(repo, date(2026, 12, 1))
    assert "nicht in Schriftform: nach § 59 Abs. 2 SGB X unwirksam" in text
    assert "gekündigt zum" not in text
    calendar = lvcheck.deadlines([repo], date(2026, 1, 1), date(2027, 12, 31))
    assert not [d for d in calendar.deadlines if d.kind.value == "termination"]


def test_a_qualified_electronic_signature_is_written_form(repo: Path) -> None:
    assert (
        findings(record(repo, "k.xml", declaration(received="2026-07-01", form="electronic"))) == []
    )


def test_section_130_is_the_traegers_right_alone(repo: Path) -> None:
    grounds = 'type="extraordinary" statute="SGB IX" section="130"'
    path = record(repo, "k.xml", declaration(received="2026-07-01", grounds=grounds, end=None))
    assert findings(path) == ["LV605"]
    assert "entscheidet lvcheck nicht" in status_lines(repo, date(2026, 12, 1))
    by_lvr = declaration(
        received="2026-07-01",
        grounds=grounds,
        end=None,
        sender="lvr",
        recipient="leistungserbringer",
    )
    record(repo, "k.xml", by_lvr)
    assert findings(repo / "nrw" / "k.xml") == []
    text = status_lines(repo, date(2026, 7, 1))
    assert (
        "fristlos gekündigt (§ 130 SGB IX) mit Wirkung zum 01.07.2026 (Zugang 01.07.2026)" in text
    )
    assert "gekündigt seit 02.07.2026" in status_lines(repo, date(2026, 7, 2))


def test_a_clause_the_agreement_lacks(repo: Path) -> None:
    path = record(
        repo, "k.xml", declaration(received="2026-07-01", grounds='type="ordinary" clause="sec_99"')
    )
    assert findings(path) == ["LV606"]


@pytest.mark.parametrize(
    ("sender", "recipient"), [("traeger", "lvr"), ("leistungserbringer", "niemand"), ("lvr", "lvr")]
)
def test_parties_must_be_the_agreements(repo: Path, sender: str, recipient: str) -> None:
    path = record(
        repo, "k.xml", declaration(received="2026-07-01", sender=sender, recipient=recipient)
    )
    assert "LV607" in findings(path)


@pytest.mark.parametrize(
    ("work", "version"),
    [("unbekannt", None), (NRW_WORK, "v9"), ("lvr-ihl-externe-leistungserbringer", "v1")],
)
def test_concerns_a_concluded_agreement_of_the_repository(
    repo: Path, work: str, version: str | None
) -> None:
    path = record(repo, "k.xml", declaration(received="2026-07-01", work=work, version=version))
    assert findings(path) == ["LV601"]


def test_concerns_without_version_is_the_version_of_the_day(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-07-31", version=None))
    assert findings(path) == []
    assert "gekündigt zum 31.07.2027" in status_lines(repo, date(2026, 12, 1))


@pytest.mark.parametrize(
    ("received", "dated", "today"),
    [("2027-03-15", None, date(2027, 3, 14)), ("2026-07-01", "2026-07-02", date(2030, 1, 1))],
)
def test_impossible_days(repo: Path, received: str, dated: str | None, today: date) -> None:
    path = record(repo, "k.xml", declaration(received=received, dated=dated, end=None))
    assert "LV609" in findings(path, today)


# ------------------------------------------------------------------ withdrawal and rejection


def withdraw(repo: Path, received: str, consented: str | None = None) -> Path:
    text = declaration(
        kind="withdrawal", id="r1", received=received, grounds=None, end=None,
        answers="k1", consented=consented,
    )  # fmt: skip
    return record(repo, "r.xml", text)


def test_a_withdrawal_received_with_the_notice_stops_it(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    assert findings(withdraw(repo, "2026-07-01")) == []
    text = status_lines(repo, date(2026, 12, 1))
    assert "Kündigung (Zugang 01.07.2026) zurückgenommen (Zugang 01.07.2026)" in text
    assert "gekündigt zum" not in text


def test_a_later_withdrawal_needs_the_other_sides_consent(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    withdraw(repo, "2026-08-01")
    assert "gekündigt zum 31.07.2027" in status_lines(repo, date(2026, 12, 1))
    withdraw(repo, "2026-08-01", consented="2026-08-10")
    assert "gekündigt zum" not in status_lines(repo, date(2026, 12, 1))


def test_a_rejection_is_noted_and_decides_nothing(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    rejection = declaration(
        kind="rejection", id="z1", sender="lvr", recipient="leistungserbringer",
        received="2026-07-20", grounds=None, end=None, answers="k1",
    )  # fmt: skip
    assert findings(record(repo, "z.xml", rejection)) == []
    text = status_lines(repo, date(2026, 12, 1))
    assert "gekündigt zum 31.07.2027" in text
    assert "Die andere Seite hat die Kündigung zurückgewiesen (Zugang 20.07.2026)." in text


def test_an_answer_to_no_notice(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    text = declaration(
        kind="withdrawal", id="r1", received="2026-07-02", grounds=None, end=None, answers="k9"
    )
    assert findings(record(repo, "r.xml", text)) == ["LV608"]


# ------------------------------------------------------------------ the file and the commands


def test_the_example_notice_is_marked_and_valid() -> None:
    text = EXAMPLE_NOTICE.read_text(encoding="utf-8")
    assert 'example="true"' in text and text.count("BEISPIEL") >= 2
    results = lvcheck.validate([CONTRACTS / "nrw", EXAMPLE_NOTICE.parent])
    [notice] = [r for r in results if r.path == str(EXAMPLE_NOTICE)]
    assert [d.code for d in notice.diagnostics] == ["LV602"]


def test_status_json_carries_the_notice(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    document = json.loads(render_status_json(lvcheck.status([repo], date(2026, 12, 1))))
    [agreement] = [a for a in document["agreements"] if a["work"] == NRW_WORK]
    [notice] = agreement["versions"][0]["notices"]
    assert notice["reaches"] == "2027-07-31" and notice["effective"] is True


def test_fmt_keeps_a_declaration_canonical(repo: Path, runner: CliRunner) -> None:
    squeezed = declaration(received="2026-07-01").replace("\n    <", "<")
    path = record(repo, "k.xml", squeezed)
    assert runner.invoke(cli, ["fmt", "--check", str(path)]).exit_code == 1
    assert runner.invoke(cli, ["fmt", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["fmt", "--check", str(path)]).exit_code == 0
    assert path.read_text(encoding="utf-8") != squeezed
    assert findings(path) == []


def test_a_declaration_is_no_agreement_for_diff(repo: Path, runner: CliRunner) -> None:
    path = record(repo, "k.xml", declaration(received="2026-07-01"))
    result = runner.invoke(cli, ["diff", str(path), str(path)])
    assert result.exit_code == 2
    assert "LV104" in result.output and "Traceback" not in result.output


def test_a_broken_declaration_is_a_schema_finding(repo: Path) -> None:
    path = record(repo, "k.xml", declaration(received="2026-07-01", form="brieftaube"))
    assert findings(path) == ["LV201"]
    assert lvcheck.status([repo], date(2026, 12, 1)).diagnostics  # reported, nothing ends
    day = date(2026, 12, 1) + timedelta(days=1)
    assert "gekündigt zum" not in status_lines(repo, day)


def test_read_repository_reads_declarations(repo: Path) -> None:
    record(repo, "k.xml", declaration(received="2026-07-01"))
    catalog = read_repository([repo]).catalog
    [notice] = catalog.declarations
    concerned = catalog.concerned(notice)
    assert concerned is not None and concerned.work == NRW_WORK
    assert catalog.ending(concerned) == date(2027, 7, 31)


def test_a_notice_of_an_agreement_without_notice_terms(repo: Path) -> None:
    instance = repo / "nrw" / EXAMPLES["nrw"].name
    text = instance.read_text(encoding="utf-8")
    notice_terms = '      <notice period="P12M" before="endOfKitaYear"/>\n'
    assert text.count(notice_terms) == 1
    instance.write_text(text.replace(notice_terms, ""), encoding="utf-8")
    assert findings(record(repo, "k.xml", declaration(received="2026-07-01"))) == ["LV610"]
    assert "ihr Ende ergibt sich nicht aus den Kopfdaten" in status_lines(repo, date(2026, 12, 1))


def test_the_sites_deadlines_page_shows_the_end(repo: Path, tmp_path: Path) -> None:
    from lxml import html as lxml_html

    from lvcheck.rendering.site import build_site

    shutil.copy(EXAMPLE_NOTICE, repo / "nrw" / EXAMPLE_NOTICE.name)
    build_site(repo, tmp_path / "site", today=date(2026, 12, 8))
    page = lxml_html.fromstring((tmp_path / "site" / "fristen.html").read_bytes())
    rows = [" ".join(tr.text_content().split()) for tr in page.xpath("//tbody/tr")]
    [ended] = [r for r in rows if "durch Kündigung" in r]
    assert ended.startswith("31.07.2027") and "(Zugang 16.03.2026)" in ended
    assert not [r for r in rows if "Letzter Tag für die Kündigung zum 31.07.2028" in r]


def test_the_review_of_a_pull_request_says_what_a_notice_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    from .test_review import Repository, review, table_rows

    monkeypatch.chdir(tmp_path)
    git = Repository(tmp_path)
    files = {f"nrw/{p.name}": p.read_bytes() for p in (CONTRACTS / "nrw").glob("*.xml")}
    base = git.commit(files)
    notice = declaration(received="2026-07-01").replace("Erklärung zum Test", "Kündigung | *x*")
    head = git.commit({"nrw/k.xml": notice.encode()})
    result = review(runner, base, head)
    assert result.exit_code == 1, result.output  # a change: the review asks for a look
    [row] = table_rows(result.stdout)
    assert "Kündigung \\| \\*x\\*" in row[4]  # the file's words, no markup of their own
    assert "gekündigt zum 31.07.2027 (Zugang 01.07.2026), durch den Leistungserbringer" in row[4]
