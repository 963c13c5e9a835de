"""Consents (``nastavnik_docs.kinds.consents``): every sample rendered and read back.

The 152-ФЗ items of the consents, the names in their cases, blanks instead of missing
passport data, the legal representative of a minor, the batch of consents, and bad inputs
reported in Russian with the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, Pt
from read_back import (
    NBSP,
    REGISTRY,
    SAMPLES,
    assert_bad_input,
    assert_content,
    assert_templates_check,
    plain,
    render_samples,
    sample_data,
    table,
    texts,
    write_input,
)

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs.kinds import DocumentWarning, get_kind
from nastavnik_docs.models import Participant
from nastavnik_docs.ru import BLANK_DATE_LONG

KINDS = ["consent.personal_data", "consent.publication"]

#: (kind, sample) → the title lines and phrases the document must hold.
EXPECTED: dict[tuple[str, str], list[str]] = {
    ("consent.personal_data", "forms/consent_personal_data.yaml"): [
        "СОГЛАСИЕ", "на обработку персональных данных участника программы наставничества",
        "Я, Кузнецов Максим Олегович,",
        "являясь законным представителем (отцом) несовершеннолетней Кузнецовой Софьи Максимовны, "
        "19.08.2013 года рождения, обучающейся 7 «Б» класса МБОУ «СОШ № 12»,",
        "документ, удостоверяющий личность ребёнка: свидетельство о рождении,\nсерия I-ОД № 512347, выдано "
        "отделом ЗАГС по г. Вологде Управления ЗАГС Вологодской области,\nдата выдачи «27» августа 2013 г.,",
        "документ, подтверждающий полномочия законного представителя: свидетельство о рождении "
        "ребёнка (реквизиты указаны выше),",
        "свободно, своей волей и в интересах ребёнка даю согласие Муниципальному бюджетному "
        "общеобразовательному учреждению «Средняя общеобразовательная школа № 12»",
        "на обработку персональных данных моего ребёнка",
        "оператор вправе передавать (предоставлять) персональные данные следующим лицам, обрабатывающим их как "
        "самостоятельные операторы:",
        "Управлению образования Администрации города Вологды (адрес: 160000, г. Вологда",
        "(подпись законного представителя)", "М.О. Кузнецов", "Я ознакомлен с правами",
    ],
    ("consent.personal_data", "forms/consent_personal_data_teacher.yaml"): [
        "СОГЛАСИЕ", "Я, Сидорук Наталья Ивановна, учитель математики МБОУ «СОШ № 12»,",
        "на обработку моих персональных данных", "в своём интересе",
        "должность, педагогический стаж", "«26» августа 2026 г.", "Н.И. Сидорук",
        "Я ознакомлена с правами",
    ],
    ("consent.publication", "forms/consent_publication.yaml"): [
        "СОГЛАСИЕ",
        "на обработку персональных данных, разрешённых субъектом персональных данных для распространения",
        "Я, Кравченко Ольга Викторовна, учитель русского языка и литературы МБОУ «СОШ № 12»,",
        "в соответствии со статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ",
        "на распространение моих персональных данных в целях",
        "раздела «Наставничество»", "адрес электронной почты: kravchenko.ov@school12.example",
        "Категория персональных данных", "Условия и запреты", "Биометрические персональные данные",
        "приказ Роскомнадзора от 24.02.2021 № 18",
        "страница раздела «Наставничество»: https://school12.vologda-edu.example/nastavnichestvo/",
        "только на странице раздела «Наставничество» сайта",
        "Распространение персональных данных прекращается в любое время по моему требованию.",
        "Действие согласия прекращается с момента поступления требования оператору.",
        "Согласие действует с даты подписания на период участия в программе наставничества МБОУ "
        "«СОШ № 12» и в течение одного года после его окончания, если ранее оператору не поступит "
        "требование о прекращении распространения.",
        "«1» сентября 2026 г.", "О.В. Кравченко",
    ],
}

#: What art. 9 part 4 of 152-ФЗ requires, as it reads in the consents of the sample school.
LAW_ITEMS = {
    "operator": "(МБОУ «СОШ № 12»; ИНН 3525000012; ОГРН 1023500000012; адрес: 160012, Вологодская "
                "область, г. Вологда, ул. Преображенского, д. 24; далее – оператор)",
    "purpose": "Цели обработки персональных данных:",
    "purpose_fsn": "сведений для форм федерального статистического наблюдения",
    "purpose_base": "формирование и ведение базы наставников и базы наставляемых",
    "data": "Перечень персональных данных, на обработку которых даётся согласие:",
    "actions": "Перечень действий с персональными данными: сбор, запись, систематизация",
    "methods": "с использованием средств автоматизации",
    "period": "Согласие действует с даты подписания",
    "withdrawal": "Согласие может быть отозвано в любое время письменным заявлением",
    "address": "адрес места жительства:",
    "document": "документ, удостоверяющий личность:",
    "law": "в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], Path]:
    return render_samples(tmp_path_factory.mktemp("consents"), list(EXPECTED))


def test_the_kinds_are_in_the_catalogue():
    for kind_id in KINDS:
        kind = get_kind(kind_id)
        assert kind.family == "Согласия и списки" and kind.output_name
        assert kind.docx == kind_id.replace(".", "_") + ".docx"
        assert all((kind_id, sample) in EXPECTED for sample in kind.samples)
    assert get_kind("consent.personal_data").demo_batch.common == "forms/consent_common.yaml"


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda k: f"{k[0]}-{Path(k[1]).stem}")
def test_content_and_no_leftovers(rendered, key):
    assert_content(rendered[key], EXPECTED[key])


@pytest.mark.parametrize("sample", get_kind("consent.personal_data").samples)
def test_consent_has_every_item_of_article_9(rendered, sample):
    joined = "\n".join(texts(rendered[("consent.personal_data", sample)]))
    for name, phrase in LAW_ITEMS.items():
        assert phrase in joined, name
    signer = "М.О. Кузнецов" if "teacher" not in sample else "Н.И. Сидорук"
    assert signer in joined and "(расшифровка подписи)" in joined


def test_publication_consent_is_a_separate_document_by_article_10_1(rendered):
    path = rendered[("consent.publication", "forms/consent_publication.yaml")]
    joined = "\n".join(texts(path))
    assert "статьёй 10.1" in joined and "статьёй 9 " not in joined
    heads, rows = table(path, "Условия и запреты")
    assert heads[:3] == ["№ п/п", "Категория персональных данных", "Перечень персональных данных"]
    assert [r[3] for r in rows] == ["да", "да", "да", "да", "да", "нет", "нет", "нет"]
    assert rows[0][2] == "фамилия, имя, отчество"
    assert "Информационные ресурсы оператора" in joined
    assert "страница раздела «Наставничество»: https://school12.vologda-edu.example/nastavnichestvo/" in joined


def test_publication_consent_for_a_minor_leaves_the_choices_to_the_parent(tmp_path):
    data = sample_data("forms/consent_publication.yaml")
    data.update(participant="У20")
    for key in ("items", "resources", "date"):
        data.pop(key)
    with pytest.warns(DocumentWarning, match="Не указан полный адрес страницы сайта"):  # the curator is told
        out = nd.render("consent.publication", write_input(tmp_path, data), tmp_path / "p.docx")
    joined = "\n".join(texts(out))
    assert "Я, Павлюк Наталья Геннадьевна," in joined
    assert "несовершеннолетней Павлюк Ксении Андреевны" in joined
    assert "на распространение персональных данных моего ребёнка" in joined
    assert "Контактные данные законного представителя:" in joined
    assert "адрес электронной почты: pavlyuk.ng@mail.example." in joined
    assert ("официальный сайт МБОУ «СОШ № 12» (https://school12.vologda-edu.example), страница раздела "
            "«Наставничество»: ________") in joined  # no page given: a line for its full address
    _heads, rows = table(out, "Условия и запреты")
    general = [r for r in rows if r[1] == "Персональные данные"]
    assert general and all(r[3] == "да / нет" for r in general)
    assert [r[3] for r in rows if r[1] != "Персональные данные"] == ["нет", "нет"]
    assert "класс" in [r[2] for r in rows]
    assert "Н.Г. Павлюк" in joined and "(подпись законного представителя)" in joined


def test_missing_passport_data_prints_blanks_never_invented(rendered):
    joined = "\n".join(texts(rendered[("consent.personal_data", "forms/consent_personal_data_teacher.yaml")]))
    assert "\nадрес места жительства: ____________" in joined
    assert "документ, удостоверяющий личность: паспорт гражданина Российской Федерации,\n" in joined
    assert "\nсерия ______ № ____________, выдан ____________" in joined
    assert "\nдата выдачи «___» ____________ 20___ г.,\n" in joined
    assert "None" not in joined and "код подразделения" not in joined


def test_given_passport_data_is_printed(tmp_path):
    data = sample_data("forms/consent_personal_data_teacher.yaml")
    data.update(address="160000, г. Вологда, ул. Мира, д. 5, кв. 3",
                document={"series": "1909", "number": "654321", "issued_by": "УМВД России по Вологодской области",
                          "issue_date": "2019-03-12", "division_code": "350-001"})
    out = nd.render("consent.personal_data", write_input(tmp_path, data), tmp_path / "c.docx")
    joined = "\n".join(texts(out))
    assert "адрес места жительства: 160000, г. Вологда, ул. Мира, д. 5, кв. 3," in joined
    assert "серия 1909 № 654321, выдан УМВД России по Вологодской области,\n" in joined
    assert "\nдата выдачи «12» марта 2019 г., код подразделения 350-001,\n" in joined
    assert "______ №" not in joined


def test_unsigned_consent_has_a_blank_date(rendered):
    joined = "\n".join(texts(rendered[("consent.personal_data", "forms/consent_personal_data.yaml")]))
    assert BLANK_DATE_LONG.replace(NBSP, " ") in joined


@pytest.mark.parametrize("pid, signer, phrases", [
    ("У15", "Я, Иванова Татьяна Сергеевна,",
     ["являясь законным представителем (матерью) несовершеннолетнего Иванова Артёма Дмитриевича, "
      "03.04.2009 года рождения, обучающегося 11 «А» класса", "паспорт гражданина Российской Федерации",
      "документ, подтверждающий полномочия законного представителя: свидетельство о рождении ребёнка,\nсерия ______",
      "Т.С. Иванова", "Я ознакомлена"]),
    ("У23", "Я, Соловьёва Ирина Михайловна,",
     ["являясь законным представителем (попечителем) несовершеннолетнего Соловьёва Даниила Романовича",
      "акт органа опеки и попечительства о назначении попечителя,\nсерия ______",
      "в интересах подопечного", "персональных данных моего подопечного"]),
    ("У28", "Я, Тарасов Егор Витальевич,", ["на обработку моих персональных данных", "(подпись)"]),
    ("У14", "Я, Шевчук Андрей Николаевич, инженер-конструктор ООО «Северная инженерная компания»,",
     ["место работы и должность"]),
])
def test_who_signs_and_the_cases(tmp_path, pid, signer, phrases):
    data = sample_data("forms/consent_personal_data_teacher.yaml")
    data.update(participant=pid)
    data.pop("date")
    out = nd.render("consent.personal_data", write_input(tmp_path, data), tmp_path / "c.docx")
    joined = "\n".join(texts(out))
    assert signer in joined
    for phrase in phrases:
        assert phrase in joined, phrase


def test_a_minor_without_a_known_representative_gets_a_line_for_the_name():
    kind = get_kind("consent.personal_data")
    data = load_input(kind, SAMPLES / "forms/consent_personal_data_teacher.yaml")
    child = Participant(id="X1", last_name="Петрова", first_name="Ева", middle_name="Игоревна",
                        birth_date=dt.date(2015, 1, 9), category="обучающийся", post="5 «А» класс")
    context = kind.build_context(data.model_copy(update={"participant": child, "registry": None}))
    lines = [plain(line.text) for line in context.intro]
    assert lines[0].startswith("Я, ______") and lines[0].endswith("_,")
    assert lines[1] == "(фамилия, имя, отчество законного представителя)"
    assert any("несовершеннолетней Петровой Евы Игоревны" in line for line in lines)
    assert "документ, удостоверяющий личность ребёнка: свидетельство о рождении," in lines
    assert context.signer_name.startswith("____")


def test_batch_writes_one_consent_per_participant(tmp_path):
    from nastavnik_docs.batch import records_from_source

    records = records_from_source("consent.personal_data", SAMPLES / "registry.yaml",
                                  common=SAMPLES / "forms/consent_common.yaml")
    report = nd.render_batch("consent.personal_data", records, tmp_path, jobs=1)
    assert not report.failed
    names = sorted(p.name for p in report.written)
    assert len(names) == len(REGISTRY.participants) == 28
    assert "Согласие_Кузнецова_С.М.docx" in names and "Согласие_Кравченко_О.В.docx" in names
    child = "\n".join(texts(tmp_path / "Согласие_Кузнецова_С.М.docx"))
    assert "Я, Кузнецов Максим Олегович," in child
    assert "несовершеннолетней Кузнецовой Софьи Максимовны" in child
    assert "Управлению образования Администрации города Вологды" in child  # from the common fields
    adult = "\n".join(texts(tmp_path / "Согласие_Тарасов_Е.В.docx"))  # 18 by his consent date
    assert "Я, Тарасов Егор Витальевич," in adult and "законным представителем" not in adult


def test_consents_are_printed_at_12_pt_and_registries_landscape(rendered):

    consent = Document(rendered[("consent.personal_data", "forms/consent_personal_data.yaml")])
    assert consent.styles["Normal"].font.size == Pt(12)
    section = consent.sections[0]
    assert section.page_width < section.page_height and abs(section.left_margin - Mm(30)) < Mm(0.5)


@pytest.mark.parametrize("sample, change, words", [
    ("forms/consent_personal_data.yaml", lambda d: d.update(participant="У99"), ["participant", "У99"]),
    ("forms/consent_personal_data.yaml", lambda d: d.pop("registry"), ["registry"]),
    ("forms/consent_personal_data_teacher.yaml", lambda d: d.update(representative={"address": "г. Вологда"}),
     ["representative", "совершеннолетний"]),
    ("forms/consent_publication.yaml", lambda d: d["items"][0].pop("data"), ["data"]),
])
def test_bad_input_is_reported_in_russian(tmp_path, sample, change, words):
    assert_bad_input(tmp_path, sample, change, words)


@pytest.mark.parametrize("kind_id", KINDS)
def test_templates_check_against_the_context(kind_id):
    assert_templates_check(kind_id)
