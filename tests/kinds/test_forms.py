"""Consents, sheets and registries: every kind rendered from its samples and read back.

The documents are read with python-docx / openpyxl: the 152-ФЗ items of the consents, the
names in their cases, blanks instead of missing passport data, the acquaintance sheet
without pupils, the registries listing every mentor and mentee of the sample registry with
their pairs, the batch of consents, and bad inputs reported in Russian with the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Mm
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry
from nastavnik_docs.kinds import all_kinds, get_kind
from nastavnik_docs.models import Category, Participant
from nastavnik_docs.ru import BLANK_DATE_LONG, format_date

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
NBSP = "\u00a0"
REGISTRY = load_registry(SAMPLES / "registry.yaml")

MY_KINDS = ["consent.personal_data", "consent.publication", "sheet.registration",
            "sheet.acquaintance", "registry.mentors", "registry.mentees"]

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
        "Управление образования Администрации города Вологды (адрес: 160000, г. Вологда",
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
        "раздел «Наставничество»", "адрес электронной почты: kravchenko.ov@school12.example",
        "Категория персональных данных", "Условия и запреты", "Изображение",
        "только в разделе «Наставничество» сайта",
        "Распространение персональных данных прекращается в любое время по моему требованию.",
        "Действие согласия прекращается с момента поступления требования оператору.",
        "Согласие действует с даты подписания на период участия в программе наставничества МБОУ "
        "«СОШ № 12» и в течение одного года после его окончания, если ранее оператору не поступит "
        "требование о прекращении распространения.",
        "«1» сентября 2026 г.", "О.В. Кравченко",
    ],
    ("sheet.registration", "forms/registration.yaml"): [
        "ЛИСТ РЕГИСТРАЦИИ", "участников мероприятия",
        "Установочная сессия наставников «Старт программы наставничества 2026/2027»",
        "Дата проведения: 14 сентября 2026 г.", "Время проведения: 15:00",
        "Место проведения: МБОУ «СОШ № 12», методический кабинет (каб. 214)",
        "Фамилия, имя, отчество", "Должность, класс", "Подпись",
        "Ковалёва Марина Игоревна", "Методист Управления образования Администрации города Вологды",
        "Ответственный за регистрацию, заместитель директора по учебно-воспитательной работе",
        "Е.Н. Власова",
    ],
    ("sheet.acquaintance", "forms/acquaintance.yaml"): [
        "ЛИСТ ОЗНАКОМЛЕНИЯ",
        "с Положением о системе наставничества педагогических работников и обучающихся МБОУ "
        "«СОШ № 12», утверждённым приказом директора МБОУ «СОШ № 12» от 27.08.2026 № 108-о/д",
        "Дата ознакомления", "Смирнова Татьяна Олеговна", "Заместитель директора по информатизации",
    ],
    ("registry.mentors", "forms/registry_mentors.yaml"): [
        "УТВЕРЖДЕН", "приказом МБОУ «СОШ № 12»", "от 28.09.2026 № 131-о/д",
        "РЕЕСТР (БАЗА) НАСТАВНИКОВ", "МБОУ «СОШ № 12» на 2026/2027 учебный год",
        "по состоянию на 1 октября 2026 г.", "Всего: 11 наставников",
        "Куратор программы наставничества", "Е.Н. Власова", "28 лет", "22 года",
        "01.09.2025–29.05.2026 (завершена)", "(прекращена досрочно)",
    ],
    ("registry.mentees", "forms/registry_mentees.yaml"): [
        "УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 12»", "Л.А. Горбунова", BLANK_DATE_LONG.replace(NBSP, " "),
        "РЕЕСТР (БАЗА) НАСТАВЛЯЕМЫХ", "Всего: 18 наставляемых", "Молодой специалист",
        "Куратор программы наставничества",
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

PUPILS = [p.full_name for p in REGISTRY.participants if p.category is Category.PUPIL]


def _plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u00ad", "")


def _texts(path: Path) -> list[str]:
    doc = Document(path)
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    for section in doc.sections:
        for header in (section.header, section.first_page_header):
            out.extend(p.text for p in header.paragraphs)
    return [_plain(t) for t in out]


def _table(path: Path, header: str):
    """The table whose header row holds ``header``: its body rows as lists of cell texts."""
    doc = Document(path)
    for table in doc.tables:
        heads = [_plain(c.text) for c in table.rows[0].cells]
        if header in heads:
            return heads, [[_plain(c.text) for c in row.cells] for row in table.rows[1:]]
    raise AssertionError(f"no table with the column «{header}»")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("forms")
    out = {}
    for key in EXPECTED:
        kind, sample = key
        out[key] = nd.render(kind, SAMPLES / sample, folder / f"{kind}-{Path(sample).stem}.docx")
    return out


def _write(tmp_path: Path, data: dict, name: str = "input.yaml") -> Path:
    """A sample changed in a test, with its links made absolute."""
    text = yaml.safe_dump(data, allow_unicode=True)
    text = text.replace("../organization.yaml", str(SAMPLES / "organization.yaml"))
    text = text.replace("../registry.yaml", str(SAMPLES / "registry.yaml"))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _sample(sample: str) -> dict:
    return yaml.safe_load((SAMPLES / sample).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- catalogue


def test_the_kinds_are_in_the_catalogue():
    ids = {k.id for k in all_kinds()}
    assert set(MY_KINDS) <= ids
    for kind_id in MY_KINDS:
        kind = get_kind(kind_id)
        assert kind.family == ("Реестры" if kind_id.startswith("registry.") else "Согласия и списки")
        assert kind.output_name and kind.docx == kind_id.replace(".", "_") + ".docx"
        for sample in kind.samples:
            assert (SAMPLES / sample).is_file()
            assert (kind_id, sample) in EXPECTED
    assert get_kind("registry.mentors").xlsx == "registry_mentors.xlsx"
    assert get_kind("registry.mentees").xlsx == "registry_mentees.xlsx"
    assert get_kind("consent.personal_data").extra["demo_batch"]["common"] == "forms/consent_common.yaml"


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda k: f"{k[0]}-{Path(k[1]).stem}")
def test_content_and_no_leftovers(rendered, key):
    texts = _texts(rendered[key])
    joined = "\n".join(texts)
    for phrase in EXPECTED[key]:
        assert phrase in joined, phrase
    for bad in ("None", "{{", "}}", "{%", "%}", "  ", " ,", ",,", "..", "г.."):
        assert bad not in joined.replace("...", ""), bad
    assert "№ 12" in joined and f"№{NBSP}12" in "\n".join(
        t for p in Document(rendered[key]).paragraphs for t in [p.text])


@pytest.mark.parametrize("sample", get_kind("consent.personal_data").samples)
def test_consent_has_every_item_of_article_9(rendered, sample):
    joined = "\n".join(_texts(rendered[("consent.personal_data", sample)]))
    for name, phrase in LAW_ITEMS.items():
        assert phrase in joined, name
    signer = "М.О. Кузнецов" if "teacher" not in sample else "Н.И. Сидорук"
    assert signer in joined and "(расшифровка подписи)" in joined


def test_publication_consent_is_a_separate_document_by_article_10_1(rendered):
    path = rendered[("consent.publication", "forms/consent_publication.yaml")]
    joined = "\n".join(_texts(path))
    assert "статьёй 10.1" in joined and "статьёй 9 " not in joined
    heads, rows = _table(path, "Условия и запреты")
    assert heads[:3] == ["№ п/п", "Категория персональных данных", "Перечень персональных данных"]
    assert [r[3] for r in rows] == ["да", "да", "да", "да", "да", "нет"]
    assert rows[0][2] == "фамилия, имя, отчество"
    assert "Информационные ресурсы оператора" in joined
    assert "https://school12.vologda-edu.example, раздел «Наставничество»" in joined


def test_publication_consent_for_a_minor_leaves_the_choices_to_the_parent(tmp_path):
    data = _sample("forms/consent_publication.yaml")
    data.update(participant="У20")
    for key in ("items", "resources", "date"):
        data.pop(key)
    out = nd.render("consent.publication", _write(tmp_path, data), tmp_path / "p.docx")
    joined = "\n".join(_texts(out))
    assert "Я, Павлюк Наталья Геннадьевна," in joined
    assert "несовершеннолетней Павлюк Ксении Андреевны" in joined
    assert "на распространение персональных данных моего ребёнка" in joined
    assert "Контактные данные законного представителя:" in joined
    assert "адрес электронной почты: pavlyuk.ng@mail.example." in joined
    assert "официальный сайт МБОУ «СОШ № 12» https://school12.vologda-edu.example, раздел «Наставничество»" in joined
    _heads, rows = _table(out, "Условия и запреты")
    assert rows and all(r[3] == "да / нет" for r in rows)
    assert "класс" in [r[2] for r in rows]
    assert "Н.Г. Павлюк" in joined and "(подпись законного представителя)" in joined


# --------------------------------------------------------------------------- consent grammar and blanks


def test_missing_passport_data_prints_blanks_never_invented(rendered):
    joined = "\n".join(_texts(rendered[("consent.personal_data", "forms/consent_personal_data_teacher.yaml")]))
    assert "\nадрес места жительства: ____________" in joined
    assert "документ, удостоверяющий личность: паспорт гражданина Российской Федерации,\n" in joined
    assert "\nсерия ______ № ____________, выдан ____________" in joined
    assert "\nдата выдачи «___» ____________ 20___ г.,\n" in joined
    assert "None" not in joined and "код подразделения" not in joined


def test_given_passport_data_is_printed(tmp_path):
    data = _sample("forms/consent_personal_data_teacher.yaml")
    data.update(address="160000, г. Вологда, ул. Мира, д. 5, кв. 3",
                document={"series": "1909", "number": "654321", "issued_by": "УМВД России по Вологодской области",
                          "issue_date": "2019-03-12", "division_code": "350-001"})
    out = nd.render("consent.personal_data", _write(tmp_path, data), tmp_path / "c.docx")
    joined = "\n".join(_texts(out))
    assert "адрес места жительства: 160000, г. Вологда, ул. Мира, д. 5, кв. 3," in joined
    assert "серия 1909 № 654321, выдан УМВД России по Вологодской области,\n" in joined
    assert "\nдата выдачи «12» марта 2019 г., код подразделения 350-001,\n" in joined
    assert "______ №" not in joined


def test_unsigned_consent_has_a_blank_date(rendered):
    joined = "\n".join(_texts(rendered[("consent.personal_data", "forms/consent_personal_data.yaml")]))
    assert BLANK_DATE_LONG.replace(NBSP, " ") in joined


@pytest.mark.parametrize("pid, signer, phrases", [
    ("У15", "Я, Иванова Татьяна Сергеевна,",
     ["являясь законным представителем (матерью) несовершеннолетнего Иванова Артёма Дмитриевича, "
      "03.04.2009 года рождения, обучающегося 11 «А» класса", "паспорт гражданина Российской Федерации",
      "документ, подтверждающий полномочия законного представителя: свидетельство о рождении ребёнка,\nсерия ______",
      "Т.С. Иванова", "Я ознакомлена"]),
    ("У23", "Я, Соловьёва Ирина Михайловна,",
     ["являясь законным представителем (опекуном) несовершеннолетнего Соловьёва Даниила Романовича",
      "акт органа опеки и попечительства о назначении опекуна (попечителя),\nсерия ______",
      "в интересах подопечного", "персональных данных моего подопечного"]),
    ("У28", "Я, Тарасов Егор Витальевич,", ["на обработку моих персональных данных", "(подпись)"]),
    ("У14", "Я, Шевчук Андрей Николаевич, инженер-конструктор ООО «Северная инженерная компания»,",
     ["место работы и должность"]),
])
def test_who_signs_and_the_cases(tmp_path, pid, signer, phrases):
    data = _sample("forms/consent_personal_data_teacher.yaml")
    data.update(participant=pid)
    data.pop("date")
    out = nd.render("consent.personal_data", _write(tmp_path, data), tmp_path / "c.docx")
    joined = "\n".join(_texts(out))
    assert signer in joined
    for phrase in phrases:
        assert phrase in joined, phrase


def test_a_minor_without_a_known_representative_gets_a_line_for_the_name():
    kind = get_kind("consent.personal_data")
    data = load_input(kind, SAMPLES / "forms/consent_personal_data_teacher.yaml")
    child = Participant(id="X1", last_name="Петрова", first_name="Ева", middle_name="Игоревна",
                        birth_date=dt.date(2015, 1, 9), category="обучающийся", post="5 «А» класс")
    context = kind.build_context(data.model_copy(update={"participant": child, "registry": None}))
    lines = [_plain(line.text) for line in context.intro]
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
    child = "\n".join(_texts(tmp_path / "Согласие_Кузнецова_С.М.docx"))
    assert "Я, Кузнецов Максим Олегович," in child
    assert "несовершеннолетней Кузнецовой Софьи Максимовны" in child
    assert "Управление образования Администрации города Вологды" in child  # from the common fields
    adult = "\n".join(_texts(tmp_path / "Согласие_Тарасов_Е.В.docx"))  # 18 by his consent date
    assert "Я, Тарасов Егор Витальевич," in adult and "законным представителем" not in adult


# --------------------------------------------------------------------------- sheets


def test_registration_sheet_lists_the_selection(tmp_path, rendered):
    path = rendered[("sheet.registration", "forms/registration.yaml")]
    _heads, rows = _table(path, "Подпись")
    names = [r[1] for r in rows if r[1]]
    expected = sorted({p.full_name for p in REGISTRY.mentors()} | {"Ковалёва Марина Игоревна"},
                      key=lambda n: n.lower().replace("ё", "е"))
    assert names == expected
    assert [r[0] for r in rows] == [f"{i}." for i in range(1, len(expected) + 4)]  # 3 blank rows
    data = _sample("forms/registration.yaml")
    data.update(participants=["У16", "У01"], people=[], blank_rows=0)
    data.pop("responsible")
    data.pop("date")
    out = nd.render("sheet.registration", _write(tmp_path, data), tmp_path / "r.docx")
    _heads, rows = _table(out, "Подпись")
    assert [r[1:3] for r in rows] == [["Кравченко Ольга Викторовна", "Учитель русского языка и литературы"],
                                      ["Кузнецова Софья Максимовна", "7 «Б» класс"]]
    joined = "\n".join(_texts(out))
    assert "Дата проведения: «___» ____________ 20___ г." in joined
    assert "Ответственный за регистрацию" in joined and "____________________" in joined


def test_acquaintance_sheet_is_for_staff_only(rendered):
    path = rendered[("sheet.acquaintance", "forms/acquaintance.yaml")]
    heads, rows = _table(path, "Дата ознакомления")
    assert heads == ["№ п/п", "Фамилия, имя, отчество", "Должность", "Дата ознакомления", "Подпись"]
    names = [r[1] for r in rows if r[1]]
    staff = [p.full_name for p in REGISTRY.participants if p.category in (Category.TEACHER, Category.OTHER)]
    assert set(names) == {*staff, "Смирнова Татьяна Олеговна"}
    assert not set(names) & set(PUPILS)
    joined = "\n".join(_texts(path))
    assert not any(pupil in joined for pupil in PUPILS)
    assert all(r[3] == "" and r[4] == "" for r in rows)  # dated and signed by hand


def test_acquaintance_sheet_drops_pupils_from_a_role_selection():
    kind = get_kind("sheet.acquaintance")
    data = load_input(kind, SAMPLES / "forms/acquaintance.yaml").model_copy(
        update={"participants": "mentees", "people": [], "blank_rows": 0})
    names = [r.name for r in kind.build_context(data).rows]
    assert names and not set(names) & set(PUPILS)
    assert "Мамедов Эльдар Рашид оглы" in names


# --------------------------------------------------------------------------- registries


def _pair_people(kind_id: str) -> dict[str, set[str]]:
    """Participant → the short names of their partners in the sample registry."""
    out: dict[str, set[str]] = {}
    for pair in REGISTRY.pairs:
        mentor = REGISTRY.mentor_of(pair)
        for mentee in REGISTRY.mentees_of(pair):
            if kind_id == "registry.mentors":
                out.setdefault(mentor.full_name, set()).add(mentee.short_name)
            else:
                out.setdefault(mentee.full_name, set()).add(mentor.short_name)
    return out


@pytest.mark.parametrize("kind_id, column", [("registry.mentors", "Наставляемые"),
                                             ("registry.mentees", "Наставник")])
def test_registry_lists_everyone_with_their_pairs(rendered, kind_id, column):
    path = rendered[(kind_id, get_kind(kind_id).samples[0])]
    heads, rows = _table(path, column)
    assert heads[-1] == "Дата согласия на обработку ПД"
    people = _pair_people(kind_id)
    expected = REGISTRY.mentors() if kind_id == "registry.mentors" else REGISTRY.mentees()
    assert [r[1] for r in rows] == [p.full_name for p in expected]
    index = heads.index(column)
    for row in rows:
        for partner in people[row[1]]:
            assert partner.replace(NBSP, " ") in row[index], (row[1], partner)
        person = next(p for p in expected if p.full_name == row[1])
        assert row[-1] == format_date(person.consent_date, "numeric")
    section = Document(path).sections[0]
    assert section.page_width > section.page_height and abs(section.page_width - Mm(297)) < Mm(1)


def test_a_person_in_two_pairs_shows_both_numbered(rendered):
    path = rendered[("registry.mentors", "forms/registry_mentors.yaml")]
    _heads, rows = _table(path, "Наставляемые")
    ivanov = next(r for r in rows if r[1] == "Иванов Артём Дмитриевич")
    assert ivanov[6] == "№ 7: Кузнецова С.М.\n№ 12: Ким А.С."
    assert ivanov[7].startswith("№ 7: 01.10.2025–22.05.2026 (завершена)")
    assert ivanov[4] == "–"  # a pupil has no pedagogical experience


def test_registry_of_active_pairs_only():
    kind = get_kind("registry.mentors")
    data = load_input(kind, SAMPLES / "forms/registry_mentors.yaml").model_copy(update={"include": "active"})
    rows = {r.name: r for r in kind.build_context(data).rows}
    assert rows["Иванов Артём Дмитриевич"].partners == f"Ким{NBSP}А.С."  # pair 7 is completed
    assert rows["Кравченко Ольга Викторовна"].partners == "–"  # a mentor by role without an active pair
    assert all("(завершена)" not in r.periods for r in rows.values())


def test_consents_are_printed_at_12_pt_and_registries_landscape(rendered):
    from docx.shared import Pt

    consent = Document(rendered[("consent.personal_data", "forms/consent_personal_data.yaml")])
    assert consent.styles["Normal"].font.size == Pt(12)
    section = consent.sections[0]
    assert section.page_width < section.page_height and abs(section.left_margin - Mm(30)) < Mm(0.5)


def test_mentees_registry_marks_young_specialists(rendered):
    _heads, rows = _table(rendered[("registry.mentees", "forms/registry_mentees.yaml")], "Молодой специалист")
    young = {r[1]: r[4] for r in rows}
    assert young["Мамедов Эльдар Рашид оглы"] == "да"
    assert young["Семёнов Пётр Алексеевич"] == "нет"
    assert young["Кузнецова Софья Максимовна"] == "–"


@pytest.mark.parametrize("kind_id", ["registry.mentors", "registry.mentees"])
def test_registry_workbook(tmp_path, kind_id):
    kind = get_kind(kind_id)
    out = nd.render(kind_id, SAMPLES / kind.samples[0], tmp_path / "r.xlsx")
    ws = load_workbook(out).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    text = "\n".join(str(v) for row in values for v in row if v is not None)
    for bad in ("{{", "{%", "None"):
        assert bad not in text
    expected = REGISTRY.mentors() if kind_id == "registry.mentors" else REGISTRY.mentees()
    names = [row[1] for row in values if row[0] and str(row[0]).rstrip(".").isdigit()]
    assert names == [p.full_name for p in expected]
    assert "Е.Н. Власова" in text.replace(NBSP, " ")
    assert ws.page_setup.orientation == "landscape"


# --------------------------------------------------------------------------- errors and build


@pytest.mark.parametrize("sample, change, words", [
    ("forms/consent_personal_data.yaml", lambda d: d.update(participant="У99"), ["participant", "У99"]),
    ("forms/consent_personal_data.yaml", lambda d: d.pop("registry"), ["registry"]),
    ("forms/consent_personal_data_teacher.yaml", lambda d: d.update(representative={"address": "г. Вологда"}),
     ["representative", "совершеннолетний"]),
    ("forms/consent_publication.yaml", lambda d: d["items"][0].pop("data"), ["data"]),
    ("forms/registration.yaml", lambda d: d.pop("event"), ["event"]),
    ("forms/registration.yaml", lambda d: d.update(participants=["У01", "У77"]), ["participants[1]", "У77"]),
    ("forms/acquaintance.yaml", lambda d: d.update(participants=["У01", "У16"]),
     ["participants[1]", "Кузнецова Софья Максимовна", "обучающиеся"]),
    ("forms/acquaintance.yaml", lambda d: d.pop("act"), ["act"]),
    ("forms/acquaintance.yaml", lambda d: d["people"].append(
        {"last_name": "Лосева", "first_name": "Ия", "post": "8 «Б» класс", "category": "обучающийся"}),
     ["people[1]", "Лосева Ия", "только работники"]),
    ("forms/acquaintance.yaml", lambda d: d.update(participants=[], people=[], blank_rows=0),
     ["participants", "список пуст"]),
    ("forms/registry_mentors.yaml", lambda d: d.pop("registry"), ["registry"]),
    ("forms/registry_mentees.yaml", lambda d: d.update(curator="У99"), ["curator", "У99"]),
])
def test_bad_input_is_reported_in_russian(tmp_path, sample, change, words):
    data = _sample(sample)
    change(data)
    kind = next(k.id for k in all_kinds() if sample in k.samples)
    with pytest.raises(InputError) as info:
        nd.render(kind, _write(tmp_path, data), tmp_path / "bad.docx")
    message = str(info.value)
    for word in words:
        assert word in message, (word, message)
    assert any("а" <= ch <= "я" for ch in message.lower())
    assert not (tmp_path / "bad.docx").exists()


def test_templates_are_built_by_the_committed_code(tmp_path):
    from tools.build_templates import forms
    from tools.build_templates._compare import differing_parts

    written = forms.build(tmp_path / "docx", tmp_path / "xlsx")
    assert {p.name for p in written} == {
        "consent_personal_data.docx", "consent_publication.docx", "sheet_registration.docx",
        "sheet_acquaintance.docx", "registry_mentors.docx", "registry_mentees.docx",
        "registry_mentors.xlsx", "registry_mentees.xlsx"}
    for path in written:
        committed = ROOT / "templates" / path.suffix.lstrip(".") / path.name
        assert committed.exists(), path.name
        assert differing_parts(committed, path) == [], path.name


@pytest.mark.parametrize("kind_id", MY_KINDS)
def test_templates_check_against_the_context(kind_id):
    kind = get_kind(kind_id)
    for name in filter(None, (kind.docx, kind.xlsx)):
        folder = "docx" if name.endswith(".docx") else "xlsx"
        report = nd.check_template(ROOT / "templates" / folder / name, kind)
        assert report.ok, report.issues
