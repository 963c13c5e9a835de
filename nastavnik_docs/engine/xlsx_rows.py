"""Rows inserted into a worksheet with everything that refers to rows moved along.

openpyxl's ``insert_rows`` moves only cells. The XLSX engine repeats a template row once
per item, so :func:`expand_rows` also moves or grows what a spreadsheet moves when rows
are inserted inside a range — formulas on every sheet, merged cells, data validations,
conditional formats, row heights, print area and titles, autofilter, tables, defined
names, page breaks, hyperlinks and pictures — and :func:`copy_row` fills each new row
from the template row (styles, values, formulas translated, merges repeated).
"""

from __future__ import annotations

import re
from copy import copy

from openpyxl.cell.cell import MergedCell
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.formula.translate import Translator
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["copy_row", "expand_rows", "shift_formula"]


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
    # merged cells: shift or grow; those wholly in the row stay (the caller repeats them).
    # A merge above the row stays as it is and one below is moved as it is: insert_rows
    # moved its cells, merged ones included, so only its bounds change. Merging it anew
    # (openpyxl's merge_cells re-creates the merged cells and their borders) took half the
    # time of writing a coverage table. Only a merge that grows is merged anew.
    merged = list(ws.merged_cells.ranges)
    ws.merged_cells = MultiCellRange()
    for rng in merged:
        r1, r2 = _span(rng.min_row, rng.max_row, row, extra, True)
        if rng.min_row == rng.max_row == row or (r1, r2) == (rng.min_row, rng.max_row):
            ws.merged_cells.add(rng)
        elif r1 - rng.min_row == r2 - rng.max_row:
            rng.shift(row_shift=extra)
            ws.merged_cells.add(rng)
        else:
            ws.merge_cells(start_row=r1, end_row=r2, start_column=rng.min_col, end_column=rng.max_col)
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


def copy_row(ws: Worksheet, row: int, dest: int, merges: list[CellRange]) -> None:
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
