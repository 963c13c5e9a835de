"""The previous year of the sample: the same school a year earlier (its own registry,
``samples/reports/registry_2025.yaml``), fewer pairs but the same scale, and the analytical
report's year-on-year comparison read back from the document."""

from __future__ import annotations

from decimal import Decimal

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.io import load_registry, read_coverage_table
from nastavnik_docs.stats import ReportingPeriod, coverage

NB = "\u00a0"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """(previous, current): the committed previous-year table and this year's, as made now."""
    current = nd.render("report.coverage", sample_path("reports/coverage.yaml"),
                        tmp_path_factory.mktemp("cur") / "охват.xlsx")
    return read_coverage_table(sample_path("reports/coverage_2025.xlsx")), read_coverage_table(current)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return nd.render("report.analytical", sample_path("reports/analytical.yaml"),
                     tmp_path_factory.mktemp("ana") / "справка.docx")


def test_the_committed_previous_table_is_made_from_its_sample(tables):
    """samples/reports/coverage_2025.xlsx is what coverage_2025.yaml gives now (rebuilt with
    ``python -m tools.build_templates`` whenever the registry of that year changes)."""
    data = load_input("report.coverage", sample_path("reports/coverage_2025.yaml"))
    computed = coverage(load_registry(sample_path("reports/registry_2025.yaml")), ReportingPeriod.school_year(2025),
                        data.totals).table()
    previous, _ = tables
    assert {c: line.graphs for c, line in previous.lines.items()} == {c: line.graphs for c, line in computed.lines.items()}


def test_the_previous_year_is_the_same_school_on_the_same_scale(tables):
    previous, current = tables
    assert (previous.organization, previous.inn) == (current.organization, current.inn)
    assert (previous.period_start.isoformat(), previous.period_end.isoformat()) == ("2025-09-01", "2026-08-31")
    # fewer people and pairs than this year, but not a handful: at least two thirds of this year's
    for code in ("01", "07", "14", "21"):
        before, now = previous.count(code), current.count(code)
        assert 2 * now <= 3 * before <= 3 * now, (code, before, now)
    # every category this year's programme works with was there a year earlier, but the employer
    assert all(previous.count(code) for code in ("02", "04", "12", "09", "16"))
    assert previous.count("34") == 0 < current.count("34")  # «работодатель – ученик» is new this year
    # a year's growth in coverage is a few percentage points, not a jump from nothing
    for code in ("02", "04", "12"):
        assert Decimal(0) < current.value(code, 5) - previous.value(code, 5) <= Decimal(6), code


def test_the_report_compares_the_years_with_the_tables_figures(tables, report):
    previous, current = tables
    doc = Document(report)
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Показатель", "Было", "Стало",
                                                                                "Изменение"])
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows["Участники программ наставничества, чел."] == ["18", "23", "+5"]
    for title, code in (("Участники программ наставничества, чел.", "01"), ("Наставляемые, чел.", "07"),
                        ("Наставники, чел.", "14"), ("Пары и группы, ед.", "21")):
        before, now, change = rows[title]
        assert (int(before), int(now)) == (previous.count(code), current.count(code))
        assert change == f"+{current.count(code) - previous.count(code)}"
    for title, code in (("Охват обучающихся, %", "02"), ("Охват педагогических работников, %", "04")):
        before, now, change = rows[title]
        delta = current.value(code, 5) - previous.value(code, 5)
        assert before == f"{previous.value(code, 5)}".replace(".", ",") + f"{NB}%"
        assert change == f"+{delta}".replace(".", ",") + f"{NB}п.{NB}п."
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "По сравнению с 2025/2026 учебным годом: участников – 23 (было 18, +5); пар и групп – 9 (было 8, +1)" \
        in text.replace(NB, " ")
