"""An instance says, word for word, what its template says, outside the fields it fills
(LV360); where the parties agreed a departure and recorded it with its reason in
<deviations>, the departure is information, not an error (LV361).

Most instances conform, and proving it costs one hash per file (repository.content_key):
only where the hashes differ are the two loaded and compared with the diff's own word
engine, so the findings show the words deleted and inserted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lvcheck import codes
from lvcheck.catalog.record import Record
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.validation.rules.repository import HEADER

if TYPE_CHECKING:  # the model and the diff are loaded only for an instance that departs
    from lvcheck.catalog.catalog import Catalog
    from lvcheck.comparison.changes import ClauseChange, WordOp
    from lvcheck.document.model import Agreement

LONGEST_WORDS = 160  # characters of deleted or inserted words quoted in a message


def _quoted(words: str) -> str:
    words = " ".join(words.split())
    return repr(words if len(words) <= LONGEST_WORDS else words[: LONGEST_WORDS - 1] + "…")


def _words(ops: tuple[WordOp, ...]) -> str:
    """ "deletes 'fünf', inserts 'zehn'": the changed words of a departure."""
    parts = []
    for op in ops:
        if op.op == "equal":
            continue
        if op.old.strip():
            parts.append(f"deletes {_quoted(op.old)}")
        if op.new.strip():
            parts.append(f"inserts {_quoted(op.new)}")
    return ", ".join(parts)


def _what(change: ClauseChange) -> str:
    if change.old is None and change.new is not None:
        return f"adds {_quoted(change.new.text or change.new.heading)}"
    if change.new is None and change.old is not None:
        return f"leaves out {_quoted(change.old.text or change.old.heading)}"
    return _words(change.heading_words + change.words) or "moves it"


def _findings(instance: Record, template: Record, loaded: dict[str, Agreement]) -> list[Diagnostic]:
    from lvcheck.comparison.engine import diff_agreements
    from lvcheck.document.load import load_agreement

    try:
        if template.path not in loaded:  # one template serves many instances
            loaded[template.path] = load_agreement(Path(template.path))
        base, filled = loaded[template.path], load_agreement(Path(instance.path))
    except LvcheckError:
        return []  # the file's own findings say why it cannot be read
    reasons = {d.clause: d.reason for d in filled.meta.deviations or ()}
    result = diff_agreements(base, filled, template.path, instance.path, against_template=True)
    found = []
    for change in result.changes:
        clause = change.new or change.old
        assert clause is not None
        line = change.new.line if change.new is not None else instance.line
        what = f"{clause.citation} departs from the template ({template.path}): {_what(change)}"
        if clause.eid in reasons:
            code, message = codes.AGREED_DEVIATION, f"{what}; agreed: {reasons[clause.eid]}"
        else:
            code, message = codes.TEMPLATE_DEPARTURE, what
        found.append(
            Diagnostic(
                instance.path,
                line or instance.line,
                1,
                code,
                message,
                codes.CODES[code].severity,
                clause.citation,
            )
        )
    for fact in result.metadata:
        found.append(
            Diagnostic(
                instance.path,
                instance.line,
                1,
                codes.TEMPLATE_DEPARTURE,
                f"the header departs from the template ({template.path}): {fact.label} "
                f"{fact.old or '—'!r} → {fact.new or '—'!r}",
                codes.CODES[codes.TEMPLATE_DEPARTURE].severity,
                HEADER,
            )
        )
    return found


Pair = tuple[Record, Record]  # (instance, template)


def departing(catalog: Catalog, keys: dict[str, str], asked: set[str] | None = None) -> list[Pair]:
    """(instance, template) of every instance (among ``asked``, the files whose findings are
    wanted) whose content key (``keys``, by path) differs from its template's: only these are
    compared in words. An instance whose template cannot be resolved is LV323's."""
    pairs = []
    for instance in catalog.records:
        if not instance.is_instance or (asked is not None and instance.path not in asked):
            continue
        template = catalog.template_of(instance)
        if template is not None and keys.get(template.path) != keys.get(instance.path):
            pairs.append((instance, template))
    return pairs


def batches(pairs: list[Pair], count: int) -> list[list[Pair]]:
    """The pairs in about ``count`` batches, the instances of one template together so that
    each batch reads the template once."""
    ordered = sorted(pairs, key=lambda pair: (pair[1].path, pair[0].path))
    size = max(1, -(-len(ordered) // max(1, count)))
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


def findings(pairs: list[Pair]) -> list[Diagnostic]:
    """The departures of instances from their templates, in words (picklable: the engine
    runs batches of pairs in its worker processes). A template is read once per batch: the
    memory lives as long as the batch, never longer than one call."""
    loaded: dict[str, Agreement] = {}
    return [d for instance, template in pairs for d in _findings(instance, template, loaded)]


def check(
    catalog: Catalog, keys: dict[str, str], asked: set[str] | None = None
) -> list[Diagnostic]:
    """Departures of every instance (among ``asked``) from the template it is based on."""
    return findings(departing(catalog, keys, asked))
