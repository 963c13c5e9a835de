"""Words of phrase templates agreeing with one man, one woman or several people (``ru.agree_with``)."""

from __future__ import annotations

import pytest

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.models import Gender, Person
from nastavnik_docs.ru import agree_with, agreeing_words, agreement, person_forms

MAN = person_forms(Person(last_name="Мамедов", first_name="Эльдар", middle_name="Рашид оглы", gender="м"))
WOMAN = person_forms(Person(last_name="Ткаченко", first_name="Дарья", middle_name="Андреевна"))


@pytest.mark.parametrize(("template", "man", "woman", "group"), [
    ("адаптация {наставляемого}, развитие {его} компетенций",
     "адаптация наставляемого, развитие его компетенций",
     "адаптация наставляемой, развитие её компетенций",
     "адаптация наставляемых, развитие их компетенций"),
    ("вовлечь {наставляемого:вин} в работу", "вовлечь наставляемого в работу",
     "вовлечь наставляемую в работу", "вовлечь наставляемых в работу"),
    ("подготовить {обучающегося:вин} к ОГЭ", "подготовить обучающегося к ОГЭ",
     "подготовить обучающуюся к ОГЭ", "подготовить обучающихся к ОГЭ"),
    ("{наставляемый} {планирует} уроки и {удовлетворён} работой",
     "наставляемый планирует уроки и удовлетворён работой",
     "наставляемая планирует уроки и удовлетворена работой",
     "наставляемые планируют уроки и удовлетворены работой"),
    ("получение {им} опыта; {обучающийся} {принял} участие; помочь {ему}",
     "получение им опыта; обучающийся принял участие; помочь ему",
     "получение ею опыта; обучающаяся приняла участие; помочь ей",
     "получение ими опыта; обучающиеся приняли участие; помочь им"),
    ("{наставляемый} {готов}, {вовлечённый} в жизнь школы", "наставляемый готов, вовлечённый в жизнь школы",
     "наставляемая готова, вовлечённая в жизнь школы", "наставляемые готовы, вовлечённые в жизнь школы"),
    ("{пары|группы}; {удовлетворён|удовлетворена|удовлетворены}", "пары; удовлетворён", "пары; удовлетворена",
     "группы; удовлетворены"),
    ("{Его} опыт", "Его опыт", "Её опыт", "Их опыт"),
])
def test_a_template_agrees_with_a_man_a_woman_and_a_group(template, man, woman, group):
    assert agree_with(template, MAN) == man
    assert agree_with(template, WOMAN) == woman
    assert agree_with(template, [MAN, WOMAN]) == group
    assert agree_with(template, [WOMAN]) == woman  # a list of one is that person


def test_agreement_of_people_and_genders():
    assert agreement(MAN) == "masc" and agreement(WOMAN) == "femn"
    assert agreement([WOMAN, WOMAN]) == "plur" and agreement(Gender.FEMALE) == "femn"
    assert agreement(None) == "masc" and agreement([]) == "masc"


@pytest.mark.parametrize("template", ["{свою:вин} работу", "{книга}", "{наставляемого:падеж}", "{a|b|c|d}"])
def test_a_brace_that_cannot_agree_is_an_error(template):
    with pytest.raises(GrammarError):
        agree_with(template, WOMAN)


def test_agreeing_words_lists_the_braces():
    assert agreeing_words(["{его} и {a|b}", "нет"]) == ["его", "a|b"]
