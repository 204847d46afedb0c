"""The position a display number stands for: "§ 7" is 7, "7.2" is 2, "(3)" 3, "II." 2.

Letters are read by their sequence, not alone: "c)" after "b)" is the third point, while
"iii)" after "ii)" is the Roman three. A single letter such as "c", "d", "i", "v" or "x"
is both a letter and a Roman numeral; only its siblings tell which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
# a string: re compiles it when the first lettered number is read, not at every start
_ROMAN = r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$"
_ARABIC = re.compile(r"^(\d+)([a-z]?)$")
# "§ 7", "Art. 21", "7.2", "(3)", "1.": most numbers, read with one match
_COMMON = re.compile(r"^(?:§|Art\.)?\s*\(?(?:\d+\.)*(\d+)\)?\.?$")


def _token(num: str) -> str:
    """The last component of a number, lower case, without §, Art., brackets or dots."""
    token = num.lower().replace("§", "").replace("art.", "").strip()
    token = token.strip("()").rstrip(".)").strip()
    return token.rsplit(".", 1)[-1].strip()


def roman_value(token: str) -> int | None:
    """ "iv" -> 4; None for anything that is not a well-formed Roman numeral."""
    token = token.lower()
    if not token or not re.match(_ROMAN, token):
        return None
    values = [_ROMAN_DIGITS[ch] for ch in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def is_roman_sequence(nums: Sequence[str]) -> bool:
    """Do these sibling numbers count in Roman numerals (I., II. or i), ii)) rather than
    letters (a), b))? Roman when the first lettered number is "i" or any is a Roman numeral
    of more than one letter; letters otherwise."""
    tokens = [_token(num) for num in nums if num and _token(num).isalpha()]
    if not tokens:
        return False
    if tokens[0] == "i":
        return True
    return any(len(t) > 1 and roman_value(t) is not None for t in tokens)


def number_value(num: str, roman: bool | None = None) -> int | None:
    """The position ``num`` stands for; ``roman`` says how to read a letter (see
    is_roman_sequence); None reads a lone letter as a letter unless it is "i".

    A letter suffix ("§ 7a") is an inserted clause and has no position of its own: None.
    """
    common = _COMMON.match(num)
    if common:
        return int(common.group(1))
    token = _token(num)
    arabic = _ARABIC.match(token)
    if arabic:
        return None if arabic.group(2) else int(arabic.group(1))
    if roman is None:
        roman = token == "i" or (len(token) > 1 and roman_value(token) is not None)
    if roman:
        return roman_value(token)
    if len(token) == 1 and "a" <= token <= "z":
        return ord(token) - ord("a") + 1
    return None


def sequence_values(nums: Sequence[str]) -> list[int | None]:
    """The positions of sibling numbers, letters read as their sequence demands."""
    common = [_COMMON.match(num) for num in nums]
    if all(common):  # digits only (§ 7, (3), 7.2): the common case, no letter to read
        return [int(found.group(1)) for found in common if found]
    roman = is_roman_sequence(nums)
    return [number_value(num, roman) for num in nums]


_ONES = ("null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
_TEENS = {10: "zehn", 11: "elf", 12: "zwölf", 16: "sechzehn", 17: "siebzehn"}
_TENS = {2: "zwanzig", 3: "dreißig", 4: "vierzig", 5: "fünfzig", 6: "sechzig", 7: "siebzig"}
_TENS.update({8: "achtzig", 9: "neunzig"})


def german_numeral(number: int) -> str | None:
    """1 -> "ein", 12 -> "zwölf", 24 -> "vierundzwanzig": the cardinal as a contract writes it
    (the stem "ein", which takes its ending from the noun: eine, einen, einem); None beyond 99."""
    if not 0 <= number <= 99:
        return None
    if number < 10:
        return _ONES[number]
    if number in _TEENS:
        return _TEENS[number]
    if number < 20:
        return _ONES[number - 10] + "zehn"
    tens, ones = divmod(number, 10)
    return _TENS[tens] if ones == 0 else f"{_ONES[ones]}und{_TENS[tens]}"
