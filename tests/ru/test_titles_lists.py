"""decline_title (an apposition in parentheses takes its head's case), form_phrase (a form
named as a form), join_appositions / close_apposition (an apposition closed by a comma) and
by_count (a list of one in the singular)."""

from __future__ import annotations

import pytest

from nastavnik_docs.ru import by_count, close_apposition, decline_title, form_phrase, join_appositions, lower_first

ROADMAP = "Дорожная карта (план мероприятий) по реализации Положения о системе наставничества"


@pytest.mark.parametrize("case, expected", [
    ("prepositional", "дорожной карте (плане мероприятий) по реализации Положения о системе наставничества"),
    ("genitive", "дорожной карты (плана мероприятий) по реализации Положения о системе наставничества"),
    ("accusative", "дорожную карту (план мероприятий) по реализации Положения о системе наставничества"),
    ("instrumental", "дорожной картой (планом мероприятий) по реализации Положения о системе наставничества"),
    ("nominative", "дорожная карта (план мероприятий) по реализации Положения о системе наставничества"),
])
def test_an_apposition_in_parentheses_takes_the_case_of_its_head(case, expected):
    assert lower_first(decline_title(ROADMAP, case)) == expected


@pytest.mark.parametrize("title, case, expected", [
    # the parenthesis explains a later word: it keeps the case that word gave it
    ("Положение о системе (целевой модели) наставничества", "genitive",
     "Положения о системе (целевой модели) наставничества"),
    ("Система (целевая модель) наставничества", "genitive", "Системы (целевой модели) наставничества"),
    # not a noun group: stays as written
    ("Наставник (далее – куратор)", "dative", "Наставнику (далее – куратор)"),
])
def test_other_parentheses(title, case, expected):
    assert decline_title(title, case) == expected


@pytest.mark.parametrize("title, expected", [
    ("учитель – учитель", "в форме «учитель – учитель»"),
    ("групповое", "в групповой форме"),
    ("реверсивное", "в реверсивной форме"),
    ("традиционное (один на один)", "в традиционной форме (один на один)"),
    ("виртуальное (дистанционное)", "в виртуальной (дистанционной) форме"),
    ("флэш-наставничество", "в форме флэш-наставничества"),
    ("взаимонаставничество", "в форме взаимонаставничества"),
    ("учитель – учитель, групповое", "в групповой форме «учитель – учитель»"),
])
def test_a_form_is_named_as_a_form(title, expected):
    assert "в " + form_phrase(title) == expected
    assert "форма наставничества «групповое»" not in expected


def test_a_form_with_an_adjective_and_mentoring():
    assert form_phrase("учитель – учитель", "instrumental", of="наставничества", adjective="рекомендуемый") == \
        "рекомендуемой формой наставничества «учитель – учитель»"
    assert form_phrase("групповое", "instrumental", of="наставничества", adjective="рекомендуемый") == \
        "рекомендуемой групповой формой наставничества"
    assert form_phrase("флэш-наставничество", "nominative", of="наставничества") == "форма флэш-наставничества"
    assert form_phrase("групповое", "nominative") == "групповая форма"


def test_an_apposition_is_closed_before_and_and_before_the_sentence_goes_on():
    people = ["Ткаченко Дарью Андреевну, учителя английского языка",
              "Гарипову Алсу Ринатовну, педагога-психолога",
              "Лебедева Кирилла Андреевича, учителя физической культуры"]
    assert join_appositions(people) == (
        "Ткаченко Дарью Андреевну, учителя английского языка; Гарипову Алсу Ринатовну, "
        "педагога-психолога, и Лебедева Кирилла Андреевича, учителя физической культуры")
    assert join_appositions(["Иванову", "Петрову"]) == "Иванову и Петрову"
    assert join_appositions(["Иванову, учителя"]) == "Иванову, учителя"
    assert close_apposition("Мамедова Эльдара Рашид оглы, учителя физики (далее – наставляемый)") == \
        "Мамедова Эльдара Рашид оглы, учителя физики (далее – наставляемый),"
    assert close_apposition("ООО «Ромашка, плюс»") == "ООО «Ромашка, плюс»"


@pytest.mark.parametrize("items, expected", [(1, "наставником"), ([1], "наставником"), (2, "наставниками"),
                                             ([1, 2, 3], "наставниками"), (0, "наставниками")])
def test_a_list_of_one_takes_the_singular(items, expected):
    assert by_count(items, "наставником", "наставниками") == expected
