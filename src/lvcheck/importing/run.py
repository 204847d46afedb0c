"""One import: a source read, its text structured, its clauses identified (a new work, an
instance of a template, the next version of a previous one), the header proposed, the
result written canonically, checked against the XSD and word for word against the source.

What the import reports (comments counted, tracked changes taken, fields filled, departures
from a template, header facts to fill in) comes back as diagnostics; what stops it (a
missing or invented word, an invalid result, pending tracked changes) is raised.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import NamedTuple

from lvcheck import codes
from lvcheck.document.canonical import serialize
from lvcheck.document.model import Agreement
from lvcheck.document.write import write_agreement
from lvcheck.errors import Diagnostic, LvcheckError, Severity
from lvcheck.importing.draft import Text, read_text
from lvcheck.importing.fidelity import Fidelity, agreement_words, compare, source_words
from lvcheck.importing.header import header
from lvcheck.importing.options import Options
from lvcheck.importing.source import Source

_LAND_WORDS = (
    (r"\bBayer(?:n|isch\w*|\.)|\bBayKiBiG\b|\bBezirk\b", "DE-BY"),
    (r"\bNRW\b|Nordrhein-Westfalen|\bKiBiz\b|Landschaftsverband (?:Rheinland|Westfalen)", "DE-NW"),
)


class Imported(NamedTuple):
    agreement: Agreement
    xml: bytes  # canonical, as lvcheck fmt writes it
    source: Source
    fidelity: Fidelity
    notes: tuple[Diagnostic, ...]  # what the import reports (info and warnings)
    unchanged: bool = False  # --onto: the source says word for word what the previous says


def read_source(data: bytes, label: str, accept: bool | None) -> Source:
    """The source's paragraphs, by what the bytes are (a PDF, a Word package, text)."""
    suffix = PurePath(label).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        from lvcheck.importing.pdf import read_pdf

        return read_pdf(data, label)
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or suffix in (
        ".docx",
        ".docm",
        ".dotx",
    ):
        from lvcheck.importing.word import read_docx

        return read_docx(data, label, accept)
    from lvcheck.document.parse import MAX_BYTES
    from lvcheck.importing.plain import read_markdown, read_text

    if len(data) > MAX_BYTES:
        raise LvcheckError(
            label,
            1,
            1,
            codes.TOO_LARGE,
            f"is a text larger than {MAX_BYTES // 2**20} MiB; expected an agreement",
        )
    if suffix in (".md", ".markdown"):
        return read_markdown(data, label)
    return read_text(data, label)


def jurisdiction_of(text: Text, label: str, given: str | None) -> str:
    """The Land: as given, else from the words (the Land's statutes and authorities)."""
    if given:
        return given
    from lvcheck.importing.fidelity import text_words

    words = " ".join(text_words(text.preface or (), text.body[:3]))
    words += " " + " ".join(p.name or "" for p in text.parties)
    found = {land for pattern, land in _LAND_WORDS if re.search(pattern, words)}
    if len(found) == 1:
        return found.pop()
    raise LvcheckError(
        label,
        1,
        1,
        codes.IMPORT_LAND_UNKNOWN,
        "cannot tell from the words which Land's agreement this is; name it with "
        "--into contracts/LAND/ or --jurisdiction DE-XX",
    )


def work_of(label: str, given: str | None) -> str:
    from lvcheck.importing.fields import slug

    return given or slug(Path(label).stem, "-") or "vereinbarung"


def _check(agreement: Agreement, source: Source, label: str) -> tuple[bytes, Fidelity]:
    from lvcheck.document.load import load_agreement_bytes
    from lvcheck.document.schema import schema_diagnostics

    tree = write_agreement(agreement)
    found = schema_diagnostics(tree, label)
    if found:
        raise LvcheckError.from_diagnostics(found)
    xml = serialize(tree)
    result = load_agreement_bytes(xml, label)  # what a reader of the file will read
    fidelity = compare(source_words(source), agreement_words(result))
    if not fidelity.exact:
        raise LvcheckError.from_diagnostics(fidelity_diagnostics(fidelity, source.path, label))
    return xml, fidelity


def fidelity_diagnostics(fidelity: Fidelity, source: str, agreement: str) -> tuple[Diagnostic, ...]:
    """One error per run of missing or invented words, at its place."""
    found = [
        Diagnostic(
            source,
            gap.line,
            1,
            codes.IMPORT_MISSING_WORD,
            f"missing in {agreement}: {_quoted(gap.words)}",
        )
        for gap in fidelity.missing
    ]
    found += [
        Diagnostic(
            agreement,
            gap.line,
            1,
            codes.IMPORT_INVENTED_WORD,
            f"not in {source}: {_quoted(gap.words)}",
        )
        for gap in fidelity.invented
    ]
    return tuple(found)


def _quoted(words: tuple[str, ...]) -> str:
    shown = " ".join(words)
    return repr(shown if len(shown) <= 120 else shown[:117] + "…")


def import_document(data: bytes, label: str, options: Options | None = None) -> Imported:
    """Import one source. Raises LvcheckError when it cannot be read, when tracked changes
    are pending, or when the agreement would not keep its words word for word."""
    options = options or Options()
    source = read_source(data, label, options.accept_changes)
    if not source_words(source):
        raise LvcheckError(label, 1, 1, codes.IMPORT_EMPTY, "holds no words; expected an agreement")
    text = read_text(source)
    notes = list(_source_notes(source, options.accept_changes))
    if options.template is not None or options.onto is not None:
        from lvcheck.importing.identity import identified

        done = identified(text, source, options, notes, work_of(label, options.work))
        xml, fidelity = _check(done.agreement, source, label)
        return Imported(done.agreement, xml, source, fidelity, tuple(notes), done.unchanged)
    if not text.parties:
        raise LvcheckError(
            label,
            1,
            1,
            codes.IMPORT_NO_PARTIES,
            "the words name no party to the agreement; import it --onto or --template an "
            "agreement that names them",
        )
    land = jurisdiction_of(text, label, options.jurisdiction)
    proposed = header(text, work_of(label, options.work), land)
    agreement = Agreement(
        meta=proposed.meta,
        body=text.body,
        preface=text.preface,
        preamble=text.preamble,
        conclusions=text.conclusions,
        attachments=text.attachments,
    )
    for fact in proposed.missing:
        notes.append(
            Diagnostic(
                label,
                1,
                1,
                codes.IMPORT_TO_FILL_IN,
                f"the words state no {fact}: to fill in",
                Severity.INFO,
            )
        )
    xml, fidelity = _check(agreement, source, label)
    return Imported(agreement, xml, source, fidelity, tuple(notes))


def _source_notes(source: Source, accept: bool | None) -> list[Diagnostic]:
    found = []
    if source.pending:
        authors = sorted({author for _, author in source.pending if author})
        who = f" (by {', '.join(authors)})" if authors else ""
        view = "accepted" if accept else "rejected"
        found.append(
            Diagnostic(
                source.path,
                1,
                1,
                codes.DOCX_CHANGES_TAKEN,
                f"{len(source.pending)} tracked change(s) {view}{who}",
                Severity.INFO,
            )
        )
    if source.comments:
        found.append(
            Diagnostic(
                source.path,
                1,
                1,
                codes.DOCX_COMMENTS,
                f"{source.comments} comment(s) counted, not imported",
                Severity.INFO,
            )
        )
    return found
