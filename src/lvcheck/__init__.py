"""lvcheck: contract-as-code for Leistungsvereinbarungen under SGB IX.

The public API (see lvcheck.api)::

    import lvcheck
    agreement = lvcheck.load("contracts/nrw/lvr-ihl-externe-leistungserbringer.xml")
    result = lvcheck.diff("main:contracts/nrw/x.xml", "contracts/nrw/x.xml")
    print(lvcheck.render(result, "markdown"))

Names are imported on first use, so that `import lvcheck` (and every command) starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_LAZY = {
    "load": "lvcheck.api",
    "validate": "lvcheck.api",
    "diff": "lvcheck.api",
    "render": "lvcheck.api",
    "build_site": "lvcheck.api",
    "deadlines": "lvcheck.api",
    "status": "lvcheck.api",
    "consolidate": "lvcheck.api",
    "history": "lvcheck.api",
    "review": "lvcheck.api",
    "import_source": "lvcheck.api",
    "fidelity": "lvcheck.api",
    "Agreement": "lvcheck.document.model",
    "DiffResult": "lvcheck.comparison.changes",
    "CheckedFile": "lvcheck.validation.engine",
    "Review": "lvcheck.revisions.model",
    "Diagnostic": "lvcheck.errors",
    "LvcheckError": "lvcheck.errors",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:
    from lvcheck.api import build_site as build_site
    from lvcheck.api import consolidate as consolidate
    from lvcheck.api import deadlines as deadlines
    from lvcheck.api import diff as diff
    from lvcheck.api import fidelity as fidelity
    from lvcheck.api import history as history
    from lvcheck.api import import_source as import_source
    from lvcheck.api import load as load
    from lvcheck.api import render as render
    from lvcheck.api import review as review
    from lvcheck.api import status as status
    from lvcheck.api import validate as validate
    from lvcheck.comparison.changes import DiffResult as DiffResult
    from lvcheck.document.model import Agreement as Agreement
    from lvcheck.errors import Diagnostic as Diagnostic
    from lvcheck.errors import LvcheckError as LvcheckError
    from lvcheck.revisions.model import Review as Review
    from lvcheck.validation.engine import CheckedFile as CheckedFile


def __getattr__(name: str) -> Any:
    if name == "__version__":  # from the package metadata (lvcheck.version), when asked for
        return import_module("lvcheck.version").version()
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lvcheck' has no attribute {name!r}")
