"""Dates as Russian documents write them, with blanks for handwriting when a date is missing.

The month names (genitive «апреля» in a date, nominative «апрель» when the month stands
alone) are the twelve of CLDR's Russian locale, written out here: loading babel's locale
data to look them up cost a short command a tenth of its time (tests/ru/test_dates.py
checks them against babel). The patterns are explicit so no locale default (and no narrow
no-break space) leaks into a document.
"""

from __future__ import annotations

from datetime import date, datetime

from ..errors import GrammarError

NBSP = "\u00a0"

#: Blanks printed when a date is left empty on purpose (filled in by hand).
BLANK_DATE_LONG = f"«___»{NBSP}____________ 20___{NBSP}г."
BLANK_DATE_QUOTED = BLANK_DATE_LONG
BLANK_DATE_NUMERIC = "__.__.20__"
BLANK_MONTH_YEAR = "____________ 20___"
BLANK_YEAR = "20___"

STYLES = ("long", "quoted", "numeric", "month_year")
_BLANKS = {
    "long": BLANK_DATE_LONG, "quoted": BLANK_DATE_QUOTED,
    "numeric": BLANK_DATE_NUMERIC, "month_year": BLANK_MONTH_YEAR,
}


#: The months in a date (genitive, CLDR's format width «wide»: «20 апреля»).
MONTHS_IN_DATE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                  "октября", "ноября", "декабря")
#: The months standing alone (nominative, CLDR's stand-alone «wide»: «апрель 2022»).
MONTHS_ALONE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                "ноябрь", "декабрь")


def month_name(d: date, *, standalone: bool) -> str:
    """«апреля» (in a date) or «апрель» (standing alone)."""
    return (MONTHS_ALONE if standalone else MONTHS_IN_DATE)[d.month - 1]


def _as_date(value: date | datetime | str) -> date:
    """A date from a date, a datetime or an ISO string («2022-04-20»)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise GrammarError(f"Не удалось прочитать дату «{value}»: ожидается дата (ГГГГ-ММ-ДД)")


def format_date(d: date | datetime | None, style: str = "long") -> str:
    """A date in one of the documents' styles; ``None`` gives the blank of that style.

    long «20 апреля 2022 г.», quoted ««20» апреля 2022 г.», numeric «20.04.2022»,
    month_year «апрель 2022». No leading zero in the day in the word forms; no-break
    spaces keep «2022 г.» and «20 апреля» together.
    """
    if style not in STYLES:
        raise GrammarError(f"Неизвестный формат даты «{style}». Допустимо: " + ", ".join(STYLES))
    if d is None:
        return _BLANKS[style]
    d = _as_date(d)
    if style == "numeric":
        return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"
    if style == "month_year":
        return f"{month_name(d, standalone=True)} {d.year}"
    day = f"«{d.day}»" if style == "quoted" else str(d.day)
    return f"{day}{NBSP}{month_name(d, standalone=False)} {d.year}{NBSP}г."


def format_month_range(start: date | None, end: date | None) -> str:
    """«сентябрь–октябрь 2024 г.»; across years «декабрь 2024 г. – январь 2025 г.»."""
    if start is None or end is None:
        return f"{BLANK_MONTH_YEAR}{NBSP}г."
    start, end = _as_date(start), _as_date(end)
    if (end.year, end.month) < (start.year, start.month):
        raise GrammarError(
            f"Период задан в обратном порядке: {format_date(start, 'numeric')} – "
            f"{format_date(end, 'numeric')}"
        )
    first = month_name(start, standalone=True)
    last = month_name(end, standalone=True)
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {start.year}{NBSP}г."
    if start.year == end.year:
        return f"{first}\u2013{last} {end.year}{NBSP}г."
    return f"{first} {start.year}{NBSP}г. \u2013 {last} {end.year}{NBSP}г."


def format_school_year(start_year: int | date | None, sep: str = "/", *, words: bool = True) -> str:
    """«2024/2025 учебный год» (sep="/") or «2024–2025 учебный год» (sep="–" or "-").

    A date gives the school year it falls in (a year starts on 1 September).
    ``words=False`` leaves out «учебный год».
    """
    if sep == "-":
        sep = "\u2013"
    if start_year is None:
        years = f"20___{sep}20___"
    else:
        if isinstance(start_year, date):
            start_year = start_year.year if start_year.month >= 9 else start_year.year - 1
        years = f"{int(start_year)}{sep}{int(start_year) + 1}"
    return f"{years} учебный год" if words else years
