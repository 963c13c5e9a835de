"""The calendar of a roadmap: which months a parsed deadline falls in, its occurrences as
dates, its calendar entries (with their repetition), the months a roadmap covers, what is
due in a month and what a curator should be told about the dates.

How a deadline is placed (also in docs/background/deadlines.md):

* «в течение года», «постоянно», «систематически», «регулярно», «весь период» — every
  month of the roadmap's period (one continuous stretch in a calendar);
* «ежемесячно», «до 25 числа каждого месяца» — every month (a monthly repetition);
* «ежеквартально» — the last month of each calendar quarter (март, июнь, сентябрь, декабрь);
  «1 раз в четверть» — the end of each school term (октябрь, декабрь, март, май);
  «раз в полугодие» — декабрь and май; «каждые полгода», «2 раза в год» — июнь and декабрь;
  «2 раза в год (декабрь, май)» — the months named;
* «ежегодно в мае», «по итогам учебного года» (май), «в начале учебного года» (сентябрь) —
  that month of each year of the period; «далее – ежегодно M» — month M of each later year;
  «далее – ежегодно» without a month repeats the first months in each later year;
* «по мере необходимости», «по графику» and other open wordings — no month;
* a month without a year («январь», «6.10.», «III четверть») takes its year from the period.

An explicit date outside the period is kept (it is in the calendar and in «что по плану»)
and reported by :func:`calendar_notes`.
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

__all__ = ["CalendarEntry", "DueItem", "calendar_entries", "calendar_notes", "due_in", "due_notes",
           "month_label", "months_due", "occurrences", "roadmap_months"]


def month_label(ym: YM) -> str:
    """«10.2024»."""
    return f"{ym[1]:02d}.{ym[0]}"


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


def _explicit_months(deadline: Deadline, horizon: Sequence[YM]) -> list[YM]:
    months: list[YM] = []
    for span in deadline.spans:
        months += _span_months(span, horizon)
    return sorted(set(months))


def _recurrence_months(deadline: Deadline, horizon: Sequence[YM], explicit: list[YM]) -> list[YM]:
    rec = deadline.recurrence
    if rec is None:
        return []
    last_explicit = max(explicit) if explicit else None
    base = rec.months or (() if rec.every == 1 else tuple(dict.fromkeys(m for _, m in explicit)))
    if rec.every != 1 and not base:
        return []
    start = rec.start
    if rec.start_month is not None:
        start = _resolve(rec.start_month, None, horizon)
        if start is None:
            return []
    out = []
    for ym in horizon:
        if start and ym < start:
            continue
        if rec.window and not rec.window[0] <= ym <= rec.window[1]:
            continue
        if rec.later and last_explicit:
            if ym <= last_explicit or (rec.every == 12 and ym[0] <= last_explicit[0]):
                continue
        if not base or ym[1] in base:
            out.append(ym)
    return out


def months_due(deadline: Deadline | None, horizon: Sequence[YM], *, outside: bool = False) -> list[YM]:
    """The (year, month) pairs a deadline falls in, within ``horizon`` (the roadmap's
    months, in order); with ``outside`` also the explicit months beyond it. Open and
    unparsed deadlines fall in none."""
    if deadline is None or deadline.status is not DeadlineStatus.DATED:
        return []
    explicit = _explicit_months(deadline, horizon)
    months = set(explicit) | set(_recurrence_months(deadline, horizon, explicit))
    if not outside and horizon:
        months &= set(horizon)
    return sorted(months)


def _last_day(ym: YM) -> int:
    return calendar.monthrange(*ym)[1]


def _runs(months: list[YM]) -> list[list[YM]]:
    """Consecutive months grouped: [[09.2024, 10.2024], [12.2024]]."""
    runs: list[list[YM]] = []
    for ym in sorted(months):
        if runs and next_month(runs[-1][-1]) == ym:
            runs[-1].append(ym)
        else:
            runs.append([ym])
    return runs


def _whole(run: list[YM]) -> tuple[date, date]:
    return date(run[0][0], run[0][1], 1), date(run[-1][0], run[-1][1], _last_day(run[-1]))


def _day_of(ym: YM, day: int) -> date:
    return date(ym[0], ym[1], min(day, _last_day(ym)))


@dataclass(frozen=True)
class CalendarEntry:
    """One calendar event of a deadline: ``first`` to ``last`` (inclusive), repeated when
    ``freq`` is ``"MONTHLY"`` (in the ``bymonth`` months only, when given; on the day of
    ``monthday``, or on the month's last day when it is shorter) or ``"YEARLY"``, up to
    ``until``. ``spans`` spells out every occurrence as (first day, last day); ``outside``
    marks an explicit date outside the roadmap's period."""

    first: date
    last: date
    spans: tuple[tuple[date, date], ...]
    freq: str | None = None
    bymonth: tuple[int, ...] = ()
    until: date | None = None
    outside: bool = False
    monthday: int | None = None


def _single(first: date, last: date, *, outside: bool = False) -> CalendarEntry:
    return CalendarEntry(first, last, ((first, last),), outside=outside)


def _span_entries(deadline: Deadline, horizon: Sequence[YM]) -> list[CalendarEntry]:
    inside = set(horizon)
    out: list[CalendarEntry] = []
    months: list[YM] = []
    for span in deadline.spans:
        if span.day is not None:
            ym = _resolve(span.start_month, span.start_year, horizon)
            if ym is not None:
                out.append(_single(date(ym[0], ym[1], span.day), date(ym[0], ym[1], span.last_day or span.day),
                                   outside=bool(horizon) and ym not in inside))
        else:
            months += _span_months(span, horizon)
    for run in _runs(months):
        out.append(_single(*_whole(run), outside=bool(horizon) and any(ym not in inside for ym in run)))
    return out


def _cyclic_run(months: tuple[int, ...]) -> bool:
    """Whether the months of a year form one run («сентябрь, октябрь»; «декабрь, январь»)."""
    if len(months) < 2 or len(months) >= 12:
        return False
    ordered = sorted(months)
    gaps = sum(1 for a, b in zip(ordered, ordered[1:] + [ordered[0] + 12]) if b - a != 1)
    return gaps == 1


def _recurrence_entries(deadline: Deadline, horizon: Sequence[YM]) -> list[CalendarEntry]:
    rec = deadline.recurrence
    explicit = _explicit_months(deadline, horizon)
    months = _recurrence_months(deadline, horizon, explicit)
    if rec is None or not months:
        return []
    if rec.continuous:
        return [_single(*_whole(run)) for run in _runs(months)]
    set_months = tuple(sorted({m for _, m in months}))
    if rec.every != 1 and rec.day is None and (len(set_months) == 1 or _cyclic_run(set_months)):
        return _yearly_runs(months)
    days = tuple(_day_of(ym, rec.day or 1) for ym in months)
    return [CalendarEntry(days[0], days[0], tuple((d, d) for d in days), freq="MONTHLY",
                          bymonth=set_months if len(set_months) < 12 else (), until=days[-1],
                          monthday=rec.day or 1)]


def _yearly_runs(months: list[YM]) -> list[CalendarEntry]:
    """A yearly recurrence whose months form one run each year: one event covering the
    run, repeated every year (a rule even when the period holds one year: the wording says
    «ежегодно»); a run cut by the period's edge is an event of its own."""
    runs = _runs(months)
    size = max(len(r) for r in runs)
    out = [_single(*_whole(r)) for r in runs if len(r) != size]
    full = [_whole(r) for r in runs if len(r) == size]
    out.append(CalendarEntry(full[0][0], full[0][1], tuple(full), freq="YEARLY", until=full[-1][0]))
    return sorted(out, key=lambda e: e.first)


def calendar_entries(deadline: Deadline | None, horizon: Sequence[YM]) -> list[CalendarEntry]:
    """The calendar events of a deadline: one per explicit day, day range or run of
    months; one repeating event per recurrence (a monthly or yearly rule, not copies)."""
    if deadline is None or deadline.status is not DeadlineStatus.DATED:
        return []
    return sorted(_span_entries(deadline, horizon) + _recurrence_entries(deadline, horizon),
                  key=lambda e: (e.first, e.last))


def occurrences(deadline: Deadline | None, horizon: Sequence[YM], *, outside: bool = False) -> list[tuple[date, date]]:
    """Calendar occurrences of a dated deadline as (first day, last day) pairs, every
    repetition spelled out: a day or a day range where the wording names days («6.10.»,
    «25-29.08.2023», «до 15 марта», «до 25 числа каждого месяца»), else a whole month or a
    run of months («сентябрь – декабрь 2024» is one occurrence). With ``outside``, explicit
    dates beyond ``horizon`` are included."""
    return sorted(span for entry in calendar_entries(deadline, horizon)
                  if outside or not entry.outside for span in entry.spans)


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
        rec = d.recurrence
        if rec is not None:
            if rec.start:
                explicit.append(rec.start)
            if rec.window:
                explicit += list(rec.window)
            repeats = repeats or rec.every == 12
    if not explicit:
        return []
    first, last = min(explicit), max(explicit)
    end_year = last[0] if last[1] <= 8 else last[0] + 1
    if repeats:
        end_year += 1
    return month_range(first, (end_year, 8))


def due_in(roadmap: Roadmap, year: int, month: int) -> list[DueItem]:
    """Rows of ``roadmap`` due in ``month`` of ``year`` («что по плану в октябре»), an
    explicit date outside the plan's period included."""
    horizon = roadmap_months(roadmap)
    out: list[DueItem] = []
    for stage, sub, row in roadmap.rows():
        d = parse_deadline(row.deadline)
        if d is not None and (year, month) in months_due(d, horizon, outside=True):
            out.append(DueItem(stage, sub, row, d))
    return out


def _row_label(row: RoadmapRow) -> str:
    texts = row.texts()
    title = texts[0] if texts else ""
    title = title if len(title) <= 60 else title[:59].rstrip() + "…"
    return f"{row.number} {title}" if row.number else title


def calendar_notes(roadmap: Roadmap) -> list[str]:
    """What a curator should know about the dates of a roadmap, in Russian: deadlines not
    understood, explicit dates outside the period, and a plan with no dated deadline."""
    horizon = roadmap_months(roadmap)
    notes: list[str] = []
    dated = 0
    for _, _, row in roadmap.rows():
        d = parse_deadline(row.deadline)
        if d is None:
            continue
        if d.status is DeadlineStatus.UNPARSED:
            notes.append(f"Срок не распознан и в календарь не попал: «{d.wording}» ({_row_label(row)})")
            continue
        entries = calendar_entries(d, horizon)
        dated += bool(entries)
        for entry in entries:
            if entry.outside:
                first, last = horizon[0], horizon[-1]
                notes.append(f"Срок «{d.wording}» ({_row_label(row)}) вне периода плана "
                             f"{month_label(first)} – {month_label(last)}: событие "
                             f"{entry.first:%d.%m.%Y} оставлено в календаре")
    if not dated:
        notes.append("В плане нет ни одного срока с календарной датой: в календаре будет только "
                     "поясняющее событие")
    return notes


def due_notes(roadmap: Roadmap, year: int, month: int) -> list[str]:
    """Notes to print with «что по плану в месяце»: the month outside the period, the
    deadlines that could not be placed at all."""
    horizon = roadmap_months(roadmap)
    notes = []
    if horizon and (year, month) not in set(horizon):
        notes.append(f"Месяц {month_label((year, month))} вне периода плана "
                     f"({month_label(horizon[0])} – {month_label(horizon[-1])})")
    elif not horizon:
        notes.append("У плана нет периода и нет сроков с годом: месяцы без года не к чему отнести")
    unparsed = [row for _, _, row in roadmap.rows()
                if (d := parse_deadline(row.deadline)) is not None and d.status is DeadlineStatus.UNPARSED]
    if unparsed:
        notes.append(f"Сроков не распознано: {len(unparsed)} — эти строки не показаны: "
                     + "; ".join(f"«{r.deadline}»" for r in unparsed[:5]) + ("…" if len(unparsed) > 5 else ""))
    return notes
