"""Untrusted names made safe to print: file names, revisions and labels come from whoever
opens a pull request, and a newline, a carriage return, an escape sequence or a bidi
override in them would forge lines of a report, workflow commands or terminal output, or
make a name read differently from what it is.

Two ways, one set of characters (unsafe()):
- ``escape_controls`` for text read by people (text report, annotations, messages, diff
  labels): each such character is written as its Python escape (``\\n``, ``\\x1b``,
  ``\\u202e``); nothing else changes, so ordinary names stay as they are.
- ``json_text`` for JSON read by programs: the string values stay exact (a program must
  find the file), and the characters are written as JSON escapes, never raw.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Besides the C0 controls: DEL and the C1 controls, line and paragraph separators, bidi
# marks, embeddings, overrides and isolates, the invisible zero-width characters, and lone
# surrogates (the bytes of a file name that is not UTF-8, which no output could encode).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ud800-\udfff\ufeff"
UNSAFE_CLASS = f"[\x00-\x1f{_BEYOND_C0}]"
# json.dumps escapes every C0 control inside a string itself; outside strings it writes
# only the newlines and spaces of its indentation, which must stay as they are.
_RAW_IN_JSON_CLASS = f"[{_BEYOND_C0}]"


# Compiled when first needed, not at every start: nearly every name is printable ASCII.
@cache
def unsafe() -> re.Pattern[str]:
    """The characters that ``escape_controls`` writes as escapes."""
    return re.compile(UNSAFE_CLASS)


@cache
def _raw_in_json() -> re.Pattern[str]:
    return re.compile(_RAW_IN_JSON_CLASS)


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _SHORT:
        return _SHORT[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8 (os.fsdecode)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every unsafe() character written as a visible escape."""
    if text.isascii() and text.isprintable():  # no control, no DEL: nothing to escape
        return text
    return unsafe().sub(_escape, text)


def json_text(value: Any) -> str:
    """``value`` as indented JSON (UTF-8 letters kept), no unsafe() character raw in it.

    json.dumps escapes C0 controls; DEL, C1, bidi and zero-width characters it would
    write raw. They can only occur inside strings, where ``\\uXXXX`` means the same.
    """
    import json  # here: the text report, CI's default, needs no json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _raw_in_json().sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"
