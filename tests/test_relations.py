"""The table of relation cases: for each, the catalog's answer (which template, which
predecessor, which successor, which Nachträge in which order) and every command that asks —
validate, status, deadlines, consolidate, history, the site and review — giving that same
answer. Before the catalog, five policies disagreed on some of these (see the commit that
made this table)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

import lvcheck
from lvcheck.catalog.read import read_repository
from lvcheck.rendering.status import pending_text

from .conftest import CONTRACTS, EXAMPLES, TEMPLATES

NRW = CONTRACTS / "nrw"
INSTANCE, TEMPLATE = EXAMPLES["nrw"].name, TEMPLATES["nrw"].name
NACHTRAG = "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"
MUSTERVERTRAG = "beispiel-lvr-ihl-mustervertrag.xml"
PENDING = "tritt mit Abschluss von lvr-ihl-mustervertrag außer Kraft (§ 14 Abs. 4)"


@dataclass
class Case:
    """A repository (a contracts/ folder, or a folder outside one) and what the catalog must
    say of its subject file; file names are relative to ``folder``."""

    folder: Path
    subject: str
    template: str | None = None
    predecessor: str | None = None
    successor: str | None = None
    amendments: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # status: announced replacements
    added: list[str] = field(default_factory=list)  # review: the files a pull request adds

    def path(self, name: str) -> Path:
        return self.folder / name


def _contracts(tmp_path: Path) -> Path:
    folder = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, folder)
    return folder / "nrw"


def _edit(path: Path, *edits: tuple[str, str], to: Path | None = None) -> Path:
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (to or path).write_text(text, encoding="utf-8")
    return to or path


def _based_on_version(tmp_path: Path) -> Case:
    nrw = _contracts(tmp_path)
    return Case(nrw, INSTANCE, TEMPLATE, amendments=[NACHTRAG], pending=[PENDING])


def _based_on_work(tmp_path: Path) -> Case:
    nrw = _contracts(tmp_path)
    _edit(nrw / INSTANCE, (' work="lvr-ihl-externe-leistungserbringer" version="v1"/>',
                           ' work="lvr-ihl-externe-leistungserbringer"/>'))  # fmt: skip
    return Case(nrw, INSTANCE, TEMPLATE, amendments=[NACHTRAG], pending=[PENDING])


def _mustervertrag_instance(nrw: Path) -> Path:
    """An instance of the Mustervertrag replacing the interim instance; concluded on
    15.11.2026 (every signature dated), in force from 01.08.2027."""
    return _edit(
        nrw / MUSTERVERTRAG,
        ('<work id="lvr-ihl-mustervertrag"', '<work id="beispiel-mv-instanz"'),
        ('kind="template" date="2026-06-01" status="inForce"', 'kind="instance" status="signed"'),
        ('<supersedes work="lvr-ihl-externe-leistungserbringer" version="v1"/>',
         '<basedOn work="lvr-ihl-mustervertrag" version="beispiel-1"/>\n'
         '      <supersedes work="beispiel-lvr-ihl-kita-assistenz-rheinland" version="v1"/>'),
        ('name="unterschrift_leistungserbringer.ort_datum" type="placeDate"/>',
         'name="unterschrift_leistungserbringer.ort_datum" type="placeDate" value="Köln, 10.11.2026"/>'),
        ('name="unterschrift_lvr.ort_datum" type="placeDate"/>',
         'name="unterschrift_lvr.ort_datum" type="placeDate" value="Köln, 15.11.2026"/>'),
        ('<fillIn name="inkrafttreten" type="date"/>',
         '<fillIn name="inkrafttreten" type="date" value="2027-08-01"/>'),
        to=nrw / "mv-instanz.xml",
    )  # fmt: skip


def _supersedes_across_works(tmp_path: Path) -> Case:
    nrw = _contracts(tmp_path)
    _mustervertrag_instance(nrw)
    return Case(
        nrw, "mv-instanz.xml", MUSTERVERTRAG, predecessor=INSTANCE, added=["mv-instanz.xml"]
    )


def _chain(tmp_path: Path) -> Case:
    """v2 and v3 of the instance, added in one pull request, each superseding the last."""
    nrw = _contracts(tmp_path)
    for number in (2, 3):
        _edit(
            nrw / INSTANCE,
            ('<version id="v1"', f'<version id="v{number}"'),
            ('<basedOn work="lvr-ihl-externe-leistungserbringer" version="v1"/>',
             '<basedOn work="lvr-ihl-externe-leistungserbringer" version="v1"/>\n'
             f'      <supersedes work="beispiel-lvr-ihl-kita-assistenz-rheinland" version="v{number - 1}"/>'),
            ('value="2024-08-01"', f'value="20{24 + number}-08-01"'),
            to=nrw / f"v{number}.xml",
        )  # fmt: skip
    return Case(nrw, "v3.xml", TEMPLATE, predecessor="v2.xml", pending=[PENDING],
                added=["v2.xml", "v3.xml"])  # fmt: skip


def _nachtrag_amended_again(tmp_path: Path) -> Case:
    """Nachtrag Nr. 2 changes again the words Nachtrag Nr. 1 wrote into § 8 Abs. 4: it
    applies only after it, and it takes effect later although its file sorts first."""
    nrw = _contracts(tmp_path)
    _edit(
        nrw / NACHTRAG,
        ("kita-assistenz-rheinland-nachtrag-1", "kita-assistenz-rheinland-nachtrag-2"),
        ('<version id="nachtrag-1"', '<version id="nachtrag-2"'),
        ("Nachtrag Nr. 1 zur Leistungsvereinbarung LVR", "Nachtrag Nr. 2 zur Leistungsvereinbarung LVR"),
        ('<start date="2025-08-01"/>', '<start date="2026-01-01"/>'),
        ('old="15. Oktober" new="30. September"', 'old="30. September" new="15. September"'),
        ("„15. Oktober“ durch die Wörter „30. September“", "„30. September“ durch die Wörter „15. September“"),
        ('<insert after="sec_11__point_4"', '<insert after="sec_11__point_5"'),
        ('<point eId="sec_11__point_5">', '<point eId="sec_11__point_6">'),
        ("nach dem vierten Spiegelstrich", "nach dem fünften Spiegelstrich"),
        ("Fortbildungen der eingesetzten Kräfte", "Supervision der eingesetzten Kräfte"),
        ("Dieser Nachtrag tritt am 01.08.2025 in Kraft.", "Dieser Nachtrag tritt am 01.01.2026 in Kraft."),
        to=nrw / "a-nachtrag-2.xml",
    )  # fmt: skip
    return Case(
        nrw, INSTANCE, TEMPLATE, amendments=[NACHTRAG, "a-nachtrag-2.xml"], pending=[PENDING]
    )


def _successor_adopted(tmp_path: Path) -> Case:
    nrw = _contracts(tmp_path)
    adopted = (
        "Vorlage abgelöst: Nachfolger lvr-ihl-mustervertrag liegt seit dem 01.06.2026 vor "
        "(neueste Fassung beispiel-1; § 14 Abs. 4) – neue Vereinbarungen nach dem Nachfolger "
        "schließen"
    )
    return Case(nrw, TEMPLATE, successor=MUSTERVERTRAG, pending=[adopted])


def _two_successors(tmp_path: Path) -> Case:
    nrw = _contracts(tmp_path)
    _edit(nrw / TEMPLATE, ('governedBy="sec_14__para_4"/>',
                           'governedBy="sec_14__para_4"/>\n      <supersededBy work="lvr-ihl-rahmen"/>'))  # fmt: skip
    later = "wird ersetzt durch lvr-ihl-rahmen, sobald dieser in Kraft tritt"
    return Case(nrw, INSTANCE, TEMPLATE, amendments=[NACHTRAG], pending=[PENDING, later])


def _outside_contracts(tmp_path: Path) -> Case:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copy(NRW / INSTANCE, folder / INSTANCE)
    return Case(folder, INSTANCE)


CASES: dict[str, Callable[[Path], Case]] = {
    "basedOn names a version": _based_on_version,
    "basedOn names only the work": _based_on_work,
    "supersedes across works": _supersedes_across_works,
    "a chain of versions added in one pull request": _chain,
    "a Nachtrag amended again by a later one": _nachtrag_amended_again,
    "a template whose successor is adopted": _successor_adopted,
    "two announced successors": _two_successors,
    "a file outside contracts/": _outside_contracts,
}
DAY = date(2026, 7, 1)


@pytest.fixture(params=list(CASES), ids=list(CASES))
def case(request: pytest.FixtureRequest, tmp_path: Path) -> Case:
    return CASES[request.param](tmp_path)


def _name(path: str | None) -> str | None:
    return Path(path).name if path else None


def test_the_catalog_answers(case: Case) -> None:
    repository = read_repository([case.path(case.subject)])
    catalog, (subject,) = repository.catalog, repository.listed
    assert _name(getattr(catalog.template_of(subject), "path", None)) == case.template
    predecessors = catalog.predecessors(subject)
    assert _name(predecessors[-1].path if predecessors else None) == case.predecessor
    successors = catalog.successors(subject)
    assert _name(successors[-1].path if successors else None) == case.successor
    assert [_name(a.path) for a in catalog.amendments_of(subject)] == case.amendments


def test_validate_compares_an_instance_with_that_template_and_resolves_the_rest(
    case: Case,
) -> None:
    subject = case.path(case.subject)
    _edit(subject, ("Leistungsbezeichnung", "Bezeichnung der Leistung"))
    checked = {Path(c.path).name: c for c in lvcheck.validate([case.folder], jobs=1)}
    found = checked[case.subject].diagnostics
    departures = [d.message for d in found if d.code == "LV360"]
    if case.template is not None and case.subject != TEMPLATE:
        assert departures and all(f"({case.folder / case.template})" in m for m in departures)
    else:
        assert departures == []
    unresolved = [d for c in checked.values() for d in c.diagnostics if d.code == "LV323"]
    assert unresolved == [] if case.template or case.subject == TEMPLATE else unresolved
    # every Nachtrag applies, in the catalog's order (none is tried on the base alone)
    assert [d for c in checked.values() for d in c.diagnostics if d.code == "LV390"] == []


def test_status_names_the_same_nachtraege_and_replacements(case: Case) -> None:
    (work,) = lvcheck.status([case.path(case.subject)], DAY).works
    (state,) = work.versions
    titles = [a.title for a in state.amendments]
    expected = [lvcheck.load(case.path(a)).meta.title for a in case.amendments]
    assert titles == expected
    if state.standing.status == "inForce":
        assert [pending_text(p) for p in state.pending] == case.pending


def test_consolidate_history_and_deadlines_apply_the_nachtraege_in_that_order(
    case: Case,
) -> None:
    subject = case.path(case.subject)
    if case.subject == TEMPLATE:
        return  # a template has no Nachträge and no deadlines
    applied = lvcheck.consolidate(subject).applied
    assert [_name(a.label) for a in applied] == case.amendments
    history = lvcheck.history([subject], "§ 8 Abs. 4")
    assert len(history.stages) == 1 + len(case.amendments) and history.diagnostics == ()
    calendar = lvcheck.deadlines([subject], date(2027, 9, 1), date(2027, 10, 31))
    duties = [d.day for d in calendar.deadlines if d.citation == "§ 8 Abs. 4"]
    if case.subject == INSTANCE:  # the signed 15 October, as the Nachträge in force change it
        last = {0: date(2027, 10, 15), 1: date(2027, 9, 30), 2: date(2027, 9, 15)}
        assert duties == [last[len(case.amendments)]]


def test_the_site_links_the_same_template_predecessor_successor_and_nachtraege(
    case: Case, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    lvcheck.build_site(case.folder, site)
    page = (site / case.subject).with_suffix(".html").read_text(encoding="utf-8")
    for related in (case.template, case.predecessor, case.successor, *case.amendments):
        if related is not None:
            assert f'href="{Path(related).with_suffix(".html").name}"' in page, related
    if case.template is case.predecessor is case.successor is None:
        assert "vergleich--" not in page


def _git(folder: Path, *args: str) -> str:
    author = ("-c", "user.name=Test", "-c", "user.email=t@example.org")
    done = subprocess.run(["git", *author, *args], cwd=folder, check=True, capture_output=True)
    return done.stdout.decode()


def test_review_pairs_an_added_file_with_that_predecessor_and_template(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not case.added:
        return  # nothing of this case is added by a pull request
    top = case.folder.parent.parent
    moved = {name: (case.folder / name).read_bytes() for name in case.added}
    for name in case.added:
        (case.folder / name).unlink()
    _git(top, "init", "-q")
    _git(top, "add", ".")
    _git(top, "commit", "-qm", "base")
    for name, data in moved.items():
        (case.folder / name).write_bytes(data)
    _git(top, "add", ".")
    _git(top, "commit", "-qm", "head")
    monkeypatch.chdir(top)
    review = lvcheck.review("HEAD~1", "HEAD", against_templates=True)
    (added,) = [f for f in review.files if Path(f.path).name == case.subject]
    pairs = {c.pairing.value: Path(c.old.path).name for c in added.comparisons}
    assert pairs == {"supersedes": case.predecessor, "basedOn": case.template}
