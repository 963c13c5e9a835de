"""The calendar of a roadmap: which months a parsed deadline falls in, its occurrences as
dates, the months a roadmap covers and what falls due in a month.

How a deadline is placed (also in the README):

* «в течение года», «постоянно», «систематически», «регулярно», «ежемесячно» — every month
  of the roadmap's period;
* «ежеквартально» — the last month of each calendar quarter (март, июнь, сентябрь, декабрь);
* «каждые полгода», «2 раза в год» — июнь and декабрь;
* «далее – ежегодно M» — month M of each later year of the period; «далее – ежегодно»
  without a month repeats the first months in each later year;
* «по мере необходимости», «в соответствии со сроками …» and other open wordings — no month;
* a month without a year («январь», «6.10.») takes its year from the roadmap's period.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .deadline import Deadline, DeadlineStatus, Span, parse_deadline
from .period import YM, month_range, next_month

if TYPE_CHECKING:  # the table's types, for annotations only: table.py imports this module
    from .table import Roadmap, RoadmapRow, Stage, SubStage

__all__ = ["DueItem", "due_in", "months_due", "occurrences", "roadmap_months"]

_QUARTER_ENDS = (3, 6, 9, 12)
_HALF_YEAR_ENDS = (6, 12)


def _resolve(month: int, year: int | None, horizon: Sequence[YM], after: YM | None = None) -> YM | None:
    if year is not None:
        return (year, month)
    for ym in horizon:
        if ym[1] == month and (after is None or ym >= after):
            return ym
    return None


def _span_months(span: Span, horizon: Sequence[YM]) -> list[YM]:
    start = _resolve(span.start_month, span.start_year, horizon)
    if start is None:
        return []
    if span.end_month is None:
        return [start]
    end = _resolve(span.end_month, span.end_year, horizon, after=start)
    if end is None or end < start:
        return [start]
    return month_range(start, end)


def months_due(deadline: Deadline | None, horizon: Sequence[YM]) -> list[YM]:
    """The (year, month) pairs a deadline falls in, within ``horizon`` (the roadmap's
    months, in order). Open and unparsed deadlines fall in none."""
    if deadline is None or deadline.status is not DeadlineStatus.DATED:
        return []
    months: list[YM] = []
    for span in deadline.spans:
        months += _span_months(span, horizon)
    rec = deadline.recurrence
    if rec is not None:
        last_explicit = max(months) if months else None
        for ym in horizon:
            if rec.start and ym < rec.start:
                continue
            if rec.window and not rec.window[0] <= ym <= rec.window[1]:
                continue
            if rec.later and last_explicit and ym <= last_explicit:
                continue
            if rec.every == 1:
                ok = True
            elif rec.every == 3:
                ok = ym[1] in _QUARTER_ENDS
            elif rec.every == 6:
                ok = ym[1] in _HALF_YEAR_ENDS
            else:
                base = rec.months or tuple(m for _, m in months)
                ok = ym[1] in base and (not rec.later or not last_explicit or ym[0] > last_explicit[0])
            if ok:
                months.append(ym)
    horizon_set = set(horizon)
    return sorted({ym for ym in months if not horizon or ym in horizon_set})


def occurrences(deadline: Deadline | None, horizon: Sequence[YM]) -> list[tuple[date, date]]:
    """Calendar occurrences of a dated deadline as (first day, last day) pairs: a day or a
    day range where the wording names days («6.10.», «25-29.08.2023», «до 15 марта»), else
    a whole month or a run of months («сентябрь – декабрь 2024» is one occurrence)."""
    if deadline is None or deadline.status is not DeadlineStatus.DATED:
        return []
    out: list[tuple[date, date]] = []
    day_months: set[YM] = set()
    for span in deadline.spans:
        if span.day is None:
            continue
        ym = _resolve(span.start_month, span.start_year, horizon)
        if ym is not None and (not horizon or ym in horizon):
            out.append((date(ym[0], ym[1], span.day), date(ym[0], ym[1], span.last_day or span.day)))
            day_months.add(ym)
    months = [ym for ym in months_due(deadline, horizon) if ym not in day_months]
    run: list[YM] = []
    for ym in months + [(0, 0)]:
        if run and (ym == (0, 0) or next_month(run[-1]) != ym):
            last = run[-1]
            out.append((date(run[0][0], run[0][1], 1),
                        date(last[0], last[1], calendar.monthrange(*last)[1])))
            run = []
        if ym != (0, 0):
            run.append(ym)
    return sorted(out)


@dataclass(frozen=True)
class DueItem:
    """A row that falls due in a month, with its stage and parsed deadline."""

    stage: Stage
    substage: SubStage | None
    row: RoadmapRow
    deadline: Deadline

    @property
    def title(self) -> str:
        texts = self.row.texts()
        return texts[0] if texts else ""


def roadmap_months(roadmap: Roadmap) -> list[YM]:
    """The roadmap's months: its period; without one, from the first to the last month its
    deadlines name, to the end of that school year (August), one school year further when a
    deadline repeats yearly («далее – ежегодно»)."""
    if roadmap.period is not None:
        return roadmap.period.months()
    explicit: list[YM] = []
    repeats = False
    for _, _, row in roadmap.rows():
        d = parse_deadline(row.deadline)
        if d is None or d.status is DeadlineStatus.UNPARSED:
            continue
        for span in d.spans:
            if span.start_year is not None:
                explicit.append((span.start_year, span.start_month))
            if span.end_year is not None and span.end_month is not None:
                explicit.append((span.end_year, span.end_month))
        if d.recurrence is not None:
            if d.recurrence.start:
                explicit.append(d.recurrence.start)
            repeats = repeats or d.recurrence.every == 12
    if not explicit:
        return []
    first, last = min(explicit), max(explicit)
    end_year = last[0] if last[1] <= 8 else last[0] + 1
    if repeats:
        end_year += 1
    return month_range(first, (end_year, 8))


def due_in(roadmap: Roadmap, year: int, month: int) -> list[DueItem]:
    """Rows of ``roadmap`` due in ``month`` of ``year`` («что по плану в октябре»)."""
    horizon = roadmap_months(roadmap)
    out: list[DueItem] = []
    for stage, sub, row in roadmap.rows():
        d = parse_deadline(row.deadline)
        if d is not None and (year, month) in months_due(d, horizon):
            out.append(DueItem(stage, sub, row, d))
    return out
