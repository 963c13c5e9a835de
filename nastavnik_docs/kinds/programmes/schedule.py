"""The working-day calendar of a programme: when its meetings fall.

* :func:`plan_schedule` — the dates of the meetings of a personalised programme from its
  start and end and a rhythm («раз в две недели»): the organisational meetings, the
  regular ones at an even step, the final one. Weekends, the public holidays of the Labour
  Code (art. 112), the Day of Knowledge (1 September) and the school holidays given are
  skipped; a meeting moved out of a holiday is followed by meetings re-spaced from it; a
  monthly rhythm has a meeting in every month. :func:`plan_dates` gives the plain dates;
* :func:`default_holidays` — the school holidays of the default calendar
  (``holidays.yaml``) for a period; :func:`summer_periods` — the summer (pupils'
  holidays, staff's annual leave) a meeting is allowed in but reported for;
* :class:`Holiday` — a school holiday or another period without meetings;
* :func:`frequency_key` / :data:`FREQUENCIES` — the wordings of a rhythm (``programmes.yaml``);
* :func:`add_months` and :func:`months_between` — month arithmetic on dates (the step of
  a month is :func:`nastavnik_docs.models.roadmap.next_month`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, model_validator

from ...models import Model
from ...models.roadmap import next_month
from .._data import wording
from ._wording import TEXT

__all__ = ["FREQUENCIES", "PUBLIC_HOLIDAYS", "Holiday", "Schedule", "add_months", "default_holidays",
           "frequency_key", "months_between", "plan_dates", "plan_schedule", "summer_periods"]

#: How often regular meetings are held: key → (printed wording, step, "weeks" or "months").
FREQUENCIES: dict[str, tuple[str, int, str]] = {
    key: (value["text"], value["step"], value["unit"]) for key, value in TEXT["frequencies"].items()}
_FREQUENCY_ALIASES: dict[str, str] = dict(TEXT["frequency_aliases"])

#: Non-working public holidays of the Russian Federation (Labour Code art. 112), month-day.
PUBLIC_HOLIDAYS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
    (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4),
)

_CALENDAR: dict[str, Any] = wording(__package__ or "nastavnik_docs.kinds.programmes", "holidays.yaml")
#: Other days without meetings (month, day): the Day of Knowledge.
DAYS_OFF: tuple[tuple[int, int], ...] = tuple(
    (int(d["date"][:2]), int(d["date"][3:])) for d in _CALENDAR["days_off"])

#: Regular meetings stop this many days before the final meeting.
_FINAL_GAP_DAYS = 7
#: Two meetings of a monthly rhythm are at least this many days apart.
_MIN_GAP_DAYS = 7


class Holiday(Model):
    """A school holiday (каникулы) or another period without meetings."""

    start: dt.date = Field(description="Первый день")
    end: dt.date = Field(description="Последний день")
    title: str | None = Field(default=None, description="Название («осенние каникулы»)")

    @model_validator(mode="after")
    def _order(self) -> Holiday:
        if self.end < self.start:
            raise ValueError(f"последний день каникул ({self.end:%d.%m.%Y}) раньше первого ({self.start:%d.%m.%Y})")
        return self

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def frequency_key(text: str) -> str:
    """«раз в две недели» / «biweekly» → ``biweekly``; ValueError for an unknown wording."""
    key = " ".join(str(text).lower().replace("ё", "е").split()).rstrip(".")
    if key in FREQUENCIES:
        return key
    if key in _FREQUENCY_ALIASES:
        return _FREQUENCY_ALIASES[key]
    allowed = ", ".join(f"«{w}»" for w, *_ in FREQUENCIES.values())
    raise ValueError(f"непонятная периодичность встреч; допустимо: {allowed}")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` ``months`` months later (≥ 0); the 31st becomes the last day of a shorter month."""
    ym = (day.year, day.month)
    for _ in range(months):
        ym = next_month(ym)
    return dt.date(*ym, min(day.day, calendar.monthrange(*ym)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Length of a period in whole months, rounded (1 September – 31 May: 9)."""
    return max(1, round(((end - start).days + 1) / 30.4375))


# --------------------------------------------------------------------------- the default calendar


def _md(text: str, year: int) -> dt.date:
    return dt.date(year, int(text[:2]), int(text[3:]))


def _period(raw: dict[str, Any], school_year: int) -> Holiday:
    """A period of ``holidays.yaml`` in the school year starting in ``school_year``."""
    key = raw.get("start") or raw["start_saturday"]
    year = school_year if int(key[:2]) >= 8 else school_year + 1
    start = _md(key, year)
    if "start_saturday" in raw:
        start -= dt.timedelta(days=(start.weekday() - 5) % 7)
    if "days" in raw:
        end = start + dt.timedelta(days=int(raw["days"]) - 1)
    else:
        end = _md(raw["end"], year)
        if end < start:
            end = _md(raw["end"], year + 1)
    return Holiday(start=start, end=end, title=raw["title"])


def _school_years(start: dt.date, end: dt.date) -> range:
    first = start.year if start.month >= 8 else start.year - 1
    return range(first - 1, end.year + 1)


def _overlapping(periods: list[Holiday], start: dt.date, end: dt.date) -> list[Holiday]:
    return [p for p in periods if p.end >= start and p.start <= end]


def default_holidays(start: dt.date, end: dt.date) -> list[Holiday]:
    """The breaks of the default calendar (``holidays.yaml``) that touch ``start``–``end``."""
    periods = [_period(raw, y) for y in _school_years(start, end) for raw in _CALENDAR["breaks"]]
    return _overlapping(sorted(periods, key=lambda p: p.start), start, end)


def summer_periods(start: dt.date, end: dt.date, *, learners: bool) -> list[Holiday]:
    """The summers touching ``start``–``end``: the pupils' holidays (``learners``) or the
    staff's annual leave."""
    raw = _CALENDAR["summer"]["learners" if learners else "staff"]
    years = range(start.year - 1, end.year + 1)
    periods = [Holiday(start=_md(raw["start"], y), end=_md(raw["end"], y), title=raw["title"]) for y in years]
    return _overlapping(periods, start, end)


# --------------------------------------------------------------------------- working days


def _days_off(start: dt.date, end: dt.date, holidays: Sequence[Holiday]) -> set[dt.date]:
    days: set[dt.date] = set()
    for year in range(start.year, end.year + 1):
        for month, day in (*PUBLIC_HOLIDAYS, *DAYS_OFF):
            days.add(dt.date(year, month, day))
    for period in holidays:
        d = period.start
        while d <= period.end:
            days.add(d)
            d += dt.timedelta(days=1)
    return days


def _working(day: dt.date, off: set[dt.date]) -> bool:
    return day.weekday() < 5 and day not in off


def _next_working(day: dt.date, off: set[dt.date]) -> dt.date:
    while not _working(day, off):
        day += dt.timedelta(days=1)
    return day


def _prev_working(day: dt.date, off: set[dt.date]) -> dt.date:
    while not _working(day, off):
        day -= dt.timedelta(days=1)
    return day


@dataclass
class Schedule:
    """The dates of a programme's meetings: the organisational ones (three, or one for a
    compact programme), the regular ones, the final one; ``skipped`` are the months a
    monthly rhythm found no working day in (all of it a holiday)."""

    intro: list[dt.date]
    regular: list[dt.date]
    final: dt.date
    skipped: list[tuple[int, int]] = field(default_factory=list)

    @property
    def dates(self) -> list[dt.date]:
        """Every date but the final one."""
        return [*self.intro, *self.regular]


def _in_month(nominal: dt.date, low: dt.date, high: dt.date, off: set[dt.date]) -> dt.date | None:
    """A working day of ``nominal``'s month between ``low`` and ``high``: the nominal day or
    the first working day after it, else the last one before it."""
    first = nominal.replace(day=1)
    last = nominal.replace(day=calendar.monthrange(nominal.year, nominal.month)[1])
    low, high = max(low, first), min(high, last)
    day = max(nominal, low)
    while day <= high:
        if _working(day, off):
            return day
        day += dt.timedelta(days=1)
    day = min(nominal, high)
    while day >= low:
        if _working(day, off):
            return day
        day -= dt.timedelta(days=1)
    return None


def _monthly(anchor: dt.date, final: dt.date, off: set[dt.date]) -> tuple[list[dt.date], list[tuple[int, int]]]:
    """One meeting in every month after the anchor's, on the anchor's day or the nearest
    working day of that month; the final meeting's month needs none if it fits no other."""
    dates: list[dt.date] = []
    skipped: list[tuple[int, int]] = []
    previous, n = anchor, 1
    limit = final - dt.timedelta(days=_FINAL_GAP_DAYS)
    while True:
        nominal = add_months(anchor, n)
        n += 1
        if (nominal.year, nominal.month) > (final.year, final.month):
            break
        day = _in_month(nominal, previous + dt.timedelta(days=_MIN_GAP_DAYS), limit, off)
        if day is None:
            if (nominal.year, nominal.month) < (final.year, final.month):
                skipped.append((nominal.year, nominal.month))
            continue
        dates.append(day)
        previous = day
    return dates, skipped


def plan_schedule(start: dt.date, end: dt.date, frequency: str = "biweekly", holidays: Sequence[Holiday] = (),
                  *, compact: bool = False) -> Schedule:
    """The meetings of a programme from ``start`` to ``end`` at ``frequency``.

    The organisational meeting is on the first working day from ``start``; the trial and
    the planning meetings follow a week apart (a compact programme has only the first).
    Regular meetings follow at the rhythm's step, each counted from the one before, so that
    a meeting moved out of a holiday is followed by meetings re-spaced from it; a monthly
    rhythm puts one in every month on the nearest working day. They stop a week before the
    final meeting, which is on the last working day up to ``end``. ValueError when no
    regular meeting fits (or the frequency is not understood).
    """
    _, step, unit = FREQUENCIES[frequency_key(frequency)]
    off = _days_off(start, end, holidays)
    final = _prev_working(end, off)
    intro = [_next_working(start, off)]
    if not compact:
        for _ in range(2):  # trial and planning meetings, a week apart
            intro.append(_next_working(intro[-1] + dt.timedelta(days=7), off))
    skipped: list[tuple[int, int]] = []
    if unit == "months":
        regular, skipped = _monthly(intro[-1], final, off)
    else:
        regular = []
        day = intro[-1]
        while True:
            day = _next_working(day + dt.timedelta(weeks=step), off)
            if day > final - dt.timedelta(days=_FINAL_GAP_DAYS):
                break
            regular.append(day)
    if not regular or final <= intro[-1]:
        between = ("организационной и заключительной встречами" if compact
                   else "встречей-планированием и заключительной встречей")
        raise ValueError(f"срок программы слишком короткий: между {between} не помещается ни одной "
                         "рабочей встречи")
    return Schedule(intro=intro, regular=regular, final=final, skipped=skipped)


def plan_dates(start: dt.date, end: dt.date, frequency: str = "biweekly",
               holidays: Sequence[Holiday] = ()) -> tuple[list[dt.date], dt.date]:
    """(the dates of the intro and regular meetings, the date of the final meeting) of
    :func:`plan_schedule`."""
    schedule = plan_schedule(start, end, frequency, holidays)
    return schedule.dates, schedule.final
