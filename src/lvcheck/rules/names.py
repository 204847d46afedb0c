"""Names that other parts point at are declared once: field names, party ids and
document ids (LV306). The shipped XSD says the same with xs:unique for XML editors."""

from __future__ import annotations

from lvcheck import codes
from lvcheck.rules.base import Document, Findings

# (element names, the attribute that names them, how a lawyer calls it)
DECLARATIONS = (
    (("field", "fillIn"), "name", "field name"),
    (("party",), "id", "party id"),
    (("document",), "id", "document id"),
)


def check(document: Document) -> Findings:
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
