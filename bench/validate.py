#!/usr/bin/env python3
"""Benchmark: lvcheck validate (XSD and every rule) against xmllint and plain xmlschema.

Generates a corpus of filled instances from the repository's own templates (varied values,
about 1 % broken), then times, in one run and on the same files:

  lvcheck    `lvcheck validate DIR`: a fresh process, the XSD and all rules, as CI runs it
  xmllint    `xmllint --noout --nonet --schema XSD FILE…`: one process, the XSD only
  xmlschema  `xmlschema.XMLSchema10(XSD).iter_errors(FILE)` in this process, the XSD only

and prints files per second and the ratios (time of lvcheck / time of the other tool; below
1.0 means lvcheck is faster). lvcheck and xmllint run --repeat times each, alternately, and
the best run counts (the least disturbed by the machine). Plain xmlschema is slow, so it is
timed once on a sample (--xmlschema-sample) and compared per file; the output says so.

    python bench/validate.py                 # 2,000 files
    python bench/validate.py --count 10000
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from lvcheck.document.parse import NAMESPACE, parse_file
from lvcheck.document.seal import sealed

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT / "schema" / "lvcheck-agreement-1.0.xsd"
TEMPLATES = {
    "nrw": ROOT / "contracts" / "nrw" / "lvr-ihl-externe-leistungserbringer.xml",
    "bayern": ROOT / "contracts" / "bayern" / "bezirk-niederbayern-t-k-kita-2021-22.xml",
}
# copied into the corpus as they are, so that the templates' relations resolve
CONTEXT = [
    ROOT / "contracts" / "nrw" / "beispiel-lvr-ihl-mustervertrag.xml",
]
NS = f"{{{NAMESPACE}}}"
TOWNS = [
    ("50667", "Köln"),
    ("40213", "Düsseldorf"),
    ("94032", "Passau"),
    ("84028", "Landshut"),
    ("94315", "Straubing"),
    ("53111", "Bonn"),
    ("47051", "Duisburg"),
    ("94469", "Deggendorf"),
]


def _value(field: etree._Element, rng: random.Random, index: int) -> str:
    kind = field.get("type")
    if kind == "date":
        # in the past, so that the status the term computes is "in force" (LV370)
        return f"20{rng.randint(21, 25)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    if kind == "number":
        return str(rng.randint(1, 300))
    if kind == "postalCode":
        plz, town = rng.choice(TOWNS)
        return f"{plz} {town}"
    if kind == "phone":
        return f"0{rng.randint(200, 999)} {rng.randint(10000, 999999)}"
    if kind == "email":
        return f"kontakt{index}@traeger-{rng.randint(1, 999)}.example.org"
    if kind == "timeRange":
        return f"0{rng.randint(6, 8)}:{rng.choice(['00', '30'])}-1{rng.randint(4, 7)}:00"
    if kind == "choice":
        options = [o.get("value", "") for o in field.iterfind(NS + "option")]
        if field.get("multiple") == "true":
            return " ".join(rng.sample(options, rng.randint(1, len(options))))
        return rng.choice(options)
    if kind == "signature":
        return f"gez. Person {index}"
    if kind == "placeDate":
        town = rng.choice(TOWNS)[1]
        return f"{town}, {rng.randint(1, 28):02}.{rng.randint(1, 12):02}.20{rng.randint(21, 25)}"
    return f"Fiktiver Wert {index}-{rng.randint(1, 10**6)}"


def _break(tree: etree._ElementTree, rng: random.Random) -> None:
    """Make one realistic mistake: a bad date, an unresolved reference, or a duplicate eId."""
    root = tree.getroot()
    choice = rng.randint(0, 2)
    if choice == 0:
        dates = [f for f in root.iter(NS + "fillIn", NS + "field") if f.get("type") == "date"]
        if dates:
            dates[0].set("value", "31.02.2024")
            return
    if choice <= 1:
        first_ref = next(root.iter(NS + "ref"), None)
        if first_ref is not None:
            for name in ("statute", "section", "document", "part", "following"):
                first_ref.attrib.pop(name, None)
            first_ref.set("href", "#sec_99")
            return
    sections = list(root.iter(NS + "section"))
    sections[-1].set("eId", sections[0].get("eId", ""))


def make_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` instances (about 1 % broken) under folder/contracts/<region>/."""
    rng = random.Random(seed)
    files = []
    for region, template in TEMPLATES.items():
        (folder / "contracts" / region).mkdir(parents=True, exist_ok=True)
        shutil.copy(template, folder / "contracts" / region / template.name)
    for source in CONTEXT:
        shutil.copy(source, folder / "contracts" / source.parent.name / source.name)
    for index in range(count):
        region = "nrw" if index % 2 == 0 else "bayern"
        tree = parse_file(TEMPLATES[region])
        root = tree.getroot()
        work = root.find(f"{NS}meta/{NS}work")
        version = root.find(f"{NS}meta/{NS}version")
        assert work is not None and version is not None
        template_work, template_version = work.get("id", ""), version.get("id", "")
        work.set("id", f"{template_work}-instanz-{index:05}")
        version.set("kind", "instance")
        version.set("status", "inForce")
        relations = root.find(f"{NS}meta/{NS}relations")
        if relations is None:
            relations = etree.Element(NS + "relations")
            documents = root.find(f"{NS}meta/{NS}documents")
            assert documents is not None
            documents.addprevious(relations)
        for child in list(relations):
            relations.remove(child)
        etree.SubElement(relations, NS + "basedOn", work=template_work, version=template_version)
        for field in root.iter(NS + "fillIn", NS + "field"):
            field.set("value", _value(field, rng, index))
        if index % 100 == 99:
            _break(tree, rng)
        path = folder / "contracts" / region / f"instanz-{index:05}.xml"
        # signed instances record the digest of their text, as `lvcheck seal` writes it
        path.write_bytes(sealed(tree))
        files.append(path)
    return sorted((folder / "contracts").rglob("*.xml"))


def _timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start, done.returncode


def _best(commands: list[list[str]], cwd: Path, repeat: int) -> list[tuple[float, int]]:
    """Best time of each command over ``repeat`` rounds, run alternately so that a busy
    moment of the machine does not favour one tool."""
    best: list[tuple[float, int]] = [(float("inf"), 0)] * len(commands)
    for _ in range(repeat):
        for index, command in enumerate(commands):
            seconds, status = _timed(command, cwd)
            best[index] = min(best[index], (seconds, status))
    return best


def time_xmlschema(files: list[Path], sample: int) -> tuple[float, int]:
    import xmlschema  # imported here: only this measurement needs it

    start = time.perf_counter()
    schema = xmlschema.XMLSchema10(str(XSD))
    chosen = files[:sample]
    invalid = sum(1 for path in chosen if next(schema.iter_errors(str(path)), None) is not None)
    return time.perf_counter() - start, invalid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="instances to generate")
    parser.add_argument(
        "--xmlschema-sample",
        type=int,
        default=200,
        help="files plain xmlschema is timed on (it is slow)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of lvcheck and xmllint")
    parser.add_argument("--keep", type=Path, help="keep the corpus in this folder")
    args = parser.parse_args()
    # lvcheck's bytecode compiled first, as pip install does: the tools it is compared with
    # run compiled, and a machine with PYTHONDONTWRITEBYTECODE would time compiling
    package = Path(__file__).resolve().parent.parent / "src" / "lvcheck"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    lvcheck = shutil.which("lvcheck")
    xmllint = shutil.which("xmllint")
    if lvcheck is None:
        print("bench: lvcheck is not installed (pip install -e .)", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="lvcheck-bench-"))
    files = make_corpus(folder, args.count)
    total = len(files)
    print(
        f"corpus: {total} files ({args.count} generated instances, about 1 % broken, "
        f"plus the templates they fill) in {folder}"
    )

    rows: list[tuple[str, float, int, str]] = []
    commands = [[lvcheck, "validate", "contracts"]]
    if xmllint:
        commands.append([xmllint, "--noout", "--nonet", "--schema", str(XSD), *map(str, files)])
    else:
        print("bench: xmllint not found (apt-get install libxml2-utils); skipped")
    timings = _best(commands, folder, args.repeat)
    seconds, status = timings[0]
    rows.append(("lvcheck validate (XSD + all rules)", seconds, total, f"exit {status}"))
    if xmllint:
        seconds, status = timings[1]
        rows.append(("xmllint --schema (XSD only)", seconds, total, f"exit {status}"))
    sample = min(args.xmlschema_sample, total)
    seconds, invalid = time_xmlschema(files, sample)
    rows.append(
        (
            f"xmlschema (XSD only, {sample}-file sample)",
            seconds,
            sample,
            f"{invalid} invalid in sample",
        )
    )

    lvcheck_rate = rows[0][2] / rows[0][1]
    print(f"\n{'tool':<42} {'files':>6} {'seconds':>8} {'files/s':>9} {'ratio':>7}  verdict")
    for name, seconds, count, note in rows:
        rate = count / seconds
        ratio = rate / lvcheck_rate  # = lvcheck's time per file / this tool's time per file
        if name.startswith("lvcheck"):
            verdict = note
        elif ratio <= 1.0:
            verdict = f"lvcheck {1 / ratio:.1f}x faster ({note})"
        else:
            verdict = f"lvcheck {ratio:.2f}x slower ({note})"
        print(f"{name:<42} {count:>6} {seconds:>8.2f} {rate:>9.0f} {ratio:>7.2f}  {verdict}")
    print(
        f"\nbest of {args.repeat} runs; ratio = lvcheck's time per file / the tool's "
        "time per file (below 1.0: lvcheck is faster)"
    )
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
