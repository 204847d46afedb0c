"""Stable diagnostic codes. A code never changes meaning once released.

LV1xx: the file cannot be read as an agreement at all (exit status 2 or 1, see cli).
LV2xx: the document does not match the schema.
"""

from __future__ import annotations

UNREADABLE = "LV101"
NOT_WELL_FORMED = "LV102"
FORBIDDEN_MARKUP = "LV103"
WRONG_ROOT = "LV104"
TOO_LARGE = "LV105"
SCHEMA = "LV201"

DESCRIPTIONS: dict[str, str] = {
    UNREADABLE: "the file cannot be read (missing, a folder, no permission)",
    NOT_WELL_FORMED: "the file is not well-formed XML in UTF-8 (or its declared encoding)",
    FORBIDDEN_MARKUP: "DOCTYPE or entity declarations, which could load or expand content",
    WRONG_ROOT: "the root element is not an lvcheck <agreement> in the lvcheck namespace",
    TOO_LARGE: "the file is larger than lvcheck accepts",
    SCHEMA: "the document does not match the lvcheck XSD",
}
