"""Amendments apply cleanly to their base (LV390: every target exists, the old words stand
there exactly once, the quoted units are there), and a consolidated text kept in the
repository is exactly what its base and amendments give (LV391)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from lvcheck import codes
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.validation.rules.repository import HEADER

if TYPE_CHECKING:  # loaded only where a repository has amendments or consolidated texts
    from lvcheck.catalog.catalog import Catalog
    from lvcheck.catalog.record import Record
    from lvcheck.timeline.consolidate import Amendment


def _loader(catalog: Catalog) -> Callable[[Record], Amendment | None]:
    """Each file's model as an Amendment, read once in this call (the catalog keeps it)."""
    from lvcheck.timeline.consolidate import Amendment

    def load(record: Record) -> Amendment | None:
        try:
            return Amendment(catalog.agreement(record), record.path)
        except LvcheckError:
            return None  # the file's own findings say why it cannot be read

    return load


def check(catalog: Catalog, asked: set[str] | None = None) -> list[Diagnostic]:
    """LV390 and LV391 for the amendments and consolidated texts among ``asked`` (the files
    whose findings are wanted; all when None)."""
    wanted = [r for r in catalog.records if asked is None or r.path in asked]
    if not any(r.is_amendment or r.related("consolidates") for r in wanted):
        return []
    from lvcheck.document.canonical import serialize
    from lvcheck.document.write import write_agreement
    from lvcheck.timeline.consolidate import consolidate

    _load = _loader(catalog)
    found: list[Diagnostic] = []
    for item in wanted:
        base = catalog.base_of(item) if item.is_amendment else None
        if base is not None:
            # applied after the Nachträge before it, as status, deadlines and consolidate
            # apply them: a later one may change words an earlier one wrote
            own = catalog.amendments_of(base, unconcluded=True)
            earlier = own[: [a.path for a in own].index(item.path) + 1]
            amendments = [a for a in map(_load, earlier) if a is not None]
            loaded = _load(base)
            if loaded is not None and len(amendments) == len(earlier):
                try:
                    consolidate(loaded.agreement, amendments)
                except LvcheckError as error:  # an earlier one's fault is reported on it
                    found.extend(d for d in error.diagnostics if d.path == item.path)
        for link in item.related("consolidates"):
            bases = catalog.resolve(link, item.since)
            parts = [catalog.resolve(r, item.since) for r in item.related("incorporates")]
            if not bases or not all(parts):
                continue  # unresolved: LV323
            loaded_base = _load(bases[0])
            amendments = [a for p in parts if (a := _load(p[0])) is not None]
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
                        f"this consolidated text is not what {bases[0].path} and its amendments "
                        "give; write it anew with lvcheck consolidate",
                        codes.CODES[codes.CONSOLIDATION_DIFFERS].severity,
                        HEADER,
                    )
                )
    return found
