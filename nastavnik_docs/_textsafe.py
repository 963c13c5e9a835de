"""Two rules for text from the data, applied by every writer.

**XML characters** (DOCX, XLSX, ICS): a line end is ``\\n`` — ``\\r\\n`` and a lone ``\\r``
become ``\\n`` — and every character XML 1.0 cannot hold is removed: the control
characters U+0000–U+001F other than tab and line feed (a vertical tab pasted from Word,
a bell, a form feed), the non-characters U+FFFE and U+FFFF and unpaired surrogates.
Nothing else is changed. (A DOCX writer then turns ``\\n`` into a line break, an XLSX
cell keeps it, an ICS value escapes it as ``\\n``.)

**Formulas** (CSV, XLSX): a spreadsheet reads a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (OWASP, «CSV Injection»). Text from the
data written to a CSV file gets a leading apostrophe, which spreadsheets show as text
and never evaluate (:func:`csv_cell`); an XLSX cell is written as a string with Excel's
quote prefix, so it shows without the apostrophe and is never a formula
(:func:`excel_text` tells the writers when).

**Cell size** (XLSX): a cell holds at most 32,767 characters and Excel cuts longer text
when it opens the file; such text is refused with a message, never cut
(:func:`excel_text`).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["EXCEL_CELL_CHARS", "FORMULA_START", "csv_cell", "excel_text", "looks_like_formula", "xml_text"]

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: What :func:`xml_text` changes: a carriage return or a character XML cannot hold.
_NEEDS_CLEANING = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: What a spreadsheet reads as the start of a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: The most characters an Excel cell holds.
EXCEL_CELL_CHARS = 32_767


def xml_text(text: str) -> str:
    """``text`` by the XML rule of the module docstring."""
    if _NEEDS_CLEANING.search(text) is None:  # nearly always: one scan, no copy
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_INVALID.sub("", text)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula."""
    return text.startswith(FORMULA_START)


def csv_cell(value: Any) -> str:
    """A CSV cell from data: ``None`` as empty, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def _grouped(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def excel_text(text: str) -> tuple[str, bool]:
    """Text from the data for an XLSX cell: by the XML rule, and whether the cell needs
    the quote prefix (it looks like a formula). ValueError (in Russian) for text longer
    than a cell holds."""
    text = xml_text(text)
    if len(text) > EXCEL_CELL_CHARS:
        raise ValueError(f"текст длиннее {_grouped(EXCEL_CELL_CHARS)} символов ({_grouped(len(text))}) — больше, "
                         f"чем вмещает ячейка Excel; он не записан, чтобы не оказаться обрезанным")
    return text, looks_like_formula(text)
