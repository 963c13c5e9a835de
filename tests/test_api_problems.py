"""Errors a program can act on: every Problem has a machine path, a stable code, the value,
a Russian message and a hint; YAML mistakes are explained in Russian with their line."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import nastavnik_docs as nd
from nastavnik_docs.errors import PROBLEM_CODES, Problem, format_path, parse_field

ROOT = Path(__file__).resolve().parents[1]
ORG = {"full_name": "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»",
       "short_name": "МБОУ «Школа № 1»", "city": "Тверь",
       "head": {"last_name": "Орлов", "first_name": "Сергей", "middle_name": "Ильич", "post": "Директор"}}
REGISTRY = {
    "participants": [
        {"id": "1", "last_name": "Лаптева", "first_name": "Вера", "middle_name": "Павловна",
         "category": "педагог", "post": "учитель химии"},
        {"id": "2", "last_name": "Юсупов", "first_name": "Ринат", "middle_name": "Маратович",
         "category": "педагог", "post": "учитель биологии"},
    ],
    "pairs": [{"id": "1", "mentor": "1", "mentees": ["2"], "form": "учитель – учитель",
               "start": "2026-09-01", "end": "2027-05-31"}],
}


def problems(kind, data):
    with pytest.raises(nd.InputError) as info:
        nd.load_input(kind, data)
    return info.value.problems


def test_a_bad_date_an_unknown_key_and_a_bad_enum_each_have_a_code_a_path_and_a_hint():
    data = {"organization": {**ORG, "kind": "завод"}, "registry": REGISTRY, "date": "32.05.2026",
            "numbr": "1"}
    found = {p.code: p for p in problems("order.assign_pairs", data)}
    assert set(found) == {"date.invalid", "field.unknown", "value.not_allowed"}
    bad_date = found["date.invalid"]
    assert bad_date.path == ("date",) and bad_date.value == "32.05.2026"
    assert bad_date.hint.startswith("Пишите дату как ДД.ММ.ГГГГ") and "дату" in bad_date.message
    assert str(bad_date).count("ДД.ММ.ГГГГ") == 1  # the hint is not repeated after the message
    unknown = found["field.unknown"]
    assert unknown.path == ("numbr",) and unknown.hint == "Возможно, имелось в виду «number»"
    assert "неизвестное поле" in unknown.message and "«number»" in str(unknown)
    kind = found["value.not_allowed"]
    assert kind.path == ("organization", "kind") and kind.field == "organization → kind"
    assert kind.value == "завод" and "«школа»" in kind.hint


def test_registry_links_keep_their_check_codes_and_0_based_paths():
    registry = {**REGISTRY, "pairs": [{**REGISTRY["pairs"][0], "mentees": ["99"]}]}
    found = problems("order.assign_pairs", {"organization": ORG, "registry": registry})
    (problem,) = [p for p in found if p.path[:1] == ("registry",)]
    assert problem.code == "pair.person_unknown"
    assert problem.path == ("registry", "pairs", 0, "mentees") and problem.value == "99"
    assert problem.field == "registry → pairs → 1 → mentees"


def test_missing_fields_and_nested_positions():
    registry = {**REGISTRY, "participants": [REGISTRY["participants"][0],
                                             {**REGISTRY["participants"][1], "last_name": None}]}
    found = problems("order.assign_pairs", {"organization": {**ORG, "city": None}, "registry": registry})
    paths = {(p.code, p.path) for p in found}
    assert ("field.missing", ("organization", "city")) in paths
    assert ("field.missing", ("registry", "participants", 1, "last_name")) in paths


def test_problems_serialise_to_json():
    problem = problems("order.assign_pairs", {"organization": ORG, "date": "вчера"})[0]
    data = json.loads(json.dumps(problem.to_dict(), ensure_ascii=False))
    assert data["code"] == "date.invalid" and data["path"] == ["date"] and data["value"] == "вчера"
    assert data["message"] and data["hint"]


@pytest.mark.parametrize("field, path", [
    ("pairs → 3 → start", ("pairs", 2, "start")),
    ("tasks[0].responsible", ("tasks", 0, "responsible")),
    ("representative.full_name", ("representative", "full_name")),
    ("mentor", ("mentor",)),
])
def test_a_field_written_for_people_gives_the_machine_path(field, path):
    assert parse_field(field) == path
    assert Problem("x", field=field).path == path
    assert Problem("x", path=path).field == format_path(path)


@pytest.mark.parametrize("text, row, words, hint", [
    ("full_name: [незакрыто\n", 2, "не закрыта квадратная скобка", "Открыта в строке 1: «full_name: [незакрыто»"),
    ("city: Тверь\n\tshort_name: x\n", 2, "табуляция", "Строка 2"),
    ("city: Тверь: центр\n", 1, "лишнее двоеточие", "Строка 1: «city: Тверь: центр»"),
    ("city: 'Тверь\nkind: школа\n", 3, "не закрыта кавычка", "Открыта в строке 1"),
    ("head:\n  last_name: Орлов\n first_name: Сергей\n", 3, "неверный отступ", "Строка 3"),
    ("city: @Тверь\n", 1, "не может начинаться с «@»", "Строка 1"),
])
def test_yaml_syntax_errors_are_explained_in_russian_with_the_line(tmp_path, text, row, words, hint):
    path = tmp_path / "организация.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(nd.InputError) as info:
        nd.load_organization(path)
    (problem,) = info.value.problems
    assert problem.code == "yaml.syntax" and problem.row == row
    assert words in problem.message and problem.message.startswith("ошибка в записи YAML")
    assert problem.hint.startswith(hint)


def test_a_key_given_twice_is_reported_not_silently_replaced(tmp_path):
    path = tmp_path / "организация.yaml"
    path.write_text("city: Тверь\nshort_name: А\ncity: Торжок\n", encoding="utf-8")
    with pytest.raises(nd.InputError) as info:
        nd.load_organization(path)
    (problem,) = info.value.problems
    assert (problem.code, problem.path, problem.row) == ("yaml.duplicate_key", ("city",), 3)
    assert "строки 1 и 3" in problem.message


def test_unknown_yaml_keys_suggest_the_nearest_field(tmp_path):
    path = tmp_path / "организация.yaml"
    path.write_text("full_name: Школа\nshort_name: Ш\ncty: Тверь\nhead:\n  last_name: Орлов\n"
                    "  first_name: Сергей\n  postt: Директор\n", encoding="utf-8")
    with pytest.raises(nd.InputError) as info:
        nd.load_organization(path)
    unknown = {p.path: p for p in info.value.problems if p.code == "field.unknown"}
    assert unknown[("cty",)].hint == "Возможно, имелось в виду «city»" and unknown[("cty",)].row == 3
    assert unknown[("head", "postt")].hint == "Возможно, имелось в виду «post»"


def test_every_code_in_the_source_is_in_the_catalogue():
    used = set()
    for path in (ROOT / "nastavnik_docs").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bcode="([a-z_]+(?:\.[a-z_]+)*)"', text))
        used |= set(re.findall(r'table\.problem\([^)]*?"([a-z]+\.[a-z_]+)"\)', text))
    from nastavnik_docs.io._problems import _CODES
    from nastavnik_docs.io._table import _KIND_CODES

    used |= set(_CODES.values()) | set(_KIND_CODES.values())
    assert used and used <= set(PROBLEM_CODES), used - set(PROBLEM_CODES)
    assert "date.invalid" in used and "field.unknown" in used and "participant.unknown" in used


def test_dates_are_fine_either_way():
    data = {"organization": ORG, "registry": REGISTRY, "number": "5-о"}
    for text in ("07.09.2026", "2026-09-07"):
        assert nd.load_input("order.assign_pairs", {**data, "date": text}).date == date(2026, 9, 7)


def test_a_registry_that_fails_is_reported_once_not_again_as_a_missing_input():
    from nastavnik_docs.io import load_input
    from nastavnik_docs.models import Registry

    with pytest.raises(nd.InputError) as info:
        load_input(Registry, {"pairs": [{"mentor": "0", "mentees": ["1"], "form": "x", "start": "2026-09-01"}]})
    assert {(p.code, p.path) for p in info.value.problems} == {
        ("pair.person_unknown", ("pairs", 0, "mentor")), ("pair.person_unknown", ("pairs", 0, "mentees"))}


@pytest.mark.parametrize("changes, code, path", [
    ({"mentor": "Пушкин А.С."}, "participant.unknown", ("mentor",)),
    ({"mentor": None, "pairs": ["99"]}, "pair.unknown", ("pairs", 0)),
])
def test_what_a_document_cannot_find_in_the_registry_has_its_code(changes, code, path):
    data = nd.load_input("labour.mentor_consent", ROOT / "samples" / "labour" / "mentor_consent.yaml")
    data = data.model_copy(update=changes)
    with pytest.raises(nd.InputError) as info:
        nd.render("labour.mentor_consent", data)
    (problem,) = info.value.problems
    assert (problem.code, problem.path) == (code, path)
