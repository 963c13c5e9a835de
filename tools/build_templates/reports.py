"""Templates of the reports: the coverage table (XLSX, ФСН-style) and the analytical report (DOCX)."""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from . import _gost as g
from . import _xlsx as x
from .registry import save_reproducibly

C = WD_ALIGN_PARAGRAPH.CENTER

#: Column widths of the coverage sheet (A: the indicator, B–E: codes and figures).
_WIDTHS = {"A": 58, "B": 9, "C": 22, "D": 18, "E": 16}

CONTROL_RELATIONS = (
    "Контрольные соотношения: стр. 01 = стр. 02 + 03 + 04 + 06; стр. 05 ≤ стр. 04; "
    "стр. 07 = стр. 08 + 09 + 10 + 11; стр. 12 = стр. 14 + 15 + 16; стр. 13 ≤ стр. 12; "
    "графа 5 = графа 3 / графа 4 × 100. Раздел 2: сумма графы 3 = стр. 12 раздела 1."
)


def _merged(ws: Worksheet, row: int, text: str, font: Font = x.FONT, align: Alignment = x.WRAP) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    cell = ws.cell(row=row, column=1, value=text)
    cell.font, cell.alignment = font, align


def _row(ws: Worksheet, row: int, values: list, *, font: Font = x.FONT, number_format: dict | None = None,
         aligns: list[Alignment] | None = None) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font, cell.border = font, x.BOX
        cell.alignment = aligns[col - 1] if aligns else x.CENTER
        if number_format and col in number_format:
            cell.number_format = number_format[col]


def _table_head(ws: Worksheet, row: int, headers: list[str]) -> int:
    _row(ws, row, headers, font=x.BOLD)
    _row(ws, row + 1, [str(i) for i in range(1, len(headers) + 1)])
    ws.row_dimensions[row].height = 45
    return row + 2


def coverage_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Охват"
    for col, width in _WIDTHS.items():
        ws.column_dimensions[col].width = width
    _merged(ws, 1, "{{ org_full_name }}", x.BOLD, x.CENTER)
    _merged(ws, 2, "{{ title }}", x.TITLE, x.CENTER)
    _merged(ws, 3, "за {{ period_text }} ({{ period_dates }})", x.FONT, x.CENTER)

    _merged(ws, 5, "Раздел 1. Участники программ наставничества", x.BOLD)
    row = _table_head(ws, 6, ["Наименование показателя", "№ строки", "Численность, чел.",
                              "Численность категории в организации, чел.", "Доля охвата, %"])
    left = [x.WRAP, x.CENTER, x.CENTER, x.CENTER, x.CENTER]
    _row(ws, row, ["{%row for l in lines %}{{ l.title }}", "{{ l.code }}", "{{ l.count }}",
                   "{{ l.total }}", "{{ l.share }}"], aligns=left, number_format={5: "0.0"})

    _merged(ws, row + 2, "Раздел 2. Наставнические пары и группы по формам наставничества", x.BOLD)
    row = _table_head(ws, row + 3, ["Форма наставничества", "№ строки", "Пар и групп",
                                    "Наставников, чел.", "Наставляемых, чел."])
    _row(ws, row, ["{%row for f in forms %}{{ f.form }}", "{{ f.code }}", "{{ f.pairs }}",
                   "{{ f.mentors }}", "{{ f.mentees }}"], aligns=left)
    _row(ws, row + 1, ["Всего", "", f"=SUM(C{row}:C{row})", "", ""], font=x.BOLD, aligns=left)

    _merged(ws, row + 3, "Раздел 3. Целевые показатели", x.BOLD)
    row = _table_head(ws, row + 4, ["Показатель", "№ п/п", "Целевое значение",
                                    "Фактическое значение", "Оценка"])
    _row(ws, row, ["{%row for t in targets %}{{ t.indicator }}", "{{ t.number }}", "{{ t.planned }}",
                   "{{ t.actual }}", "{{ t.verdict }}"], aligns=left)

    _merged(ws, row + 2, CONTROL_RELATIONS)
    ws.row_dimensions[row + 2].height = 45
    ws.cell(row=row + 4, column=1, value="{{ author_post }}").font = x.FONT
    ws.cell(row=row + 4, column=1).alignment = x.WRAP
    ws.cell(row=row + 4, column=4, value="{{ author_name }}").font = x.FONT
    ws.cell(row=row + 5, column=1, value="{{ date }}").font = x.FONT

    ws.print_title_rows = "6:7"
    x.print_on_a4(ws, "portrait")
    ws.print_options.horizontalCentered = True
    ws.page_margins.left, ws.page_margins.right = 0.8, 0.4
    wb.properties.title = "Сведения об охвате участников программами наставничества"
    wb.properties.creator = wb.properties.lastModifiedBy = "nastavnik-docs"
    return wb


def analytical_document():
    doc = g.new_document()
    g.letterhead(doc, "АНАЛИТИЧЕСКАЯ СПРАВКА")
    g.heading(doc, "О реализации целевой модели наставничества за {{ period_text }}")
    g.loop(doc, "for p in summary")
    g.body(doc, "{{ p }}")
    g.end_loop(doc)

    g.plain(doc, "1. Участники программ наставничества", bold=True, space_before=12, space_after=6,
            keep_with_next=True)
    g.loop_table(doc, ["Показатель", "№ стр.", "Чел.", "Всего в ОО, чел.", "Доля охвата"],
                 ["{{ l.title }}", "{{ l.code }}", "{{ l.count }}", "{{ l.total_text }}", "{{ l.share_text }}"],
                 "for l in lines", [78, 16, 16, 28, 27], aligns=[None, C, C, C, C], size=12)

    g.plain(doc, "2. Формы наставничества", bold=True, space_before=12, space_after=6, keep_with_next=True)
    g.loop_table(doc, ["Форма наставничества", "№ стр.", "Пар и групп", "Наставников", "Наставляемых"],
                 ["{{ f.form }}", "{{ f.code }}", "{{ f.pairs }}", "{{ f.mentors }}", "{{ f.mentees }}"],
                 "for f in forms", [56, 16, 25, 34, 34], aligns=[None, C, C, C, C], size=12)

    g.loop(doc, "if targets")
    g.plain(doc, "3. Целевые показатели", bold=True, space_before=12, space_after=6, keep_with_next=True)
    g.loop_table(doc, ["№ п/п", "Показатель", "Целевое значение", "Факт", "Оценка"],
                 ["{{ t.number }}", "{{ t.indicator }}", "{{ t.planned }}", "{{ t.actual }}", "{{ t.verdict }}"],
                 "for t in targets", [12, 55, 40, 22, 36], aligns=[C, None, None, C, None], size=12)
    g.end_loop(doc, "endif")

    g.signature(doc, "{{ author_post }}", "{{ author_name }}")
    return doc


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [
        save_reproducibly(coverage_workbook(), xlsx_dir / "report_coverage.xlsx"),
        g.save(analytical_document(), docx_dir / "report_analytical.docx"),
    ]
