"""The table of common words (ru/post_words.json) against pymorphy3 itself.

The table is regenerated here from pymorphy3 and compared with the committed file, so it
cannot drift from the dictionary or from the rules that read it; and every phrase it was
made for declines, agrees and gives its head's gender the same with the table as without it.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from nastavnik_docs.models import Case, Gender
from nastavnik_docs.ru import _lexicon, _posts, decline_post, noun_gender
from nastavnik_docs.ru._titles import agreeing, decline_title
from tools.build_post_words import PHRASES, as_text, build, words

GENDERS = (None, Gender.MALE, Gender.FEMALE)


def test_the_committed_table_is_what_pymorphy3_gives_now():
    committed = files("nastavnik_docs.ru").joinpath("post_words.json").read_text("utf-8")
    assert as_text(build()) == committed, "run: python -m tools.build_post_words"


def _everything(phrase: str) -> list[object]:
    out: list[object] = [noun_gender(phrase)]
    for case in Case:
        out.append(decline_title(phrase, case))
        out.append(agreeing("утверждённый", phrase, case))
        for gender in GENDERS:
            out += [decline_post(phrase, case, gender), decline_post(phrase, case, gender, animate=False)]
    return out


def _clear() -> None:
    _lexicon.word.cache_clear()
    _posts._decline_post.cache_clear()


@pytest.fixture
def without_table(monkeypatch):
    _clear()
    monkeypatch.setattr(_lexicon, "stored_words", dict)
    yield
    _clear()


def test_the_table_changes_no_phrase(without_table, monkeypatch):
    phrases = [*PHRASES, *(p.upper() for p in PHRASES[:20]), "Директор МБОУ «СОШ № 7», учитель математики"]
    live = [_everything(p) for p in phrases]
    monkeypatch.undo()
    _clear()
    assert _lexicon.stored_words(), "the table is read"
    assert [_everything(p) for p in phrases] == live


def test_a_phrase_of_table_words_is_declined_without_pymorphy3(monkeypatch):
    _clear()

    def refuse(text: str) -> None:
        raise AssertionError(f"pymorphy3 asked about «{text}»")

    monkeypatch.setattr(_lexicon, "parses", refuse)
    try:
        assert decline_post("заместитель директора по учебно-воспитательной работе", "dative", "ж") == \
            "заместителю директора по учебно-воспитательной работе"
        assert decline_post("Педагог-психолог", "instrumental") == "Педагогом-психологом"
        assert decline_post("заведующий библиотекой", "dative", "ж") == "заведующей библиотекой"
        assert decline_title("Положение о системе наставничества МБОУ «СОШ № 12»", "instrumental") == \
            "Положением о системе наставничества МБОУ «СОШ № 12»"
        assert agreeing("утверждённый", "Дорожная карта (план мероприятий)", "instrumental") == "утверждённой"
        assert noun_gender("Положение о системе наставничества") == "neut"
    finally:
        _clear()


def test_a_word_outside_the_table_is_read_from_pymorphy3():
    assert "звукорежиссёр" not in words()
    assert decline_post("звукорежиссёр", "dative") == "звукорежиссёру"
