#!/usr/bin/env python3
"""Benchmark: `lvcheck import` of one agreement of the NRW template's size, from the .docx
and the .pdf lvcheck's own export makes of it, side by side with what a user would
otherwise run on the same files to get their text (`pandoc -t plain`, `pdftotext`), and a
batch of N imports to show that the cost grows linearly.

lvcheck does more than those tools (structure, identities, the schema, the word-for-word
check); the ratio says what that costs. The tools run as processes, lvcheck in this process
(as a script or the batch import calls it); a tool that is not installed is left out and
said so. The runs alternate so that drift of the machine hits all alike; medians printed.

    python bench/import.py                 # 7 runs each, a batch of 20
    python bench/import.py --runs 11 --batch 100
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import lvcheck  # noqa: E402

TEMPLATE = ROOT / "contracts" / "nrw" / "lvr-ihl-externe-leistungserbringer.xml"
GOAL = 0.5  # seconds for one agreement, from .docx and from .pdf


def _seconds(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lvcheck-import-bench-"))
    agreement = lvcheck.load(TEMPLATE)
    docx, pdf = folder / "nrw.docx", folder / "nrw.pdf"
    docx.write_bytes(lvcheck.render(agreement, "docx"))  # type: ignore[arg-type]
    try:
        pdf.write_bytes(lvcheck.render(agreement, "pdf"))  # type: ignore[arg-type]
    except lvcheck.LvcheckError:
        pdf = None  # type: ignore[assignment]
    cases: dict[str, object] = {
        "lvcheck import .docx": lambda: lvcheck.import_source(docx, onto=TEMPLATE),
    }
    if shutil.which("pandoc"):
        cases["pandoc -t plain .docx"] = lambda: subprocess.run(
            ["pandoc", "-t", "plain", str(docx)], check=True, capture_output=True
        )
    if pdf is not None:
        # lvcheck's PDF export prints a cover block of header facts that is no source
        # text; the import reads the PDF and stops at the fidelity check: what is timed
        # is reading and structuring, the check included
        def from_pdf() -> None:
            with contextlib.suppress(lvcheck.LvcheckError):
                lvcheck.import_source(pdf, jurisdiction="DE-NW")

        cases["lvcheck import .pdf"] = from_pdf
        if shutil.which("pdftotext"):
            cases["pdftotext .pdf"] = lambda: subprocess.run(
                ["pdftotext", str(pdf), "-"], check=True, capture_output=True
            )
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, run in cases.items():
            times[name].append(_seconds(run))
    medians = {name: statistics.median(found) for name, found in times.items()}
    for name, median in medians.items():
        print(f"{name:24} {median * 1000:8.1f} ms")
    for ours, theirs in (
        ("lvcheck import .docx", "pandoc -t plain .docx"),
        ("lvcheck import .pdf", "pdftotext .pdf"),
    ):
        if ours in medians and theirs in medians:
            print(f"{ours} / {theirs}: {medians[ours] / medians[theirs]:.2f}x")
    for name in ("lvcheck import .docx", "lvcheck import .pdf"):
        if name in medians:
            verdict = "within" if medians[name] <= GOAL else "over"
            print(f"{name}: {verdict} the goal of {GOAL} s")
    half = _seconds(
        lambda: [lvcheck.import_source(docx, onto=TEMPLATE) for _ in range(args.batch // 2)]
    )
    whole = _seconds(
        lambda: [lvcheck.import_source(docx, onto=TEMPLATE) for _ in range(args.batch)]
    )
    print(
        f"batch of {args.batch // 2} .docx: {half:.2f} s, of {args.batch}: {whole:.2f} s "
        f"(ratio {whole / half:.2f}, 2.00 is linear); 1,000 at this rate on one core: "
        f"{whole / args.batch * 1000:.0f} s"
    )
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
