"""First checks of the public functions of nastavnik_docs.ru (table-driven)."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal

import pytest

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.models import Case, Gender, Official, Participant, Person
from nastavnik_docs.ru import (
    agree,
    decline_name,
    decline_post,
    format_date,
    money_in_words,
    person_forms,
)

NB = "\u00a0"


@pytest.mark.parametrize(
    "name, case, expected",
    [
        ("Иванова Мария Петровна", "accusative", "Иванову Марию Петровну"),
        ("Ковальчук Анна Игоревна", "dative", "Ковальчук Анне Игоревне"),
        ("Мельник Лев Ярославович", "instrumental", "Мельником Львом Ярославовичем"),
        ("ИВАНОВ ИВАН ИВАНОВИЧ", "dative", "ИВАНОВУ ИВАНУ ИВАНОВИЧУ"),
        ("Иванова Мария Петровна", Case.NOMINATIVE, "Иванова Мария Петровна"),
        ("Иванова Мария Петровна", "дательный", "Ивановой Марии Петровне"),
    ],
)
def test_decline_name(name, case, expected):
    assert decline_name(name, case) == expected


def test_override_wins():
    person = Person(last_name="Золя", first_name="Эмиль", gender="м",
                    overrides={Case.DATIVE: "Золя Эмилю (вручную)"})
    assert decline_name(person, "dative") == "Золя Эмилю (вручную)"


def test_undecidable_gender_is_a_russian_error():
    with pytest.raises(GrammarError, match="Укажите пол"):
        decline_name("Ковальчук Саша", "dative")
    assert decline_name("Ковальчук Саша", "dative", "ж") == "Ковальчук Саше"


@pytest.mark.parametrize(
    "post, case, expected",
    [
        ("Заместитель директора по учебно-воспитательной работе", "dative",
         "Заместителю директора по учебно-воспитательной работе"),
        ("педагог-психолог", "dative", "педагогу-психологу"),
        ("учитель начальных классов", "instrumental", "учителем начальных классов"),
        ("Директор МБОУ «СОШ № 7»", "dative", "Директору МБОУ «СОШ № 7»"),
        ("и.о. директора", "dative", "и.о. директора"),
    ],
)
def test_decline_post(post, case, expected):
    assert decline_post(post, case) == expected


def test_person_forms_and_pickle():
    official = Official(last_name="Петрова", first_name="Анна", middle_name="Сергеевна",
                        post="заведующий библиотекой")
    forms = person_forms(official)
    assert forms.dative == "Петровой Анне Сергеевне"
    assert forms.short_dative == f"Петровой{NB}А.С."
    assert forms.initials_instrumental == f"А.С.{NB}Петровой"
    assert forms.post.instrumental == "заведующей библиотекой"
    assert str(forms) == "Петрова Анна Сергеевна"
    assert forms.gender is Gender.FEMALE
    copy = pickle.loads(pickle.dumps(forms))
    assert copy.genitive == "Петровой Анны Сергеевны"


def test_person_forms_of_participant_without_post():
    pupil = Participant(id="1", last_name="Сидоров", first_name="Пётр", middle_name="Ильич")
    forms = person_forms(pupil)
    assert forms.post.dative == ""
    assert forms.dative == "Сидорову Петру Ильичу"


@pytest.mark.parametrize(
    "d, style, expected",
    [
        (date(2022, 4, 20), "long", f"20{NB}апреля 2022{NB}г."),
        (date(2022, 4, 5), "long", f"5{NB}апреля 2022{NB}г."),
        (date(2022, 4, 20), "quoted", f"«20»{NB}апреля 2022{NB}г."),
        (date(2022, 4, 5), "numeric", "05.04.2022"),
        (date(2022, 4, 20), "month_year", "апрель 2022"),
        (None, "numeric", "__.__.20__"),
        (None, "quoted", f"«___»{NB}____________ 20___{NB}г."),
    ],
)
def test_format_date(d, style, expected):
    assert format_date(d, style) == expected


@pytest.mark.parametrize(
    "n, word, expected",
    [(1, "наставник", "1 наставник"), (5, "наставник", "5 наставников"),
     (22, "наставляемый", "22 наставляемых"), (3, "наставник", "3 наставника")],
)
def test_agree(n, word, expected):
    assert agree(n, word) == expected


@pytest.mark.parametrize(
    "amount, expected",
    [
        (Decimal("1234.56"),
         f"1{NB}234,56{NB}руб. (одна тысяча двести тридцать четыре рубля 56 копеек)"),
        (Decimal("1"), f"1,00{NB}руб. (один рубль 00 копеек)"),
        (1234, f"1{NB}234,00{NB}руб. (одна тысяча двести тридцать четыре рубля 00 копеек)"),
    ],
)
def test_money_in_words(amount, expected):
    assert money_in_words(amount) == expected


def test_money_refuses_float():
    with pytest.raises(GrammarError, match="Decimal"):
        money_in_words(12.5)
