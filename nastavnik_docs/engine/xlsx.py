"""The XLSX engine: ``{{ placeholders }}`` in cells and rows that repeat per item.

Template syntax (documented for users in the README, «Шаблоны и свои бланки»):

* A cell holding exactly one placeholder, ``{{ expr }}``, gets the value with its type: a
  date stays a date (formatted ``ДД.ММ.ГГГГ`` unless the template cell has its own date
  format), a number stays a number, ``None`` leaves the cell empty. Any other text with
  tags (``Итого: {{ n }} чел.``) is rendered as text. Print headers and footers may hold
  placeholders too (``&`` from the data is doubled there, as Excel requires).
* A row repeats once per item when one of its cells starts with the row marker
  ``{%row for p in participants %}``; the rest of that cell, and every other cell of the
  row, may use ``p`` and ``loop`` (``loop.index`` counts from 1, also ``index0``,
  ``first``, ``last``, ``length``). To pick items, filter in the expression:
  ``{%row for p in participants|selectattr("is_mentor") %}``. An empty list leaves the
  row in place with its placeholders emptied, so formulas over it stay valid.
* Rows below a repeated row move down, and everything that refers to rows moves with
  them: merged cells, data validations, conditional formats, formulas on every sheet
  (a range that ends on the repeated row, such as ``=SUM(D5:D5)``, grows to cover all the
  new rows; a single-cell reference to the repeated row stays on its first copy), print
  area, autofilter, tables, defined names, page breaks and hyperlinks. Row heights,
  styles, number formats, column widths and print titles are kept; formulas written in
  the repeated row itself are copied to each new row with their relative references
  shifted, and merges within the repeated row are repeated for each new row.
* A row left without a height of its own in the template that holds a wrapping text cell
  merged across columns gets, once filled, the height its text needs (lines estimated from
  the text's length and the merged width: :mod:`.xlsx_fit`), since no spreadsheet program
  fits such a row; a template that sets the row's height keeps it.
* Limits of openpyxl, which loads and saves the workbook: pictures survive only when
  Pillow is installed, and chart data ranges are not moved.
* Text from the data is always written as text: a value starting with ``=``, ``+``,
  ``-``, ``@`` or a tab never becomes a formula (it is stored as a string with Excel's
  quote prefix; :mod:`nastavnik_docs._textsafe`), and text longer than a cell holds
  (32,767 characters) is refused rather than cut. A repeated row becomes at most
  ``xlsx_rows`` rows (:mod:`nastavnik_docs._limits`), and the whole workbook renders
  within the time limit of one document.

Why not xltpl (evaluated, version 0.21): it renders with a plain ``jinja2.Environment``
(no sandbox, no autoescape control), writes any rendered value that starts with ``=`` as
a formula (formula injection from the data), copies cells into a new sheet without
translating formula references or carrying conditional formats, and prints errors to
stdout with ANSI colours instead of raising located errors. openpyxl's ``insert_rows``
moves only cells, so the reference bookkeeping is written here (:mod:`.xlsx_rows`); no
maintained library does it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, overload

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import Undefined
from jinja2.sandbox import SecurityError
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.numbers import is_date_format
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from .. import _limits
from .._textsafe import excel_text
from ..errors import TemplateError
from ._budget import render_guard
from ._jinja import finalize, make_environment, one_line, open_template, template_context, template_error
from .xlsx_fit import fit_merged_rows
from .xlsx_rows import copy_row, expand_rows

__all__ = ["ROW_MARKER", "RowLoop", "CellTemplate", "scan_sheet", "cell_source", "render_xlsx",
           "header_footer_templates"]

#: ``{%row for p in participants %}`` at the start of a cell marks a repeated row.
ROW_MARKER = re.compile(r"^\s*\{%-?\s*row\s+(?P<body>.*?)\s*-?%\}", re.S)
_FOR = re.compile(r"^for\s+(?P<target>[A-Za-z_]\w*)\s+in\s+(?P<iter>\S.*)$", re.S)
_EXACT = re.compile(r"^\s*\{\{(?P<expr>(?:(?!\{\{|\}\}).)*)\}\}\s*$", re.S)
_HAS_TAG = re.compile(r"\{\{|\{%|\{#")
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


@dataclass(frozen=True)
class RowLoop:
    """A repeated row: ``{%row for <target> in <iter_source> %}`` in ``marker`` cell."""

    sheet: str
    row: int
    target: str
    iter_source: str
    marker: str


@dataclass(frozen=True)
class CellTemplate:
    """A cell with tags; ``text`` is without the row marker; ``loop`` when in a repeated row."""

    sheet: str
    row: int
    column: int
    coordinate: str
    text: str
    loop: RowLoop | None
    raw: str = ""  # the cell as written, row marker included

    @property
    def where(self) -> str:
        return f"лист «{self.sheet}», ячейка {self.coordinate}"


def _marker_error(sheet: str, coordinate: str, text: str, message: str) -> TemplateError:
    error = TemplateError(f"лист «{sheet}», ячейка {coordinate}: {message}; ячейка: «{text}»")
    error.where = f"лист «{sheet}», ячейка {coordinate}"  # type: ignore[attr-defined]
    error.paragraph = text  # type: ignore[attr-defined]
    error.reason = message  # type: ignore[attr-defined]
    return error


def scan_sheet(ws: Worksheet) -> tuple[list[RowLoop], list[CellTemplate]]:
    """The repeated rows and the templated cells of a sheet, in reading order.

    Raises TemplateError for a malformed row marker or two markers in one row.
    """
    loops: dict[int, RowLoop] = {}
    found: list[tuple[Cell, str]] = []
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
                continue
            text = cell.value
            match = ROW_MARKER.match(text)
            if match:
                body = match.group("body")
                loop = _FOR.match(body)
                if loop is None:
                    raise _marker_error(ws.title, cell.coordinate, text,
                                        "метка строки должна иметь вид {%row for p in список %}")
                if cell.row in loops:
                    raise _marker_error(ws.title, cell.coordinate, text,
                                        f"в строке {cell.row} уже есть метка повторения "
                                        f"(ячейка {loops[cell.row].marker})")
                loops[cell.row] = RowLoop(ws.title, cell.row, loop.group("target"),
                                          loop.group("iter").strip(), cell.coordinate)
                text = text[match.end():]
            elif re.search(r"\{%-?\s*row\b", text):
                raise _marker_error(ws.title, cell.coordinate, text,
                                    "метка повторения строки {%row … %} должна стоять в начале ячейки")
            if _HAS_TAG.search(text) or match:
                found.append((cell, text))
    cells = [CellTemplate(ws.title, c.row, c.column, c.coordinate, text, loops.get(c.row), c.value)
             for c, text in found]
    return sorted(loops.values(), key=lambda lp: lp.row), cells


_HEADER_FOOTER = (
    ("oddHeader", "верхний колонтитул"), ("oddFooter", "нижний колонтитул"),
    ("evenHeader", "верхний колонтитул чётных страниц"),
    ("evenFooter", "нижний колонтитул чётных страниц"),
    ("firstHeader", "верхний колонтитул первой страницы"),
    ("firstFooter", "нижний колонтитул первой страницы"),
)
_SIDES = (("left", "слева"), ("center", "в центре"), ("right", "справа"))


def header_footer_templates(ws: Worksheet) -> list[tuple[str, Any]]:
    """(where, part) of each print header or footer part with tags; ``part.text`` is the
    template (Excel codes such as ``&P`` for the page number stay as they are)."""
    found = []
    for attr, label in _HEADER_FOOTER:
        item = getattr(ws.HeaderFooter, attr, None)
        for side, side_label in _SIDES:
            part = getattr(item, side, None) if item is not None else None
            if part is not None and part.text and _HAS_TAG.search(part.text):
                found.append((f"лист «{ws.title}», {label} ({side_label})", part))
    return found


def _header_footer_value(value: Any) -> Any:
    """Values in print headers: ``&`` is Excel's control character there, so data's ``&``
    is doubled."""
    value = finalize(value)
    return str(value).replace("&", "&&")


def cell_source(cell: CellTemplate) -> str:
    """A Jinja source equivalent to the cell, with its row loop around it (for checks)."""
    if cell.loop is None:
        return cell.text
    return f"{{% for {cell.loop.target} in {cell.loop.iter_source} %}}{cell.text}{{% endfor %}}"


# --- values ------------------------------------------------------------------------------

@dataclass(frozen=True)
class LoopInfo:
    """``loop`` inside a repeated row, like Jinja's loop variable."""

    index0: int
    length: int

    @property
    def index(self) -> int:
        return self.index0 + 1

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def last(self) -> bool:
        return self.index0 == self.length - 1

    @property
    def revindex(self) -> int:
        return self.length - self.index0


_NATIVE = (bool, int, float, Decimal, dt.datetime, dt.date, dt.time, dt.timedelta)


def _write(cell: Cell, value: Any, where: str = "") -> None:
    """Put a rendered value into a cell: typed, and text from data never as a formula."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    template_format = cell.number_format
    if value is None:
        cell.value = None
        return
    if isinstance(value, _NATIVE):
        cell.value = value
        if isinstance(value, dt.date) and not is_date_format(template_format):
            cell.number_format = DATETIME_FORMAT if isinstance(value, dt.datetime) else DATE_FORMAT
        return
    try:
        text, formula_like = excel_text(str(value))
    except ValueError as exc:
        raise TemplateError(f"{where or cell.coordinate}: {exc}") from None
    cell.value = text
    cell.data_type = "s"  # never "f", whatever the text starts with
    if formula_like:
        cell.quotePrefix = True


class _Renderer:
    def __init__(self, template_name: str, values: dict[str, Any]) -> None:
        self.template_name = template_name
        self.values = values
        self.env = make_environment().overlay(autoescape=False)
        self._compiled: dict[str, Any] = {}

    def fail(self, exc: BaseException, cell: CellTemplate) -> TemplateError:
        error = template_error(exc, f"шаблон «{self.template_name}», {cell.where}",
                               cell.raw, cell_source(cell), None)
        error.where = cell.where  # type: ignore[attr-defined]
        return error

    def evaluate(self, cell: CellTemplate, scope: dict[str, Any]) -> Any:
        """The cell's value: native for a lone placeholder, else rendered text."""
        text = cell.text
        try:
            exact = _EXACT.match(text)
            if exact:
                key = "e:" + exact.group("expr")
                if key not in self._compiled:
                    self._compiled[key] = self.env.compile_expression(exact.group("expr"),
                                                                      undefined_to_none=False)
                value = self._compiled[key](**scope)
                if isinstance(value, Undefined):
                    value._fail_with_undefined_error()
                return value
            if not _HAS_TAG.search(text):
                return text if text else None
            key = "t:" + text
            if key not in self._compiled:
                self._compiled[key] = self.env.from_string(text)
            return self._compiled[key].render(scope)
        except (JinjaTemplateError, SecurityError) as exc:
            raise self.fail(exc, cell) from None

    def items(self, loop: RowLoop, cell: CellTemplate) -> list[Any]:
        try:
            expr = self.env.compile_expression(loop.iter_source, undefined_to_none=False)
            value = expr(**self.values)
            if isinstance(value, Undefined):
                value._fail_with_undefined_error()
        except (JinjaTemplateError, SecurityError) as exc:
            raise self.fail(exc, cell) from None
        if value is None:
            return []
        if isinstance(value, (str, bytes, dict, BaseModel)) or not hasattr(value, "__iter__"):
            raise TemplateError(
                f"шаблон «{self.template_name}», лист «{loop.sheet}», ячейка {loop.marker}: "
                f"«{loop.iter_source}» — не список, строку повторять не по чему"
            )
        items = []
        limit = _limits.current().xlsx_rows
        for item in value:
            items.append(item)
            if len(items) > limit:
                raise _limits.exceeded("xlsx_rows", f"шаблон «{self.template_name}», лист «{loop.sheet}», "
                                       f"ячейка {loop.marker}")
        return items

    def headers_footers(self, ws: Worksheet) -> None:
        env = self.env.overlay(finalize=_header_footer_value)
        for where, part in header_footer_templates(ws):
            try:
                part.text = env.from_string(part.text).render(self.values)
            except (JinjaTemplateError, SecurityError) as exc:
                raise template_error(exc, f"шаблон «{self.template_name}», {where}", part.text,
                                     part.text, None) from None

    def sheet(self, ws: Worksheet) -> None:
        self.headers_footers(ws)
        loops, cells = scan_sheet(ws)
        for cell in cells:
            if cell.loop is None:
                _write(ws.cell(cell.row, cell.column), self.evaluate(cell, self.values), cell.where)
        for loop in reversed(loops):  # bottom-up: expanding a row never moves one above it
            row_cells = [c for c in cells if c.loop is loop]
            marker = next(c for c in row_cells if c.coordinate == loop.marker)
            items = self.items(loop, marker)
            merges = [CellRange(r.coord) for r in ws.merged_cells.ranges
                      if r.min_row == r.max_row == loop.row]
            expand_rows(ws, loop.row, len(items) - 1)
            for offset in range(1, len(items)):
                copy_row(ws, loop.row, loop.row + offset, merges)
            for offset, item in enumerate(items):
                scope = {**self.values, loop.target: item,
                         "loop": LoopInfo(index0=offset, length=len(items))}
                for cell in row_cells:
                    target = ws.cell(loop.row + offset, cell.column)
                    _write(target, self.evaluate(cell, scope), f"лист «{ws.title}», ячейка {target.coordinate}")
            if not items:
                for cell in row_cells:
                    ws.cell(cell.row, cell.column).value = None
        fit_merged_rows(ws)


@overload
def render_xlsx(template: str | os.PathLike[str], context: BaseModel | dict[str, Any],
                out: str | os.PathLike[str]) -> Path: ...
@overload
def render_xlsx(template: str | os.PathLike[str], context: BaseModel | dict[str, Any],
                out: BinaryIO) -> None: ...
def render_xlsx(template: str | os.PathLike[str], context: BaseModel | dict[str, Any],
                out: str | os.PathLike[str] | BinaryIO) -> Path | None:
    """Fill the XLSX ``template`` with ``context`` and save to ``out``: a path (not atomic:
    the caller passes a temporary path from ``atomic_path``) or a binary stream."""
    template = Path(template)
    label = open_template(template, "XLSX")
    try:
        wb = load_workbook(template)
    except Exception as exc:
        raise TemplateError(f"Не удалось открыть шаблон XLSX «{template.name}»: {one_line(exc)}") from exc
    renderer = _Renderer(template.name, template_context(context))
    with render_guard(label):
        for ws in wb.worksheets:
            try:
                renderer.sheet(ws)
            except TemplateError as exc:
                if not str(exc).startswith("шаблон «"):
                    raise TemplateError(f"шаблон «{template.name}», {exc}") from None
                raise
    wb.save(out)
    return Path(out) if isinstance(out, (str, os.PathLike)) else None
