"""One flattening (comparison/flatten.py) that reads the XML tree: a model is written as a
tree first (document/write.py, its source lines kept). The diff of two files reads their
trees and never builds a model unless something needs one (document/load.py Parsed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lvcheck.api import diff
from lvcheck.comparison.changes import Clause
from lvcheck.comparison.engine import diff_agreements
from lvcheck.comparison.flatten import flatten
from lvcheck.document.load import Parsed, load_agreement, load_tree
from lvcheck.document.model import fields_of
from lvcheck.document.read import read_agreement
from lvcheck.document.write import write_agreement
from lvcheck.rendering.registry import render_diff

from .conftest import ALL_CONTRACTS, DATA

# every valid agreement the repository holds: contracts, diff cases, the minimal one
TEXTS = [*ALL_CONTRACTS, *sorted((DATA / "diff").glob("*.xml")), DATA / "minimal.xml"]


def _as_read(clauses: list[Clause]) -> list[tuple[Clause, int, tuple[object, ...]]]:
    """Clauses with what their equality leaves out: the line, and the views the diff reads."""
    return [(c, c.line, (c.content, c.heading_content, c.tokens, c.citation)) for c in clauses]


@pytest.mark.parametrize("source", TEXTS, ids=lambda p: p.name)
def test_a_model_flattens_as_its_file_does_lines_included(source: Path) -> None:
    tree = load_tree(source)
    assert _as_read(flatten(read_agreement(tree))) == _as_read(flatten(tree))


@pytest.mark.parametrize("source", TEXTS, ids=lambda p: p.name)
def test_a_parsed_file_has_the_header_and_fields_of_its_model(source: Path) -> None:
    model = load_agreement(source)
    parsed = Parsed(load_tree(source))
    assert parsed.meta == model.meta
    assert parsed.fields() == fields_of(model)
    assert parsed.agreement == model


def test_a_text_without_fields_is_diffed_without_building_its_model(tmp_path: Path) -> None:
    source = tmp_path / "plain.xml"
    text = (DATA / "minimal.xml").read_text("utf-8")
    for field in (
        '<fillIn name="anbieter.name" type="text"/>',
        '<fillIn name="beginn" type="date"/>',
    ):
        text = text.replace(field, "…")
    source.write_text(text, "utf-8")
    parsed = Parsed(load_tree(source))
    assert parsed.fields() == {} and parsed._agreement is None
    result = diff_agreements(parsed, Parsed(load_tree(source)))
    assert parsed._agreement is None  # nothing asked for it
    assert result.old.agreement == load_agreement(source)  # read when asked for


def test_lines_past_what_libxml2_can_set_are_left_unknown() -> None:
    model = load_agreement(DATA / "minimal.xml")
    far = replace(model.body[0], line=70_000)
    tree = write_agreement(replace(model, body=(far,)), lines=True)
    assert flatten(tree)[0].line == 0
    assert write_agreement(model).getroot()[1][0].sourceline is None  # lines only if asked


@pytest.mark.parametrize(
    "case", sorted({p.name.split(".")[0] for p in (DATA / "diff").glob("*.old.xml")})
)
@pytest.mark.parametrize("output", ["json", "text", "markdown", "html"])
def test_files_diff_as_their_models_do(case: str, output: str) -> None:
    old, new = DATA / "diff" / f"{case}.old.xml", DATA / "diff" / f"{case}.new.xml"
    from_files = diff(old, new)
    from_models = diff_agreements(load_agreement(old), load_agreement(new), str(old), str(new))
    assert render_diff(from_files, output) == render_diff(from_models, output)


def test_a_clause_is_made_with_every_field_and_stays_frozen() -> None:
    """Clause writes its own __init__ (for speed): it sets exactly the dataclass's fields,
    keyword or positional, and the instance stays immutable and comparable."""
    import dataclasses

    import pytest

    from lvcheck.comparison.changes import Clause

    names = [f.name for f in dataclasses.fields(Clause)]
    values = ("e", "section", "§ 1", ("h",), ("p",), (), None, 3, 7)
    made = Clause(*values)
    assert [getattr(made, name) for name in names] == list(values)
    assert Clause(**dict(zip(names, values, strict=True))) == made
    assert Clause(*values[:-1]) == made and Clause(*values[:-1]).line == 0  # line: no part
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.eid = "other"  # type: ignore[misc]
