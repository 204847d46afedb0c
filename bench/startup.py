#!/usr/bin/env python3
"""Benchmark: how long `lvcheck validate` on one file takes as a whole process, against
what no Python tool can beat, `python -c "import lxml.etree"`, the same with click (the
floor of any click command), and against xmllint.

Measured twice:

- **as installed**: the console script and `python -c`, as a user starts them, with
  everything this machine's interpreter runs at start (its site-packages' .pth hooks);
- **without site hooks**: every Python command with `python -S` and the same PYTHONPATH
  (the site-packages and lvcheck's folder), so that what a machine adds to every start
  (a sandbox here imports certifi from a .pth file, about 14 ms) is in neither side. A
  fixed cost added to both sides shrinks the ratio without lvcheck getting faster.

The runs alternate (A B C A B C …) so that drift of the machine's speed hits all alike;
the medians and the ratio of medians are printed. Goal: without site hooks, lvcheck at most
1.5 times `import lxml.etree, click`, the floor of any click command (click being the
project's chosen command-line library, what it costs is no command's own).

lvcheck's bytecode is compiled first, as `pip install` compiles it: lxml, click and the
standard library are timed from their bytecode, and a machine that sets
PYTHONDONTWRITEBYTECODE (this one does) would otherwise time lvcheck compiling its own
source on every run (about a quarter of its start-up).

    python bench/startup.py            # 21 runs each
    python bench/startup.py --runs 51
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import click
import lxml

import lvcheck

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "contracts" / "nrw" / "lvr-ihl-externe-leistungserbringer.xml"
GOAL = 1.5  # times the click floor, without site hooks
LVCHECK = "lvcheck validate one.xml"
LXML = 'python -c "import lxml.etree"'
CLICK = "… and click"
# what the console script runs (pip writes it so), for the runs without site hooks
CONSOLE_SCRIPT = "import sys; from lvcheck.cli import main; sys.exit(main())"

Command = tuple[list[str], dict[str, str] | None]


def _console_script() -> list[str]:
    # the console script beside this interpreter: a version manager's shim on PATH (pyenv)
    # would add its own start-up to lvcheck's and not to python's
    beside = Path(sys.executable).parent / "lvcheck"
    return [str(beside) if beside.exists() else "lvcheck"]


def _without_site() -> dict[str, str]:
    """The environment for `python -S`: the folders that hold lxml, click and lvcheck
    (where site would have found them)."""
    folders = [str(Path(str(package.__file__)).parent.parent) for package in (lxml, click, lvcheck)]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(folders))}


def commands() -> dict[str, dict[str, Command]]:
    python, bare = [sys.executable], [sys.executable, "-S"]
    env = _without_site()
    measured: dict[str, dict[str, Command]] = {
        "as installed": {
            LVCHECK: ([*_console_script(), "validate", str(FILE)], None),
            LXML: ([*python, "-c", "import lxml.etree"], None),
            CLICK: ([*python, "-c", "import lxml.etree, click"], None),
        },
        "without site hooks (python -S, both sides)": {
            LVCHECK: ([*bare, "-c", CONSOLE_SCRIPT, "validate", str(FILE)], env),
            LXML: ([*bare, "-c", "import lxml.etree"], env),
            CLICK: ([*bare, "-c", "import lxml.etree, click"], env),
        },
    }
    if shutil.which("xmllint"):
        schema = ROOT / "schema" / "lvcheck-agreement-1.0.xsd"
        xmllint = ["xmllint", "--noout", "--nonet", "--schema", str(schema), str(FILE)]
        measured["as installed"]["xmllint --schema (XSD only)"] = (xmllint, None)
    return measured


def _time(command: Command) -> float:
    argv, env = command
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    measured = commands()
    # the copy that runs (an editable install may point elsewhere than this checkout)
    package = Path(str(lvcheck.__file__)).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    for group in measured.values():
        for command in group.values():
            # each must work: a failing command would be timed as a fast one
            argv, env = command
            subprocess.run(argv, env=env, capture_output=True, check=True)
    times: dict[tuple[str, str], list[float]] = {
        (way, name): [] for way, group in measured.items() for name in group
    }
    for _ in range(runs):
        for way, name in times:
            times[(way, name)].append(_time(measured[way][name]))
    print(f"{runs} runs each, alternating; median and ratio to the bare interpreter with lxml")
    floors = {}
    ratios = {}
    for way, group in measured.items():
        medians = {name: statistics.median(times[(way, name)]) for name in group}
        print(f"\n{way}:")
        for name, median in medians.items():
            print(f"  {name:<30} {median * 1000:>7.1f} ms {median / medians[LXML]:>6.2f}×")
        ratios[way] = medians[LVCHECK] / medians[LXML]
        floors[way] = medians[LVCHECK] / medians[CLICK]
    print()
    for way, ratio in ratios.items():
        print(f"{way}: lvcheck {ratio:.2f}× the bare interpreter, {floors[way]:.2f}× click's floor")
    judged = floors["without site hooks (python -S, both sides)"]
    verdict = "met" if judged <= GOAL else "MISSED"
    print(f"goal (at most {GOAL}× click's floor, without site hooks): {verdict} ({judged:.2f}×)")
    return 0 if judged <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
