"""Plain tables as a workbook: a title, a header row and rows, ready to print.

Used for the lists a project folder keeps beside its documents — the journal of acts
(журнал регистрации) and the index of a year's set — which have no template of their own:
their columns are data. Each sheet prints landscape, one page wide, with the header row
repeated on every page; text wraps, dates stay dates.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .._files import atomic_path

__all__ = ["Sheet", "write_table_xlsx"]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


@dataclass
class Sheet:
    """One sheet: its name (at most 31 characters), a title line above the table, the
    columns as (heading, width in characters), the rows and notes below the table."""

    name: str
    title: str
    columns: Sequence[tuple[str, int]]
    rows: Sequence[Sequence[Any]]
    notes: Sequence[str] = field(default_factory=tuple)
    one_page: bool = False  # print the whole sheet on one page (scaled down)


def _safe(value: Any) -> Any:
    """Text from the data never becomes a formula."""
    if isinstance(value, str) and value.startswith("="):
        return "'" + value
    return value


def _lines(value: Any, width: int) -> int:
    """How many lines a value wraps to in a column ``width`` characters wide."""
    if value is None or isinstance(value, (dt.date, int, float)):
        return 1
    return sum(max(1, math.ceil(len(part) * 1.1 / max(width - 1, 1))) for part in str(value).split("\n"))


def write_table_xlsx(path: str | os.PathLike[str], sheets: Sequence[Sheet], *,
                     font_name: str = "Times New Roman", overwrite: bool = False) -> Path:
    """Write ``sheets`` into a new workbook at ``path`` (atomically)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(re.sub(r"[\\/?*\[\]:]", "-", spec.name)[:31] or "Лист")
        width = len(spec.columns)
        sheet.cell(row=1, column=1, value=spec.title).font = Font(name=font_name, size=13, bold=True)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.row_dimensions[1].height = 36
        for col, (heading, chars) in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=3, column=col, value=heading)
            cell.font = Font(name=font_name, size=11, bold=True)
            cell.fill = _HEADER_FILL
            cell.border = _BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            sheet.column_dimensions[get_column_letter(col)].width = chars
        sheet.row_dimensions[3].height = 15 * max(_lines(h, w) for h, w in spec.columns)
        for r, row in enumerate(spec.rows, start=4):
            widths = [chars for _, chars in spec.columns]
            sheet.row_dimensions[r].height = 15 * max(_lines(v, w) for v, w in zip(row, widths))
            for col, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=col, value=_safe(value))
                cell.font = Font(name=font_name, size=11)
                cell.border = _BORDER
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if isinstance(value, dt.date):
                    cell.number_format = "DD.MM.YYYY"
        below = 4 + len(spec.rows) + 1
        for i, note in enumerate(spec.notes):
            sheet.cell(row=below + i, column=1, value=_safe(note)).font = Font(name=font_name, size=11)
        sheet.print_title_rows = "3:3"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 1 if spec.one_page else 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.freeze_panes = "A4"
    with atomic_path(path, overwrite=overwrite) as tmp:
        workbook.save(tmp)
    return Path(path)
