"""The report kinds read back: the coverage table (XLSX), the analytical report (DOCX) in three
constructed situations, the municipal kinds, the personified list."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry, read_coverage_table
from nastavnik_docs.models import PairStatus
from nastavnik_docs.stats import ReportingPeriod, Totals, coverage


def _stats_registry():
    """The hand-built registry of the stats tests (loaded by path: no test folder on sys.path)."""
    path = Path(__file__).resolve().parents[1] / "stats" / "stats_registry.py"
    spec = importlib.util.spec_from_file_location("stats_registry_for_reports", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_REGISTRY = _stats_registry()
TOTALS, hand_built = _REGISTRY.TOTALS, _REGISTRY.hand_built

SAMPLE = sample_path("reports/coverage.yaml")
ANALYTICAL = sample_path("reports/analytical.yaml")  # the same, with questionnaires and last year's table
NB = "\u00a0"
ORG = str(sample_path("organization.yaml"))


def text_of(path) -> str:
    doc = Document(path)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def key_table(path) -> dict[str, list[str]]:
    """The analytical report's compact table: line code -> [count, total, share]."""
    doc = Document(path)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Показатель" and len(t.columns) == 4)
    out = {}
    for row in table.rows[1:]:
        title = row.cells[0].text
        out[title[title.index("стр.") + 5:-1]] = [c.text for c in row.cells[1:]]
    return out


# ------------------------------------------------------------------ the sample


@pytest.fixture(scope="module")
def expected():
    registry = load_registry(sample_path("registry.yaml"))
    totals = Totals(pupils=640, teachers=48, young_specialists=5, pupils_10_19=520, pupils_15_19=190)
    return coverage(registry, ReportingPeriod.school_year(2026), totals)


@pytest.fixture(scope="module")
def sheet_path(tmp_path_factory):
    return nd.render("report.coverage", SAMPLE, tmp_path_factory.mktemp("cov") / "охват.xlsx")


@pytest.fixture(scope="module")
def report_path(tmp_path_factory):
    return nd.render("report.analytical", ANALYTICAL, tmp_path_factory.mktemp("ana") / "справка.docx")


def test_the_table_reads_back_as_computed(sheet_path, expected):
    table = read_coverage_table(sheet_path)
    computed = expected.table()
    assert {c: line.graphs for c, line in table.lines.items()} == {c: line.graphs for c, line in computed.lines.items()}
    assert table.value("04", 5) == Decimal("20.8")  # teachers as mentors and mentees: 10 of 48


def test_the_table_prints_its_definitions_relations_and_verdicts(sheet_path):
    rows = [[c.value for c in r] for r in load_workbook(sheet_path)["Охват"].iter_rows()]
    texts = [str(v) for r in rows for v in r if v is not None]
    assert any(t.startswith("Стр.\u00a004: педагоги") and "учитывается один раз" in t for t in texts)
    assert "КС-19: стр. 30 = сумма стр. 31–39" in texts
    verdicts = [r[4] for r in rows if r[1] in ("1.", "2.", "3.", "4.", "5.")]
    assert verdicts == ["не достигнут", "достигнут", "не достигнут", "не достигнут", "достигнут"]
    assert not [t for t in texts if "{{" in t or "{%" in t or "None" in t]


def test_the_report_figures_are_the_table_figures(report_path, sheet_path):
    table = read_coverage_table(sheet_path)
    for code, (count, total, ratio) in key_table(report_path).items():
        assert int(count) == table.count(code)
        assert total == (str(int(table.value(code, 4))) if table.value(code, 4) is not None else "–")
        if ratio != "–":
            assert ratio == f"{table.value(code, 5).normalize():f}".replace(".", ",") + f"{NB}%"


def test_the_sample_report_reads_as_an_analysis(report_path):
    text = text_of(report_path)
    assert "АНАЛИТИЧЕСКАЯ СПРАВКА" in text and "6. Выводы" in text and "7. Рекомендации" in text
    assert (f"Целевой показатель «доля педагогических работников, вовлечённых в программы наставничества» "
            f"достигнут: 20,8{NB}%") in text
    assert "По сравнению с 2025/2026 учебным годом" in text  # the previous year's table is given
    assert "Насколько уверенно вы чувствуете себя в своей работе (учёбе)?" in text  # growth table
    assert "Е.Н.\u00a0Власова" in text
    assert len(Document(report_path).inline_shapes) == 1  # the chart


# ------------------------------------------------------ three constructed situations


def analytical(tmp_path, registry=None, totals=TOTALS, targets=()):
    data = {"organization": ORG, "registry": registry or hand_built(), "school_year": 2024,
            "totals": totals.model_dump(), "targets": list(targets), "date": "2025-06-20"}
    report = nd.render("report.analytical", data, tmp_path / "справка.docx")
    table = nd.render("report.coverage", data, tmp_path / "охват.xlsx")
    return text_of(report), key_table(report), read_coverage_table(table)


def conclusions(text: str) -> list[str]:
    lines = text.split("\n")
    start = lines.index(next(x for x in lines if x.endswith(". Выводы")))
    end = next((i for i, x in enumerate(lines) if x.endswith(". Рекомендации")), len(lines))
    return lines[start + 1:end]


def check_figures(key, table):
    for code, (count, _total, _ratio) in key.items():
        assert int(count) == table.count(code), code


def test_all_targets_met(tmp_path):
    targets = [{"indicator": "охват обучающихся", "value": 10, "measure": "pupils"},
               {"indicator": "охват педагогов", "value": 25, "measure": "teachers"}]
    text, key, table = analytical(tmp_path, targets=targets)
    found = conclusions(text)
    assert f"1. Целевой показатель «охват обучающихся» достигнут: 10{NB}% при плановом значении не менее 10{NB}%." in found
    assert "3. Все целевые показатели (2) в организации достигнуты." in found
    assert "Обобщить и представить опыт" in text and "не достигнут" not in text
    check_figures(key, table)


def test_pupils_under_covered(tmp_path):
    targets = [{"indicator": "охват обучающихся", "value": 10, "year": 2025, "measure": "pupils"}]
    text, key, table = analytical(tmp_path, totals=TOTALS.model_copy(update={"pupils": 700}), targets=targets)
    found = conclusions(text)
    assert found[0].startswith(f"1. Целевой показатель «охват обучающихся» не достигнут: 1{NB}% при плановом значении "
                               f"не менее 10{NB}% (до плана не хватает 63{NB}чел.). Из обучающихся-участников "
                               f"наставляемые{NB}– 4, наставники{NB}– 3")
    assert any(f.startswith(f"2. Обучающиеся охвачены наставничеством слабее педагогов: 1{NB}% против 30{NB}%") for f in found)
    assert "Расширить наставничество обучающихся" in text
    assert f"ещё не менее 63{NB}чел. из числа обучающихся до конца 2025{NB}г." in text
    check_figures(key, table)
    assert table.value("02", 5) == Decimal("1.0")


def test_many_early_ends(tmp_path):
    registry = hand_built()
    pairs = list(registry.pairs)
    for i, reason in ((1, "болезнь наставника"), (6, "болезнь наставника")):
        pairs[i] = pairs[i].model_copy(update={"status": PairStatus.ENDED_EARLY, "end_reason": reason})
    text, key, table = analytical(tmp_path, registry=registry.model_copy(update={"pairs": pairs}))
    found = conclusions(text)
    early = next(f for f in found if "Досрочно прекращённых" in f)
    assert early.endswith(f"Досрочно прекращённых пар и групп{NB}– 4 из 8 (50{NB}%). Причины: болезнь наставника (2); "
                          f"перевод наставника в другую организацию; переезд студента.")
    assert "Проанализировать причины досрочного прекращения работы пар" in text
    check_figures(key, table)
    assert table.count("25") == 4


def test_a_count_over_its_head_count_is_refused(tmp_path):
    with pytest.raises(InputError) as info:
        analytical(tmp_path, totals=TOTALS.model_copy(update={"young_specialists": 1}))
    (problem,) = info.value.problems
    assert problem.field == "totals → young_specialists" and problem.value == 1
    assert problem.message.startswith("строка 12 «из них молодые специалисты» — по базе 2, а общая численность "
                                      "указана 1 (КС-26)")


def test_period_is_required_once(tmp_path):
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data.update({"period": {"start": "2026-09-01", "end": "2027-05-31"}, "organization": ORG,
                 "registry": str(sample_path("registry.yaml")), "survey": None, "previous": None})
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="либо учебный год"):
        load_input(nd.get_kind("report.coverage"), path)


# ------------------------------------------------------------ municipal and export


def test_municipal_sample_documents(tmp_path):
    sample = sample_path("reports/municipal.yaml")
    book = load_workbook(nd.render("report.municipal", sample, tmp_path / "свод.xlsx"))
    rows = [[c.value for c in r] for r in book["Свод"].iter_rows()]
    total = next(r for r in rows if r[1] == "Итого")
    orgs = [r for r in rows[:rows.index(total)] if isinstance(r[0], str) and r[0].endswith(".") and r[0][:-1].isdigit()]
    assert total[3] == sum(r[3] for r in orgs) and len(orgs) == 4
    failed = [[c.value for c in r] for r in book["Не приняты"].iter_rows()]
    assert any(str(r[2]).startswith("КС-1 ") for r in failed)
    text = text_of(nd.render("report.municipal_analytical", sample_path("reports/municipal_analytical.yaml"),
                             tmp_path / "справка.docx"))
    assert "4. Показатели организаций" in text and "ниже планового значения в организациях" in text
    assert "5. Сравнение с предыдущим периодом" in text and "По сравнению с 2025/2026 учебным годом" in text


def test_personified_list(tmp_path):
    book = load_workbook(nd.render("report.personified", sample_path("reports/personified.yaml"), tmp_path / "у.xlsx"))
    rows = [[c.value for c in r] for r in book["Учёт"].iter_rows()]
    header = rows.index(next(r for r in rows if r[0] == "№ п/п"))
    first = dict(zip(rows[header], rows[header + 1]))
    assert first["Роль"] == "наставник" and first["Тип пары"] == "учитель – учитель" and first["№ пары"] == "2"
    assert first["Формат наставничества"] == "традиционное (один на один)"


def test_export_csv_is_formula_safe(tmp_path):
    registry = hand_built()
    people = list(registry.participants)
    people[0] = people[0].model_copy(update={"last_name": "=HYPERLINK(\"x\")"})
    path = nd.export_personified(registry.model_copy(update={"participants": people}), tmp_path / "учёт.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("№ п/п;ID участника;Фамилия;Имя")
    assert "'=HYPERLINK(\"\"x\"\")" in text and ";01.09.2024;" in text
