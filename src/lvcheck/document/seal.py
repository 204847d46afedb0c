"""The digest of an agreement's signed text, recorded in its header (<version digest>) when
the version is concluded, so that any later change of those words is seen (LV392).

What the digest covers: every element after <meta> (preface, preamble, body, conclusions,
attachments: the words the parties signed, their filled values and signature lines
included) and, in a Nachtrag, its <modifications> (their old and new words are the words
that take effect). It reads them as the canonical layout does (document/canonical.py):
the whitespace between block elements and the order of attributes are layout, not words,
so `lvcheck fmt` never changes the digest; comments and processing instructions are no
contract text and are left out. Everything else counts: a word, a space inside running
text, a filled value, an eId or a reference's target. The rest of the header (status,
notes, title, term facts) stays editable after signing.

The digest is SHA-256 over a length-prefixed stream of, per block element, its name and
sorted attributes, and per text container (and any element holding running text) its
exclusive C14N serialisation without comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from copy import deepcopy

from lxml import etree

try:  # the builtin module: hashlib would load OpenSSL too, milliseconds of every start
    from _sha256 import sha256  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # pragma: no cover - Python 3.12 renamed it; else hashlib's
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, no-redef, unused-ignore]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment, unused-ignore]

from lvcheck.document.canonical import is_block, serialize
from lvcheck.document.parse import NAMESPACE

NS = f"{{{NAMESPACE}}}"
PREFIX = "sha256:"
PATTERN = re.compile(r"sha256:[0-9a-f]{64}")


def _feed(element: etree._Element, update: Callable[[bytes], None]) -> None:
    if not isinstance(element.tag, str):
        return  # a comment or processing instruction: no contract text
    if is_block(element):
        attributes = sorted(element.attrib.items())
        update(b"<" + element.tag.encode())
        for name, value in attributes:
            update(name.encode() + b"=" + value.encode())
        for child in element:
            _feed(child, update)
        update(b">")
        return
    update(etree.tostring(element, method="c14n", exclusive=True, with_comments=False))


def signed_parts(root: etree._Element) -> Iterable[etree._Element]:
    """The elements the digest covers, in document order."""
    meta = root.find(NS + "meta")
    if meta is not None:
        modifications = meta.find(NS + "modifications")
        if modifications is not None:
            yield modifications
    for child in root:
        if child is not meta and isinstance(child.tag, str):
            yield child


def text_digest(root: etree._Element) -> str:
    """``sha256:`` and the hex digest of the signed text of an agreement's root."""
    digest = sha256()

    def update(part: bytes) -> None:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)

    for part in signed_parts(root):
        _feed(part, update)
    return PREFIX + str(digest.hexdigest())


def recorded_digest(root: etree._Element) -> str | None:
    """The digest the header records (<version digest>), if any."""
    version = root.find(f"{NS}meta/{NS}version")
    return version.get("digest") if version is not None else None


def sealed(tree: etree._ElementTree) -> bytes:
    """The canonical bytes of ``tree`` with the digest of its text recorded in its header;
    the tree itself is not changed."""
    copy = deepcopy(tree)
    version = copy.getroot().find(f"{NS}meta/{NS}version")
    assert version is not None  # a schema-valid agreement has one
    version.set("digest", text_digest(copy.getroot()))
    return serialize(copy)
