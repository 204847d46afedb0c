"""Amendments apply cleanly to their base (LV390: every target exists, the old words stand
there exactly once, the quoted units are there), and a consolidated text kept in the
repository is exactly what its base and amendments give (LV391)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lvcheck import codes
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.validation.rules.repository import HEADER, VersionFacts

if TYPE_CHECKING:  # loaded only where a repository has amendments or consolidated texts
    from lvcheck.timeline.consolidate import Amendment


def _load(facts: VersionFacts) -> Amendment | None:
    from lvcheck.document.load import load_agreement
    from lvcheck.timeline.consolidate import Amendment

    try:
        return Amendment(load_agreement(Path(facts.path)), facts.path)
    except LvcheckError:
        return None  # the file's own findings say why it cannot be read


def check(facts: list[VersionFacts], asked: set[str] | None = None) -> list[Diagnostic]:
    """LV390 and LV391 for the amendments and consolidated texts among ``asked`` (the files
    whose findings are wanted; all when None)."""
    wanted = [f for f in facts if asked is None or f.path in asked]
    if not any(f.kind == "amendment" or f.related("consolidates") for f in wanted):
        return []
    from lvcheck.document.canonical import serialize
    from lvcheck.document.write import write_agreement
    from lvcheck.timeline.consolidate import consolidate

    by_key = {item.key: item for item in facts}
    found: list[Diagnostic] = []
    for item in wanted:
        if item.kind == "amendment":
            for relation in item.related("amends"):
                base = by_key.get((relation.work, relation.version or ""))
                amendment, loaded = _load(item), base and _load(base)
                if amendment is None or not loaded:
                    continue  # unresolved: LV323
                try:
                    consolidate(loaded.agreement, [amendment])
                except LvcheckError as error:
                    found.extend(error.diagnostics)
        for relation in item.related("consolidates"):
            base = by_key.get((relation.work, relation.version or ""))
            parts = [by_key.get((r.work, r.version or "")) for r in item.related("incorporates")]
            if base is None or None in parts:
                continue  # unresolved: LV323
            loaded_base = _load(base)
            amendments = [a for p in parts if p is not None and (a := _load(p)) is not None]
            if loaded_base is None or len(amendments) != len(parts):
                continue
            try:
                computed = consolidate(loaded_base.agreement, amendments).agreement
            except LvcheckError:
                continue  # the amendment's own finding (LV390) says why
            expected = serialize(write_agreement(computed))
            if Path(item.path).read_bytes() != expected:
                found.append(
                    Diagnostic(
                        item.path,
                        item.line,
                        1,
                        codes.CONSOLIDATION_DIFFERS,
                        f"this consolidated text is not what {base.path} and its amendments give; "
                        "write it anew with lvcheck consolidate",
                        codes.CODES[codes.CONSOLIDATION_DIFFERS].severity,
                        HEADER,
                    )
                )
    return found
