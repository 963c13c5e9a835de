"""The sheet «История пар» of the registry workbook, and pair history in YAML."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from io_workbooks import make_workbook

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry, write_registry
from nastavnik_docs.io._columns import HISTORY_COLUMNS
from nastavnik_docs.models import PairEventKind, PairStatus, check_year

PEOPLE = [
    ["У01", "Кравченко", "Ольга", "Викторовна", "ж", None, "наставник", "педагог", "учитель"],
    ["У02", "Сидорук", "Наталья", "Ивановна", "ж", None, "наставник", "педагог", "учитель"],
    ["У03", "Соколова", "Анна", "Сергеевна", "ж", None, "наставляемая", "педагог", "учитель"],
    ["У04", "Мамедов", "Эльдар", "Рашид оглы", "м", None, "наставляемый", "педагог", "учитель"],
]
PAIRS = [["У02", "У03; У04", "учитель – учитель", "01.09.2025", "29.05.2026", "завершена"]]
HEADER = ["Пара", "Дата", "Событие", "Прежний наставник", "Новый наставник", "Наставляемый", "Причина"]


def workbook(tmp_path, history, header=HEADER, pairs=PAIRS):
    path = make_workbook(tmp_path / "база.xlsx", PEOPLE, pairs)
    wb = openpyxl.load_workbook(path)
    sheet = wb.create_sheet("История пар")
    sheet.append(header)
    for row in history:
        sheet.append(row)
    wb.save(path)
    return path


def problems(path):
    with pytest.raises(InputError) as info:
        load_registry(path)
    return [(p.sheet, p.row, p.column, p.value, p.message) for p in info.value.problems]


def test_history_rows_are_read_onto_their_pair(tmp_path):
    path = workbook(tmp_path, [
        [1, datetime(2025, 12, 1), "Замена наставника", "Кравченко О.В.", "У02", None, "увольнение"],
        ["1", "15.10.2025", "включён наставляемый", None, None, "Мамедов Эльдар Рашид оглы", None],
    ], header=[h.lower() for h in HEADER])
    (pair,) = load_registry(path).pairs
    assert [(e.date, e.kind, e.previous_mentor, e.new_mentor, e.mentee) for e in pair.history] == [
        (date(2025, 10, 15), PairEventKind.MENTEE_ADDED, None, None, "У04"),
        (date(2025, 12, 1), PairEventKind.MENTOR_CHANGED, "У01", "У02", None)]
    assert [str(e.origin) for e in pair.history] == ["лист «История пар», строка 3", "лист «История пар», строка 2"]
    september = pair.as_of(date(2025, 9, 1))
    assert (september.mentor, september.mentees, september.status) == ("У01", ["У03"], PairStatus.ACTIVE)


def test_history_problems_are_located_at_their_row_and_column(tmp_path):
    path = workbook(tmp_path, [
        [7, "01.12.2025", "смена наставника", "У01", "У02", None, None],
        [1, "01.12.2025", "смена наставника", "У1", "У02", None, None],
        [1, "01.12.2025", "приостановлена", None, None, None, None],
        [1, "01.12.2025", "смена наставника", None, "У02", None, None],
    ])
    found = problems(path)
    assert found[0][:4] == ("История пар", 2, "Пара", "7")
    assert found[0][4] == "на листе «Пары» нет пары № 7"
    assert found[1][:4] == ("История пар", 3, "Прежний наставник", "У1")
    assert "возможно, имелся в виду «У01» (Кравченко О.В.)" in found[1][4]
    assert found[2][:4] == ("История пар", 4, "Событие", "приостановлена")
    assert "допустимо: «начало», «смена наставника»" in found[2][4]
    assert found[3][1:3] == (5, "Прежний наставник")
    assert found[3][4] == "для смены наставника укажите прежнего наставника"
    assert len(found) == 4


def test_history_contradicting_the_pair_is_located_at_the_event(tmp_path):
    path = workbook(tmp_path, [
        [1, "01.12.2025", "смена наставника", "У02", "У01", None, None],
        [1, "01.08.2025", "выбыл наставляемый", None, None, "У01", None],
    ])
    found = problems(path)
    assert [(row, column) for _, row, column, _, _ in found] == [(3, "Дата"), (2, "Новый наставник")]
    assert found[1][4] == ("пара № 1: история пары, 01.12.2025 «смена наставника»: новый наставник «У01», "
                           "но после этого пару ведёт «У02»")


def test_an_empty_history_sheet_or_none_at_all_is_fine(tmp_path):
    assert load_registry(workbook(tmp_path, [], header=[])).pairs[0].history == []
    assert load_registry(workbook(tmp_path, [])).pairs[0].history == []


def test_history_round_trips_through_the_workbook(tmp_path):
    registry = load_registry(sample_path("registry.yaml"))
    assert any(p.history for p in registry.pairs)
    path = write_registry(registry, tmp_path / "база.xlsx")
    assert load_registry(path) == registry
    rows = list(openpyxl.load_workbook(path)["История пар"].iter_rows(values_only=True))
    assert rows[0] == tuple(c.header for c in HISTORY_COLUMNS)
    assert rows[1] == ("7", datetime(2026, 1, 12), "смена наставника", "У21", "У15", None,
                       "переход наставника в другую пару по её просьбе", None)  # no earlier consent recorded
    assert load_registry(sample_path("registry.xlsx")) == registry


def test_writing_into_a_template_without_the_history_sheet_adds_it(tmp_path):
    old = tmp_path / "старый.xlsx"
    wb = openpyxl.load_workbook(sample_path("../templates/xlsx/registry.xlsx"))
    del wb["История пар"]
    wb.save(old)
    registry = load_registry(sample_path("registry.yaml"))
    path = write_registry(registry, tmp_path / "база.xlsx", template=old)
    assert openpyxl.load_workbook(path).sheetnames[:3] == ["Участники", "Пары", "История пар"]
    assert load_registry(path) == registry


def test_findings_name_the_rows_of_a_workbook(tmp_path):
    path = workbook(tmp_path, [[1, "01.12.2025", "прекращена досрочно", None, None, None, "болезнь"]],
                    pairs=[["У02", "У03", "учитель – учитель", "01.09.2025", "29.05.2026", "действует"]])
    findings = check_year(load_registry(path), year_start=date(2025, 9, 1), year_end=date(2026, 8, 31),
                          on=date(2026, 1, 15))
    assert [(f.code, f.rows) for f in findings] == [
        ("pair.active_after_end", ("лист «Пары», строка 2", "лист «История пар», строка 2"))]


def test_yaml_history_links_are_located_at_the_event_field(tmp_path):
    text = """participants:
- {id: a, last_name: Иванова, first_name: Мария}
- {id: b, last_name: Петрова, first_name: Анна}
- {id: c, last_name: Сидоров, first_name: Олег}
pairs:
- mentor: a
  mentees: [b]
  form: учитель – учитель
  start: 2025-09-01
  history:
  - {date: 2025-12-01, kind: смена наставника, previous_mentor: z, new_mentor: a}
"""
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_registry(path)
    (problem,) = info.value.problems
    assert (problem.field, problem.row, problem.value) == ("pairs → 1 → history → 1 → previous_mentor", 11, "z")
    assert problem.message == "история пары, 01.12.2025 «смена наставника»: нет участника с ID «z»"
