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

KINDS = {
    "template": "Vorlage",
    "instance": "Vereinbarung",
    "amendment": "Nachtrag",
}
STATUS = {
    "draft": "Entwurf",
    "signed": "unterzeichnet",
    "inForce": "in Kraft",
    "expired": "ausgelaufen",
    "superseded": "ersetzt",
    "terminated": "gekündigt",
}
TEMPLATE_STATUS = {  # a template is used, not in force
    "draft": "Entwurf",
    "inForce": "in Gebrauch",
    "superseded": "ersetzt",
    "expired": "nicht mehr in Gebrauch",
    "terminated": "zurückgezogen",
    "signed": "beschlossen",
}


def status_text(kind: str, status: str) -> str:
    """ "Vorlage, in Gebrauch", "Vereinbarung, in Kraft": what a file is and where it stands."""
    words = TEMPLATE_STATUS if kind == "template" else STATUS
    return f"{KINDS.get(kind, kind)}, {words.get(status, status)}"


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
    "version.kind": "Art",
    "version.example": "Beispiel",
    "version.digest": "Prüfsumme des unterzeichneten Textes",
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
    "figures": "Vereinbarte Zahl",
    "deviations": "Vereinbarte Abweichung",
}
FIELD = "Feld"
VERSION = "Fassung"
GOVERNED_IN = "geregelt in"
# when a successor takes a version's place (<supersededBy upon>)
UPON = {"conclusion": "mit dessen Abschluss", "start": "mit dessen Beginn"}
UNSTATED_UPON = "(ohne Zeitpunkt)"
EXAMPLE_BANNER = "Illustratives Beispiel: kein echter Vertragstext bzw. erfundene Angaben."
# the first line of an illustrative file's reading text (export, git diff through textconv)
EXAMPLE_FIRST_LINE = "BEISPIEL – " + EXAMPLE_BANNER
REMARK = "Anmerkung"  # before a note on a clause: an agreed deviation, an amendment
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
CHANGE_OF = "Änderung {number} von {total}"
PREVIOUS_CHANGE, NEXT_CHANGE = "vorige Änderung", "nächste Änderung"
LIST_OF_CHANGES = "Liste der Änderungen"
ONLY_MATERIAL = "Nur wesentliche Änderungen zeigen"
CHANGE_LIST_COLUMNS = ("Nr.", "Fundstelle", "Art", "Gewicht")
PAGE_PARTS = "Teile dieser Seite"
MOVED_TO, MOVED_FROM = "verschoben nach", "verschoben von"
SECTIONS_LEFT_OUT = (
    "{left} weitere Abschnitt(e) ausgelassen, weil der Kommentar sonst zu lang würde. "
    "Vollständig: `lvcheck diff --format html`."
)

# ---------------------------------------------------------------- pages

CONTENTS = "Inhalt"
CONTENTS_LANDMARK = "Inhaltsverzeichnis"
LINK_TO = "Link zu {citation}"
CHOSEN, NOT_CHOSEN = "angekreuzt", "nicht angekreuzt"
STAND = "Stand"
UNDATED = "ohne Datum"
SITE_NAVIGATION = "Website"
ALL_AGREEMENTS = "Alle Vereinbarungen"
REPLACED_BY = "Ersetzt durch"
A_NEWER_VERSION = "eine neuere Fassung"
NO_LONGER_IN_FORCE = "Nicht mehr in Kraft"
TERM_ENDED = "Laufzeit endete am {date}"
TEMPLATE, PREDECESSOR, SUCCESSOR = "Vorlage", "Vorgänger", "Nachfolger"
AMENDMENTS, AMENDS = "Nachträge", "Ändert"
READING_VERSION = "Lesefassung (mit den Nachträgen in Kraft am {date})"
AMENDED_BANNER = "Diese Fassung ist geändert durch"
READ_CONSOLIDATED = "Lesefassung mit den Änderungen"
READING_VERSION_SHORT = "Lesefassung"
SIGNED_TEXT = "Unterzeichneter Text"
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
INDEX_COLUMNS = ("Vereinbarung", "Fassung", "Status", "Stand", "Laufzeit")
KIND_GROUPS = {"template": "Vorlagen", "instance": "Vereinbarungen", "amendment": "Nachträge"}
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


# ---------------------------------------------------------------- time

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTH_NAMES = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
DEADLINE_KINDS = {
    "start": "Beginn",
    "end": "Ende der Laufzeit",
    "renewal": "Verlängerung",
    "notice": "Kündigungsfrist",
    "duty": "Pflicht",
    "termination": "Ende durch Kündigung",
}
START_SUMMARY = "Beginn der Laufzeit"
END_SUMMARY = "Ende der Laufzeit"
END_RENEWING_SUMMARY = "Ende des Vereinbarungszeitraums (verlängert sich ohne Kündigung)"
RENEWAL_SUMMARY = "Verlängerung um {period} bis {until}, wenn nicht fristgerecht gekündigt"
BEFORE_START = "vor Beginn der Laufzeit am {start}"
NOTICE_SUMMARY = "Letzter Tag für die Kündigung zum {end}"
NOTICE_DETAIL = (
    "Die Kündigung muss der anderen Vertragspartei spätestens an diesem Tag zugehen "
    "({period} {reference}){form}."
)
HOLIDAY = "Feiertag"
NOT_MOVED = "Die Frist verschiebt sich nach h. M. nicht (BGH, 17.02.2005, III ZR 172/04)."
NOT_MOVED_SHORT = "verschiebt sich nicht: Zugang spätestens am {weekday}, {date} sichern"
DUE_ON = "fällig am {date} (§ 193 BGB)"
DEADLINES_TITLE = "Fristen"
ICS_NAME = "Fristen der Leistungsvereinbarungen"
ALARM = "Erinnerung: {summary} am {day}"
NO_DEADLINES = "Keine Fristen zwischen {start} und {end}."
DEADLINES_HEADER = "Fristen vom {start} bis {end}"
PENDING = "wird ersetzt durch {work}, sobald dieser in Kraft tritt{where}"
PENDING_ON_CONCLUSION = "tritt mit Abschluss von {work} außer Kraft{where}"
SUCCESSOR_ADOPTED = (
    "Vorlage abgelöst: Nachfolger {work} liegt{since} vor (neueste Fassung {version}{cited}) "
    "– neue Vereinbarungen nach dem Nachfolger schließen"
)
SINCE_THE = "seit dem"
# a duty fallen due because the successor is adopted (lvcheck status, page Fristen)
DUE_ON_SUCCESSOR = (
    "{duty} steht aus; nach {citation} ist er {when} zu schließen – {work} liegt seit dem "
    "{since} vor (neueste Fassung {version}): „{words}“"
)
DUE_ON_SUCCESSOR_UNDATED = (
    "{duty} steht aus; nach {citation} ist er {when} zu schließen – {work} liegt vor "
    "(Fassung {version}; {missing}): „{words}“"
)
DATE_MISSING = "Datum der Fassung fehlt"
OUTSTANDING = "Ausstehend"
DUE_COLUMNS = ("Ausstehend seit", "Pflicht", "Vereinbarung", "Bestimmung", "Wortlaut")
DEADLINE_COLUMNS = ("Datum", "Frist", "Vereinbarung", "Bestimmung", "Hinweis")
DRAFT_PAST_START = "Entwurf, obwohl die Laufzeit am {start} begonnen hat"
GAP = (
    "{name} am {day} abgeschlossen, tritt aber erst am {start} in Kraft; {according} endet "
    "diese Vereinbarung schon mit dem Abschluss – für die Zeit dazwischen Fortgeltung oder "
    "früheres Inkrafttreten klären"
)
BY_THE_WORDS_OF, BY_THE_HEADER = "nach dem Wortlaut von {citation}", "nach den Kopfdaten"
STORED_DIFFERS = "gespeicherter Status „{stored}“ stimmt nicht"
NO_VERSION_IN_FORCE = "keine Fassung in Kraft"
STATUS_HEADER = "Stand am {day}"
SINCE, UNTIL = "seit", "bis"
INDEFINITE = "auf unbestimmte Zeit"
BEYOND_CALENDAR = (
    "Laufzeit über das Jahr 9999 hinaus: der Stand an diesem Tag ist nicht berechenbar"
)
NEXT_NOTICE = "nächste Kündigung zum {end}: sie muss spätestens am {day} zugehen ({citation})"
RENEWAL_TERM = "{term}. Verlängerung"
REPLACED_BY_WORK = "ersetzt durch {work}"
CHANGED_BY = "geändert durch {amendment}"
PENDING_CHANGE = "Änderung ausstehend: {amendment}"
CONSOLIDATED = "konsolidierte Fassung"
CONSOLIDATED_NOTE = (
    "Konsolidierte Fassung, von lvcheck berechnet: Fassung {base} mit {amendments}. "
    "Rechtsverbindlich sind die unterzeichneten Texte."
)
HISTORY_HEADER = "Geschichte von {clause}"
HISTORY_NOT_FOUND = "Keine Fassung enthält diese Bestimmung."
HISTORY_ABSENT = "(in dieser Fassung nicht enthalten)"
SINCE_DAY = "ab"
AMENDED_SINCE = "geändert durch {title}, in Kraft seit {day}"
AMENDED_FROM = "Änderung ausstehend: {title}, tritt am {day} in Kraft"
# ---------------------------------------------------------------- review of a pull request

REVIEW_TITLE = "Vertragsänderungen"
REVIEW_COLUMNS = ("Datei", "Vorgang", "Vereinbarung, Fassung", "verglichen mit", "Ergebnis")
FILE_STATUSES = {
    "added": "neu",
    "modified": "geändert",
    "renamed": "umbenannt",
    "deleted": "gelöscht",
}
PAIRINGS = {  # the version a file is compared with
    "sameFile": "bisherige Fassung",
    "supersedes": "ersetzte Fassung",
    "supersededBy": "ersetzte Fassung (laut deren Kopfdaten)",
    "basedOn": "Vorlage (nur Abweichungen)",
}
NO_AGREEMENT_CHANGED = "Keine Vereinbarung geändert."
NO_EARLIER_VERSION = "neue Vereinbarung, keine frühere Fassung"
FILE_DELETED = "Datei gelöscht"
RENAMED_FROM = "von"  # "umbenannt (von `contracts/alt.xml`)"
UNREADABLE = "nicht lesbar"
COMPARED_WITH = "verglichen mit"
MORE_FILES = "… und {left} weitere Datei(en)"
REVIEW_LEFT_OUT = (
    "{left} Abschnitt(e) ausgelassen, weil ein Kommentar höchstens 65.536 Zeichen fasst. "
    "Vollständig: `lvcheck review {base} {head}`."
)
SUBSCRIBE = "Kalender abonnieren (fristen.ics)"
DEADLINES_LINK = "Fristen der nächsten zwölf Monate"

# ---------------------------------------------------------------- Word (.docx)
PAGE_OF = "Seite {page} von {pages}"
TO_BE_FILLED_FIELD = "{name} (auszufüllen)"  # the title of an empty field's content control
REDLINE_TEXT = "Wortlaut mit Änderungen im Überarbeitungsmodus"
REDLINE_HINT = "Alle annehmen ergibt die neue Fassung, alle ablehnen die bisherige, Wort für Wort."
REVISIONS_BY = "Überarbeitungen von {author}, {date}"
DATED, WITH_EFFECT_FROM = "vom {day}", "mit Wirkung vom {day}"  # vom: the day it was concluded
INSERTED_BY = "eingefügt durch {amendment}"
REVIEW_WARNING = "Warnung: unterzeichneter Text geändert"
