"""The legal diff (diff.py, align.py, flatten.py, words.py and its renderers)."""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from lvcheck.cli import cli
from lvcheck.comparison.changes import Clause, DiffResult
from lvcheck.comparison.engine import diff_agreements
from lvcheck.comparison.flatten import flatten
from lvcheck.document.canonical import serialize
from lvcheck.document.load import load_agreement, load_agreement_bytes
from lvcheck.document.model import Agreement
from lvcheck.document.parse import NAMESPACE, parse_bytes
from lvcheck.rendering.registry import render_diff

from .conftest import DATA, EXAMPLES, TEMPLATES

CASES = DATA / "diff"
CASE_NAMES = sorted(p.name.removesuffix(".old.xml") for p in CASES.glob("*.old.xml"))
NS = f"{{{NAMESPACE}}}"
SUCCESSOR = TEMPLATES["nrw"].parent / "beispiel-lvr-ihl-mustervertrag.xml"


def _case(name: str) -> DiffResult:
    return diff_agreements(
        load_agreement(CASES / f"{name}.old.xml"),
        load_agreement(CASES / f"{name}.new.xml"),
        f"{name}.old.xml",
        f"{name}.new.xml",
    )


@pytest.mark.parametrize("name", CASE_NAMES)
@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_golden_diff(name: str, fmt: str, suffix: str, golden: Callable[[Path, str], None]) -> None:
    golden(CASES / f"{name}.{suffix}", render_diff(_case(name), fmt))


@pytest.mark.parametrize("name", ["whitespace-only", "unicode-layout"])
def test_layout_is_no_change(name: str) -> None:
    assert _case(name).is_empty


def test_insertion_renumbers_the_rest_as_one_line_and_changes_nothing_else() -> None:
    result = _case("insertion-renumbering")
    assert [(c.kind, c.new.eid if c.new else None) for c in result.changes] == [
        ("inserted", "sec_6")
    ]
    assert [(r.old_label, r.new_label) for r in result.renumbered] == [("§§ 2–5", "§§ 3–6")]


def test_moved_and_edited_clause_is_one_change_with_its_words() -> None:
    (change,) = _case("move-edit").changes
    assert (change.kind, change.aspects) == ("moved", ("moved", "renumbered", "modified"))
    assert [(w.op, w.old.strip(), w.new.strip()) for w in change.words if w.op != "equal"] == [
        ("replace", "„Schriftform“", "Textform")
    ]


def test_rewrite_beyond_half_is_shown_whole() -> None:
    (change,) = _case("rewrite").changes
    assert change.rewritten


def test_filled_field_is_a_header_change_not_a_clause_change() -> None:
    result = _case("field-filled")
    assert not result.changes and not result.renumbered
    assert {m.subject for m in result.metadata} == {
        "version.kind",
        "field:anbieter.name",
        "field:beginn",
    }


def test_changed_deadline_is_material() -> None:
    result = diff_agreements(load_agreement(TEMPLATES["nrw"]), load_agreement(SUCCESSOR))
    material = {c.new.eid for c in result.changes if c.material and c.new}
    assert material == {"sec_7__subsec_1__note_1", "sec_8__para_4", "sec_14__para_1"}
    assert (
        next(m for m in result.metadata if m.subject == "term.notice_period").severity == "material"
    )


def test_nrw_successor_reads_as_a_lawyer_would_describe_it() -> None:
    result = diff_agreements(load_agreement(TEMPLATES["nrw"]), load_agreement(SUCCESSOR))
    kinds = Counter(c.kind for c in result.changes)
    assert kinds == {"modified": 4, "inserted": 1, "moved": 1, "deleted": 1}
    moved = next(c for c in result.changes if c.kind == "moved")
    assert (moved.old and moved.old.num, moved.new and moved.new.num) == ("§ 12", "§ 10")
    assert [(r.old_label, r.new_label) for r in result.renumbered] == [
        ("§§ 3–8", "§§ 4–9"),
        ("§ 7 Ziff. 7.1–7.3", "§ 8 Ziff. 8.1–8.3"),
        ("§§ 9–11", "§§ 11–13"),
        ("§§ 13–14", "§§ 14–15"),
        ("§ 14 Abs. 5", "§ 15 Abs. 4"),
    ]


def test_template_and_its_instance_differ_only_where_the_parties_agreed() -> None:
    def against_template(region: str) -> DiffResult:
        template, instance = load_agreement(TEMPLATES[region]), load_agreement(EXAMPLES[region])
        return diff_agreements(template, instance, against_template=True)

    assert against_template("nrw").is_empty
    # the Bavarian example names an invented signatory instead of the template's official
    (change,) = against_template("bayern").changes
    assert change.new is not None and change.new.eid == "conclusions__sig_1"
    assert [(op.old, op.new) for op in change.words if op.op != "equal"] == [
        ("Johannes Fauth ", "Paul Beispiel ")
    ]


def test_against_template_reports_a_header_departure() -> None:
    source = EXAMPLES["nrw"].read_bytes().replace(b'period="P12M"', b'period="P6M"')
    result = diff_agreements(
        load_agreement(TEMPLATES["nrw"]),
        load_agreement_bytes(source, "x.xml"),
        against_template=True,
    )
    assert [(m.subject, m.old, m.new) for m in result.metadata] == [
        ("term.notice_period", "12 Monate", "6 Monate")
    ]


def test_instance_that_changes_a_word_deviates_from_its_template() -> None:
    source = (
        EXAMPLES["nrw"]
        .read_bytes()
        .replace(b"mindestens alle f\xc3\xbcnf Jahre", b"mindestens alle zehn Jahre")
    )
    result = diff_agreements(
        load_agreement(TEMPLATES["nrw"]),
        load_agreement_bytes(source, "x.xml"),
        against_template=True,
    )
    assert [(c.new.eid if c.new else "", c.material) for c in result.changes] == [
        ("sec_8__para_3", True)
    ]
    assert not result.metadata


def test_markdown_stays_under_the_comment_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from lvcheck.rendering import diff_markdown

    monkeypatch.setattr(diff_markdown, "MAX_CHARACTERS", 2500)
    result = diff_agreements(load_agreement(TEMPLATES["nrw"]), load_agreement(SUCCESSOR))
    text = diff_markdown.render_diff_markdown(result)
    assert len(text) < 2500
    assert "weitere Abschnitt(e) ausgelassen" in text


def test_json_is_versioned_and_names_both_sides() -> None:
    document = json.loads(render_diff(_case("deleted-point"), "json"))
    assert (document["format"], document["version"]) == ("lvcheck-diff", 2)
    (change,) = document["changes"]
    assert change["kind"] == "deleted" and change["old_eId"] == "sec_2__list_1__point_2"
    assert change["citation"] == "§ 2, 2. Spiegelstrich"


def test_html_escapes_the_text_and_has_a_synopsis() -> None:
    source = (
        (CASES / "rewrite.new.xml")
        .read_bytes()
        .replace(b"durch eigenes Personal", b"durch &lt;script&gt;alert(1)&lt;/script&gt;")
    )
    result = diff_agreements(
        load_agreement(CASES / "rewrite.old.xml"), load_agreement_bytes(source, "x.xml")
    )
    page = render_diff(result, "html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<th scope="col">Bisherige Fassung' in page and '<th scope="col">Neue Fassung' in page
    assert page.count('<tr class="gleich">') >= 4  # unchanged rows stand side by side


# ---------------------------------------------------------------- properties


def _edited(seed: int, steps: int) -> bytes:
    """The NRW template after random real edits: delete, insert, move, reword."""
    tree = parse_bytes(TEMPLATES["nrw"].read_bytes(), "t.xml")
    body = tree.getroot().find(NS + "body")
    assert body is not None
    chooser = random.Random(seed)
    fresh = 100
    for _ in range(steps):
        operation = chooser.choice(["delete", "insert", "move", "reword"])
        sections = list(body)
        if operation == "delete":
            units = [
                u
                for u in body.iter(NS + "point", NS + "paragraph", NS + "section")
                if len(u.getparent().findall(u.tag)) > 1
            ]  # type: ignore[union-attr]
            victim = chooser.choice(units)
            victim.getparent().remove(victim)  # type: ignore[union-attr]
            for element in tree.getroot().iter(NS + "ref"):  # no reference into the void
                if element.get("href") and element.get("href", "")[1:].startswith(
                    victim.get("eId", "")
                ):
                    element.attrib.pop("href")
                    element.set("statute", "SGB IX")
        elif operation == "insert":
            fresh += 1
            copy = etree.fromstring(etree.tostring(chooser.choice(sections)))
            old_eid = copy.get("eId", "")
            for element in copy.iter():
                if element.get("eId"):
                    element.set("eId", element.get("eId", "").replace(old_eid, f"sec_{fresh}", 1))
            body.insert(chooser.randrange(len(sections) + 1), copy)
        elif operation == "move":
            section = chooser.choice(sections)
            body.remove(section)
            body.insert(chooser.randrange(len(sections)), section)
        else:
            paragraph = chooser.choice(list(body.iter(NS + "p")))
            if paragraph.text:
                words = paragraph.text.split(" ")
                words[chooser.randrange(len(words))] = "geändert"
                paragraph.text = " ".join(words)
    for number, section in enumerate(body, start=1):
        num = section.find(NS + "num")
        if num is not None:
            num.text = f"§ {number}"
    return serialize(tree)


def _load(data: bytes) -> Agreement:
    return load_agreement_bytes(data, "edited.xml")


def _accounted(result: DiffResult, side: str) -> Counter[str]:
    seen: Counter[str] = Counter()
    for pair in result.unchanged:
        seen[(pair[0] if side == "old" else pair[1]).eid] += 1
    for run in result.renumbered:
        for pair in run.pairs:
            seen[(pair[0] if side == "old" else pair[1]).eid] += 1
    for change in result.changes:
        clause: Clause | None = change.old if side == "old" else change.new
        if clause is not None:
            seen[clause.eid] += 1
            if change.kind in ("inserted", "deleted"):
                seen.update(member.eid for member in change.subtree)
    return seen


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6))
def test_diff_of_a_version_with_itself_is_empty(seed: int, steps: int) -> None:
    agreement = _load(_edited(seed, steps))
    assert diff_agreements(agreement, agreement).is_empty


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6))
def test_every_clause_of_both_sides_is_accounted_for_once(seed: int, steps: int) -> None:
    old, new = load_agreement(TEMPLATES["nrw"]), _load(_edited(seed, steps))
    result = diff_agreements(old, new)
    assert _accounted(result, "old") == Counter(c.eid for c in flatten(old))
    assert _accounted(result, "new") == Counter(c.eid for c in flatten(new))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6))
# a § copied, a point of the original edited: its old point was paired by eId with the
# original's, outside the paragraph its own paragraph had been matched with (one way only)
@example(seed=43, steps=6)
def test_diff_backwards_mirrors_diff_forwards(seed: int, steps: int) -> None:
    old, new = load_agreement(TEMPLATES["nrw"]), _load(_edited(seed, steps))
    forward, backward = diff_agreements(old, new), diff_agreements(new, old)
    kinds_forward = Counter(c.kind for c in forward.changes)
    kinds_backward = Counter(c.kind for c in backward.changes)
    assert kinds_forward["inserted"] == kinds_backward["deleted"]
    assert kinds_forward["deleted"] == kinds_backward["inserted"]
    assert kinds_forward["moved"] == kinds_backward["moved"]

    def touched(result: DiffResult, flip: bool) -> set[tuple[str, str]]:
        pairs = {(c.old.eid, c.new.eid) for c in result.changes if c.old and c.new}
        pairs |= {(o.eid, n.eid) for run in result.renumbered for o, n in run.pairs}
        return {(b, a) for a, b in pairs} if flip else pairs

    assert touched(forward, False) == touched(backward, True)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([b"", b" ", b"\n", b"\n\n  "]), min_size=1, max_size=30))
def test_fmt_never_causes_a_change(gaps: list[bytes]) -> None:
    canonical = TEMPLATES["bayern"].read_bytes()
    counter = iter(range(10**6))
    messy = re.sub(rb">\n( *)<", lambda _: b">" + gaps[next(counter) % len(gaps)] + b"<", canonical)
    before, after = load_agreement(TEMPLATES["bayern"]), _load(messy)
    assert diff_agreements(before, after).is_empty
    assert diff_agreements(before, _load(serialize(parse_bytes(messy, "m")))).is_empty


# ---------------------------------------------------------------- command line


def test_cli_exit_status_is_0_for_same_and_1_for_different(runner: CliRunner) -> None:
    same = runner.invoke(cli, ["diff", str(TEMPLATES["nrw"]), str(TEMPLATES["nrw"])])
    assert (same.exit_code, same.stdout.splitlines()[-1]) == (0, "Keine Änderungen.")
    different = runner.invoke(
        cli, ["diff", str(CASES / "move.old.xml"), str(CASES / "move.new.xml")]
    )
    assert different.exit_code == 1


def test_cli_exit_status_is_2_for_trouble(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["diff", str(tmp_path / "missing.xml"), str(TEMPLATES["nrw"])])
    assert result.exit_code == 2
    assert "LV101 error no such file" in result.stderr
    hostile = runner.invoke(
        cli, ["diff", str(DATA / "invalid" / "external-entity.xml"), str(TEMPLATES["nrw"])]
    )
    assert hostile.exit_code == 2 and "LV103" in hostile.stderr


def test_cli_against_template(runner: CliRunner) -> None:
    same = runner.invoke(
        cli, ["diff", "--against-template", str(TEMPLATES["nrw"]), str(EXAMPLES["nrw"])]
    )
    assert same.exit_code == 0
    departs = runner.invoke(
        cli, ["diff", "--against-template", str(TEMPLATES["bayern"]), str(EXAMPLES["bayern"])]
    )
    assert departs.exit_code == 1 and "Paul Beispiel" in departs.output


def test_cli_reads_a_git_revision(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    target = tmp_path / "a.xml"
    target.write_bytes((CASES / "move.old.xml").read_bytes())
    git("add", "a.xml")
    git("commit", "-qm", "v1")
    target.write_bytes((CASES / "move.new.xml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["diff", "--no-color", "HEAD:a.xml", "a.xml"])
    assert result.exit_code == 1
    assert "§ 5 Schlussbestimmungen → § 4 — verschoben, umnummeriert" in result.stdout
    missing = runner.invoke(cli, ["diff", "HEAD:nope.xml", "a.xml"])
    assert missing.exit_code == 2 and "LV101" in missing.stderr
    option = runner.invoke(cli, ["diff", "--", "--output=x:a.xml", "a.xml"])
    assert option.exit_code == 2


def test_cli_writes_html_atomically_and_never_over_an_input(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "diff.html"
    old, new = str(CASES / "move.old.xml"), str(CASES / "move.new.xml")
    assert runner.invoke(cli, ["diff", "--format", "html", old, new, "-o", str(out)]).exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    refused = runner.invoke(cli, ["diff", old, new, "-o", new])
    assert refused.exit_code == 2 and "refusing to overwrite" in refused.stderr


def test_textconv_prints_reading_text_and_survives_broken_files(runner: CliRunner) -> None:
    good = runner.invoke(cli, ["textconv", str(TEMPLATES["bayern"])])
    assert good.exit_code == 0 and "7. Laufzeit" in good.stdout
    broken = runner.invoke(cli, ["textconv", str(DATA / "invalid" / "truncated.xml")])
    assert broken.exit_code == 0 and '<work id="x"' in broken.stdout
    assert "showing the raw file" in broken.stderr


def _clause(eid: str, parent: int | None, index: int, text: str) -> Clause:
    return Clause(
        eid=eid,
        kind="point",
        num="",
        heading_parts=(),
        parts=(text,),
        steps=(),
        parent=parent,
        index=index,
    )


def test_boilerplate_said_twice_does_not_anchor_a_match_across_sections() -> None:
    """Two sections end with the same sentence. With all eIds changed, each sentence must
    stay with its own section, not with whichever came first."""
    from lvcheck.comparison.align import align
    from lvcheck.comparison.outline import Outline

    boilerplate = "Im Übrigen gelten die Bestimmungen des Rahmenvertrages entsprechend."
    old = [
        _clause("a", None, 0, "Der Anbieter dokumentiert jede Leistung am selben Tag schriftlich."),
        _clause("a1", 0, 1, boilerplate),
        _clause("b", None, 2, "Die Kräfte nehmen jährlich an fachbezogenen Fortbildungen teil."),
        _clause("b1", 2, 3, boilerplate),
    ]
    new = [
        _clause("x", None, 0, "Die Kräfte nehmen jährlich an fachbezogenen Fortbildungen teil."),
        _clause("x1", 0, 1, boilerplate),
        _clause("y", None, 2, "Der Anbieter dokumentiert jede Leistung am selben Tag schriftlich."),
        _clause("y1", 2, 3, boilerplate),
    ]
    assert align(Outline(old), Outline(new)) == {0: 2, 1: 3, 2: 0, 3: 1}


def test_markdown_table_survives_a_pipe_in_a_header_value() -> None:
    old = load_agreement(CASES / "header-change.old.xml")
    source = (
        (CASES / "header-change.new.xml")
        .read_bytes()
        .replace(b"<title>Testvereinbarung", b"<title>Test | Vereinbarung")
    )
    text = render_diff(diff_agreements(old, load_agreement_bytes(source, "x.xml")), "markdown")
    (row,) = [line for line in text.splitlines() if line.startswith("| Titel |")]
    assert row.count(" | ") == 3 and "Test \\| Vereinbarung" in row  # 4 cells, 3 separators


# ---------------------------------------------------------------- eIds, numbers, characters


def test_a_renamed_eid_with_unchanged_text_is_reported() -> None:
    result = _case("eid-renamed")
    assert not result.is_empty and not result.changes and not result.renumbered
    (run,) = result.eid_changed
    assert [(o.eid, n.eid) for o, n in run.pairs] == [("sec_3__para_2", "sec_3__para_2a")]
    assert (run.severity, run.new_label) == ("major", "§ 3 Abs. 2")


def test_regenerated_eids_give_the_changes_of_stable_ones_and_the_changed_eids() -> None:
    stable, regenerated = _case("insertion-renumbering"), _case("eid-regenerated")
    for result in (stable, regenerated):
        assert [(c.kind, c.new.citation if c.new else "") for c in result.changes] == [
            ("inserted", "§ 2")
        ]
        assert [(r.old_label, r.new_label) for r in result.renumbered] == [("§§ 2–5", "§§ 3–6")]
    assert not stable.eid_changed
    (run,) = regenerated.eid_changed
    assert (run.pairs[0][0].eid, run.pairs[0][1].eid) == ("sec_2", "sec_3")
    assert all(o.text == n.text for o, n in run.pairs) and len(run.pairs) == 10


def test_text_that_took_another_number_along_with_its_eid_is_not_a_modification() -> None:
    """Old § 4 is new § 3 (eId sec_3), and new § 4 (eId sec_4) says something else."""
    result = _case("number-reassigned")
    assert [(c.kind, (c.old or c.new).eid) for c in result.changes if c.old or c.new] == [
        ("deleted", "sec_3"),
        ("inserted", "sec_4"),
    ]
    assert [(o.eid, n.eid) for run in result.renumbered for o, n in run.pairs] == [
        ("sec_4", "sec_3")
    ]
    assert not result.metadata  # governedBy followed its clause


def test_numbers_amounts_dates_and_times_change_as_a_lawyer_reads_them() -> None:
    (change,) = _case("numbers").changes
    assert [(w.old.strip(), w.new.strip()) for w in change.words if w.op != "equal"] == [
        ("5,5", "6,0"),
        ("1.530,00 €", "1.620,50 €"),
        ("50 %", "60 %"),
        ("15. Oktober", "30. September"),
        ("01.09.2025", "01.10.2025"),
        ("7:30–16:30 Uhr", "7:00–16:30 Uhr"),
    ]
    assert change.material


def test_a_filled_field_weighs_by_its_type() -> None:
    severity = {m.subject: m.severity for m in _case("field-filled").metadata}
    assert (severity["field:beginn"], severity["field:anbieter.name"]) == ("material", "minor")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_an_invisible_character_is_a_change_every_renderer_shows(fmt: str) -> None:
    result = _case("invisible")
    (change,) = result.changes
    assert [(w.old.strip(), w.new.strip()) for w in change.words if w.op != "equal"] == [
        ("12", "1⟨U+202E⟩2⟨U+202C⟩")
    ]
    shown = render_diff(result, fmt)
    assert "⟨U+202E⟩" in shown and "\u202e" not in shown and "\\u202e" not in shown


def test_markdown_shows_hostile_contract_text_as_text() -> None:
    """GitHub's own Markdown (cmark-gfm) renders the comment: the text stays text."""
    import cmarkgfm
    from cmarkgfm.cmark import Options
    from lxml import html

    markdown = render_diff(_case("markdown-injection"), "markdown")
    page = html.fromstring(
        cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    )
    (inserted,) = page.iter("ins")
    assert [child.tag for child in inserted if isinstance(child.tag, str)] == []
    expected = load_agreement(CASES / "markdown-injection.new.xml")
    assert inserted.text_content() == flatten(expected)[-1].text


def test_each_side_carries_its_agreement_for_the_page_renderer() -> None:
    old = load_agreement(CASES / "move.old.xml")
    new = load_agreement(CASES / "move.new.xml")
    result = diff_agreements(old, new)
    assert result.old.agreement is old and result.new.agreement is new


def test_an_invisible_character_in_the_header_is_shown() -> None:
    old = load_agreement(CASES / "header-change.old.xml")
    source = (
        (CASES / "header-change.old.xml")
        .read_text(encoding="utf-8")
        .replace("<title>Testvereinbarung", "<title>Test\u202evereinbarung")
    )
    (change,) = diff_agreements(old, load_agreement_bytes(source.encode(), "x.xml")).metadata
    assert change.subject == "title" and "Test⟨U+202E⟩vereinbarung" in (change.new or "")


def test_the_redline_page_lists_each_run_of_changed_eids_with_its_weight() -> None:
    from lxml import html as lxml_html

    from lvcheck.rendering.diff_html import render_diff_html

    old, new = (CASES / f"eid-renamed.{side}.xml" for side in ("old", "new"))
    result = diff_agreements(load_agreement(old), load_agreement(new), old.name, new.name)
    assert result.eid_changed
    page = lxml_html.fromstring(render_diff_html(result))
    (listing,) = page.find_class("kennungen")
    shown = [" ".join(item.text_content().split()) for item in listing]
    assert len(shown) == len(result.eid_changed)
    for run, line in zip(result.eid_changed, shown, strict=True):
        old_clause, new_clause = run.pairs[0]
        assert old_clause.eid in line and new_clause.eid in line and "erheblich" in line


FOOTNOTED = f"""<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="{NAMESPACE}">
  <meta>
    <work id="fn" type="bench" jurisdiction="DE-NW" language="de"/>
    <version id="v1" kind="template" status="draft"/>
    <title>Fußnoten</title>
    <parties><party id="traeger" name="Träger" role="authority"/></parties>
  </meta>
  <body>
    <section eId="sec_1">
      <num>§ 1</num>
      <heading>Qualität<b>, fett<authorialNote eId="sec_1__note_1" marker="1"><p>In
        der Auszeichnung.</p></authorialNote></b></heading>
      <content>
        <p>Nur   Text.</p>
        <p>Mit<authorialNote eId="sec_1__note_2" marker="2"><p>Im Absatz.</p></authorialNote>
          Fußnote <!-- ein Kommentar -->und<?pi x?> Rest.</p>
      </content>
    </section>
    <section eId="sec_2">
      <num>§ 2</num>
      <heading>Zweiter<authorialNote eId="sec_2__note_1" marker="3"><p>Oben.</p></authorialNote></heading>
      <content><p>Schluss.</p></content>
    </section>
  </body>
</agreement>
""".encode()


def test_footnotes_anywhere_in_a_heading_or_paragraph_are_clauses_of_their_own() -> None:
    """The flattening takes text alone as it is (its hot path): footnotes inside a span of a
    heading, or between the words of a paragraph, must still become clauses, and the text
    around them the clause's own words."""
    clauses = flatten(_load(FOOTNOTED))
    assert [(c.eid, c.kind, c.citation) for c in clauses] == [
        ("sec_1", "section", "§ 1"),
        ("sec_1__note_1", "note", "§ 1, Fn. 1"),
        ("sec_1__note_2", "note", "§ 1, Fn. 2"),
        ("sec_2", "section", "§ 2"),
        ("sec_2__note_1", "note", "§ 2, Fn. 3"),
    ]
    first = clauses[0]
    # a footnote inside a span of the heading is no word of the heading, as one directly in
    # it is not: the citation reads "§ 1 Qualität, fett", never "…fett[1]"
    assert first.heading_parts == ("Qualität", ", fett")
    assert first.steps[-1].heading == "Qualität, fett"
    assert clauses[3].steps[-1].heading == "Zweiter"
    assert first.parts == (
        " ",
        "Nur   Text.",
        " ",
        "Mit",
        ("\x00note:2", "[2]"),
        "\n          Fußnote und Rest.",
    )
    assert first.content == "Nur Text. Mit\x00note:2\x01 Fußnote und Rest."
    assert [c.content for c in clauses[1:3]] == ["In der Auszeichnung.", "Im Absatz."]
    assert [c.parent for c in clauses] == [None, 0, 0, None, 3]
    assert clauses[3].heading_parts == ("Zweiter",) and clauses[3].parts == (" ", "Schluss.")


def _one_section(*paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<agreement xmlns="urn:lvcheck:agreement:1.0"><meta>'
        '<work id="t" type="test" jurisdiction="DE-NW" language="de"/>'
        '<version id="v1" kind="template" status="draft"/><title>BEISPIEL</title>'
        '<parties><party id="t" name="Träger" role="authority"/></parties></meta><body>'
        f'<section eId="sec_8"><num>§ 8</num><content>{body}</content></section>'
        "</body></agreement>"
    ).encode()


DOKUMENTATION = "Die Dokumentation ist bis zum 15. Oktober eines Jahres vorzulegen."
BERICHT = "Der Bericht umfasst die Monate Januar bis Juni und ist 12 Seiten lang."


def test_two_paragraphs_of_a_clause_swapped_are_no_material_change() -> None:
    """No word changed, dates and numbers included: a change of order, minor."""
    old = load_agreement_bytes(_one_section(DOKUMENTATION, BERICHT), "alt")
    new = load_agreement_bytes(_one_section(BERICHT, DOKUMENTATION), "neu")
    (change,) = diff_agreements(old, new).changes
    assert (change.kind, change.material, change.severity) == ("modified", False, "minor")


@pytest.mark.parametrize(
    "new",
    [
        _one_section(BERICHT.replace("12", "14"), DOKUMENTATION),  # swapped and a number changed
        _one_section(
            DOKUMENTATION.replace("15. Oktober", "Oktober 15."), BERICHT
        ),  # words, not sentences
    ],
)
def test_a_swap_that_changes_a_number_stays_material(new: bytes) -> None:
    old = load_agreement_bytes(_one_section(DOKUMENTATION, BERICHT), "alt")
    (change,) = diff_agreements(old, load_agreement_bytes(new, "neu")).changes
    assert change.material
