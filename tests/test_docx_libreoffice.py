"""The Word files, read by a real word processor: LibreOffice, headless, through UNO
(tests/libreoffice.py). Every export reads as the text export, word for word; every redline
of a pair of versions in contracts/ gives the new text with its revisions accepted and the
old with them rejected; and LibreOffice edits an export as a lawyer would, plainly and as
tracked changes, and saves it as .docx, giving exactly those edits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lvcheck import labels
from lvcheck.api import load, render
from lvcheck.cli import cli

from .conftest import ALL_CONTRACTS, CONTRACTS, EXAMPLES, TEMPLATES
from .libreoffice import Office, Reading


def _text(path: Path) -> str:
    text = render(load(path), "text")
    assert isinstance(text, str)
    return text


def _body_and_notes(text: str, reading: Reading) -> tuple[list[str], list[str]]:
    """The text export's words without its footnote lines, which Word holds apart: each
    footnote LibreOffice read is one line of the text export, taken out there."""
    lines = [line.strip() for line in text.splitlines()]
    for note in reading.notes:
        assert note.strip() in lines, note
        lines.remove(note.strip())
    return " ".join(lines).split(), reading.body.split()


def _export(runner: CliRunner, source: Path, target: Path) -> None:
    result = runner.invoke(cli, ["export", str(source), "--format", "docx", "-o", str(target)])
    assert (result.exit_code, result.output) == (0, "")


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=[p.name for p in ALL_CONTRACTS])
def test_every_agreement_exported_to_word_reads_in_libreoffice_as_its_text_export(
    office: Office, runner: CliRunner, tmp_path: Path, path: Path
) -> None:
    target = tmp_path / "vereinbarung.docx"
    _export(runner, path, target)
    reading = office.read(target)
    wanted, read = _body_and_notes(_text(path), reading)
    assert read == wanted
    notes = path.read_text(encoding="utf-8").count("<authorialNote")
    assert len(reading.notes) == notes  # every footnote a Word footnote


def _versions() -> list[tuple[Path, Path]]:
    """(earlier, later) for every file of contracts/ whose header says it supersedes or is
    based on another file there."""
    files = {(load(p).meta.work_id, load(p).meta.version_id): p for p in ALL_CONTRACTS}
    pairs = []
    for path in ALL_CONTRACTS:
        for relation in load(path).meta.relations or ():
            if relation.kind not in ("supersedes", "basedOn"):
                continue
            for (work, version), earlier in files.items():
                if work == relation.work and relation.version in (None, version):
                    pairs.append((earlier, path))
    return pairs


PAIRS = _versions()


def test_the_pairs_include_the_template_and_the_mustervertrag_and_every_instance() -> None:
    mustervertrag = CONTRACTS / "nrw" / "beispiel-lvr-ihl-mustervertrag.xml"
    assert (TEMPLATES["nrw"], mustervertrag) in PAIRS
    assert {(TEMPLATES[land], EXAMPLES[land]) for land in TEMPLATES} <= set(PAIRS)


def _redline_text(body: str) -> list[str]:
    """The words of the redline's text: after its heading, before the Synopse."""
    lines = [line.strip() for line in body.splitlines()]
    start = lines.index(labels.REDLINE_TEXT) + 1
    end = lines.index(labels.SYNOPSIS) if labels.SYNOPSIS in lines else len(lines)
    return " ".join(lines[start:end]).split()


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{o.stem}->{n.stem}" for o, n in PAIRS])
def test_libreoffice_accepting_all_gives_new_and_rejecting_all_gives_old(
    office: Office, runner: CliRunner, tmp_path: Path, old: Path, new: Path
) -> None:
    target = tmp_path / "redline.docx"
    command = ["diff", str(old), str(new), "--format", "docx", "-o", str(target), "--synopse"]
    result = runner.invoke(cli, command)
    assert (result.exit_code, result.output) == (1, "")
    assert _redline_text(office.read(target, "accept").body) == _text(new).split()
    assert _redline_text(office.read(target, "reject").body) == _text(old).split()
    shown = office.read(target)  # neither: every change shows, as deleted and inserted words
    assert labels.SYNOPSIS in shown.body.splitlines()


# ---------------------------------------------------------------- a lawyer's edits

EDITED = EXAMPLES["nrw"]
NEW_PARAGRAPH = "(1a) BEISPIEL: Der Leistungserbringer benennt eine feste Ansprechperson."
EDITS = [
    {"op": "replace", "bookmark": "lv_sec_8__para_4", "old": "jährlich", "new": "halbjährlich"},
    {"op": "insert_after", "bookmark": "lv_sec_5__para_1", "text": NEW_PARAGRAPH},
    {"op": "delete", "bookmark": "lv_sec_11__point_3"},
    {"op": "move_before", "bookmark": "lv_sec_12", "before": "lv_sec_10"},
]


def _block(lines: list[str], heading: str, following: str) -> tuple[int, int]:
    """Where the lines of a § stand: from its heading to the next §'s heading."""
    start = next(n for n, line in enumerate(lines) if line.startswith(heading))
    end = next(n for n, line in enumerate(lines) if n > start and line.startswith(following))
    return start, end


def _edited_by_hand(text: str) -> list[str]:
    """The text export's lines with the four edits made, read off the text alone."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start, end = _block(lines, "§ 8 ", "§ 9 ")
    (four,) = [n for n in range(start, end) if lines[n].startswith("(4) ")]
    lines[four] = re.sub(r"\bjährlich\b", "halbjährlich", lines[four], count=1)
    start, end = _block(lines, "§ 11 ", "§ 12 ")
    (point,) = [n for n in range(start, end) if lines[n] == "- Fachkonzept des Leistungserbringers"]
    del lines[point]
    start, end = _block(lines, "§ 12 ", "§ 13 ")
    moved, lines[start:end] = lines[start:end], []
    ten = next(n for n, line in enumerate(lines) if line.startswith("§ 10 "))
    lines[ten:ten] = moved
    start, end = _block(lines, "§ 5 ", "§ 6 ")
    (second,) = [n for n in range(start, end) if lines[n].startswith("(2) ")]
    lines.insert(second, NEW_PARAGRAPH)
    return lines


def edited_export(office: Office, runner: CliRunner, folder: Path, tracked: bool) -> Path:
    """EDITED exported to Word, the four EDITS made in LibreOffice (as tracked changes or
    plainly) and saved as .docx: the file a lawyer sends back (for ``import --onto``)."""
    exported, edited = folder / "export.docx", folder / "bearbeitet.docx"
    _export(runner, EDITED, exported)
    office.request(load=str(exported), edits=EDITS, tracked=tracked, docx=str(edited))
    return edited


@pytest.mark.parametrize("tracked", [False, True], ids=["plain edits", "tracked changes"])
def test_libreoffice_edits_an_export_as_a_lawyer_would_and_saves_it_as_docx(
    office: Office, runner: CliRunner, tmp_path: Path, tracked: bool
) -> None:
    edited = edited_export(office, runner, tmp_path, tracked)
    original = _text(EDITED)
    wanted = _edited_by_hand(original)
    revisions = office.request(load=str(edited))["redlines"]
    assert (revisions > 0) == tracked
    final = office.read(edited, "accept" if tracked else None)
    body, read = _body_and_notes("\n".join(wanted), final)
    assert read == body  # exactly the four edits, and nothing else
    if tracked:  # rejecting every change gives the export as it was
        before, after = _body_and_notes(original, office.read(edited, "reject"))
        assert after == before
