"""The one vocabulary of the document: kinds of unit, of inline span, of relation, status.

Every other module names these through the enums here, never as loose strings. They are
StrEnums, so a member equals its XML name ("section") and prints as it.
"""

from __future__ import annotations

from enum import StrEnum


class UnitKind(StrEnum):
    """The citable hierarchy, outermost first (Akoma Ntoso names)."""

    PART = "part"
    SECTION = "section"
    SUBSECTION = "subsection"
    PARAGRAPH = "paragraph"
    POINT = "point"
    HCONTAINER = "hcontainer"


UNIT_KINDS: frozenset[str] = frozenset(UnitKind)

# Inline elements that mark up running text without a target of their own.
SPAN_KINDS = ("b", "i", "u", "sup", "docTitle", "party", "role", "person", "location")


class Place(StrEnum):
    """Parts of a document that are not units but can hold a finding or a change."""

    META = "meta"
    PREFACE = "preface"
    PREAMBLE = "preamble"
    LIST = "list"
    NOTE = "note"
    CONCLUSIONS = "conclusions"
    SIGNATURE = "signature"
    ATTACHMENTS = "attachments"
    ATTACHMENT = "attachment"


# AKN's eId prefix of each element that carries an eId.
EID_PREFIXES: dict[str, str] = {
    UnitKind.PART: "part",
    UnitKind.SECTION: "sec",
    UnitKind.SUBSECTION: "subsec",
    UnitKind.PARAGRAPH: "para",
    UnitKind.POINT: "point",
    UnitKind.HCONTAINER: "hcontainer",
    Place.LIST: "list",
    "authorialNote": "note",
    Place.SIGNATURE: "sig",
    Place.ATTACHMENT: "att",
    Place.PREAMBLE: "preamble",
    Place.CONCLUSIONS: "conclusions",
    Place.ATTACHMENTS: "attachments",
    "quotedStructure": "qstr",
}


class Kind(StrEnum):
    """What a file is (the header's <version kind>); whether it is illustrative is said
    apart, by <version example="true">."""

    TEMPLATE = "template"
    INSTANCE = "instance"
    AMENDMENT = "amendment"


class Status(StrEnum):
    """Where a version stands in time, as stored (<version status>); lvcheck computes it
    on any date from the term and the relations (timeline) and reports a contradiction."""

    DRAFT = "draft"
    SIGNED = "signed"
    IN_FORCE = "inForce"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    TERMINATED = "terminated"


class RelationKind(StrEnum):
    SUPERSEDES = "supersedes"
    SUPERSEDED_BY = "supersededBy"
    BASED_ON = "basedOn"
    AMENDS = "amends"
    CONSOLIDATES = "consolidates"
    INCORPORATES = "incorporates"


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    POSTAL_CODE = "postalCode"
    PHONE = "phone"
    EMAIL = "email"
    CHOICE = "choice"
    TIME_RANGE = "timeRange"
    SIGNATURE = "signature"
    PLACE_DATE = "placeDate"  # "Ort, Datum": a place and the date of signing
