"""`lvcheck review BASE HEAD` (revisions/): real git repositories in a temporary folder,
with files added, changed, renamed, deleted, broken and superseding one another. Each test
makes a known change and expects exactly it, and the diff of each pair is the one
`lvcheck.diff` gives for the same two files."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lvcheck
from lvcheck.cli import cli
from lvcheck.revisions import comment
from lvcheck.revisions.model import FileReview, FileStatus, Pairing, Review, Version
from lvcheck.safe_text import unsafe

from .conftest import CONTRACTS, DATA, TEMPLATES

MINIMAL = (DATA / "minimal.xml").read_text(encoding="utf-8")
TRUNCATED = (DATA / "invalid" / "truncated.xml").read_bytes()


def agreement(work: str, version: str = "v1", relations: str = "", word: str = "") -> bytes:
    """tests/data/minimal.xml as version ``version`` of ``work``, with <relations> and
    ``word`` appended to § 1."""
    text = MINIMAL.replace('id="test-minimal"', f'id="{work}"')
    text = text.replace('<version id="v1"', f'<version id="{version}"')
    if relations:
        text = text.replace("<documents>", f"<relations>{relations}</relations>\n    <documents>")
    return text.replace("§ 131 SGB IX</ref>.", f"§ 131 SGB IX</ref>.{word}").encode()


class Repository:
    """A git repository in a temporary folder, changed one commit at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args],
            cwd=self.root,
            capture_output=True,
            check=True,
            timeout=60,
        )
        return done.stdout.decode()

    def commit(self, files: dict[str, bytes | None], renames: dict[str, str] | None = None) -> str:
        """Write (or with None delete) ``files`` under contracts/, rename, commit; the id."""
        for old, new in (renames or {}).items():
            (self.root / "contracts" / new).parent.mkdir(parents=True, exist_ok=True)
            self.git("mv", f"contracts/{old}", f"contracts/{new}")
        for name, data in files.items():
            path = self.root / "contracts" / name
            if data is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", "change")
        return self.git("rev-parse", "HEAD").strip()

    def spec(self, commit: str, name: str) -> str:
        return f"{commit[:12]}:contracts/{name}"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    monkeypatch.chdir(tmp_path)
    return Repository(tmp_path)


def review(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, ["review", *args])


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of the rows of the comment's first table, its summary (no header)."""
    lines = markdown.splitlines()
    start = lines.index("| Datei | Vorgang | Vereinbarung, Fassung | verglichen mit | Ergebnis |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("| "):
            break
        rows.append(re.split(r"(?<!\\)\|", line)[1:-1])
    return rows


def cell(text: str) -> str:
    return text.strip().replace("\\|", "|")


# ---------------------------------------------------------------- one change each


def test_no_change_exits_0(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"a.xml": agreement("a")})
    result = review(runner, "HEAD", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("\n\nKeine Vereinbarung geändert.\n")


def test_a_changed_word_is_the_one_change(repo: Repository, runner: CliRunner) -> None:
    base = repo.commit({"a.xml": agreement("a")})
    head = repo.commit({"a.xml": agreement("a", word=" Ergänzt.")})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 1, result.output
    ((path, status, work, compared, outcome),) = table_rows(result.stdout)
    assert (cell(path), cell(status), cell(work)) == (
        "`contracts/a.xml`",
        "geändert",
        "`a`, Fassung `v1`",
    )
    assert cell(compared) == "bisherige Fassung: `contracts/a.xml`"
    assert cell(outcome) == "1 geändert"
    expected = lvcheck.diff(repo.spec(base, "a.xml"), repo.spec(head, "a.xml"))
    assert lvcheck.render(expected, "markdown").replace("### ", "#### ", 1) in result.stdout
    assert "<ins>Ergänzt.</ins>" in result.stdout
    assert result.stderr.endswith("1 agreement file(s) differ, 1 with changes, 0 problem(s)\n")


def test_a_layout_only_change_is_no_change(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"a.xml": agreement("a")})
    repo.commit({"a.xml": agreement("a").replace(b"<p>Es gilt", b"<p>Es  gilt")})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    ((*_, outcome),) = table_rows(result.stdout)
    assert cell(outcome) == "Keine Änderungen."


def test_a_new_agreement_without_predecessor(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"a.xml": agreement("a")})
    repo.commit({"b.xml": agreement("b")})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 1
    ((path, status, _, compared, outcome),) = table_rows(result.stdout)
    assert (cell(path), cell(status), cell(compared)) == ("`contracts/b.xml`", "neu", "—")
    assert cell(outcome) == "neue Vereinbarung, keine frühere Fassung"
    assert "###" not in result.stdout  # nothing to compare, no section


def test_a_new_version_is_compared_with_the_version_it_supersedes(
    repo: Repository, runner: CliRunner
) -> None:
    base = repo.commit({"v1.xml": agreement("w", "v1"), "other.xml": agreement("other")})
    supersedes = '<supersedes work="w" version="v1"/>'
    head = repo.commit({"v2.xml": agreement("w", "v2", supersedes, word=" Neu.")})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 1
    ((_path, status, work, compared, outcome),) = table_rows(result.stdout)
    assert (cell(status), cell(work)) == ("neu", "`w`, Fassung `v2`")
    assert cell(compared) == "ersetzte Fassung: `contracts/v1.xml`"
    expected = lvcheck.diff(repo.spec(base, "v1.xml"), repo.spec(head, "v2.xml"))
    assert cell(outcome) == "1 geändert, 2 Kopfdaten"
    assert lvcheck.render(expected, "markdown").replace("### ", "#### ", 1) in result.stdout


def test_a_new_version_named_by_the_old_ones_superseded_by(
    repo: Repository, runner: CliRunner
) -> None:
    base = repo.commit({"v1.xml": agreement("w", "v1")})
    repo.commit(
        {
            "v1.xml": agreement("w", "v1", '<supersededBy work="w2"/>'),
            "v2.xml": agreement("w2", "v1", word=" Neu."),
        }
    )
    reviewed = lvcheck.review("HEAD~1", "HEAD")
    new = next(f for f in reviewed.files if f.path == "contracts/v2.xml")
    (comparison,) = new.comparisons
    assert comparison.pairing is Pairing.SUPERSEDED_BY
    assert (comparison.old.commit, comparison.old.path) == (base, "contracts/v1.xml")


def test_a_chain_of_new_versions_in_one_pull_request(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"v1.xml": agreement("w", "v1")})
    head = repo.commit(
        {
            "v2.xml": agreement("w", "v2", '<supersedes work="w" version="v1"/>', " Zwei."),
            "v3.xml": agreement("w", "v3", '<supersedes work="w" version="v2"/>', " Drei."),
        }
    )
    reviewed = lvcheck.review("HEAD~1", "HEAD")
    pairs = {f.path: [(c.old.path, c.old.commit) for c in f.comparisons] for f in reviewed.files}
    assert pairs == {
        "contracts/v2.xml": [("contracts/v1.xml", reviewed.base_commit)],
        "contracts/v3.xml": [("contracts/v2.xml", head)],  # v2 exists only in HEAD
    }


def test_a_renamed_file_is_compared_with_itself(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"nrw/a.xml": TEMPLATES["nrw"].read_bytes()})
    changed = TEMPLATES["nrw"].read_bytes().replace(b"zum 15. Oktober", b"zum 30. September")
    repo.commit({"nrw/b.xml": changed}, renames={"nrw/a.xml": "nrw/b.xml"})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 1, result.output
    ((_path, status, _, compared, outcome),) = table_rows(result.stdout)
    assert cell(status) == "umbenannt (von `contracts/nrw/a.xml`)"
    assert cell(compared) == "bisherige Fassung: `contracts/nrw/a.xml`"
    assert cell(outcome) == "1 geändert"
    assert "<del>15. Oktober</del><ins>30. September</ins>" in result.stdout  # dates: one token


def test_a_deleted_file(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"a.xml": agreement("a"), "b.xml": agreement("b")})
    repo.commit({"b.xml": None})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 1
    ((path, status, _work, _, outcome),) = table_rows(result.stdout)
    assert (cell(path), cell(status), cell(outcome)) == (
        "`contracts/b.xml`",
        "gelöscht",
        "Datei gelöscht",
    )


def test_files_outside_the_paths_and_other_kinds_are_not_reviewed(
    repo: Repository, runner: CliRunner
) -> None:
    repo.commit({"a.xml": agreement("a")})
    repo.commit({"notes.txt": b"x", "a.xml": agreement("a", word=" X.")})
    (repo.root / "elsewhere").mkdir()
    (repo.root / "elsewhere" / "c.xml").write_bytes(agreement("c"))
    repo.git("add", "-A")
    repo.git("commit", "-qm", "elsewhere")
    reviewed = lvcheck.review("HEAD~2", "HEAD")
    assert [f.path for f in reviewed.files] == ["contracts/a.xml"]
    assert [f.path for f in lvcheck.review("HEAD~2", "HEAD", ["elsewhere"]).files] == [
        "elsewhere/c.xml"
    ]


def test_a_broken_file_is_reported_and_the_others_are_reviewed(
    repo: Repository, runner: CliRunner
) -> None:
    repo.commit({"a.xml": agreement("a"), "b.xml": agreement("b")})
    head = repo.commit({"a.xml": TRUNCATED, "b.xml": agreement("b", word=" X.")})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 2
    rows = {cell(path): cell(outcome) for path, *_, outcome in table_rows(result.stdout)}
    assert rows == {
        "`contracts/a.xml`": "**nicht lesbar**: LV102",
        "`contracts/b.xml`": "1 geändert",
    }
    diagnostic = f"{head[:12]}:contracts/a.xml:4:17: LV102 error not well-formed XML"
    assert f"### `contracts/a.xml`: nicht lesbar\n\n```\n{diagnostic}" in result.stdout
    assert result.stderr.startswith(diagnostic)


def test_exit_zero_on_changes_keeps_exit_2_for_trouble(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"a.xml": agreement("a")})
    repo.commit({"a.xml": agreement("a", word=" X.")})
    assert review(runner, "--exit-zero-on-changes", "HEAD~1", "HEAD").exit_code == 0
    repo.commit({"a.xml": TRUNCATED})
    assert review(runner, "--exit-zero-on-changes", "HEAD~1", "HEAD").exit_code == 2


def test_an_instance_with_its_template_when_asked(repo: Repository, runner: CliRunner) -> None:
    template = TEMPLATES["nrw"].read_bytes()
    instance = (
        DATA.parent.parent / "contracts" / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml"
    ).read_bytes()
    repo.commit({"nrw/template.xml": template, "nrw/instance.xml": instance})
    departed = instance.replace(b"zum 15. Oktober", b"zum 30. September")
    assert departed != instance
    repo.commit({"nrw/instance.xml": departed})
    plain = lvcheck.review("HEAD~1", "HEAD")
    assert [c.pairing for c in plain.files[0].comparisons] == [Pairing.SAME_FILE]
    asked = lvcheck.review("HEAD~1", "HEAD", against_templates=True)
    _same, template_comparison = asked.files[0].comparisons
    assert template_comparison.pairing is Pairing.TEMPLATE
    assert template_comparison.old.path == "contracts/nrw/template.xml"
    assert [c.kind for c in template_comparison.result.changes] == ["modified"]
    result = review(runner, "--against-templates", "HEAD~1", "HEAD")
    assert "Vorlage (nur Abweichungen): `contracts/nrw/template.xml`" in result.stdout


def test_a_revision_like_an_option_or_unknown_is_trouble(
    repo: Repository, runner: CliRunner
) -> None:
    repo.commit({"a.xml": agreement("a")})
    result = review(runner, "--", "-HEAD", "HEAD")
    assert result.exit_code == 2
    assert result.stderr == "-HEAD:1:1: LV101 error a git revision cannot start with '-'\n"
    result = review(runner, "nope", "HEAD")
    assert (result.exit_code, result.stderr) == (
        2,
        "nope:1:1: LV101 error not in git: no commit of that name\n",
    )


def test_json_is_versioned_and_carries_the_diffs(repo: Repository, runner: CliRunner) -> None:
    base = repo.commit({"a.xml": agreement("a"), "gone.xml": agreement("g")})
    head = repo.commit({"a.xml": agreement("a", word=" X."), "gone.xml": None})
    result = review(runner, "--format", "json", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["format"], report["version"]) == ("lvcheck-review", 1)
    assert report["base"] == {"revision": "HEAD~1", "commit": base}
    assert report["summary"] == {"files": 2, "changed": 2, "problems": 0}
    changed, gone = report["files"]
    assert (gone["path"], gone["status"], gone["new"], gone["comparisons"]) == (
        "contracts/gone.xml",
        "deleted",
        None,
        [],
    )
    (comparison,) = changed["comparisons"]
    assert comparison["pairing"] == "sameFile"
    assert comparison["diff"] == json.loads(
        lvcheck.render(lvcheck.diff(repo.spec(base, "a.xml"), repo.spec(head, "a.xml")), "json")
    )


def test_output_file_and_a_subfolder_as_working_folder(
    repo: Repository, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit({"nrw/a.xml": agreement("a"), "bayern/b.xml": agreement("b")})
    repo.commit(
        {"nrw/a.xml": agreement("a", word=" X."), "bayern/b.xml": agreement("b", word=" Y.")}
    )
    monkeypatch.chdir(repo.root / "contracts")
    out = repo.root / "comment.md"
    result = review(runner, "-o", str(out), "HEAD~1", "HEAD", "nrw")
    assert result.exit_code == 1 and result.stdout == ""
    assert [cell(row[0]) for row in table_rows(out.read_text("utf-8"))] == ["`contracts/nrw/a.xml`"]


# ---------------------------------------------------------------- the comment holds


def _sections_are_apart(markdown: str) -> None:
    """Every heading starts a paragraph of its own, outside any <details>."""
    lines = markdown.splitlines()
    open_details = 0
    for number, line in enumerate(lines):
        open_details += line.count("<details>") - line.count("</details>")
        if line.startswith("#"):
            assert open_details == 0, line
            assert number == 0 or lines[number - 1] == "", line
    assert open_details == 0


def test_a_big_pull_request_fits_one_comment(repo: Repository, runner: CliRunner) -> None:
    template = TEMPLATES["nrw"].read_bytes()
    names = [f"nrw/{n:02}.xml" for n in range(24)]
    repo.commit(
        {name: template.replace(b"v1", f"v{n}".encode(), 1) for n, name in enumerate(names)}
    )
    rewritten = template.replace(b"Leistung", b"Hilfe").replace(b"Kind", b"Mensch")
    repo.commit(
        {name: rewritten.replace(b"v1", f"v{n}".encode(), 1) for n, name in enumerate(names)}
    )
    reviewed = lvcheck.review("HEAD~1", "HEAD")
    whole = sum(
        len(lvcheck.render(c.result, "markdown")) for f in reviewed.files for c in f.comparisons
    )
    assert whole > comment.LIMIT  # too much for one comment
    text = comment.markdown(reviewed)
    assert len(text.encode()) <= comment.LIMIT
    assert len(table_rows(text)) == len(names)  # every file in the table
    shown = text.count("#### Vertragsvergleich")
    assert 0 < shown < len(names)
    assert text.rstrip().endswith(
        f"{len(names) - shown} Abschnitt(e) ausgelassen, weil ein Kommentar höchstens 65.536 "
        f"Zeichen fasst. Vollständig: `lvcheck review {reviewed.base_commit[:12]} "
        f"{reviewed.head_commit[:12]}`."
    )
    _sections_are_apart(text)


HOSTILE = "evil\n| x | y |\n`tick`\u202e.xml"


def test_hostile_file_names_stay_in_their_cell(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"a.xml": agreement("a")})
    repo.commit({HOSTILE: agreement("h"), "a.xml": agreement("a", word=" X.")})
    result = review(runner, "HEAD~1", "HEAD")
    assert result.exit_code == 1, result.output
    assert unsafe().search(result.output.replace("\n", "")) is None
    rows = table_rows(result.stdout)
    assert len(rows) == 2 and all(len(row) == 5 for row in rows)
    assert cell(rows[1][0]) == "``contracts/evil\\n| x | y |\\n`tick`\\u202e.xml``"
    report = json.loads(review(runner, "--format", "json", "HEAD~1", "HEAD").stdout)
    assert report["files"][1]["path"] == f"contracts/{HOSTILE}"


# ---------------------------------------------------------------- any mix of changes

OPERATIONS = st.sampled_from(["keep", "change", "layout", "delete", "rename", "supersede"])


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(OPERATIONS, min_size=1, max_size=4))
def test_every_changed_file_is_reviewed_once_as_what_happened(
    tmp_path_factory: pytest.TempPathFactory, operations: list[str]
) -> None:
    repo = Repository(tmp_path_factory.mktemp("repo"))
    repo.commit({f"f{n}.xml": agreement(f"w{n}") for n in range(len(operations))})
    files: dict[str, bytes | None] = {}
    renames, expected = {}, {}
    for n, operation in enumerate(operations):
        name = f"f{n}.xml"
        if operation == "change":
            files[name] = agreement(f"w{n}", word=" X.")
            expected[name] = (FileStatus.MODIFIED, True, [Pairing.SAME_FILE])
        elif operation == "layout":
            files[name] = agreement(f"w{n}").replace(b"<p>Es gilt", b"<p>Es  gilt")
            expected[name] = (FileStatus.MODIFIED, False, [Pairing.SAME_FILE])
        elif operation == "delete":
            files[name] = None
            expected[name] = (FileStatus.DELETED, True, [])
        elif operation == "rename":
            renames[name] = f"moved{n}.xml"
            expected[f"moved{n}.xml"] = (FileStatus.RENAMED, True, [Pairing.SAME_FILE])
        elif operation == "supersede":
            relation = f'<supersedes work="w{n}" version="v1"/>'
            files[f"new{n}.xml"] = agreement(f"w{n}", "v2", relation)
            expected[f"new{n}.xml"] = (FileStatus.ADDED, True, [Pairing.SUPERSEDES])
    repo.commit(files, renames)
    reviewed = lvcheck.review("HEAD~1", "HEAD", repository=repo.root)
    found = {
        f.path.removeprefix("contracts/"): (f.status, f.changed, [c.pairing for c in f.comparisons])
        for f in reviewed.files
    }
    assert found == expected
    assert reviewed.changed == any(changed for _, changed, _ in expected.values())
    assert reviewed.problems == ()


def test_a_blob_over_the_size_limit_is_refused_unread(
    repo: Repository, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lvcheck.document import git

    repo.commit({"a.xml": agreement("a")})
    repo.commit({"a.xml": agreement("a", word=" X." * 400)})
    monkeypatch.setattr(git, "MAX_BYTES", len(agreement("a")) + 100)
    reviewed = lvcheck.review("HEAD~1", "HEAD")
    ((problem,),) = [f.problems for f in reviewed.files]
    assert problem.code == "LV105" and problem.message.startswith("file is larger than")
    with pytest.raises(lvcheck.LvcheckError, match="LV105"):
        lvcheck.load("HEAD:contracts/a.xml")


def test_the_json_documentation_shows_every_field(repo: Repository, runner: CliRunner) -> None:
    repo.commit({"v1.xml": agreement("w", "v1")})
    repo.commit({"v2.xml": agreement("w", "v2", '<supersedes work="w" version="v1"/>')})
    real = json.loads(review(runner, "--format", "json", "HEAD~1", "HEAD").stdout)
    doc = (DATA.parent.parent / "docs" / "review-json.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", doc, re.DOTALL)
    shown = json.loads(example)
    assert shown.keys() == real.keys()
    assert shown["files"][0].keys() == real["files"][0].keys()
    assert shown["files"][0]["new"].keys() == real["files"][0]["new"].keys()
    (comparison,) = real["files"][0]["comparisons"]
    assert shown["files"][0]["comparisons"][0].keys() == comparison.keys()
    assert shown["summary"].keys() == real["summary"].keys()


def test_thousands_of_files_keep_the_comment_under_the_limit() -> None:
    files = tuple(
        FileReview(FileStatus.DELETED, None, Version("0" * 40, f"contracts/nrw/{n:05}.xml"))
        for n in range(5000)
    )
    text = comment.markdown(Review("main", "HEAD", "0" * 40, "1" * 40, files))
    assert len(text.encode()) <= comment.LIMIT
    shown = len(table_rows(text))
    assert 0 < shown < 5000
    assert text.endswith(f"|\n\n… und {5000 - shown} weitere Datei(en)\n")


def test_editing_the_words_of_a_signed_agreement_is_a_warning(
    repo: Repository, runner: CliRunner
) -> None:
    signed = (CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml").read_bytes()
    repo.commit({"nrw/signed.xml": signed})
    repo.commit({"nrw/signed.xml": signed.replace(b"12 Monaten", b"6 Monaten", 1)})
    result = review(runner, "HEAD~1", "HEAD")
    assert "Warnung: unterzeichneter Text geändert" in result.stdout
    assert "LV392 warning signed text changed: amend it by a Nachtrag or a new version" in (
        result.stdout
    )
    assert "concluded on 22.07.2024" in result.stdout
    found = json.loads(review(runner, "--format", "json", "HEAD~1", "HEAD").stdout)
    assert [w["code"] for w in found["files"][0]["warnings"]] == ["LV392"]


def test_changing_the_header_of_a_signed_agreement_is_no_warning(
    repo: Repository, runner: CliRunner
) -> None:
    signed = (CONTRACTS / "nrw" / "beispiel-lvr-ihl-kita-assistenz-rheinland.xml").read_bytes()
    repo.commit({"nrw/signed.xml": signed})
    repo.commit({"nrw/signed.xml": signed.replace(b'status="inForce"', b'status="signed"', 1)})
    found = json.loads(review(runner, "--format", "json", "HEAD~1", "HEAD").stdout)
    assert found["files"][0]["warnings"] == []
