"""One contract for data: the JSON Schema of every kind accepts what the loader accepts.

Every sample input (its linked files put in place, as a program would send them) and the
organisation card ``init`` writes, filled in Russian, validate against the schema; and
payloads generated from the schema (``schema_strategy``, for hypothesis) load — the loader may still
refuse what a schema cannot say (a pair naming someone not in the registry, an end before
the start), but never the shape, the type, the spelling of a value or a date.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_strategy import from_schema

import nastavnik_docs as nd
from nastavnik_docs._resources import samples_dir
from nastavnik_docs.errors import DataWarning
from nastavnik_docs.io._workspace import ORGANIZATION_TEMPLATE
from nastavnik_docs.models import AliasedEnum, Organization, Participant, Registry, normalize_word
from nastavnik_docs.models.schema import DAY_FIRST_DATE, input_schema

SAMPLES = samples_dir()
KINDS = [k for k in nd.all_kinds()]
CASES = [(k.id, sample) for k in KINDS for sample in k.samples]
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
LINKED = (".yaml", ".yml", ".json", ".xlsx", ".csv", *IMAGES)
#: What only the loader can judge: links between records, rules across fields.
SEMANTIC = {"value.invalid", "pair.person_unknown", "participant.duplicate_id", "pair.mentee_overlap",
            "mentor.overload", "registry", "participant.unknown", "pair.unknown", "form.unknown",
            "registry.missing", "input.invalid"}


def validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def payload(value: Any, folder: Path) -> Any:
    """A sample as a program would send it: files it names put in place (a registry
    workbook as its data), dates as text."""
    if isinstance(value, dict):
        return {k: payload(v, folder) for k, v in value.items()}
    if isinstance(value, list):
        return [payload(v, folder) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and Path(value).suffix.lower() in LINKED and (folder / value).is_file():
        path = (folder / value).resolve()
        if path.suffix in (".yaml", ".yml", ".json"):
            return payload(yaml.safe_load(path.read_text(encoding="utf-8")), path.parent)
        if path.suffix in (".xlsx", ".csv"):
            return _workbook(path).model_dump(mode="json", exclude_none=True)
        if path.suffix in IMAGES:
            return {"path": str(path)}
    return value


@pytest.mark.parametrize("kind, sample", CASES, ids=[f"{k}:{s}" for k, s in CASES])
def test_every_sample_validates_against_its_kinds_schema(kind, sample):
    path = SAMPLES / sample
    data = payload(yaml.safe_load(path.read_text(encoding="utf-8")), path.parent)
    errors = sorted(validator(nd.input_schema(kind)).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]]
    nd.load_input(kind, data)  # and the loader takes the same payload


def filled_card() -> dict[str, Any]:
    """The card ``init`` writes, filled in the way a curator does: Russian words."""
    card = yaml.safe_load(ORGANIZATION_TEMPLATE)
    card.update(full_name="Муниципальное бюджетное общеобразовательное учреждение «Школа № 12»",
                short_name="МБОУ «Школа № 12»", city="Вологда", founder="Управление образования",
                inn="3525000012", email="school12@example.ru")
    card["head"].update(last_name="Горбунова", first_name="Людмила", middle_name="Алексеевна",
                        gender="ж", post="Директор МБОУ «Школа № 12»")
    return card


def test_the_card_init_writes_filled_in_russian_validates(tmp_path):
    card = filled_card()
    assert card["kind"] == "школа"
    validator(input_schema(Organization)).validate(card)
    for spelling in ("Школа", " колледж ", "Управление Образования", "school", "ДОО"):
        validator(input_schema(Organization)).validate({**card, "kind": spelling})
        assert nd.Organization.model_validate({**card, "kind": spelling}).kind
    schema = nd.input_schema("order.appoint_curator")
    validator(schema).validate({"organization": card, "curator": "Иванова Мария Петровна",
                                "date": "01.09.2026"})
    nd.init_workspace(tmp_path)
    written = yaml.safe_load((tmp_path / "organization.yaml").read_text(encoding="utf-8"))
    assert set(written) == set(card) and written["kind"] == card["kind"]


@pytest.mark.parametrize("text, valid", [
    ("01.09.2026", True), ("1.9.2026", True), ("29.02.2024", True), ("29.02.2000", True),
    ("31.12.0001", True), ("29.02.2023", False), ("29.02.1900", False), ("31.04.2026", False),
    ("00.01.2026", False), ("01.13.2026", False), ("01.01.0000", False), ("2026-09-01", False),
])
def test_the_day_first_date_pattern_is_the_calendar(text, valid):
    assert (re.fullmatch(DAY_FIRST_DATE[1:-1], text) is not None) is valid
    if valid:
        day, month, year = (int(x) for x in text.split("."))
        assert dt.date(year, month, day)


def _enums() -> list[type[AliasedEnum]]:
    found, stack = [], list(AliasedEnum.__subclasses__())
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("enum", _enums(), ids=lambda e: e.__name__)
def test_every_spelling_of_every_enum_is_in_the_schema_and_loads(enum):
    from pydantic import TypeAdapter

    schema = TypeAdapter(enum).json_schema()
    check = validator(schema)
    assert schema["anyOf"][0]["enum"] == [m.value for m in enum]
    for word in enum.spellings():
        assert normalize_word(word) == word  # a spelling that could never match is a dead alias
        for written in (word, word.upper(), f"  {word.capitalize()}. ", word.replace("е", "ё")):
            check.validate(written)
            assert enum(written) is enum(word)
    with pytest.raises(jsonschema.ValidationError):
        check.validate("нет такого значения")


@pytest.mark.parametrize("enum", _enums(), ids=lambda e: e.__name__)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_whatever_the_enum_schema_allows_loads(enum, data):
    from pydantic import TypeAdapter

    value = data.draw(from_schema(TypeAdapter(enum).json_schema()))
    assert enum(value) in list(enum)


def shape_problems(model: type, value: Any) -> list[str]:
    """The loader's complaints about ``value`` that a schema could have stated."""
    from nastavnik_docs.io import load_input

    try:
        with warnings.catch_warnings():
            # a generated birth date is as often in the future as not: the loader's warnings
            # about it are right and are tested where the dates are chosen (tests/hostile/test_inputs.py)
            warnings.simplefilter("ignore", DataWarning)
            load_input(model, value)
    except nd.InputError as error:
        return [f"{p.code} {p.path}: {p.message} ({p.value!r})" for p in error.problems
                if p.code not in SEMANTIC]
    return []


MODELS = [Organization, Participant, Registry]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.filter_too_much])
@given(data=st.data())
def test_payloads_generated_from_a_models_schema_load(model, data):
    value = data.draw(from_schema(input_schema(model)))
    assert shape_problems(model, value) == []


SMALL_KINDS = [k.id for k in KINDS if k.id.startswith(("order.appoint_curator", "protocol.", "sheet.",
                                                          "award.certificate", "labour.mentor_consent"))]


@pytest.mark.parametrize("kind", SMALL_KINDS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.filter_too_much,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_payloads_generated_from_a_kinds_schema_load(kind, data):
    value = data.draw(from_schema(nd.input_schema(kind)))
    assert shape_problems(nd.get_kind(kind).input_model, value) == []


def _workbook(path: Path) -> Any:
    """A workbook a sample links: the registry, or a report's coverage table or questionnaire
    results (each reader refuses the others' books)."""
    from nastavnik_docs.errors import InputError
    from nastavnik_docs.io import read_coverage_table, read_survey_results

    for read in (nd.load_registry, read_coverage_table, read_survey_results):
        try:
            return read(path)
        except InputError:
            continue
    raise AssertionError(f"{path.name}: no reader takes this workbook")
