"""The month grid prints readably: at most twelve month columns per page (a page per school
year), landscape, one scale fitting the widest page to the paper, title rows and row
columns repeated, rows tall enough that no stage name is cut — checked in the workbook
(row heights against the wrapped text) and, for the slow tests, in the PDF LibreOffice
makes of it (months per page, the row columns on every page). Whether a text is clipped
cannot be read from a PDF's text layer (clipped glyphs stay in it): the heights are the
check, and the pages were looked at (see the report of issue 15)."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings

import pytest
from _roadmap_samples import SAMPLES, load_sample
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine.pdf import convert_to_pdf
from nastavnik_docs.engine.roadmap_xlsx import GRID_FIXED, month_pages
from nastavnik_docs.models.roadmap import roadmap_months


def _workbook(key: str, tmp_path):
    out = tmp_path / f"{key}.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nd.render("roadmap", sample_path(SAMPLES[key]), out)
    return out, load_workbook(out)


def test_month_pages_split_at_school_years() -> None:
    two_years = [(2022, m) for m in range(9, 13)] + [(2023, m) for m in range(1, 13)] + [(2024, m) for m in range(1, 9)]
    pages = month_pages(two_years, school_years=True)
    assert [len(p) for p in pages] == [12, 12] and pages[1][0] == (2023, 9)
    assert [len(p) for p in month_pages([(2023, 8)] + two_years[:12], school_years=True)] == [1, 12]
    calendar = [(2022, m) for m in range(1, 13)]
    assert month_pages(calendar, school_years=False) == [calendar]
    assert [len(p) for p in month_pages([(2020, m) for m in range(1, 13)] * 3, school_years=False)] == [12, 12, 12]


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_grid_print_setup(key: str, tmp_path) -> None:
    _, wb = _workbook(key, tmp_path)
    grid = wb["По месяцам"]
    roadmap = load_sample(key)
    horizon = roadmap_months(roadmap)
    assert grid.page_setup.orientation == "landscape" and int(grid.page_setup.paperSize) == int(grid.PAPERSIZE_A4)
    assert grid.print_title_rows.replace("$", "") == "1:3"
    assert grid.print_title_cols.replace("$", "") == f"A:{chr(ord('A') + len(GRID_FIXED) - 1)}"
    breaks = [b.id for b in grid.col_breaks.brk]
    edges = [len(GRID_FIXED), *breaks, len(GRID_FIXED) + len(horizon)]
    assert all(0 < b - a <= 12 for a, b in zip(edges, edges[1:])) or not horizon
    assert 10 <= grid.page_setup.scale <= 100
    # every row is tall enough for its stage name and event at the column's width
    for row in grid.iter_rows(min_row=4, max_col=3):
        height = grid.row_dimensions[row[0].row].height
        for cell in row[1:]:
            width = grid.column_dimensions[cell.column_letter].width
            words = " ".join(str(cell.value or "").split("\n"))
            assert height >= 14.5 * max(1, -(-len(words) // int(width * 1.3))), (cell.coordinate, cell.value)


def test_merged_stage_cells_are_tall_enough(tmp_path) -> None:
    _, wb = _workbook("severodvinsk", tmp_path)
    table = wb["Дорожная карта"]
    for rng in table.merged_cells.ranges:
        if rng.max_row == rng.min_row:
            continue
        text = str(table.cell(rng.min_row, rng.min_col).value or "")
        width = table.column_dimensions[table.cell(rng.min_row, rng.min_col).column_letter].width
        have = sum(table.row_dimensions[r].height for r in range(rng.min_row, rng.max_row + 1))
        assert have >= 14.5 * -(-len(text) // int(width * 1.3))


def _pdf_pages(xlsx, tmp_path) -> list[str]:
    pdf = convert_to_pdf([xlsx], tmp_path)[0]
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"],
                           capture_output=True, text=True).stdout for i in range(1, count + 1)]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are needed")
@pytest.mark.parametrize("key", ["essentuki", "spassk"])
def test_printed_grid_pages(key: str, tmp_path) -> None:
    xlsx, wb = _workbook(key, tmp_path)
    del wb["Дорожная карта"]
    only_grid = tmp_path / f"{key}-grid.xlsx"
    wb.save(only_grid)
    pages = _pdf_pages(only_grid, tmp_path)
    roadmap = load_sample(key)
    months = re.compile(r"\b(янв|фев|мар|апр|май|июн|июл|авг|сен|окт|ноя|дек)\b")
    seen = 0
    for text in pages:
        header = next(line for line in text.split("\n") if months.search(line))
        count = len(months.findall(header))
        assert 0 < count <= 12
        assert "Мероприятие" in text and "Ответственные" in text  # the row columns repeat
        seen += count
    assert seen >= len(roadmap_months(roadmap))  # every month is on some page
