"""The working-day calendar of a programme: when its meetings fall.

* :func:`plan_dates` — the dates of the meetings of a personalised programme from its start
  and end and a frequency («раз в две недели»): weekends, the public holidays of the Labour
  Code (art. 112) and the school holidays given in the input are skipped;
* :class:`Holiday` — a school holiday or another period without meetings;
* :func:`frequency_key` / :data:`FREQUENCIES` — the wordings of a frequency
  (``programmes.yaml``);
* :func:`add_months` and :func:`months_between` — month arithmetic on dates (the step of
  a month is :func:`nastavnik_docs.models.roadmap.next_month`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from pydantic import Field, model_validator

from ...models import Model
from ...models.roadmap import next_month
from ._wording import TEXT

__all__ = ["FREQUENCIES", "PUBLIC_HOLIDAYS", "Holiday", "add_months", "frequency_key", "months_between",
           "plan_dates"]

#: How often regular meetings are held: key → (printed wording, step, "weeks" or "months").
FREQUENCIES: dict[str, tuple[str, int, str]] = {
    key: (value["text"], value["step"], value["unit"]) for key, value in TEXT["frequencies"].items()}
_FREQUENCY_ALIASES: dict[str, str] = dict(TEXT["frequency_aliases"])

#: Non-working public holidays of the Russian Federation (Labour Code art. 112), month-day.
PUBLIC_HOLIDAYS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
    (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4),
)

#: Regular meetings stop this many days before the final meeting.
_FINAL_GAP_DAYS = 7


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


def _days_off(start: dt.date, end: dt.date, holidays: Sequence[Holiday]) -> set[dt.date]:
    days: set[dt.date] = set()
    for year in range(start.year, end.year + 1):
        for month, day in PUBLIC_HOLIDAYS:
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


def plan_dates(start: dt.date, end: dt.date, frequency: str = "biweekly",
               holidays: Sequence[Holiday] = ()) -> tuple[list[dt.date], dt.date]:
    """The dates of the intro and regular meetings, and the date of the final meeting.

    The organisational meeting is on the first working day from ``start``; the trial and
    the planning meetings follow a week apart; regular meetings follow at the ``frequency``
    step until a week before the final meeting, which is on the last working day up to
    ``end``. Weekends, public holidays and the given school holidays are skipped (a date
    moves to the next working day); two meetings never fall within three days of each other.
    ValueError when no regular meeting fits (or the frequency is not understood).
    """
    _, step, unit = FREQUENCIES[frequency_key(frequency)]
    off = _days_off(start, end, holidays)
    final = _prev_working(end, off)
    first = _next_working(start, off)
    dates = [first]
    for _ in range(2):  # trial and planning meetings, a week apart
        dates.append(_next_working(dates[-1] + dt.timedelta(days=7), off))
    anchor, n = dates[-1], 1
    while True:
        nominal = (anchor + dt.timedelta(weeks=step * n)) if unit == "weeks" else add_months(anchor, step * n)
        n += 1
        day = _next_working(nominal, off)
        if day > final - dt.timedelta(days=_FINAL_GAP_DAYS):
            break
        if day - dates[-1] >= dt.timedelta(days=4):
            dates.append(day)
    if len(dates) == 3:
        raise ValueError("срок программы слишком короткий: между встречей-планированием и "
                         "заключительной встречей не помещается ни одной рабочей встречи")
    return dates, final
