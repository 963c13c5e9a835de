"""bind_words(), soft_hyphens() and the typograph rules documents depend on: one-letter words
tied to the next word, a dash tied to the word before it, initials to their own surname,
quotes closed within each inserted value, soft hyphens for narrow columns."""

from __future__ import annotations

import pytest

from nastavnik_docs.ru import SOFT_HYPHEN, bind_words, soft_hyphens, typograph

NB = "\u00a0"


@pytest.mark.parametrize("text, expected", [
    ("в форме «учитель – учитель»", f"в{NB}форме «учитель{NB}– учитель»"),
    ("Гарипову Алсу Ринатовну, педагога-психолога, и Лебедева", f"Гарипову Алсу Ринатовну, педагога-психолога, и{NB}Лебедева"),
    ("Срок – до 1 октября 2026 г.", f"Срок{NB}– до 1 октября 2026 г."),
    ("В соответствии с приказом", f"В{NB}соответствии с{NB}приказом"),
    ("О назначении наставника", f"О{NB}назначении наставника"),
    ("(с 1 сентября)", f"(с{NB}1 сентября)"),
    ("к приказу", f"к{NB}приказу"),
    ("и – далее", f"и{NB}– далее"),  # the dash keeps to the word before it, «и» binds to no dash
    ("М.П. Иванова", "М.П. Иванова"),  # initials are not one-letter words
    ("пункт «а» статьи", "пункт «а» статьи"),
    ("с. Тенгинка", "с. Тенгинка"),
    ("", ""),
])
def test_bind_words(text, expected):
    assert bind_words(text) == expected


def test_bind_words_is_idempotent_and_keeps_every_letter():
    text = "Закрепить за Сидорук Н.И. – Мамедова Э.Р. в форме «учитель – учитель» с 1 сентября и по 31 мая"
    once = bind_words(text)
    assert bind_words(once) == once
    assert once.replace(NB, " ") == text


@pytest.mark.parametrize("text, expected", [
    # initials belong to the surname before them, never to the next person's or to the next word
    ("ответственный – Власова Е.Н. Срок – до 1 мая", f"ответственный{NB}– Власова{NB}Е.Н. Срок{NB}– до 1 мая"),
    ("Горбунова Л.А. Власова Е.Н.", f"Горбунова{NB}Л.А. Власова{NB}Е.Н."),
    ("Соколова-Мельникова А.С. Иванов", f"Соколова-Мельникова{NB}А.С. Иванов"),
    ("Назначить М.П. Иванову", f"Назначить М.П.{NB}Иванову"),
    ("Председатель – Л.А. Горбунова", f"Председатель{NB}– Л.А.{NB}Горбунова"),
])
def test_initials_keep_to_their_own_surname(text, expected):
    assert typograph(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('за победу в конкурсе "Наставник года', "за победу в конкурсе «Наставник года»"),
    ("фестиваль «Вместе к успеху", "фестиваль «Вместе к успеху»"),
    ('МБОУ "СОШ "Лидер', "МБОУ «СОШ „Лидер“»"),
])
def test_an_unclosed_quote_closes_within_its_value(text, expected):
    assert typograph(text) == expected


def test_a_closed_value_cannot_spoil_the_sentence_it_goes_into():
    value = typograph('за участие в конкурсе "Наставник года')
    sentence = typograph(f"Объявить благодарность {value} Кравченко О.В. и Власовой Е.Н. (МБОУ «СОШ № 12»).")
    assert sentence.endswith(f"(МБОУ «СОШ{NB}№{NB}12»).")
    assert sentence.count("«") == sentence.count("»")


def test_soft_hyphens_break_long_words_at_syllables():
    text = soft_hyphens("традиционное наставничество, доп. соглашение")
    assert text.replace(SOFT_HYPHEN, "") == "традиционное наставничество, доп. соглашение"
    assert f"на{SOFT_HYPHEN}став{SOFT_HYPHEN}ни" in text
    assert "доп." in text and f"со{SOFT_HYPHEN}гла" in text
    # short words stay whole; a second pass changes nothing
    assert soft_hyphens("учитель – учитель") == "учитель – учитель"
    assert soft_hyphens(text) == text
    # a compound keeps its own hyphen and is hyphenated piece by piece
    assert soft_hyphens("флэш-наставничество").startswith("флэш-на" + SOFT_HYPHEN)
