"""Shared helpers of the kinds (``nastavnik_docs.kinds._common``)."""

from __future__ import annotations

import pytest

from nastavnik_docs.kinds._common import gendered, is_staff
from nastavnik_docs.models import Category, Gender, Official, Participant
from nastavnik_docs.ru import person_forms


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
