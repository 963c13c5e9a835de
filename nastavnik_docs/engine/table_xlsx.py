"""A plain table as an XLSX workbook: a header row in bold, set column widths, dates as
dates, an auto-filter, the header frozen — what a journal or a list a secretary keeps
looks like. Written with openpyxl's write-only mode (rows streamed to the file)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._files import atomic_path

__all__ = ["write_table"]

DATE_FORMAT = "DD.MM.YYYY"


def write_table(path: str | os.PathLike[str], sheet: str, columns: Sequence[tuple[str, float]],
                rows: Iterable[Sequence[Any]], *, overwrite: bool = False) -> Path:
    """Write ``rows`` under the headers of ``columns`` ((header, width), …); atomic."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(sheet)
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title, _ in columns:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    count = 0
    for row in rows:
        cells: list[Any] = []
        for value in row:
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATE_FORMAT
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    path = Path(path)
    with atomic_path(path, overwrite=overwrite) as tmp:
        workbook.save(tmp)
    return path
