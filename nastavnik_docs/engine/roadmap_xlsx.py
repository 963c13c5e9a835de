"""A roadmap as a workbook: the table as published, and a month grid to filter and print.

Sheet «Дорожная карта» repeats the DOCX table (the roadmap's own headings, the
column-number row, stage rows across the table or with their number in the first column,
stage cells merged beside their rows). Sheet «По месяцам» lists every row once with its
stage, deadline and responsible, then one column per month of the roadmap's period with
«●» where the row falls due (parsed by ``nastavnik_docs.models.roadmap``); an autofilter
lets a curator keep one responsible's rows, and the line above the headings counts the
visible marks of each month (SUBTOTAL).

Printing: both sheets are landscape A4 with their title and heading rows repeated on every
page. The month grid prints at most twelve month columns per page — a page per school year
(September to August; per calendar year for a plan of calendar years), further split into
twelves — with the row columns (№, stage, event, deadline, responsible) repeated at the left
of every page, at one scale that fits the widest page to the paper's width (Excel ignores
page breaks under «fit to page», so the scale is computed here). Row heights are set from
the wrapped text, and a stage cell merged over rows that are too short for its name makes
the last of them taller: a stage name is never cut.

A special writer (the roadmap lists ``.xlsx`` in ``Kind.extra_formats``): the month columns
depend on the data, which a fill-in template cannot express.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from .._textsafe import excel_text
from ..errors import InputError, Problem
from ..models.roadmap import (
    COLUMN_WEIGHTS,
    YM,
    ColumnRole,
    DeadlineStatus,
    Roadmap,
    StageLayout,
    calendar_entries,
    months_due,
    parse_deadline,
    roadmap_months,
)
from .xlsx_fit import CHARS_PER_UNIT, LINE_PT, merged_width, text_lines

__all__ = ["GRID_FIXED", "MARK", "MONTH_ABBR", "month_pages", "write_roadmap_xlsx"]

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
FONT = "Times New Roman"

#: Width in characters of a weight unit (models.roadmap.COLUMN_WEIGHTS) on the table sheet.
CHARS_PER_WEIGHT = 1.2
#: The grid's row columns: heading and width.
GRID_FIXED = (("№", 6), ("Этап", 22), ("Мероприятие", 44), ("Срок (как в плане)", 18),
              ("Ответственные", 20), ("Срок в календаре", 13))
MONTH_WIDTH = 5.5
#: Printable width of landscape A4 with 12.7 mm margins, in millimetres.
PRINTABLE_MM = 297 - 2 * 12.7


def _put(ws: Worksheet, row: int, col: int, value: Any, *, font: Font | None = None,
         align: Alignment = WRAP_TOP, fill: PatternFill | None = None, border: bool = True,
         formula: bool = False) -> None:
    """Write a cell; text is the data's (``nastavnik_docs._textsafe``: never a formula, XML
    characters by the one rule, never cut) unless ``formula`` says it is the writer's own."""
    cell = ws.cell(row=row, column=col)
    if formula or not isinstance(value, str):
        cell.value = value
    elif value:
        try:
            text, formula_like = excel_text(value)
        except ValueError as exc:
            raise InputError(Problem(f"лист «{ws.title}», ячейка {cell.coordinate}: {exc}")) from None
        cell.value = text
        cell.data_type = "s"
        if formula_like:
            cell.quotePrefix = True
    else:
        cell.value = None
    cell.font = font or Font(name=FONT, size=11)
    cell.alignment = align
    if fill is not None:
        cell.fill = fill
    if border:
        cell.border = BORDER


def _row_value(role: ColumnRole, row: Any) -> str:
    if role is ColumnRole.TITLE:
        return "\n".join(row.lines())
    if role is ColumnRole.CONTENT:
        return "\n".join(row.content_lines())
    return {ColumnRole.NUMBER: row.number, ColumnRole.DEADLINE: row.deadline,
            ColumnRole.RESPONSIBLE: row.responsible, ColumnRole.RESULT: row.result,
            ColumnRole.DOCUMENT: row.document}.get(role) or ""


def _across(ws: Worksheet, r: int, n: int, text: str, font: Font, fill: PatternFill | None = None,
            first: int = 1) -> None:
    _put(ws, r, first, text, font=font, fill=fill)
    for i in range(first + 1, n + 1):
        _put(ws, r, i, None, fill=fill)
    if n > first:
        ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=n)


def _table_sheet(ws: Worksheet, roadmap: Roadmap) -> None:
    roles = [c.role for c in roadmap.columns]
    n = len(roles)
    for i, role in enumerate(roles, start=1):
        ws.column_dimensions[get_column_letter(i)].width = round(COLUMN_WEIGHTS[role] * CHARS_PER_WEIGHT, 1)
    _put(ws, 1, 1, "\n".join(roadmap.title_lines), font=Font(name=FONT, size=12, bold=True), align=HEAD,
         border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
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
    bold = Font(name=FONT, size=11, bold=True)
    for stage in roadmap.stages:
        if not as_column and stage.printed:
            if roadmap.stage_layout is StageLayout.NUMBER_CELL and stage.number and stage.title \
                    and roles[0] is ColumnRole.NUMBER:
                _put(ws, r, 1, stage.number, font=bold, fill=STAGE_FILL, align=CENTER_TOP)
                _across(ws, r, n, stage.title, bold, STAGE_FILL, first=2)
            else:
                _across(ws, r, n, stage.heading, bold, STAGE_FILL)
            r += 1
        first = r
        groups = ([(None, stage.rows)] if stage.rows else []) + [(s, s.rows) for s in stage.substages]
        for sub, rows in groups:
            if sub is not None and not as_column and ColumnRole.SUBSTAGE not in roles:
                text = " ".join(x for x in (sub.number, sub.title) if x)
                _across(ws, r, n, text, Font(name=FONT, size=11, bold=True, italic=True))
                r += 1
            for j, row in enumerate(rows):
                for i, role in enumerate(roles, start=1):
                    if role is ColumnRole.SUBSTAGE:
                        value = " ".join(x for x in (sub.number, sub.title) if x) if sub and j == 0 else ""
                    elif role is ColumnRole.STAGE_NUMBER:
                        value = stage.number or "" if r == first else ""
                    elif role is ColumnRole.STAGE:
                        value = stage.title or "" if r == first else ""
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
    ws.row_dimensions[1].height = round(len(roadmap.title_lines) * 2 * LINE_PT + 6, 1)
    _fit_row_heights(ws, header_last + 1)
    _print_setup(ws)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def month_pages(horizon: list[YM], *, school_years: bool) -> list[list[YM]]:
    """The months of the grid as printed pages: a page per school year (from September) or
    per calendar year (from January), none longer than twelve months."""
    pages: list[list[YM]] = []
    start_month = 9 if school_years else 1
    for ym in horizon:
        if not pages or ym[1] == start_month or len(pages[-1]) == 12:
            pages.append([])
        pages[-1].append(ym)
    return pages


def _status(deadline: Any, due: set[YM], horizon: list[YM]) -> str:
    if deadline is None:
        return "срок не указан"
    if deadline.status is DeadlineStatus.UNPARSED:
        return "срок не распознан"
    if any(e.outside for e in calendar_entries(deadline, horizon)):
        return "вне периода плана"
    if deadline.status is DeadlineStatus.OPEN or not due:
        return "без даты"
    return "по месяцам"


def _grid_sheet(ws: Worksheet, roadmap: Roadmap) -> None:
    horizon = roadmap_months(roadmap)
    fixed = GRID_FIXED
    first_month_col = len(fixed) + 1
    last_col = len(fixed) + len(horizon)
    _put(ws, 1, 1, f"{' '.join(roadmap.title_lines)} — по месяцам", font=Font(name=FONT, size=12, bold=True),
         align=Alignment(wrap_text=True, vertical="center"), border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(fixed))
    header = 3
    for i, (text, width) in enumerate(fixed, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        _put(ws, header, i, text, font=Font(name=FONT, bold=True), align=HEAD, fill=HEAD_FILL)
    for k, (y, m) in enumerate(horizon):
        col = first_month_col + k
        ws.column_dimensions[get_column_letter(col)].width = MONTH_WIDTH
        _put(ws, header, col, f"{MONTH_ABBR[m - 1]}\n{y}", font=Font(name=FONT, bold=True),
             align=HEAD, fill=HEAD_FILL)
    ws.row_dimensions[header].height = 32
    r = header + 1
    for stage, sub, row in roadmap.rows():
        deadline = parse_deadline(row.deadline)
        due = set(months_due(deadline, horizon))
        stage_text = " / ".join(x for x in (stage.heading, " ".join(y for y in (sub.number, sub.title) if y)
                                                         if sub is not None else "") if x)
        values = [row.number or "", stage_text, "\n".join(row.lines() + row.content_lines()),
                  row.deadline or "", row.responsible or "", _status(deadline, due, horizon)]
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
                 align=Alignment(horizontal="center"), border=False, formula=True)
    ws.auto_filter.ref = f"A{header}:{get_column_letter(max(last_col, len(fixed)))}{max(last_row, header)}"
    ws.freeze_panes = ws.cell(row=header + 1, column=4)
    ws.print_title_rows = f"1:{header}"
    ws.print_title_cols = f"A:{get_column_letter(len(fixed))}"
    _fit_row_heights(ws, header + 1)
    _print_setup(ws)
    school = roadmap.period.school_year if roadmap.period else (not horizon or horizon[0][1] >= 8)
    pages = month_pages(horizon, school_years=school)
    col = len(fixed)
    for page in pages[:-1]:
        col += len(page)
        ws.col_breaks.append(Break(id=col))
    widest = max((len(p) for p in pages), default=0)
    ws.page_setup.scale = _scale([w for _, w in fixed] + [MONTH_WIDTH] * widest)


def _column_mm(width: float) -> float:
    """Printed width of a column ``width`` characters wide (7 px a character plus 5 px of
    padding at 96 dpi, the default font's measure)."""
    return (7 * width + 5) * 25.4 / 96


def _scale(widths: list[float]) -> int:
    """The print scale (per cent) that fits columns of these widths to the paper's width."""
    total = sum(_column_mm(w) for w in widths)
    return max(10, min(100, math.floor(PRINTABLE_MM / total * 100))) if total else 100


def _fit_row_heights(ws: Worksheet, first_row: int) -> None:
    """Set each row's height from its wrapped text, and make the last row of a cell merged
    down several rows taller when their heights together are too small for its text.

    Neither openpyxl nor LibreOffice measures wrapped text when a file is opened, so rows
    would print one line high with the text overlapping or cut.
    """
    merged_down = [rng for rng in ws.merged_cells.ranges if rng.max_row > rng.min_row]
    starts = {(rng.min_row, rng.min_col) for rng in merged_down}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or (cell.row, cell.column) in starts \
                    or not cell.alignment.wrap_text:
                continue
            lines = max(lines, _lines(ws, cell))
        ws.row_dimensions[row[0].row].height = round(lines * LINE_PT + 3, 1)
    for rng in merged_down:
        cell = ws.cell(rng.min_row, rng.min_col)
        if not isinstance(cell.value, str):
            continue
        need = _lines(ws, cell) * LINE_PT + 3
        have = sum(ws.row_dimensions[r].height or LINE_PT for r in range(rng.min_row, rng.max_row + 1))
        if need > have:
            last = ws.row_dimensions[rng.max_row]
            last.height = round((last.height or LINE_PT) + need - have, 1)


def _lines(ws: Worksheet, cell: Any) -> int:
    """Printed lines of a cell's text: paragraphs wrapped at words, as a spreadsheet does."""
    width = merged_width(ws, cell) or ws.column_dimensions[cell.column_letter].width or 8.43
    return text_lines(str(cell.value), max(4, int(width * CHARS_PER_UNIT)))


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_options.horizontalCentered = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def write_roadmap_xlsx(context: Any, template: str | os.PathLike[str] | None,
                       out: str | os.PathLike[str]) -> Path:
    """Kind writer for ``.xlsx`` (``template`` is unused: the sheets are laid out here)."""
    roadmap: Roadmap = context.roadmap
    wb = Workbook()
    # the workbook's default font measures the column widths: Times New Roman (Liberation
    # Serif in LibreOffice has the same metrics), so the print scale computed for the month
    # grid holds in both programs; openpyxl offers no public setting for it
    wb._fonts = IndexedList([Font(name=FONT, size=11)])
    table = wb.active
    table.title = TABLE_SHEET
    _table_sheet(table, roadmap)
    _grid_sheet(wb.create_sheet(GRID_SHEET), roadmap)
    wb.properties.title = " ".join(roadmap.title_lines)
    wb.properties.creator = "nastavnik_docs"
    wb.save(str(out))
    return Path(out)
