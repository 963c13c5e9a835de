"""Award kinds: the recipient in the case the verb asks for, a ready-to-sign page."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine import BLANK
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds.awards import AwardRecipient, describe
from nastavnik_docs.models import Category, Gender, Role
from tools.build_templates import awards as builder
from tools.build_templates._compare import differing_parts

KINDS = ["gramota", "thanks", "letter", "certificate", "diploma"]


def render_sample(kind: str, folder: Path, **changes) -> list[str]:
    k = get_kind(f"award.{kind}")
    data = load_input(k, sample_path(f"awards/{kind}.yaml"))
    if changes:
        data = type(data).model_validate({**data.model_dump(), **changes})
    out = nd.render(k, data, folder / f"{kind}.docx")
    doc = Document(str(out))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


@pytest.mark.parametrize("kind", KINDS)
def test_every_award_comes_out_ready_to_sign(kind, tmp_path):
    text = render_sample(kind, tmp_path)
    assert text.count("_" * 14) == 1  # the line to sign on
    joined = "\n".join(t for t in text if t != "_" * 14)
    for leftover in ("{{", "}}", "{%", "%}", "None", BLANK):
        assert leftover not in joined, leftover
    assert "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №\u00a012»" in text
    assert "Директор МБОУ «СОШ\u00a0№\u00a012»" in text and "Л.А.\u00a0Горбунова" in text
    assert "25\u00a0мая 2026\u00a0г." in text
    assert "Приказ от 20.05.2026 №\u00a0112-о" in text
    assert "Вологда\u00a0— 2026" in text
    doc = Document(str(tmp_path / f"{kind}.docx"))
    section = doc.sections[0]
    landscape = kind in ("certificate", "diploma")
    assert (section.orientation == WD_ORIENT.LANDSCAPE) == landscape
    assert section._sectPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgBorders") is not None


def test_gramota_names_the_recipient_in_the_nominative(tmp_path):
    text = render_sample("gramota", tmp_path)
    i = text.index("награждается")
    assert text[i + 1:i + 3] == ["Кравченко Ольга Викторовна", "учитель русского языка и литературы, наставник"]
    assert text[i + 3].startswith("за высокий профессионализм") and text[i + 3].endswith("педагогов.")
    assert "Рег.\u00a0№\u00a015" in text


def test_thanks_is_declared_to_the_recipient_in_the_dative(tmp_path):
    text = render_sample("thanks", tmp_path)
    i = text.index("объявляется")
    assert text[i + 1:i + 3] == ["Мамедову Эльдару Рашид оглы", "учителю физики и информатики, наставляемому"]


def test_letter_addresses_by_name_and_patronymic(tmp_path):
    text = render_sample("letter", tmp_path)
    assert "Уважаемая Наталья Ивановна!" in text
    assert any(t.startswith("Администрация МБОУ «СОШ\u00a0№\u00a012» выражает Вам искреннюю благодарность за ")
               for t in text)


@pytest.mark.parametrize(("recipient", "name", "about", "phrase"), [
    (None, "Беловой Дарье Андреевне", "обучающейся 7\u00a0«Б»\u00a0класса, наставляемой",
     "в том, что она приняла участие"),
    ({"last_name": "Белов", "first_name": "Иван", "middle_name": "Андреевич", "gender": "м",
      "category": "обучающийся", "post": "7 «Б» класс", "role": "наставляемый"},
     "Белову Ивану Андреевичу", "обучающемуся 7\u00a0«Б»\u00a0класса, наставляемому",
     "в том, что он принял участие"),
])
def test_certificate_is_issued_to_the_recipient_in_the_dative(tmp_path, recipient, name, about, phrase):
    text = render_sample("certificate", tmp_path, **({"recipient": recipient} if recipient else {}))
    i = text.index("Настоящий сертификат выдан")
    assert text[i + 1:i + 3] == [name, about]
    assert text[i + 3].startswith(phrase)
    assert "Рег.\u00a0№\u00a02026-041" in text


def test_diploma_prints_the_degree(tmp_path):
    text = render_sample("diploma", tmp_path)
    assert text[text.index("ДИПЛОМ") + 1] == "I степени"
    assert "Осипов Кирилл Андреевич" in text


def test_optional_lines_disappear_when_empty(tmp_path):
    text = render_sample("gramota", tmp_path, number=None, order_number=None, order_date=None)
    assert not any(t.startswith("Приказ") or t.startswith("Рег.") for t in text)
    assert not any(BLANK in t for t in text if t != "_" * 14)


def test_missing_wording_is_chosen_by_the_recipient_and_a_diploma_needs_one():
    kind = get_kind("award.thanks")
    data = load_input(kind, sample_path("awards/thanks.yaml")).model_copy(update={"wording": None})
    assert kind.build_context(data).statement == ("за успешное прохождение программы наставничества и "
                                                  "профессиональный рост.")
    diploma = get_kind("award.diploma")
    data = load_input(diploma, sample_path("awards/diploma.yaml")).model_copy(update={"wording": None})
    with pytest.raises(InputError, match="за что награждается дипломом"):
        diploma.build_context(data)
    cert = get_kind("award.certificate")
    data = load_input(cert, sample_path("awards/certificate.yaml")).model_copy(update={"event": None})
    with pytest.raises(InputError, match="event"):
        cert.build_context(data)


@pytest.mark.parametrize(("person", "nominative", "dative"), [
    ({"post": "учитель математики", "role": Role.MENTOR, "gender": Gender.FEMALE},
     "учитель математики, наставник", "учителю математики, наставнику"),
    ({"post": "11 «А» класс", "category": Category.PUPIL, "role": Role.MENTEE, "gender": Gender.MALE},
     "обучающийся 11\u00a0«А»\u00a0класса, наставляемый", "обучающемуся 11\u00a0«А»\u00a0класса, наставляемому"),
    ({"post": "студентка 3 курса педагогического колледжа", "category": Category.STUDENT,
      "gender": Gender.FEMALE},
     "студентка 3 курса педагогического колледжа", "студентке 3 курса педагогического колледжа"),
    ({"gender": Gender.MALE}, "", ""),
])
def test_description_under_the_name(person, nominative, dative):
    recipient = AwardRecipient(last_name="Иванов", first_name="Иван", **person)
    phrase = describe(recipient, person["gender"])
    assert (phrase.nominative, phrase.dative) == (nominative, dative)


def test_templates_build_reproducibly(tmp_path):
    first = builder.build(tmp_path / "a", tmp_path)
    second = builder.build(tmp_path / "b", tmp_path)
    committed = Path(__file__).resolve().parents[2] / "templates" / "docx"
    for a, b in zip(first, second):
        assert differing_parts(a, b) == []
        assert differing_parts(a, committed / a.name) == []
    with __import__("zipfile").ZipFile(first[0]) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "2025-09-01T09:00:00" in core
