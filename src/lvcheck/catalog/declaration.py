"""The record of a declaration file: a notice (Kündigung), its withdrawal or rejection, or
a request to negotiate (Aufforderung zu Verhandlungen, § 126 Abs. 1 SGB IX), as received.
Small and picklable, like an agreement's Record: validation makes it in its workers."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple

from lxml import etree

from lvcheck.document.citation import text_of
from lvcheck.document.dates import parse_date
from lvcheck.document.parse import NAMESPACE

NS = f"{{{NAMESPACE}}}"


class DeclarationKind(StrEnum):
    NOTICE = "notice"
    WITHDRAWAL = "withdrawal"
    REJECTION = "rejection"
    NEGOTIATION_REQUEST = "negotiationRequest"


class Form(StrEnum):
    WRITTEN = "written"  # signed by hand (§ 126 BGB)
    ELECTRONIC = "electronic"  # qualified electronic signature (§ 36a Abs. 2 SGB I)
    TEXT_FORM = "textForm"  # e-mail, fax (§ 126b BGB)
    ORAL = "oral"

    @property
    def is_written(self) -> bool:
        """Whether it satisfies a statutory written form (§ 126 BGB, § 36a Abs. 2 SGB I)."""
        return self in (Form.WRITTEN, Form.ELECTRONIC)


class Grounds(StrEnum):
    ORDINARY = "ordinary"  # under the agreement's notice clause
    EXTRAORDINARY = "extraordinary"  # without notice, § 130 SGB IX
    CHANGED_CIRCUMSTANCES = "changedCircumstances"  # § 59 Abs. 1 SGB X


class Declaration(NamedTuple):
    """A declaration as the catalog knows it."""

    path: str
    id: str
    kind: str  # a DeclarationKind
    line: int  # of its <declared>, where findings about it are reported
    title: str
    example: bool
    work: str  # the agreement it concerns
    version: str | None  # its version; None: the version in force when it was received
    sender: str  # party ids of the agreement
    recipient: str
    received: date | None  # Zugang (§ 130 BGB); None only where the date is malformed
    dated: date | None
    form: str  # a Form
    grounds: str | None = None  # a Grounds, for a notice
    clause: str | None = None  # the eId of the clause it relies on
    statute: tuple[str, str] | None = None  # (statute, section) it relies on
    end: date | None = None  # the end a notice names
    next_possible: bool = False  # "zum nächstmöglichen Zeitpunkt"
    answers: str | None = None  # the declaration a withdrawal or rejection answers
    consented: date | None = None  # the other side's consent to a late withdrawal
    line_of: tuple[tuple[str, int], ...] = ()  # (element name, line) for findings

    def line_at(self, name: str) -> int:
        return dict(self.line_of).get(name, self.line)


def declaration_of(root: etree._Element, path: str) -> Declaration | None:
    """The record of a schema-valid declaration tree; None for any other tree."""
    meta = root.find(NS + "meta")
    declared = meta.find(NS + "declared") if meta is not None else None
    if meta is None or declared is None:
        return None

    def child(name: str) -> etree._Element | None:
        return meta.find(NS + name)

    def day(name: str) -> date | None:
        element = child(name)
        return parse_date(element.get("date")) if element is not None else None

    def attribute(name: str, attribute: str) -> str | None:
        element = child(name)
        return element.get(attribute) if element is not None else None

    grounds = child("grounds")
    statute = None
    if grounds is not None and grounds.get("statute"):
        statute = (grounds.get("statute", ""), grounds.get("section", ""))
    lines = tuple(
        (element.tag.rpartition("}")[2], element.sourceline or 1)
        for element in meta
        if isinstance(element.tag, str)
    )
    return Declaration(
        path=path,
        id=declared.get("id", ""),
        kind=declared.get("kind", ""),
        line=declared.sourceline or 1,
        title=text_of(child("title")),
        example=declared.get("example") == "true",
        work=attribute("concerns", "work") or "",
        version=attribute("concerns", "version"),
        sender=attribute("from", "party") or "",
        recipient=attribute("to", "party") or "",
        received=day("received"),
        dated=day("dated"),
        form=attribute("form", "value") or "",
        grounds=grounds.get("type") if grounds is not None else None,
        clause=grounds.get("clause") if grounds is not None else None,
        statute=statute,
        end=day("end"),
        next_possible=attribute("end", "nextPossible") == "true",
        answers=attribute("answers", "declaration"),
        consented=day("consented"),
        line_of=lines,
    )
