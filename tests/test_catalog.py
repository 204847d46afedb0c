"""catalog/: one record per file and one resolver of every relation. The repository's own
contracts are the oracle: their headers say which file relates to which; variants made from
them test the rule for relations without a version, the order of Nachträge and the
successor that takes a version's place."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import lvcheck
from lvcheck.catalog.catalog import Catalog, version_order
from lvcheck.catalog.read import read_catalog, read_repository
from lvcheck.catalog.record import Record, record_of
from lvcheck.document.parse import parse_file

from .conftest import CONTRACTS, EXAMPLES, TEMPLATES

NRW = CONTRACTS / "nrw"
NACHTRAG = NRW / "beispiel-lvr-ihl-kita-assistenz-rheinland-nachtrag-1.xml"
MUSTERVERTRAG = NRW / "beispiel-lvr-ihl-mustervertrag.xml"
WITHOUT_VERSION = (  # the example instance's <basedOn>, naming the template's work alone
    EXAMPLES["nrw"],
    '<basedOn work="lvr-ihl-externe-leistungserbringer" version="v1"/>',
    '<basedOn work="lvr-ihl-externe-leistungserbringer"/>',
)


def _repository(tmp_path: Path, *edits: tuple[Path, str, str]) -> Path:
    """A copy of contracts/ with each (file, old, new) replaced once; its folder."""
    folder = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, folder)
    for source, old, new in edits:
        target = folder / source.relative_to(CONTRACTS)
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        target.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def _record(catalog: Catalog, path: Path) -> Record:
    (found,) = [r for r in catalog.records if Path(r.path).name == path.name]
    return found


def test_a_record_holds_what_the_header_says() -> None:
    record = record_of(parse_file(EXAMPLES["nrw"]).getroot(), "x.xml")
    assert record is not None
    assert record.key == ("beispiel-lvr-ihl-kita-assistenz-rheinland", "v1")
    assert (record.kind, record.stored, record.jurisdiction) == ("instance", "inForce", "DE-NW")
    assert record.example and record.title.startswith("BEISPIEL (fiktiv)")
    assert record.life.start == date(2024, 8, 1)  # from the filled field inkrafttreten
    assert [(k.kind, k.work, k.version) for k in record.links] == [
        ("basedOn", "lvr-ihl-externe-leistungserbringer", "v1")
    ]


def test_the_repository_s_relations_resolve_as_its_headers_say() -> None:
    catalog, problems = read_catalog([CONTRACTS])
    assert problems == []
    instance = _record(catalog, EXAMPLES["nrw"])
    template = _record(catalog, TEMPLATES["nrw"])
    assert catalog.template_of(instance) == template
    assert catalog.instances_of(template) == [instance]
    assert catalog.amendments_of(instance) == [_record(catalog, NACHTRAG)]
    assert catalog.base_of(_record(catalog, NACHTRAG)) == instance
    successor = _record(catalog, MUSTERVERTRAG)
    assert catalog.successors(template) == [successor]
    assert catalog.predecessors(successor) == [template]
    assert catalog.takeover(template) is None  # a template is replaced by an instance only
    assert catalog.upon(template) == "conclusion" and catalog.upon(instance) == "conclusion"
    assert catalog.adopted(date(2026, 6, 1))["lvr-ihl-mustervertrag"].since == date(2026, 6, 1)
    assert "lvr-ihl-mustervertrag" not in catalog.adopted(date(2026, 5, 31))
    assert catalog.newest("lvr-ihl-mustervertrag") == successor
    assert catalog.in_force(instance.work, date(2025, 1, 1)) == [instance]
    assert catalog.in_force(instance.work, date(2024, 7, 31)) == []


def test_based_on_without_a_version_names_the_template_in_use_when_the_instance_began(
    tmp_path: Path,
) -> None:
    folder = _repository(
        tmp_path,
        WITHOUT_VERSION,
    )
    later = folder / "nrw" / "v2.xml"  # a later version of the template, adopted after
    later.write_text(
        TEMPLATES["nrw"]
        .read_text(encoding="utf-8")
        .replace(
            '<version id="v1" kind="template" status="inForce"/>',
            '<version id="v2" kind="template" date="2030-01-01" status="inForce"/>',
        ),
        encoding="utf-8",
    )
    catalog, _ = read_catalog([folder])
    instance = _record(catalog, EXAMPLES["nrw"])
    template, newest = (
        catalog.template_of(instance),
        catalog.newest(instance.related("basedOn")[0].work),
    )
    assert template is not None and template.version == "v1"
    assert newest is not None and newest.version == "v2"


def test_an_instance_based_on_a_template_without_version_is_compared_with_it(
    tmp_path: Path,
) -> None:
    """The issue's first bug: conformance looked up (work, "") and skipped the instance."""
    folder = _repository(
        tmp_path,
        WITHOUT_VERSION,
        (EXAMPLES["nrw"], "zum 15. Oktober eines Jahres", "zum 1. Mai eines Jahres"),
    )
    checked = {Path(c.path).name: c for c in lvcheck.validate([folder])}
    codes = [d.code for d in checked[EXAMPLES["nrw"].name].diagnostics]
    assert "LV360" in codes, codes
    assert "LV323" not in codes


def test_validate_twice_in_one_process_gives_what_two_fresh_processes_give(
    tmp_path: Path,
) -> None:
    """The issue's second bug: templates cached by path across calls gave stale findings."""
    folder = _repository(
        tmp_path, (EXAMPLES["nrw"], "zum 15. Oktober eines Jahres", "zum 1. Mai eines Jahres")
    )
    instance = str(folder / "nrw" / EXAMPLES["nrw"].name)

    def departures() -> list[str]:
        (checked,) = [c for c in lvcheck.validate([folder], jobs=1) if c.path == instance]
        return [d.message for d in checked.diagnostics if d.code == "LV360"]

    assert len(departures()) == 1
    template = folder / "nrw" / TEMPLATES["nrw"].name
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("Leistungsbezeichnung", "Bezeichnung der Leistung"), "utf-8")
    assert len(departures()) == 2  # the heading too, now that the template says otherwise


def test_nachtraege_apply_in_the_order_of_their_effect(tmp_path: Path) -> None:
    folder = _repository(tmp_path)
    second = folder / "nrw" / "nachtrag-2.xml"
    second.write_text(
        NACHTRAG.read_text(encoding="utf-8")
        .replace("kita-assistenz-rheinland-nachtrag-1", "kita-assistenz-rheinland-nachtrag-2")
        .replace('<version id="nachtrag-1"', '<version id="nachtrag-2"')
        .replace('<start date="2025-08-01"/>', '<start date="2025-01-01"/>'),
        encoding="utf-8",
    )
    catalog, _ = read_catalog([folder])
    instance = _record(catalog, EXAMPLES["nrw"])
    assert [a.version for a in catalog.amendments_of(instance)] == ["nachtrag-2", "nachtrag-1"]


def test_the_versions_of_a_work_are_ordered_by_day_then_by_number() -> None:
    catalog = Catalog([])
    record = record_of(parse_file(TEMPLATES["nrw"]).getroot(), "a.xml")
    assert record is not None
    versions = [record._replace(version=v, path=f"{v}.xml") for v in ("v10", "v2", "v1")]
    assert [r.version for r in sorted(versions, key=version_order)] == ["v1", "v2", "v10"]
    assert catalog.records == ()


def test_a_file_outside_contracts_has_no_repository_around_it(tmp_path: Path) -> None:
    alone = tmp_path / EXAMPLES["nrw"].name
    alone.write_bytes(EXAMPLES["nrw"].read_bytes())
    repository = read_repository([alone])
    assert [r.path for r in repository.catalog.records] == [str(alone)]
    inside = read_repository([EXAMPLES["nrw"]])
    assert len(inside.catalog.records) == len(list(CONTRACTS.rglob("*.xml")))
    assert [Path(r.path).name for r in inside.listed] == [EXAMPLES["nrw"].name]


@pytest.mark.parametrize("path", sorted(CONTRACTS.rglob("*.xml")), ids=lambda p: p.name)
def test_the_tree_read_once_serves_the_model(path: Path) -> None:
    catalog, _ = read_catalog([path])
    (record,) = catalog.records
    assert catalog.agreement(record) == lvcheck.load(path)
    assert catalog.tree(record) is catalog.tree(record)  # read once
