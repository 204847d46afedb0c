"""Words: tokens for comparison and word-level operations.

Layout is no change: before comparing, text is brought to Unicode NFC, non-breaking and
other spaces count as spaces, soft hyphens vanish, and typographic quotes and dashes are
compared as their plain forms. What a reader is shown keeps the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from lvcheck.comparison.changes import Token, WordOp

FIELD_PREFIX = "\x00field:"  # the comparison key of a field: never equal to a word
_TOKEN = re.compile(r"(\w+(?:[-'’.]\w+)*|[^\w\s])(\s*)")
_PLAIN = str.maketrans(
    {
        "„": '"',
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "\u00ad": None,
    }
)


def tokenize(text: str) -> list[Token]:
    """Words and punctuation, each with the whitespace that follows it."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    tokens = []
    for match in _TOKEN.finditer(text):
        word, space = match.group(1), match.group(2)
        # the text is NFC already: each word only needs its quotes and dashes made plain
        tokens.append((word.translate(_PLAIN), word + (" " if space else "")))
    return tokens


def field_token(name: str, shown: str) -> Token:
    return (FIELD_PREFIX + name, shown)


def similarity(old: tuple[str, ...], new: tuple[str, ...]) -> float:
    """Share of words the two texts have in common, in order (0 to 1)."""
    if not old and not new:
        return 1.0
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def _shown(tokens: tuple[Token, ...]) -> str:
    return "".join(shown for _, shown in tokens)


def word_ops(old: tuple[Token, ...], new: tuple[Token, ...]) -> tuple[tuple[WordOp, ...], float]:
    """The word operations that turn old into new, and their similarity."""
    matcher = SequenceMatcher(None, [k for k, _ in old], [k for k, _ in new], autojunk=False)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = _shown(old[i1:i2]), _shown(new[j1:j2])
        if tag == "equal":
            ops.append(WordOp("equal", new_part, new_part))
        else:
            ops.append(WordOp(tag, old_part, new_part))
    return tuple(ops), matcher.ratio()
