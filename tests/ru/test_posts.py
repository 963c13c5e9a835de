"""Posts in cases against a hand-checked table (tests/ru/data/posts.tsv)."""

from __future__ import annotations

import pytest
from ru_tables import read_table

from nastavnik_docs.models import Case, Official
from nastavnik_docs.ru import PostForms, decline_post, person_forms

POSTS = read_table("posts.tsv")
CASES = ("genitive", "dative", "accusative", "instrumental")


def test_table_has_at_least_30_posts():
    assert len(POSTS) >= 30


@pytest.mark.parametrize("row", POSTS, ids=[f"{r['post']} ({r['gender']})" for r in POSTS])
@pytest.mark.parametrize("case", CASES)
def test_decline_post(row, case):
    gender = None if row["gender"] == "-" else row["gender"]
    assert decline_post(row["post"], case, gender) == row[case]


@pytest.mark.parametrize("row", POSTS, ids=[f"{r['post']} ({r['gender']})" for r in POSTS])
def test_post_forms(row):
    gender = None if row["gender"] == "-" else row["gender"]
    forms = PostForms(row["post"], gender)
    assert [getattr(forms, c) for c in CASES] == [row[c] for c in CASES]


def test_nominative_is_kept_and_empty_post_gives_empty_forms():
    assert decline_post("Директор МБОУ «СОШ № 7»", "nominative") == "Директор МБОУ «СОШ № 7»"
    assert decline_post("", "dative") == ""
    forms = PostForms(None)
    assert forms.dative == "" and str(forms) == "" and not forms


def test_nominative_follows_the_holder_for_substantivised_adjectives():
    assert decline_post("заведующий библиотекой", "nominative", "ж") == "заведующая библиотекой"


def test_post_overrides_win():
    head = Official(
        last_name="Петрова", first_name="Анна", middle_name="Сергеевна", post="Директор",
        post_overrides={Case.DATIVE: "Директору муниципального бюджетного учреждения"},
    )
    forms = person_forms(head)
    assert forms.post.dative == "Директору муниципального бюджетного учреждения"
    assert forms.post.genitive == "Директора"


@pytest.mark.parametrize(
    "phrase, case, expected",
    [
        ("План мероприятий", "accusative", "План мероприятий"),
        ("Положение о системе наставничества", "accusative", "Положение о системе наставничества"),
        ("Положение о системе наставничества", "genitive", "Положения о системе наставничества"),
        ("рабочая группа", "genitive", "рабочей группы"),
        ("рабочая группа", "accusative", "рабочую группу"),
        ("Дорожная карта внедрения целевой модели", "instrumental",
         "Дорожной картой внедрения целевой модели"),
        ("педагогический совет", "prepositional", "педагогическом совете"),
    ],
)
def test_noun_phrases_keep_inanimate_accusative(phrase, case, expected):
    assert decline_post(phrase, case) == expected


def test_post_forms_are_always_animate():
    assert decline_post("модератор", "accusative") == "модератор"
    assert decline_post("модератор", "accusative", animate=True) == "модератора"
    assert PostForms("модератор").accusative == "модератора"
