"""YAML and JSON: loading with located errors, Russian messages, human-friendly saving."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError, OutputExistsError
from nastavnik_docs.io import load_organization, load_registry, load_yaml, save_yaml
from nastavnik_docs.models import Organization, Pair, Registry

ORG = """\
full_name: Муниципальное бюджетное общеобразовательное учреждение «Лицей № 1»
short_name: МБОУ «Лицей № 1»
city: Тверь
head:
  last_name: Иванова
  first_name: Мария
  middle_name: Петровна
  post: Директор
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(loader, path):
    with pytest.raises(InputError) as info:
        loader(path)
    return info.value.problems


def test_samples_load():
    org = load_organization(sample_path("organization.yaml"))
    assert org.short_name == "МБОУ «СОШ № 12»" and org.head.post.startswith("Директор")
    assert len(load_registry(sample_path("registry.yaml")).participants) >= 25


@pytest.mark.parametrize(
    ("replace", "new", "line", "field", "value", "words"),
    [
        ("city: Тверь\n", "", 1, "city", None, "обязательное поле не заполнено"),
        ("city: Тверь", "city: Тверь\ncolour: red", 4, "colour", "red", "неизвестное поле"),
        ("  post: Директор", "  post: ''", 8, "head → post", "", "значение не может быть пустым"),
        ("  post: Директор", "  post:", 8, "head → post", None, "обязательное поле не заполнено"),
        ("city: Тверь", "city: Тверь\nkind: завод", 4, "kind", "завод", "допустимо: «школа», «колледж»"),
        ("city: Тверь", "city: Тверь\nfont_size: 40", 4, "font_size", 40, "не больше 16"),
        ("city: Тверь", "city: Тверь\ninn: '12'", 4, "inn", "12", "не соответствует формату"),
        ("  post: Директор", "  post: Директор\n  birth_date: 31.02.1970", 9, "head → birth_date",
         "31.02.1970", "не удалось прочитать дату"),
    ],
)
def test_organization_errors_are_located(tmp_path, replace, new, line, field, value, words):
    path = write(tmp_path, "org.yaml", ORG.replace(replace, new))
    (problem,) = problems_of(load_organization, path)
    assert (problem.file, problem.row, problem.field, problem.value) == (str(path), line, field, value)
    assert words in problem.message


def test_russian_dates_are_accepted_in_yaml(tmp_path):
    path = write(tmp_path, "org.yaml", ORG + "  birth_date: 05.06.1970\n")
    assert load_organization(path).head.birth_date == date(1970, 6, 5)


def test_all_problems_of_a_file_come_together(tmp_path):
    text = ORG.replace("city: Тверь\n", "").replace("  first_name: Мария\n", "") + "extra: 1\n"
    fields = [p.field for p in problems_of(load_organization, write(tmp_path, "org.yaml", text))]
    assert sorted(fields) == ["city", "extra", "head → first_name"]


REGISTRY = """\
participants:
- {id: a, last_name: Петров, first_name: Иван}
- {id: b, last_name: Петрова, first_name: Анна}
- {id: c, last_name: Козлов, first_name: Олег}
pairs:
- mentor: a
  mentees: [b]
  form: учитель – учитель
  start: 2026-09-01
- mentor: a
  mentees: [c]
  form: учитель – ученик
  start: 2026-09-01
- mentor: a
  mentees: b; c
  form: учитель – ученик
  start: 01.13.2026
"""


def test_pair_field_errors_use_one_based_positions(tmp_path):
    (problem,) = problems_of(load_registry, write(tmp_path, "r.yaml", REGISTRY))
    assert (problem.field, problem.row, problem.value) == ("pairs → 3 → start", 17, "01.13.2026")


def test_registry_link_errors_are_located_to_the_pair(tmp_path):
    text = REGISTRY.replace("01.13.2026", "01.10.2026").replace("mentees: [c]", "mentees: [z]")
    (problem,) = problems_of(load_registry, write(tmp_path, "r.yaml", text))
    assert (problem.field, problem.row, problem.value) == ("pairs → 2 → mentees", 11, "z")
    assert problem.message == "нет участника с ID «z»"


def test_field_and_link_errors_come_together(tmp_path):
    text = REGISTRY.replace("mentees: [c]", "mentees: [z]").replace(
        "- {id: b, last_name: Петрова, first_name: Анна}", "- {id: b, last_name: Петрова, first_name: ''}")
    problems = problems_of(load_registry, write(tmp_path, "r.yaml", text))
    # pair 1 names «b», whose own record is wrong: that link is not reported again
    assert [(p.field, p.value) for p in problems] == [
        ("participants → 2 → first_name", ""), ("pairs → 3 → start", "01.13.2026"), ("pairs → 2 → mentees", "z")]


def test_pair_level_check_is_reported_in_russian(tmp_path):
    text = REGISTRY.replace("01.13.2026", "01.10.2026") + "  end: 2026-09-01\n"
    (problem,) = problems_of(load_registry, write(tmp_path, "r.yaml", text))
    assert problem.field == "pairs → 3"
    assert "дата окончания (01.09.2026) должна быть позже даты начала (01.10.2026)" in problem.message


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        ("full_name: [unclosed\n", 2, "ошибка в записи YAML"),
        ("- just\n- a list\n", None, "ожидается набор полей"),
    ],
)
def test_malformed_yaml(tmp_path, text, row, words):
    (problem,) = problems_of(load_organization, write(tmp_path, "org.yaml", text))
    assert words in problem.message and problem.row == row


def test_json_is_read_like_yaml(tmp_path):
    data = yaml.safe_load(ORG)
    path = write(tmp_path, "org.json", json.dumps(data, ensure_ascii=False))
    assert load_organization(path) == Organization.model_validate(data)
    (problem,) = problems_of(load_organization, write(tmp_path, "bad.json", '{"city": '))
    assert "ошибка в записи JSON" in problem.message and problem.row == 1


def test_missing_file(tmp_path):
    (problem,) = problems_of(load_organization, tmp_path / "нет.yaml")
    assert "Файл не найден" in problem.message


def test_load_yaml_plain_and_with_model(tmp_path):
    path = write(tmp_path, "org.yaml", ORG)
    assert load_yaml(path)["city"] == "Тверь"
    assert load_yaml(path, Organization).city == "Тверь"


def test_save_yaml_is_human_friendly_and_round_trips(tmp_path):
    registry = load_registry(sample_path("registry.yaml"))
    path = save_yaml(registry, tmp_path / "r.yaml")
    text = path.read_text(encoding="utf-8")
    assert "Кравченко" in text and "\\u" not in text  # allow_unicode
    assert "null" not in text and "overrides" not in text and "forms" not in text  # no empty defaults
    assert "start: 2026-09-01" in text  # ISO dates
    assert "status: completed" in text and "gender: female" in text  # enums as values
    assert "monthly_pay: 3000\n" in text  # an integral Decimal as a number
    assert "&id" not in text and "*id" not in text
    assert load_registry(path) == registry


def test_save_yaml_keeps_fractional_money_exact(tmp_path):
    pair = Pair(mentor="a", mentees=["b"], form="групповое", start=date(2026, 9, 1),
                agreement={"monthly_pay": Decimal("3500.10")}, goal="первая строка\nвторая строка")
    path = save_yaml(pair, tmp_path / "p.yaml")
    text = path.read_text(encoding="utf-8")
    assert "monthly_pay: '3500.10'" in text and "goal: |-" in text
    assert Pair.model_validate(yaml.safe_load(text)) == pair


def test_save_yaml_refuses_to_overwrite(tmp_path):
    path = write(tmp_path, "org.yaml", "keep me")
    with pytest.raises(OutputExistsError):
        save_yaml(Organization.model_validate(yaml.safe_load(ORG)), path)
    assert path.read_text(encoding="utf-8") == "keep me"


def test_save_json(tmp_path):
    registry = Registry(pairs=[], participants=[])
    org = Organization.model_validate(yaml.safe_load(ORG))
    path = save_yaml(org, tmp_path / "org.json")
    assert Organization.model_validate(json.loads(path.read_text(encoding="utf-8"))) == org
    assert save_yaml(registry, tmp_path / "r.json").read_text(encoding="utf-8") == "{}\n"


# libyaml's emitter (where PyYAML has it) must write what the Python one writes: the same
# text for real data, and text that reads back as the data for any.
def _data() -> st.SearchStrategy[dict]:
    keys = st.from_regex(r"[a-z_а-яё][a-z0-9_а-яё]{0,15}", fullmatch=True)  # a model's fields, a plan's keys
    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), text,
                        st.dates(date(1900, 1, 1), date(2100, 12, 31)),
                        st.sampled_from(["да", "нет", "on", "off", "null", "~", "12:30", "1e3", "0777", "- х", "# x",
                                         "«СОШ № 12»", "строка\nвторая", "  отступ", "x: y", "'кавычка'", ""]))
    values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                           st.dictionaries(keys, inner, max_size=4)), max_leaves=12)
    return st.dictionaries(keys, values, min_size=1, max_size=5)  # the library dumps models and mappings


_LIBYAML = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml: only the Python emitter")


@_LIBYAML
@settings(max_examples=300, deadline=None)
@given(_data())
def test_the_fast_emitter_writes_what_reads_back_the_same(data):
    from nastavnik_docs.io._yaml import dump_yaml, to_plain

    assert yaml.safe_load(dump_yaml(data)) == to_plain(data)  # blanks are left out of the file


@_LIBYAML
def test_the_fast_emitter_writes_the_same_text_of_real_data():
    from nastavnik_docs.io._yaml import _Dumper, dump_yaml

    files = sorted(sample_path("").rglob("*.yaml"))
    assert len(files) > 40
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert dump_yaml(data) == dump_yaml(data, dumper=_Dumper), path
