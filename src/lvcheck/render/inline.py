"""Running text to plain strings, shared by the renderers."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from lvcheck.model import Field, Inline, Note, Ref, Span

BLANK = "__________"
_SPACE = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Line breaks and runs of spaces in XML running text are layout: one space each."""
    return _SPACE.sub(" ", text)


STATUS_LABELS = {
    "template": "Vorlage",
    "draft": "Entwurf",
    "inForce": "in Kraft",
    "superseded": "ersetzt",
    "terminated": "beendet",
}


def german_date(value: str) -> str:
    """2025-01-15 -> 15.01.2025, as the text of an agreement writes dates; else unchanged."""
    try:
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def format_value(item: Field) -> str:
    """A filled value as a German reader expects it (dates as TT.MM.JJJJ)."""
    value = (item.value or "").strip()
    return german_date(value) if item.type == "date" else value


def duration_text(value: str) -> str:
    """P12M -> 12 Monate, P1Y -> 1 Jahr (as the German text would say it)."""
    units = {
        "Y": ("Jahr", "Jahre"),
        "M": ("Monat", "Monate"),
        "D": ("Tag", "Tage"),
        "W": ("Woche", "Wochen"),
    }
    if len(value) >= 3 and value[0] == "P" and value[-1] in units and value[1:-1].isdigit():
        amount = int(value[1:-1])
        singular, plural = units[value[-1]]
        return f"{amount} {singular if amount == 1 else plural}"
    return value


def field_display(item: Field) -> str:
    """The value of a field, or a visible gap where it is empty."""
    return format_value(item) if item.is_filled else BLANK


def value_text(item: Field) -> str | None:
    """What a reader sees of a filled field: chosen options by their labels, dates as
    TT.MM.JJJJ, other values as given; None when the field is empty."""
    if not item.is_filled:
        return None
    if item.type == "choice":
        chosen = set((item.value or "").split())
        picked = [plain_text(o.children) for o in item.options if o.value in chosen]
        if picked:
            return ", ".join(picked)
    return format_value(item)


def plain_text(items: tuple[Inline, ...], on_note: Callable[[Note], None] | None = None) -> str:
    """Inline content as one line of text; notes leave "[marker]" and go to ``on_note``."""
    parts: list[str] = []

    def walk(nodes: tuple[Inline, ...]) -> None:
        for node in nodes:
            if isinstance(node, str):
                parts.append(node)
            elif isinstance(node, Span | Ref):
                walk(node.children)
            elif isinstance(node, Field):
                parts.append(field_display(node))
            elif isinstance(node, Note):
                parts.append(f"[{node.marker}]")
                if on_note is not None:
                    on_note(node)

    walk(items)
    return normalize_space("".join(parts)).strip()
