"""The working-day calendar of the programmes (``nastavnik_docs.kinds.programmes.schedule``)."""

from __future__ import annotations

import datetime as dt

import pytest
from programme_helpers import HOLIDAYS

from nastavnik_docs.kinds.programmes.schedule import (
    FREQUENCIES,
    add_months,
    frequency_key,
    months_between,
    plan_dates,
)


def test_plan_dates_skip_weekends_public_and_school_holidays():
    dates, final = plan_dates(dt.date(2026, 10, 19), dt.date(2027, 1, 31), "раз в две недели", HOLIDAYS)
    assert dates[:3] == [dt.date(2026, 10, 19), dt.date(2026, 11, 5), dt.date(2026, 11, 12)]
    assert final == dt.date(2027, 1, 29)
    assert dt.date(2026, 12, 31) not in dates and all(d.weekday() < 5 for d in dates)
    assert dates[-1] <= final - dt.timedelta(days=7)


@pytest.mark.parametrize(("start", "end", "months"), [
    (dt.date(2026, 9, 1), dt.date(2027, 5, 31), 9),
    (dt.date(2026, 10, 1), dt.date(2027, 3, 31), 6),
    (dt.date(2026, 9, 15), dt.date(2026, 12, 25), 3),
    (dt.date(2026, 9, 1), dt.date(2027, 8, 31), 12),
])
def test_months_between(start, end, months):
    assert months_between(start, end) == months


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 9, 1), 0, dt.date(2026, 9, 1)),
    (dt.date(2026, 9, 1), 4, dt.date(2027, 1, 1)),
    (dt.date(2026, 8, 31), 1, dt.date(2026, 9, 30)),
    (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
    (dt.date(2027, 12, 15), 14, dt.date(2029, 2, 15)),
])
def test_add_months_keeps_the_day_or_takes_the_last_one(day, months, expected):
    assert add_months(day, months) == expected


def test_monthly_meetings_step_by_calendar_months():
    dates, final = plan_dates(dt.date(2026, 9, 1), dt.date(2027, 5, 31), "ежемесячно")
    regular = dates[3:]
    assert [d.month for d in regular] == [10, 11, 12, 1, 2, 3, 4, 5]
    assert dates[0] == dt.date(2026, 9, 2)  # never on the Day of Knowledge
    assert all(d.day in (16, 17, 18) for d in regular)  # a month after the planning meeting, on a working day
    assert final == dt.date(2027, 5, 31)


@pytest.mark.parametrize(("text", "key"), [
    ("раз в две недели", "biweekly"), ("2 раза в месяц", "biweekly"), ("Раз в 3 недели.", "three_weeks"),
    ("ежемесячно", "monthly"), ("weekly", "weekly"),
])
def test_frequency_wordings(text, key):
    assert frequency_key(text) == key
    assert FREQUENCIES[key][0] in {"еженедельно", "раз в две недели", "раз в три недели", "раз в месяц"}


def test_an_unknown_frequency_lists_the_wordings():
    with pytest.raises(ValueError, match="«раз в две недели»"):
        frequency_key("иногда")
