"""The two dimensions of a pair's form: pair type (who mentors whom) and format (how)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from nastavnik_docs.models import (
    DEFAULT_FORMAT,
    FORMATS,
    PAIR_TYPES,
    MentoringForm,
    MentoringFormat,
    Pair,
    PairType,
    Participant,
    Registry,
    Severity,
    check_registry,
    check_year,
    find_format,
    find_pair_type,
    form_dimension,
)

START = date(2026, 9, 1)


def person(pid, category, post=None):
    return Participant(id=pid, last_name=f"Фамилия{pid}", first_name="Имя", category=category, post=post)


def pair(mentor, mentees, **form):
    return Pair(mentor=mentor, mentees=mentees, start=START, end=date(2027, 5, 31), **form)


PEOPLE = [
    person("t1", "педагог", "учитель математики"), person("t2", "педагог", "учитель истории"),
    person("d1", "педагог", "Директор"), person("p1", "обучающийся"), person("p2", "обучающийся"),
    person("s1", "студент"), person("e1", "работодатель"), person("o1", "другое"),
]


def test_both_lists_are_data_with_fixed_codes():
    types = {t.title: t.code for t in PAIR_TYPES}
    formats = {f.title: f.code for f in FORMATS}
    assert types == {"ученик – ученик": "31", "учитель – учитель": "32", "студент – ученик": "33",
                     "работодатель – ученик": "34", "работодатель – студент": "35", "учитель – ученик": "36",
                     "руководитель – учитель": "37"}
    assert formats["традиционное (один на один)"] == "41" and formats["групповое"] == "42"
    assert {"реверсивное", "виртуальное (дистанционное)", "ситуационное", "скоростное", "флэш-наставничество",
            "краткосрочное (целеполагающее)", "долгосрочное"} <= set(formats)
    assert DEFAULT_FORMAT.title == "традиционное (один на один)"
    assert all("Р-145" in (t.source or "") for t in PAIR_TYPES[:5])
    assert all("АЗ-1128/08" in (f.source or "") for f in FORMATS)
    assert set(types).isdisjoint(formats)


@pytest.mark.parametrize(("value", "dimension"), [
    ("учитель – учитель", "pair_type"), ("Учитель-учитель", "pair_type"), ("педагог – педагог", "pair_type"),
    ("групповое", "format"), ("флеш-наставничество", "format"), ("традиционное", "format"),
    ("психолог – ученик", "pair_type"), ("наставничество в проектной команде", "format"),
])
def test_a_one_column_value_goes_to_its_dimension(value, dimension):
    assert form_dimension(value) == dimension
    made = pair("t1", ["t2"], form=value)
    assert (made.pair_type if dimension == "pair_type" else made.format) == value
    assert (made.format if dimension == "pair_type" else made.pair_type) is None
    assert made.form == value  # documents print what the old column said


def test_form_prints_both_dimensions_and_is_not_dumped():
    made = pair("t1", ["t2"], pair_type="учитель – учитель", format="групповое")
    assert made.form == "учитель – учитель, групповое"
    dumped = made.model_dump()
    assert "form" not in dumped and Pair.model_validate(dumped) == made
    assert pair("t1", ["t2"]).form == ""
    registry = Registry(participants=PEOPLE, pairs=[pair("t1", ["t2"]), pair("o1", ["p1"])])
    assert [p.form for p in registry.pairs] == ["учитель – учитель", "традиционное (один на один)"]


def test_the_one_column_form_sets_its_dimension():
    changed = pair("t1", ["t2"], form="реверсивное", format="групповое", pair_type="учитель – учитель")
    assert (changed.pair_type, changed.format, changed.form) == ("учитель – учитель", "реверсивное",
                                                                 "учитель – учитель, реверсивное")
    assert pair("t1", ["t2"], form="групповое", pair_type="учитель – учитель").format == "групповое"
    same = pair("t1", ["t2"], form="учитель – учитель, групповое", pair_type="учитель – учитель", format="групповое")
    assert (same.pair_type, same.format) == ("учитель – учитель", "групповое")  # the printed form is no new value


@pytest.mark.parametrize(("mentor", "mentees", "expected"), [
    ("t1", ["t2"], "учитель – учитель"),
    ("d1", ["t2"], "руководитель – учитель"),
    ("t1", ["p1", "s1"], "учитель – ученик"),
    ("p1", ["p2"], "ученик – ученик"),
    ("s1", ["p1"], "студент – ученик"),
    ("e1", ["p1", "p2"], "работодатель – ученик"),
    ("e1", ["s1"], "работодатель – студент"),
])
def test_pair_type_is_derived_from_the_categories(mentor, mentees, expected):
    registry = Registry(participants=PEOPLE, pairs=[pair(mentor, mentees, format="групповое")])
    made = registry.pairs[0]
    assert registry.pair_type_of(made).title == expected
    assert registry.format_of(made).title == "групповое"
    assert registry.form_text(made) == f"{expected}, групповое"


def test_a_given_type_wins_and_the_default_format_is_one_to_one():
    registry = Registry(participants=PEOPLE, pairs=[pair("t1", ["p1"], pair_type="педагог – обучающийся")])
    made = registry.pairs[0]
    assert registry.pair_type_of(made).title == "учитель – ученик"
    assert registry.format_of(made) is DEFAULT_FORMAT
    assert registry.form_text(made) == "учитель – ученик"


def test_an_underivable_type_is_a_warning():
    registry = Registry(participants=PEOPLE, pairs=[pair("o1", ["p1"])])
    assert registry.pair_type_of(registry.pairs[0]) is None
    (problem,) = check_registry(registry)
    assert (problem.code, problem.severity) == ("pair.type_undetermined", "warning")
    assert "наставник — другое, наставляемые — обучающийся" in problem.message


def test_own_lists_extend_the_built_in_ones_and_derive_too():
    psychologist = PairType(title="психолог – ученик", mentor=("other",), mentees=("pupil",), code="38")
    registry = Registry(participants=PEOPLE, pairs=[pair("o1", ["p1"], format="проектное")],
                        pair_types=[psychologist], formats=[MentoringFormat(title="проектное")])
    made = registry.pairs[0]
    assert registry.pair_type_of(made) is psychologist
    assert registry.format_of(made).title == "проектное"
    assert check_registry(registry) == []


def test_the_old_single_list_is_split_between_the_dimensions():
    registry = Registry(participants=PEOPLE, forms=[MentoringForm(title="психолог – ученик"),
                                                    MentoringForm(title="проектное")],
                        pairs=[pair("o1", ["p1"], form="психолог – ученик"), pair("t1", ["t2"], form="проектное")])
    assert [t.title for t in registry.pair_types] == ["психолог – ученик"]
    assert [f.title for f in registry.formats] == ["проектное"]
    assert registry.forms == [] and check_registry(registry) == []
    assert registry.pair_type_of(registry.pairs[0]).title == "психолог – ученик"
    assert registry.form_of(registry.pairs[1]).title == "проектное"


def test_an_own_type_written_without_a_spaced_dash_is_still_a_type():
    own = PairType(title="тьютор-ученик", mentor=("teacher",), mentees=("pupil",))
    registry = Registry(participants=PEOPLE, pair_types=[own], pairs=[pair("t1", ["p1"], form="тьютор-ученик")])
    made = registry.pairs[0]
    assert made.format == "тьютор-ученик"  # the pair alone cannot know the registry's lists
    assert registry.pair_type_of(made) is own and registry.format_of(made) is DEFAULT_FORMAT


@pytest.mark.parametrize(("field", "value", "words", "hint"), [
    ("format", "груповое", "формат наставничества «груповое» не найден", "Исправьте на «групповое»"),
    ("pair_type", "учитель – учиник", "тип пары «учитель – учиник» не найден", "Исправьте на «учитель – ученик»"),
])
def test_unknown_values_name_the_nearest_of_their_dimension(field, value, words, hint):
    registry = Registry(participants=PEOPLE, pairs=[pair("t1", ["p1"], **{field: value})])
    (problem,) = check_registry(registry)
    assert problem.code == "pair.form_unknown" and problem.severity == "warning" and problem.field == field
    assert words in problem.message
    (finding,) = [f for f in check_year(registry, year_start=START, year_end=date(2027, 8, 31))
                  if f.code == "pair.form_unknown"]
    assert finding.severity is Severity.ERROR and hint in finding.hint
    listed = "«Формат наставничества»" if field == "format" else "«Тип пары»"
    assert listed in finding.hint


def test_overlap_is_judged_by_type_and_format():
    pairs = [pair("t1", ["p1"]), pair("t2", ["p1"], format="групповое")]
    assert check_registry(Registry(participants=PEOPLE, pairs=pairs)) == []
    with pytest.raises(ValidationError, match="уже состоит в действующей паре"):
        Registry(participants=PEOPLE, pairs=[pairs[0], pair("t2", ["p1"], form="учитель – ученик")])


def test_lookups_are_per_dimension():
    assert find_pair_type("групповое") is None and find_format("групповое").title == "групповое"
    assert find_format("учитель – учитель") is None
    assert find_pair_type("руководитель – педагог").title == "руководитель – учитель"
