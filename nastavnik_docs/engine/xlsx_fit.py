"""Row heights from wrapped text: how many printed lines a cell's text takes in its column
(or in the columns it is merged across), and the rows that the XLSX engine fits after
filling a template.

Neither openpyxl nor LibreOffice measures wrapped text, and no spreadsheet program fits a
row to a cell merged across columns, so such a row prints at whatever height the file
says: the text is cut, or a one-line note stands in a double row. The estimate here
measures the text with Times New Roman's widths against the width of the columns (in
the units of a column width: 7 px at 96 dpi when the workbook's default font is Times
New Roman or Calibri 11 pt) and breaks lines at words, as a spreadsheet does; it errs on
the side of a line too many.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["CHARS_PER_UNIT", "LINE_PT", "fit_merged_rows", "merged_width", "text_lines", "text_width"]

#: Points per printed line of 11 pt text (a larger font scales it).
LINE_PT = 14.5
#: Characters of 11 pt Times New Roman per width unit of a column (kept low: Cyrillic
#: capitals and «ш», «щ», «ж» are wide, and a row a line too tall is better than cut text).
CHARS_PER_UNIT = 1.0
_BASE_PT = 11.0
_DEFAULT_WIDTH = 8.43


def text_lines(text: str, per_line: float, measure: Callable[[str], float] = len) -> int:
    """Printed lines of ``text`` at ``per_line`` a line, each word's width given by
    ``measure`` (characters by default): each paragraph wrapped at words, a word longer
    than a line broken inside."""
    space = measure(" ")
    count = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for word in part.split():
            width = measure(word)
            if used and used + space + width > per_line:
                lines, used = lines + 1, 0.0
            if width > per_line:  # a word longer than the line breaks inside
                lines += math.ceil(width / per_line) - 1
                used = width - (math.ceil(width / per_line) - 1) * per_line
            else:
                used += width + (space if used else 0)
        count += lines
    return count


def text_width(text: str) -> float:
    """Width of ``text`` in 11 pt Times New Roman (Liberation Serif has the same metrics), in
    units of a column's width when the workbook's default font is Times New Roman 11 pt
    (a unit is its digit, 7 px at 96 dpi, as Excel rounds it; LibreOffice's is a little
    wider, so the estimate errs towards a line too many)."""
    return sum(_EM.get(c, _EM_OTHER) for c in text) * _BASE_PT / _UNIT_PT


#: Advance widths of Times New Roman (Liberation Serif), in hundredths of an em.
_EM_GROUPS = {
    18: "'", 20: "|", 25: " \u00a0.,", 28: "ijlt:;/", 33: "frI!()-[]", 39: "sJ", 40: "з", 41: "г\"", 43: "э",
    44: "аеёстacez?", 46: "ья", 47: "в", 48: "{}", 49: "к", 50: "лорухчЗbdghknopquvxy0123456789«»–*#_",
    51: "бд", 52: "ъ", 54: "ийнпц", 55: "≤≥", 56: "РFPS+=×<>", 57: "БЬ", 58: "Г", 61: "ЕЁТELTZ", 63: "м",
    65: "фЧ", 66: "Э", 67: "ыВКСЯBCR", 68: "ДЛ", 69: "ж", 71: "УЪ", 72: "АИЙНОПХЦwADGHKNOQUVXY", 75: "ю",
    77: "шщ", 78: "m&", 79: "Ф", 83: "%", 87: "Ы", 89: "МM", 90: "Ж", 92: "@", 94: "W", 95: "№", 100: "—",
    101: "ШЩ", 103: "Ю",
}
_EM = {char: width / 100 for width, chars in _EM_GROUPS.items() for char in chars}
_EM_OTHER = 0.6
#: Points a unit of column width measures (Times New Roman 11 pt: a 7 px digit at 96 dpi).
_UNIT_PT = 5.25


def merged_width(ws: Worksheet, cell: Any) -> float | None:
    """Width of a horizontally merged range starting at ``cell`` (None when not merged)."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row == cell.row and rng.min_col == cell.column and rng.max_col > rng.min_col:
            return _width(ws, rng.min_col, rng.max_col)
    return None


def _width(ws: Worksheet, first: int, last: int) -> float:
    return sum(ws.column_dimensions[get_column_letter(c)].width or _DEFAULT_WIDTH for c in range(first, last + 1))


def _cell_lines(cell: Any, width: float) -> int:
    """Lines of a cell's text in ``width`` units, at the cell's font size."""
    size = float(cell.font.sz or _BASE_PT) if cell.font is not None else _BASE_PT
    return text_lines(str(cell.value), max(2.0, width * _BASE_PT / size), text_width)


def fit_merged_rows(ws: Worksheet) -> None:
    """Give each row that has no height of its own and holds a wrapping text cell merged
    across columns the height its text needs, when that is more than one line (a one-line
    row keeps the program's default height). Every wrapping text cell of the row counts,
    merged or not: once a row has a height, the program no longer fits it."""
    spans: dict[int, dict[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row == rng.max_row and rng.max_col > rng.min_col:
            spans.setdefault(rng.min_row, {})[rng.min_col] = rng.max_col
    for row, merged in sorted(spans.items()):
        if ws.row_dimensions[row].height is not None \
                or not any(_wraps_text(ws.cell(row, column)) for column in merged):
            continue
        lines, size = 1, _BASE_PT
        for cell in ws[row]:
            if isinstance(cell, MergedCell) or not _wraps_text(cell):
                continue
            lines = max(lines, _cell_lines(cell, _width(ws, cell.column, merged.get(cell.column, cell.column))))
            size = max(size, float(cell.font.sz or _BASE_PT))
        if lines > 1:
            ws.row_dimensions[row].height = round(lines * LINE_PT * size / _BASE_PT + 3, 1)


def _wraps_text(cell: Any) -> bool:
    return isinstance(cell.value, str) and bool(cell.value.strip()) and bool(cell.alignment.wrap_text)
