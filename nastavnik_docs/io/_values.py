"""Turning what a curator typed into a cell (or a YAML scalar) into values.

Excel gives ``datetime`` for real dates and numbers as floats; a curator may also type a
date as text in several habits («01.09.2024», «1.9.24», «2024-09-01»). Python's and
pydantic's parsers accept ISO only, so the Russian day-first forms are parsed here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from ..models import normalize_word

DATE_HINT = "пишите дату как ДД.ММ.ГГГГ, например 01.09.2024"

_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
_UNIT = re.compile(r"(руб\.?|р\.|₽|лет|года|год)$")  # «3500 руб.», «28 лет» after a number
_AFTER_INITIAL = re.compile(r"\.\s+")
#: Excel's day zero for serial dates (the 1900 system, with its phantom 29.02.1900).
_EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_date(value: Any) -> date:
    """A date from an Excel cell or a typed string; ValueError with a Russian message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # a serial number left in a cell formatted as a number
            return (_EXCEL_EPOCH + timedelta(days=float(value))).date()
        raise ValueError(f"не удалось прочитать дату; {DATE_HINT}")
    text = str(value).strip()
    match = _DAY_FIRST.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            if len(match.group(3)) == 2:
                year += 2000 if year < 70 else 1900
            return date(year, month, day)
        match = _ISO.match(text)
        if match:
            return date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ValueError(f"такой даты нет в календаре; {DATE_HINT}") from None
    raise ValueError(f"не удалось прочитать дату; {DATE_HINT}")


def looks_like_date_text(value: Any) -> bool:
    return isinstance(value, str) and bool(_DAY_FIRST.match(value.strip()))


def parse_number(value: Any) -> Decimal:
    """A number from a cell: 3500, 3500.5, «3 500,50», «3500 руб.»."""
    if isinstance(value, bool):
        raise ValueError("нужно число")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = str(value).strip().lower().replace("\u00a0", "").replace(" ", "")
    text = _UNIT.sub("", text).replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError("нужно число") from None


def cell_text(value: Any) -> str:
    """Text of a cell: numbers without a trailing «.0», dates as ДД.ММ.ГГГГ, stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value).strip()


def header_key(text: Any) -> str:
    """Compare headers ignoring case, ё/е, spaces, a trailing «*» or «:» and spaces around «/»."""
    key = normalize_word(cell_text(text)).rstrip("*: ").replace(" /", "/").replace("/ ", "/")
    return key


def name_key(text: str) -> str:
    """Compare people's names ignoring case, ё/е, spaces and spaces after initials."""
    key = normalize_word(text)
    return _AFTER_INITIAL.sub(".", key)
