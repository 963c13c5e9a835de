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
                       "Период реализации": "2026/2027 учебный год", "Повторная диагностика": "14.05.2027"},
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
                       "Период реализации": "2027/2028 учебный год", "Повторная диагностика": "15.05.2028"},
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

    # one task per deficit
    tasks = doc.paragraphs[doc.paragraphs.index("3. Задачи маршрута") + 1:
                           doc.paragraphs.index("4. План мероприятий по преодолению дефицитов")]
    assert [t.split(" ", 1)[0] for t in tasks] == [r[0] for r in deficits]

    plan = doc.table("№ п/п", "Мероприятие")
    headings = [r[0] for r in plan if len(set(r)) == 1]
    count = len(want["actions"]) + 1  # the deficits and the repeated diagnosis
    assert [h.split(" ", 1)[0] for h in headings] == [f"{i}." for i in range(1, count + 1)]
    assert headings[-1] == f"{count}. Повторная диагностика профессиональных дефицитов"
    numbers = [r[0] for r in plan if len(set(r)) > 1]
    assert numbers == [f"{i}.{j}." for i, n in enumerate([*want["actions"], 1], start=1) for j in range(1, n + 1)]
    rows = [r for r in plan if len(set(r)) > 1]
    assert all(r[1] and r[2] and r[3] and r[4] and r[5] and r[6] == "" for r in rows)  # responsible in r[4]
    assert rows[-1][3] == want["passport"]["Повторная диагностика"]
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


def test_each_action_has_who_answers_for_it_by_name(tmp_path):
    doc = render("programme.individual_route", route(), tmp_path)
    plan = {r[0]: r for r in doc.table("№ п/п", "Мероприятие")}
    assert plan["1.1."][4] == "Ткаченко Д.А."  # an action given without one: the teacher
    # the psychological defaults: the psychologist and the teacher; the mentor and the teacher
    assert plan["2.1."][4] == "педагог-психолог, Ткаченко Д.А."
    assert plan["2.3."][4] == "Белоусова М.Г., Ткаченко Д.А."
    # the repeated diagnosis: the mentor and the deputy head who approves the route
    assert plan["4.1."][4] == "Белоусова М.Г., Власова Е.Н."
    assert plan["4.1."][1].startswith("Повторная диагностика профессиональных дефицитов (анкетирование, посещение уроков")


def test_a_psychologists_route_has_no_lessons_and_its_own_results(tmp_path):
    data = {"organization": ORG, "school_year": 2026,
            "teacher": {"last_name": "Гарипова", "first_name": "Алсу", "middle_name": "Ринатовна",
                        "category": "педагог", "post": "педагог-психолог", "experience_years": 1},
            "mentor": {"last_name": "Егорова", "first_name": "Ирина", "middle_name": "Петровна",
                       "category": "педагог", "post": "педагог-психолог", "experience_years": 17},
            "deficits": [{"area": "методическая компетенция", "deficit": "планирование коррекционно-развивающих занятий"},
                         {"area": "предметная компетенция", "deficit": "подбор диагностических методик"},
                         {"area": "психолого-педагогическая компетенция", "deficit": "работа с классом"}],
            "rediagnosis": "2027-05-20"}
    doc = render("programme.individual_route", data, tmp_path)
    text = doc.all.lower()
    assert "урок" not in text
    assert "проведение открытого занятия с самоанализом" in text and "наблюдение за занятиями наставника" in text
    results = doc.paragraphs[doc.paragraphs.index("5. Ожидаемые результаты") + 1:]
    assert results[1] == "2. повышено качество диагностических заключений и коррекционно-развивающих занятий;"
    assert doc.passport()["Повторная диагностика"] == "20.05.2027"


@pytest.mark.parametrize(("changes", "field", "message"), [
    pytest.param({"deficits": [{"area": "методическая", "deficit": "x",
                                "actions": [{"action": "курсы", "deadline": "2027-08-15"}]}]},
                 "deficits → 1 → actions → 1 → deadline", "срок вне 2026/2027 учебного года", id="date-in-august"),
    pytest.param({"deficits": [{"area": "методическая", "deficit": "x",
                                "actions": [{"action": "курсы", "deadline": "октябрь–ноябрь 2025 г."}]}]},
                 "deficits → 1 → actions → 1 → deadline", "сентябрь 2026 г. – июнь 2027 г.", id="wording-a-year-early"),
    pytest.param({"rediagnosis": "2027-07-01"}, "rediagnosis", "срок вне", id="rediagnosis-in-july"),
])
def test_deadlines_outside_the_school_year_are_refused(changes, field, message, tmp_path):
    with pytest.raises(InputError) as info:
        nd.render("programme.individual_route", route(**changes), tmp_path / "x.docx")
    problem = info.value.problems[0]
    assert problem.field == field and message in problem.message


def test_a_psychologist_is_not_named_beside_herself_as_the_psychologist(tmp_path):
    from programme_helpers import REGISTRY

    data = {"organization": ORG, "registry": REGISTRY.model_dump(), "teacher": "У08", "school_year": 2026,
            "deficits": [{"area": "коммуникативная компетенция", "deficit": "консультирование родителей"}]}
    doc = render("programme.individual_route", data, tmp_path)
    plan = {r[0]: r for r in doc.table("№ п/п", "Мероприятие")}
    training = next(r for r in plan.values() if "тренинге эффективного общения" in r[1])
    assert training[4] == "Гарипова А.Р."  # she is the school's psychologist herself
    assert not any("педагог-психолог" in r[4] for r in plan.values())
