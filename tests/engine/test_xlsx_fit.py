"""Row heights from wrapped text: the estimate, and the rows the XLSX engine fits once a
template is filled (a merged text row without a height of its own)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from nastavnik_docs.engine.xlsx import render_xlsx
from nastavnik_docs.engine.xlsx_fit import LINE_PT, text_lines, text_width

WRAP = Alignment(wrap_text=True, vertical="top")
WORD = "наставничество"  # 14 characters


def test_lines_break_at_words_and_inside_a_word_longer_than_a_line():
    assert text_lines("", 10) == 1
    assert text_lines("один два три", 12) == 1
    assert text_lines("один два три", 8) == 2
    assert text_lines("один\nдва", 40) == 2
    assert text_lines("а" * 25, 10) == 3  # 10 + 10 + 5
    assert text_lines(" ".join([WORD] * 11), 60, text_width) == 3  # 14 units a word: four a line


def test_widths_are_times_new_romans():
    """A space and a full stop a quarter of an em, a digit half, «ш» and «Ж» wide; an em of
    11 pt is 11/5.25 units (a unit: a 7 px digit at 96 dpi)."""
    assert text_width(" ") == text_width(".") == text_width("0") / 2
    assert text_width("0") == pytest.approx(0.5 * 11 / 5.25)
    assert text_width("о") < text_width("ш") < text_width("Ж")
    assert text_width("МБОУ") > text_width("мбоу")  # capitals are wider: names of schools wrap sooner


def _template(path, height: float | None = None):
    wb = Workbook()
    ws = wb.active
    for col in "ABC":
        ws.column_dimensions[col].width = 20  # A:C merged: 60 units
    ws["A1"] = "{%row for n in notes %}{{ n }}"
    ws["A1"].alignment = WRAP
    ws.merge_cells("A1:C1")
    if height:
        ws.row_dimensions[1].height = height
    ws["A3"] = "{{ tail }}"  # not merged: the program fits it itself
    ws["A3"].alignment = WRAP
    ws["A4"] = "{{ title }}"
    ws["A4"].alignment, ws["A4"].font = WRAP, Font(size=22)
    ws.merge_cells("A4:C4")
    wb.save(path)
    return path


def test_a_merged_text_row_is_as_high_as_its_lines_and_a_one_line_row_keeps_the_default(tmp_path):
    notes = ["короткое примечание", " ".join([WORD] * 11), " ".join([WORD] * 3)]
    out = render_xlsx(_template(tmp_path / "t.xlsx"), {"notes": notes, "tail": " ".join([WORD] * 9),
                                                       "title": " ".join([WORD] * 3)}, tmp_path / "out.xlsx")
    ws = load_workbook(out).active
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == notes
    assert ws.row_dimensions[1].height is None  # one line: the program's own height
    assert ws.row_dimensions[2].height == round(3 * LINE_PT + 3, 1)
    assert ws.row_dimensions[3].height is None
    assert ws.row_dimensions[5].height is None  # a wrapping cell that is not merged
    # 22 pt: three words take two lines of the 60 units (half as many characters a line),
    # each line twice as high
    assert ws.row_dimensions[6].height == round(2 * LINE_PT * 2 + 3, 1)


def test_a_template_that_sets_the_height_keeps_it(tmp_path):
    out = render_xlsx(_template(tmp_path / "t.xlsx", height=40), {"notes": ["коротко", " ".join([WORD] * 10)],
                                                                   "tail": "", "title": ""}, tmp_path / "out.xlsx")
    ws = load_workbook(out).active
    assert [ws.row_dimensions[r].height for r in (1, 2)] == [40, 40]
