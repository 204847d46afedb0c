"""The XSD (schemas.py): a valid XSD 1.0, shipped in the package, documented element by element."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from lvcheck.document.parse import NAMESPACE, parse_file
from lvcheck.document.schema import (
    SCHEMA_FILE,
    get_full_schema,
    get_schema,
    schema_bytes,
    schema_diagnostics,
    unique_constraints,
)
from lvcheck.errors import LvcheckError
from lvcheck.validation.engine import check_tree

from .conftest import ALL_CONTRACTS, DATA, ROOT, TEMPLATES

XS = "{http://www.w3.org/2001/XMLSchema}"


@pytest.fixture(scope="module")
def xsd10() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(ROOT / "schema" / SCHEMA_FILE))


def test_the_repository_schema_is_the_one_shipped_in_the_package() -> None:
    assert (ROOT / "schema" / SCHEMA_FILE).read_bytes() == schema_bytes()


def test_schema_is_xsd_1_0_with_the_versioned_namespace(xsd10: xmlschema.XMLSchema10) -> None:
    assert xsd10.target_namespace == NAMESPACE == "urn:lvcheck:agreement:1.0"
    assert xsd10.XSD_VERSION == "1.0"


@pytest.mark.parametrize("path", ALL_CONTRACTS, ids=lambda p: p.name)
def test_every_contract_is_valid_for_both_libxml2_and_xmlschema(
    path: Path, xsd10: xmlschema.XMLSchema10
) -> None:
    assert schema_diagnostics(parse_file(path), str(path)) == ()
    assert xsd10.is_valid(str(path))


def test_duplicate_eid_is_found_by_the_rules_and_named_plainly() -> None:
    tree = parse_file(TEMPLATES["nrw"])
    sections = tree.getroot().iter(f"{{{NAMESPACE}}}section")
    first, second = next(sections), next(sections)
    second.set("eId", first.get("eId", ""))
    found = check_tree(tree, "dup.xml").diagnostics
    assert [(d.code, d.message) for d in found if d.code == "LV303"] == [
        ("LV303", "eId 'sec_1' is used more than once (first on line 44)")
    ]


def test_each_uniqueness_constraint_of_the_xsd_has_a_rule() -> None:
    assert sorted(unique_constraints()) == [
        "uniqueDocumentId",
        "uniqueEId",
        "uniqueFieldName",
        "uniquePartyId",
    ]


@pytest.mark.parametrize("path", sorted((DATA / "invalid").glob("*.xml")), ids=lambda p: p.name)
def test_lvcheck_rejects_whatever_the_full_xsd_rejects(path: Path) -> None:
    """lvcheck validates with a copy of the XSD without xs:unique (it is twice as fast) and
    checks uniqueness in its rules: together they must reject all the full XSD rejects."""
    try:
        tree = parse_file(path)
    except LvcheckError:
        return
    if get_full_schema().validate(tree):
        return
    codes = {d.code for d in check_tree(tree, str(path)).errors}
    assert codes & {"LV201", "LV303", "LV306"}


def test_malformed_eid_is_a_schema_error() -> None:
    tree = parse_file(TEMPLATES["nrw"])
    next(tree.getroot().iter(f"{{{NAMESPACE}}}section")).set("eId", "Sec 1")
    assert [d.code for d in schema_diagnostics(tree, "bad.xml")] == ["LV201"]


def test_schema_is_compiled_once() -> None:
    assert get_schema() is get_schema()


def _declared_names() -> set[str]:
    root = etree.fromstring(schema_bytes())
    return {element.get("name", "") for element in root.iter(f"{XS}element") if element.get("name")}


def test_schema_readme_documents_every_element_with_an_example() -> None:
    readme = (ROOT / "schema" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#{3} `<(\w+)>`", readme, re.MULTILINE))
    assert _declared_names() <= documented, _declared_names() - documented
    for name in _declared_names():
        section = readme.split(f"### `<{name}>`", 1)[1].split("\n### ", 1)[0]
        assert f"<{name}" in section.split("```xml", 1)[1], f"no example for <{name}>"


def test_invalid_examples_folder_exists() -> None:
    assert any((DATA / "invalid").glob("*.xml"))
