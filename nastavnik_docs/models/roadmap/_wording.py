"""The words of a deadline: normalisation and the tokens :func:`.deadline.parse_deadline`
assembles.

A wording is lower-cased and normalised (every dash to «-», «2022 г.» / «2021-2024 гг.» to
the bare years, every spelling of «учебный год» — «уч. г.», «уч. года», «учебного года» — to
one word ``учгод``, parentheses to separators), then cut into tokens from left to right: at
each position the first pattern of :data:`TOKENS` that matches wins. A position no pattern
matches makes the whole wording «not understood» (the caller keeps it as written).

Each token is a small record (:class:`Token`) of what it says; the meaning of a wording is
decided only when all its tokens are known (``ежегодно до 1 сентября`` and ``до 1 сентября
ежегодно`` mean the same).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["TERM_MONTHS", "Token", "month_no", "months_between", "normalize", "tokenize"]

_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                "октябр", "ноябр", "декабр")
#: A month in the nominative, genitive («до 15 марта») or prepositional («в мае») case.
M = (r"(?:(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|"
     r"август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?![а-я]))")
#: A four-digit year (after normalisation «2022 г.» is «2022»).
Y = r"(?:((?:19|20)\d\d)(?!\d))"
#: A school year's second year: «2022», «22».
Y2 = r"(?:(\d{4}|\d{2})(?!\d))"
#: An ordinal of a quarter, half-year or school term: «I», «2», «2-е», «первое», «третья».
ORD = (r"(iv|i{1,3}|[1-4](?:-?(?:й|я|е|го|ой|ом|ая|ое))?|"
       r"(?:перв|втор|трет|четверт)(?:ый|ой|ая|ое|ого|ом|ий|ья|ье|ьего|ьем|ьей))(?![а-я])")

_NUMBER_WORDS = {"один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3,
                 "четыре": 4, "четырех": 4, "шесть": 6, "двенадцать": 12}

#: Months each school-year part falls in (ends of the part, where a «раз в …» lands).
TERM_MONTHS: dict[str, tuple[int, ...]] = {
    "month": (),                    # every month
    "quarter": (3, 6, 9, 12),       # календарный квартал
    "halfyear": (6, 12),            # полгода: календарное полугодие
    "school_half": (12, 5),         # учебное полугодие: декабрь и май
    "term": (10, 12, 3, 5),         # четверть
    "trimester": (11, 2, 5),        # триместр
}

#: The months of each numbered part: (kind, number) -> months; a school part is read in
#: the school year (September to May), a calendar one in the calendar year.
_PARTS: dict[str, tuple[tuple[int, int], ...]] = {
    "квартал": ((1, 3), (4, 6), (7, 9), (10, 12)),
    "полугоди": ((1, 6), (7, 12)),
    "учполугоди": ((9, 12), (1, 5)),
    "четверт": ((9, 10), (11, 12), (1, 3), (4, 5)),
    "триместр": ((9, 11), (12, 2), (3, 5)),
}


@dataclass
class Token:
    """One understood piece of a wording.

    ``kind`` is one of: ``span`` (months or days: ``start`` … ``end`` as (year or None,
    month), ``day``/``last_day``/``by``; ``window`` when the span is a whole year, school
    year or part of one), ``year`` (a bare year), ``freq`` (a repetition: ``months`` it falls
    in, ``every`` its nominal step, ``count`` for «N раз в год», ``continuous``), ``point``
    (once a year at ``months``, e.g. «по итогам учебного года»), ``dom`` (a day of every
    month: ``day``, ``by``, ``monthly``), ``start`` («с …»: ``start``, ``from_month``),
    ``later`` («далее»), ``until_end`` («до завершения наставничества»), ``open`` (a wording
    that names no date: ``text``), ``filler`` («в течение» before a dated token).
    """

    kind: str
    start: tuple[int | None, int] | None = None
    end: tuple[int | None, int] | None = None
    day: int | None = None
    last_day: int | None = None
    by: bool = False
    window: bool = False
    months: tuple[int, ...] = ()
    every: int = 12
    count: int | None = None
    continuous: bool = False
    monthly: bool = False
    from_month: bool = False
    text: str = ""


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SCHOOL_YEAR = re.compile(r"уч(?:ебн[а-я]*|\.)?\s*г(?:од[а-я]*|\.)?(?![а-я])")
_YEAR_WORD = re.compile(r"((?:19|20)\d\d)\s*(?:г\.?\s*г\.?|гг\.?|годы|годах|года|году|год|г\.?)(?![а-я])")


def normalize(wording: str) -> str:
    """Lower-case, ё → е, every dash → «-», «учебный год» in all its abbreviations → «учгод»,
    «2022 г.» / «2021-2024 гг.» → the bare years, parentheses → commas, spaces collapsed."""
    text = wording.lower().replace("ё", "е").replace("\u00a0", " ")
    text = _DASHES.sub("-", text)
    text = text.replace("(", ", ").replace(")", ", ").replace("«", " ").replace("»", " ")
    text = _SCHOOL_YEAR.sub(" учгод ", text)
    text = _YEAR_WORD.sub(r"\1 ", text)
    return " ".join(text.split()).strip(" .;,:")


def month_no(word: str) -> int:
    """The number of a month from any of its forms («мая» → 5)."""
    for i, stem in enumerate(_MONTH_STEMS):
        if word.startswith(stem):
            return i + 1
    raise ValueError(word)


def _ordinal(word: str) -> int:
    word = re.sub(r"[-йяегоамоь]+$", "", word)
    romans = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
    if word in romans:
        return romans[word]
    if word.isdigit():
        return int(word)
    for i, stem in enumerate(("перв", "втор", "трет", "четвер"), start=1):
        if word.startswith(stem):
            return i
    raise ValueError(word)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _second_year(first: int, text: str) -> int:
    """«2022» or «22» after «2021-»: the school year's (or range's) last year; ValueError
    when it is not later than the first."""
    second = int(text) if len(text) == 4 else first // 100 * 100 + int(text)
    if second <= first:
        raise ValueError(text)
    return second


def _months_of(first: int, last: int) -> tuple[int, ...]:
    months, m = [first], first
    while m != last:
        m = m % 12 + 1
        months.append(m)
    return tuple(months)


Handler = Callable[[re.Match[str]], Token]


def _part(m: re.Match[str]) -> Token:
    """«I квартал 2022», «2 полугодие 2021-2022 учгод», «III четверть», «1 триместр»."""
    n = _ordinal(m.group(1))
    word = "квартал" if m.group(2) == "кв" else m.group(2)
    first_year = _year(m.group(3) or m.group(5))
    school = m.group(4) is not None or word in ("четверт", "триместр") or (
        word == "полугоди" and m.group(5) is None)
    if m.group(4) is not None:
        _second_year(first_year or 0, m.group(4))
    key = "учполугоди" if word == "полугоди" and school else word
    parts = _PARTS[key]
    if not 1 <= n <= len(parts):
        raise ValueError(n)
    first, last = parts[n - 1]
    if first_year is None:
        return Token("span", start=(None, first), end=(None, last), window=True)
    y1 = first_year + (1 if school and first < 9 else 0)
    y2 = y1 + (1 if last < first else 0)
    return Token("span", start=(y1, first), end=(y2, last), window=True)


def _part_end(m: re.Match[str]) -> Token:
    """«по итогам I полугодия», «в конце III четверти»: once a year, at the part's last month."""
    word = m.group(2)
    parts = _PARTS["учполугоди" if word == "полугоди" else word]
    n = _ordinal(m.group(1))
    if not 1 <= n <= len(parts):
        raise ValueError(n)
    return Token("point", months=(parts[n - 1][1],))


def _school_year(m: re.Match[str]) -> Token:
    first = int(m.group(1))
    last = _second_year(first, m.group(2))
    return Token("span", start=(first, 9), end=(last, 8), window=True)


def _year_range(m: re.Match[str]) -> Token:
    first = int(m.group(1))
    return Token("span", start=(first, 1), end=(_second_year(first, m.group(2)), 12), window=True)


def _day(day: str, month: int, year: int | None, *, last: str | None = None, by: bool = False) -> Token:
    """A day («6.10.», «до 15 марта») or a day range; ValueError for «31.02» or «13.13»."""
    from datetime import date

    last_day = int(last) if last else None
    date(year or 2000, month, max(int(day), last_day or 0))  # 2000 is a leap year: «29.02» valid
    if last_day is not None and last_day < int(day):
        raise ValueError(last)
    return Token("span", start=(year, month), day=int(day), last_day=last_day, by=by)


def _short_year(text: str | None) -> int | None:
    """«2024» or «24» (a date's two-digit year) as a year."""
    if not text:
        return None
    return int(text) if len(text) == 4 else 2000 + int(text)


def _times_a_year(m: re.Match[str]) -> Token:
    word = m.group(1)
    n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    if n < 1 or 12 % n:
        raise ValueError(word)
    if n == 1:
        return Token("freq", every=12, count=1)
    step = 12 // n
    return Token("freq", every=step, count=n, months=tuple(range(step, 13, step)))


def _freq(part: str, every: int) -> Handler:
    return lambda m: Token("freq", every=every, months=TERM_MONTHS[part])


def _point(*months: int, by: bool = False) -> Handler:
    return lambda m: Token("point", months=months, by=by)


_DATE_YEAR = r"\.?\s*((?:19|20)\d\d|\d\d)?(?![\d.])"
_BY = r"(?:до|к|не\s+позднее)\s+"
_NUMBERS = "|".join(_NUMBER_WORDS)
_OPEN = (r"(?:по\s+мере\s+|по\s+необходимости|при\s+необходимости|в\s+соответствии\s+с|"
         r"в\s+зависимости\s+от|по\s+завершении|по\s+окончании|во\s+время|после\s+|"
         r"по\s+графику|по\s+плану|по\s+отдельному|по\s+запросу|по\s+согласованию|согласно\s+|"
         r"в\s+(?:установленные\s+)?сроки|в\s+период\s+|по\s+требованию|по\s+приглашению).*$")
_CONTINUOUS = (r"(?:постоянно|систематически|регулярно|ежедневно|еженедельно|каждую\s+неделю|"
               r"(?:\d+\s+)?раза?\s+в\s+(?:две\s+)?недел[июя]|каждые\s+две\s+недели|"
               r"(?:[2-4]|два|две|три|четыре)\s+раза\s+в\s+месяц|на\s+регулярной\s+основе|(?:в\s+течение\s+)?весь\s+период|"
               r"(?:в\s+течение|на\s+протяжении)\s+(?:всего\s+)?(?:учгод|года|календарного\s+года|"
               r"периода(?:\s+реализации[а-я ]*?)?|срока\s+реализации[а-я ]*?|реализации[а-я ]*?))"
               r"(?![а-я])")

#: Patterns tried at each position, in order; the first that matches wins.
TOKENS: list[tuple[str, Handler]] = [
    (r"далее\s*-?", lambda m: Token("later")),
    # a day of every month: «до 25 числа каждого месяца», «ежемесячно до 5-го числа»
    (r"(до\s+|не\s+позднее\s+)?(\d{1,2})(?:-?го)?\s+числа(\s+каждого\s+месяца|\s+месяца)?",
     lambda m: Token("dom", day=_dom_day(m.group(2)), by=bool(m.group(1)), monthly=bool(m.group(3)))),
    # points of the school or calendar year (before the open «по окончании …»)
    (r"(?:по\s+итогам|в\s+конце|по\s+окончании|по\s+завершении|к\s+концу|конец)\s+(?:каждого\s+)?учгод",
     _point(5)),
    (r"(?:до\s+конца|до\s+окончания|до\s+завершения)\s+учгод", _point(5, by=True)),
    (r"(?:в\s+начале|начало|на\s+начало)\s+(?:каждого\s+)?учгод", _point(9)),
    (r"(?:к\s+началу|до\s+начала|перед\s+началом)\s+(?:каждого\s+)?учгод", _point(8)),
    (r"(?:по\s+итогам|в\s+конце|по\s+окончании|конец)\s+(?:каждого\s+)?(?:календарного\s+)?года",
     _point(12)),
    (r"(?:в\s+начале|начало)\s+(?:календарного\s+)?года", _point(1)),
    (rf"(?:по\s+итогам|в\s+конце|по\s+окончании)\s+{ORD}\s*(квартал|полугоди|четверт|триместр)[а-я]*",
     _part_end),
    (r"(?:по\s+итогам|в\s+конце|по\s+окончании)\s+(?:каждой\s+)?четверти", _freq("term", 3)),
    (r"(?:по\s+итогам|в\s+конце|по\s+окончании)\s+(?:каждого\s+)?триместра", _freq("trimester", 3)),
    (r"(?:по\s+итогам|в\s+конце|по\s+окончании)\s+(?:каждого\s+)?(?:учебного\s+)?полугодия",
     _freq("school_half", 6)),
    # «с сентября по декабрь 2022», «сентябрь 2022 - май 2023»
    (rf"(?:(?:с|в|во)\s+)?{M}\s*{Y}?\s*(?:-|по|до)\s*{M}\s*{Y}?",
     lambda m: Token("span", start=(_year(m.group(2)), month_no(m.group(1))),
                     end=(_year(m.group(4)), month_no(m.group(3))))),
    (rf"с\s+{Y}\s*[-/]\s*{Y2}\s*учгод", lambda m: Token("start", start=_school_year(m).start)),
    (rf"(?:с|начиная\s+с)\s+{M}\s*{Y}?", lambda m: Token(
        "start", start=(_year(m.group(2)), month_no(m.group(1))), from_month=True)),
    (rf"(?:с|начиная\s+с)\s+{Y}", lambda m: Token("start", start=(int(m.group(1)), 1))),
    (rf"{_BY}конца\s+{M}\s*{Y}?", lambda m: Token(
        "span", start=(_year(m.group(2)), month_no(m.group(1))), by=True)),
    (rf"{_BY}(\d{{1,2}})\s+{M}\s*{Y}?", lambda m: _day(m.group(1), month_no(m.group(2)),
                                                         _year(m.group(3)), by=True)),
    (rf"{_BY}(\d{{1,2}})\.(\d{{1,2}}){_DATE_YEAR}", lambda m: _day(
        m.group(1), int(m.group(2)), _short_year(m.group(3)), by=True)),
    (rf"(\d{{1,2}})\s*-\s*(\d{{1,2}})\.(\d{{1,2}}){_DATE_YEAR}", lambda m: _day(
        m.group(1), int(m.group(3)), _short_year(m.group(4)), last=m.group(2))),
    (rf"(\d{{1,2}})\.(\d{{1,2}}){_DATE_YEAR}", lambda m: _day(
        m.group(1), int(m.group(2)), _short_year(m.group(3)))),
    (rf"(?:с\s+)?(\d{{1,2}})\s*(?:-|по|до)\s*(\d{{1,2}})\s+{M}\s*{Y}?", lambda m: _day(
        m.group(1), month_no(m.group(3)), _year(m.group(4)), last=m.group(2))),
    (rf"(\d{{1,2}})\s+{M}\s*{Y}?", lambda m: _day(m.group(1), month_no(m.group(2)), _year(m.group(3)))),
    # parts of a year: «I квартал 2022», «2 полугодие 2021-2022 учгод», «III четверть»
    (rf"(?:в\s+)?{ORD}\s*(квартал|кв|полугоди|четверт|триместр)[а-я]*\.?\s*"
     rf"(?:{Y}\s*[-/]\s*{Y2}\s*учгод|{Y})?", _part),
    (rf"(?:на\s+|в\s+)?{Y}\s*[-/]\s*{Y2}\s*учгод", _school_year),
    (rf"(?:на\s+|в\s+)?{Y}\s*-\s*{Y}", _year_range),
    (rf"(?:в\s+|во\s+)?{M}(?:\s*-?\s*{Y})?",
     lambda m: Token("span", start=(_year(m.group(2)), month_no(m.group(1))))),
    (rf"(?:в\s+|на\s+)?{Y}", lambda m: Token("year", start=(int(m.group(1)), 1))),
    # repetitions
    (r"ежегодно|каждый\s+год|раз\s+в\s+году?(?![а-я])", lambda m: Token("freq", every=12)),
    (rf"(\d+|{_NUMBERS})\s+раза?\s+в\s+(?:год|учгод)(?![а-я])", _times_a_year),
    (r"ежемесячно|каждый\s+месяц|(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+месяц",
     lambda m: Token("freq", every=1)),
    (r"ежеквартально|каждый\s+квартал|(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+квартал",
     _freq("quarter", 3)),
    (r"ежечетвертно|каждую\s+четверть|(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+четверть",
     _freq("term", 3)),
    (r"каждый\s+триместр|(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+триместр", _freq("trimester", 3)),
    (r"каждое\s+полугодие|(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+полугодие",
     _freq("school_half", 6)),
    (r"каждые\s+полгода|(?:не\s+реже\s+)?(?:одного\s+|1\s+)?раза?\s+в\s+полгода", _freq("halfyear", 6)),
    (_CONTINUOUS, lambda m: Token("freq", every=1, continuous=True)),
    (r"до\s+(?:завершения|окончания)\s+(?:наставничества|программ[а-я]*|реализации)[^,;]*",
     lambda m: Token("until_end")),
    (r"в\s+течение(?=\s)|в\s+рамках(?=\s)|на\s+(?=(?:19|20)\d\d)", lambda m: Token("filler")),
    (_OPEN, lambda m: Token("open", text=m.group(0))),
]


def _dom_day(text: str) -> int:
    day = int(text)
    if not 1 <= day <= 31:
        raise ValueError(text)
    return day


_COMPILED = [(re.compile(p), h) for p, h in TOKENS]
_SEPARATOR = re.compile(r"(?:[\s,;:.!]+|(?:и|а\s+также|либо|или)\s+)")


def tokenize(text: str) -> tuple[list[Token], str | None]:
    """The tokens of a normalised wording and, when some part is not understood, the text
    from that part on (the tokens are then incomplete and must not be used)."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        sep = _SEPARATOR.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        for pattern, handler in _COMPILED:
            m = pattern.match(text, pos)
            if not m or m.end() == pos:
                continue
            try:
                token = handler(m)
            except (ValueError, KeyError):
                continue
            tokens.append(token)
            pos = m.end()
            break
        else:
            return tokens, text[pos:]
    return tokens, None


def months_between(first: int, last: int) -> tuple[int, ...]:
    """The months from ``first`` to ``last`` of a year, across New Year when needed."""
    return _months_of(first, last)
