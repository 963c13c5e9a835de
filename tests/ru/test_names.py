"""Full names in cases against a hand-checked table (tests/ru/data/names.tsv)."""

from __future__ import annotations

import pytest
from ru_tables import read_table

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.models import Case, Gender, Person
from nastavnik_docs.ru import decline_name, detect_gender, initials_name, short_name

NB = "\u00a0"
CASES = ("genitive", "dative", "accusative", "instrumental")
NAMES = read_table("names.tsv")


def _failures(gender_given: bool) -> list[str]:
    failures = []
    for row in NAMES:
        gender = row["gender"] if gender_given else None
        for case in CASES:
            try:
                got = decline_name(row["name"], case, gender)
            except GrammarError as error:
                got = f"GrammarError: {error}"
            if got != row[case]:
                failures.append(f"{row['name']} ({row['class']}, {case}): {got!r} != {row[case]!r}")
    return failures


def _accuracy(failures: list[str]) -> float:
    wrong_names = {f.split(" (")[0] for f in failures}
    return 1 - len(wrong_names) / len(NAMES)


def test_table_is_large_and_covers_every_class():
    assert len(NAMES) >= 100
    classes = {row["class"] for row in NAMES}
    assert {"regular", "yo", "double", "indeclinable", "turkic", "caps", "exception",
            "foreign"} <= classes
    assert {row["gender"] for row in NAMES} == {"м", "ж"}


def test_accuracy_with_gender_given():
    failures = _failures(gender_given=True)
    assert _accuracy(failures) >= 0.99, "\n".join(failures)


def test_accuracy_with_gender_detected():
    failures = _failures(gender_given=False)
    assert _accuracy(failures) >= 0.98, "\n".join(failures)


@pytest.mark.parametrize("row", NAMES, ids=[r["name"] for r in NAMES])
def test_detect_gender(row):
    assert detect_gender(row["name"]) is Gender(row["gender"])


@pytest.mark.parametrize(
    "name, case, gender, expected",
    [
        ("Иванова Мария Петровна", Case.DATIVE, Gender.FEMALE, "Ивановой Марии Петровне"),
        ("Иванова Мария Петровна", "dative", "f", "Ивановой Марии Петровне"),
        ("Иванова Мария Петровна", "дательный", "ж", "Ивановой Марии Петровне"),
        ("Иванова Мария Петровна", "datv", "female", "Ивановой Марии Петровне"),
        ("Ковальчук Саша", "dative", "м", "Ковальчуку Саше"),
        ("Ковальчук Саша", "dative", "ж", "Ковальчук Саше"),
        # Mixed capitalisation is kept as written.
        ("МакКуин Стив", "genitive", "м", "МакКуина Стива"),
        ("иванов иван", "dative", "м", "иванову ивану"),
    ],
)
def test_decline_name_arguments(name, case, gender, expected):
    assert decline_name(name, case, gender) == expected


def test_yo_option_writes_e():
    assert decline_name("Семёнов Пётр Семёнович", "dative", yo=False) == "Семенову Петру Семеновичу"
    assert decline_name("Семёнов Пётр Семёнович", "dative") == "Семёнову Петру Семёновичу"


def test_person_overrides_win_and_gender_from_the_data():
    person = Person(
        last_name="Нгуен", first_name="Тхи", middle_name=None, gender="ж",
        overrides={Case.INSTRUMENTAL: "Нгуен Тхи Лан"},
    )
    assert decline_name(person, "instrumental") == "Нгуен Тхи Лан"
    assert decline_name(person, "dative") == "Нгуен Тхи"
    assert short_name(person, "instrumental") == f"Нгуен{NB}Т."


@pytest.mark.parametrize(
    "name, case, short, initials",
    [
        ("Иванова Мария Петровна", "genitive", f"Ивановой{NB}М.П.", f"М.П.{NB}Ивановой"),
        ("Мельник Лев Ярославович", "instrumental", f"Мельником{NB}Л.Я.", f"Л.Я.{NB}Мельником"),
        ("Алиев Рашид Мамед оглы", "dative", f"Алиеву{NB}Р.М.", f"Р.М.{NB}Алиеву"),
        ("Гюго Виктор", "nominative", f"Гюго{NB}В.", f"В.{NB}Гюго"),
    ],
)
def test_short_forms(name, case, short, initials):
    assert short_name(name, case) == short
    assert initials_name(name, case) == initials


@pytest.mark.parametrize(
    "name, message",
    [
        ("Ковальчук Саша", "Укажите пол"),
        ("Ли Женя", "Укажите пол"),
        ("Иванова", "Фамилия Имя Отчество"),
    ],
)
def test_undecidable_is_a_clear_russian_error(name, message):
    with pytest.raises(GrammarError, match=message):
        decline_name(name, "dative")


@pytest.mark.parametrize("bad_case", ["дательнейший", "x"])
def test_unknown_case(bad_case):
    with pytest.raises(GrammarError, match="Неизвестный падеж"):
        decline_name("Иванов Иван", bad_case)


def test_unknown_gender():
    with pytest.raises(GrammarError, match="Неизвестный пол"):
        decline_name("Иванов Иван", "dative", "средний")


@pytest.mark.parametrize(
    "part, word, gender, ours",
    [
        ("lastname", "Золя", "male", "Золя"),
        ("lastname", "Гамсахурдия", "male", "Гамсахурдия"),
        ("lastname", "Кузнец", "male", "Кузнеца"),
        ("lastname", "Близнец", "male", "Близнеца"),
        ("firstname", "Адель", "female", "Адели"),
        ("firstname", "Ассоль", "female", "Ассоли"),
        ("firstname", "Гузель", "female", "Гузели"),
        ("firstname", "Айгуль", "female", "Айгули"),
        ("firstname", "Шота", "male", "Шоты"),
    ],
)
def test_every_exception_corrects_pytrovich(part, word, gender, ours):
    """The exceptions table holds only what pytrovich gets wrong (genitive shown)."""
    from pytrovich.enums import Case as PyCase
    from pytrovich.enums import Gender as PyGender
    from pytrovich.enums import NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    from nastavnik_docs.ru._names import decline_part

    plain = PetrovichDeclinationMaker().make(
        getattr(NamePart, part.upper()), getattr(PyGender, gender.upper()), PyCase.GENITIVE, word
    )
    assert plain != ours
    assert decline_part(part, word, Gender(gender), Case.GENITIVE) == ours


@pytest.mark.parametrize(
    "name, case, gender, expected",
    [
        ("Иванова М.П.", "dative", None, f"Ивановой{NB}М.П."),
        ("М.П. Иванова", "instrumental", None, f"М.П.{NB}Ивановой"),
        ("М. П. Иванова", "genitive", None, f"М.П.{NB}Ивановой"),
        ("Мельник Л.Я.", "dative", "м", f"Мельнику{NB}Л.Я."),
        ("Мельник Л.Я.", "dative", "ж", f"Мельник{NB}Л.Я."),
        ("Петров-Водкин К.С.", "instrumental", None, f"Петровым-Водкиным{NB}К.С."),
    ],
)
def test_short_form_strings(name, case, gender, expected):
    assert decline_name(name, case, gender) == expected


def test_short_form_without_gendered_surname_asks_for_gender():
    with pytest.raises(GrammarError, match="«Ковальчук А.И.»"):
        decline_name("Ковальчук А.И.", "dative")
