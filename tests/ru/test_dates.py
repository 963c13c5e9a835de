"""Dates in the documents' styles, blanks for handwriting, month ranges, school years."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.ru import format_date, format_month_range, format_school_year

NB = "\u00a0"

MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                   "сентября", "октября", "ноября", "декабря"]
MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                     "сентябрь", "октябрь", "ноябрь", "декабрь"]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_both_forms(month):
    d = date(2025, month, 1)
    assert format_date(d) == f"1{NB}{MONTHS_GENITIVE[month - 1]} 2025{NB}г."
    assert format_date(d, "month_year") == f"{MONTHS_NOMINATIVE[month - 1]} 2025"


@pytest.mark.parametrize(
    "d, style, expected",
    [
        (date(2022, 4, 20), "long", f"20{NB}апреля 2022{NB}г."),
        (date(2026, 6, 5), "long", f"5{NB}июня 2026{NB}г."),
        (date(2026, 6, 5), "quoted", f"«5»{NB}июня 2026{NB}г."),
        (date(2026, 6, 5), "numeric", "05.06.2026"),
        (datetime(2026, 6, 5, 14, 30), "numeric", "05.06.2026"),
        (None, "long", f"«___»{NB}____________ 20___{NB}г."),
        (None, "quoted", f"«___»{NB}____________ 20___{NB}г."),
        (None, "numeric", "__.__.20__"),
        (None, "month_year", "____________ 20___"),
    ],
)
def test_format_date(d, style, expected):
    assert format_date(d, style) == expected


@pytest.mark.parametrize("style", ["long", "quoted", "numeric", "month_year"])
@pytest.mark.parametrize("d", [date(2024, 1, 9), date(2025, 12, 31), None])
def test_no_narrow_spaces_and_no_none(d, style):
    text = format_date(d, style)
    assert "\u202f" not in text and "None" not in text


def test_unknown_style():
    with pytest.raises(GrammarError, match="формат даты"):
        format_date(date(2024, 1, 1), "short")


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2024, 9, 1), date(2024, 10, 31), f"сентябрь\u2013октябрь 2024{NB}г."),
        (date(2024, 9, 1), date(2024, 9, 30), f"сентябрь 2024{NB}г."),
        (date(2024, 12, 1), date(2025, 1, 31), f"декабрь 2024{NB}г. \u2013 январь 2025{NB}г."),
    ],
)
def test_month_range(start, end, expected):
    assert format_month_range(start, end) == expected


def test_month_range_in_wrong_order():
    with pytest.raises(GrammarError, match="обратном порядке"):
        format_month_range(date(2024, 10, 1), date(2024, 9, 1))


@pytest.mark.parametrize(
    "start, sep, expected",
    [
        (2024, "/", "2024/2025 учебный год"),
        (2024, "\u2013", "2024\u20132025 учебный год"),
        (2024, "-", "2024\u20132025 учебный год"),
        (date(2025, 3, 1), "/", "2024/2025 учебный год"),
        (date(2025, 9, 1), "/", "2025/2026 учебный год"),
        (None, "/", "20___/20___ учебный год"),
    ],
)
def test_school_year(start, sep, expected):
    assert format_school_year(start, sep) == expected


def test_school_year_without_words():
    assert format_school_year(2024, words=False) == "2024/2025"


def test_iso_strings_are_read():
    assert format_date("2022-04-20", "numeric") == "20.04.2022"


@pytest.mark.parametrize("bad", ["20.04.2022", "вчера", 20220420])
def test_unreadable_dates(bad):
    with pytest.raises(GrammarError, match="Не удалось прочитать дату"):
        format_date(bad)


def test_month_names_are_cldrs():
    """The twelve names written out in ``ru._dates`` are those of babel's Russian locale
    (CLDR), in a date and standing alone."""
    babel_dates = pytest.importorskip("babel.dates")
    from nastavnik_docs.ru._dates import MONTHS_ALONE, MONTHS_IN_DATE

    days = [date(2026, month, 1) for month in range(1, 13)]
    assert list(MONTHS_IN_DATE) == [babel_dates.format_date(d, "MMMM", locale="ru") for d in days]
    assert list(MONTHS_ALONE) == [babel_dates.format_date(d, "LLLL", locale="ru") for d in days]
