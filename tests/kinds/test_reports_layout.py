"""The coverage table's layout read back from the generated workbook: rows as high as their
text, the reporting period that reads «01.09.2026 – 31.08.2027» and stays two dates, and
tables of the earlier layout (two bare date cells) and of a hand-typed period still read."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from openpyxl import load_workbook
from openpyxl.styles import Alignment

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs._stats_api import aggregate
from nastavnik_docs.engine.xlsx_fit import LINE_PT
from nastavnik_docs.io import read_coverage_table
from nastavnik_docs.stats import ReportingPeriod

START, END = dt.date(2026, 9, 1), dt.date(2027, 8, 31)
LIBERATION_SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    return nd.render("report.coverage", sample_path("reports/coverage.yaml"),
                     tmp_path_factory.mktemp("layout") / "охват.xlsx")


def _rows_between(ws, first: str, last: str) -> list[int]:
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in (first, last)]
    return list(range(rows[0] + 1, rows[1]))


def _period_row(ws) -> int:
    return next(r for r in range(1, 12) if ws.cell(r, 1).value == "Отчётный период")


def _font_lines(text: str, width_pt: float) -> int:
    """Lines of ``text`` in 11 pt Liberation Serif (Times New Roman's metrics) wrapped at
    spaces in ``width_pt``: the font file's own advance widths, not the engine's table."""
    font = TTFont(LIBERATION_SERIF)
    cmap, metrics, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm

    def width(word: str) -> float:
        return sum(metrics[cmap[ord(c)]][0] for c in word) / em * 11

    lines, used = 1, 0.0
    for word in text.split():
        if used and used + width(" ") + width(word) > width_pt:
            lines, used = lines + 1, 0.0
        used += width(word) + (width(" ") if used else 0)
    return lines


@pytest.mark.skipif(not Path(LIBERATION_SERIF).exists(), reason="Liberation Serif is not installed")
def test_each_note_row_is_as_high_as_its_lines(table):
    """A note that takes one line of the A:E width (7 px a unit: Times New Roman's digit, the
    workbook's default font) keeps the one-line default row; a longer one gets exactly its
    lines — never a double row for a single line."""
    ws = load_workbook(table)["Охват"]
    assert ws.parent._fonts[0].name == "Times New Roman"  # the default font measures the columns
    notes = _rows_between(ws, "Примечания: определения показателей", "Контрольные соотношения")
    texts = {r: ws.cell(r, 1).value for r in notes if ws.cell(r, 1).value}
    assert len(texts) >= 12 and all(f"A{r}:E{r}" in ws.merged_cells for r in texts)
    width_pt = sum(ws.column_dimensions[c].width for c in "ABCDE") * 5.25 - 4  # less the cell's margins
    lines = {r: _font_lines(text, width_pt) for r, text in texts.items()}
    assert set(lines.values()) == {1, 2}  # the sample has both
    for r, count in lines.items():
        height = ws.row_dimensions[r].height
        if count == 1:
            assert height is None, (texts[r], height)
        else:
            assert count * LINE_PT <= height < (count + 1) * LINE_PT, (texts[r], height)
    first_relation = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("КС-1:"))
    assert all(ws.row_dimensions[r].height is None for r in range(first_relation, first_relation + 27))
    # the organisation's full name takes two lines in B:E, and its row is two lines high
    name_row = next(r for r in range(1, 12) if ws.cell(r, 1).value == "Организация")
    assert 2 * LINE_PT <= ws.row_dimensions[name_row].height < 3 * LINE_PT


def test_the_period_reads_as_a_span_and_stays_two_dates(table):
    ws = load_workbook(table)["Охват"]
    row = _period_row(ws)
    start, end = ws.cell(row, 2), ws.cell(row, 3)
    assert (start.value.date(), end.value.date()) == (START, END)  # dates, not text
    assert start.number_format == "DD.MM.YYYY" and end.number_format == '"\u2013 "DD.MM.YYYY'
    # the start stands against the end, which follows its dash: «01.09.2026 – 31.08.2027»
    assert (start.alignment.horizontal, end.alignment.horizontal) == ("right", "left")
    assert ws.cell(row, 4).value is None and ws.cell(row, 5).value is None
    assert ws.cell(2, 1).value == "за 2026/2027 учебный год"


def _old_layout(path, out, inn: str | None = None):
    """The table as the previous layout wrote it: two bare date cells, no dash (``inn``:
    another organisation's)."""
    book = load_workbook(path)
    ws = book["Охват"]
    if inn:
        ws.cell(next(r for r in range(1, 12) if ws.cell(r, 1).value == "ИНН"), 2).value = inn
    row = _period_row(ws)
    for cell in (ws.cell(row, 2), ws.cell(row, 3)):
        cell.number_format = "DD.MM.YYYY"
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    book.save(out)
    return out


def _typed_by_hand(path, out):
    """The period retyped as one text cell, as a person would write it."""
    book = load_workbook(path)
    ws = book["Охват"]
    row = _period_row(ws)
    ws.cell(row, 2).value, ws.cell(row, 3).value = "с 01.09.2026 по 31.08.2027", None
    book.save(out)
    return out


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_the_reader_takes_the_new_the_old_and_a_typed_period(table, tmp_path, monkeypatch, reader):
    if reader == "openpyxl":
        monkeypatch.setitem(sys.modules, "python_calamine", None)  # the reader without calamine
    new = read_coverage_table(table)
    for layout in (_old_layout, _typed_by_hand):
        other = read_coverage_table(layout(table, tmp_path / f"{layout.__name__}.xlsx"))
        assert (other.period_start, other.period_end) == (START, END)
        assert other.lines == new.lines
    assert (new.period_start, new.period_end) == (START, END)


def test_aggregation_accepts_tables_of_both_layouts(table, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "new.xlsx").write_bytes(table.read_bytes())
    _old_layout(table, folder / "old.xlsx", inn="3525000005")
    summary = aggregate([folder], period=ReportingPeriod.school_year(2026))
    assert not summary.failed, summary.failed
    assert sorted(r.file.rsplit("/", 1)[-1] for r in summary.rows) == ["new.xlsx", "old.xlsx"]
    assert [(r.period_start, r.period_end, r.count("01")) for r in summary.rows] == [(START, END, 23)] * 2
