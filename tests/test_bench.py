"""The benchmark's corpus is what it claims: valid instances, and 1 in 100 broken."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from lvcheck.validation.engine import validate_paths

from .conftest import ROOT


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_validate", ROOT / "bench" / "validate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_validate"] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_is_valid_but_for_one_broken_file_in_a_hundred(tmp_path: Path) -> None:
    files = _bench_module().make_corpus(tmp_path, 200)
    results = validate_paths([tmp_path / "contracts"], jobs=1)
    assert len(results) == len(files) == 203  # with the 2 templates and the NRW successor
    broken = sorted(Path(r.path).name for r in results if r.errors)
    assert broken == ["instanz-00099.xml", "instanz-00199.xml"]
    assert not any(r.warnings for r in results)
