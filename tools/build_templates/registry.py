"""Build the registry workbook template (``templates/xlsx/registry.xlsx``) with openpyxl,
and refresh ``samples/registry.xlsx`` from ``samples/registry.yaml`` when building in place.

The columns, lists and explanations come from ``nastavnik_docs.io._columns``, the same
table the reader uses, so the template and the loader cannot drift apart.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from nastavnik_docs.io._columns import (
    DATE,
    HELP_SHEET,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    LIST_BY_NAME,
    LISTS,
    LISTS_SHEET,
    MAX_MENTEES_COLUMN,
    MAX_MENTEES_LABEL,
    NUMBER,
    PAIR_COLUMNS,
    PAIRS_SHEET,
    PARTICIPANT_COLUMNS,
    PARTICIPANTS_SHEET,
    TITLE,
    Column,
)
from nastavnik_docs.io._registry_xlsx import DATE_FORMAT, MONEY_FORMAT, TEMPLATE_NAME

from . import ROOT
from ._compare import reproducible_zip
from ._xlsx import print_on_a4

#: Fixed document properties, so that two builds give the same package.
BUILD_TIME = datetime(2025, 1, 1)
#: Rows the dropdowns and column formats cover (the whole sheet below the header).
LAST_ROW = 1048576
#: How far a growable list (pair types, formats) may be extended by the curator.
LIST_ROOM = 200

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_BOLD = Font(name="Calibri", bold=True)  # a name, or LibreOffice falls back to a serif face
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


def _list_ref(lst_index: int, length: int) -> str:
    letter = get_column_letter(lst_index + 1)
    return f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${length + 1}"


def _growable_ref(lst_index: int) -> str:
    """A name that follows the values the curator appends (OFFSET over the filled cells)."""
    letter = get_column_letter(lst_index + 1)
    sheet = quote_sheetname(LISTS_SHEET)
    return (f"OFFSET({sheet}!${letter}$2,0,0,"
            f"MAX(1,COUNTA({sheet}!${letter}$2:${letter}${LIST_ROOM + 1})),1)")


def _data_sheet(ws, columns: tuple[Column, ...], freeze: str) -> None:
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=c, value=col.header)
        cell.font = _BOLD
        cell.fill = _REQUIRED_FILL if col.required else _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        cell.border = _BORDER
        note = col.help + (f"\nПример: {col.example}" if col.example else "")
        cell.comment = Comment(note, "nastavnik-docs", width=320, height=140)
        letter = get_column_letter(c)
        dim = ws.column_dimensions[letter]
        dim.width = col.width
        if col.kind == DATE:
            dim.number_format = DATE_FORMAT
        elif col.kind == NUMBER:
            dim.number_format = MONEY_FORMAT
        if col.list_name:
            lst = LIST_BY_NAME[col.list_name]
            dv = DataValidation(
                type="list", formula1=lst.name, allow_blank=True, showDropDown=False,
                showErrorMessage=True, errorStyle="warning", errorTitle=col.header,
                error=f"Значения нет в списке «{lst.title}» (лист «{LISTS_SHEET}»). "
                      "Оставить его всё равно?",
                showInputMessage=False,
            )
            dv.add(f"{letter}2:{letter}{LAST_ROW}")
            ws.add_data_validation(dv)
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = freeze
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}2"
    ws.print_title_rows = "1:1"
    print_on_a4(ws, "landscape")


def _lists_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(LISTS_SHEET)
    for i, lst in enumerate(LISTS):
        head = ws.cell(row=1, column=i + 1, value=lst.title)
        head.font, head.fill, head.border, head.alignment = _BOLD, _HEADER_FILL, _BORDER, _HEADER_ALIGN
        ws.column_dimensions[get_column_letter(i + 1)].width = 30 if lst.growable else 24
        for r, value in enumerate(lst.values, start=2):
            ws.cell(row=r, column=i + 1, value=value)
        ref = _growable_ref(i) if lst.growable else _list_ref(i, len(lst.values))
        wb.defined_names[lst.name] = DefinedName(lst.name, attr_text=ref)
    label = ws.cell(row=1, column=MAX_MENTEES_COLUMN, value=MAX_MENTEES_LABEL)
    label.font, label.fill, label.border, label.alignment = _BOLD, _HEADER_FILL, _BORDER, _HEADER_ALIGN
    ws.column_dimensions[get_column_letter(MAX_MENTEES_COLUMN)].width = 34
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "A2"
    ws.cell(row=4, column=MAX_MENTEES_COLUMN,
            value="Свой тип пары допишите в конец столбца «Тип пары», свой формат — в конец столбца "
                  "«Формат наставничества»: они появятся в выпадающих списках на листе «Пары». "
                  "Ограничение числа наставляемых необязательно.").alignment = _WRAP
    letter = get_column_letter(MAX_MENTEES_COLUMN)
    ws.merge_cells(f"{letter}4:{letter}12")  # room for the wrapped note without tall rows
    print_on_a4(ws, "landscape")


def _allowed(col: Column) -> str:
    if col.list_name:
        lst = LIST_BY_NAME[col.list_name]
        if lst.growable:
            return f"из списка на листе «{LISTS_SHEET}» (список можно дополнить)"
        return ", ".join(lst.values)
    return {DATE: "дата", NUMBER: "число"}.get(col.kind, "")


def _help_sheet(wb: Workbook) -> None:
    ws = wb.create_sheet(HELP_SHEET)
    ws["A1"] = TITLE
    ws["A1"].font = Font(name="Calibri", bold=True, size=14)
    ws["A2"] = ("Заполните листы «Участники» и «Пары». Каждый участник — одна строка. Пара или группа — "
                "одна строка: наставник и один или несколько наставляемых. Столбцы, выделенные цветом, "
                "обязательны. Порядок столбцов и регистр букв в заголовках не важны; пустые строки "
                "пропускаются. Выпадающие списки подсказывают значения, но принимаются и обычные "
                "написания («м», «жен», «наставница», «учитель»). Форма наставничества пары — два "
                "столбца: «Тип пары» (кто кого наставляет; если пусто, определяется по категориям "
                "участников) и «Формат наставничества» (как идёт работа; если пусто — традиционное). "
                "Лист «История пар» необязателен: "
                "в нём по одной строке на событие (смена наставника, выбытие наставляемого, досрочное "
                "прекращение, завершение) с датой, чтобы документы прошлых дат показывали пары такими, "
                "какими они были на дату документа.")
    ws["A2"].alignment = _WRAP
    ws.merge_cells("A2:F2")
    ws.row_dimensions[2].height = 120
    headers = ("Лист", "Столбец", "Обязательный", "Что писать", "Допустимые значения", "Пример")
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=4, column=c, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = _BOLD, _HEADER_FILL, _BORDER, _HEADER_ALIGN
    widths = (13, 24, 14, 70, 36, 26)
    row = 5
    for sheet, columns in ((PARTICIPANTS_SHEET, PARTICIPANT_COLUMNS), (PAIRS_SHEET, PAIR_COLUMNS),
                           (HISTORY_SHEET, HISTORY_COLUMNS)):
        for col in columns:
            values = (sheet, col.header, "да" if col.required else "", col.help, _allowed(col), col.example)
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=c, value=value or None)
                cell.alignment, cell.border = _WRAP, _BORDER
            ws.row_dimensions[row].height = _height(values, widths)
            row += 1
    for letter, width in zip("ABCDEF", widths):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A5"
    ws.print_title_rows = "4:4"
    print_on_a4(ws, "landscape")


def _height(values: tuple, widths: tuple) -> float:
    """Row height (pt) that shows wrapped text whole: neither Excel nor LibreOffice
    re-measures rows of a file they open, so the height is estimated from the text."""
    lines = max(1, *(-(-len(str(v or "")) // max(1, int(w * 1.1))) for v, w in zip(values, widths)))
    return 15 * lines


def build_workbook() -> Workbook:
    wb = Workbook()
    participants = wb.active
    participants.title = PARTICIPANTS_SHEET
    _data_sheet(participants, PARTICIPANT_COLUMNS, freeze="D2")
    _data_sheet(wb.create_sheet(PAIRS_SHEET), PAIR_COLUMNS, freeze="C2")
    _data_sheet(wb.create_sheet(HISTORY_SHEET), HISTORY_COLUMNS, freeze="B2")
    _help_sheet(wb)
    _lists_sheet(wb)
    wb.properties.title = TITLE
    wb.properties.creator = "nastavnik-docs"
    wb.properties.lastModifiedBy = "nastavnik-docs"
    wb.active = 0
    return wb


def save_reproducibly(wb: Workbook, target: Path) -> Path:
    """Save with fixed document dates and zip entry times, so equal content gives equal bytes.

    ``Workbook.save`` stamps the current time into docProps/core.xml and every zip entry;
    here the workbook is written through openpyxl's ExcelWriter into memory and re-zipped.
    """
    from nastavnik_docs._files import write_bytes_atomic

    wb.properties.created = wb.properties.modified = BUILD_TIME
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    return write_bytes_atomic(target, reproducible_zip(raw.getvalue()), overwrite=True)


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    target = save_reproducibly(build_workbook(), xlsx_dir / TEMPLATE_NAME)
    written = [target]
    if xlsx_dir.resolve() == (ROOT / "templates" / "xlsx").resolve():
        written.extend(build_samples(target))
    return written


def build_samples(template: Path, samples: Path = ROOT / "samples") -> list[Path]:
    """``samples/registry.xlsx`` and ``samples/participants.csv`` (cp1251, «;», as Excel on a
    Russian Windows saves CSV) from ``samples/registry.yaml``."""
    from nastavnik_docs._files import write_bytes_atomic
    from nastavnik_docs.io import load_registry
    from nastavnik_docs.io._csv import dump_participants_csv
    from nastavnik_docs.io._registry_xlsx import fill_workbook

    registry = load_registry(samples / "registry.yaml")
    workbook = load_workbook(template)
    fill_workbook(workbook, registry)
    csv_text = dump_participants_csv(registry.participants)
    return [
        save_reproducibly(workbook, samples / "registry.xlsx"),
        write_bytes_atomic(samples / "participants.csv", csv_text.encode("cp1251"), overwrite=True),
    ]


if __name__ == "__main__":
    for path in build(ROOT / "templates" / "docx", ROOT / "templates" / "xlsx"):
        print(path)
