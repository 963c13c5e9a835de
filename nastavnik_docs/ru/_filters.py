"""Jinja filters for users' own templates: the same forms the built-in templates place.

``{{ mentor|dative }}``, ``{{ "Иванова Мария Петровна"|short_instrumental }}``,
``{{ order_date|date_long }}``, ``{{ sum|money_words }}``, ``{{ n|agree("наставник") }}``.
A person may be a Person, a PersonForms or a «Фамилия Имя Отчество» string; a post is a
PostForms (``{{ mentor.post|dative }}``) or goes through ``post_<case>`` filters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..models import Case, Person
from ._agree import agree
from ._dates import format_date, format_month_range, format_school_year
from ._forms import PersonForms, PostForms, person_forms
from ._names import decline_name, initials_name, short_name
from ._numbers import (
    BLANK_NUMBER,
    format_number,
    format_percent,
    money_in_words,
    number_in_words,
    ordinal_in_words,
)
from ._posts import decline_post
from ._typography import typograph

_STRING_FORMS = {"": decline_name, "short_": short_name, "initials_": initials_name}

#: Printed for a person or post left empty on purpose (filled in by hand).
BLANK_NAME = "______________________________"


def _name_filter(prefix: str, case: Case) -> Callable[[Any], str]:
    attribute = f"{prefix}{case.value}"

    def name_filter(value: Any) -> str:
        if value is None or value == "":
            return BLANK_NAME
        if isinstance(value, PostForms):
            if prefix:
                raise TypeError(f"фильтр «{attribute}» применяется к человеку, а не к должности")
            return getattr(value, case.value)
        if isinstance(value, str):  # also «Иванова М.П.», which person_forms cannot hold
            return _STRING_FORMS[prefix](value, case)
        return getattr(person_forms(value), attribute)

    name_filter.__name__ = attribute
    return name_filter


def _post_filter(case: Case) -> Callable[[Any], str]:
    def post_filter(value: Any) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, PostForms):
            return getattr(value, case.value)
        if isinstance(value, PersonForms):
            return getattr(value.post, case.value)
        if isinstance(value, Person):  # an Official or a Participant: their own post
            return getattr(person_forms(value).post, case.value)
        return decline_post(str(value), case)

    post_filter.__name__ = f"post_{case.value}"
    return post_filter


def _number_words(n: Any, case: str = "nominative", gender: str = "masculine") -> str:
    return BLANK_NUMBER if n is None else number_in_words(n, case, gender)


def _ordinal_words(n: Any, case: str = "nominative", gender: str = "masculine") -> str:
    return BLANK_NUMBER if n is None else ordinal_in_words(n, case, gender)


def _agree(n: Any, word: str) -> str:
    return f"{BLANK_NUMBER} {word}" if n is None else agree(n, word)


def jinja_filters() -> dict[str, Callable[..., str]]:
    """The filters to register in a Jinja environment (``env.filters.update(...)``).

    People: ``nominative`` … ``prepositional``, ``short_<case>``, ``initials_<case>``;
    posts: ``post_<case>`` (or the case filters on a PostForms); dates: ``date_long``,
    ``date_quoted``, ``date_numeric``, ``date_month_year``, ``month_range``, ``school_year``;
    numbers: ``number``, ``percent``, ``number_words``, ``ordinal_words``, ``money_words``,
    ``agree``; text: ``typograph``. ``None`` prints as a blank for handwriting.
    """
    filters: dict[str, Callable[..., str]] = {}
    for case in Case:
        for prefix in ("", "short_", "initials_"):
            filters[f"{prefix}{case.value}"] = _name_filter(prefix, case)
        filters[f"post_{case.value}"] = _post_filter(case)
    filters.update({
        "date_long": lambda d: format_date(d, "long"),
        "date_quoted": lambda d: format_date(d, "quoted"),
        "date_numeric": lambda d: format_date(d, "numeric"),
        "date_month_year": lambda d: format_date(d, "month_year"),
        "month_range": format_month_range,
        "school_year": format_school_year,
        "number": format_number,
        "percent": format_percent,
        "number_words": _number_words,
        "ordinal_words": _ordinal_words,
        "money_words": money_in_words,
        "agree": _agree,
        "typograph": typograph,
    })
    return filters
