"""What the diff renderers share: the title and label of a change, grouping by §,
shortening long unchanged stretches of a clause, and the summary counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from lvcheck import labels
from lvcheck.comparison.changes import ChangeKind, Clause, ClauseChange, DiffResult, EidRun, WordOp
from lvcheck.labels import CHANGE_KINDS

CONTEXT_WORDS = 12  # words kept on each side of a change inside a long clause


def clause_name(clause: Clause) -> str:
    """ "§ 10 Kindeswohl und Gewaltschutz", "§ 9 Abs. 4": the citation, and the heading if any."""
    return f"{clause.citation} {clause.heading}".strip() if clause.heading else clause.citation


def change_title(change: ClauseChange) -> str:
    """Where the change is: old → new place when it moved or was renumbered."""
    if (
        change.old is not None
        and change.new is not None
        and change.old.citation != change.new.citation
    ):
        return f"{clause_name(change.old)} → {change.new.citation}"
    clause = change.new or change.old
    assert clause is not None
    return clause_name(clause)


def change_label(change: ClauseChange) -> str:
    """ "verschoben, umnummeriert, geändert"."""
    words = [CHANGE_KINDS[change.kind]]
    words += [
        CHANGE_KINDS[a]
        for a in change.aspects
        if a not in (change.kind, ChangeKind.INSERTED, ChangeKind.DELETED)
    ]
    return ", ".join(dict.fromkeys(words))


def top_level(change: ClauseChange) -> str:
    """The § (or other top unit) a change belongs to, for grouping."""
    clause = change.new or change.old
    assert clause is not None
    return clause.top


def elide(ops: tuple[WordOp, ...]) -> list[WordOp]:
    """Long unchanged stretches keep CONTEXT_WORDS words on each side and an ellipsis."""
    shown: list[WordOp] = []
    for position, op in enumerate(ops):
        words = op.new.split(" ")
        if op.op != "equal" or len(words) <= 2 * CONTEXT_WORDS + 4:
            shown.append(op)
            continue
        head = "" if position == 0 else " ".join(words[:CONTEXT_WORDS]) + " "
        tail = "" if position == len(ops) - 1 else " " + " ".join(words[-CONTEXT_WORDS:])
        text = f"{head}…{tail}"
        shown.append(WordOp("equal", text, text))
    return shown


def inline_words(
    ops: tuple[WordOp, ...],
    mark: Callable[[str, str], str],
    quote: Callable[[str], str] = str,
    gap: str = " ",
) -> str:
    """A word diff on one line: ``mark(words, "del" | "ins")`` around changed words,
    ``quote`` on every text (escaping), ``gap`` between deleted and inserted words."""
    parts = []
    for op in elide(ops):
        if op.op == "equal":
            parts.append(quote(op.new))
            continue
        old, new = op.old.strip(), op.new.strip()
        if old:
            parts.append(mark(quote(old), "del") + (gap if new else ""))
        if new:
            parts.append(mark(quote(new), "ins"))
        trailing = op.new if new else op.old
        parts.append(" " if trailing.endswith(" ") else "")
    return "".join(parts).strip()


def subtree_text(change: ClauseChange) -> list[tuple[str, str]]:
    """(label, text) of an inserted or deleted clause and each of its sub-clauses; the
    clause itself is named by the change's title, so its own text has no label."""
    clause = change.new or change.old
    assert clause is not None
    parts = [("", clause.text)] if clause.text else []
    for member in change.subtree:
        if member.text or member.heading:
            label = " ".join(p for p in (member.num, member.heading) if p)
            parts.append((label, member.text))
    return parts


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def summary(result: DiffResult) -> Summary:
    """How many clauses (header facts) changed, by kind; a clause whose eId changed
    counts there too, whatever else happened to it."""
    counts: Counter[str] = Counter(change.kind for change in result.changes)
    counts["renumbered"] += sum(len(run.pairs) for run in result.renumbered)
    counts["eid-changed"] += sum(len(run.pairs) for run in result.eid_changed)
    counts["metadata"] += len(result.metadata)
    order = ["inserted", "deleted", "modified", "moved", "renumbered", "eid-changed", "metadata"]
    return Summary({kind: counts[kind] for kind in order if counts[kind]})


def eid_run_line(run: EidRun) -> str:
    """ "§§ 3–9 → §§ 4–10: sec_3 … sec_9 → sec_4 … sec_10 (12 Stellen)"."""
    where = (
        run.new_label if run.old_label == run.new_label else f"{run.old_label} → {run.new_label}"
    )
    count = f" ({labels.PLACES_COUNT.format(count=len(run.pairs))})" if len(run.pairs) > 1 else ""
    return f"{where}: {run.eids}{count}"
