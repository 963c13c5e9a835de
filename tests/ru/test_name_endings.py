"""Long surnames decline by their ending (one pytrovich call per distinct ending): the
result is exactly what pytrovich gives for the whole word."""

from __future__ import annotations

import pytest

from nastavnik_docs.models import Case, Gender
from nastavnik_docs.ru._names import _decline_piece, _ending_shape, _exception_mod, _petrovich, apply_mod

ROOTS = ["Кравченко", "Иванова", "Мамедов", "Соколовская", "Белых", "Шевчук", "Лебедь", "Толстой", "Гусь",
         "Зима", "Дюма", "Цой", "Кох", "Бонч", "Седых", "Грицай", "Павлюк", "Гарсия", "Шоу", "Ильин",
         "Голубь", "Журавель", "Рабинович", "Воробей", "Соловей", "Чайка", "Берия", "Островский", "Долгих",
         "Тищенко", "Мороз", "Лось", "Кий", "Лукашевич", "Бородина", "Ковальчук", "Гулиев", "Пэй", "Ну"]
PREFIXES = ["Бова", "Гуделе", "Норозаки", "Ааааааааааа"]
CASES = [Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL, Case.PREPOSITIONAL]


def test_the_rules_are_read():
    words, ending = _ending_shape()
    assert words > 5 and ending > 3


@pytest.mark.parametrize("root", ROOTS)
def test_a_long_surname_declines_as_pytrovich_declines_it(root):
    for prefix in PREFIXES:
        word = prefix + root.lower()
        assert len(word) >= _ending_shape()[0] or prefix != PREFIXES[-1]
        for gender in (Gender.MALE, Gender.FEMALE):
            for case in CASES:
                for known in (True, False):
                    mod = _exception_mod("lastname", word, gender, case)
                    whole = apply_mod(mod, word) if mod is not None else _petrovich("lastname", word, gender, case, known)
                    assert _decline_piece("lastname", word, gender, case, known=known) == whole, (word, gender, case)
