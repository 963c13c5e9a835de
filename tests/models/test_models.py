from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from nastavnik_docs.models import (
    Case,
    Category,
    Comparison,
    Gender,
    Official,
    Organization,
    Pair,
    PairStatus,
    Participant,
    Person,
    Registry,
    Role,
    Target,
    check_registry,
    find_form,
)


@pytest.mark.parametrize(
    ("enum", "typed", "member"),
    [
        (Gender, "м", Gender.MALE), (Gender, "Муж.", Gender.MALE), (Gender, "ЖЕНСКИЙ", Gender.FEMALE),
        (Gender, "female", Gender.FEMALE), (Role, "наставница", Role.MENTOR),
        (Role, "Наставляемая", Role.MENTEE), (Role, "куратор", Role.CURATOR),
        (Category, "учитель", Category.TEACHER), (Category, "обучающийся", Category.PUPIL),
        (Category, "Студентка", Category.STUDENT), (Category, "представитель работодателя", Category.EMPLOYER),
        (PairStatus, "завершена", PairStatus.COMPLETED), (PairStatus, "прекращена досрочно", PairStatus.ENDED_EARLY),
        (Comparison, "не менее", Comparison.AT_LEAST), (Comparison, "≤", Comparison.AT_MOST),
        (Case, "дательный", Case.DATIVE), (Case, "accusative", Case.ACCUSATIVE),
    ],
)
def test_enums_accept_what_curators_type(enum, typed, member):
    assert enum(typed) is member


def test_unknown_enum_word_is_rejected():
    with pytest.raises(ValueError):
        Gender("оно")


def test_person_derived_forms_use_no_break_spaces():
    p = Person(last_name="Иванова", first_name="Мария", middle_name="Петровна")
    assert p.full_name == "Иванова Мария Петровна"
    assert p.short_name == "Иванова\u00a0М.П."
    assert p.initials_name == "М.П.\u00a0Иванова"
    assert Person(last_name="Смит", first_name="Джон", middle_name=" ").initials == "Д."


def test_age_counts_full_years():
    p = Person(last_name="А", first_name="Б", birth_date=date(2000, 5, 20))
    assert p.age_on(date(2025, 5, 19)) == 24
    assert p.age_on(date(2025, 5, 20)) == 25


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"experience_years": 1, "birth_date": date(1998, 1, 1)}, True),
        ({"experience_years": 5, "birth_date": date(1998, 1, 1)}, False),
        ({"experience_years": 1, "birth_date": date(1980, 1, 1)}, False),
        ({"experience_since": date(2024, 9, 1), "birth_date": date(2001, 3, 3)}, True),
        ({"experience_years": 1}, False),
        ({"experience_years": 1, "birth_date": date(1998, 1, 1), "category": "обучающийся"}, False),
    ],
)
def test_young_specialist_is_derived(fields, expected):
    data = {"id": "t", "last_name": "Котова", "first_name": "Анна", "category": "педагог"} | fields
    assert Participant(**data).is_young_specialist(date(2025, 9, 1)) is expected


def test_experience_given_twice_is_an_error():
    with pytest.raises(ValidationError, match="стаж задан дважды"):
        Participant(id="x", last_name="А", first_name="Б", experience_years=2,
                    experience_since=date(2020, 1, 1))


def _people():
    return [
        Participant(id=str(i), last_name=f"Фамилия{i}", first_name="Имя", category="педагог")
        for i in range(1, 6)
    ]


def test_pair_end_must_follow_start():
    with pytest.raises(ValidationError, match="позже даты начала"):
        Pair(mentor="1", mentees=["2"], form="учитель – учитель", start=date(2025, 9, 1), end=date(2025, 8, 1))


def test_nobody_mentors_themself():
    with pytest.raises(ValidationError, match="наставник не может быть наставляемым"):
        Pair(mentor="1", mentees="1", form="учитель – учитель", start=date(2025, 9, 1))


def test_mentees_split_on_semicolons_and_line_breaks():
    pair = Pair(mentor="1", mentees="2; 3\n4", form="групповое", start=date(2025, 9, 1))
    assert pair.mentees == ["2", "3", "4"] and pair.is_group


def test_registry_rejects_unknown_people_and_overlaps():
    pairs = [
        Pair(mentor="1", mentees=["2"], form="учитель – учитель", start=date(2025, 9, 1), end=date(2026, 5, 31)),
        Pair(mentor="3", mentees=["2"], form="Учитель-учитель", start=date(2025, 10, 1), end=date(2026, 3, 1)),
        Pair(mentor="9", mentees=["4"], form="учитель – учитель", start=date(2025, 9, 1), end=date(2026, 5, 31)),
    ]
    with pytest.raises(ValidationError) as info:
        Registry(participants=_people(), pairs=pairs)
    text = str(info.value)
    assert "пара 2: наставляемый «2» уже состоит в действующей паре 1" in text
    assert "пара 3: нет участника с ID «9»" in text


@pytest.mark.parametrize(("second", "third", "expected"), [
    # a group pair shares one of its mentees with a later pair of the same form and time
    (("1", ["3"], "учитель – учитель", date(2025, 10, 1), date(2026, 3, 1)), None,
     ["пара 2: наставляемый «3» уже состоит в действующей паре 1"]),
    # the same mentee in a pair of another form, or after the first pair ended: no overlap
    (("4", ["3"], "групповое", date(2025, 10, 1), date(2026, 3, 1)),
     ("5", ["2"], "учитель – учитель", date(2026, 6, 1), None), []),
    # the third pair overlaps the first only; the finished second pair overlaps nothing
    (("4", ["2"], "учитель – учитель", date(2025, 9, 1), date(2026, 5, 31), "завершена"),
     ("5", ["2"], "учитель – учитель", date(2026, 1, 1), None),
     ["пара 3: наставляемый «2» уже состоит в действующей паре 1"]),
])
def test_only_mentees_of_two_active_pairs_of_one_form_overlap(second, third, expected):
    def pair(mentor, mentees, form, start, end, status="действующая"):
        return Pair(mentor=mentor, mentees=mentees, form=form, start=start, end=end, status=status)

    pairs = [pair("1", ["2", "3"], "учитель – учитель", date(2025, 9, 1), date(2026, 5, 31)), pair(*second)]
    if third is not None:
        pairs.append(pair(*third))
    lists = Registry(participants=_people(), pairs=[])  # the built-in pair types and formats
    draft = Registry.model_construct(participants=_people(), pairs=pairs, pair_types=lists.pair_types,
                                     formats=lists.formats, max_mentees_per_mentor=None)
    found = [f"пара {p.pair + 1}: {p.message}" for p in check_registry(draft) if p.code == "pair.mentee_overlap"]
    assert [f.split(" той же")[0] for f in found] == expected


def test_max_mentees_per_mentor_is_configurable():
    pairs = [Pair(mentor="1", mentees=["2", "3", "4"], form="групповое", start=date(2025, 9, 1))]
    assert Registry(participants=_people(), pairs=pairs).pairs
    with pytest.raises(ValidationError, match="не более 2"):
        Registry(participants=_people(), pairs=pairs, max_mentees_per_mentor=2)


def test_short_or_long_programme_is_only_a_warning():
    pairs = [Pair(mentor="1", mentees=["2"], form="учитель – учитель", start=date(2025, 9, 1), end=date(2025, 10, 1)),
             Pair(mentor="1", mentees=["3"], form="нестандартная форма", start=date(2025, 9, 1), end=date(2027, 1, 1))]
    registry = Registry(participants=_people(), pairs=pairs)
    warnings = registry.warnings()
    assert any(w.startswith("пара 1: срок программы 1 мес.:") for w in warnings)
    assert any(w.startswith("пара 2: неизвестная форма") for w in warnings)
    assert {p.severity for p in check_registry(registry)} == {"warning"}
    six_weeks = Registry(participants=_people(), pairs=[
        Pair(mentor="1", mentees=["2"], form="учитель – учитель", start=date(2025, 9, 1), end=date(2025, 10, 15))])
    assert "пара 1: срок программы 1,4 мес.: обычно от 3 месяцев до 1 года" in six_weeks.warnings()  # a decimal comma


def test_every_person_with_an_unbelievable_birth_date_is_warned_of_even_when_dates_repeat():
    def person(i, surname, category, born):
        return Participant(id=str(i), last_name=surname, first_name="Анна", category=category, birth_date=born)

    people = [person(1, "Орлова", "обучающийся", date(2012, 3, 1)), person(2, "Белова", "обучающийся", date(2012, 3, 1)),
              person(3, "Котова", "педагог", date(2012, 3, 1)), person(4, "Зуева", "педагог", date(2012, 3, 1)),
              person(5, "Лосева", "обучающийся", date(1970, 1, 1)), person(6, "Сомова", "педагог", date(1970, 1, 1))]
    warned = [w.split(":")[0] for w in Registry(participants=people, pairs=[]).warnings()]
    # the same date is believable for a pupil and not for a teacher: each teacher is named
    assert warned == ["Котова\u00a0А.", "Зуева\u00a0А.", "Лосева\u00a0А."]


def test_roles_come_from_pairs():
    people = _people()
    pairs = [Pair(mentor="1", mentees=["2"], form="учитель – учитель", start=date(2025, 9, 1)),
             Pair(mentor="2", mentees=["3"], form="учитель – ученик", start=date(2025, 9, 1))]
    registry = Registry(participants=people, pairs=pairs)
    assert [p.id for p in registry.mentors()] == ["1", "2"]
    assert [p.id for p in registry.mentees()] == ["2", "3"]


@pytest.mark.parametrize("change", ["none", "appended", "replaced", "draft"])
def test_participants_by_id_follow_the_registrys_lists(change):
    """The index kept since the check, unless the list was resized or replaced (or never checked)."""
    registry = Registry(participants=_people(), pairs=[])
    extra = Participant(id="новый", last_name="Новикова", first_name="Анна", category="педагог")
    if change == "appended":
        registry.participants.append(extra)
    elif change == "replaced":
        object.__setattr__(registry, "participants", [*_people()[:4], extra])
    elif change == "draft":
        registry = Registry.model_construct(participants=[*_people(), extra], pairs=[])
    index = registry.participants_by_id()
    assert index == {p.id: p for p in registry.participants}
    assert ("новый" in index) is (change != "none")


@pytest.mark.parametrize("typed", ["Учитель-учитель", "учитель — учитель", "педагог – педагог", "УЧИТЕЛЬ - УЧИТЕЛЬ"])
def test_forms_match_loosely(typed):
    assert find_form(typed).title == "учитель – учитель"


def test_target_comparison():
    t = Target(indicator="охват педагогов", comparison="не менее", value=Decimal("15"), year=2025)
    assert t.is_met(15) and t.is_met(Decimal("15.5")) and not t.is_met(14.9)


def test_organization_requires_a_head_and_checks_inn():
    head = Official(last_name="Грудцина", first_name="Ольга", middle_name="Михайловна", post="Директор")
    org = Organization(full_name="МБОУ «ИТ-лицей № 24»", short_name="ИТ-лицей № 24", city="Ижевск", head=head)
    assert org.font_name == "Times New Roman"
    with pytest.raises(ValidationError):
        Organization(full_name="x", short_name="x", city="x", head=head, inn="12")
