#!/usr/bin/env python3
"""Benchmark: how long `lvcheck validate` on one file takes as a whole process, against
what no Python tool can beat, `python -c "import lxml.etree"`, the same with click (the
floor of any click command), and against xmllint.

The runs alternate (A B C A B C …) so that drift of the machine's speed hits all alike;
the medians and the ratio of medians are printed. Goal: lvcheck at most 1.6 times the
bare interpreter with lxml.

lvcheck's bytecode is compiled first, as `pip install` compiles it: lxml, click and the
standard library are timed from their bytecode, and a machine that sets
PYTHONDONTWRITEBYTECODE (this one does) would otherwise time lvcheck compiling its own
source on every run (about a quarter of its start-up).

    python bench/startup.py            # 21 runs each
    python bench/startup.py --runs 51
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "contracts" / "nrw" / "lvr-ihl-externe-leistungserbringer.xml"
GOAL = 1.6


def _lvcheck() -> list[str]:
    # the console script beside this interpreter: a version manager's shim on PATH (pyenv)
    # would add its own start-up to lvcheck's and not to python's
    beside = Path(sys.executable).parent / "lvcheck"
    return [str(beside) if beside.exists() else "lvcheck", "validate", str(FILE)]


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    commands = {
        "lvcheck validate one.xml": _lvcheck(),
        'python -c "import lxml.etree"': [sys.executable, "-c", "import lxml.etree"],
        # the floor of any click command: what lvcheck's own work is measured above
        "… and click": [sys.executable, "-c", "import lxml.etree, click"],
    }
    if shutil.which("xmllint"):
        schema = ROOT / "schema" / "lvcheck-agreement-1.0.xsd"
        commands["xmllint --schema (XSD only)"] = [
            "xmllint",
            "--noout",
            "--nonet",
            "--schema",
            str(schema),
            str(FILE),
        ]
    package = ROOT / "src" / "lvcheck"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    for command in commands.values():  # warm the file cache
        _time(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_time(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians['python -c "import lxml.etree"']
    print(f"{'command':<32} {'median':>9} {'ratio':>7}   ({runs} runs each, alternating)")
    for name, median in medians.items():
        print(f"{name:<32} {median * 1000:>7.1f} ms {median / base:>6.2f}×")
    ratio = medians["lvcheck validate one.xml"] / base
    print(
        f"goal: lvcheck at most {GOAL}× the bare interpreter with lxml: "
        f"{'met' if ratio <= GOAL else 'NOT met'} ({ratio:.2f}×)"
    )


if __name__ == "__main__":
    main()
