"""The statutes legal references may name (data/statutes.toml): read in one place."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from lvcheck.data import load


class Statute(NamedTuple):
    abbreviation: str  # as cited: "SGB IX", "BayKiBiG"
    title: str
    unit: str  # how a section is cited: "§" or "Art."
    url: str  # the official text of the whole law
    section_url: str | None = None  # one section, "{section}" replaced

    def link(self, section: str | None) -> str:
        """The official text of one section where the portal allows it, else of the law."""
        if section and self.section_url:
            from urllib.parse import quote  # only pages link; validation need not load it

            # a section comes from the document: encode it, it may hold anything
            return self.section_url.format(section=quote(section, safe=""))
        return self.url


@cache
def statutes() -> dict[str, Statute]:
    """Every known statute by its abbreviation."""
    table: dict[str, dict[str, str]] = load("statutes.toml")["statutes"]
    return {
        name: Statute(
            abbreviation=name,
            title=entry["title"],
            unit=entry.get("unit", "§"),
            url=entry["url"],
            section_url=entry.get("section_url"),
        )
        for name, entry in table.items()
    }


# ---------------------------------------------------------------- the statutes' texts

# The tables scripts/statutes.py makes from the official texts: for each statute, the
# texts it was made from (their dates, "stand") and every unit ("130", "2/1", "2/1/3",
# "130//2": §, Absatz, Nummer; "//" where the § numbers no Absätze) with its state in each
# text, oldest first (P in force, W weggefallen, - absent), then at most how many
# sentences it has, where it is an Absatz or a § without Absätze.
_TABLES = Path(__file__).resolve().parent.parent / "data" / "statutes"


class Text(NamedTuple):
    """A statute as one text of it stood on one day."""

    stand: date
    amended: str  # "Zuletzt geändert durch", as the text says it


class Table(NamedTuple):
    """What lvcheck knows of a statute's units, from its texts."""

    statute: str
    texts: tuple[Text, ...]
    units: dict[str, str]


def table_file(abbreviation: str) -> str:
    """ "SGB IX" -> "sgb-ix.json": the file of its table (scripts/statutes.py writes it)."""
    return abbreviation.lower().replace(" ", "-") + ".json"


@cache
def table(abbreviation: str) -> Table | None:
    """The table of a statute, read once per process; None where lvcheck has none."""
    name = table_file(abbreviation)
    if abbreviation not in statutes():
        return None  # never a path made from a document's words
    import json  # only where a reference cites a statute with a table

    try:
        with (_TABLES / name).open("rb") as handle:
            raw = json.load(handle)
    except FileNotFoundError:
        return None
    texts = tuple(Text(date.fromisoformat(text["stand"]), text["amended"]) for text in raw["texts"])
    return Table(abbreviation, texts, raw["units"])


class Target(NamedTuple):
    """A citation of a statute's unit: § (or Art.), Absatz, Satz, Nummer."""

    section: str
    paragraph: str | None = None
    sentence: str | None = None
    number: str | None = None

    def key(self) -> str:
        """The deepest unit a table knows by key (a Satz is no unit of its own)."""
        if self.number is not None:
            return f"{self.section}/{self.paragraph or ''}/{self.number}"
        if self.paragraph is not None:
            return f"{self.section}/{self.paragraph}"
        return self.section


def cited(target: Target, unit: str = "§") -> str:
    """ "§ 2 Abs. 1 Satz 2 Nr. 3", as the reader writes it."""
    parts = [f"{unit} {target.section}"]
    if target.paragraph is not None:
        parts.append(f"Abs. {target.paragraph}")
    if target.sentence is not None:
        parts.append(f"Satz {target.sentence}")
    if target.number is not None:
        parts.append(f"Nr. {target.number}")
    return " ".join(parts)


def _states(value: str) -> tuple[str, int | None]:
    letters = value.rstrip("0123456789")
    return letters, int(value[len(letters) :]) if len(value) > len(letters) else None


def _numbers(units: dict[str, str], prefix: str) -> list[str]:
    """The numbers of the units right below ``prefix`` ("2/" -> Absätze of § 2)."""
    return [
        key[len(prefix) :]
        for key in units
        if key.startswith(prefix) and "/" not in key[len(prefix) :]
    ]


def _listed(numbers: list[str]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 2 else ", ".join(numbers)


def missing(found: Table, target: Target, unit: str = "§") -> tuple[bool, str] | None:
    """What of ``target`` the statute does not have in any text lvcheck knows: (True, why)
    where the § itself is missing, (False, why) where an Absatz, Satz or Nummer of it is;
    None where all of it exists."""
    units, section, statute = found.units, target.section, found.statute
    if section not in units:
        return True, f"{statute} has no {unit} {section}"
    paragraph = target.paragraph
    if paragraph is not None and f"{section}/{paragraph}" not in units:
        numbers = [n for n in _numbers(units, f"{section}/") if n]
        if not numbers:
            return False, f"{unit} {section} {statute} has no Absätze, so no Abs. {paragraph}"
        listed = _listed(numbers)
        return False, f"{unit} {section} {statute} has no Abs. {paragraph}; it has Abs. {listed}"
    holder = Target(section, paragraph)
    if target.number is not None and target.key() not in units:
        numbers = _numbers(units, f"{section}/{paragraph or ''}/")
        where = cited(holder, unit)
        if not numbers:
            return False, f"{where} {statute} has no Nummern, so no Nr. {target.number}"
        return False, f"{where} {statute} has no Nr. {target.number}; it has Nr. {_listed(numbers)}"
    if target.sentence is not None:
        _, most = _states(units[holder.key()])
        if most is not None and int(target.sentence) > most:
            where = f"{cited(holder, unit)} {statute}"
            return False, f"{where} has at most {most} sentences, not Satz {target.sentence}"
    return None


def changes(found: Table, target: Target) -> bool:
    """Does any text lvcheck knows give the cited units another state than in force?"""
    for key in (target.section, target.key()):
        value = found.units.get(key)
        if value is not None and _states(value)[0].strip("P"):
            return True
    return False


def not_in_force(found: Table, target: Target, day: date | None) -> str | None:
    """Why the cited unit was not in force on ``day`` (the newest text's day where None),
    as far as the texts tell: a unit is taken to be absent, then in force, then weggefallen,
    and to keep its state between two texts that agree. None where it was, or where the
    texts cannot tell (between two texts that differ, before the first)."""
    stands = [text.stand for text in found.texts]
    for key in dict.fromkeys((target.section, target.key())):
        value = found.units.get(key)
        if value is None:
            continue
        letters = _states(value)[0]
        if day is None:
            if letters[-1] != "P":
                how = "is (weggefallen)" if letters[-1] == "W" else "is no longer"
                newest = f"{stands[-1]:%d.%m.%Y}"
                why = "the agreement names no start: the newest text counts"
                return f"{how} in its text of {newest} ({why})"
            continue
        before = [state for stand, state in zip(stands, letters, strict=True) if stand <= day]
        after = [state for stand, state in zip(stands, letters, strict=True) if stand >= day]
        if before and before[-1] != "P" and "P" not in after and ("W" in before or "P" in before):
            stand = stands[len(before) - 1]
            has = "has it (weggefallen)" if before[-1] == "W" else "does not have it any more"
            return f"was no longer in force on {day:%d.%m.%Y}: its text of {stand:%d.%m.%Y} {has}"
        if after and after[0] == "-" and "P" not in before and "P" in letters:
            stand = stands[len(stands) - len(after)]
            return (
                f"was not yet in force on {day:%d.%m.%Y}: "
                f"its text of {stand:%d.%m.%Y} does not have it yet"
            )
    return None
