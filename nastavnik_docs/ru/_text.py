"""Shaping running text: capitals, full stops, enumerations, «с» or «со».

Small string helpers the context builders compose sentences with. They know nothing of
documents or people: ``upper_first`` / ``lower_first`` (the latter spares abbreviations
such as «МБОУ»), ``stop`` and ``sentence`` (one full stop at the end), ``join_and``
(«A, B и C»), ``sub_items`` (an enumeration with «;» and a final «.»), ``with_preposition``;
and the blanks for handwriting inside running text (``BLANK_LINE``, ``BLANK_SHORT``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._typography import typograph

__all__ = ["BLANK_LINE", "BLANK_SHORT", "join_and", "lower_first", "sentence", "stop", "sub_items", "upper_first", "with_preposition"]

#: Blanks for handwriting inside running text: a line for an address or a name, and a
#: short one for a phone or a signature (kept short, so that lines wrap at spaces).
BLANK_LINE = "_" * 40
BLANK_SHORT = "_" * 20


def upper_first(text: str) -> str:
    """The text with its first letter in capitals («директор» → «Директор»)."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an abbreviation («МБОУ»)."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text
    return text[:1].lower() + text[1:]


def stop(text: str) -> str:
    """``text`` ending with one full stop («… 2026 г.» keeps its own)."""
    return text if text.endswith((".", "!", "?")) else text + "."


def sentence(text: str) -> str:
    """Capitalised, single-spaced, ending with one full stop."""
    text = " ".join(t for t in text.split(" ") if t).strip().rstrip(" ;,")
    return upper_first(stop(text))


def join_and(parts: Sequence[str], sep: str = ", ") -> str:
    """«A, B и C» (empty parts left out)."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{sep.join(parts[:-1])} и {parts[-1]}"


def with_preposition(word: str) -> str:
    """«с» or «со» before ``word`` («со статьёй», «с Федеральным законом»)."""
    low = word.lower()
    if re.match(r"^[сзшж][^аеёиоуыэюя]", low) or low.startswith(("мн", "вс")):
        return "со"
    return "с"


def sub_items(lines: Sequence[str], *, lower: bool = True) -> list[str]:
    """Sub-items of an enumeration: «;» after each, «.» after the last; ``lower`` starts
    each with a small letter (names keep their capital)."""
    out = []
    for text in lines:
        text = typograph(" ".join(t for t in text.split(" ") if t)).rstrip(" ;,")
        last = re.split(r"\s", text)[-1]  # \s includes the no-break space
        if text.endswith(".") and len(last.strip("()«».")) > 3:
            text = text[:-1]
        out.append(lower_first(text) if lower else text)
    return [t + (";" if i < len(out) - 1 else _stop_mark(t)) for i, t in enumerate(out)]


def _stop_mark(text: str) -> str:
    return "" if text.endswith(".") else "."
