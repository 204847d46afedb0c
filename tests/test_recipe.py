"""The README's recipe "How to add a new version of an agreement", followed step by step on
a copy of the repository's contracts: the result must be valid."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from lvcheck.document.canonical import serialize
from lvcheck.document.parse import NAMESPACE, parse_file
from lvcheck.validation.engine import validate_paths

from .conftest import CONTRACTS, ROOT, TEMPLATES

NS = f"{{{NAMESPACE}}}"


def _relations(meta: etree._Element) -> etree._Element:
    relations = meta.find(NS + "relations")
    if relations is None:
        relations = etree.Element(NS + "relations")
        # the schema's order: relations come after term and figures, before documents
        documents = meta.find(NS + "documents")
        if documents is not None:
            documents.addprevious(relations)
        else:
            meta.append(relations)
    return relations


def test_the_readme_names_the_steps_this_test_follows() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for step in ('status="draft"', "<supersedes", "<supersededBy", "keep `<work id>` and `kind`"):
        assert step in readme, step


def test_a_new_version_of_a_template_made_by_the_recipe_is_valid(tmp_path: Path) -> None:
    contracts = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, contracts)
    old_path = contracts / TEMPLATES["bayern"].relative_to(CONTRACTS)
    # 1. copy the current file to a new name that says the version
    new_path = old_path.with_name("bezirk-niederbayern-t-k-kita-2023-24.xml")
    shutil.copy(old_path, new_path)
    # 2. keep work id and kind; a new version id and status draft
    new, old = parse_file(new_path), parse_file(old_path)
    new_meta, old_meta = new.getroot().find(NS + "meta"), old.getroot().find(NS + "meta")
    assert new_meta is not None and old_meta is not None
    version = new_meta.find(NS + "version")
    assert version is not None and version.get("kind") == "template"
    old_id = version.get("id", "")
    version.set("id", "2023-24")
    version.set("status", "draft")
    # 3. relate the versions, both ways
    work = new_meta.find(NS + "work")
    assert work is not None
    etree.SubElement(
        _relations(new_meta), NS + "supersedes", work=work.get("id", ""), version=old_id
    )
    etree.SubElement(
        _relations(old_meta), NS + "supersededBy", work=work.get("id", ""), version="2023-24"
    )
    new_path.write_bytes(serialize(new))
    old_path.write_bytes(serialize(old))
    # 4. validate
    checked = validate_paths([contracts], jobs=1)
    assert [str(d) for f in checked for d in f.errors + f.warnings] == []
