"""The agreement files of a repository as the time commands read them: each file's tree
with its lifecycle, and an instance's texts in force over time with its Nachträge applied.
Shared by the deadlines and the status on a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from lxml import etree

from lvcheck.document.load import load_tree
from lvcheck.document.parse import NAMESPACE
from lvcheck.errors import Diagnostic, LvcheckError
from lvcheck.timeline.lifecycle import Lifecycle, lifecycle_of

NS = f"{{{NAMESPACE}}}"
Tree = tuple[Path, etree._Element, Lifecycle]  # a file, its tree and its lifecycle


def load_trees(paths: Sequence[Path]) -> tuple[list[Tree], list[Diagnostic]]:
    """Each file's tree and lifecycle; the diagnostics of those that cannot be read."""
    trees: list[Tree] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        try:
            root = load_tree(path).getroot()
        except LvcheckError as error:
            diagnostics.extend(error.diagnostics)
            continue
        trees.append((path, root, lifecycle_of(root)))
    return trees, diagnostics


def texts_in_force(
    path: Path,
    root: etree._Element,
    amendments: list[tuple[Path, etree._Element]],
    diagnostics: list[Diagnostic],
) -> list[tuple[date | None, etree._Element]]:
    """The texts of an instance over time: as signed, then with each amendment from the day
    it takes effect (so that an amended date of a duty counts from then on)."""
    work = root.find(f"{NS}meta/{NS}work")
    version = root.find(f"{NS}meta/{NS}version")
    key = (
        work.get("id") if work is not None else "",
        version.get("id") if version is not None else "",
    )
    own = [
        p
        for p, r in amendments
        if any((a.get("work"), a.get("version") or key[1]) == key for a in r.iter(NS + "amends"))
    ]
    if not own:
        return [(None, root)]
    from lvcheck.document.load import load_agreement
    from lvcheck.document.write import write_agreement
    from lvcheck.timeline.consolidate import Amendment, consolidate

    try:
        base = load_agreement(path)
        loaded = sorted(
            (Amendment(load_agreement(p), str(p)) for p in own),
            key=lambda a: (a.effective or date.min, a.label),
        )
        texts: list[tuple[date | None, etree._Element]] = [(None, root)]
        for count in range(1, len(loaded) + 1):
            text = consolidate(base, loaded[:count]).agreement
            texts.append((loaded[count - 1].effective, write_agreement(text).getroot()))
    except LvcheckError as error:
        diagnostics.extend(error.diagnostics)  # validate reports it too (LV390)
        return [(None, root)]
    return texts
