"""The coverage table (XLSX) and the analytical report (DOCX), read back and checked."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry
from nastavnik_docs.stats import ReportingPeriod, Totals, coverage

SAMPLE = sample_path("reports/coverage.yaml")


@pytest.fixture(scope="module")
def expected():
    """The figures computed straight from the sample registry, to compare the documents with."""
    registry = load_registry(sample_path("registry.yaml"))
    return coverage(registry, ReportingPeriod.school_year(2026), Totals(pupils=640, teachers=48, young_specialists=5))


@pytest.fixture(scope="module")
def sheet(tmp_path_factory, expected):
    out = nd.render("report.coverage", SAMPLE, tmp_path_factory.mktemp("cov") / "охват.xlsx")
    return load_workbook(out)["Охват"]


@pytest.fixture(scope="module")
def text(tmp_path_factory):
    out = nd.render("report.analytical", SAMPLE, tmp_path_factory.mktemp("ana") / "справка.docx")
    doc = Document(out)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _rows(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_every_line_is_in_the_table_with_its_count(sheet, expected):
    by_code: dict[str, list] = {}  # section 1 comes first; section 2 reuses the codes 01, 02…
    for row in _rows(sheet):
        if isinstance(row[1], str) and row[1].isdigit():
            by_code.setdefault(row[1], row)
    for line in expected.lines:
        row = by_code[line.code]
        assert row[0].strip("\u00a0 ") == line.title
        assert row[2] == line.count
        assert row[3] == line.total
        assert (Decimal(str(row[4])) if row[4] is not None else None) == line.share


def test_forms_total_is_a_formula_over_the_repeated_rows(sheet, expected):
    rows = _rows(sheet)
    total_row = next(i for i, r in enumerate(rows, start=1) if r[0] == "Всего")
    first = total_row - len(expected.forms)
    assert rows[total_row - 1][2] == f"=SUM(C{first}:C{total_row - 1})"
    assert sum(rows[i - 1][2] for i in range(first, total_row)) == expected.line("12").count


def test_no_tags_or_none_left(sheet, text):
    values = [str(v) for row in _rows(sheet) for v in row if v is not None] + [text]
    assert not [v for v in values if "{{" in v or "{%" in v or "None" in v]


def test_targets_are_judged(sheet, expected):
    verdicts = [r[4] for r in _rows(sheet) if r[1] in ("1.", "2.", "3.")]
    assert verdicts == ["не достигнут", "не достигнут", "не достигнут"]
    assert expected.line("02").share == Decimal("1.6")


def test_analytical_report_sentences(text, expected):
    n = {line.code: line.count for line in expected.lines}
    assert "АНАЛИТИЧЕСКАЯ СПРАВКА" in text
    assert "В\u00a02026/2027 учебном году в\u00a0МБОУ «СОШ №\u00a012» реализуется целевая модель" in text
    assert f"Численность наставляемых\u00a0– {n['01']} человек" in text
    assert f"педагогических работников\u00a0– {n['04']} (в\u00a0том числе молодых специалистов\u00a0– {n['05']})" in text
    assert "составил 10,4\u00a0% при целевом значении не менее 15\u00a0% в\u00a02027\u00a0г.\u00a0– показатель не достигнут" in text
    assert "Е.Н.\u00a0Власова" in text


def test_period_is_required_once(tmp_path):
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["period"] = {"start": "2026-09-01", "end": "2027-05-31"}
    path = tmp_path / "bad.yaml"
    data["organization"] = str(sample_path("organization.yaml"))
    data["registry"] = str(sample_path("registry.yaml"))
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="либо учебный год"):
        load_input(nd.get_kind("report.coverage"), path)
