"""The XLSX engine: typed cells, repeated rows and everything that must move with them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table
from render_helpers import DocCtx, Row, make_kind

import nastavnik_docs as nd
from nastavnik_docs.engine.xlsx import render_xlsx
from nastavnik_docs.errors import TemplateError

ROWS = [
    Row(name="Иванова Мария", born=dt.date(1990, 4, 20), amount=Decimal("1234.50"), count=3),
    Row(name="Петров Пётр", born=dt.date(1985, 1, 2), amount=Decimal("10"), count=1, note="опыт"),
    Row(name="Сидоров", born=None, amount=None, count=None),
]


def registry_template(path):
    """A registry sheet: title, header, a repeated row at 5, totals and notes below it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Реестр"
    ws["A1"] = "Реестр {{ school }}"
    ws.merge_cells("A1:F1")
    ws["A2"] = "на {{ date }}"
    ws["A4"], ws["B4"], ws["D4"], ws["E4"], ws["F4"] = "№", "ФИО", "Дата рождения", "Сумма", "Двойная"
    ws.merge_cells("B4:C4")
    ws["A5"] = "{%row for r in rows %}{{ loop.index }}"
    ws["B5"] = "{{ r.name }}"
    ws.merge_cells("B5:C5")
    ws["D5"] = "{{ r.born }}"
    ws["E5"] = "{{ r.amount }}"
    ws["E5"].number_format = "#,##0.00"
    ws["F5"] = "=E5*2"
    ws["G5"] = "{{ r.count }} чел."
    thin = Side(style="thin")
    for col in "ABCDEFG":
        ws[f"{col}5"].border = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws["B5"].font = Font(bold=True)
    ws.row_dimensions[5].height = 28
    ws["A7"] = "Итого"
    ws.merge_cells("A7:D7")
    ws["E7"] = "=SUM(E5:E5)"
    ws["F7"] = "=SUM($F$5:$F$5)+E7"
    ws["G7"] = "=E5"
    ws.row_dimensions[7].height = 40
    ws["A9"] = "Примечание: {{ note }}"
    ws.merge_cells("A9:B10")
    dv = DataValidation(type="list", formula1='"да,нет"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("H5")
    dv.add("H9")
    ws.conditional_formatting.add("E5:E5", CellIsRule(operator="greaterThan", formula=["$E$7/2"],
                                                     fill=PatternFill("solid", start_color="FFFF0000")))
    ws.print_title_rows = "4:4"
    ws.print_area = "A1:H10"
    ws.column_dimensions["B"].width = 33
    other = wb.create_sheet("Свод")
    other["A1"] = "=Реестр!E7"
    other["A2"] = "=SUM('Реестр'!E5:E5)"
    other["A3"] = "=Реестр!A1"
    wb.save(path)
    return path


def one_sheet(tmp_path, cells, *, merges=(), title="Лист"):
    """A one-sheet template from ``{coordinate: text}``; returns its path."""
    wb = Workbook()
    wb.active.title = title
    for coordinate, text in cells.items():
        wb.active[coordinate] = text
    for rng in merges:
        wb.active.merge_cells(rng)
    wb.save(tmp_path / "t.xlsx")
    return tmp_path / "t.xlsx"


def render_sheet(template, ctx):
    render_xlsx(template, ctx, template.with_name("o.xlsx"))
    return load_workbook(template.with_name("o.xlsx")).active


@pytest.fixture
def rendered(tmp_path):
    template = registry_template(tmp_path / "t.xlsx")
    out = render_xlsx(template, DocCtx(rows=ROWS, note="=HYPERLINK(\"http://x\")"), tmp_path / "o.xlsx")
    return load_workbook(out)


def test_rows_repeat_with_typed_values(rendered):
    ws = rendered["Реестр"]
    assert [ws.cell(r, 1).value for r in (5, 6, 7)] == [1, 2, 3]
    assert [ws.cell(r, 2).value for r in (5, 6, 7)] == ["Иванова Мария", "Петров Пётр", "Сидоров"]
    assert ws["D5"].value.date() == dt.date(1990, 4, 20) and ws["D5"].is_date
    assert ws["D5"].number_format == "DD.MM.YYYY"
    assert ws["D7"].value is None  # None in a lone placeholder leaves the cell empty
    assert ws["E5"].value == 1234.5 and ws["E5"].data_type == "n"
    assert ws["E6"].number_format == "#,##0.00"
    assert ws["G5"].value == "3 чел."
    assert ws["G7"].value == "__________ чел."  # None inside text is a blank to fill in
    assert ws["A1"].value == "Реестр МБОУ «СОШ № 1»"
    assert ws["A2"].value == "на 2026-05-25"


@pytest.mark.parametrize("cell, formula", [
    ("F5", "=E5*2"), ("F6", "=E6*2"), ("F7", "=E7*2"),          # per-row formula copied, shifted
    ("E9", "=SUM(E5:E7)"),                                    # range on the repeated row grows
    ("F9", "=SUM($F$5:$F$7)+E9"),                             # absolute too; below moves down
    ("G9", "=E5"),                                            # one cell stays on the first copy
])
def test_formulas_shift_and_grow(rendered, cell, formula):
    assert rendered["Реестр"][cell].value == formula


def test_formulas_on_other_sheets_follow(rendered):
    ws = rendered["Свод"]
    assert [ws["A1"].value, ws["A2"].value, ws["A3"].value] == [
        "=Реестр!E9", "=SUM('Реестр'!E5:E7)", "=Реестр!A1"]


def test_merged_cells_move_and_repeat(rendered):
    merged = {str(r) for r in rendered["Реестр"].merged_cells.ranges}
    assert merged == {"A1:F1", "B4:C4", "B5:C5", "B6:C6", "B7:C7", "A9:D9", "A11:B12"}


def test_data_validation_and_conditional_format_cover_the_new_rows(rendered):
    ws = rendered["Реестр"]
    (dv,) = ws.data_validations.dataValidation
    assert {str(r) for r in dv.sqref.ranges} == {"H5:H7", "H11"}
    (cf,) = list(ws.conditional_formatting)
    assert str(cf.sqref) == "E5:E7"
    assert cf.rules[0].formula == ["$E$9/2"]


def test_styles_heights_widths_and_print_settings_are_kept(rendered):
    ws = rendered["Реестр"]
    assert [ws.row_dimensions[r].height for r in (5, 6, 7, 9)] == [28, 28, 28, 40]
    assert ws["B7"].font.bold and ws["G6"].border.bottom.style == "thin"
    assert ws.column_dimensions["B"].width == 33
    assert ws.print_title_rows in ("4:4", "$4:$4")
    assert ws.print_area.replace("$", "").endswith("A1:H12")


@pytest.mark.parametrize("text", ["=1+2", "+7 900 000-00-00", "-5", "@SUM(A1)",
                                  "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"])
def test_text_from_data_never_becomes_a_formula(tmp_path, text):
    template = one_sheet(tmp_path, {"A1": "{{ note }}", "A2": "{{ note }} (прим.)",
                                    "A3": "{%row for r in rows %}{{ r.name }}"})
    ws = render_sheet(template, DocCtx(note=text, rows=[Row(name=text)]))
    for cell, expected in ((ws["A1"], text), (ws["A2"], f"{text} (прим.)"), (ws["A3"], text)):
        assert cell.value == expected
        assert cell.data_type == "s"
    assert ws["A1"].quotePrefix


def test_empty_list_keeps_the_row_with_placeholders_emptied(tmp_path):
    template = registry_template(tmp_path / "t.xlsx")
    render_xlsx(template, DocCtx(rows=[]), tmp_path / "o.xlsx")
    ws = load_workbook(tmp_path / "o.xlsx")["Реестр"]
    assert [ws.cell(5, c).value for c in range(1, 6)] == [None, None, None, None, None]
    assert ws["F5"].value == "=E5*2"
    assert ws["E7"].value == "=SUM(E5:E5)"
    assert ws["A9"].value == "Примечание: __________"


def test_one_item_changes_no_layout(tmp_path):
    template = registry_template(tmp_path / "t.xlsx")
    render_xlsx(template, DocCtx(rows=ROWS[:1]), tmp_path / "o.xlsx")
    ws = load_workbook(tmp_path / "o.xlsx")["Реестр"]
    assert ws["E7"].value == "=SUM(E5:E5)" and ws["B5"].value == "Иванова Мария"
    assert "A9:B10" in {str(r) for r in ws.merged_cells.ranges}


def test_two_repeated_rows_on_one_sheet(tmp_path):
    template = one_sheet(tmp_path, {
        "A1": "{%row for r in rows %}{{ r.name }}", "B1": "=LEN(A1)", "A2": "=COUNTA(A1:A1)",
        "A3": "{%row for r in rows|reverse %}{{ loop.index }}. {{ r.name }}", "A4": "=COUNTA(A3:A3)"})
    ws = render_sheet(template, DocCtx(rows=ROWS))
    assert [ws.cell(r, 1).value for r in range(1, 9)] == [
        "Иванова Мария", "Петров Пётр", "Сидоров", "=COUNTA(A1:A3)",
        "1. Сидоров", "2. Петров Пётр", "3. Иванова Мария", "=COUNTA(A5:A7)"]
    assert ws["B3"].value == "=LEN(A3)"


def test_tables_and_autofilter_grow(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["ФИО", "Число"])
    ws.append(["{%row for r in rows %}{{ r.name }}", "{{ r.count }}"])
    ws.add_table(Table(displayName="Участники", ref="A1:B2"))
    ws2 = wb.create_sheet("Фильтр")
    ws2.append(["ФИО"])
    ws2.append(["{%row for r in rows %}{{ r.name }}"])
    ws2.auto_filter.ref = "A1:A2"
    wb.save(tmp_path / "t.xlsx")
    render_xlsx(tmp_path / "t.xlsx", DocCtx(rows=ROWS), tmp_path / "o.xlsx")
    out = load_workbook(tmp_path / "o.xlsx")
    assert out.active.tables["Участники"].ref == "A1:B4"
    assert out["Фильтр"].auto_filter.ref == "A1:A4"


@pytest.mark.parametrize("cell_text, message", [
    ("{%row r in rows %}", "метка строки должна иметь вид"),
    ("x {%row for r in rows %}", "должна стоять в начале ячейки"),
    ("{%row for r in school %}{{ r }}", "не список"),
    ("{{ rows[0].nme }}", "нет значения «rows[].nme»"),
    ("{%row for r in rows %}{{ r.nme }}", "нет значения «rows[].nme»"),
    ("{{ ''.__class__ }}", "запрещено песочницей"),
])
def test_template_errors_name_the_sheet_and_cell(tmp_path, cell_text, message):
    template = one_sheet(tmp_path, {"C3": cell_text})
    with pytest.raises(TemplateError) as info:
        render_sheet(template, DocCtx(rows=ROWS))
    assert message in str(info.value)
    assert "лист «Лист», ячейка C3" in str(info.value)


def test_xlsx_through_render_and_a_kind(tmp_path, tpl_dir, out_dir):
    registry_template(tpl_dir / "test_reg.xlsx")
    kind = make_kind(docx=None, xlsx="test_reg.xlsx")
    out = nd.render(kind, DocCtx(rows=ROWS), out_dir / "Реестр.xlsx", templates=tpl_dir)
    assert load_workbook(out)["Реестр"]["B6"].value == "Петров Пётр"


def test_names_links_breaks_and_page_setup_follow(tmp_path):
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.pagebreak import Break

    wb = Workbook()
    ws = wb.active
    ws.title = "Лист"
    ws["A1"] = "{%row for r in rows %}{{ r.name }}"
    ws["A3"] = "Сайт"
    ws["A3"].hyperlink = "https://example.org/"
    ws.row_breaks.append(Break(id=3))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    wb.defined_names["Итоги"] = DefinedName("Итоги", attr_text="'Лист'!$A$1:$A$1")
    wb.defined_names["Подпись"] = DefinedName("Подпись", attr_text="'Лист'!$A$3")
    wb.save(tmp_path / "t.xlsx")
    render_xlsx(tmp_path / "t.xlsx", DocCtx(rows=ROWS), tmp_path / "o.xlsx")
    out = load_workbook(tmp_path / "o.xlsx")
    ws = out["Лист"]
    assert ws["A5"].value == "Сайт" and ws["A5"].hyperlink.target == "https://example.org/"
    assert ws["A5"].hyperlink.ref == "A5"
    assert [b.id for b in ws.row_breaks.brk] == [5]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert out.defined_names["Итоги"].attr_text == "'Лист'!$A$1:$A$3"
    assert out.defined_names["Подпись"].attr_text == "'Лист'!$A$5"


def test_merge_reaching_the_repeated_row_grows(tmp_path):
    template = one_sheet(tmp_path, {"A1": "Участники", "B1": "Список",
                                    "B2": "{%row for r in rows %}{{ r.name }}"}, merges=["A1:A2"])
    ws = render_sheet(template, DocCtx(rows=ROWS))
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:A4"}
    assert [ws.cell(r, 2).value for r in (2, 3, 4)] == ["Иванова Мария", "Петров Пётр", "Сидоров"]


def test_a_bordered_merge_below_two_repeated_rows_moves_whole(tmp_path):
    """Moved, not merged anew: its text, its merged-over cells and the border on its edges
    come along, past two repeated rows (the second insertion moves it again)."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "{%row for r in rows %}{{ r.name }}"
    ws["A2"] = "{%row for r in rows %}{{ r.count }}"
    ws["A4"] = "Подпись {{ note }}"
    thick = Side(style="medium")
    for col in "ABC":
        for row in (4, 5):
            ws[f"{col}{row}"].border = Border(top=thick, bottom=thick, left=thick, right=thick)
    ws.merge_cells("A4:C5")
    wb.save(tmp_path / "t.xlsx")
    out = render_sheet(tmp_path / "t.xlsx", DocCtx(rows=ROWS, note="куратора"))
    assert {str(r) for r in out.merged_cells.ranges} == {"A8:C9"}
    assert out["A8"].value == "Подпись куратора"
    assert [out.cell(r, c).value for r in (8, 9) for c in (1, 2, 3)][1:] == [None] * 5
    assert out["C9"].border.right.style == out["C9"].border.bottom.style == "medium"
    assert out["A8"].border.top.style == out["A8"].border.left.style == "medium"


@pytest.mark.parametrize("content", [b"", b"not a zip"])
def test_unreadable_xlsx_template_is_a_template_error(tmp_path, content):
    (tmp_path / "t.xlsx").write_bytes(content)
    with pytest.raises(TemplateError, match="Не удалось открыть шаблон XLSX «t.xlsx»"):
        render_xlsx(tmp_path / "t.xlsx", DocCtx(), tmp_path / "o.xlsx")


def test_print_headers_and_footers_are_filled(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "x"
    ws.oddHeader.center.text = "{{ school }}"
    ws.oddFooter.right.text = "Стр. &P из &N, {{ date.year }}"
    wb.save(tmp_path / "t.xlsx")
    render_xlsx(tmp_path / "t.xlsx", DocCtx(school="Школа & сад"), tmp_path / "o.xlsx")
    ws = load_workbook(tmp_path / "o.xlsx").active
    assert ws.oddHeader.center.text == "Школа && сад"
    assert ws.oddFooter.right.text == "Стр. &P из &N, 2026"
