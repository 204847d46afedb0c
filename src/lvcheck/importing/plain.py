"""Text and Markdown sources read into paragraphs.

Two kinds of text come from the authorities' files: text extracted from a PDF, whose lines
are broken where the page broke them, and Markdown converted from Word, one paragraph per
block. Text extracted by some tools puts an empty line after every line; there a line of
spaces, not an empty line, ends a paragraph ("double-spaced" below). A line of digits alone
is a page number. A word broken at a line's end is joined where the source means one word
(structure.py does it, for every kind of source).
"""

from __future__ import annotations

import codecs
import re

from lvcheck import codes
from lvcheck.errors import LvcheckError
from lvcheck.importing.source import Para, Source

PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*")  # "4", "- 4 -"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*")
_BULLET = re.compile(r"([-*+])\s+(.*?)(?<! -)")  # "- Sozialverwaltung -" is no list item
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,}\s*)")
_STRONG = re.compile(r"\*\*(.+?)\*\*|<b>(.+?)</b>|__(.+?)__", re.DOTALL)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def decode(data: bytes, label: str) -> str:
    """The text of a file: UTF-8 (or UTF-16 with its byte order mark), else Windows-1252 as
    Word saves "Nur Text" in Germany. Raises LvcheckError (LV431) for what is no text."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_text(label, "it is not valid UTF-16") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise _not_text(
            label, f"line {line} holds the control character U+{ord(found.group()):04X}", line
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _not_text(label: str, why: str, line: int = 1) -> LvcheckError:
    return LvcheckError(
        label,
        line,
        1,
        codes.IMPORT_NOT_TEXT,
        f"is not a text file ({why}); expected plain text or Markdown, or a .docx or .pdf",
    )


def _double_spaced(lines: list[str]) -> bool:
    """Whether an empty line follows nearly every line, and lines of spaces end paragraphs."""
    empty = sum(1 for line in lines if not line)
    spaces = sum(1 for line in lines if line and not line.strip())
    return spaces > 0 and empty * 3 >= len(lines)


def read_text(data: bytes, label: str) -> Source:
    """A text file's paragraphs (lines broken as the source broke them)."""
    lines = decode(data, label).split("\n")
    double = _double_spaced(lines)
    paras: list[Para] = []
    layout: list[str] = []
    block: list[str] = []
    start = 1

    def close() -> None:
        if block:
            paras.append(Para(tuple(block), start))
            block.clear()

    for number, line in enumerate(lines, 1):
        ends = (not line.strip() and line != "") if double else not line.strip()
        if "\f" in line:  # a page break: a paragraph may go on after it
            line = line.replace("\f", "")
        if ends:
            close()
        elif double and line == "":
            continue
        elif PAGE_NUMBER.fullmatch(line):
            layout.append(line.strip())
        else:
            if not block:
                start = number
            block.append(line)
    close()
    return Source(label, "text", tuple(paras), tuple(layout))


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _strong(text: str) -> tuple[str, bool]:
    """Bold marks taken out; whether the whole text was bold."""
    stripped = text.strip()
    whole = bool(stripped) and all(
        not part.strip() for part in _STRONG.sub("", stripped).split("\n")
    )
    return _STRONG.sub(lambda m: next(g for g in m.groups() if g is not None), text), whole


def _markdown_para(block: list[str], start: int) -> Para | None:
    if len(block) == 1 and _RULE.fullmatch(block[0].strip()):
        return Para(("---",), start, hints=(("rule", ""),))
    joined = "\n".join(block)
    text, bold = _strong(joined)
    bold = bold and "\t" not in text  # bold labels of form lines are no heading
    level = 0
    heading = _HEADING.fullmatch(text.strip()) if len(block) == 1 else None
    if heading:
        level, text = len(heading.group(1)), heading.group(2)
        text, bold = _strong(text)[0], True
    # a line that ends in two spaces or a backslash breaks there; else lines run on
    lines = [_unescape(line.rstrip("\\").rstrip(" ")) for line in text.split("\n")]
    return Para(tuple(lines), start, level=level, bold=bold)


def read_markdown(data: bytes, label: str) -> Source:
    """A Markdown file's paragraphs: blocks between empty lines, each list item apart."""
    lines = decode(data, label).split("\n")
    paras: list[Para] = []
    block: list[str] = []
    start = 1

    def close() -> None:
        if block:
            para = _markdown_para(block, start)
            if para is not None:
                paras.append(para)
            block.clear()

    for number, line in enumerate(lines, 1):
        bullet = _BULLET.fullmatch(line.strip()) if not _RULE.fullmatch(line.strip()) else None
        if not line.strip():
            close()
            continue
        if bullet or _HEADING.fullmatch(line.strip()):
            close()
            start = number
            if bullet:
                block.append(bullet.group(2))
                close()
                paras[-1] = paras[-1]._replace(label="•")
                continue
        if not block:
            start = number
        block.append(line)
    close()
    return Source(label, "markdown", tuple(paras))
