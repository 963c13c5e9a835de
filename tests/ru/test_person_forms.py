"""PersonForms / PostForms: the objects templates read, and jinja_filters()."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.models import Case, Gender, Official, Participant, Person
from nastavnik_docs.ru import BLANK_NAME, PersonForms, PostForms, jinja_filters, person_forms

NB = "\u00a0"
MENTOR = Participant(
    id="m1", last_name="Иванова", first_name="Мария", middle_name="Петровна",
    post="учитель начальных классов",
)
EXPECTED = {
    "nominative": "Иванова Мария Петровна",
    "genitive": "Ивановой Марии Петровны",
    "dative": "Ивановой Марии Петровне",
    "accusative": "Иванову Марию Петровну",
    "instrumental": "Ивановой Марией Петровной",
    "prepositional": "Ивановой Марии Петровне",
    "short_dative": f"Ивановой{NB}М.П.",
    "short_accusative": f"Иванову{NB}М.П.",
    "initials_instrumental": f"М.П.{NB}Ивановой",
    "initials_nominative": f"М.П.{NB}Иванова",
    "initials": "М.П.",
    "last_name": "Иванова",
    "middle_name": "Петровна",
}


@pytest.mark.parametrize("attribute", EXPECTED)
def test_person_forms_attributes(attribute):
    assert getattr(person_forms(MENTOR), attribute) == EXPECTED[attribute]


def test_template_fields_list_every_attribute_with_its_type():
    fields = PersonForms.__template_fields__
    forms = person_forms(MENTOR)
    for case in Case:
        for prefix in ("", "short_", "initials_"):
            assert fields[f"{prefix}{case.value}"] is str
            assert isinstance(getattr(forms, f"{prefix}{case.value}"), str)
    assert fields["post"] is PostForms
    assert set(PostForms.__template_fields__) == {c.value for c in Case}
    for name, kind in fields.items():
        value = getattr(forms, name)
        assert isinstance(value, kind), name


def test_post_defaults_to_the_persons_post_and_can_be_given():
    assert person_forms(MENTOR).post.instrumental == "учителем начальных классов"
    assert person_forms(MENTOR, "педагог-психолог").post.dative == "педагогу-психологу"
    no_post = person_forms(Person(last_name="Петров", first_name="Иван"))
    assert no_post.post.dative == "" and str(no_post.post) == ""


def test_str_and_gender():
    forms = person_forms(MENTOR)
    assert str(forms) == "Иванова Мария Петровна"
    assert forms.gender is Gender.FEMALE
    assert person_forms("Мельник Лев Ярославович").instrumental == "Мельником Львом Ярославовичем"


def test_forms_are_lazy_and_cached():
    forms = person_forms(MENTOR)
    assert forms._cache == {}
    first = forms.dative
    assert forms._cache == {"dative": first}
    assert forms.dative is first


def test_pickle_round_trip_keeps_forms():
    forms = person_forms(Official(last_name="Петрова", first_name="Анна", middle_name="Сергеевна",
                                  post="заведующий библиотекой"))
    _ = forms.dative
    copy = pickle.loads(pickle.dumps(forms))
    assert copy == forms
    assert copy.dative == "Петровой Анне Сергеевне"
    assert copy.post.dative == "заведующей библиотекой"


def test_undecidable_gender_fails_only_when_a_case_form_is_needed():
    forms = person_forms("Ковальчук Саша")
    assert forms.nominative == "Ковальчук Саша"
    assert forms.short_nominative == f"Ковальчук{NB}С."
    with pytest.raises(GrammarError, match="Укажите пол"):
        _ = forms.dative
    assert person_forms("Ковальчук Саша", gender="ж").dative == "Ковальчук Саше"


def _render(source: str, **context) -> str:
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(jinja_filters())
    return env.from_string(source).render(**context)


@pytest.mark.parametrize(
    "source, context, expected",
    [
        ("{{ m.dative }}", {"m": person_forms(MENTOR)}, "Ивановой Марии Петровне"),
        ("{{ m.post.genitive }}", {"m": person_forms(MENTOR)}, "учителя начальных классов"),
        ("{{ m|dative }}", {"m": MENTOR}, "Ивановой Марии Петровне"),
        ("{{ m|dative }}", {"m": person_forms(MENTOR)}, "Ивановой Марии Петровне"),
        ("{{ 'Мельник Лев Ярославович'|instrumental }}", {}, "Мельником Львом Ярославовичем"),
        ("{{ m|short_dative }}", {"m": MENTOR}, f"Ивановой{NB}М.П."),
        ("{{ 'Иванова М.П.'|dative }}", {}, f"Ивановой{NB}М.П."),
        ("{{ 'Иванова М.П.'|initials_instrumental }}", {}, f"М.П.{NB}Ивановой"),
        ("{{ 'Иванова Мария Петровна'|short_genitive }}", {}, f"Ивановой{NB}М.П."),
        ("{{ m|initials_genitive }}", {"m": MENTOR}, f"М.П.{NB}Ивановой"),
        ("{{ m.post|dative }}", {"m": person_forms(MENTOR)}, "учителю начальных классов"),
        ("{{ 'педагог-психолог'|post_instrumental }}", {}, "педагогом-психологом"),
        ("{{ m|post_genitive }}", {"m": MENTOR}, "учителя начальных классов"),
        ("{{ d|date_long }}", {"d": date(2022, 4, 20)}, f"20{NB}апреля 2022{NB}г."),
        ("{{ d|date_numeric }}", {"d": date(2022, 4, 20)}, "20.04.2022"),
        ("{{ d|date_long }}", {"d": None}, f"«___»{NB}____________ 20___{NB}г."),
        ("{{ s|money_words }}", {"s": Decimal("1.50")}, f"1,50{NB}руб. (один рубль 50 копеек)"),
        ("{{ n|agree('наставник') }}", {"n": 3}, "3 наставника"),
        ("{{ n|agree('наставляемый') }}", {"n": 22}, "22 наставляемых"),
        ("{{ n|number_words }}", {"n": 22}, "двадцать два"),
        ("{{ n|number_words('genitive', 'f') }}", {"n": 22}, "двадцати двух"),
        ("{{ n|ordinal_words('prepositional') }}", {"n": 3}, "третьем"),
        ("{{ m|dative }}", {"m": None}, BLANK_NAME),
    ],
)
def test_jinja_filters(source, context, expected):
    assert _render(source, **context) == expected


def test_filter_on_undecidable_name_raises_russian_error():
    with pytest.raises(GrammarError, match="Не удалось определить пол"):
        _render("{{ 'Ковальчук Саша'|dative }}")


def test_filter_names_cover_the_contract():
    names = set(jinja_filters())
    required = {f"{p}{c.value}" for c in Case for p in ("", "short_", "initials_")}
    required |= {"date_long", "date_numeric", "money_words", "agree", "number_words"}
    assert required <= names


def test_yo_option_reaches_names_and_posts():
    scientist = Official(last_name="Королёв", first_name="Пётр", middle_name="Семёнович",
                         post="учёный секретарь")
    plain = person_forms(scientist, yo=False)
    assert plain.dative == "Королеву Петру Семеновичу"
    assert plain.short_dative == f"Королеву{NB}П.С."
    assert plain.post.dative == "ученому секретарю"
    assert person_forms(scientist).post.dative == "учёному секретарю"


def test_a_case_given_by_hand_needs_no_gender():
    """«Ковальчук Саша»: gender undecidable, but the dative is in the data — both forms work."""
    person = Person(last_name="Ковальчук", first_name="Саша",
                    overrides={Case.DATIVE: "Ковальчук Саше"})
    forms = person_forms(person)
    assert forms.dative == "Ковальчук Саше"
    assert forms.short_dative == "Ковальчук\u00a0С."
    with pytest.raises(GrammarError):
        forms.genitive  # noqa: B018 — a case not given by hand still needs the gender
