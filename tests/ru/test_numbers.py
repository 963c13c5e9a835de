"""Numbers and money in figures and words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.ru import (
    BLANK_MONEY,
    BLANK_NUMBER,
    format_number,
    format_percent,
    money_in_words,
    number_in_words,
    ordinal_in_words,
)

NB = "\u00a0"


@pytest.mark.parametrize(
    "n, case, gender, expected",
    [
        (22, "genitive", "masculine", "двадцати двух"),
        (1000, "nominative", "masculine", "одна тысяча"),
        (1000, "accusative", "masculine", "одну тысячу"),
        (2000, "accusative", "masculine", "две тысячи"),
        (2, "nominative", "ж", "две"),
        (2, "nominative", "женский", "две"),
        (2, "nominative", "f", "две"),
        (1, "nominative", "с", "одно"),
        (21, "dative", "f", "двадцати одной"),
        (21, "accusative", "f", "двадцать одну"),
        (1_000_000, "nominative", "f", "один миллион"),
        (1_000_002, "nominative", "f", "один миллион две"),
        (2_021, "instrumental", "f", "двумя тысячами двадцатью одной"),
        (0, "nominative", "m", "ноль"),
        (-5, "genitive", "m", "минус пяти"),
        (101, "prepositional", "m", "ста одном"),
        (Decimal("12"), "nominative", "m", "двенадцать"),
    ],
)
def test_number_in_words(n, case, gender, expected):
    assert number_in_words(n, case, gender) == expected


@pytest.mark.parametrize(
    "n, gender, expected",
    [
        (1, "m", "одного"), (2, "m", "двух"), (4, "f", "четырёх"), (5, "m", "пять"),
        (21, "m", "двадцать одного"), (21, "f", "двадцать одну"), (22, "m", "двадцать два"),
        (2000, "m", "две тысячи"), (2001, "m", "две тысячи одного"), (11, "m", "одиннадцать"),
    ],
)
def test_animate_accusative(n, gender, expected):
    assert number_in_words(n, "accusative", gender, animate=True) == expected


def test_inanimate_accusative_is_the_default():
    assert number_in_words(2, "accusative") == "два"


@pytest.mark.parametrize(
    "n, case, gender, expected",
    [
        (3, "genitive", "f", "третьей"),
        (22, "nominative", "m", "двадцать второй"),
        (1, "accusative", "ж", "первую"),
        (2024, "prepositional", "m", "две тысячи двадцать четвёртом"),
        (5, "instrumental", "n", "пятым"),
    ],
)
def test_ordinal_in_words(n, case, gender, expected):
    assert ordinal_in_words(n, case, gender) == expected


@pytest.mark.parametrize("bad", [1.5, "x", True])
def test_number_in_words_refuses_non_integers(bad):
    with pytest.raises(GrammarError):
        number_in_words(bad)


def test_unknown_gender_is_an_error_not_masculine():
    with pytest.raises(GrammarError, match="Неизвестный род"):
        number_in_words(2, "nominative", "женск")


@pytest.mark.parametrize(
    "amount, expected",
    [
        (Decimal("1234.56"), f"1{NB}234,56{NB}руб. (одна тысяча двести тридцать четыре рубля 56 копеек)"),
        (Decimal("0.01"), f"0,01{NB}руб. (ноль рублей 01 копейка)"),
        (Decimal("2.02"), f"2,02{NB}руб. (два рубля 02 копейки)"),
        (Decimal("5000"), f"5{NB}000,00{NB}руб. (пять тысяч рублей 00 копеек)"),
        (Decimal("21.21"), f"21,21{NB}руб. (двадцать один рубль 21 копейка)"),
        (Decimal("1000000.00"), f"1{NB}000{NB}000,00{NB}руб. (один миллион рублей 00 копеек)"),
        (1234, f"1{NB}234,00{NB}руб. (одна тысяча двести тридцать четыре рубля 00 копеек)"),
        (None, BLANK_MONEY),
    ],
)
def test_money_in_words(amount, expected):
    assert money_in_words(amount) == expected


@pytest.mark.parametrize("bad, message", [
    (12.5, "Decimal"), (Decimal("-1"), "отрицательной"), (Decimal("1.005"), "двух знаков"),
    ("100", "Decimal"),
])
def test_money_refuses_inexact_amounts(bad, message):
    with pytest.raises(GrammarError, match=message):
        money_in_words(bad)


@pytest.mark.parametrize(
    "n, digits, expected",
    [
        (1234, None, f"1{NB}234"),
        (1234567, None, f"1{NB}234{NB}567"),
        (999, None, "999"),
        (Decimal("1234.5"), None, f"1{NB}234,5"),
        (Decimal("1234.567"), 2, f"1{NB}234,57"),
        (-1500, None, f"\u22121{NB}500"),
        (None, None, BLANK_NUMBER),
    ],
)
def test_format_number(n, digits, expected):
    assert format_number(n, digits) == expected


@pytest.mark.parametrize(
    "x, expected",
    [(12.5, f"12,5{NB}%"), (Decimal("50.0"), f"50{NB}%"), (100, f"100{NB}%"),
     (Decimal("33.333"), f"33,3{NB}%"), (None, f"{BLANK_NUMBER}{NB}%")],
)
def test_format_percent(x, expected):
    assert format_percent(x) == expected
