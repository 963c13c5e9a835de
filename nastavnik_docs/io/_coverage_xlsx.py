"""Reading an organisation's coverage table back from its workbook (the layout of
``templates/xlsx/report_coverage.xlsx``) into a :class:`~nastavnik_docs.models.CoverageTable`,
for the municipal summary and for the comparison with the previous period.

The workbook is checked before openpyxl opens it (the package limits, encryption, DOCTYPE:
``_workbook.check_workbook``), then opened read-only and streamed row by row (a file's
memory is freed before the next is read); a sheet found damaged while it is read, and a
figure that is a formula without a saved value, are located errors, never a traceback or
an empty cell. The reader is tolerant of what a spreadsheet program does to a file —
numbers stored as text, extra rows and columns, a renamed sheet — and strict about
meaning: the requisites are found by their labels, the figures by the line code in
graph 2. A registry workbook given instead is recognised and read as a registry.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from ..errors import InputError, Problem
from ..models import CoverageTable, Registry, TableLine
from ._columns import PAIRS_SHEET, PARTICIPANTS_SHEET
from ._table import Workbook, open_workbook
from ._values import cell_text, header_key, parse_date, parse_number
from ._workbook import FORMULA_MESSAGE, check_workbook, column_letter, damaged_workbook, formulas_without_values
from ._yaml import existing_file

__all__ = ["Blanks", "open_readonly", "read_coverage_source", "read_coverage_table", "read_sheets"]

#: (row, 0-based column) of the cells of a sheet that hold a formula without a saved value.
Blanks = AbstractSet[tuple[int, int]]
T = TypeVar("T")

#: The labels of the requisites block (graph 1) and the field each fills.
LABELS = {"организация": "organization", "инн": "inn", "отчетный период": "period", "форма": "form"}
_CODE = re.compile(r"^\d{2}$")
_FORM = re.compile(r"^\s*(\S+?),?\s+версия\s+(\S+)\s*$", re.IGNORECASE)
_DATES = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4})")


def open_readonly(path: str | os.PathLike[str]) -> tuple[Workbook, str]:
    """The workbook opened for streaming its rows (python-calamine where installed, else
    openpyxl read-only: :class:`~._table.Workbook`), and the file name for messages; the
    package is checked first (``check_workbook``: a bomb, an encrypted file, a DOCTYPE are
    refused before a reader sees a byte)."""
    path = existing_file(path)
    file = str(path)
    check_workbook(path)
    try:
        return open_workbook(path), file
    except Exception:  # calamine, openpyxl, zipfile and lxml each raise their own classes
        raise InputError(Problem("не удалось открыть книгу Excel: файл повреждён или это не .xlsx", file=file,
                                 code="file.unreadable"),
                         file=file) from None


def read_sheets(workbook: Workbook, file: str,
                read: Callable[[Iterator[Sequence[Any]], str, Blanks], T | None]) -> T | None:
    """``read(rows, sheet title, blanks)`` for each sheet in turn until one gives a result.
    A sheet that turns out damaged while its rows are read becomes a located InputError."""
    try:
        blanks = formulas_without_values(Path(file), list(workbook.sheetnames))
        for name in workbook.sheetnames:
            found = read(workbook.rows(name), name, blanks.get(name, frozenset()))
            if found is not None:
                return found
    except InputError:
        raise
    except Exception as exc:  # a sheet is parsed lazily, while its rows are read
        raise damaged_workbook(file, exc) from None
    return None


def read_coverage_source(path: str | os.PathLike[str]) -> CoverageTable | Registry:
    """A coverage table, or the registry when the workbook is a registry (sheets
    «Участники» and «Пары»)."""
    workbook, file = open_readonly(path)
    try:
        names = {header_key(n) for n in workbook.sheetnames}
        if {header_key(PARTICIPANTS_SHEET), header_key(PAIRS_SHEET)} <= names:
            workbook.close()
            from ._registry_xlsx import read_registry_xlsx

            return read_registry_xlsx(path)
        return _table(workbook, file)
    finally:
        workbook.close()


def read_coverage_table(path: str | os.PathLike[str]) -> CoverageTable:
    """The coverage table of a workbook; InputError naming the file when it is none."""
    workbook, file = open_readonly(path)
    try:
        return _table(workbook, file)
    finally:
        workbook.close()


def _table(workbook: Workbook, file: str) -> CoverageTable:
    found = read_sheets(workbook, file, lambda rows, sheet, blanks: _read_sheet(rows, file, sheet, blanks))
    if found is not None:
        return found
    raise InputError(Problem("в книге нет таблицы охвата: не найдены строки с кодами (графа 2) "
                             "и реквизиты «Организация», «Отчётный период», «Форма»", file=file,
                             code="sheet.missing"), file=file)


def _number(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_number(value)
    except ValueError:
        return None


def _read_sheet(rows: Iterator[Sequence[Any]], file: str, sheet: str, blanks: Blanks = frozenset()) -> CoverageTable | None:
    fields: dict[str, Any] = {}
    lines: dict[str, TableLine] = {}
    problems: list[Problem] = []
    for number, row in enumerate(rows, start=1):
        cells = list(row) + [None] * (5 - len(row))
        label = header_key(cells[0]) if isinstance(cells[0], str) else ""
        if blanks and (label in LABELS or _CODE.match(cell_text(cells[1]) if cells[1] is not None else "")):
            lost = [i for i in range(1, 5) if (number, i) in blanks]
            problems.extend(Problem(FORMULA_MESSAGE, file=file, sheet=sheet, row=number,
                                    column=column_letter(i + 1) if label in LABELS else str(i + 1),
                                    code="cell.formula")
                            for i in lost)
            if lost:
                continue
        if label in LABELS and LABELS[label] not in fields:
            _requisite(fields, LABELS[label], cells[1:], file, sheet, number, problems)
            continue
        code = cell_text(cells[1]) if cells[1] is not None else ""
        if not _CODE.match(code) or code in lines:
            continue
        graphs = {g: v for g, v in ((3, _number(cells[2])), (4, _number(cells[3])), (5, _number(cells[4])))
                  if v is not None}
        if 3 not in graphs and cells[2] not in (None, ""):
            problems.append(Problem("в графе 3 должно быть число", file=file, sheet=sheet, row=number,
                                    column="3", value=cell_text(cells[2]), code="number.invalid"))
        lines[code] = TableLine(code=code, title=cell_text(cells[0]).strip() if cells[0] else "", graphs=graphs)
    if problems:
        raise InputError(problems, file=file)
    if not lines or "form" not in fields:
        return None
    return CoverageTable(source=file, lines=lines, **fields)


def _requisite(fields: dict[str, Any], name: str, values: list[Any], file: str, sheet: str, row: int,
               problems: list[Problem]) -> None:
    given = [v for v in values if v not in (None, "")]
    if name == "organization":
        fields["organization"] = cell_text(given[0]).strip() if given else ""
    elif name == "inn":
        fields["inn"] = cell_text(given[0]).strip() or None if given else None
    elif name == "form":
        match = _FORM.match(cell_text(given[0])) if given else None
        fields["form"], fields["version"] = (match.group(1), match.group(2)) if match else (
            cell_text(given[0]) if given else None, None)
    elif name == "period":
        dates = [v for v in given if not isinstance(v, str)]
        for text in (cell_text(v) for v in given if isinstance(v, str)):
            dates.extend(_DATES.findall(text))
        try:
            start, end = (parse_date(d) for d in dates[:2])
        except ValueError:
            problems.append(Problem("отчётный период: нужны две даты (начало и конец)", file=file, sheet=sheet,
                                    row=row, value="; ".join(cell_text(v) for v in given), code="date.invalid"))
            return
        fields["period_start"], fields["period_end"] = start, end
