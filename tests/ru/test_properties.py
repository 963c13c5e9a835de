"""Property-based checks (hypothesis) of the invariants the documents rely on."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from ru_tables import read_table

from nastavnik_docs.ru import (
    agree,
    decline_name,
    format_number,
    money_in_words,
    number_in_words,
    typograph,
)

NB = "\u00a0"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_format_number_reads_back(n):
    text = format_number(n)
    assert int(text.replace(NB, "").replace("\u2212", "-")) == n
    assert " " not in text


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_money_figures_read_back_and_words_name_the_kopecks(amount):
    text = money_in_words(amount)
    figures, _, words = text.partition(f"{NB}руб. (")
    assert Decimal(figures.replace(NB, "").replace(",", ".")) == amount
    kopecks = int((amount * 100) % 100)
    assert words.endswith(f"{kopecks:02d} {agree(kopecks, 'копейка', with_number=False)})")
    assert "None" not in text


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["m", "f", "n"]),
       st.sampled_from(["nominative", "genitive", "dative", "accusative", "instrumental",
                        "prepositional"]))
def test_number_words_are_russian_words(n, gender, case):
    text = number_in_words(n, case, gender)
    assert text and all(ch.isalpha() and ch.lower() in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                        for ch in text.replace(" ", ""))


@given(st.text(alphabet='абв АБ.МП№12 -"«»%г', max_size=40))
def test_typograph_is_idempotent(text):
    once = typograph(text)
    assert typograph(once) == once


_TABLE = read_table("names.tsv")


@given(st.sampled_from(_TABLE),
       st.sampled_from(["genitive", "dative", "accusative", "instrumental", "prepositional"]),
       st.booleans())
def test_declined_names_keep_words_and_capitals(row, case, upper):
    name = row["name"].upper() if upper else row["name"]
    result = decline_name(name, case, row["gender"])
    assert len(result.split()) == len(name.split())
    assert result.isupper() == name.isupper()
    if case != "prepositional":
        expected = row[case].upper() if upper else row[case]
        assert result == expected
