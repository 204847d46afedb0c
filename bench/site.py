#!/usr/bin/env python3
"""Benchmark: how the static site's build time grows with the number of agreements.

The agreements are made from the repository's templates as bench/validate.py makes its
corpus (instances with every field filled, one in a hundred broken, which the index then
lists as unreadable). The site of 100 and of 1,000 agreements is built in this process;
the best of ``--repeat`` builds counts. The growth exponent k in time ~ n^k is
log(t1000 / t100) / log(10): a linear build has k close to 1; the goal is k <= 1.1.

    python bench/site.py               # 100 and 1,000 agreements
    python bench/site.py --sizes 50 500 --repeat 3
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lvcheck.rendering.site import build_site  # noqa: E402

GOAL = 1.1


def _corpus_maker():  # type: ignore[no-untyped-def]
    """bench/validate.py's make_corpus: one way to make agreements from the templates."""
    spec = importlib.util.spec_from_file_location("bench_validate", ROOT / "bench" / "validate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_validate"] = module
    spec.loader.exec_module(module)
    return module.make_corpus


def time_site(count: int, repeat: int) -> tuple[float, int]:
    """Best build time of the site of ``count`` generated agreements, and its page count."""
    make_corpus = _corpus_maker()
    with tempfile.TemporaryDirectory() as folder:
        make_corpus(Path(folder), count)
        best, pages = math.inf, 0
        for round_ in range(repeat):
            output = Path(folder) / f"site-{round_}"
            start = time.perf_counter()
            written = build_site(Path(folder) / "contracts", output)
            best = min(best, time.perf_counter() - start)
            pages = len(written)
    return best, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1)
    arguments = parser.parse_args()
    small, large = arguments.sizes
    times = {}
    for count in (small, large):
        seconds, pages = time_site(count, arguments.repeat)
        times[count] = seconds
        print(
            f"{count:>6} agreements: {seconds:7.2f} s  ({pages} pages, "
            f"{seconds / pages * 1000:.1f} ms a page)"
        )
    exponent = math.log(times[large] / times[small]) / math.log(large / small)
    verdict = "ok" if exponent <= GOAL else "too steep"
    print(f"growth exponent: {exponent:.2f} (goal <= {GOAL}: {verdict})")
    sys.exit(0 if exponent <= GOAL else 1)


if __name__ == "__main__":
    main()
