#!/usr/bin/env python3
"""Benchmark: the Word redline (lvcheck diff --format docx) beside the diff's other outputs
and the Word export, in one run, on the pairs of bench/diff.py (200, 2,000 and 10,000
clauses: a § inserted near the top, one deleted, one moved, three edited; stable and
regenerated eIds).

The redline's time includes what it promises: lvcheck accepts and rejects every revision
of the package it made and compares both with the text export of each side before it
writes the file. Goal: the 10,000-clause redline written in at most 3 s.

    python bench/word.py
    python bench/word.py --sizes 2000 --repeat 5

Every command runs as `python -m lvcheck` in this interpreter (PYTHONPATH picks the tree);
times are wall-clock, best of --repeat, start-up included; ÷ html is the redline's time
over the HTML redline's (the page with the same changes, for readers without Word).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOAL_S = 3.0


def _pairs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_diff", HERE / "diff.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_pair


def best(command: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` runs; exit 0 or 1 (versions differ) is success."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()}")
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    package = HERE.parent / "src" / "lvcheck"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    lvcheck = [sys.executable, "-m", "lvcheck"]
    make_pair = _pairs()
    goals: list[tuple[str, bool]] = []
    print(
        f"{'clauses':>7} {'eIds':>11} {'docx':>8} {'html':>8} {'÷ html':>7} {'text':>8} "
        f"{'export':>8} {'revisions':>9} {'MB':>5}"
    )
    with tempfile.TemporaryDirectory(prefix="lvcheck-bench-docx-") as name:
        folder = Path(name)
        for size in args.sizes:
            old, stable, regenerated = make_pair(folder, size)
            for label, new in (("stable", stable), ("regenerated", regenerated)):
                target = folder / f"redline-{size}-{label}.docx"
                diff = [*lvcheck, "diff", str(old), str(new)]
                docx = best([*diff, "--format", "docx", "-o", str(target)], args.repeat)
                html = best([*diff, "--format", "html", "-o", str(folder / "r.html")], args.repeat)
                text = best([*diff, "--format", "text"], args.repeat)
                exported = folder / f"export-{size}.docx"
                export = best(
                    [*lvcheck, "export", str(new), "--format", "docx", "-o", str(exported)],
                    args.repeat,
                )
                with zipfile.ZipFile(target) as archive:
                    body = archive.read("word/document.xml").decode("utf-8")
                revisions = sum(body.count(f"<w:{tag} ") for tag in ("ins", "del", "moveFrom"))
                megabytes = target.stat().st_size / 1e6
                print(
                    f"{size:>7} {label:>11} {docx:>6.2f} s {html:>6.2f} s {docx / html:>6.1f}× "
                    f"{text:>6.2f} s {export:>6.2f} s {revisions:>9} {megabytes:>5.1f}"
                )
                if size == max(args.sizes):
                    goals.append(
                        (f"{size} clauses, {label} eIds: under {GOAL_S:.0f} s", docx <= GOAL_S)
                    )
    print(
        "\ndocx: the Word redline, its promise checked; html, text: the same diff as a page "
        "and as terminal text; export: the new version as a Word document; revisions: "
        "w:ins, w:del and w:moveFrom elements in the redline\n"
    )
    for goal, met in goals:
        print(f"{'met ' if met else 'MISSED'} {goal}")
    return 0 if all(met for _, met in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
