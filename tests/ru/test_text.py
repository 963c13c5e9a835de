"""Text shaping: capitals, full stops, enumerations, «с» or «со», blanks for handwriting."""

from __future__ import annotations

import pytest

from nastavnik_docs.ru import (
    BLANK_LINE,
    BLANK_SHORT,
    join_and,
    lower_first,
    sentence,
    stop,
    sub_items,
    upper_first,
    with_preposition,
)

NB = "\u00a0"


def test_capitals_spare_abbreviations():
    assert upper_first("директор школы") == "Директор школы"
    assert upper_first("") == ""
    assert lower_first("Заместитель директора") == "заместитель директора"
    assert lower_first("МБОУ «СОШ № 12»") == "МБОУ «СОШ № 12»"
    assert lower_first("И.о. директора") == "и.о. директора"


@pytest.mark.parametrize(("text", "expected"), [
    ("провести встречу", "Провести встречу."),
    ("  провести   встречу ;", "Провести встречу."),
    ("срок — до 1 мая 2027 г.", "Срок — до 1 мая 2027 г."),
    ("Готово!", "Готово!"),
])
def test_sentence_ends_with_one_stop(text, expected):
    assert sentence(text) == expected


def test_stop_keeps_an_existing_mark():
    assert stop("2026 г.") == "2026 г."
    assert stop("итог") == "итог."


@pytest.mark.parametrize(("parts", "sep", "expected"), [
    (["A"], ", ", "A"),
    (["A", "B"], ", ", "A и B"),
    (["A", "", "B", "C"], ", ", "A, B и C"),
    (["A", "B", "C"], "; ", "A; B и C"),
    ([], ", ", ""),
])
def test_join_and(parts, sep, expected):
    assert join_and(parts, sep=sep) == expected


def test_sub_items_punctuate_an_enumeration():
    items = sub_items(["Разработать программу.", "провести  встречи;", "Представить отчёт до 1 мая 2027 г."])
    assert items == ["разработать программу;", "провести встречи;", f"представить отчёт до 1 мая 2027{NB}г."]
    assert sub_items(["Иванову И.И.", "Петрову П.П."], lower=False) == [f"Иванову{NB}И.И.;", f"Петрову{NB}П.П."]


@pytest.mark.parametrize(("word", "preposition"), [
    ("Федеральным законом", "с"), ("статьёй 351.8", "со"), ("всеми", "со"), ("мною", "со"),
    ("распоряжением", "с"), ("семьёй", "с"),
])
def test_with_preposition(word, preposition):
    assert with_preposition(word) == preposition


def test_blanks_are_underscores_of_two_lengths():
    assert set(BLANK_LINE) == set(BLANK_SHORT) == {"_"}
    assert len(BLANK_LINE) == 2 * len(BLANK_SHORT) == 40
