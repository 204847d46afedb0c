"""An instance's texts in force over time: as signed, then with each of its Nachträge
applied from the day it takes effect (the catalog names them, in the order they apply).
Shared by the deadlines and the status on a date."""

from __future__ import annotations

from datetime import date

from lxml import etree

from lvcheck.catalog.catalog import Catalog
from lvcheck.catalog.record import Record
from lvcheck.errors import Diagnostic, LvcheckError


def texts_in_force(
    catalog: Catalog, record: Record, diagnostics: list[Diagnostic]
) -> list[tuple[date | None, etree._Element]]:
    """The texts of a version over time, each with the day it applies from (None: as
    signed), so that an amended date of a duty counts from then on. A Nachtrag that does
    not apply is reported (validate reports it too, LV390) and the text stays as signed."""
    own = catalog.amendments_of(record)
    root = catalog.tree(record)
    if not own:
        return [(None, root)]
    from lvcheck.document.write import write_agreement
    from lvcheck.timeline.consolidate import Amendment, consolidate

    try:
        base = catalog.agreement(record)
        loaded = [Amendment(catalog.agreement(a), a.path, a.life.concluded) for a in own]
        texts: list[tuple[date | None, etree._Element]] = [(None, root)]
        for count in range(1, len(loaded) + 1):
            text = consolidate(base, loaded[:count]).agreement
            texts.append((loaded[count - 1].effective, write_agreement(text).getroot()))
    except LvcheckError as error:
        diagnostics.extend(error.diagnostics)
        return [(None, root)]
    return texts
