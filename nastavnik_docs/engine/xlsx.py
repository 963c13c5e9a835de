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
* Limits of openpyxl, which loads and saves the workbook: pictures survive only when
  Pillow is installed, and chart data ranges are not moved.
* Text from the data is always written as text: a value starting with ``=``, ``+``,
  ``-`` or ``@`` never becomes a formula (it is stored as a string with Excel's quote
  prefix).

Why not xltpl (evaluated, version 0.21): it renders with a plain ``jinja2.Environment``
(no sandbox, no autoescape control), writes any rendered value that starts with ``=`` as
a formula (formula injection from the data), copies cells into a new sheet without
translating formula references or carrying conditional formats, and prints errors to
stdout with ANSI colours instead of raising located errors. openpyxl's ``insert_rows``
moves only cells, so the reference bookkeeping below is written here; no maintained
library does it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import Undefined
from jinja2.sandbox import SecurityError
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.formula.translate import Translator
from openpyxl.styles.numbers import is_date_format
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from ..errors import TemplateError
from .docx import _finalize, clean_text, make_environment, template_context, template_error

__all__ = ["ROW_MARKER", "RowLoop", "CellTemplate", "scan_sheet", "cell_source", "render_xlsx",
           "expand_rows", "header_footer_templates"]

#: ``{%row for p in participants %}`` at the start of a cell marks a repeated row.
ROW_MARKER = re.compile(r"^\s*\{%-?\s*row\s+(?P<body>.*?)\s*-?%\}", re.S)
_FOR = re.compile(r"^for\s+(?P<target>[A-Za-z_]\w*)\s+in\s+(?P<iter>\S.*)$", re.S)
_EXACT = re.compile(r"^\s*\{\{(?P<expr>(?:(?!\{\{|\}\}).)*)\}\}\s*$", re.S)
_HAS_TAG = re.compile(r"\{\{|\{%|\{#")
#: Text from data starting with one of these would be read as a formula by a spreadsheet.
FORMULA_START = ("=", "+", "-", "@")
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
    value = _finalize(value)
    return str(value).replace("&", "&&")


def cell_source(cell: CellTemplate) -> str:
    """A Jinja source equivalent to the cell, with its row loop around it (for checks)."""
    if cell.loop is None:
        return cell.text
    return f"{{% for {cell.loop.target} in {cell.loop.iter_source} %}}{cell.text}{{% endfor %}}"


# --- references --------------------------------------------------------------------------

_REF = re.compile(
    r"^(?P<sheet>(?:'(?:[^']|'')+'|[^'!]+)!)?"
    r"(?P<c1>\$?[A-Za-z]{1,3})?(?P<r1>\$?\d+)?"
    r"(?::(?P<c2>\$?[A-Za-z]{1,3})?(?P<r2>\$?\d+)?)?$"
)


def _sheet_name(prefix: str | None) -> str | None:
    if not prefix:
        return None
    name = prefix[:-1]
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    return name


def _span(r1: int, r2: int, row: int, extra: int, grow_single: bool) -> tuple[int, int]:
    """New rows of a span after row ``row`` became ``1 + extra`` rows."""
    if r1 > row:
        return r1 + extra, r2 + extra
    if r2 >= row and (r1 != r2 or grow_single):
        return r1, r2 + extra
    return r1, r2


def _shift_ref(ref: str, sheet: str, host: str | None, row: int, extra: int) -> str:
    """Adjust one A1 reference (``C5``, ``$C$5:$D9``, ``'Лист 1'!5:5``) in a formula."""
    m = _REF.match(ref)
    if not m or not (m.group("r1") or m.group("r2")):
        return ref  # a name, a whole-column reference or something else: rows not involved
    target = _sheet_name(m.group("sheet")) or host
    if target != sheet:
        return ref
    r1_text, r2_text = m.group("r1"), m.group("r2")
    if r1_text is None or (m.group("c2") is not None and r2_text is None):
        return ref
    r1 = int(r1_text.lstrip("$"))
    r2 = int(r2_text.lstrip("$")) if r2_text else r1
    n1, n2 = _span(r1, r2, row, extra, grow_single=":" in ref)  # E5:E5 grows, E5 stays

    def fmt(orig: str, value: int) -> str:
        return ("$" if orig.startswith("$") else "") + str(value)

    out = (m.group("sheet") or "") + (m.group("c1") or "") + fmt(r1_text, n1)
    if ":" in ref:
        out += ":" + (m.group("c2") or "") + fmt(r2_text or r1_text, n2)
    return out


def shift_formula(formula: str, sheet: str, host: str | None, row: int, extra: int) -> str:
    """A formula with its references to ``sheet`` adjusted for an expansion at ``row``."""
    try:
        tokens = Tokenizer(formula).items
    except Exception:  # openpyxl cannot parse it: leave it as the author wrote it
        return formula
    changed = False
    for token in tokens:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            new = _shift_ref(token.value, sheet, host, row, extra)
            if new != token.value:
                token.value = new
                changed = True
    if not changed:
        return formula
    return "=" + "".join(t.value for t in tokens)


def _shift_range(rng: CellRange, row: int, extra: int, grow_single: bool = True) -> CellRange:
    r1, r2 = _span(rng.min_row, rng.max_row, row, extra, grow_single)
    return CellRange(min_col=rng.min_col, min_row=r1, max_col=rng.max_col, max_row=r2)


def _shift_multi(multi: MultiCellRange | str, row: int, extra: int) -> MultiCellRange:
    ranges = multi.ranges if isinstance(multi, MultiCellRange) else MultiCellRange(multi).ranges
    return MultiCellRange([_shift_range(r, row, extra) for r in ranges])


def expand_rows(ws: Worksheet, row: int, extra: int) -> None:
    """Make room for ``extra`` copies of row ``row`` right below it.

    Cells below move down (openpyxl's ``insert_rows``), and every reference to rows is
    adjusted as a spreadsheet does when rows are inserted inside a range: see the module
    docstring. Merges lying wholly in ``row`` are left to the caller to repeat.
    """
    if extra <= 0:
        return
    wb: Workbook = ws.parent
    ws.insert_rows(row + 1, extra)
    # formulas on every sheet that point here
    for sheet in wb.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.value = shift_formula(cell.value, ws.title, sheet.title, row, extra)
    # merged cells: shift or grow; those wholly in the row stay (the caller repeats them)
    merged = list(ws.merged_cells.ranges)
    ws.merged_cells = MultiCellRange()
    for rng in merged:
        if rng.min_row == rng.max_row == row:
            ws.merged_cells.add(rng)
            continue
        new = _shift_range(rng, row, extra)
        ws.merge_cells(new.coord)
    # data validations and conditional formats
    for dv in ws.data_validations.dataValidation:
        dv.sqref = _shift_multi(dv.sqref, row, extra)
        for attr in ("formula1", "formula2"):
            value = getattr(dv, attr)
            if value:
                setattr(dv, attr, shift_formula("=" + value, ws.title, ws.title, row, extra)[1:])
    old_cf = ws.conditional_formatting
    new_cf = ConditionalFormattingList()
    for cf in old_cf:
        sqref = _shift_multi(cf.sqref, row, extra)
        for rule in cf.rules:
            rule.formula = [shift_formula("=" + f, ws.title, ws.title, row, extra)[1:]
                            for f in (rule.formula or [])]
            new_cf.add(str(sqref), rule)
    ws.conditional_formatting = new_cf
    # row heights and row styles
    for index in sorted((r for r in ws.row_dimensions if r > row), reverse=True):
        dim = ws.row_dimensions.pop(index)
        dim.index = index + extra
        ws.row_dimensions[index + extra] = dim
    # print area, autofilter, tables, names, page breaks, hyperlinks, pictures
    if ws._print_area and str(ws._print_area):
        ws.print_area = shift_formula("=" + ws.print_area, ws.title, ws.title, row, extra)[1:]
    if ws.print_title_rows:
        first, _, last = ws.print_title_rows.partition(":")
        r1, r2 = _span(int(first.lstrip("$")), int((last or first).lstrip("$")), row, extra,
                       grow_single=False)
        ws.print_title_rows = f"{r1}:{r2}"
    if ws.auto_filter.ref:
        ws.auto_filter.ref = _shift_range(CellRange(ws.auto_filter.ref), row, extra).coord
    for table in ws.tables.values():
        table.ref = _shift_range(CellRange(table.ref), row, extra).coord
        if table.autoFilter is not None and table.autoFilter.ref:
            table.autoFilter.ref = table.ref
    for names in (wb.defined_names, *(s.defined_names for s in wb.worksheets)):
        for name in names.values():
            if name.attr_text and not name.attr_text.startswith("#"):
                name.attr_text = shift_formula("=" + name.attr_text, ws.title, None, row, extra)[1:]
    for brk in ws.row_breaks.brk:
        if brk.id is not None and brk.id > row:
            brk.id += extra
    for (r, _c), cell in ws._cells.items():
        if r > row and cell.hyperlink is not None:
            cell.hyperlink.ref = cell.coordinate
    for drawing in [*ws._images, *ws._charts]:
        anchor = drawing.anchor
        for marker in (getattr(anchor, "_from", None), getattr(anchor, "to", None)):
            if marker is not None and marker.row >= row:  # 0-based row of the marker
                marker.row += extra


def _copy_row(ws: Worksheet, row: int, dest: int, merges: list[CellRange]) -> None:
    """Copy the template row's cells (style, value, formulas translated) and its merges."""
    if row in ws.row_dimensions:
        src_dim = ws.row_dimensions[row]
        dim = ws.row_dimensions[dest]
        dim.height = src_dim.height
        dim.hidden = src_dim.hidden
        dim.outlineLevel = src_dim.outlineLevel
        if src_dim.s:
            dim._style = copy(src_dim._style)
            dim.customFormat = src_dim.customFormat
    for col in range(1, ws.max_column + 1):
        src = ws._cells.get((row, col))
        if src is None:
            continue
        dst = ws.cell(dest, col)
        if isinstance(dst, MergedCell):
            continue
        dst._style = copy(src._style)
        if isinstance(src, MergedCell):
            continue
        if src.data_type == "f" and isinstance(src.value, str):
            dst.value = Translator(src.value, origin=src.coordinate).translate_formula(dst.coordinate)
        else:
            dst.value = src.value
            dst.data_type = src.data_type
        if src.hyperlink is not None:
            dst.hyperlink = copy(src.hyperlink)
    for rng in merges:
        ws.merge_cells(start_row=dest, end_row=dest, start_column=rng.min_col, end_column=rng.max_col)


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


def _write(cell: Cell, value: Any) -> None:
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
    text = clean_text(str(value))
    cell.value = text
    cell.data_type = "s"  # never "f", whatever the text starts with
    if text.startswith(FORMULA_START):
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
        return list(value)

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
                _write(ws.cell(cell.row, cell.column), self.evaluate(cell, self.values))
        for loop in reversed(loops):  # bottom-up: expanding a row never moves one above it
            row_cells = [c for c in cells if c.loop is loop]
            marker = next(c for c in row_cells if c.coordinate == loop.marker)
            items = self.items(loop, marker)
            merges = [CellRange(r.coord) for r in ws.merged_cells.ranges
                      if r.min_row == r.max_row == loop.row]
            expand_rows(ws, loop.row, len(items) - 1)
            for offset in range(1, len(items)):
                _copy_row(ws, loop.row, loop.row + offset, merges)
            for offset, item in enumerate(items):
                scope = {**self.values, loop.target: item,
                         "loop": LoopInfo(index0=offset, length=len(items))}
                for cell in row_cells:
                    _write(ws.cell(loop.row + offset, cell.column), self.evaluate(cell, scope))
            if not items:
                for cell in row_cells:
                    ws.cell(cell.row, cell.column).value = None


def render_xlsx(template: str | os.PathLike[str], context: BaseModel | dict[str, Any],
                out: str | os.PathLike[str]) -> Path:
    """Fill the XLSX ``template`` with ``context`` and save to ``out`` (not atomic: the
    caller passes a temporary path from ``atomic_path``)."""
    template = Path(template)
    try:
        wb = load_workbook(template)
    except Exception as exc:
        raise TemplateError(f"Не удалось открыть шаблон XLSX «{template.name}»: {exc}") from exc
    renderer = _Renderer(template.name, template_context(context))
    for ws in wb.worksheets:
        try:
            renderer.sheet(ws)
        except TemplateError as exc:
            if not str(exc).startswith("шаблон «"):
                raise TemplateError(f"шаблон «{template.name}», {exc}") from None
            raise
    wb.save(out)
    return Path(out)
