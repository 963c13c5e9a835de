"""Grammar and typography rules asserted on generated orders, agreements and protocols.

A list of one in the singular; a form named as a form; an apposition closed by a comma before
«и» and after a parenthesis, and in parentheses agreeing with its head; one-letter words and
dashes bound by no-break spaces; quotes resolved within each inserted value.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from read_back import SAMPLES, paragraph_texts, plain, sample_data, texts, write_input

import nastavnik_docs as nd
from nastavnik_docs.kinds import all_kinds

NB = "\u00a0"
MY_KINDS = [k for k in all_kinds() if k.id.startswith(("order.", "protocol.", "labour.", "regulation"))]


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("wording")
    return {k.id: nd.render(k, SAMPLES / k.samples[0], folder / f"{k.id}.docx") for k in MY_KINDS}


# --------------------------------------------------------------------------- one or many


def test_a_one_pair_assign_order_is_in_the_singular(tmp_path):
    data = sample_data("orders/assign_pairs.yaml") | {"pairs": ["2"], "tasks": []}
    out = nd.render("order.assign_pairs", write_input(tmp_path, data), tmp_path / "one.docx")
    lines = texts(out)
    joined = "\n".join(lines)
    assert "О закреплении наставнической пары" in lines
    assert ("1. Закрепить за Сидорук Натальей Ивановной, учителем математики, – Мамедова Эльдара Рашид оглы, "
            "учителя физики и информатики, в форме «учитель – учитель» с 1 сентября 2026 г. по 31 мая 2027 г. "
            "с письменного согласия наставника (сведения о паре – в приложении).") in lines
    assert "Установить доплату наставнику за наставническую деятельность" in joined
    assert "Состав наставнической пары" in lines
    for plural in ("наставниками", "наставнических пар", "пар и групп", "Наставникам:"):
        assert plural not in joined, plural


def test_a_one_group_assign_order_names_the_group(tmp_path):
    data = sample_data("orders/assign_pairs.yaml") | {"pairs": ["3"]}
    lines = texts(nd.render("order.assign_pairs", write_input(tmp_path, data), tmp_path / "group.docx"))
    assert "О закреплении наставнической группы" in lines and "Состав наставнической группы" in lines
    item = next(t for t in lines if t.startswith("1. Закрепить за Белоусовой"))
    assert "Гарипову Алсу Ринатовну, педагога-психолога, и Лебедева Кирилла Андреевича" in item
    assert "в групповой форме" in item and item.endswith("(сведения о группе – в приложении).")


def test_one_mentor_is_appointed_in_the_singular(tmp_path):
    data = sample_data("orders/appoint_mentors.yaml") | {"mentors": ["У02"]}
    lines = texts(nd.render("order.appoint_mentors", write_input(tmp_path, data), tmp_path / "one.docx"))
    assert "О назначении наставника" in lines
    assert ("1. Назначить наставником на 2026/2027 учебный год с её письменного согласия Сидорук Наталью "
            "Ивановну, учителя математики.") in lines
    assert "2. Наставнику:" in lines
    assert any(t.startswith("2.1. совместно с наставляемым (наставляемыми) разработать персонализированную") for t in lines)


def test_one_recommended_form_is_in_the_singular(tmp_path):
    data = sample_data("protocols/mentor_interview.yaml") | {"forms": ["учитель – учитель"]}
    lines = texts(nd.render("protocol.mentor_interview", write_input(tmp_path, data), tmp_path / "one.docx"))
    decision = next(t for t in lines if t.startswith("Включить"))
    assert ("Включить Сидорук Наталью Ивановну, учителя математики, в базу наставников МБОУ «СОШ № 12» "
            "с рекомендуемой формой наставничества «учитель – учитель»") in decision


# --------------------------------------------------------------------------- forms, appositions


#: A format in quotes after «форма» («форма наставничества «групповое»»): a noun phrase
#: that does not agree — the rule names a form as a form instead.
WRONG_FORM = re.compile(r"форм\w*(?: наставничества)?\s*[–-]?\s*«(?:групповое|реверсивное|традиционное|виртуальное|"
                        r"ситуационное|скоростное|краткосрочное)")


def test_no_document_names_a_format_in_quotes_after_form(documents):
    for kind_id, path in documents.items():
        joined = "\n".join(texts(path))
        assert not WRONG_FORM.search(joined), (kind_id, WRONG_FORM.search(joined))


def test_forms_are_named_as_forms_in_orders_and_agreements(documents):
    pairs = "\n".join(texts(documents["order.assign_pairs"]))
    assert "в форме «учитель – учитель»" in pairs and "в групповой форме" in pairs and "в реверсивной форме" in pairs
    model = "\n".join(texts(documents["order.introduce_model"]))
    assert ("Реализовывать наставничество в формах «учитель – учитель», «учитель – ученик», «ученик – ученик», "
            "«студент – ученик» и «работодатель – ученик», а также в групповой и реверсивной формах.") in model


def test_an_apposition_is_closed_before_and_and_after_a_parenthesis(documents, tmp_path):
    pairs = "\n".join(texts(documents["order.assign_pairs"]))
    assert "Гарипову Алсу Ринатовну, педагога-психолога, и Лебедева Кирилла Андреевича" in pairs
    assert "Григорьева Матвея Ильича, обучающегося 5 «Б» класса, и Зуеву Милану Артёмовну" in pairs
    agreement = "\n".join(texts(documents["labour.supplementary_agreement"]))
    assert "учителя физики и информатики (далее – наставляемый), с 1 сентября 2026 г." in agreement
    # an act cited with the order that approved it, before «и»
    assert "утверждённым приказом от 27.08.2026 № 108-о/д, и решением" not in pairs  # no council here
    reward = "\n".join(texts(documents["order.reward"]))
    assert "утверждённым приказом от 27.08.2025 № 96-о/д, и решением педагогического совета" in reward


def test_an_apposition_in_parentheses_takes_the_case_of_its_head(documents):
    council = "\n".join(texts(documents["protocol.council"]))
    assert "2. О дорожной карте (плане мероприятий) по реализации Положения о системе наставничества" in council
    assert "Власова Е.Н. – О проекте дорожной карты (плана мероприятий) по реализации Положения" in council
    assert "Согласовать дорожную карту (план мероприятий)" in council


# --------------------------------------------------------------------------- no-break spaces, quotes


ONE_LETTER_THEN_SPACE = re.compile(r"(?:^|(?<=[\s(«]))[вксоуиаяВКСОУИАЯ] (?=\w)")


def test_one_letter_words_and_dashes_are_bound_in_every_document(documents):
    for kind_id, path in documents.items():
        raw = [t for t in paragraph_texts(Document(path)) if t]
        for text in raw:
            assert not ONE_LETTER_THEN_SPACE.search(text), (kind_id, text)
            assert not re.search(r"\w \u2013 ", text), (kind_id, text)  # «Срок – до»: the dash keeps to its word
    order = "\n".join(paragraph_texts(Document(documents["order.appoint_curator"])))
    assert f"Срок{NB}– до 15{NB}сентября 2026{NB}г." in order
    assert f"В{NB}соответствии с{NB}Федеральным законом" in order


def test_an_unclosed_quote_in_a_field_does_not_spoil_the_sentence(tmp_path):
    data = sample_data("orders/appoint_curator.yaml")
    data["tasks"][0]["text"] = 'разместить материалы конкурса "Наставник года на сайте'
    data["tasks"][0]["deadline"] = "в течение 10 рабочих дней - со дня подписания"
    lines = texts(nd.render("order.appoint_curator", write_input(tmp_path, data), tmp_path / "quote.docx"))
    item = next(t for t in lines if "Наставник года" in t)
    assert item.endswith("разместить материалы конкурса «Наставник года на сайте». "
                         "Срок – в течение 10 рабочих дней – со дня подписания.")
    for text in lines:
        assert text.count("«") == text.count("»"), text


def test_initials_keep_to_their_own_surname(tmp_path):
    data = sample_data("orders/final_event.yaml")
    data["programme"][0]["responsible"] = "Горбунова Л.А. Власова Е.Н."
    out = nd.render("order.final_event", write_input(tmp_path, data), tmp_path / "initials.docx")
    cells = [c.text for t in Document(out).tables for r in t.rows for c in r.cells]
    assert f"Горбунова{NB}Л.А. Власова{NB}Е.Н." in cells


def test_plain_reading_of_the_sample_set_has_no_leftovers(documents):
    for kind_id, path in documents.items():
        joined = "\n".join(texts(path))
        for bad in ("None", "{{", "{%", " ,", ",,", "..", "г..", "форма наставничества «групповое»"):
            assert bad not in joined.replace("...", ""), (kind_id, bad)
        assert plain(joined) == joined
