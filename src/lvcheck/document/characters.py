"""Characters a reader cannot see, in a module of their own: validate's rule needs them
without the document model that document/text.py loads."""

from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"  # a hyphenation hint: layout, invisible on purpose
# Characters that change text without showing on the page: every control (Unicode Cc,
# but tab, line feed and carriage return) and format character (Cf, as of Unicode 15.1,
# but the soft hyphen), such as bidi overrides (U+202A-U+202E, U+2066-U+2069) that
# reverse what a reader sees and zero-width spaces and joiners (U+200B-U+200D, U+2060,
# U+FEFF) that split a word invisibly; then the invisible fillers and variation
# selectors. tests/test_diff_tokens.py holds the class against unicodedata.
INVISIBLE_CLASS = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\uffa0\ufe00-\ufe0f"
    "\U000e0100-\U000e01ef]"
)
INVISIBLE = re.compile(INVISIBLE_CLASS)


def shown_as(char: str) -> str:
    """How an invisible character is shown: ``⟨U+202E⟩``."""
    return f"⟨U+{ord(char):04X}⟩"
