"""Sheets (``nastavnik_docs.kinds.sheets``): the registration and acquaintance sheets read back.

Who is listed (a role selection, IDs, people by name, blank rows), the acquaintance sheet
without pupils, and bad inputs reported in Russian with the field. One builder
(``tools/build_templates/forms.py``) makes the templates of the consents, the sheets and
the registries; its test is here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from read_back import (
    PUPILS,
    REGISTRY,
    ROOT,
    SAMPLES,
    assert_bad_input,
    assert_content,
    assert_templates_check,
    render_samples,
    sample_data,
    table,
    texts,
    write_input,
)

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.models import Category

KINDS = ["sheet.registration", "sheet.acquaintance"]

#: (kind, sample) → the title lines and phrases the document must hold.
EXPECTED: dict[tuple[str, str], list[str]] = {
    ("sheet.registration", "forms/registration.yaml"): [
        "ЛИСТ РЕГИСТРАЦИИ", "участников мероприятия",
        "Установочная сессия наставников «Старт программы наставничества 2026/2027»",
        "Дата проведения: 14 сентября 2026 г.", "Время проведения: 15:00",
        "Место проведения: МБОУ «СОШ № 12», методический кабинет (каб. 214)",
        "Фамилия, имя, отчество", "Должность, класс", "Подпись",
        "Ковалёва Марина Игоревна", "Методист Управления образования Администрации города Вологды",
        "Ответственный за регистрацию, заместитель директора по учебно-воспитательной работе",
        "Е.Н. Власова",
    ],
    ("sheet.acquaintance", "forms/acquaintance.yaml"): [
        "ЛИСТ ОЗНАКОМЛЕНИЯ",
        "с Положением о системе наставничества педагогических работников и обучающихся МБОУ "
        "«СОШ № 12», утверждённым приказом директора МБОУ «СОШ № 12» от 27.08.2026 № 108-о/д",
        "Дата ознакомления", "Смирнова Татьяна Олеговна", "Заместитель директора по информатизации",
    ],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], Path]:
    return render_samples(tmp_path_factory.mktemp("sheets"), list(EXPECTED))


def test_the_kinds_are_in_the_catalogue():
    for kind_id in KINDS:
        kind = get_kind(kind_id)
        assert kind.family == "Согласия и списки" and kind.output_name
        assert kind.docx == kind_id.replace(".", "_") + ".docx"
        assert all((kind_id, sample) in EXPECTED for sample in kind.samples)


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda k: f"{k[0]}-{Path(k[1]).stem}")
def test_content_and_no_leftovers(rendered, key):
    assert_content(rendered[key], EXPECTED[key])


def test_registration_sheet_lists_the_selection(tmp_path, rendered):
    path = rendered[("sheet.registration", "forms/registration.yaml")]
    _heads, rows = table(path, "Подпись")
    names = [r[1] for r in rows if r[1]]
    expected = sorted({p.full_name for p in REGISTRY.mentors()} | {"Ковалёва Марина Игоревна"},
                      key=lambda n: n.lower().replace("ё", "е"))
    assert names == expected
    assert [r[0] for r in rows] == [f"{i}." for i in range(1, len(expected) + 4)]  # 3 blank rows
    data = sample_data("forms/registration.yaml")
    data.update(participants=["У16", "У01"], people=[], blank_rows=0)
    data.pop("responsible")
    data.pop("date")
    out = nd.render("sheet.registration", write_input(tmp_path, data), tmp_path / "r.docx")
    _heads, rows = table(out, "Подпись")
    assert [r[1:3] for r in rows] == [["Кравченко Ольга Викторовна", "Учитель русского языка и литературы"],
                                      ["Кузнецова Софья Максимовна", "7 «Б» класс"]]
    joined = "\n".join(texts(out))
    assert "Дата проведения: «___» ____________ 20___ г." in joined
    assert "Ответственный за регистрацию" in joined and "____________________" in joined


def test_acquaintance_sheet_is_for_staff_only(rendered):
    path = rendered[("sheet.acquaintance", "forms/acquaintance.yaml")]
    heads, rows = table(path, "Дата ознакомления")
    assert heads == ["№ п/п", "Фамилия, имя, отчество", "Должность", "Дата ознакомления", "Подпись"]
    names = [r[1] for r in rows if r[1]]
    staff = [p.full_name for p in REGISTRY.participants if p.category in (Category.TEACHER, Category.OTHER)]
    assert set(names) == {*staff, "Смирнова Татьяна Олеговна"}
    assert not set(names) & set(PUPILS)
    joined = "\n".join(texts(path))
    assert not any(pupil in joined for pupil in PUPILS)
    assert all(r[3] == "" and r[4] == "" for r in rows)  # dated and signed by hand


def test_acquaintance_sheet_drops_pupils_from_a_role_selection():
    kind = get_kind("sheet.acquaintance")
    data = load_input(kind, SAMPLES / "forms/acquaintance.yaml").model_copy(
        update={"participants": "mentees", "people": [], "blank_rows": 0})
    names = [r.name for r in kind.build_context(data).rows]
    assert names and not set(names) & set(PUPILS)
    assert "Мамедов Эльдар Рашид оглы" in names


@pytest.mark.parametrize("sample, change, words", [
    ("forms/registration.yaml", lambda d: d.pop("event"), ["event"]),
    ("forms/registration.yaml", lambda d: d.update(participants=["У01", "У77"]), ["participants[1]", "У77"]),
    ("forms/acquaintance.yaml", lambda d: d.update(participants=["У01", "У16"]),
     ["participants[1]", "Кузнецова\u00a0С.М.", "обучающиеся"]),
    ("forms/acquaintance.yaml", lambda d: d.pop("act"), ["act"]),
    ("forms/acquaintance.yaml", lambda d: d["people"].append(
        {"last_name": "Лосева", "first_name": "Ия", "post": "8 «Б» класс", "category": "обучающийся"}),
     ["people[1]", "Лосева\u00a0И.", "только работники"]),
    ("forms/acquaintance.yaml", lambda d: d.update(participants=[], people=[], blank_rows=0),
     ["participants", "список пуст"]),
])
def test_bad_input_is_reported_in_russian(tmp_path, sample, change, words):
    assert_bad_input(tmp_path, sample, change, words)


@pytest.mark.parametrize("kind_id", KINDS)
def test_templates_check_against_the_context(kind_id):
    assert_templates_check(kind_id)


def test_templates_are_built_by_the_committed_code(tmp_path):
    from tools.build_templates import forms
    from tools.build_templates._compare import differing_parts

    written = forms.build(tmp_path / "docx", tmp_path / "xlsx")
    assert {p.name for p in written} == {
        "consent_personal_data.docx", "consent_publication.docx", "sheet_registration.docx",
        "sheet_acquaintance.docx", "registry_mentors.docx", "registry_mentees.docx",
        "registry_mentors.xlsx", "registry_mentees.xlsx"}
    for path in written:
        committed = ROOT / "templates" / path.suffix.lstrip(".") / path.name
        assert committed.exists(), path.name
        assert differing_parts(committed, path) == [], path.name
