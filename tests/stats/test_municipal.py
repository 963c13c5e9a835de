"""The municipal summary: tables read back, checked, summed; failures named; shards merged."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest
from stats_registry import TOTALS, YEAR, hand_built

import nastavnik_docs as nd
from nastavnik_docs.io import read_coverage_table, write_registry
from nastavnik_docs.stats import MunicipalSummary, accept_table, coverage, shard_of

ORG = {"full_name": "МБОУ «Школа № 1»", "short_name": "Школа № 1", "city": "Вологда", "inn": "3525000001",
       "head": {"last_name": "Горбунова", "first_name": "Людмила", "middle_name": "Анатольевна",
                "post": "Директор"}}


def school(folder, number: int, **org):
    data = {"organization": {**ORG, **org}, "registry": hand_built(), "school_year": 2024,
            "totals": TOTALS.model_dump()}
    return nd.render("report.coverage", data, folder / f"школа_{number}.xlsx")


def break_line(path, code="01", delta=3):
    wb = openpyxl.load_workbook(path)
    cell = next(row[2] for row in wb["Охват"].iter_rows() if row[1].value == code)
    cell.value = int(cell.value) + delta
    wb.save(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    school(folder, 1)
    school(folder, 2, full_name="МБОУ «Школа № 2»", inn="3525000002")
    school(folder, 3, full_name="МБОУ «Школа № 3»", inn="3525000003")
    break_line(school(folder, 4, full_name="МБОУ «Школа № 4»", inn="3525000004"))
    school(folder, 5)  # the same organisation as school 1 (same INN)
    other = openpyxl.Workbook()
    other.active["A1"] = "не таблица"
    other.save(folder / "заметки.xlsx")
    write_registry(hand_built(), folder / "база_школы_6.xlsx")
    (folder / "~$школа_1.xlsx").write_bytes(b"lock")
    return folder


def test_a_table_reads_back_as_computed(folder):
    table = read_coverage_table(folder / "школа_1.xlsx")
    computed = coverage(hand_built(), YEAR, TOTALS).table()
    assert (table.organization, table.inn, table.form, table.version) == ("МБОУ «Школа №\u00a01»", "3525000001",
                                                                         "НД-ОХВАТ", "2")
    assert (table.period_start, table.period_end) == (YEAR.start, YEAR.end)
    assert {c: line.graphs for c, line in table.lines.items()} == {c: line.graphs for c, line in computed.lines.items()}


def test_aggregate_sums_the_good_tables_and_names_what_failed(folder, tmp_path):
    summary = nd.aggregate([folder], tmp_path / "свод.json")
    assert summary.files == 7  # the lock file is not read
    assert [r.organization for r in summary.rows] == [f"МБОУ «Школа №\u00a0{i}»" for i in (1, 2, 3)]
    reasons = {f.file.rsplit("/", 1)[-1]: f.reasons for f in summary.failed}
    assert set(reasons) == {"школа_4.xlsx", "школа_5.xlsx", "заметки.xlsx", "база_школы_6.xlsx"}
    assert reasons["школа_4.xlsx"][0].startswith("КС-1 (стр. 01 = стр. 02 + 03 + 04 + 05 + 06): стр. 01 (19)")
    assert reasons["школа_5.xlsx"][0].startswith("ПОВТОР: сведения организации (ИНН 3525000001) уже учтены")
    assert reasons["заметки.xlsx"][0].startswith("ЧТЕНИЕ:") and "нет таблицы охвата" in reasons["заметки.xlsx"][0]
    assert reasons["база_школы_6.xlsx"][0].startswith("БАЗА:")
    total = summary.total()
    assert total.count("01") == 3 * 16 and total.value("02", 4) == Decimal(210) and total.value("02", 5) == Decimal("10.0")
    assert MunicipalSummary.model_validate(json.loads((tmp_path / "свод.json").read_text("utf-8"))) == summary


def test_a_registry_counts_when_the_period_is_given(folder):
    summary = nd.aggregate([folder / "база_школы_6.xlsx"], period=YEAR)
    (row,) = summary.rows
    assert row.organization == "база_школы_6" and row.count("01") == 16 and row.values["02"][1] is None
    wrong = nd.aggregate([folder / "школа_2.xlsx"], period=YEAR.school_year(2025))
    assert wrong.failed[0].reasons == ["ПЕРИОД: отчётный период таблицы 01.09.2024–31.08.2025, а сводка — за "
                                       "01.09.2025–31.08.2026"]


def test_shards_merge_into_the_same_summary(folder, tmp_path):
    whole = nd.aggregate([folder])
    parts = [nd.aggregate([folder], tmp_path / f"part{i}.json", shard=(i, 3)) for i in (1, 2, 3)]
    assert sum(p.files for p in parts) == whole.files == merged_files(tmp_path)
    merged = nd.merge_summaries([tmp_path / f"part{i}.json" for i in (1, 2, 3)])
    assert [r.organization for r in merged.rows] == [r.organization for r in whole.rows]
    assert [r.file for r in merged.rows] == [r.file for r in whole.rows]
    assert sorted(f.file for f in merged.failed) == sorted(f.file for f in whole.failed)
    assert merged.total() == whole.total()


def merged_files(tmp_path) -> int:
    return nd.merge_summaries([tmp_path / f"part{i}.json" for i in (1, 2, 3)]).files


def test_shards_split_every_file_once():
    files = [f"f{i:02d}.xlsx" for i in range(10)]
    parts = [shard_of(files, (i, 4)) for i in range(1, 5)]
    assert sorted(sum(parts, [])) == files and [len(p) for p in parts] == [3, 3, 2, 2]
    with pytest.raises(ValueError, match="от 1 до 4"):
        shard_of(files, (5, 4))


def test_parallel_reading_gives_the_same_summary(folder):
    assert nd.aggregate([folder], jobs=2).model_dump() == nd.aggregate([folder]).model_dump()


def test_a_denominator_missing_in_one_organisation_leaves_the_share_empty(folder):
    table = read_coverage_table(folder / "школа_2.xlsx")
    bare = coverage(hand_built(), YEAR).table("Без численности", "3525000009")
    summary = MunicipalSummary()
    for t in (table, bare):
        summary.add(*accept_table(t))
    total = summary.total()
    assert total.count("02") == 14 and total.value("02", 4) is None and total.value("02", 5) is None


def test_summary_and_report_documents(folder, tmp_path):
    authority = {**ORG, "full_name": "Управление образования", "short_name": "Управление образования",
                 "kind": "управление образования"}
    targets = [{"indicator": "охват педагогов", "value": 40, "measure": "teachers"}]
    nd.aggregate([folder], tmp_path / "свод.xlsx", organization=authority, targets=targets,
                 report=tmp_path / "справка.docx")
    wb = openpyxl.load_workbook(tmp_path / "свод.xlsx")
    rows = [[c.value for c in r] for r in wb["Свод"].iter_rows()]
    names = [r[1] for r in rows[:next(i for i, r in enumerate(rows) if r[1] == "Итого")] if r[0] in ("1.", "2.", "3.")]
    assert names == [f"МБОУ «Школа №\u00a0{i}»" for i in (1, 2, 3)]
    total = next(r for r in rows if r[1] == "Итого")
    assert total[3] == 48 and total[6] == 18 and total[7] == "30,0\u00a0%"  # one decimal in a column of shares
    failed = [[c.value for c in r] for r in wb["Не приняты"].iter_rows()]
    assert any("КС-1" in str(r[2]) for r in failed)
    from docx import Document

    text = "\n".join(p.text for p in Document(tmp_path / "справка.docx").paragraphs)
    assert "не достигнут: 30\u00a0% при плановом значении не менее 40\u00a0%" in text
    assert "Не приняты сведения из файлов (4)" in text
