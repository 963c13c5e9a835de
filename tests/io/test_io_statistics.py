"""Reading statistical workbooks: questionnaire results and coverage tables; the CSV writer."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import (
    csv_cell,
    read_coverage_source,
    read_coverage_table,
    read_csv,
    read_survey_results,
    write_csv,
)
from nastavnik_docs.models import Registry, Role, SurveyStage


def test_the_sample_results_read_by_role_and_stage():
    results = read_survey_results(sample_path("reports/survey_results.xlsx"))
    assert results.respondents == {"mentor:after": 6, "mentee:before": 7, "mentee:after": 7}
    confidence = [a for a in results.answers if a.role is Role.MENTEE and "уверенно" in a.question]
    assert [(a.stage, a.scores) for a in confidence] == [(SurveyStage.BEFORE, [5, 4, 6, 5, 3, 6, 4]),
                                                         (SurveyStage.AFTER, [8, 7, 8, 8, 6, 9, 7])]


def test_a_bad_score_or_stage_is_located(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Наставляемые"
    sheet.append(["Этап", "Насколько полезными были встречи?", "Что было полезным?"])
    sheet.append(["после", 11, "всё"])
    sheet.append(["в середине", 7, None])
    sheet.append([None, 9.5, None])
    notes = book.create_sheet("Пояснения")
    notes.append(["Это лист пояснений"])
    notes.append(["строка без роли"])
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(InputError) as info:
        read_survey_results(tmp_path / "r.xlsx")
    found = [(p.row, p.column, p.value, p.message) for p in info.value.problems]
    assert found == [(2, "B «Насколько полезными были встречи?»", "11", "оценка должна быть от 1 до 10"),
                     (3, "Этап", "в середине", "этап: «до» или «после» программы"),
                     (4, "B «Насколько полезными были встречи?»", "9.5", "оценка должна быть от 1 до 10")]


def test_a_workbook_without_scores_is_refused(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Наставники"
    book.active.append(["Этап", "Что бы вы изменили?"])
    book.active.append(["после", "ничего"])
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(InputError, match="нет оценок по шкале от 1 до 10"):
        read_survey_results(tmp_path / "r.xlsx")


def test_the_previous_year_sample_table_reads_back():
    table = read_coverage_table(sample_path("reports/coverage_2025.xlsx"))
    assert (table.form, table.version, table.inn) == ("НД-ОХВАТ", "2", "3525000012")
    assert table.period_start.isoformat() == "2025-09-01" and table.value("02", 4) == Decimal(612)
    assert isinstance(read_coverage_source(sample_path("registry.xlsx")), Registry)


def test_a_number_typed_as_text_is_read_and_junk_is_located(tmp_path):
    path = tmp_path / "t.xlsx"
    book = openpyxl.load_workbook(sample_path("reports/coverage_2025.xlsx"))
    sheet = book.active
    row = next(r for r in sheet.iter_rows() if r[1].value == "01")
    row[2].value = "7"
    book.save(path)
    assert read_coverage_table(path).value("01") == Decimal(7)
    row[2].value = "семь"
    book.save(path)
    with pytest.raises(InputError) as info:
        read_coverage_table(path)
    (problem,) = info.value.problems
    assert (problem.column, problem.value, problem.message) == ("3", "семь", "в графе 3 должно быть число")


def test_the_csv_writer_neutralises_formulas_and_reads_back(tmp_path):
    assert [csv_cell(v) for v in ("=1+1", "+7 900", "-", "@x", "text", None, 2.5)] == [
        "'=1+1", "'+7 900", "'-", "'@x", "text", "", "2,5"]
    path = write_csv(tmp_path / "x.csv", ["A", "B"], [["=SUM(A1)", "обычный"]])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_csv(path) == [["A", "B"], ["=SUM(A1)", "обычный"]]
