#!/usr/bin/env python3
"""Benchmark: lvcheck diff against xmldiff on agreements of 200, 2,000 and 10,000 clauses.

Each pair of versions has the edits that make generic XML diffs struggle: a § inserted
near the top, which renumbers every § after it, plus one § deleted, one moved and three
edited (one a changed deadline). lvcheck must report exactly those (zero spurious
changes); xmldiff runs on the same files with a time cap.

    python bench/diff.py                      # 200, 2,000 and 10,000 clauses
    python bench/diff.py --sizes 2000 --cap 300
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="urn:lvcheck:agreement:1.0">
  <meta>
    <work id="bench-diff" type="bench" jurisdiction="DE-NW" language="de"/>
    <version id="{version}" kind="template" status="draft"/>
    <title>Benchmark agreement (generated, illustrative)</title>
    <parties>
      <party id="traeger" name="Träger" role="authority"/>
    </parties>
  </meta>
  <body>
"""
FOOTER = "  </body>\n</agreement>\n"
WORDS = [
    "Leistung",
    "Träger",
    "Kind",
    "Einrichtung",
    "Fachkraft",
    "Vereinbarung",
    "Betreuung",
    "Förderung",
    "Gruppe",
    "Personal",
    "Qualität",
    "Bedarf",
    "Dokumentation",
    "Eltern",
    "Teilhabe",
    "Hilfe",
    "Zusammenarbeit",
    "Konzept",
    "Fortbildung",
    "Besprechung",
    "Leitung",
    "Vertretung",
    "Umfang",
    "Nachweis",
    "Pflicht",
]


def _section(eid: str, number: int, words: list[str]) -> str:
    return (
        f'    <section eId="{eid}">\n      <num>§ {number}</num>\n'
        f"      <heading>Regelung {eid}</heading>\n      <content>\n"
        f"        <p>{' '.join(words)}.</p>\n      </content>\n    </section>\n"
    )


def make_pair(folder: Path, clauses: int, seed: int = 11) -> tuple[Path, Path, dict[str, int]]:
    """Two versions with known edits, and the change counts lvcheck must report."""
    rng = random.Random(seed)
    texts = {
        f"sec_{i}": [*(rng.choice(WORDS) for _ in range(18)), f"binnen {rng.randint(2, 9)} Wochen"]
        for i in range(1, clauses + 1)
    }
    order = list(texts)
    old = (
        HEADER.format(version="v1")
        + "".join(_section(eid, n, texts[eid]) for n, eid in enumerate(order, start=1))
        + FOOTER
    )
    new_order = order.copy()
    new_order.insert(1, "sec_new")  # near the top: every § after it is renumbered
    texts["sec_new"] = ["Neu", "eingefügte", "Regelung", "über", "die", "Begriffe"]
    deleted = order[clauses // 2]
    new_order.remove(deleted)
    moved = order[clauses // 3]
    new_order.remove(moved)
    new_order.insert(clauses - 5, moved)
    edited = [order[clauses // 4], order[(3 * clauses) // 4], order[-2]]
    new_texts = dict(texts)
    new_texts[edited[0]] = [*texts[edited[0]][:-1], "binnen 12 Wochen"]  # a deadline
    new_texts[edited[1]] = ["Geändert", *texts[edited[1]][1:]]
    new_texts[edited[2]] = [*texts[edited[2]][:5], "sowie", "Teilhabe", *texts[edited[2]][5:]]
    new = (
        HEADER.format(version="v1")
        + "".join(_section(eid, n, new_texts[eid]) for n, eid in enumerate(new_order, start=1))
        + FOOTER
    )
    old_path, new_path = folder / f"alt-{clauses}.xml", folder / f"neu-{clauses}.xml"
    old_path.write_text(old, encoding="utf-8")
    new_path.write_text(new, encoding="utf-8")
    return old_path, new_path, {"inserted": 1, "deleted": 1, "moved": 1, "modified": 3}


def _run(command: list[str], cap: float) -> tuple[float, subprocess.CompletedProcess[str] | None]:
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cap, check=False)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None
    return time.perf_counter() - start, done


def spurious(report: dict[str, object], expected: dict[str, int]) -> int:
    """Changes reported beyond the edits made (renumbering runs are not counted here)."""
    counts: dict[str, int] = {}
    for change in report["changes"]:  # type: ignore[attr-defined]
        if change["kind"] not in ("renumbered", "metadata"):
            counts[change["kind"]] = counts.get(change["kind"], 0) + 1
    return sum(abs(counts.get(kind, 0) - n) for kind, n in expected.items()) + sum(
        n for kind, n in counts.items() if kind not in expected
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--cap", type=float, default=120.0, help="seconds xmldiff may take")
    args = parser.parse_args()
    lvcheck, xmldiff = shutil.which("lvcheck"), shutil.which("xmldiff")
    if lvcheck is None:
        print("bench: lvcheck is not installed (pip install -e .)", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="lvcheck-bench-diff-"))
    print(
        f"{'clauses':>8} {'lvcheck s':>10} {'spurious':>9} {'runs':>5} "
        f"{'xmldiff s':>10} {'xmldiff edits':>14} {'lvcheck faster':>15}"
    )
    for size in args.sizes:
        old, new, expected = make_pair(folder, size)
        seconds, done = _run([lvcheck, "diff", "--format", "json", str(old), str(new)], 600)
        assert done is not None and done.returncode == 1, done and done.stderr
        report = json.loads(done.stdout)
        runs = sum(1 for c in report["changes"] if c["kind"] == "renumbered")
        if xmldiff:
            x_seconds, x_done = _run([xmldiff, str(old), str(new)], args.cap)
            x_time = f"{x_seconds:.2f}" if x_done else f">{args.cap:.0f} (cap)"
            x_edits = str(len(x_done.stdout.splitlines())) if x_done else "–"
            ratio = f"{x_seconds / seconds:.0f}x" + ("" if x_done else " or more")
        else:
            x_time, x_edits, ratio = "not installed", "–", "–"
        print(
            f"{size:>8} {seconds:>10.2f} {spurious(report, expected):>9} {runs:>5} "
            f"{x_time:>10} {x_edits:>14} {ratio:>15}"
        )
    shutil.rmtree(folder)
    print(
        "\nspurious: changes lvcheck reports beyond the six edits made (0 is the goal); runs: "
        "lines for renumbered §§; xmldiff edits: lines of xmldiff's edit script"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
