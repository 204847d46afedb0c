"""The name of the Word bookmark that marks a clause in a .docx lvcheck writes, and the way
back from it: a hint to the clause's eId when an edited file comes back, never the only one
(Word and LibreOffice rename, drop or duplicate bookmarks as a document is edited).

Word allows bookmark names of at most 40 characters, letters, digits and "_", starting with
a letter; a longer eId is named by a digest, which the way back matches against the eIds of
the version the file was exported from.
"""

from __future__ import annotations

import hashlib
import re

PREFIX = "lv_"
LONGEST = 40  # characters Word keeps of a bookmark's name
_PLAIN = "[A-Za-z0-9_]+"


def bookmark_name(eid: str) -> str:
    """``lv_`` and the eId where it fits Word's rules, else ``lv_h`` and a digest of it."""
    if len(PREFIX) + len(eid) <= LONGEST and re.fullmatch(_PLAIN, eid):
        return PREFIX + eid
    digest = hashlib.sha1(eid.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{PREFIX}h{digest[: LONGEST - len(PREFIX) - 1]}"


def eid_of_bookmark(name: str, eids: list[str] | set[str]) -> str | None:
    """The eId among ``eids`` that ``name`` marks, or None (not lvcheck's, or unknown)."""
    if not name.startswith(PREFIX):
        return None
    for eid in eids:
        if bookmark_name(eid) == name:
            return eid
    return None
