"""pydantic's error types retold in Russian, with readable field paths."""

from __future__ import annotations

from datetime import date
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nastavnik_docs.io._problems import field_path, problems_from_validation
from nastavnik_docs.models import Gender


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=5)
    when: date | None = None
    count: int = 0
    share: float = Field(default=0, ge=0, le=1)
    flag: bool = False
    gender: Gender | None = None
    level: Literal["low", "high"] = "low"
    tags: list[str] = Field(default_factory=list, min_length=0, max_length=2)
    code: str = Field(default="00", pattern=r"^\d+$")


class Box(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[Item] = Field(min_length=1)


def problem(data):
    with pytest.raises(ValidationError) as info:
        Box.model_validate(data)
    (p,) = problems_from_validation(info.value, Box, file="box.yaml")
    return p


@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        ({}, "items → 1 → name", "обязательное поле не заполнено"),
        ({"name": None}, "items → 1 → name", "обязательное поле не заполнено"),
        ({"name": ""}, "items → 1 → name", "значение не может быть пустым"),
        ({"name": "абвгдеж"}, "items → 1 → name", "слишком длинное значение: допускается не более 5 символов"),
        ({"name": "a", "colour": 1}, "items → 1 → colour", "неизвестное поле"),
        ({"name": "a", "when": "вчера"}, "items → 1 → when", "не удалось прочитать дату"),
        ({"name": "a", "count": "три"}, "items → 1 → count", "нужно целое число"),
        ({"name": "a", "share": "x"}, "items → 1 → share", "нужно число"),
        ({"name": "a", "share": 2}, "items → 1 → share", "значение должно быть не больше 1"),
        ({"name": "a", "share": -1}, "items → 1 → share", "значение должно быть не меньше 0"),
        ({"name": "a", "flag": "может быть"}, "items → 1 → flag", "нужно «да» или «нет»"),
        ({"name": "a", "gender": "оно"}, "items → 1 → gender", "недопустимое значение; допустимо: «мужской», «женский»"),
        ({"name": "a", "level": "mid"}, "items → 1 → level", "недопустимое значение; допустимо: «low», «high»"),
        ({"name": "a", "tags": ["1", "2", "3"]}, "items → 1 → tags", "допускается не более 2 значений"),
        ({"name": "a", "tags": "x"}, "items → 1 → tags", "нужен список"),
        ({"name": "a", "code": "1a"}, "items → 1 → code", "значение не соответствует формату"),
        ("строка", "items → 1", "нужен набор полей «имя: значение» или путь к файлу (.yaml, .json)"),
    ],
)
def test_error_types_in_russian(item, field, message):
    p = problem({"items": [item]})
    assert (p.file, p.field) == ("box.yaml", field)
    assert p.message.startswith(message)


def test_empty_list_and_unknown_top_level_key():
    assert problem({"items": []}).message == "нужно указать хотя бы одно значение"
    with pytest.raises(ValidationError) as info:
        Box.model_validate({"items": [{"name": "a", "when": date(2026, 1, 1)}], "x": 1})
    (p,) = problems_from_validation(info.value, Box)
    assert (p.field, p.message) == ("x", "неизвестное поле")


@pytest.mark.parametrize(("loc", "text"), [
    (("pairs", 2, "start"), "pairs → 3 → start"), ((), ""), (("head", "post"), "head → post"),
])
def test_field_path(loc, text):
    assert field_path(loc) == text
