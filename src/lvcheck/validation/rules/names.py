"""Names that other parts point at are declared once (LV306: field names, party ids,
document ids; the shipped XSD says the same with xs:unique for XML editors), and every
use of a party or field names one that is declared (LV316)."""

from __future__ import annotations

from lvcheck import codes
from lvcheck.validation.rules.base import Document, Findings

# (element names, the attribute that names them, how a lawyer calls it)
DECLARATIONS = (
    (("field", "fillIn"), "name", "field name"),
    (("party",), "id", "party id"),
    (("document",), "id", "document id"),
)


# (elements that use a name, the attribute that holds it, what it must name, message)
USES = (
    (
        ("party", "role", "person", "location"),
        "refersTo",
        "party",
        "refersTo {!r} is not a party declared in <parties>",
    ),
    (
        ("signature",),
        "party",
        "party",
        "signature of party {!r}, which is not declared in <parties>",
    ),
    (("party", "start", "end"), "field", "field", "field {!r} does not exist in the document"),
)


def _uses(document: Document) -> Findings:
    declared = {
        "party": {p.get("id") for p in document.all("party") if p.get("id")},
        "field": {f.get("name") for f in document.all("field") + document.all("fillIn")},
    }
    for element_names, attribute, kind, message in USES:
        for name in element_names:
            for element in document.all(name):
                value = element.get(attribute)
                if value is not None and value not in declared[kind]:
                    yield document.report(
                        codes.UNKNOWN_PARTY_OR_FIELD, element, message.format(value)
                    )


def check(document: Document) -> Findings:
    yield from _uses(document)
    for element_names, attribute, label in DECLARATIONS:
        first_line: dict[str, int] = {}
        for name in element_names:
            for element in document.all(name):
                value = element.get(attribute)
                if value is None:
                    continue  # <party refersTo=…> in running text declares nothing
                if value in first_line:
                    yield document.report(
                        codes.DUPLICATE_NAME,
                        element,
                        f"{label} {value!r} is declared twice (first on line {first_line[value]})",
                    )
                else:
                    first_line[value] = element.sourceline or 0
