"""The findings of the rules that read only an agreement's text (eIds, numbering, the
references in its clauses), remembered within one validation by the bytes of that text.

The instances of one template share their text word for word; only the filled-in values
and the header differ. A repository of hundreds of agreements on one model contract thus
pays for these rules once per template, not once per file.

The key is exact, not a likeness: the bytes before <meta> (the declaration and the root
tag), the line on which the text after the header begins, the documents the header
declares (references name them), and every byte after </meta> except the values of filled
fields, which these rules never read. Equal keys mean equal trees for the text and equal
line numbers, so equal findings. Where that cannot be made sure (a header holding an eId,
a second "</meta>" in the file, a CDATA section) nothing is remembered.
"""

from __future__ import annotations

import re

from lvcheck.errors import Diagnostic
from lvcheck.validation.rules import TEXT_RULES
from lvcheck.validation.rules.base import NS, Document, fingerprint

# A filled value in a <field> or <fillIn> tag (text cannot hold "<"; a CDATA section could,
# so a file with one is never shared). A value that spans lines changes the line numbers
# after it, so it stays part of the key, as does one written otherwise than the canonical
# layout writes it: a miss, never a wrong match.
_VALUE = re.compile(rb'(<fi(?:llIn|eld) [^<>]*?) value="[^"\n\r<>]*"')
_META_START, _META_END = b"<meta", b"</meta>"
# the markers that decide whether the bytes can stand for the text, found in one scan
_MARKERS = re.compile(rb"<meta|</meta>|<!\[CDATA\[")
_LIMIT = 256  # texts remembered per process: a repository holds a few templates

_remembered: dict[bytes, tuple[Diagnostic, ...]] = {}


def forget() -> None:
    """Forget the texts remembered so far: at the start and end of each validation."""
    _remembered.clear()


def text_bytes(document: Document, raw: bytes | None) -> bytes | None:
    """The file's bytes after </meta> without the filled values, or None where they would
    not stand for the text exactly (see above)."""
    if raw is None:
        return None
    root = document.root
    if len(root) < 2 or root[0].tag != NS + "meta":
        return None
    if _MARKERS.findall(raw) != [_META_START, _META_END] or root[0].xpath(".//@eId"):
        return None  # a second header tag, or a CDATA section, or an eId in the header
    # split, not sub: the pattern keeps the tag and drops the value, with no template to fill
    return b"".join(_VALUE.split(raw[raw.find(_META_END) :]))


def text_digest(document: Document, raw: bytes | None) -> bytes | None:
    """A digest of text_bytes(), or None: made once per file, it keys the text rules'
    findings here and the content an instance shares with its template
    (repository.content_key)."""
    text = text_bytes(document, raw)
    return None if text is None else fingerprint(text)


def _key(document: Document, raw: bytes, digest: bytes) -> bytes:
    declared = sorted(d.get("id", "") for d in document.all("document"))
    line = document.root[1].sourceline  # where the text begins: its findings' lines follow
    return fingerprint(
        raw[: raw.find(_META_START)], str(line).encode(), "\0".join(declared).encode(), digest
    )


def text_findings(document: Document, raw: bytes | None, digest: bytes | None) -> list[Diagnostic]:
    """What the text rules find in ``document``, taken from an earlier file of this process
    whose text is the same (its path replaced by this one's). ``digest``: text_digest()."""
    key = _key(document, raw, digest) if raw is not None and digest is not None else None
    document.text_key = key
    found = _remembered.get(key) if key is not None else None
    if found is None:
        found = tuple(d for rule in TEXT_RULES for d in rule(document))
        if key is not None:
            if len(_remembered) >= _LIMIT:
                _remembered.clear()
            _remembered[key] = found
        return list(found)
    return [d._replace(path=document.path) for d in found]
