"""Fields: what a form asks to be written in, typed from the words around it.

A form line is a label and a tab ("Name<TAB>"), a label alone on a line of a form block
("Anzahl der Gruppen"), or a blank alone ("--", "____"); tick boxes are options apart by
wide spaces ("Kindergarten     Kinderkrippe     Kinderhort (zutreffendes bitte
ankreuzen)"). A blank in running text is typed by what it stands in: "am ____" a date.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from lvcheck.document.kinds import FieldType
from lvcheck.document.model import Field, Option

_WIDE = re.compile(r"[ \t\u00a0]{3,}|\t+|[☐☒□■]\s*")
_HINT = re.compile(r"(.*?)\s*(\([^()]*\))\s*$")
ALONE = re.compile(r"\s*(?:-{2,}|_{3,}|…+\.*|\.{4,})\s*")
_FINAL = (".", ":", ";", "!", "?", ",")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# the words of a label or heading that say what kind of value it asks for
_TYPE_WORDS: tuple[tuple[str, FieldType], ...] = (
    (r"\bPLZ\b|Postleitzahl", FieldType.POSTAL_CODE),
    (r"\bTelefon|\bTel\.|\bFax\b|Telefax|Mobil", FieldType.PHONE),
    (r"e-?mail", FieldType.EMAIL),
    (r"\bAnzahl\b|\bZahl der\b|Öffnungstage|Plätze\b", FieldType.NUMBER),
    (r"Ort,?\s+(?:und\s+)?Datum", FieldType.PLACE_DATE),
    (r"\bDatum\b", FieldType.DATE),
    (r"Unterschrift", FieldType.SIGNATURE),
)
_TIMES = re.compile(r"Betreuungszeit|Öffnungszeit|\bvon\b.*\bbis\b|Uhrzeit", re.IGNORECASE)
_DATE_BEFORE = re.compile(r"(?:\b(?:am|vom|bis|zum|ab|seit|Datum)\s*)$", re.IGNORECASE)


def slug(text: str, join: str = "_") -> str:
    """``Öffnungstage der Einrichtung`` -> ``oeffnungstage_der_einrichtung``: a name."""
    text = unicodedata.normalize("NFC", text.lower()).translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text)
    name = join.join(words)
    return name if name[:1].isalpha() else f"f{join}{name}" if name else ""


def field_type(label: str, heading: str = "") -> FieldType:
    """The type a form line's label (or its block's heading) asks for."""
    for pattern, kind in _TYPE_WORDS:
        if re.search(pattern, label, re.IGNORECASE):
            return kind
    if label.strip() and re.search(r"Besonderheit|Bemerkung|Hinweis", label, re.IGNORECASE):
        return FieldType.TEXT
    if _TIMES.search(heading):
        return FieldType.TIME_RANGE
    for pattern, kind in _TYPE_WORDS:
        if re.search(pattern, heading, re.IGNORECASE):
            return kind
    return FieldType.TEXT


def inline_type(before: str, after: str) -> FieldType:
    """The type of a blank in running text: a date after "am", "vom", "bis" …"""
    if _DATE_BEFORE.search(before.rstrip() + " ") or _DATE_BEFORE.search(before):
        return FieldType.DATE
    return FieldType.TEXT


class Choice(NamedTuple):
    options: tuple[str, ...]
    hint: str


def choice(line: str) -> Choice | None:
    """Tick boxes on one line: two or more short options apart by wide spaces."""
    text, hint = line.strip(), ""
    found = _HINT.fullmatch(text)
    if found and found.group(1):
        text, hint = found.group(1), found.group(2)
    options = [part.strip() for part in _WIDE.split(text) if part.strip()]
    if len(options) < 2 or any(len(o.split()) > 4 or o.endswith(_FINAL) for o in options):
        return None
    return Choice(tuple(options), hint)


class FormLine(NamedTuple):
    label: str  # "" for a blank alone
    value: str  # what stands after the label's tab; "" when left blank


def form_line(line: str, in_form: bool) -> FormLine | None:
    """A label with a tab, a blank alone, or (in a form block) a short label alone."""
    if ALONE.fullmatch(line):
        return FormLine("", "")
    if "\t" in line:
        label, _, value = line.partition("\t")
        if label.strip() and len(label.split()) <= 8:
            return FormLine(label.strip(), "" if ALONE.fullmatch(value) else value.strip())
    stripped = line.strip()
    if in_form and stripped and len(stripped.split()) <= 8 and not stripped.endswith(_FINAL):
        return FormLine(stripped, "")
    return None


def choice_field(found: Choice, name: str) -> Field:
    options = tuple(Option(slug(o) or f"option_{i}", (o,)) for i, o in enumerate(found.options, 1))
    many = bool(re.search(r"ankreuzen|zutreffende", found.hint, re.IGNORECASE))
    return Field(
        name=name,
        type=FieldType.CHOICE,
        inline=False,
        options=options,
        multiple=True if many else None,
        hint=(found.hint,) if found.hint else None,
    )
