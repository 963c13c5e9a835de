"""The individual educational route (``programme.individual_route``) rendered and read back.

The teacher's passport, the deficits and the actions for each (given or the defaults of
the competence area, placed in the school year), the approval stamp, signatures, bad
inputs naming the field.
"""

from __future__ import annotations

import pytest
from programme_helpers import ORG, assert_clean, assert_plan_table_layout, render, route

import nastavnik_docs as nd
from nastavnik_docs.errors import InputError

ROUTE_CASES = [
    pytest.param(
        lambda: route(),
        dict(subtitle=["педагога Ткаченко Дарьи Андреевны,", "учителя английского языка,",
                       "на 2026/2027 учебный год"],
             passport={"Педагог": "Ткаченко Дарья Андреевна", "Должность": "Учитель английского языка",
                       "Педагогический стаж": "Менее 1 года (на 1 сентября 2026 г.)",
                       "Квалификационная категория": "Без категории",
                       "Наставник": "Белоусова Марина Геннадьевна, учитель истории и обществознания",
                       "Период реализации": "2026/2027 учебный год"},
             stamp=["УТВЕРЖДАЮ", "Заместитель директора по учебно-воспитательной работе",
                    "_______________ Е.Н. Власова", "«14» сентября 2026 г."],
             actions=[4, 3, 2],
             signatures=[("Педагог", "Д.А. Ткаченко"), ("Наставник", "М.Г. Белоусова")]),
        id="sample-from-registry"),
    pytest.param(
        lambda: {"organization": ORG, "school_year": "2027/2028",
                 "teacher": {"last_name": "Орехов", "first_name": "Денис", "middle_name": "Игоревич",
                             "category": "педагог", "post": "учитель истории", "experience_years": 4,
                             "experience_as_of": "2027-09-01"},
                 "qualification": "первая",
                 "deficits": [{"area": "предметная компетенция", "deficit": "решение заданий повышенной сложности ЕГЭ"}],
                 "approval": {"order_number": "12-о", "order_date": "2027-09-10"}},
        dict(subtitle=["педагога Орехова Дениса Игоревича,", "учителя истории,", "на 2027/2028 учебный год"],
             passport={"Педагог": "Орехов Денис Игоревич", "Должность": "Учитель истории",
                       "Педагогический стаж": "4 года (на 1 сентября 2027 г.)",
                       "Квалификационная категория": "Первая", "Наставник": "нет",
                       "Период реализации": "2027/2028 учебный год"},
             stamp=["УТВЕРЖДЕН", "приказом МБОУ «СОШ № 12»", "от 10.09.2027 № 12-о"],
             actions=[3],
             signatures=[("Педагог", "Д.И. Орехов")]),
        id="inline-teacher-default-actions"),
]


@pytest.mark.parametrize(("make", "want"), ROUTE_CASES)
def test_individual_route_reads_back(make, want, tmp_path):
    doc = render("programme.individual_route", make(), tmp_path)
    assert_clean(doc)
    title = doc.paragraphs.index("ИНДИВИДУАЛЬНЫЙ ОБРАЗОВАТЕЛЬНЫЙ МАРШРУТ")
    assert doc.paragraphs[title + 1:title + 4] == want["subtitle"]
    assert doc.passport() == want["passport"]
    assert [line for line in doc.tables[0][0][2].split("\n") if line] == want["stamp"]

    deficits = doc.table("№ п/п", "Компетенция (область)")
    assert [r[0] for r in deficits] == [f"{i}." for i in range(1, len(want["actions"]) + 1)]
    assert all(r[2].endswith(".") and r[3] for r in deficits)

    plan = doc.table("№ п/п", "Мероприятие")
    headings = [r[0] for r in plan if len(set(r)) == 1]
    assert [h.split(" ", 1)[0] for h in headings] == [f"{i}." for i in range(1, len(want["actions"]) + 1)]
    numbers = [r[0] for r in plan if len(set(r)) > 1]
    assert numbers == [f"{i}.{j}." for i, n in enumerate(want["actions"], start=1) for j in range(1, n + 1)]
    rows = [r for r in plan if len(set(r)) > 1]
    assert all(r[1] and r[2] and r[3] and r[4] and r[5] == "" for r in rows)
    assert doc.signatures() == want["signatures"]


def test_route_deadlines_are_placed_in_the_school_year(tmp_path):
    doc = render("programme.individual_route", route(), tmp_path)
    plan = doc.table("№ п/п", "Мероприятие")
    by_number = {r[0]: r for r in plan}
    assert by_number["1.1."][3] == "Октябрь–ноябрь 2026 г."
    assert by_number["1.3."][3] == "До 18.12.2026"
    # the second deficit has no actions of its own: the psychological defaults, in 2026/2027
    assert by_number["2.1."][3] == "Октябрь 2026 г. – январь 2027 г."
    assert by_number["2.2."][3] == "В течение учебного года"


@pytest.mark.parametrize(("changes", "field", "message"), [
    pytest.param({"teacher": "У99"}, "teacher", "нет участника", id="unknown-teacher"),
    pytest.param({"registry": None, "teacher": "У07", "school_year": None}, "teacher", "база (registry) не задана",
                 id="id-without-registry"),
    pytest.param({"teacher": "У10", "school_year": None}, "school_year", "не указан учебный год",
                 id="no-school-year"),
    pytest.param({"deficits": []}, "deficits", "", id="no-deficits"),
])
def test_bad_route_input_names_the_field(changes, field, message, tmp_path):
    with pytest.raises(InputError) as info:
        nd.render("programme.individual_route", route(**changes), tmp_path / "x.docx")
    problem = info.value.problems[0]
    assert problem.field == field
    assert message in problem.message


def test_plan_table_repeats_its_header_and_keeps_rows_whole(tmp_path):
    assert_plan_table_layout(nd.render("programme.individual_route", route(), tmp_path / "out.docx"), "Мероприятие")
