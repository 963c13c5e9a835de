"""io.load_input: an input model from an instance, a dict or a file, with fields given as paths
to other files."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import pytest
import yaml
from pydantic import BaseModel, Field

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_input, load_organization, load_registry
from nastavnik_docs.models import Organization, Registry


class Meeting(BaseModel):
    topic: str = Field(min_length=1)
    day: date


class UnionInput(BaseModel):
    chair: Meeting | str
    people: list[Meeting | str] = []


class OrderInput(BaseModel):
    organization: Organization
    registry: Registry | None = None
    number: str
    date: date
    meetings: list[Meeting] = []
    previous: Meeting | None = None


@pytest.fixture
def folder(tmp_path):
    for name in ("organization.yaml", "registry.yaml", "registry.xlsx", "participants.csv"):
        shutil.copy(sample_path(name), tmp_path / name)
    (tmp_path / "orders").mkdir()
    return tmp_path


def write(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_model_instance_is_returned_as_is():
    data = OrderInput(organization=load_organization(sample_path("organization.yaml")), number="1",
                      date=date(2026, 9, 1))
    assert load_input(OrderInput, data) is data


def test_dict_is_validated():
    org = yaml.safe_load(sample_path("organization.yaml").read_text(encoding="utf-8"))
    result = load_input(OrderInput, {"organization": org, "number": "12-о", "date": "01.09.2026"})
    assert result.organization.city == "Вологда" and result.date == date(2026, 9, 1)


@pytest.mark.parametrize(("typed", "expected"), [(14, "14"), (14.0, "14"), (3.5, "3.5"), ("14", "14")])
def test_numbers_typed_for_text_fields_become_text(typed, expected):
    org = yaml.safe_load(sample_path("organization.yaml").read_text(encoding="utf-8"))
    assert load_input(OrderInput, {"organization": org, "number": typed, "date": "2026-09-01"}).number == expected


def test_true_is_not_taken_for_text():
    org = yaml.safe_load(sample_path("organization.yaml").read_text(encoding="utf-8"))
    with pytest.raises(InputError) as info:
        load_input(OrderInput, {"organization": org, "number": True, "date": "2026-09-01"})
    assert info.value.problems[0].message == "нужен текст"


@pytest.mark.parametrize("registry_file", ["registry.yaml", "registry.xlsx"])
def test_paths_inside_a_file_resolve_relative_to_it(folder, registry_file):
    path = write(folder / "orders" / "order.yaml", {
        "organization": "../organization.yaml", "registry": f"../{registry_file}",
        "number": "45", "date": "2026-09-01", "previous": "meeting.yaml",
    })
    write(folder / "orders" / "meeting.yaml", {"topic": "знакомство", "day": "02.09.2026"})
    result = load_input(OrderInput, str(path))
    assert result.organization == load_organization(folder / "organization.yaml")
    assert result.registry == load_registry(sample_path("registry.yaml"))
    assert result.previous == Meeting(topic="знакомство", day=date(2026, 9, 2))


def test_csv_registry_gives_participants_only(folder):
    path = write(folder / "order.yaml", {"organization": "organization.yaml", "registry": "participants.csv",
                                         "number": "1", "date": "2026-09-01"})
    result = load_input(OrderInput, path)
    assert result.registry.pairs == [] and len(result.registry.participants) >= 25


def test_errors_of_a_linked_file_name_that_file(folder):
    (folder / "organization.yaml").write_text("full_name: x\n", encoding="utf-8")
    path = write(folder / "order.yaml", {"organization": "organization.yaml", "number": "1",
                                         "date": "2026-13-01", "meetings": [{"topic": "", "day": "2026-09-01"}]})
    with pytest.raises(InputError) as info:
        load_input(OrderInput, path)
    where = sorted((p.file.rsplit("/", 1)[-1], p.field) for p in info.value.problems)
    assert where == [
        ("order.yaml", "date"), ("order.yaml", "meetings → 1 → topic"),
        ("organization.yaml", "city"), ("organization.yaml", "head"), ("organization.yaml", "short_name"),
    ]


def test_missing_linked_file(folder):
    path = write(folder / "order.yaml", {"organization": "нет.yaml", "number": "1", "date": "2026-09-01"})
    with pytest.raises(InputError) as info:
        load_input(OrderInput, path)
    (problem,) = info.value.problems
    assert "Файл не найден" in problem.message and problem.file.endswith("нет.yaml")


def test_xlsx_for_a_non_registry_field_is_refused(folder):
    path = write(folder / "order.yaml", {"organization": "registry.xlsx", "number": "1", "date": "2026-09-01"})
    with pytest.raises(InputError, match="только база наставников"):
        load_input(OrderInput, path)


def test_inline_registry_link_errors_are_located(folder):
    registry = yaml.safe_load(sample_path("registry.yaml").read_text(encoding="utf-8"))
    registry["pairs"][2]["mentor"] = "У99"
    path = write(folder / "order.yaml", {"organization": "organization.yaml", "registry": registry,
                                         "number": "1", "date": "2026-09-01"})
    with pytest.raises(InputError) as info:
        load_input(OrderInput, path)
    (problem,) = info.value.problems
    assert (problem.field, problem.value) == ("registry → pairs → 3 → mentor", "У99")
    assert problem.row is not None and problem.file == str(path)


def test_dict_errors_are_russian_and_have_field_paths():
    with pytest.raises(InputError) as info:
        load_input(OrderInput, {"number": "1", "date": "вчера", "unknown": 1})
    messages = {p.field: p.message for p in info.value.problems}
    assert messages["organization"] == "обязательное поле не заполнено"
    assert messages["date"].startswith("не удалось прочитать дату")
    assert set(messages) == {"organization", "date"}  # extra keys are allowed by this model


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"chair": {"topic": "x"}}, [("chair → day", "обязательное поле не заполнено")]),
        ({"chair": "У10", "people": ["a", {"topic": "", "day": "2026-09-01"}]},
         [("people → 2 → topic", "значение не может быть пустым")]),
        ({"chair": True}, [("chair", "нужен текст")]),
    ],
)
def test_union_member_names_do_not_leak_into_field_paths(data, expected):
    with pytest.raises(InputError) as info:
        load_input(UnionInput, data)
    assert [(p.field, p.message) for p in info.value.problems] == expected


class Money(BaseModel):
    pay: Decimal
    rates: dict[str, Decimal] = {}
    days: list[date] = []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"pay": "3 500,50"}, Money(pay=Decimal("3500.50"))),
        ({"pay": 3500, "rates": {"май": "1,5"}}, Money(pay=Decimal(3500), rates={"май": Decimal("1.5")})),
        ({"pay": "0", "days": ["01.09.2026", "2026-09-02"]},
         Money(pay=Decimal(0), days=[date(2026, 9, 1), date(2026, 9, 2)])),
    ],
)
def test_russian_numbers_and_dates_inside_collections(data, expected):
    assert load_input(Money, data) == expected


def test_a_number_for_a_text_or_model_union_is_text():
    assert load_input(UnionInput, {"chair": 5.5}).chair == "5.5"


def test_picture_paths_resolve_relative_to_the_yaml_file(tmp_path, monkeypatch):
    """«logo: эмблема.png» and «logo: {path: …}» name a file beside the YAML, wherever the cwd is."""
    from nastavnik_docs.models import Image

    class WithPictures(BaseModel):
        logo: Image | None = None
        stamp: Image | None = None

    folder = tmp_path / "данные"
    folder.mkdir()
    path = folder / "doc.yaml"
    path.write_text("logo: эмблема.png\nstamp: {path: печати/печать.png, width_mm: 30}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loaded = load_input(WithPictures, path)
    assert loaded.logo.path == folder / "эмблема.png"
    assert loaded.stamp.path == folder / "печати" / "печать.png" and loaded.stamp.width_mm == 30
