"""Caches of declined names: first names and patronymics are declined once per distinct
pair, surnames per person; every cache is bounded, and a name comes out the same whether its
parts were declined before or not."""

from __future__ import annotations

import itertools

from nastavnik_docs.models import Case, Person
from nastavnik_docs.ru import _names, decline_name, person_forms

SURNAMES = ["Кравченко", "Иванова", "Мамедов", "Соколовская", "Белых", "Шевчук", "Лебедь", "Гусь", "Дюма",
            "Цой", "Бонч-Бруевич", "де Голль", "ПЕТРОВА-ВОДКИНА", "Ёлкина", "Бовакравченко", "Гуделебедева"]
GIVEN = [("Мария", "Петровна"), ("Иван", "Ильич"), ("Анна-Мария", "Сергеевна"), ("Жан-Поль", None),
         ("Эльдар", "Мамед оглы"), ("АЛЁНА", "ИГОРЕВНА"), ("Саша", None)]
CASES = [Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL, Case.PREPOSITIONAL]


def people() -> list[Person]:
    out = []
    for (last, (first, middle)), gender in itertools.product(zip(SURNAMES, itertools.cycle(GIVEN)), ("male", "female")):
        out.append(Person(last_name=last, first_name=first, middle_name=middle, gender=gender))
    return out


def forms_of(person: Person) -> list[str]:
    forms = person_forms(person)
    return [getattr(forms, f"{prefix}{case.value}") for prefix in ("", "short_", "initials_") for case in CASES]


def test_a_name_is_the_same_declined_fresh_or_from_the_caches():
    fresh = []
    for person in people():
        _names.clear_caches()
        fresh.append(forms_of(person))
    _names.clear_caches()
    for _ in range(2):  # the second round reads every part from the caches
        assert [forms_of(person) for person in people()] == fresh


def test_the_given_names_are_declined_once_per_pair_and_case():
    _names.clear_caches()
    for i in range(50):
        decline_name(Person(last_name=f"Бова{'ку' * (i % 7)}кравченко{i}", first_name="Ольга",
                            middle_name="Викторовна", gender="female"), Case.DATIVE)
    assert _names._given_names.cache_info().misses == 1
    assert _names._decline_surname_part.cache_info().misses == 50


def test_every_name_cache_is_bounded_and_cleared():
    caches = [_names._given_names, _names._decline_given_part, _names._decline_surname_part,
              _names._case_exceptions, _names._ending_rule]
    decline_name(Person(last_name="Орлова", first_name="Вера", middle_name="Игоревна"), Case.DATIVE)
    assert all(cache.cache_info().maxsize is not None for cache in caches)
    assert _names._decline_surname_part.cache_info().maxsize <= 1024  # surnames: only the last few
    _names.clear_caches()
    assert _names._given_names.cache_info().currsize == 0
