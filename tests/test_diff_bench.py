"""The diff benchmark measures what it claims: its versions differ by exactly the edits it
counts, so "no spurious change" means what it says."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from lvcheck.comparison.engine import diff_agreements
from lvcheck.document.load import load_agreement

from .conftest import ROOT


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_diff", ROOT / "bench" / "diff.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_diff"] = module
    spec.loader.exec_module(module)
    return module


def test_each_pair_differs_by_exactly_the_edits_the_benchmark_counts(tmp_path: Path) -> None:
    bench = _bench()
    old, stable, regenerated = (load_agreement(p) for p in bench.make_pair(tmp_path, 60))
    for new, eids_change in ((stable, False), (regenerated, True)):
        result = diff_agreements(old, new)
        assert Counter(c.kind for c in result.changes) == bench.EXPECTED
        assert bool(result.eid_changed) == eids_change
        assert not result.metadata


def test_the_paragraph_differs_by_one_word_in_a_thousand(tmp_path: Path) -> None:
    old, new = (load_agreement(p) for p in _bench().make_paragraph(tmp_path, 3000))
    (change,) = diff_agreements(old, new).changes
    assert [op.new.strip() for op in change.words if op.op != "equal"] == ["geändert"] * 3
