"""Every word a reader of lvcheck's output sees, in German, in one place.

Renderers, the diff and the citations take their words from here, so that a wording fix
or a second language is one edit. Messages for developers (CLI help, error messages)
are English and live with their code.
"""

from __future__ import annotations

from datetime import date

# ---------------------------------------------------------------- values

BLANK = "__________"  # an empty fill-in field, as the printed form shows it
NONE = "—"  # no value
YES, NO = "ja", "nein"

_DURATION_UNITS = {
    "Y": ("Jahr", "Jahre"),
    "M": ("Monat", "Monate"),
    "W": ("Woche", "Wochen"),
    "D": ("Tag", "Tage"),
}


def german_date(value: str | date) -> str:
    """2025-01-15 -> 15.01.2025, as the agreements write dates; other text unchanged."""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    try:
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def duration_text(value: str) -> str:
    """P12M -> 12 Monate, P1Y -> 1 Jahr (as the German text would say it)."""
    if len(value) >= 3 and value[0] == "P" and value[-1] in _DURATION_UNITS:
        amount = value[1:-1]
        if amount.isdigit():
            singular, plural = _DURATION_UNITS[value[-1]]
            return f"{int(amount)} {singular if int(amount) == 1 else plural}"
    return value


# ---------------------------------------------------------------- the header

STATUS = {
    "template": "Vorlage",
    "draft": "Entwurf",
    "inForce": "in Kraft",
    "superseded": "ersetzt",
    "terminated": "beendet",
}

ROLES = {
    "authority": "Träger der Eingliederungshilfe",
    "provider": "Leistungserbringer",
    "facility": "Einrichtung",
    "association": "Verband",
}

LANDS = {
    "DE-BW": "Baden-Württemberg",
    "DE-BY": "Bayern",
    "DE-BE": "Berlin",
    "DE-BB": "Brandenburg",
    "DE-HB": "Bremen",
    "DE-HH": "Hamburg",
    "DE-HE": "Hessen",
    "DE-MV": "Mecklenburg-Vorpommern",
    "DE-NI": "Niedersachsen",
    "DE-NW": "Nordrhein-Westfalen",
    "DE-RP": "Rheinland-Pfalz",
    "DE-SL": "Saarland",
    "DE-SN": "Sachsen",
    "DE-ST": "Sachsen-Anhalt",
    "DE-SH": "Schleswig-Holstein",
    "DE-TH": "Thüringen",
}

RELATIONS = {
    "supersedes": "ersetzt",
    "supersededBy": "wird ersetzt durch",
    "basedOn": "beruht auf",
}

NOTICE_BEFORE = {
    "endOfTerm": "zum Ende der Laufzeit",
    "endOfKitaYear": "zum Ende des Kitajahres",
    "anyTime": "jederzeit",
}

# The facts of the header, as the diff names them.
HEADER_FACTS = {
    "work.id": "Vereinbarung (Kennung)",
    "work.type": "Vereinbarungstyp",
    "work.jurisdiction": "Land",
    "work.language": "Sprache",
    "version.id": "Fassung",
    "version.date": "Datum der Fassung",
    "version.status": "Status",
    "version.example": "Beispiel",
    "title": "Titel",
    "notes": "Anmerkung",
    "parties": "Vertragsparteien",
    "legal_basis": "Rechtsgrundlage",
    "term.start": "Laufzeit: Beginn",
    "term.end": "Laufzeit: Ende",
    "term.end_indefinite": "Laufzeit: unbefristet",
    "term.renewal_period": "Laufzeit: Verlängerung um",
    "term.renewal_unit": "Laufzeit: Verlängerungseinheit",
    "term.notice_period": "Kündigungsfrist",
    "term.notice_before": "Kündigung zum",
    "term.notice_form": "Form der Kündigung",
    "term.governed_by": "Laufzeit geregelt in",
    "relations": "Beziehung zu anderen Fassungen",
    "documents": "Genannte Dokumente",
}
FIELD = "Feld"
VERSION = "Fassung"
GOVERNED_IN = "geregelt in"
EXAMPLE_BANNER = "Illustratives Beispiel: kein echter Vertragstext bzw. erfundene Angaben."
EXAMPLE_MARK = "Beispiel"

# ---------------------------------------------------------------- citations

PLACES = {
    "meta": "Kopfdaten",
    "preface": "Vertragskopf",
    "preamble": "Präambel",
    "conclusions": "Unterschriften",
    "attachments": "Anlagen",
}
PARAGRAPH = "Abs."
SUB_PARAGRAPH = "Unterabs."
NUMBER = "Nr."
LETTER = "Buchst."
DECIMAL = "Ziff."
SENTENCE = "Satz"
INDENT = "Spiegelstrich"  # an unnumbered point ("3. Spiegelstrich")
SECTION_GROUP = "Abschnitt"  # a heading-less group of a form part
FOOTNOTE = "Fn."
SIGNATURE_BLOCK = "Block"
ATTACHMENT = "Anlage"

# ---------------------------------------------------------------- the diff

CHANGE_KINDS = {
    "inserted": "eingefügt",
    "deleted": "gestrichen",
    "modified": "geändert",
    "moved": "verschoben",
    "renumbered": "umnummeriert",
    "heading": "Überschrift geändert",
    "metadata": "Kopfdaten",
    "eid-changed": "Kennung geändert",
}
SEVERITIES = {
    "info": "Hinweis",
    "minor": "gering",
    "major": "erheblich",
    "material": "wesentlich",
}
COMPARISON = "Vergleich"
COMPARISON_WITH = "mit"
NO_CHANGES = "Keine Änderungen."
HEADER = "Kopfdaten"
HEADING = "Überschrift"
BEFORE, AFTER = "bisher", "neu"
RENUMBERED_ONLY = "Umnummeriert, Wortlaut unverändert"
# eIds that changed: whatever links to the clause (#sec_3, governedBy, other documents)
EID_CHANGED_TITLE = "Kennung geändert: Verweise auf diese Stellen brechen"
UP_TO = "bis"  # "§ 3 bis § 9 Abs. 2"
PLACES_COUNT = "{count} Stellen"
KIND_OF_CHANGE, COUNT, FACT, WEIGHT = "Art der Änderung", "Anzahl", "Angabe", "Gewicht"
CHANGE, CHANGES = "Änderung", "Änderungen"
OLD_VERSION, NEW_VERSION = "Bisherige Fassung", "Neue Fassung"
UNCHANGED, DROPPED = "unverändert", "entfällt"
UNCHANGED_NOW = "unverändert, jetzt"
OVERVIEW, SYNOPSIS = "Übersicht", "Synopse"
CONTRACT_COMPARISON = "Vertragsvergleich"
SECTIONS_LEFT_OUT = (
    "{left} weitere Abschnitt(e) ausgelassen, weil der Kommentar sonst zu lang würde. "
    "Vollständig: `lvcheck diff --format html`."
)

# ---------------------------------------------------------------- pages

CONTENTS = "Inhalt"
SKIP_TO_CONTENT = "Zum Inhalt"
FOOTNOTES = "Fußnoten"
BACK_TO_TEXT = "zurück zum Text"
TO_BE_FILLED = "auszufüllen"
TERM = "Laufzeit"
LEGAL_BASIS = "Rechtsgrundlage"
GENERATED_FROM = "Erzeugt mit lvcheck aus"
PREAMBLE_DEFAULT = "Vorwort"
SIGNATURES_DEFAULT = "Unterschriften"
ATTACHMENTS_DEFAULT = "Anlagen"
AGREEMENTS = "Leistungsvereinbarungen"
VERSIONS_BY_LAND = "{count} Fassungen, nach Land geordnet."
INDEX_COLUMNS = ("Vereinbarung", "Fassung", "Status", "Laufzeit", "Vergleich")
UNREADABLE_FILES = "Nicht lesbare Dateien"


def term_phrases(
    start: str,
    end: str | None,
    indefinite: bool,
    renewal: str | None,
    notice: str | None,
    notice_before: str | None,
) -> str:
    """The term as a reader wants it: from, until, renewal, notice."""
    text = f"ab {start}"
    if indefinite:
        text += ", unbefristet"
    elif end is not None:
        text += f" bis {end}"
    if renewal:
        text += f"; verlängert sich um {renewal}"
    if notice:
        reference = NOTICE_BEFORE.get(notice_before or "", "")
        text += f"; Kündigungsfrist {notice} {reference}".rstrip()
    return text
