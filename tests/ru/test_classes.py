"""The school class read out of a pupil's post (``ru._classes``), and the places that use it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nastavnik_docs.batch._filters import Filter, class_key
from nastavnik_docs.kinds.awards import describe, recipient_group
from nastavnik_docs.kinds.questionnaires import class_in_year
from nastavnik_docs.models import Category, Gender
from nastavnik_docs.ru import NBSP, class_genitive, school_class


@pytest.mark.parametrize(("post", "key", "genitive"), [
    ("7 «Б» класс", "7 б", "7 «Б» класса"),
    ('7 "Б" класс', "7 б", "7 «Б» класса"),
    ("7Б", "7 б", "7 «Б» класса"),
    ("7-б", "7 б", "7 «Б» класса"),
    ("7 «б»", "7 б", "7 «Б» класса"),
    ("11 А", "11 а", "11 «А» класса"),
    ("11 А класс", "11 а", "11 А класса"),  # the word written: the curator's spelling kept
    ("10Б класс", "10 б", "10Б класса"),
    ("7 класс", "7", "7 класса"),
    ("7", "7", "7 класса"),
    ("5 кл.", "5", "5 класса"),
    ("7-й класс", "7", "7 класса"),
    ("10 класс (профильный)", "10", "10 класса (профильный)"),
    ("7 к", "7 к", "7 «К» класса"),
    ("7B", "7 в", "7 «В» класса"),  # typed in the Latin layout
    ("  11   «А»  класс ", "11 а", "11 «А» класса"),
])
def test_a_class_however_written(post, key, genitive):
    klass = school_class(post)
    assert klass is not None
    assert (klass.key, klass.genitive.replace(NBSP, " ")) == (key, genitive)
    assert class_genitive(post) == klass.genitive


@pytest.mark.parametrize("post", ["8 «А» класс", "8А", "8 А класс", "10 класс (профильный)"])
def test_a_class_is_never_split_between_lines(post):
    named = school_class(post).genitive
    assert named.split(" ")[0] == named.removesuffix(" (профильный)")  # no breaking space inside the class
    assert named.startswith(("8\u00a0", "10\u00a0"))


@pytest.mark.parametrize("post", [
    "учитель физики", "2 курс", "1 категория", "1С-программист", "1С программист", "7 классов",
    "13 класс", "0", "7 Й", "7 б, профильный", "", None,
])
def test_not_a_class(post):
    assert school_class(post) is None
    assert class_key(post or "") is None


def test_a_post_that_is_no_class_keeps_its_words():
    assert class_genitive("учитель физики") == "учитель физики"
    assert class_genitive("2 курс") == "2 курс"


@pytest.mark.parametrize(("post", "back", "expected"), [
    ("7Б", 1, "6Б"), ("11 «А» класс", 2, "9 «А» класс"), ("1 класс", 1, "1 класс"), ("2 курс", 1, "2 курс"),
])
def test_the_class_years_ago_keeps_the_spelling(post, back, expected):
    assert class_in_year(post, back) == expected


def test_the_class_filter_tells_class_7_from_class_7k():
    seven_k = Filter("class", ("7К",))
    assert seven_k.accepts("7 «К» класс") and seven_k.accepts("7к")
    assert not seven_k.accepts("7 класс") and not seven_k.accepts("7 кл.")
    assert Filter("class", ("7",)).accepts("7 класс") and Filter("class", ("7",)).accepts("7 «К» класс")


@pytest.mark.parametrize("category", [None, Category.PUPIL])
def test_a_certificate_names_a_bare_class_in_full(category):
    from nastavnik_docs.kinds.awards import AwardRecipient

    pupil = AwardRecipient(last_name="Кузнецова", first_name="Софья", post="7Б", category=category)
    phrase = describe(pupil, Gender.FEMALE, role=False)
    assert (phrase.nominative, phrase.dative) == (f"обучающаяся 7{NBSP}«Б»{NBSP}класса", f"обучающейся 7{NBSP}«Б»{NBSP}класса")


def test_a_bare_class_makes_a_learner():
    import datetime as dt

    from nastavnik_docs.kinds.awards import AwardRecipient

    assert recipient_group(AwardRecipient(last_name="Ким", first_name="Алина", post="7Б"), dt.date(2027, 5, 1)) \
        == "learner"
    assert recipient_group(AwardRecipient(last_name="Ким", first_name="Алина", post="учитель"),
                           dt.date(2027, 5, 1)) == "staff"


@given(st.text(max_size=60))
def test_any_text_reads_without_failing(text):
    klass = school_class(text)
    if klass is not None:
        assert 1 <= klass.year <= 12
        again = school_class(klass.genitive.replace("класса", "класс").replace(NBSP, " "))
        assert again is not None and again.key == klass.key


@given(st.integers(1, 12), st.sampled_from("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"),
       st.sampled_from(["{y}{l}", "{y} {l}", "{y}-{l}", "{y} «{l}»", '{y} "{l}" класс', "{y}{l} класс"]))
def test_every_spelling_of_a_class_gives_one_key(year, letter, spelling):
    text = spelling.format(y=year, l=letter)
    assert class_key(text) == class_key(text.lower()) == f"{year} {letter.lower()}"


def test_blanks_cannot_make_reading_slow():
    assert school_class("7" + " " * 100_000 + "курс") is None
    assert school_class("7" + " \t" * 50_000 + "б").key == "7 б"
