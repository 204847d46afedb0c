"""A legal reference as lawyers cite it ("Art. 21 Abs. 5 Satz 2 BayKiBiG") and the
address of the law itself (data/statutes.toml)."""

from __future__ import annotations

from lvcheck.document.model import Ref
from lvcheck.document.statutes import statutes


def statute_link(ref: Ref) -> str | None:
    """The official text of a legal reference: the section where it is known, else the law."""
    statute = statutes().get(ref.target.statute or "")
    return statute.link(ref.target.section) if statute is not None else None


def norm_title(ref: Ref) -> str:
    """ "§ 99 SGB IX", "Art. 21 Abs. 5 Satz 2 BayKiBiG": the norm as it is cited."""
    statute = statutes().get(ref.target.statute or "")
    unit = statute.unit if statute is not None else "§"
    target = ref.target
    parts = [f"{unit} {target.section}" if target.section else ""]
    parts += [
        f"Abs. {target.paragraph}" if target.paragraph else "",
        f"Satz {target.sentence}" if target.sentence else "",
        f"Nr. {target.number}" if target.number else "",
        "ff." if target.following else "",
        target.statute or "",
    ]
    return " ".join(part for part in parts if part)
