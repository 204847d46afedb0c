#!/usr/bin/env python3
"""The statute tables validate checks citations against, made from the official texts.

For each federal statute the contracts cite, the table lists its §§ with their Absätze and
Nummern, each with its state in every text the repository keeps (in force, "(weggefallen)"
or absent), and for each Absatz (or § without Absätze) how many sentences it has at most.
The texts are the Markdown of github.com/bundestag/gesetze (German federal statutes, free
of copyright under § 5 UrhG), kept under tests/data/statutes/bundestag-gesetze/, one folder
per commit of that repository, named after the commit's date: the text in force on that
day (its changes in force later are not in it; BGB § 1814 still reads "Hinterlegung von
Inhaberpapieren" on 28.01.2022, the reform of 2023 is not in it).

    python3 scripts/statutes.py                 # write src/lvcheck/data/statutes/*.json
    python3 scripts/statutes.py --check         # exit 1 where a table differs from its texts
    python3 scripts/statutes.py --fetch MIRROR  # copy the texts from a clone of bundestag/gesetze

A unit's states read, one letter per text in date order: P in force, W "(weggefallen)",
- absent (the statute's text holds no such unit); a digit string after them is the most
sentences the Absatz has (counted generously: a citation of a higher Satz cannot be right).
The Länder statutes (KiBiz, BayKiBiG, AVBayKiBiG, FTG) are not in that repository and have
no table: their citations are not checked against a text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gesetze import Absatz, Item, Law, parse

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "data" / "statutes" / "bundestag-gesetze"
TABLES = ROOT / "src" / "lvcheck" / "data" / "statutes"
REPOSITORY = "https://github.com/bundestag/gesetze"
# The commits whose texts are kept: (folder, commit). The folder names the commit's date.
SNAPSHOTS = (
    ("2013-01-11-a0d25e33", "a0d25e33fda41680017ca9546e92a9afde87393b"),
    ("2022-01-28-5710c0a6", "5710c0a68afaf4ee45f127210247e9e6940126ae"),
)
# abbreviation as lvcheck cites it (data/statutes.toml) -> path in that repository
STATUTES = {
    "SGB VIII": "s/sgb_8",
    "SGB IX": "s/sgb_9_2018",
    "SGB X": "s/sgb_10",
    "SGB XII": "s/sgb_12",
    "BGB": "b/bgb",
}
# A sentence ends at . ! or ? before a space and anything but a small letter: more ends
# than the law counts ("Abs. 1", "1. Januar"), never fewer.
_SENTENCE_END = re.compile(r"[.!?][\"“”)]*\s+(?![a-zäöüß])")


def blob_id(data: bytes) -> str:
    """The git blob id of a file's bytes: what the repository's tree names it by."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def table_name(abbreviation: str) -> str:
    """ "SGB IX" -> "sgb-ix.json" """
    return abbreviation.lower().replace(" ", "-") + ".json"


def sentences(absatz: Absatz) -> int:
    """At most how many sentences the Absatz has."""
    words = absatz.words()
    return 1 + len(_SENTENCE_END.findall(words.rstrip()))


def _states(law: Law) -> dict[str, tuple[str, int | None]]:
    """unit -> (P or W, sentences) for one text: "130", "2/1", "2/1/3", "130//2"."""
    found: dict[str, tuple[str, int | None]] = {}
    for section in law.sections:
        if section.empty:
            continue  # no words: as good as absent
        gone = section.weggefallen
        for number in section.numbers:
            numbered = [a for a in section.absaetze if a.number]
            whole = section.absaetze[0] if len(section.absaetze) == 1 and not numbered else None
            found.setdefault(
                number, ("W" if gone else "P", None if gone or not whole else sentences(whole))
            )
            for absatz in section.absaetze if not gone else ():
                key = f"{number}/{absatz.number or ''}"
                state = "W" if absatz.weggefallen else "P"
                count = None if absatz.weggefallen else sentences(absatz)
                for each in absatz.numbers:
                    found.setdefault(f"{number}/{each}", (state, count))
                for block in absatz.blocks:
                    for item in block.items:
                        if item.number[0].isdigit():
                            found.setdefault(f"{key}/{item.number}", (_item_state(item), None))
    return found


def _item_state(item: Item) -> str:
    return "W" if item.weggefallen else "P"


def build(abbreviation: str, sources: Path = SOURCES) -> dict[str, object]:
    """The table of one statute from the texts under ``sources``."""
    path = STATUTES[abbreviation]
    texts, states = [], []
    for folder, commit in SNAPSHOTS:
        file = sources / folder / path / "index.md"
        if not file.exists():
            continue  # the statute is younger than that commit (SGB IX of 2018)
        data = file.read_bytes()
        law = parse(data.decode("utf-8"))
        texts.append(
            {
                "stand": folder[:10],
                "repository": REPOSITORY,
                "commit": commit,
                "path": f"{path}/index.md",
                "blob": blob_id(data),
                "title": law.title,
                "amended": law.facts.get("Zuletzt geändert durch", ""),
            }
        )
        states.append(_states(law))
    order: dict[str, None] = {}
    for found in reversed(states):  # the newest text's order, then what only older ones have
        order.update(dict.fromkeys(found))
    units: dict[str, str] = {}
    for key in order:
        letters = "".join(found[key][0] if key in found else "-" for found in states)
        counts = [found[key][1] for found in states if key in found and found[key][1] is not None]
        units[key] = letters + (str(counts[-1]) if counts else "")
    return {"statute": abbreviation, "texts": texts, "units": units}


def render(table: dict[str, object]) -> str:
    """A table as its file holds it: one unit a line, so that a change reads in a diff."""
    head = {key: value for key, value in table.items() if key != "units"}
    lines = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    units = table["units"]
    assert isinstance(units, dict)
    body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in units.items())
    return f'{lines},\n "units": {{\n{body}\n }}\n}}\n'


def fetch(mirror: Path) -> None:
    """Copy the texts from a clone of bundestag/gesetze (a bare one does)."""
    for folder, commit in SNAPSHOTS:
        for path in STATUTES.values():
            shown = subprocess.run(
                ["git", "-C", str(mirror), "show", f"{commit}:{path}/index.md"],
                capture_output=True,
                check=False,
            )
            if shown.returncode:
                continue  # not in that commit
            target = SOURCES / folder / path / "index.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(shown.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--fetch", type=Path, metavar="MIRROR", help="copy the texts first")
    args = parser.parse_args()
    if args.fetch:
        fetch(args.fetch)
    differ = []
    for abbreviation in STATUTES:
        text = render(build(abbreviation))
        target = TABLES / table_name(abbreviation)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                differ.append(target.name)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for name in differ:
        print(f"{name} differs from its texts: run python3 scripts/statutes.py", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
