"""Deadlines of a roadmap (сроки): keep the wording, understand it where possible.

A published roadmap writes its deadlines in words: «сентябрь-октябрь 2022 г., далее -
ежегодно», «до 15 марта 2022 г.», «I квартал 2022 г.», «2 раза в год (декабрь, май)»,
«В течение 2021-2022 уч. года», «По итогам учебного года», «До 25 числа каждого месяца»,
«по мере необходимости». :func:`parse_deadline` reads such a wording into a
:class:`Deadline`: explicit spans (months, month ranges, days, «до» days, quarters,
half-years, school terms, years, school years) and a recurrence (every month, or the
months of each year it falls in — from a start, within a window, or «далее», i.e. after
the explicit spans), plus an open wording that names no calendar date.

A wording is either understood whole or reported as not understood — never half-read: if
any part of it is not understood, or its parts contradict each other («ежегодно,
ежеквартально», «2 раза в год (май)»), the deadline is ``UNPARSED`` with the wording kept
and nothing placed in the calendar. The words themselves are read in :mod:`._wording`;
this module decides what they mean together. :mod:`.schedule` places the result in the
calendar of a roadmap.

Written by hand: no library parses Russian date wordings of this kind (dateparser reads
single dates, not ranges, recurrences, school terms or «далее – ежегодно»).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from ._wording import Token, months_between, normalize, tokenize
from .period import YM

__all__ = [
    "Deadline",
    "DeadlineStatus",
    "Recurrence",
    "Span",
    "normalize",
    "parse_deadline",
]


class DeadlineStatus(StrEnum):
    DATED = "dated"        # falls on calendar months
    OPEN = "open"          # understood, but names no calendar month
    UNPARSED = "unparsed"  # not understood: kept as written and flagged


@dataclass(frozen=True)
class Span:
    """An explicit month, month range, day or day range. A year of None is taken from the
    period; ``by`` marks «до 15 марта» (due by that day or by the end of that month)."""

    start_month: int
    start_year: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    day: int | None = None
    last_day: int | None = None
    by: bool = False

    @property
    def last_month(self) -> int:
        return self.end_month or self.start_month


@dataclass(frozen=True)
class Recurrence:
    """A repeating deadline.

    ``every`` is the nominal step in months (1 every month, 3 a quarter or a school term,
    6 a half-year, 12 a year). ``months`` are the months of each year it falls in (all
    months when empty and ``every`` is 1; the months of the explicit spans when empty and
    ``every`` is 12). ``start`` is «с февраля 2023 г.» (``start_month`` the month of «с
    сентября» without a year); ``window`` is «в течение 2023-24 учебного года»; ``later`` is
    «далее»: only after the explicit spans (in later years for a yearly recurrence).
    ``day`` and ``by`` are «до 25 числа каждого месяца», «ежегодно до 1 сентября».
    ``continuous`` marks an activity that goes on all the time («в течение года»,
    «постоянно») rather than one that recurs at points.
    """

    every: int
    months: tuple[int, ...] = ()
    start: YM | None = None
    window: tuple[YM, YM] | None = None
    later: bool = False
    start_month: int | None = None
    day: int | None = None
    by: bool = False
    continuous: bool = False


@dataclass(frozen=True)
class Deadline:
    """A deadline's wording and what could be read from it."""

    wording: str
    spans: tuple[Span, ...] = ()
    recurrence: Recurrence | None = None
    open_text: str | None = None
    unparsed: str | None = None

    @property
    def status(self) -> DeadlineStatus:
        if self.unparsed:
            return DeadlineStatus.UNPARSED
        if self.spans or (self.recurrence and self._recurrence_is_dated()):
            return DeadlineStatus.DATED
        return DeadlineStatus.OPEN

    def _recurrence_is_dated(self) -> bool:
        rec = self.recurrence
        return rec is not None and (rec.every != 12 or bool(rec.months) or bool(self.spans))

    @property
    def parsed(self) -> bool:
        return self.status is not DeadlineStatus.UNPARSED


class _NotUnderstood(Exception):
    """The parts of a wording do not make one meaning."""


def parse_deadline(wording: str | None) -> Deadline | None:
    """Read a deadline wording; None for an empty one. Never raises on odd wording: what is
    not understood is returned as ``UNPARSED`` with the part that stopped the reading."""
    if wording is None or not wording.strip():
        return None
    text = normalize(wording)
    tokens, rest = tokenize(text)
    if rest is not None or not text:
        return Deadline(wording=wording, unparsed=rest or wording.strip())
    try:
        return _assemble(wording, tokens)
    except _NotUnderstood:
        return Deadline(wording=wording, unparsed=text)


# --------------------------------------------------------------------------- assembly


def _span(token: Token) -> Span:
    assert token.start is not None
    end = token.end
    return Span(start_month=token.start[1], start_year=token.start[0],
                end_month=end[1] if end else None, end_year=end[0] if end else None,
                day=token.day, last_day=token.last_day, by=token.by)


def _yearless(token: Token) -> bool:
    return token.start is not None and token.start[0] is None and (token.end is None or token.end[0] is None)


def _resolve_years(tokens: list[Token]) -> list[Token]:
    """A bare year after months without one gives them its year («май, август 2022» is
    read as «май 2022, август 2022» by :func:`_attach_years`); alone it is the whole year."""
    out: list[Token] = []
    for token in tokens:
        if token.kind == "filler":
            continue
        if token.kind != "year":
            out.append(token)
            continue
        assert token.start is not None
        year = token.start[0]
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "span" and _yearless(prev) and not prev.window:
            assert prev.start is not None
            if prev.end is None:
                out[-1] = replace(prev, start=(year, prev.start[1]))
            else:
                out[-1] = replace(prev, end=(year, prev.end[1]))
        else:
            out.append(Token("span", start=(year, 1), end=(year, 12), window=True))
    return out


@dataclass
class _Rec:
    """A recurrence being assembled."""

    every: int
    months: tuple[int, ...] = ()
    continuous: bool = False
    count: int | None = None
    point: bool = False
    day: int | None = None
    by: bool = False


def _recurrence_kind(tokens: list[Token]) -> _Rec | None:
    """The one repetition the tokens name, or None; contradictions are not understood."""
    freqs = [t for t in tokens if t.kind == "freq"]
    points = [t for t in tokens if t.kind == "point"]
    doms = [t for t in tokens if t.kind == "dom"]
    stepped = [t for t in freqs if not t.continuous]
    if len({(t.every, t.months, t.count) for t in stepped}) > 1 or len(doms) > 1:
        raise _NotUnderstood
    rec: _Rec | None = None
    if stepped:
        t = stepped[0]
        rec = _Rec(every=t.every, months=t.months, count=t.count)
    elif freqs or any(t.kind == "until_end" for t in tokens):
        rec = _Rec(every=1, continuous=True)
    if points:
        months = tuple(dict.fromkeys(m for p in points for m in p.months))
        if rec is not None and not (rec.every == 12 and rec.count is None and not rec.months):
            raise _NotUnderstood  # «ежемесячно по итогам учебного года»
        rec = _Rec(every=12, months=months, point=True, by=any(p.by for p in points))
    if doms:
        dom = doms[0]
        if rec is None and dom.monthly:
            rec = _Rec(every=1)
        if rec is None or rec.every != 1:
            raise _NotUnderstood  # «до 25 числа» of which month?
        rec.continuous, rec.day, rec.by = False, dom.day, dom.by
    return rec


def _assemble(wording: str, raw: list[Token]) -> Deadline:
    tokens = _resolve_years(raw)
    if not tokens:
        raise _NotUnderstood
    later_at = [i for i, t in enumerate(tokens) if t.kind == "later"]
    if len(later_at) > 1:
        raise _NotUnderstood
    cut = later_at[0] if later_at else len(tokens)
    rec = _recurrence_kind(tokens)
    starts = [t for t in tokens if t.kind == "start"]
    opens = [t.text for t in tokens if t.kind == "open"]
    if len(starts) > 1:
        raise _NotUnderstood
    spans: list[Span] = []
    window: tuple[YM, YM] | None = None
    listed: list[int] = []
    day: tuple[int, bool] | None = None
    for i, token in enumerate(tokens):
        if token.kind != "span":
            continue
        after_later = i > cut
        if rec is None or (not after_later and later_at):
            spans.append(_span(token))
        elif token.window and not _yearless(token):
            if window is not None or later_at:
                raise _NotUnderstood
            assert token.start is not None and token.end is not None
            first_year, last_year = token.start[0], token.end[0]
            assert first_year is not None and last_year is not None  # a window names its years
            window = ((first_year, token.start[1]), (last_year, token.end[1]))
        elif _yearless(token):
            assert token.start is not None
            last = token.end[1] if token.end else token.start[1]
            listed.extend(months_between(token.start[1], last))
            if token.day is not None:
                if day is not None or rec.every != 12:
                    raise _NotUnderstood
                day = (token.day, token.by)
        else:
            spans.append(_span(token))
    recurrence = None
    if rec is not None:
        recurrence = _recurrence(rec, listed, day, starts[0] if starts else None, window, bool(later_at))
    elif starts or (later_at and not opens):
        raise _NotUnderstood  # «с 2023 г.» alone; «далее» followed by nothing dated
    if not (spans or recurrence or opens):
        raise _NotUnderstood
    return Deadline(wording=wording, spans=tuple(_attach_years(spans)), recurrence=recurrence,
                    open_text=opens[0] if opens else None)


def _recurrence(rec: _Rec, listed: list[int], day: tuple[int, bool] | None, start: Token | None,
                window: tuple[YM, YM] | None, later: bool) -> Recurrence:
    months = rec.months
    if listed:
        listed_months = tuple(dict.fromkeys(listed))
        if rec.count is not None and len(listed_months) != rec.count:
            raise _NotUnderstood  # «2 раза в год (май)»
        if rec.months and not (rec.count or rec.point) and not set(listed_months) <= set(rec.months):
            raise _NotUnderstood  # «ежеквартально (май)»
        if rec.every == 1 or rec.count or rec.point or not rec.months:
            months = listed_months
    start_ym: YM | None = None
    start_month = None
    if start is not None:
        assert start.start is not None
        if start.start[0] is None:
            start_month = start.start[1]
        else:
            start_ym = (start.start[0], start.start[1])
        if start.from_month and rec.every == 12 and not months:
            months = (start.start[1],)
    every = 12 if rec.count == 1 else rec.every
    return Recurrence(every=every, months=months, start=start_ym, window=window, later=later,
                      start_month=start_month, day=day[0] if day else rec.day,
                      by=day[1] if day else rec.by, continuous=rec.continuous and not listed)


def _attach_years(spans: list[Span]) -> list[Span]:
    """«май, август 2022» — a month without a year takes the year written after it; the
    start of a range takes the end's year («сентябрь – декабрь 2024»)."""
    out: list[Span] = []
    next_year: int | None = None
    for span in reversed(spans):
        end_year = span.end_year
        if span.end_month is not None and end_year is None:
            end_year = span.start_year or next_year
            if span.start_year is not None and span.end_month < span.start_month:
                end_year = span.start_year + 1
        start_year = span.start_year
        if start_year is None:
            anchor = end_year if span.end_month is not None else next_year
            if anchor is not None and span.end_month is not None and span.end_month < span.start_month:
                anchor -= 1
            start_year = anchor
        span = Span(span.start_month, start_year, span.end_month,
                    end_year if span.end_month is not None else None,
                    span.day, span.last_day, span.by)
        out.append(span)
        next_year = start_year if start_year is not None else next_year
    return list(reversed(out))
