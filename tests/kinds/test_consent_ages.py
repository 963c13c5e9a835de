"""Every clause of the consents on a 10-year-old, a 15-year-old, a pupil whose birth date is
unknown and an adult (issue 13): who gives the consent and who co-signs, the guardian who
is a trustee (попечитель) from 14, the recipients named in the dative and the transfer kept
apart from entrusted processing (152-ФЗ art. 6 part 3), the categories of Roskomnadzor's
order № 18 with their conditions and the full address of the page, the warning for an
unknown birth date.
"""

from __future__ import annotations

import warnings

import pytest
from read_back import SAMPLES, table, texts

import nastavnik_docs as nd
from nastavnik_docs.io import load_organization
from nastavnik_docs.kinds import DocumentWarning, get_kind

ORG = load_organization(SAMPLES / "organization.yaml").model_dump(mode="json", exclude_none=True)
DAY = "2026-09-10"
PAGE = "https://school12.vologda-edu.example/nastavnichestvo/"
THIRD_PARTIES = [
    {"name": "Управление образования Администрации города Вологды", "address": "160000, г. Вологда, ул. Козленская, д. 8",
     "purpose": "для муниципальной базы наставников"},
    {"name": "Общество с ограниченной ответственностью «Дневник.ру»", "mode": "поручение",
     "purpose": "для ведения электронной базы наставников"},
]


def pupil(birth: str | None, relation: str, **extra) -> dict:
    data = {"id": "X1", "last_name": "Петрова", "first_name": "Ева", "middle_name": "Игоревна", "gender": "ж",
            "category": "обучающийся", "post": "5 «А» класс",
            "representative": {"full_name": "Петрова Ольга Ивановна", "relation": relation}, **extra}
    if birth:
        data["birth_date"] = birth
    return data


ADULT = {"id": "T1", "last_name": "Зорина", "first_name": "Вера", "middle_name": "Павловна", "gender": "ж",
         "birth_date": "1981-02-03", "category": "педагог", "post": "учитель биологии"}

PEOPLE = {
    "10 лет": pupil("2016-03-01", "опекун"),
    "15 лет": pupil("2011-05-20", "опекун"),
    "без даты рождения": pupil(None, "мать"),
    "взрослый": ADULT,
}


def render(kind: str, who: str, tmp_path, **fields) -> tuple[str, list[str]]:
    data = {"organization": ORG, "participant": PEOPLE[who], "date": DAY, **fields}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DocumentWarning)
        out = nd.render(kind, data, tmp_path / f"{kind}.docx")
    said = [str(w.message) for w in caught if issubclass(w.category, DocumentWarning)]
    return "\n".join(texts(out)), said


@pytest.mark.parametrize("who", list(PEOPLE))
def test_who_gives_the_consent_and_who_co_signs(who, tmp_path):
    text, said = render("consent.personal_data", who, tmp_path, third_parties=THIRD_PARTIES)
    if who == "взрослый":
        assert "Я, Зорина Вера Павловна, учитель биологии МБОУ «СОШ № 12»," in text
        assert "законным представителем" not in text and "(подпись обучающ" not in text
        assert "на обработку моих персональных данных" in text and not said
        return
    assert "Я, Петрова Ольга Ивановна," in text and "(подпись законного представителя)" in text
    assert "несовершеннолетней Петровой Евы Игоревны" in text
    if who == "10 лет":
        assert "являясь законным представителем (опекуном)" in text
        assert "документ, удостоверяющий личность ребёнка: свидетельство о рождении," in text
        assert "акт органа опеки и попечительства о назначении опекуна," in text
        assert "в интересах подопечной даю согласие" in text and "персональных данных моей подопечной" in text
        assert "с согласием на" not in text and "(подпись обучающ" not in text and not said
    if who == "15 лет":
        assert "являясь законным представителем (попечителем)" in text  # a guardian is a trustee from 14
        assert "акт органа опеки и попечительства о назначении попечителя," in text
        assert "документ, удостоверяющий личность ребёнка: паспорт гражданина Российской Федерации," in text
        assert ("Я, Петрова Ева Игоревна, достигшая возраста 14 лет, с согласием на обработку персональных данных "
                "ознакомлена и согласна.") in text
        assert "Е.И. Петрова" in text and "(подпись обучающейся)" in text and not said
    if who == "без даты рождения":
        assert "являясь законным представителем (матерью)" in text  # never the adult's own form
        assert "несовершеннолетней Петровой Евы Игоревны, __.__.20__ года рождения," in text
        assert "паспорт гражданина Российской Федерации (до 14 лет – свидетельство о рождении)" in text
        assert ("Я, Петрова Ева Игоревна (если мне исполнилось 14 лет), с согласием на обработку персональных "
                "данных ознакомлена и согласна.") in text
        assert "(подпись обучающейся)" in text
        [warning] = said
        # a message names a person by surname and initials only (nastavnik_docs._privacy)
        assert "Дата рождения участника Петрова\u00a0Е.И. неизвестна" in warning and "Ева" not in warning


@pytest.mark.parametrize(("kind", "phrase"), [("consent.personal_data", "на обработку персональных данных"),
                                              ("consent.publication", "на распространение персональных данных")])
def test_a_guardian_speaks_of_the_ward_in_the_ward_s_gender(kind, phrase, tmp_path):
    extra = {"page": PAGE} if kind == "consent.publication" else {}
    boy = pupil("2011-05-20", "опекун", first_name="Егор", middle_name="Игоревич", last_name="Петров", gender="м")
    text = "\n".join(texts(nd.render(kind, {"organization": ORG, "participant": boy, "date": DAY, **extra},
                                     tmp_path / "boy.docx")))
    assert "в интересах подопечного даю согласие" in text and f"{phrase} моего подопечного" in text
    assert "подопечной" not in text and "(подпись обучающегося)" in text
    assert "Я, Петров Егор Игоревич, достигший возраста 14 лет," in text
    text = "\n".join(texts(nd.render(kind, {"organization": ORG, "participant": PEOPLE["15 лет"], "date": DAY,
                                            **extra}, tmp_path / "girl.docx")))
    assert "в интересах подопечной даю согласие" in text and f"{phrase} моей подопечной" in text
    assert "подопечного" not in text and "(подпись обучающейся)" in text


@pytest.mark.parametrize("who", list(PEOPLE))
def test_recipients_in_the_dative_and_transfer_apart_from_entrusting(who, tmp_path):
    text, _ = render("consent.personal_data", who, tmp_path, third_parties=THIRD_PARTIES)
    transfer = text.index("оператор вправе передавать (предоставлять) персональные данные следующим лицам, "
                          "обрабатывающим их как самостоятельные операторы:")
    entrust = text.index("Оператор вправе поручить обработку персональных данных")
    assert transfer < entrust
    between, after = text[transfer:entrust], text[entrust:]
    assert "Управлению образования Администрации города Вологды (адрес: 160000, г. Вологда, ул. Козленская, д. 8)" \
        in between
    assert "Дневник" not in between and "часть 3 статьи 6" not in between
    assert "(часть 3 статьи 6 Федерального закона № 152-ФЗ)" in after
    assert "Обществу с ограниченной ответственностью «Дневник.ру» – для ведения электронной базы наставников." in after


def test_a_recipient_that_declines_badly_takes_its_own_dative(tmp_path):
    parties = [{"name": "АНО ДПО «Центр»", "name_dative": "автономной некоммерческой организации ДПО «Центр»"}]
    text, _ = render("consent.personal_data", "взрослый", tmp_path, third_parties=parties)
    assert "автономной некоммерческой организации ДПО «Центр»." in text


@pytest.mark.parametrize("who", list(PEOPLE))
def test_publication_follows_the_order_of_roskomnadzor(who, tmp_path):
    text, said = render("consent.publication", who, tmp_path, page=PAGE)
    assert f"официальный сайт МБОУ «СОШ № 12», страница раздела «Наставничество»: {PAGE}" in text
    assert "приказ Роскомнадзора от 24.02.2021 № 18" in text
    _heads, rows = table(tmp_path / "consent.publication.docx", "Условия и запреты")
    categories = [r[1] for r in rows]
    assert set(categories) == {"Персональные данные", "Специальные категории персональных данных",
                               "Биометрические персональные данные"}
    photo = next(r for r in rows if "фотографии" in r[2])
    assert photo[1] == "Персональные данные" and "не используется для установления личности" in photo[2]
    biometric = next(r for r in rows if r[1] == "Биометрические персональные данные")
    assert "используемое для установления личности" in biometric[2] and biometric[3] == "нет" and biometric[4]
    general = [r for r in rows if r[1] == "Персональные данные"]
    assert all(r[3] == "да / нет" for r in general)  # the subject (or the parent) chooses by hand
    co_signs = who in ("15 лет", "без даты рождения")
    assert ("с согласием на распространение персональных данных" in text) is co_signs
    assert ("Контактные данные законного представителя:" in text) is (who != "взрослый")
    assert not [w for w in said if "страниц" in w]


def test_publication_without_the_pages_address_warns_and_leaves_a_line(tmp_path):
    text, said = render("consent.publication", "взрослый", tmp_path)
    assert "страница раздела «Наставничество»: ______" in text
    assert any("Не указан полный адрес страницы" in w for w in said)
    _, said = render("consent.publication", "взрослый", tmp_path / "..", page="https://school12.vologda-edu.example")
    assert any("неполный" in w for w in said)


def test_a_category_outside_the_order_is_refused(tmp_path):
    from nastavnik_docs.errors import InputError

    data = {"organization": ORG, "participant": ADULT, "page": PAGE,
            "items": [{"category": "Контакты", "data": "телефон"}]}
    with pytest.raises(InputError, match="приказа Роскомнадзора № 18"):
        nd.render("consent.publication", data, tmp_path / "x.docx")


def test_an_adult_never_has_a_representative():
    from nastavnik_docs.errors import InputError

    kind = get_kind("consent.personal_data")
    with pytest.raises(InputError, match="совершеннолетний"):
        kind.build_context(nd.load_input(kind, {"organization": ORG, "participant": ADULT, "date": DAY,
                                                 "representative": {"address": "г. Вологда"}}))


@pytest.mark.parametrize(("who", "own", "foreign"), [
    ("15 лет", ["класс, в котором обучается ребёнок", "законного представителя"], ["класс обучения"]),
    ("выпускник", ["класс обучения", "телефон, адрес электронной почты"], ["ребёнок", "законного представителя"]),
])
def test_what_is_processed_fits_who_gives_the_consent(who, own, foreign, tmp_path):
    people = {**PEOPLE, "выпускник": {**pupil("2008-02-10", "мать"), "representative": None, "post": "11 «Б» класс"}}
    data = {"organization": ORG, "participant": people[who], "date": DAY}
    text = "\n".join(texts(nd.render("consent.personal_data", data, tmp_path / "c.docx")))
    listed = text[text.index("Перечень персональных данных"):text.index("Перечень действий")]
    assert all(words in listed for words in own), listed
    assert not any(words in listed for words in foreign), listed
    if who == "выпускник":  # 18 on the day: the pupil signs himself
        assert "Я, Петрова Ева Игоревна, обучающаяся 11 «Б» класса" in text
