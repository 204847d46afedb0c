"""document/bookmarks.py: every eId of every contract gets a bookmark name Word keeps, and
the name leads back to that eId and no other."""

from __future__ import annotations

import re

from lxml import etree

from lvcheck.document.bookmarks import LONGEST, bookmark_name, eid_of_bookmark

from .conftest import ALL_CONTRACTS


def _eids() -> set[str]:
    return {
        element.get("eId", "")
        for path in ALL_CONTRACTS
        for element in etree.parse(str(path)).iter()
        if element.get("eId")
    }


def test_every_eid_has_a_name_word_keeps_that_leads_back_to_it() -> None:
    eids = _eids() | {"sec_1__" + "para_12__" * 8 + "point_3", "sec_ä", "x" * 37, "x" * 38}
    names = {eid: bookmark_name(eid) for eid in eids}
    assert len(set(names.values())) == len(eids)  # no two clauses share a name
    for eid, name in names.items():
        assert len(name) <= LONGEST and re.fullmatch("[A-Za-z][A-Za-z0-9_]*", name), name
        assert eid_of_bookmark(name, eids) == eid
    assert names["x" * 37] == "lv_" + "x" * 37  # fits: the eId itself
    assert names["x" * 38].startswith("lv_h")  # one longer: a digest


def test_a_name_not_lvcheck_s_or_unknown_leads_nowhere() -> None:
    assert eid_of_bookmark("_GoBack", {"sec_1"}) is None
    assert eid_of_bookmark("lv_sec_2", {"sec_1"}) is None
