"""Is a birth date believable? Ages that contradict a person's category.

A birth date after today, before 1900, or giving an age the person's category does not
have (a pupil of 40, a teacher of 12) is a warning: the document can still be made, but
the curator should look (a year typed with two digits, a day and a month swapped, the
wrong column). :func:`person_warnings`
gives the warnings of one person, :func:`data_warnings` of every person in a model.
Neither names the date itself: a warning identifies the person by surname and initials.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel

from ._enums import Category

__all__ = ["AGE_RANGES", "EARLIEST_BIRTH_YEAR", "data_warnings", "person_warnings"]

#: Birth years before this one are taken for a typing error.
EARLIEST_BIRTH_YEAR = 1900

#: Believable ages (on the day of the check) by category, inclusive.
AGE_RANGES: dict[Category, tuple[int, int]] = {
    Category.PUPIL: (5, 20),
    Category.STUDENT: (14, 60),
    Category.TEACHER: (17, 90),
    Category.EMPLOYER: (17, 90),
    Category.OTHER: (5, 100),
}

_CATEGORY_GENITIVE = {
    Category.PUPIL: "обучающегося",
    Category.STUDENT: "студента",
    Category.TEACHER: "педагога",
    Category.EMPLOYER: "представителя работодателя",
    Category.OTHER: "участника",
}


def _who(person: Any) -> str:
    initials = getattr(person, "initials", "")
    return f"{getattr(person, 'last_name', '')}\u00a0{initials}".strip()


def _years(n: int) -> str:
    last, tens = n % 10, n % 100
    word = "лет" if 11 <= tens <= 14 or last in (0, 5, 6, 7, 8, 9) else "год" if last == 1 else "года"
    return f"{n}\u00a0{word}"


def person_warnings(person: Any, on: date | None = None) -> list[str]:
    """Warnings about the birth date of ``person`` (anything with ``birth_date``,
    ``age_on`` and optionally ``category``) on ``on`` (default: today)."""
    birth = getattr(person, "birth_date", None)
    if not isinstance(birth, date):
        return []
    on = on or date.today()
    if birth > on:
        return [f"{_who(person)}: дата рождения позже сегодняшнего дня — проверьте год"]
    if birth.year < EARLIEST_BIRTH_YEAR:
        return [f"{_who(person)}: год рождения раньше {EARLIEST_BIRTH_YEAR}-го — проверьте дату рождения"]
    category = getattr(person, "category", None)
    if not isinstance(category, Category):
        return []
    age = person.age_on(on)
    low, high = AGE_RANGES[category]
    if age is None or low <= age <= high:
        return []
    return [f"{_who(person)}: возраст {_years(age)} необычен для {_CATEGORY_GENITIVE[category]} "
            f"(обычно от {low} до {high}) — проверьте дату рождения и категорию"]


def _people(value: Any, seen: set[int], skip: tuple[type, ...]) -> Iterator[Any]:
    if isinstance(value, BaseModel):
        if id(value) in seen or (skip and isinstance(value, skip)):
            return
        seen.add(id(value))
        if "birth_date" in type(value).model_fields:
            yield value
        for name in type(value).model_fields:
            yield from _people(getattr(value, name), seen, skip)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _people(item, seen, skip)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _people(item, seen, skip)


def data_warnings(model: BaseModel, on: date | None = None, *, skip: tuple[type, ...] = ()) -> list[str]:
    """The birth-date warnings of every person anywhere in ``model``, each once; models of
    the types in ``skip`` are not looked into (a registry reports its own, in
    ``Registry.warnings()``)."""
    return list(dict.fromkeys(w for person in _people(model, set(), skip) for w in person_warnings(person, on)))
