"""The Markdown of the bundestag/gesetze repository read as a statute: its §§ (or Artikel)
with their Absätze, Nummern and Buchstaben, word for word.

That repository writes each federal statute as one ``index.md``: a YAML header, the title,
a definition list of facts ("Zuletzt geändert durch"), then headings for the structure
(Buch, Abschnitt, Titel) and for each § ("§ 7 Wohnsitz; Begründung und Aufhebung",
"(XXXX) §§ 3 bis 6 (weggefallen)"), and under a § its text in blocks separated by blank
lines: an Absatz starts "(1) ", a Nummer "1.  " and a Buchstabe "a)  ", each level of a
list indented by four more spaces than the one above it. Lines are wrapped at spaces only,
so the words of a block are its lines joined by one space.

Used by scripts/statutes.py (the tables validate checks citations against) and by
bench/statute_diff.py (the BGB as an agreement, to measure the diff's alignment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WEGGEFALLEN = "(weggefallen)"
_HEADING = re.compile(r"^(#{1,7}) +(.*?)\s*$")
# "§ 7 Heading", "§ 279", "(XXXX) §§ 3 bis 6 (weggefallen)", "§§ 114 und 115 (weggefallen)",
# "Art 1", "Art. 21 Heading"
_SECTION = re.compile(
    r"^(?:\(XXXX\)\s+)?(?P<unit>§§?|Art\.?)\s*(?P<first>\d+[a-z]{0,2})(?=[\s,]|$)"
    r"(?:(?P<joint>,|\s+bis|\s+und)\s+(?P<last>\d+[a-z]{0,2})(?=\s|$))?\s*(?P<heading>.*)$"
)
# "(4) u. (5) (weggefallen)": one heading for two Absätze
_ABSATZ_RANGE = re.compile(
    r"^(?P<joint>\s(?:u\.|und|bis)\s)\((?P<last>\d+[a-z]?)\)\s*(?P<rest>.*)$"
)
_ABSATZ = re.compile(r"^\((?P<number>\d+[a-z]?)\)\s*(?P<rest>.*)$")
# "1.  ", "12a. ", "a)  ", "aa) "; at least one space after the marker
_ITEM = re.compile(r"^(?P<label>(?P<number>\d+[a-z]?)\.|(?P<letter>[a-z]{1,3})\))\s+(?P<rest>.*)$")
_NOTE = re.compile(r"^\[\^[^\]]*\]")
_FACT = re.compile(r"^:\s+(.*)$")
INDENT = 4  # spaces per level of a list


@dataclass
class Item:
    """A Nummer ("1.") or Buchstabe ("a)") with its words and the items under it."""

    label: str  # as printed: "1.", "a)"
    number: str  # "1", "2a", "a"
    texts: list[str] = field(default_factory=list)  # its own blocks, in order
    items: list[Item] = field(default_factory=list)

    @property
    def weggefallen(self) -> bool:
        return self.texts == [WEGGEFALLEN] and not self.items


@dataclass
class Block:
    """One block of an Absatz: running text, or a list of items."""

    text: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class Absatz:
    """An Absatz ("(1)"), or the text of a § that numbers none (number None)."""

    number: str | None
    blocks: list[Block] = field(default_factory=list)
    joint: str = ""  # "(4) u. (5) (weggefallen)": " u. "
    last: str | None = None  # and "5"

    @property
    def weggefallen(self) -> bool:
        return len(self.blocks) == 1 and self.blocks[0].text == WEGGEFALLEN

    @property
    def label(self) -> str:
        """As printed: "(1)", "(4) u. (5)"."""
        if self.last is None:
            return f"({self.number or ''})"
        return f"({self.number}){self.joint}({self.last})"

    @property
    def numbers(self) -> tuple[str, ...]:
        """The numbers it stands for: "(4) u. (5)" both."""
        if self.number is None:
            return ()
        joint = "und" if self.joint.strip() in ("u.", "und") else self.joint.strip() or None
        return expand(self.number, self.last, joint and f" {joint}")

    def words(self) -> str:
        """Its words in order, items included."""
        parts: list[str] = []
        for block in self.blocks:
            if block.text:
                parts.append(block.text)
            for item in block.items:
                _item_words(item, parts)
        return " ".join(parts)


def _item_words(item: Item, parts: list[str]) -> None:
    parts.append(item.label)
    parts.extend(item.texts)
    for below in item.items:
        _item_words(below, parts)


@dataclass
class Section:
    """A § or Artikel, or a heading for a range of them ("§§ 3 bis 6 (weggefallen)")."""

    unit: str  # "§" or "Art."
    label: str  # as printed: "§ 7", "§§ 3 bis 6", "Art. 1"
    numbers: tuple[str, ...]  # the numbers it stands for: ("7",), ("3", "4", "5", "6")
    heading: str  # "Wohnsitz; Begründung und Aufhebung"; "(weggefallen)"; ""
    line: int  # of its heading in the Markdown, 1-based
    absaetze: list[Absatz] = field(default_factory=list)

    @property
    def weggefallen(self) -> bool:
        """Repealed: its heading says so (its text is then at most a dash), or every Absatz."""
        if self.heading == WEGGEFALLEN or self.heading.endswith(" " + WEGGEFALLEN):
            return True
        return bool(self.absaetze) and all(a.weggefallen for a in self.absaetze)

    @property
    def empty(self) -> bool:
        """A heading without words (§§ 707a bis 707c BGB in 2022, not yet in force)."""
        return not self.heading and not self.absaetze


@dataclass
class Law:
    """A statute as its Markdown gives it."""

    title: str
    abbreviation: str  # the header's jurabk: "BGB", "SGB 9 2018"
    facts: dict[str, str]  # "Zuletzt geändert durch" -> "Art. 4 Abs. 6 G v. 7.5.2021 I 850"
    sections: list[Section]
    structure: list[tuple[int, str, int]]  # (level, heading, index of the next section)


def expand(first: str, last: str | None, joint: str | None) -> tuple[str, ...]:
    """The numbers a heading stands for: "3 bis 6" -> 3, 4, 5, 6; "1615b bis 1615k" ->
    1615b … 1615k; "114 und 115" -> both. Between numbers of different bases with letters
    the letters in between are unknowable: only the whole numbers and the two ends."""
    first = first.replace(" ", "")
    if last is None:
        return (first,)
    last = last.replace(" ", "")
    if joint is not None and joint.strip() in ("und", ","):
        return (first, last)
    base_first, letter_first = _split(first)
    base_last, letter_last = _split(last)
    if base_first == base_last and letter_last:
        start = ord(letter_first) + 1 if letter_first else ord("a")
        letters = [chr(c) for c in range(start, ord(letter_last) + 1)]
        return (first, *(f"{base_first}{letter}" for letter in letters))
    if base_last < base_first:
        return (first, last)
    middle = [str(n) for n in range(base_first + 1, base_last)]
    return (first, *middle, last) if first != last else (first,)


def _split(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number)
    assert digits is not None
    return int(digits.group()), number[digits.end() :]


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The YAML header's simple keys (jurabk, Title), and the line after it."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    found: dict[str, str] = {}
    key = ""
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() == "---":
            return found, index + 1
        if line.startswith("  ") and key:
            found[key] += " " + line.strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            found[key.strip()] = value.strip()
    return found, len(lines)


def _chunks(lines: list[str]) -> list[tuple[int, str]]:
    """Blocks separated by blank lines: (indentation of the first line, words joined)."""
    chunks: list[tuple[int, str]] = []
    current: list[str] = []
    indent = 0
    for line in [*lines, ""]:
        if line.strip():
            if not current:
                indent = len(line) - len(line.lstrip(" "))
            current.append(line.strip())
        elif current:
            chunks.append((indent, " ".join(current)))
            current = []
    return chunks


def _body(section: Section, lines: list[str]) -> None:
    """The Absätze of one §, from the lines under its heading."""
    absatz: Absatz | None = None
    open_items: list[Item] = []  # the item open at each level of the current list
    note = quoting = False  # within a footnote; within a version it quotes („…“)
    for indent, words in _chunks(lines):
        level = indent // INDENT
        # Footnotes are no words of the §: a marker "[^id]" where it stands, its text
        # "[^id]: …" after the §, indented, and where it quotes a later version of the §
        # („§ 24 … in folgender Fassung: …“) that version too, in the columns of the text.
        if _NOTE.match(words):
            if words.endswith("]"):
                continue
            note, quoting = True, words.count("„") > words.count("“")
            continue
        if quoting:
            quoting = words.count("“") <= words.count("„")
            continue
        if note and indent:
            continue
        note = False
        if indent == 0:
            found = _ABSATZ.match(words)
            if found:
                absatz = Absatz(found.group("number"))
                section.absaetze.append(absatz)
                open_items = []
                words = found.group("rest")
                both = _ABSATZ_RANGE.match(" " + words)
                if both:
                    absatz.joint, absatz.last = both.group("joint"), both.group("last")
                    words = both.group("rest")
                if not words:
                    continue
        if absatz is None:
            absatz = Absatz(None)
            section.absaetze.append(absatz)
        item = _ITEM.match(words)
        if item and level <= len(open_items):
            new = Item(item.group("label"), item.group("number") or item.group("letter"))
            if item.group("rest"):
                new.texts.append(item.group("rest"))
            if level == 0:
                if not absatz.blocks or not absatz.blocks[-1].items or absatz.blocks[-1].text:
                    absatz.blocks.append(Block())
                absatz.blocks[-1].items.append(new)
            else:
                open_items[level - 1].items.append(new)
            del open_items[level:]
            open_items.append(new)
        elif level and open_items:
            owner = open_items[min(level, len(open_items)) - 1]
            owner.texts.append(words)  # a further block of an item
            del open_items[min(level, len(open_items)) :]
        else:
            open_items = []
            absatz.blocks.append(Block(text=words))


def parse(markdown: str) -> Law:
    """A statute from the text of its index.md."""
    lines = markdown.splitlines()
    header, start = _front_matter(lines)
    title = header.get("Title", "")
    facts: dict[str, str] = {}
    sections: list[Section] = []
    structure: list[tuple[int, str, int]] = []
    body: list[str] = []
    current: Section | None = None
    term = ""
    for number in range(start, len(lines) + 1):
        line = lines[number] if number < len(lines) else "# end"
        heading = _HEADING.match(line)
        if heading is None:
            if current is not None:
                body.append(line)
            elif not sections and not structure:
                fact = _FACT.match(line)
                if fact and term:
                    facts.setdefault(term, fact.group(1).strip())
                elif line.strip() and not line.startswith(" "):
                    term = line.strip()
            continue
        if current is not None:
            _body(current, body)
            current, body = None, []
        level, text = len(heading.group(1)), heading.group(2)
        found = _SECTION.match(text)
        if level == 1:
            title = title or text
        elif found:
            unit = "§" if found.group("unit").startswith("§") else "Art."
            numbers = expand(found.group("first"), found.group("last"), found.group("joint"))
            label = text[: found.start("heading")].strip()
            if label.startswith("(XXXX)"):
                label = label[len("(XXXX)") :].strip()
            current = Section(unit, label, numbers, found.group("heading"), number + 1)
            sections.append(current)
        elif number < len(lines):
            structure.append((level, text, len(sections)))
    return Law(title, header.get("jurabk", ""), facts, sections, structure)
