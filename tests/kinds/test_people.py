"""Who a document names (``nastavnik_docs.kinds._people``): the registry's participants by ID
or name, the staff rule, and the acquaintance list as an explicit result."""

from __future__ import annotations

import pytest
import yaml

from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_organization, load_registry
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds._people import (
    People,
    acquaintance,
    find_participant,
    form_title,
    is_staff,
    participants_named,
)
from nastavnik_docs.models import Category, Official, Participant
from nastavnik_docs.ru import typograph


def _participant(category: Category, **extra) -> Participant:
    return Participant(id="1", last_name="Иванова", first_name="Мария", middle_name="Петровна",
                       category=category, **extra)


def _registry():
    return load_registry(sample_path("registry.yaml"))


@pytest.mark.parametrize("category, staff", [
    (Category.TEACHER, True), (Category.OTHER, True),
    (Category.PUPIL, False), (Category.STUDENT, False), (Category.EMPLOYER, False),
])
def test_is_staff_by_category(category, staff):
    assert is_staff(_participant(category)) is staff


def test_a_person_given_inline_is_staff():
    assert is_staff(Official(last_name="Горбунова", first_name="Людмила", middle_name="Алексеевна",
                             post="директор"))


@pytest.mark.parametrize("ref", ["У10", "Власова Елена Николаевна", "власова  е.н.", "Власова\u00a0Е.Н."])
def test_find_participant_by_id_or_name(ref):
    assert find_participant(_registry(), ref, "curator").id == "У10"


def test_find_participant_names_the_field_in_russian():
    with pytest.raises(InputError) as info:
        find_participant(_registry(), "Пушкин А.С.", "mentor")
    problem = info.value.problems[0]
    assert problem.field == "mentor" and "в базе нет участника «Пушкин А.С.»" in problem.message


def test_several_participants_with_one_name_ask_for_an_id():
    registry = _registry()
    twin = registry.participant("У01").model_copy(update={"id": "У99"})
    registry = registry.model_copy(update={"participants": [*registry.participants, twin]})
    assert [p.id for p in participants_named(registry, "Кравченко О.В.")] == ["У01", "У99"]
    with pytest.raises(InputError, match="укажите ID"):
        find_participant(registry, "Кравченко О.В.", "mentor")


def test_people_resolve_names_as_well_as_ids():
    people = People(_registry())
    assert people.person("Сидорук Н.И.") is people.person("У02")
    with pytest.raises(ValueError, match="не найден человек"):
        people.person("нет-такого")


def test_people_find_names_the_field_and_resolves_roles():
    signer = Official(last_name="Горбунова", first_name="Людмила", middle_name="Алексеевна", post="директор")
    people = People(_registry(), signer)
    assert people.find("signer", "control") is signer
    assert people.forms("У10", "curator").initials_nominative == "Е.Н.\u00a0Власова"
    with pytest.raises(InputError) as info:
        people.find("нет-такого", "tasks[0].responsible")
    assert info.value.problems[0].field == "tasks[0].responsible"


def test_resolving_people_has_no_side_effect_on_the_acquaintance_list():
    """The list is what the caller passes, nothing People happened to resolve before."""
    registry = _registry()
    people = People(registry)
    teacher = people.person("У02")
    people.forms("У10", "curator")
    assert set(vars(people)) == {"registry", "roles", "signer"} and people.roles == {}  # remembers nobody
    rows = acquaintance([teacher])
    assert [(r.number, r.name) for r in rows] == [("1.", "Сидорук\u00a0Н.И.")]


def test_acquaintance_keeps_staff_once_in_order_and_leaves_out_the_signer():
    registry = _registry()
    people = People(registry)
    first, second, pupil = people.person("У02"), people.person("У10"), people.person("У16")
    signer = Official(**second.model_dump(include={"last_name", "first_name", "middle_name"}), post="директор")
    inline_twin = Official(**first.model_dump(include={"last_name", "first_name", "middle_name"}), post="учитель")
    rows = acquaintance([pupil, first, second, inline_twin, first], signer)
    assert [r.name for r in rows] == ["Сидорук\u00a0Н.И."]
    rows = acquaintance([second, pupil, first])
    assert [(r.number, r.name) for r in rows] == [("1.", "Власова\u00a0Е.Н."), ("2.", "Сидорук\u00a0Н.И.")]
    assert rows[0].post.startswith("Заместитель директора")


def test_a_kind_taking_an_id_takes_a_name():
    kind = get_kind("sheet.registration")
    data = yaml.safe_load(sample_path("forms/registration.yaml").read_text(encoding="utf-8"))
    data.update(organization=load_organization(sample_path("organization.yaml")), registry=_registry())
    by_id = kind.build_context(load_input(kind, {**data, "responsible": "У10"}))
    by_name = kind.build_context(load_input(kind, {**data, "responsible": "Власова Е.Н."}))
    assert by_name == by_id


def test_form_title_of_a_pair():
    registry = _registry()
    pair = registry.pairs[0]
    form = registry.form_of(pair)
    assert form is not None and form_title(registry, pair) == typograph(form.title)
    odd = pair.model_copy(update={"form": "своя форма"})
    assert form_title(registry, odd) == "своя форма"
