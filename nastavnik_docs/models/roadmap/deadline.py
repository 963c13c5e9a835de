"""Deadlines of a roadmap (сроки): keep the wording, understand it where possible.

A published roadmap writes its deadlines in words: «сентябрь-октябрь 2022 г., далее -
ежегодно», «до 15 марта 2022 г.», «28.08.2023 г», «ежеквартально», «в течение года»,
«по мере необходимости». :func:`parse_deadline` reads such a wording into a
:class:`Deadline`: explicit spans (months, month ranges, dates, «до» dates), a recurrence
(every month, quarter, half-year, year — from a start, within a window, or «далее», i.e. in
later years only), and an open wording that names no calendar date. Anything it does not
understand is kept in ``unparsed`` and the deadline is flagged, never dropped or guessed.

:mod:`.schedule` places a parsed deadline in the calendar of a roadmap.

This is written by hand: no library parses Russian date wordings of this kind (dateparser
reads single dates, not ranges, recurrences or «далее – ежегодно»).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .period import YM

__all__ = [
    "Deadline",
    "DeadlineStatus",
    "Recurrence",
    "Span",
    "parse_deadline",
]

_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                "октябр", "ноябр", "декабр")
# nominative, genitive («до 15 марта», «с февраля») and prepositional («в мае») forms
_MONTH = (r"(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|"
          r"август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?![а-я])")
_YEAR = r"((?:19|20)\d\d)"
_NUMBER_WORDS = {"один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3,
                 "четыре": 4, "четырех": 4}


class DeadlineStatus(StrEnum):
    DATED = "dated"        # falls on calendar months
    OPEN = "open"          # understood, but names no calendar month
    UNPARSED = "unparsed"  # not understood: kept as written and flagged


@dataclass(frozen=True)
class Span:
    """An explicit month, month range or date. A year of None is taken from the period."""

    start_month: int
    start_year: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    day: int | None = None
    last_day: int | None = None
    by: bool = False  # «до 15 марта»: due by that date

    @property
    def last_month(self) -> int:
        return self.end_month or self.start_month


@dataclass(frozen=True)
class Recurrence:
    """A repeating deadline: every ``every`` months (1, 3, 6, 12).

    ``months`` fixes the months for a yearly recurrence («ежегодно сентябрь»); ``start`` is
    «с февраля 2023 г.»; ``window`` is «в течение 2023-24 учебного года»; ``later`` is
    «далее»: only after the explicit spans, i.e. in later years for a yearly recurrence.
    """

    every: int
    months: tuple[int, ...] = ()
    start: YM | None = None
    window: tuple[YM, YM] | None = None
    later: bool = False


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


def _month_no(word: str) -> int:
    for i, stem in enumerate(_MONTH_STEMS):
        if word.startswith(stem):
            return i + 1
    raise ValueError(word)  # pragma: no cover - the regex admits month words only


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_YEAR_WORD = re.compile(r"(\d{4})\s*(?:года|год|гг?)\.?(?![а-я])")


def normalize(wording: str) -> str:
    """Lower-case, ё → е, every dash → «-», «2022 г.» → «2022», spaces collapsed."""
    text = wording.lower().replace("ё", "е").replace("\u00a0", " ")
    text = _DASHES.sub("-", text)
    text = _YEAR_WORD.sub(r"\1", text)
    return " ".join(text.split()).strip(" .;")


# Phrases that name no calendar date; each consumes the rest of the wording.
_OPEN = re.compile(
    r"(по\s+мере\s+\w+|по\s+необходимости|в\s+соответствии\s+с|в\s+зависимости\s+от|"
    r"по\s+завершени[июе]|по\s+окончани[июе]|во\s+время|после\s+|при\s+необходимости)"
    r".*$")
_EVERY_MONTH = re.compile(
    r"(ежемесячно|постоянно|систематически|регулярно|на\s+регулярной\s+основе|"
    r"(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+месяц|"
    r"в\s+течение\s+(?:всего\s+)?(?:учебного\s+|календарного\s+)?года)(?![а-я])")
_WINDOW = re.compile(r"в\s+течение\s+(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s+учебного\s+года")
_UNTIL_END = re.compile(r"до\s+(?:завершения|окончания)\s+(?:наставничества|программы|"
                        r"программ|реализации)[^,;]*")


@dataclass
class _State:
    spans: list[Span] = field(default_factory=list)
    every: int | None = None
    rec_months: list[int] = field(default_factory=list)
    start: YM | None = None
    window: tuple[YM, YM] | None = None
    later: bool = False
    yearly_mode: bool = False
    open_text: str | None = None

    def add_month(self, span: Span) -> None:
        if self.yearly_mode and span.day is None and not span.by and span.start_year is None:
            self.rec_months.extend(_months_of(span))
        else:
            self.spans.append(span)


def _months_of(span: Span) -> list[int]:
    months, m = [span.start_month], span.start_month
    while m != span.last_month:
        m = m % 12 + 1
        months.append(m)
    return months


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _day_span(day: int, month: int, year: int | None, *, last_day: int | None = None,
              by: bool = False) -> Span:
    """A span of one day (or of days ``day``–``last_day``); ValueError (so the wording is
    flagged) for «31.02» or «13.13»."""
    last = last_day or day
    date(year or 2000, month, max(day, last))  # 2000 is a leap year: «29.02» stays valid
    if last < day:
        raise ValueError(day)
    return Span(month, year, day=day, last_day=last_day, by=by)


#: Reads one matched token of a wording into the parse state.
_Handler = Callable[[re.Match[str], "_State"], None]


def _token_handlers() -> list[tuple[re.Pattern[str], _Handler]]:
    def later(m: re.Match[str], st: _State) -> None:
        st.later = True

    def from_month(m: re.Match[str], st: _State) -> None:
        st.start = (int(m.group(2)), _month_no(m.group(1)))

    def from_year(m: re.Match[str], st: _State) -> None:
        st.start = (int(m.group(1)), 1)

    def by_day_month(m: re.Match[str], st: _State) -> None:
        st.spans.append(_day_span(int(m.group(1)), _month_no(m.group(2)), _year(m.group(3)), by=True))

    def by_date(m: re.Match[str], st: _State) -> None:
        st.spans.append(_day_span(int(m.group(1)), int(m.group(2)), _year(m.group(3)), by=True))

    def day_range(m: re.Match[str], st: _State) -> None:
        st.spans.append(_day_span(int(m.group(1)), int(m.group(3)), _year(m.group(4)),
                                  last_day=int(m.group(2))))

    def exact(m: re.Match[str], st: _State) -> None:
        st.spans.append(_day_span(int(m.group(1)), int(m.group(2)), _year(m.group(3))))

    def month_range(m: re.Match[str], st: _State) -> None:
        st.add_month(Span(_month_no(m.group(1)), _year(m.group(2)),
                          end_month=_month_no(m.group(3)), end_year=_year(m.group(4))))

    def month(m: re.Match[str], st: _State) -> None:
        st.add_month(Span(_month_no(m.group(1)), _year(m.group(2))))

    def yearly(m: re.Match[str], st: _State) -> None:
        st.every, st.yearly_mode = 12, True

    def quarterly(m: re.Match[str], st: _State) -> None:
        st.every = 3

    def half_yearly(m: re.Match[str], st: _State) -> None:
        st.every = 6

    def times_a_year(m: re.Match[str], st: _State) -> None:
        word = m.group(1)
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        if 12 % n:
            raise ValueError(word)
        st.every = 12 // n
        st.yearly_mode = n == 1

    def every_month(m: re.Match[str], st: _State) -> None:
        st.every = 1

    def window(m: re.Match[str], st: _State) -> None:
        first = int(m.group(1))
        st.window = ((first, 9), (first + 1, 8))
        st.every = st.every or 1

    def until_end(m: re.Match[str], st: _State) -> None:
        st.every = st.every or 1

    def open_phrase(m: re.Match[str], st: _State) -> None:
        st.open_text = m.group(0)

    numbers = "|".join(_NUMBER_WORDS)
    table: list[tuple[str, _Handler]] = [
        (r"далее\s*-?", later),
        (rf"с\s+{_MONTH}\s*{_YEAR}", from_month),
        (rf"с\s+{_YEAR}(?!\d)", from_year),
        (rf"до\s+(\d{{1,2}})\s+{_MONTH}\s*{_YEAR}?", by_day_month),
        (rf"до\s+(\d{{1,2}})\.(\d{{1,2}})\.?\s*{_YEAR}?", by_date),
        (rf"(\d{{1,2}})\s*-\s*(\d{{1,2}})\.(\d{{1,2}})\.?\s*{_YEAR}?", day_range),
        (rf"(\d{{1,2}})\.(\d{{1,2}})\.?\s*{_YEAR}?", exact),
        (rf"{_MONTH}\s*{_YEAR}?\s*-\s*{_MONTH}\s*{_YEAR}?", month_range),
        (rf"{_MONTH}(?:\s*-?\s*{_YEAR})?", month),
        (r"ежегодно|каждый\s+год", yearly),
        (r"ежеквартально|каждый\s+квартал|раз\s+в\s+квартал", quarterly),
        (r"каждые\s+полгода|раз\s+в\s+полгода|каждое\s+полугодие|раз\s+в\s+полугодие",
         half_yearly),
        (rf"(\d+|{numbers})\s+раза?\s+в\s+год", times_a_year),
        (_WINDOW.pattern, window),
        (_EVERY_MONTH.pattern, every_month),
        (_UNTIL_END.pattern, until_end),
        (_OPEN.pattern, open_phrase),
    ]
    return [(re.compile(p), h) for p, h in table]


_HANDLERS = _token_handlers()
_SEPARATOR = re.compile(r"[\s,;:.]+|и\s+")


def parse_deadline(wording: str | None) -> Deadline | None:
    """Read a deadline wording; None for an empty one. Never raises on odd wording."""
    if wording is None or not wording.strip():
        return None
    text = normalize(wording)
    st = _State()
    pos = 0
    while pos < len(text):
        sep = _SEPARATOR.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        for pattern, handler in _HANDLERS:
            m = pattern.match(text, pos)
            if m and m.end() > pos:
                try:
                    handler(m, st)
                except (ValueError, KeyError):
                    m = None
                if m:
                    pos = m.end()
                    break
        else:
            return Deadline(wording=wording, unparsed=text[pos:] or text)
    spans = _attach_years(st.spans)
    recurrence = None
    if st.every:
        recurrence = Recurrence(every=st.every, months=tuple(dict.fromkeys(st.rec_months)),
                                start=st.start, window=st.window, later=st.later)
    elif st.start is not None:
        return Deadline(wording=wording, unparsed=text)
    return Deadline(wording=wording, spans=tuple(spans), recurrence=recurrence,
                    open_text=st.open_text)


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
