"""Agreement of a noun with a number, against the Russian rule and hand-written forms."""

from __future__ import annotations

import pytest

from nastavnik_docs.ru import agree, noun_gender

NB = "\u00a0"

#: word → (form after 1, form after 2–4, form after 5–20 and 0), written by hand.
FORMS = {
    "наставник": ("наставник", "наставника", "наставников"),
    "наставляемый": ("наставляемый", "наставляемых", "наставляемых"),
    "участник": ("участник", "участника", "участников"),
    "педагог": ("педагог", "педагога", "педагогов"),
    "обучающийся": ("обучающийся", "обучающихся", "обучающихся"),
    "пара": ("пара", "пары", "пар"),
    "группа": ("группа", "группы", "групп"),
    "человек": ("человек", "человека", "человек"),
    "наставница": ("наставница", "наставницы", "наставниц"),
    "мероприятие": ("мероприятие", "мероприятия", "мероприятий"),
    "год": ("год", "года", "лет"),
    "месяц": ("месяц", "месяца", "месяцев"),
}
NUMBERS = [*range(0, 31), 101, 102, 105, 111, 112, 121, 1000, 1001, 1002, 1011]


def _category(n: int) -> int:
    """The Russian plural rule: 0 → one, 1 → few, 2 → many."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def _figures(n: int) -> str:
    text = str(n)
    return f"{text[:-3]}{NB}{text[-3:]}" if n >= 1000 else text


@pytest.mark.parametrize("word", FORMS)
@pytest.mark.parametrize("n", NUMBERS)
def test_agree(n, word):
    assert agree(n, word) == f"{_figures(n)} {FORMS[word][_category(n)]}"


def test_agree_keeps_capitals():
    assert agree(3, "Наставник") == "3 Наставника"


def test_agree_word_only():
    assert agree(5, "наставляемый", with_number=False) == "наставляемых"


PHRASES = {
    "молодой специалист": ("молодой специалист", "молодых специалиста", "молодых специалистов"),
    "наставническая пара": ("наставническая пара", "наставнические пары", "наставнических пар"),
    "участник программы": ("участник программы", "участника программы", "участников программы"),
    "рабочая группа": ("рабочая группа", "рабочие группы", "рабочих групп"),
}


@pytest.mark.parametrize("phrase", PHRASES)
@pytest.mark.parametrize("n", [1, 2, 5, 11, 21, 22, 25, 101, 111])
def test_agree_phrases(n, phrase):
    assert agree(n, phrase) == f"{n} {PHRASES[phrase][_category(n)]}"


def test_agree_unknown_word_is_a_russian_error():
    from nastavnik_docs.errors import GrammarError

    with pytest.raises(GrammarError, match="Не удалось согласовать"):
        agree(2, "qwerty")


@pytest.mark.parametrize("text, gender", [
    ("Персонализированная программа наставничества", "femn"),
    ("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА", "femn"),
    ("Индивидуальный образовательный маршрут", "masc"),
    ("Реестр (база) наставников", "masc"),
    ("Положение о системе наставничества", "neut"),
    ("Правила внутреннего трудового распорядка", "plur"),
    ("паспорт гражданина Российской Федерации", "masc"),
    ("Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 12»", "neut"),
    ("", None),
])
def test_noun_gender_of_the_head_noun(text, gender):
    assert noun_gender(text) == gender
