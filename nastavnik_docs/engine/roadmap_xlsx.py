"""A roadmap as a workbook: the table as published, and a month grid to filter.

Sheet «Дорожная карта» repeats the DOCX table (the roadmap's own headings, the
column-number row, stage rows across the table or stage cells merged beside their rows).
Sheet «По месяцам» lists every row once with its stage, deadline and responsible, then one
column per month of the roadmap's period with «●» where the row falls due (parsed by
``nastavnik_docs.models.roadmap``); an autofilter lets a curator keep one responsible's rows,
and the line above the headings counts the visible marks of each month (SUBTOTAL).

A special writer (the roadmap lists ``.xlsx`` in ``Kind.extra_formats``): the month columns
depend on the data, which a fill-in template cannot express.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..models.roadmap import (
    COLUMN_WEIGHTS,
    ColumnRole,
    DeadlineStatus,
    Roadmap,
    months_due,
    parse_deadline,
    roadmap_months,
)

__all__ = ["MARK", "MONTH_ABBR", "write_roadmap_xlsx"]

MARK = "●"
MONTH_ABBR = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
TABLE_SHEET = "Дорожная карта"
GRID_SHEET = "По месяцам"

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEAD = Alignment(wrap_text=True, vertical="center", horizontal="center")
CENTER_TOP = Alignment(wrap_text=True, vertical="top", horizontal="center")
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
STAGE_FILL = PatternFill("solid", fgColor="F2F2F2")
MARK_FILL = PatternFill("solid", fgColor="C6E0B4")
BOLD = Font(bold=True)
FONT = "Times New Roman"

#: Width in characters of a weight unit (models.roadmap.COLUMN_WEIGHTS) on the table sheet.
CHARS_PER_WEIGHT = 1.2
#: Points per printed line of 11 pt text, for the row heights set below.
LINE_PT = 14.5


def _put(ws: Worksheet, row: int, col: int, value: Any, *, font: Font | None = None,
         align: Alignment = WRAP_TOP, fill: PatternFill | None = None, border: bool = True) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not value.startswith("=SUBTOTAL"):
        cell.value = value
        cell.data_type = "s"  # text from the data never becomes a formula
        cell.quotePrefix = True
    else:
        cell.value = value if value != "" else None
    cell.font = font or Font(name=FONT, size=11)
    cell.alignment = align
    if fill is not None:
        cell.fill = fill
    if border:
        cell.border = BORDER


def _row_value(role: ColumnRole, row: Any) -> str:
    if role is ColumnRole.TITLE:
        return "\n".join(row.lines())
    return {ColumnRole.NUMBER: row.number, ColumnRole.DEADLINE: row.deadline,
            ColumnRole.RESPONSIBLE: row.responsible, ColumnRole.RESULT: row.result}.get(role) or ""


def _table_sheet(ws: Worksheet, roadmap: Roadmap) -> None:
    roles = [c.role for c in roadmap.columns]
    n = len(roles)
    for i, role in enumerate(roles, start=1):
        ws.column_dimensions[get_column_letter(i)].width = round(COLUMN_WEIGHTS[role] * CHARS_PER_WEIGHT, 1)
    _put(ws, 1, 1, roadmap.title, font=Font(name=FONT, size=12, bold=True), align=HEAD, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.row_dimensions[1].height = 48
    r = 3
    for i, col in enumerate(roadmap.columns, start=1):
        _put(ws, r, i, col.heading, font=Font(name=FONT, size=11, bold=True), align=HEAD, fill=HEAD_FILL)
    header_last = r
    if roadmap.column_numbers:
        r += 1
        for i in range(1, n + 1):
            _put(ws, r, i, str(i), align=HEAD, fill=HEAD_FILL)
        header_last = r
    r += 1
    ws.freeze_panes = ws.cell(row=r, column=1)
    ws.print_title_rows = f"3:{header_last}"
    as_column = roadmap.stages_as_column
    for stage in roadmap.stages:
        if not as_column:
            _put(ws, r, 1, stage.heading, font=Font(name=FONT, size=11, bold=True), fill=STAGE_FILL)
            for i in range(2, n + 1):
                _put(ws, r, i, None, fill=STAGE_FILL)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
            r += 1
        first = r
        groups = ([(None, stage.rows)] if stage.rows else []) + [(s, s.rows) for s in stage.substages]
        for sub, rows in groups:
            if sub is not None and not as_column and ColumnRole.SUBSTAGE not in roles:
                text = " ".join(x for x in (sub.number, sub.title) if x)
                _put(ws, r, 1, text, font=Font(name=FONT, size=11, bold=True, italic=True))
                for i in range(2, n + 1):
                    _put(ws, r, i, None)
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
                r += 1
            for j, row in enumerate(rows):
                for i, role in enumerate(roles, start=1):
                    if role is ColumnRole.SUBSTAGE:
                        value = " ".join(x for x in (sub.number, sub.title) if x) if sub and j == 0 else ""
                    elif role is ColumnRole.STAGE_NUMBER:
                        value = stage.number or "" if r == first else ""
                    elif role is ColumnRole.STAGE:
                        value = stage.title if r == first else ""
                    else:
                        value = _row_value(role, row)
                    _put(ws, r, i, value, align=CENTER_TOP if role is ColumnRole.NUMBER else WRAP_TOP)
                r += 1
        if as_column and r == first:  # a stage without rows
            for i in range(1, n + 1):
                _put(ws, r, i, stage.title if roles[i - 1] is ColumnRole.STAGE else None)
            r += 1
        if as_column and r - first > 1:
            for i, role in enumerate(roles, start=1):
                if role in (ColumnRole.STAGE_NUMBER, ColumnRole.STAGE):
                    ws.merge_cells(start_row=first, start_column=i, end_row=r - 1, end_column=i)
    if roadmap.targets and roadmap.show_targets:
        r += 1
        _put(ws, r, 1, roadmap.targets_title or "Целевые показатели", font=Font(name=FONT, bold=True),
             border=False)
        for line in ([roadmap.targets_intro] if roadmap.targets_intro else []) + roadmap.target_lines():
            r += 1
            _put(ws, r, 1, line, border=False, align=Alignment(vertical="top"))
    _fit_row_heights(ws, header_last + 1)
    _print_setup(ws)


def _grid_sheet(ws: Worksheet, roadmap: Roadmap) -> None:
    horizon = roadmap_months(roadmap)
    has_result = roadmap.has(ColumnRole.RESULT)
    fixed = [("№", 7), ("Этап", 28), ("Мероприятие", 60), ("Срок (как в плане)", 22),
             ("Ответственные", 30)]
    if has_result:
        fixed.append(("Результат", 30))
    fixed.append(("Срок в календаре", 18))
    first_month_col = len(fixed) + 1
    last_col = len(fixed) + len(horizon)
    _put(ws, 1, 1, f"{roadmap.title} — по месяцам", font=Font(name=FONT, size=12, bold=True),
         align=Alignment(wrap_text=False, vertical="center"), border=False)
    header = 3
    for i, (text, width) in enumerate(fixed, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        _put(ws, header, i, text, font=Font(name=FONT, bold=True), align=HEAD, fill=HEAD_FILL)
    for k, (y, m) in enumerate(horizon):
        col = first_month_col + k
        ws.column_dimensions[get_column_letter(col)].width = 6.5
        _put(ws, header, col, f"{MONTH_ABBR[m - 1]}\n{y}", font=Font(name=FONT, bold=True),
             align=HEAD, fill=HEAD_FILL)
    ws.row_dimensions[header].height = 32
    r = header + 1
    for stage, sub, row in roadmap.rows():
        deadline = parse_deadline(row.deadline)
        due = set(months_due(deadline, horizon))
        stage_text = stage.heading + (f" / {' '.join(x for x in (sub.number, sub.title) if x)}"
                                      if sub is not None else "")
        values = [row.number or "", stage_text, "\n".join(row.lines()), row.deadline or "",
                  row.responsible or ""]
        if has_result:
            values.append(row.result or "")
        if deadline is None:
            status = "срок не указан"
        elif deadline.status is DeadlineStatus.UNPARSED:
            status = "срок не распознан"
        elif deadline.status is DeadlineStatus.OPEN or not due:
            status = "без даты"
        else:
            status = "по месяцам"
        values.append(status)
        for i, value in enumerate(values, start=1):
            _put(ws, r, i, value, align=CENTER_TOP if i == 1 else WRAP_TOP)
        for k, ym in enumerate(horizon):
            marked = ym in due
            _put(ws, r, first_month_col + k, MARK if marked else None,
                 align=Alignment(horizontal="center", vertical="top"),
                 fill=MARK_FILL if marked else None)
        r += 1
    last_row = r - 1
    # visible marks per month, recomputed by Excel when the autofilter hides rows
    if horizon and last_row > header:
        _put(ws, 2, first_month_col - 1, "Видимых в месяце:", font=Font(name=FONT, italic=True),
             align=Alignment(horizontal="right"), border=False)
        for k in range(len(horizon)):
            letter = get_column_letter(first_month_col + k)
            _put(ws, 2, first_month_col + k, f"=SUBTOTAL(103,{letter}{header + 1}:{letter}{last_row})",
                 align=Alignment(horizontal="center"), border=False)
    ws.auto_filter.ref = f"A{header}:{get_column_letter(max(last_col, len(fixed)))}{max(last_row, header)}"
    ws.freeze_panes = ws.cell(row=header + 1, column=4)
    ws.print_title_rows = f"{header}:{header}"
    _fit_row_heights(ws, header + 1)
    _print_setup(ws)


def _fit_row_heights(ws: Worksheet, first_row: int) -> None:
    """Set each row's height from its wrapped text.

    Neither openpyxl nor LibreOffice measures wrapped text when a file is opened, so rows
    would print one line high with the text overlapping; the estimate counts the lines
    each paragraph takes at the column's width (a character of 11 pt Times New Roman is
    about 0.87 of a width unit: a line holds ~1.15 characters per unit).
    """
    import math

    # a stage cell merged down several rows does not make its first row taller
    merged = {f"{get_column_letter(rng.min_col)}{rng.min_row}" for rng in ws.merged_cells.ranges
              if rng.max_row > rng.min_row}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if (not isinstance(cell.value, str) or cell.coordinate in merged
                    or not cell.alignment.wrap_text):
                continue
            letter = cell.column_letter
            width = ws.column_dimensions[letter].width or 8.43
            span = _merged_width(ws, cell) or width
            per_line = max(4.0, span * 1.15)
            count = sum(max(1, math.ceil(len(part) / per_line)) for part in cell.value.split("\n"))
            lines = max(lines, count)
        ws.row_dimensions[row[0].row].height = round(lines * LINE_PT + 3, 1)


def _merged_width(ws: Worksheet, cell: Any) -> float | None:
    """Width of a horizontally merged range starting at ``cell`` (None when not merged)."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row == cell.row and rng.min_col == cell.column and rng.max_col > rng.min_col:
            return sum(ws.column_dimensions[get_column_letter(c)].width or 8.43
                       for c in range(rng.min_col, rng.max_col + 1))
    return None


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def write_roadmap_xlsx(context: Any, template: str | os.PathLike[str] | None,
                       out: str | os.PathLike[str]) -> Path:
    """Kind writer for ``.xlsx`` (``template`` is unused: the sheets are laid out here)."""
    roadmap: Roadmap = context.roadmap
    wb = Workbook()
    table = wb.active
    table.title = TABLE_SHEET
    _table_sheet(table, roadmap)
    _grid_sheet(wb.create_sheet(GRID_SHEET), roadmap)
    wb.properties.title = roadmap.title
    wb.properties.creator = "nastavnik_docs"
    wb.save(str(out))
    return Path(out)
