"""Shared helpers of the kinds (``nastavnik_docs.kinds._common``)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_organization, load_registry
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds._common import (
    People,
    approval_stamp,
    find_participant,
    form_title,
    gendered,
    is_staff,
    participants_named,
    period_text,
    pupil_text,
    school_year,
)
from nastavnik_docs.models import Category, Gender, Official, Participant
from nastavnik_docs.ru import person_forms, typograph


def _participant(category: Category, **extra) -> Participant:
    return Participant(id="1", last_name="Иванова", first_name="Мария", middle_name="Петровна",
                       category=category, **extra)


@pytest.mark.parametrize("category, staff", [
    (Category.TEACHER, True), (Category.OTHER, True),
    (Category.PUPIL, False), (Category.STUDENT, False), (Category.EMPLOYER, False),
])
def test_is_staff_by_category(category, staff):
    assert is_staff(_participant(category)) is staff


def test_a_person_given_inline_is_staff():
    assert is_staff(Official(last_name="Горбунова", first_name="Людмила", middle_name="Алексеевна",
                             post="директор"))


def test_gendered_agrees_with_the_person():
    female = person_forms(_participant(Category.TEACHER))
    male = person_forms(Official(last_name="Петров", first_name="Иван", middle_name="Сергеевич", post="учитель"))
    assert gendered(female, "получил", "получила") == "получила"
    assert gendered(male, "получил", "получила") == "получил"


def test_gendered_by_gender_and_unknown():
    assert gendered(Gender.FEMALE, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)") == "ознакомлена"
    assert gendered(Gender.MALE, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)") == "ознакомлен"
    assert gendered(None, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)") == "ознакомлен(а)"
    assert gendered(None, "ознакомлен", "ознакомлена") == "ознакомлен"


# --------------------------------------------------------------------------- participants


def _registry():
    return load_registry(sample_path("registry.yaml"))


@pytest.mark.parametrize("ref", ["У10", "Власова Елена Николаевна", "власова  е.н.", "Власова\u00a0Е.Н."])
def test_find_participant_by_id_or_name(ref):
    assert find_participant(_registry(), ref, "curator").id == "У10"


def test_find_participant_names_the_field_in_russian():
    with pytest.raises(InputError) as info:
        find_participant(_registry(), "Пушкин А.С.", "mentor")
    problem = info.value.problems[0]
    assert problem.field == "mentor" and "в базе нет участника «Пушкин А.С.»" in problem.message


def test_several_participants_with_one_name_ask_for_an_id():
    registry = _registry()
    twin = registry.participant("У01").model_copy(update={"id": "У99"})
    registry = registry.model_copy(update={"participants": [*registry.participants, twin]})
    assert [p.id for p in participants_named(registry, "Кравченко О.В.")] == ["У01", "У99"]
    with pytest.raises(InputError, match="укажите ID"):
        find_participant(registry, "Кравченко О.В.", "mentor")


def test_people_resolve_names_as_well_as_ids():
    people = People(_registry())
    assert people.person("Сидорук Н.И.") is people.person("У02")
    with pytest.raises(ValueError, match="не найден человек"):
        people.person("нет-такого")


def test_a_kind_taking_an_id_takes_a_name():
    kind = get_kind("sheet.registration")
    data = yaml.safe_load(sample_path("forms/registration.yaml").read_text(encoding="utf-8"))
    data.update(organization=load_organization(sample_path("organization.yaml")), registry=_registry())
    by_id = kind.build_context(load_input(kind, {**data, "responsible": "У10"}))
    by_name = kind.build_context(load_input(kind, {**data, "responsible": "Власова Е.Н."}))
    assert by_name == by_id


# --------------------------------------------------------------------------- approval stamp


def test_approval_stamp_by_an_order_agrees_with_the_title():
    org = load_organization(sample_path("organization.yaml"))
    lines = approval_stamp(org, "Дорожная карта", order=(dt.date(2026, 8, 28), "131-о/д"))
    assert lines[0] == "УТВЕРЖДЕНА" and lines[1].startswith("приказом ")
    assert lines[2] == "от 28.08.2026 №\u00a0131-о/д"
    assert approval_stamp(org, "Реестр наставников", order=(None, None))[0] == "УТВЕРЖДЕН"
    assert approval_stamp(org, "Положение о наставничестве", order=(None, None))[0] == "УТВЕРЖДЕНО"


def test_approval_stamp_by_signature():
    org = load_organization(sample_path("organization.yaml"))
    head = org.head
    lines = approval_stamp(org, "Реестр наставников", sign_line="___")
    assert lines[0] == "УТВЕРЖДАЮ" and lines[1].lower().startswith("директор")
    assert lines[2] == f"___ {head.initials}\u00a0{head.last_name}"
    assert lines[3].startswith("«___»")


# --------------------------------------------------------------------------- phrases


def test_period_text():
    start, end = dt.date(2026, 9, 1), dt.date(2027, 5, 31)
    assert period_text(start, end) == "с 1\u00a0сентября 2026\u00a0г. по 31\u00a0мая 2027\u00a0г."
    assert period_text(start, None) == "с 1\u00a0сентября 2026\u00a0г."
    assert period_text(None, end) == "по 31\u00a0мая 2027\u00a0г."
    assert period_text(None, None) == ""


def test_school_year_starts_in_august():
    assert school_year(dt.date(2026, 8, 28)) == "2026/2027\u00a0учебный год"
    assert school_year(dt.date(2027, 5, 31)) == "2026/2027\u00a0учебный год"
    assert school_year(None) == "20___/20___\u00a0учебный год"


def test_pupil_text_agrees_and_declines():
    pupil = Participant(id="1", last_name="Кузнецова", first_name="Софья", middle_name="Максимовна",
                        category=Category.PUPIL, post="7 «Б» класс")
    forms = person_forms(pupil)
    assert pupil_text(forms, pupil.post) == "обучающаяся 7 «Б» класса"
    assert pupil_text(forms, pupil.post, "genitive") == "обучающейся 7 «Б» класса"
    assert pupil_text(forms, None) == "обучающаяся"


def test_form_title_of_a_pair():
    registry = _registry()
    pair = registry.pairs[0]
    form = registry.form_of(pair)
    assert form is not None and form_title(registry, pair) == typograph(form.title)
    odd = pair.model_copy(update={"form": "своя форма"})
    assert form_title(registry, odd) == "своя форма"
