"""Phrases that agree with a person, a title or a date (``nastavnik_docs.ru``)."""

from __future__ import annotations

import datetime as dt

import pytest

from nastavnik_docs.models import Category, Gender, Official, Participant, Person
from nastavnik_docs.ru import (
    approved_word,
    class_genitive,
    gendered,
    period_text,
    person_forms,
    polite_greeting,
    pupil_text,
    school_year_of,
)

NB = "\u00a0"


def _teacher() -> Participant:
    return Participant(id="1", last_name="Иванова", first_name="Мария", middle_name="Петровна",
                       category=Category.TEACHER)


def test_gendered_agrees_with_the_person():
    female = person_forms(_teacher())
    male = person_forms(Official(last_name="Петров", first_name="Иван", middle_name="Сергеевич", post="учитель"))
    assert gendered(female, "получил", "получила") == "получила"
    assert gendered(male, "получил", "получила") == "получил"


def test_gendered_by_gender_and_unknown():
    assert gendered(Gender.FEMALE, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)") == "ознакомлена"
    assert gendered(Gender.MALE, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)") == "ознакомлен"
    assert gendered(None, "ознакомлен", "ознакомлена", unknown="ознакомлен(а)") == "ознакомлен(а)"
    assert gendered(None, "ознакомлен", "ознакомлена") == "ознакомлен"


@pytest.mark.parametrize(("title", "word"), [
    ("Дорожная карта", "УТВЕРЖДЕНА"), ("Реестр наставников", "УТВЕРЖДЕН"),
    ("Положение о наставничестве", "УТВЕРЖДЕНО"), ("Изменения в положение", "УТВЕРЖДЕНЫ"),
])
def test_approved_word_agrees_with_the_title(title, word):
    assert approved_word(title) == word


def test_period_text():
    start, end = dt.date(2026, 9, 1), dt.date(2027, 5, 31)
    assert period_text(start, end) == f"с 1{NB}сентября 2026{NB}г. по 31{NB}мая 2027{NB}г."
    assert period_text(start, None) == f"с 1{NB}сентября 2026{NB}г."
    assert period_text(None, end) == f"по 31{NB}мая 2027{NB}г."
    assert period_text(None, None) == ""


def test_school_year_starts_in_august():
    assert school_year_of(dt.date(2026, 8, 28)) == f"2026/2027{NB}учебный год"
    assert school_year_of(dt.date(2027, 5, 31)) == f"2026/2027{NB}учебный год"
    assert school_year_of(None) == f"20___/20___{NB}учебный год"


def test_pupil_text_agrees_and_declines():
    pupil = Participant(id="1", last_name="Кузнецова", first_name="Софья", middle_name="Максимовна",
                        category=Category.PUPIL, post="7 «Б» класс")
    forms = person_forms(pupil)
    assert pupil_text(forms, pupil.post) == "обучающаяся 7\u00a0«Б»\u00a0класса"
    assert pupil_text(forms, pupil.post, "genitive") == "обучающейся 7\u00a0«Б»\u00a0класса"
    assert pupil_text(forms, None) == "обучающаяся"


def test_class_genitive_only_changes_a_class():
    assert class_genitive("11 «А» класс") == "11\u00a0«А»\u00a0класса"
    assert class_genitive("учитель") == "учитель"
    assert class_genitive(None) == ""


def test_greeting_without_a_patronymic():
    assert polite_greeting(Person(last_name="Ким", first_name="Алина"), Gender.FEMALE) == "Уважаемая Алина!"
    assert polite_greeting(Person(last_name="Ким", first_name="Пётр", middle_name="Ильич"),
                           Gender.MALE) == "Уважаемый Пётр Ильич!"
