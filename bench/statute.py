"""A statute of the bundestag/gesetze repository as an lvcheck agreement: each § a
<section> with <num> and <heading>, its Absätze <paragraph>s numbered "(1)", its Nummern and
Buchstaben <point>s in <list>s, word for word (footnotes and Anlagen left out).

eIds either stable, made from the numbers as a drafter keeps them (sec_312h,
sec_312h__para_2, sec_312h__para_2__list_1__point_3; a range heading "§§ 3 bis 6" is
sec_3bis6), or regenerated from the position (sec_1, sec_2, … in document order), as a tool
that knows no history gives them: the diff must not depend on them.

Used by bench/statute_diff.py and tests/test_statute_diff.py; reads the Markdown with
scripts/gesetze.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from gesetze import Absatz, Block, Item, Law, Section, parse

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "data" / "statutes" / "bundestag-gesetze"
BGB_2013 = TEXTS / "2013-01-11-a0d25e33" / "b" / "bgb" / "index.md"
BGB_2022 = TEXTS / "2022-01-28-5710c0a6" / "b" / "bgb" / "index.md"

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="urn:lvcheck:agreement:1.0">
  <meta>
    <work id="{work}" type="statute" jurisdiction="DE-BE" language="de"/>
    <version id="{version}" kind="template" status="inForce"/>
    <title>{title} (BEISPIEL: Gesetz als Vereinbarung gelesen, zum Messen des Vergleichs)</title>
    <parties>
      <party id="gesetzgeber" name="Gesetzgeber" role="authority"/>
    </parties>
  </meta>
  <body>
"""
FOOTER = "  </body>\n</agreement>\n"
_NOT_IN_EID = re.compile(r"[^0-9A-Za-z]")


Identity = tuple[frozenset[str], ...]  # per level of a unit, the numbers it stands for


class _Eids:
    """Stable eIds from the numbers, or positional ones (the n-th child of its kind); and
    each unit's identity: at each level of its eId, the numbers it stands for ("§§ 3 bis 6":
    3, 4, 5 and 6), the same whichever eIds are written."""

    def __init__(self, positional: bool) -> None:
        self.positional = positional
        self.sections = 0
        self.identities: dict[str, Identity] = {}

    def section(self, section: Section) -> str:
        self.sections += 1
        if self.positional:
            eid = f"sec_{self.sections}"
        elif len(section.numbers) == 1:
            eid = f"sec_{section.numbers[0]}"
        else:
            joint = "bis" if " bis " in section.label else "und"
            eid = f"sec_{section.numbers[0]}{joint}{section.numbers[-1]}"
        self.identities[eid] = (frozenset(section.numbers),)
        return eid

    def child(self, parent: str, prefix: str, numbers: tuple[str, ...], position: int) -> str:
        """A sub-unit's eId: "para_2", "list_1", "point_3" (positional: its place)."""
        if self.positional or not numbers:
            eid = f"{parent}__{prefix}_{position}"
        else:
            eid = f"{parent}__{prefix}_{_NOT_IN_EID.sub('', ''.join(numbers))}"
        level = frozenset(numbers) if numbers else frozenset({f"{prefix}{position}"})
        self.identities[eid] = (*self.identities[parent], level)
        return eid


def _p(text: str, indent: str) -> str:
    return f"{indent}<p>{escape(text)}</p>\n"


def _items(items: list[Item], eid: str, eids: _Eids, indent: str) -> str:
    out = [f'{indent}<list eId="{eid}">\n']
    for position, item in enumerate(items, start=1):
        point = eids.child(eid, "point", (item.number,), position)
        out.append(
            f'{indent}  <point eId="{point}">\n{indent}    <num>{escape(item.label)}</num>\n'
        )
        out.append(
            _content(
                item.texts,
                [Block(items=item.items)] if item.items else [],
                point,
                eids,
                indent + "    ",
            )
        )
        out.append(f"{indent}  </point>\n")
    out.append(f"{indent}</list>\n")
    return "".join(out)


def _content(texts: list[str], blocks: list[Block], eid: str, eids: _Eids, indent: str) -> str:
    out = [f"{indent}<content>\n"]
    out.extend(_p(text, indent + "  ") for text in texts)
    lists = 0
    for block in blocks:
        if block.text:
            out.append(_p(block.text, indent + "  "))
        if block.items:
            lists += 1
            listed = eids.child(eid, "list", (), lists)
            out.append(_items(block.items, listed, eids, indent + "  "))
    if len(out) == 1:
        out.append(f"{indent}  <p/>\n")
    out.append(f"{indent}</content>\n")
    return "".join(out)


def _absatz(absatz: Absatz, eid: str, indent: str, eids: _Eids) -> str:
    return (
        f'{indent}<paragraph eId="{eid}">\n{indent}  <num>{escape(absatz.label)}</num>\n'
        + _content([], absatz.blocks, eid, eids, indent + "  ")
        + f"{indent}</paragraph>\n"
    )


def _section(section: Section, eids: _Eids) -> str:
    eid = eids.section(section)
    out = [f'    <section eId="{eid}">\n      <num>{escape(section.label)}</num>\n']
    if section.heading:
        out.append(f"      <heading>{escape(section.heading)}</heading>\n")
    numbered = [a for a in section.absaetze if a.number]
    if numbered and len(numbered) == len(section.absaetze):
        for position, absatz in enumerate(section.absaetze, start=1):
            child = eids.child(eid, "para", absatz.numbers, position)
            out.append(_absatz(absatz, child, "      ", eids))
    else:  # no Absätze: the § holds its text (a § mixing both keeps its blocks in order)
        blocks = [block for absatz in section.absaetze for block in absatz.blocks]
        out.append(_content([], blocks, eid, eids, "      "))
    out.append("    </section>\n")
    return "".join(out)


def agreement(
    law: Law, version: str, positional: bool = False, work: str = "bgb"
) -> tuple[str, dict[str, Identity]]:
    """The statute as agreement XML (eIds from the numbers, or from the positions), and
    each eId's identity."""
    eids = _Eids(positional)
    body = "".join(_section(section, eids) for section in law.sections)
    head = HEADER.format(work=work, version=version, title=escape(law.title or law.abbreviation))
    return head + body + FOOTER, eids.identities


def read(path: Path) -> Law:
    """The statute of one index.md."""
    return parse(path.read_text(encoding="utf-8"))
