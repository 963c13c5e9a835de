"""Labour Code documents of a mentor: the written consent and the supplementary agreement."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import records_from_source
from nastavnik_docs.engine import BLANK
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds._requisites import Act
from nastavnik_docs.kinds.labour.agreement import _named_as

NB = "\u00a0"
CONSENT, AGREEMENT = "labour.mentor_consent", "labour.supplementary_agreement"
PARTIES = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12» ("
SAMPLES = {CONSENT: "labour/mentor_consent.yaml", AGREEMENT: "labour/supplementary_agreement.yaml"}


def sample(kind: str, **changes):
    data = load_input(kind, sample_path(SAMPLES[kind]))
    return data.model_copy(update=changes) if changes else data


def read_back(path: Path) -> list[str]:
    """Paragraphs and cells as a reader types them: no-break spaces as spaces, no soft hyphens."""
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return [p.text.replace(NB, " ").replace("\u00ad", "") for p in doc.paragraphs if p.text] + [
        c.replace(NB, " ") for c in cells]


def render(kind: str, data, folder: Path, name: str = "out") -> list[str]:
    text = read_back(nd.render(kind, data, folder / f"{name}.docx", overwrite=True))
    joined = "\n".join(text)
    for leftover in ("{{", "}}", "{%", "%}", "None"):
        assert leftover not in joined, leftover
    # a None reaching the template prints as exactly BLANK; our own lines are longer or shorter
    assert not re.search(rf"(?<!_){BLANK}(?!_)", joined)
    return text


def paragraph_with(text: list[str], start: str) -> str:
    found = [t for t in text if t.startswith(start)]
    assert len(found) == 1, (start, text)
    return found[0]


# --------------------------------------------------------------------------- consent


def test_consent_is_addressed_to_the_head_from_the_employee(tmp_path):
    text = render(CONSENT, sample(CONSENT), tmp_path)
    assert text[:5] == ["Директору МБОУ «СОШ № 12»", "Л.А. Горбуновой", "от учителя математики",
                        "Сидорук Натальи Ивановны", "Согласие на осуществление наставничества"]
    statement = paragraph_with(text, "Я, Сидорук Наталья Ивановна, учитель математики МБОУ")
    assert "статьёй 351.8 Трудового кодекса Российской Федерации даю согласие на осуществление наставничества" in statement
    assert statement.endswith("в отношении Мамедова Эльдара Рашид оглы, учителя физики и информатики, в форме "
                              "«учитель – учитель» с 1 сентября 2026 г. по 31 мая 2027 г.")
    regulation = paragraph_with(text, "С Положением о системе наставничества")
    assert "утверждённым приказом от 27.08.2026 № 108-о/д, ознакомлена;" in regulation
    pay = paragraph_with(text, "Мне известно")
    assert "3 500,00 руб. (три тысячи пятьсот рублей 00 копеек) в месяц" in pay
    assert "«28» августа 2026 г." in text and "Н.И. Сидорук" in text
    assert "без дополнительной оплаты" not in "\n".join(text)


@pytest.mark.parametrize(("mentor", "sender", "mentees", "acquainted", "pay"), [
    ("У06", ["от учителя истории и обществознания", "Белоусовой Марины Геннадьевны"],
     "в отношении Ткаченко Дарьи Андреевны, учителя английского языка; Гариповой Алсу Ринатовны, "
     "педагога-психолога, и Лебедева Кирилла Андреевича, учителя физической культуры, в групповой форме",
     "ознакомлена", "5 000,00 руб. (пять тысяч рублей 00 копеек)"),
    ("Зайцев Игорь Валентинович", ["от учителя технологии", "Зайцева Игоря Валентиновича"],
     "в отношении Морозовой Варвары Игоревны, обучающейся 9 «В» класса, и Черных Никиты Павловича, "
     "обучающегося 9 «В» класса, в форме «учитель – ученик»", "ознакомлен", None),
    ("Мамедов Э.Р.", ["от учителя физики и информатики", "Мамедова Эльдара Рашид оглы"],
     "в отношении Семёнова Петра Алексеевича, учителя географии, в реверсивной форме "
     "с 1 октября 2026 г. по 31 марта 2027 г.", "ознакомлен", None),
])
def test_consent_of_each_mentor(tmp_path, mentor, sender, mentees, acquainted, pay):
    text = render(CONSENT, sample(CONSENT, mentor=mentor), tmp_path)
    assert text[2:4] == sender
    assert mentees in paragraph_with(text, "Я, ")
    # art. 351.8 only where every mentee is an employee (Зайцев mentors pupils)
    assert ("351.8" in paragraph_with(text, "Я, ")) is (mentor != "Зайцев Игорь Валентинович")
    assert f", {acquainted};" in paragraph_with(text, "С Положением")
    pay_text = paragraph_with(text, "Мне известно")
    if pay:
        assert pay in pay_text
    else:
        assert pay_text == ("Мне известно, что размер доплаты за осуществление наставничества и условия её "
                            "выплаты определяются дополнительным соглашением к трудовому договору.")


def test_consent_for_several_pairs_lists_each(tmp_path):
    data = load_input(CONSENT, {"organization": str(sample_path("organization.yaml")),
                                "registry": str(sample_path("registry.yaml")), "pairs": ["7", "12"],
                                "mentor": "У15"})
    with pytest.raises(InputError) as err:  # a pupil is not an employee
        get_kind(CONSENT).build_context(data)
    assert err.value.problems[0].field == "mentor"
    assert "обучающийся" in str(err.value) and "351.8" in str(err.value)
    registry = data.registry.model_copy(deep=True)
    for pair in registry.pairs:
        if pair.id == "11":
            pair.mentor = "У02"  # Сидорук now mentors pairs 2 and 11
    data = data.model_copy(update={"registry": registry, "pairs": ["2", "11"], "mentor": None})
    text = render(CONSENT, data, tmp_path)
    # a pair of employees and a pair of pupils: art. 351.8 after the pair of employees only
    assert paragraph_with(text, "Я, Сидорук").endswith("в отношении:")
    assert "351.8" not in paragraph_with(text, "Я, Сидорук")
    assert paragraph_with(text, "– Мамедова").endswith("по 31 мая 2027 г. (статья 351.8 Трудового кодекса "
                                                       "Российской Федерации);")
    assert paragraph_with(text, "– Морозовой").endswith("по 25 мая 2027 г.")
    # both pays add up: only pair 2 has an agreement
    assert "3 500,00 руб." in paragraph_with(text, "Мне известно")


def test_consent_without_pay_when_stated_and_blank_date(tmp_path):
    data = sample(CONSENT, unpaid=True, date=None, regulation=None)
    registry = data.registry.model_copy(deep=True)
    registry.pairs[1].mentor_consent_date = None
    text = render(CONSENT, data.model_copy(update={"registry": registry}), tmp_path)
    assert "Наставничество осуществляется мною без дополнительной оплаты." in text
    assert not any("руб." in t for t in text)
    assert "«___» ____________ 20___ г." in text
    regulation = paragraph_with(text, "С Положением")
    assert regulation.startswith("С Положением о системе наставничества МБОУ «СОШ № 12», утверждённым "
                                 "приказом от __.__.20__ № ______, ознакомлена")


def test_consent_pay_from_input_and_explicit_date(tmp_path):
    import datetime as dt

    data = sample(CONSENT, monthly_pay=Decimal("1234.56"), date=dt.date(2026, 8, 29))
    text = render(CONSENT, data, tmp_path)
    assert ("1 234,56 руб. (одна тысяча двести тридцать четыре рубля 56 копеек)"
            in paragraph_with(text, "Мне известно"))
    assert "«29» августа 2026 г." in text
    # a consent names the regulation the employee has read: it cannot be dated before it
    with pytest.raises(InputError) as err:
        get_kind(CONSENT).build_context(sample(CONSENT, date=dt.date(2026, 8, 20)))
    assert err.value.problems[0].field == "date" and "раньше положения" in str(err.value)


# --------------------------------------------------------------------------- agreement


def test_agreement_parties_clauses_pay_and_signatures(tmp_path):
    text = render(AGREEMENT, sample(AGREEMENT), tmp_path)
    assert text[:3] == ["ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № 27", "к трудовому договору от 30.08.2004 № 41",
                        "об осуществлении наставничества"]
    assert "г. Вологда" in text and "31 августа 2026 г." in text
    parties = paragraph_with(text, PARTIES)
    assert "именуемое в дальнейшем «Работодатель», в лице директора Горбуновой Людмилы Анатольевны, действующей на основании Устава" in parties
    assert "и учитель математики Сидорук Наталья Ивановна, именуемая в дальнейшем «Работник»" in parties
    assert "к трудовому договору от 30.08.2004 № 41 (далее – трудовой договор)" in parties
    first = paragraph_with(text, "1. ")
    assert "согласия от 28.08.2026" in first
    assert ("в отношении Мамедова Эльдара Рашид оглы, учителя физики и информатики (далее – наставляемый), "
            "с 1 сентября 2026 г. по 31 мая 2027 г. в форме «учитель – учитель».") in first
    assert paragraph_with(text, "2. ") == "2. При осуществлении наставничества Работник обязан:"
    assert paragraph_with(text, "2.1. ").startswith("2.1. разработать совместно с наставляемым")
    assert paragraph_with(text, "3. ") == "3. Работник имеет право:"
    assert paragraph_with(text, "4. ") == "4. Работодатель обязан:"
    assert paragraph_with(text, "4.2. ").startswith("4.2. обеспечить Работнику условия для наставничества")
    pay = paragraph_with(text, "5. ")
    assert "ежемесячная доплата в размере 3 500,00 руб. (три тысячи пятьсот рублей 00 копеек)" in pay
    assert "за период наставничества с 1 сентября 2026 г. по 31 мая 2027 г." in pay
    # either party may end it early on three working days' written notice (not «only by agreement»)
    assert paragraph_with(text, "6. ") == (
        "6. Наставничество и выплата доплаты прекращаются по окончании срока наставничества, а также при "
        "прекращении трудового договора с наставляемым. Каждая из Сторон вправе досрочно прекратить "
        "наставничество: Работник – отказавшись от его осуществления, Работодатель – отменив поручение "
        "о нём, предупредив об этом другую Сторону в письменной форме не позднее чем за три рабочих дня. "
        "Доплата выплачивается по день прекращения наставничества.")
    assert "по соглашению Сторон" not in "\n".join(text)
    assert any("остаются неизменными" in t for t in text)
    assert any("в двух экземплярах" in t for t in text)
    assert paragraph_with(text, "9. ").endswith("применяется к отношениям Сторон с 1 сентября 2026 г.")
    assert "Директор" in text  # the post alone: the employer is named in the lines above
    assert ".." not in "\n".join(text)
    assert "Работодатель" in text and "Работник" in text
    assert "ИНН 3525000012, ОГРН 1023500000012" in text
    assert "________________ Л.А. Горбунова" in text and "________________ Н.И. Сидорук" in text
    assert "Экземпляр дополнительного соглашения получила:" in text


def test_agreement_blanks_for_missing_contract_and_custom_lists(tmp_path):
    data = sample(AGREEMENT, contract=None, duties=["вести дневник наставника"], rights=["брать отгул"],
                  employee_requisites=["Паспорт: серия 1900 № 123456"], number=None, date=None,
                  regulation=Act(title="Положение о наставничестве МБОУ «СОШ № 12»", number="108-о/д"))
    text = render(AGREEMENT, data, tmp_path)
    blank_ref = "от __.__.20__ № ______"
    assert text[:2] == ["ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № 27", f"к трудовому договору {blank_ref}"]
    assert f"к трудовому договору {blank_ref} (далее" in paragraph_with(text, PARTIES)
    assert ("статьёй 351.8 Трудового кодекса Российской Федерации и Положением о наставничестве МБОУ «СОШ № 12», "
            "утверждённым приказом от __.__.20__ № 108-о/д, наряду с работой") in paragraph_with(text, "1. ")
    assert paragraph_with(text, "2.1. ") == "2.1. вести дневник наставника."
    assert paragraph_with(text, "3.1. ") == "3.1. брать отгул."
    assert "Паспорт: серия 1900 № 123456" in text


@pytest.mark.parametrize(("pair", "employee", "mentees", "pay", "received"), [
    ("1", "учитель русского языка и литературы Кравченко Ольга Викторовна",
     "Соколовой-Мельниковой Анны Сергеевны, учителя начальных классов (далее – наставляемый)",
     "3 000,00 руб. (три тысячи рублей 00 копеек)", "получила"),
    ("3", "учитель истории и обществознания Белоусова Марина Геннадьевна",
     "Ткаченко Дарьи Андреевны, учителя английского языка; Гариповой Алсу Ринатовны, педагога-психолога, "
     "и Лебедева Кирилла Андреевича, учителя физической культуры (далее – наставляемые, каждый из них – "
     "наставляемый)", "5 000,00 руб. (пять тысяч рублей 00 копеек)", "получила"),
])
def test_agreement_of_each_pair(tmp_path, pair, employee, mentees, pay, received):
    data = sample(AGREEMENT, pair=pair)
    if pair == "1":  # last year's pair: its agreement cites last year's regulation
        data = data.model_copy(update={"regulation": data.regulation.model_copy(update={
            "date": date(2025, 8, 27), "number": "96-о/д"})})
    text = render(AGREEMENT, data, tmp_path)
    assert f"и {employee}, именуемая" in paragraph_with(text, PARTIES)
    assert mentees in paragraph_with(text, "1. ")
    assert pay in paragraph_with(text, "5. ")
    assert f"Экземпляр дополнительного соглашения {received}:" in text


@pytest.mark.parametrize(("name", "word"), [
    ("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»", "именуемое"),
    ("Автономная некоммерческая организация «Школа будущего»", "именуемая"),
    ("Центр психолого-педагогической, медицинской и социальной помощи", "именуемый"),
    ("Гимназия № 1", "именуемая"),
    ("Лицей № 24", "именуемый"),
])
def test_employer_is_named_in_the_gender_of_its_kind(name, word):
    assert _named_as(name) == word


def test_agreement_with_a_male_head_and_employee(tmp_path):
    data = sample(AGREEMENT)
    org = data.organization.model_copy(update={"head": data.organization.head.model_copy(update={
        "last_name": "Жуков", "first_name": "Павел", "middle_name": "Сергеевич", "gender": None,
        "post": "И.о. директора"})})
    registry = data.registry.model_copy(deep=True)
    registry.pairs[1].mentor = "У12"  # Зайцев Игорь Валентинович, учитель технологии
    registry.pairs[1].mentees = ["У05"]
    text = render(AGREEMENT, data.model_copy(update={"organization": org, "registry": registry}), tmp_path)
    parties = paragraph_with(text, PARTIES)
    assert "в лице и.о. директора Жукова Павла Сергеевича, действующего на основании Устава" in parties
    assert "и учитель технологии Зайцев Игорь Валентинович, именуемый в дальнейшем «Работник»" in parties
    assert "Экземпляр дополнительного соглашения получил:" in text
    assert paragraph_with(text, "6. ").startswith("6. Наставничество и выплата доплаты прекращаются по окончании "
                                                  "срока наставничества, а также при прекращении трудового договора "
                                                  "с наставляемым.")
    assert "И.о. директора" in text


# --------------------------------------------------------------------------- errors


def _registry_with_pupil_agreement(data):
    registry = data.registry.model_copy(deep=True)
    pair = next(p for p in registry.pairs if p.id == "12")
    pair.agreement = registry.pairs[1].agreement.model_copy()
    return registry


@pytest.mark.parametrize(("kind", "changes", "field", "words"), [
    (AGREEMENT, {"pair": "4"}, "monthly_pay", "не указана доплата"),
    (AGREEMENT, {"pair": "99"}, "pair", "в базе нет пары"),
    (AGREEMENT, {"pair": "12"}, "pair", "обучающийся, а не работник"),
    (AGREEMENT, {"pair": "9"}, "pair", "представитель работодателя, а не работник"),
    (AGREEMENT, {"mentor": "У06"}, "mentor", "наставник — Сидорук\u00a0Н.И."),
    (CONSENT, {"mentor": "Пушкин А.С."}, "mentor", "в базе нет участника"),
    (CONSENT, {"mentor": "У14"}, "mentor", "представитель работодателя, а не работник"),
    (CONSENT, {"mentor": "У10"}, "mentor", "не наставник ни в одной паре"),
    (CONSENT, {"mentor": None, "pairs": ["2", "3"]}, "pairs", "разные наставники"),
])
def test_bad_input_is_a_russian_error_naming_the_field(kind, changes, field, words):
    data = sample(kind, **changes)
    if changes.get("pair") == "12":
        data = data.model_copy(update={"registry": _registry_with_pupil_agreement(data)})
    with pytest.raises(InputError) as err:
        get_kind(kind).build_context(data)
    problem = err.value.problems[0]
    assert problem.field == field
    assert words in problem.message


def test_unpaid_and_pay_together_are_refused():
    raw = {"organization": str(sample_path("organization.yaml")), "registry": str(sample_path("registry.yaml")),
           "mentor": "У02", "unpaid": True, "monthly_pay": 1000}
    with pytest.raises(InputError, match="без дополнительной оплаты"):
        load_input(CONSENT, raw)
    with pytest.raises(InputError, match="mentor"):
        load_input(CONSENT, {**raw, "mentor": None, "unpaid": False, "monthly_pay": None})


# --------------------------------------------------------------------------- batches


@pytest.mark.parametrize(("kind", "names", "checks"), [
    (CONSENT, ["Сидорук Наталья Ивановна", "Белоусова Марина Геннадьевна", "Мамедов Эльдар Рашид оглы",
               "Орлова Светлана Борисовна", "Соколова-Мельникова Анна Сергеевна", "Зайцев Игорь Валентинович"],
     "Согласие на осуществление наставничества"),
    (AGREEMENT, ["Сидорук Наталья Ивановна", "Белоусова Марина Геннадьевна"],
     "об осуществлении наставничества"),
])
def test_batch_over_the_sample_registry_writes_one_file_each(tmp_path, kind, names, checks):
    records = records_from_source(kind, sample_path("registry.yaml"), common=sample_path("labour/common.yaml"))
    report = nd.render_batch(kind, records, tmp_path / "out")
    assert not report.failed
    assert sorted(p.name for p in report.written) == sorted(f"{n}.docx" for n in names)
    for path, name in ((tmp_path / "out" / f"{n}.docx", n) for n in names):
        text = read_back(path)
        assert checks in text
        joined = "\n".join(text)
        assert "{{" not in joined and "None" not in joined
        last, first, *_ = name.split()
        initials_name = f"{first[0]}."  # the signature decodes the employee's own name
        assert any(t.endswith(f" {last}") and t.startswith(initials_name) for t in text), name



def test_agreement_for_pupils_as_mentees(tmp_path):
    data = sample(AGREEMENT, pair="11")
    registry = data.registry.model_copy(deep=True)
    pair = next(p for p in registry.pairs if p.id == "11")
    pair.agreement = {"number": "31", "date": "2026-09-20", "monthly_pay": "2500.50"}
    text = render(AGREEMENT, data.model_copy(update={"registry": registry}), tmp_path)
    assert text[0] == "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № 31"
    first = paragraph_with(text, "1. ")
    assert ("в отношении Морозовой Варвары Игоревны, обучающейся 9 «В» класса, и Черных Никиты Павловича, "
            "обучающегося 9 «В» класса (далее – наставляемые, каждый из них – наставляемый)") in first
    # pupils are not employees: art. 351.8 is not cited; the agreement rests on the regulation
    assert "351.8" not in "\n".join(text)
    assert "в соответствии с Положением о системе наставничества" in first
    assert "предупредив об этом другую Сторону в письменной форме не позднее чем за три рабочих дня" in \
        paragraph_with(text, "6. ")
    assert ("2 500,50 руб. (две тысячи пятьсот рублей 50 копеек)" in paragraph_with(text, "5. "))
    # signed after the mentoring began: in force from signing, no retroactive date
    assert paragraph_with(text, "9. ") == "9. Настоящее соглашение вступает в силу со дня его подписания Сторонами."


def test_people_are_in_the_context_for_own_templates():
    consent = get_kind(CONSENT).build_context(sample(CONSENT))
    assert consent.mentor.dative == "Сидорук Наталье Ивановне"
    assert consent.head.post.dative == "Директору МБОУ «СОШ № 12»"  # typographed only when placed
    agreement = get_kind(AGREEMENT).build_context(sample(AGREEMENT))
    assert agreement.employee.instrumental == "Сидорук Натальей Ивановной"
    assert agreement.signer.short_genitive == f"Горбуновой{NB}Л.А."
