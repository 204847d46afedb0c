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

import os
import re
import stat
import threading
from functools import cache
from pathlib import Path

from lxml import etree

from lvcheck import codes
from lvcheck.errors import LvcheckError

NAMESPACE = "urn:lvcheck:agreement:1.0"
MAX_BYTES = 16 * 1024 * 1024  # the largest real agreement is ~100 KB; 16 MB leaves room

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_POSITION_SUFFIX = r",? line \d+, column \d+$"  # error paths: compiled when first used
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


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Read a file, refusing what is missing, not a regular file, or larger than ``limit``.

    Only regular files are opened: a FIFO would block and a device such as /dev/zero would
    never end. The size is asked first, so a huge file is refused unread.
    Raises LvcheckError (LV101, LV105).
    """
    name = str(path)
    try:
        # opened without blocking (a FIFO without a writer would wait forever), then asked
        # what it is: one system call fewer than stat-then-open, and no window between them
        handle = os.open(path, os.O_RDONLY | _NO_BLOCK | _BINARY)
        try:
            status = os.fstat(handle)
            if stat.S_ISDIR(status.st_mode):
                raise LvcheckError(name, 1, 1, codes.UNREADABLE, _folder_message(path))
            if not stat.S_ISREG(status.st_mode):
                raise LvcheckError(
                    name, 1, 1, codes.UNREADABLE, "is not a regular file (a device, pipe or socket)"
                )
            if status.st_size > limit:
                raise _too_large(name, limit)
            # read(size + 1) allocates what the file needs; a file that grew meanwhile is
            # read on, but never past the limit
            data = os.read(handle, status.st_size + 1)
            while len(data) > status.st_size and len(data) <= limit:
                more = os.read(handle, limit + 1 - len(data))
                if not more:
                    break
                data += more
        finally:
            os.close(handle)
    except FileNotFoundError:
        raise LvcheckError(name, 1, 1, codes.UNREADABLE, "no such file") from None
    except IsADirectoryError:  # Windows will not open a folder at all
        raise LvcheckError(name, 1, 1, codes.UNREADABLE, _folder_message(path)) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LvcheckError(name, 1, 1, codes.UNREADABLE, f"cannot read: {reason}") from None
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


_NO_BLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs to fear
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def _folder_message(path: Path) -> str:
    """Why a folder is no input: it is one, or (found in a search) it cannot be listed."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"is a folder that cannot be read: {exc.strerror or type(exc).__name__}"
    return "is a folder, not a file"


def _too_large(name: str, limit: int = MAX_BYTES) -> LvcheckError:
    mib = limit // (1024 * 1024)
    return LvcheckError(
        name, 1, 1, codes.TOO_LARGE, f"file is larger than {mib} MiB; expected an agreement"
    )


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


_LONGER = "is longer than the limit of 10,000,000 characters"
# libxml2's messages that speak of its own internals (function names, parser options,
# grammar productions), in plain words; patterns loose enough for libxml2 2.9 to 2.14.
# Compiled when a file is not well formed, not at every start (cache below).
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    (r"Excessive depth", "elements nested deeper than 256 levels"),
    (r"Text node too long|huge text node", f"a text {_LONGER}"),
    (r"Buffer size limit exceeded|AttValue length too long", f"a value {_LONGER}"),
    (r"Comment too big", f"a comment {_LONGER}"),
    (r"CData section too big", f"a CDATA section {_LONGER}"),
    (r"PI \S* ?too big", f"a processing instruction {_LONGER}"),
    (r"Name too long", "a name is longer than 50,000 characters"),
    (r"PCDATA invalid Char value (\d+)", "a character that XML does not allow (code \\1)"),
    (r"Char 0x(\w+) out of allowed range", "a character that XML does not allow (U+\\1)"),
    (
        r"invalid xmlChar value (\d+)",
        "a reference to a character that XML does not allow (code \\1)",
    ),
    (
        r"EntityRef: (no name|expecting ';')",
        "'&' starts no entity reference (write &amp; for '&')",
    ),
    (r"ParsePI|PI \S+ never end", "a malformed processing instruction <?…?>"),
    (r"AttValue: \" or ' expected", "an attribute value must be in quotes"),
    (r"StartTag: invalid element name", "'<' starts no element (write &lt; for '<')"),
    (r"attributes construct error", "malformed attributes in a start tag"),
    (r"Specification mandates value for attribute (\S+)", "the attribute \\1 has no value"),
)
_FUNCTION_NAME = r"^xml\w+ ?: "  # "xmlParseCharRef: …"
_PARSER_OPTION = r",? *(try|use) XML_PARSE_\w+( option)?"


@cache
def _plain_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), plain) for pattern, plain in _PLAIN_WORDS)


def _syntax_message(libxml2_message: str | None) -> str:
    """libxml2's message in plain words: no position suffix (the diagnostic has the place),
    no parser internals, no advice to lift the limits that protect lvcheck."""
    message = re.sub(_POSITION_SUFFIX, "", (libxml2_message or "").strip()).strip()
    for pattern, plain in _plain_words():
        found = pattern.search(message)
        if found:
            message = found.expand(plain)
            break
    message = re.sub(_PARSER_OPTION, "", re.sub(_FUNCTION_NAME, "", message)).strip()
    return f"not well-formed XML: {message}" if message else "not well-formed XML"


def parse_xml(data: bytes, path: str) -> etree._Element:
    """Parse untrusted bytes of any XML vocabulary (a part of a Word package, too) with the
    same defences as an agreement: no DOCTYPE, no entities, no network, libxml2's limits.

    Raises LvcheckError (LV102, LV103, LV105).
    """
    if len(data) > MAX_BYTES:
        raise LvcheckError(path, 1, 1, codes.TOO_LARGE, "file is too large")
    # "<!" is rare in a file (a comment at most), the case-blind search costs more
    found = _DOCTYPE.search(data) if b"<!" in data else None
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
    docinfo = root.getroottree().docinfo
    # Defence in depth: a DOCTYPE hidden from the byte scan (UTF-16 input) is caught here.
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise LvcheckError(path, 1, 1, codes.FORBIDDEN_MARKUP, "DOCTYPE is not allowed")
    return root


AGREEMENT = "agreement"
DECLARATION = "declaration"  # a notice, its withdrawal or rejection, a request to negotiate
REPOSITORY_ROOTS = (AGREEMENT, DECLARATION)  # what a file of a repository may be


def parse_bytes(
    data: bytes, path: str, roots: tuple[str, ...] = (AGREEMENT,)
) -> etree._ElementTree:
    """Parse untrusted bytes into an lxml tree whose root is one of ``roots`` in lvcheck's
    namespace (default: an agreement).

    Raises LvcheckError (LV102 to LV105) for anything that is not such a document.
    """
    root = parse_xml(data, path)
    tree = root.getroottree()
    if root.tag not in [f"{{{NAMESPACE}}}{name}" for name in roots]:
        qname = etree.QName(root)
        got = (
            f"<{qname.localname}> in namespace {qname.namespace!r}"
            if qname.namespace
            else f"<{qname.localname}> without namespace"
        )
        expected = " or ".join(f"<{name}>" for name in roots)
        raise LvcheckError(
            path,
            root.sourceline or 1,
            1,
            codes.WRONG_ROOT,
            f"expected {expected} in namespace {NAMESPACE!r}, got {got}",
        )
    return tree


def is_declaration(root: etree._Element) -> bool:
    return root.tag == f"{{{NAMESPACE}}}{DECLARATION}"


def parse_file(path: Path, roots: tuple[str, ...] = (AGREEMENT,)) -> etree._ElementTree:
    """Read and parse one agreement file (or one of ``roots``). Raises LvcheckError."""
    return parse_bytes(read_bytes(path), str(path), roots)
