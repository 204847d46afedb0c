"""The only place where lvcheck parses XML: hardened against hostile input.

An agreement file is untrusted input (it arrives in a pull request). So:
- bytes are read by Python, never by libxml2 from a path or URL;
- a DOCTYPE is refused before libxml2 sees the file, so no DTD is loaded, no entity
  is declared or expanded, and no external resource is fetched;
- the parser never resolves entities, never touches the network, never expands
  XInclude, and keeps libxml2's default limits on depth (256) and text node size;
- files larger than MAX_BYTES are refused without being read whole.
"""

from __future__ import annotations

import re
import stat
import threading
from pathlib import Path

from lxml import etree

from lvcheck import codes
from lvcheck.errors import LvcheckError

NAMESPACE = "urn:lvcheck:agreement:1.0"
MAX_BYTES = 16 * 1024 * 1024  # the largest real agreement is ~100 KB; 16 MB leaves room

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")
_local = threading.local()  # lxml parsers must not be shared between threads


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def read_bytes(path: Path) -> bytes:
    """Read a file, refusing what is missing, not a regular file, or too large.

    Only regular files are opened: a FIFO would block and a device such as /dev/zero would
    never end. The size is asked first, so a huge file is refused unread.
    Raises LvcheckError (LV101, LV105).
    """
    name = str(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise LvcheckError(name, 1, 1, codes.UNREADABLE, "is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise LvcheckError(
                name, 1, 1, codes.UNREADABLE, "is not a regular file (a device, pipe or socket)"
            )
        if status.st_size > MAX_BYTES:
            raise _too_large(name)
        with path.open("rb") as handle:
            # read(size + 1) allocates what the file needs; a file that grew meanwhile is
            # read on, but never past the limit
            data = handle.read(status.st_size + 1)
            if len(data) > status.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise LvcheckError(name, 1, 1, codes.UNREADABLE, "no such file") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LvcheckError(name, 1, 1, codes.UNREADABLE, f"cannot read: {reason}") from None
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return data


def _too_large(name: str) -> LvcheckError:
    limit = MAX_BYTES // (1024 * 1024)
    return LvcheckError(
        name, 1, 1, codes.TOO_LARGE, f"file is larger than {limit} MiB; expected an agreement"
    )


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _syntax_message(libxml2_message: str | None) -> str:
    """libxml2's message, minus its position suffix and its advice to lift limits."""
    message = _POSITION_SUFFIX.sub("", libxml2_message or "").strip()
    if message.startswith("Excessive depth"):
        return "not well-formed XML: elements nested deeper than 256 levels"
    return f"not well-formed XML: {message}" if message else "not well-formed XML"


def parse_bytes(data: bytes, path: str) -> etree._ElementTree:
    """Parse untrusted bytes into an lxml tree whose root is an lvcheck agreement.

    Raises LvcheckError (LV102 to LV105) for anything that is not such a document.
    """
    if len(data) > MAX_BYTES:
        raise LvcheckError(path, 1, 1, codes.TOO_LARGE, "file is too large")
    found = _DOCTYPE.search(data)
    if found:
        line, column = _line_and_column(data, found.start())
        raise LvcheckError(
            path,
            line,
            column,
            codes.FORBIDDEN_MARKUP,
            "DOCTYPE and entity declarations are not allowed (they can load files or "
            "expand without bound); expected plain XML",
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        raise LvcheckError(
            path, max(line, 1), max(column, 1), codes.NOT_WELL_FORMED, _syntax_message(exc.msg)
        ) from None
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise LvcheckError(path, 1, 1, codes.NOT_WELL_FORMED, str(exc)) from None
    tree = root.getroottree()
    # Defence in depth: a DOCTYPE hidden from the byte scan (UTF-16 input) is caught here.
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise LvcheckError(path, 1, 1, codes.FORBIDDEN_MARKUP, "DOCTYPE is not allowed")
    expected = f"{{{NAMESPACE}}}agreement"
    if root.tag != expected:
        qname = etree.QName(root)
        got = (
            f"<{qname.localname}> in namespace {qname.namespace!r}"
            if qname.namespace
            else f"<{qname.localname}> without namespace"
        )
        raise LvcheckError(
            path,
            root.sourceline or 1,
            1,
            codes.WRONG_ROOT,
            f"expected <agreement> in namespace {NAMESPACE!r}, got {got}",
        )
    return tree


def parse_file(path: Path) -> etree._ElementTree:
    """Read and parse one agreement file. Raises LvcheckError."""
    return parse_bytes(read_bytes(path), str(path))
