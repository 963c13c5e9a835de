"""The deadline grammar beyond the seeds: the wordings the issue lists, their kin (quarters,
half-years, school terms, school years in every abbreviation, counts per year with listed
months, days of the month, points of the school year, open wordings), every wording of
the collected roadmaps; what must stay not understood; and properties: no wording crashes
the parser, and a wording is understood whole or not at all."""

from __future__ import annotations

import pytest
from _real_roadmaps import REAL
from hypothesis import given, settings
from hypothesis import strategies as st

from nastavnik_docs.io import import_roadmap
from nastavnik_docs.models.roadmap import (
    DeadlineStatus,
    Period,
    calendar_entries,
    month_range,
    months_due,
    occurrences,
    parse_deadline,
)

#: Two school years: September 2021 – August 2023.
HORIZON = Period(year=2021, school_year=True, last_month="2023-08").months()
OPEN = "open"


def _run(first: str, last: str, only: tuple[int, ...] = ()) -> str:
    fm, fy = (int(x) for x in first.split("."))
    lm, ly = (int(x) for x in last.split("."))
    return " ".join(f"{m:02d}.{y % 100:02d}" for y, m in month_range((2000 + fy, fm), (2000 + ly, lm))
                    if not only or m in only)


ALL_MONTHS = _run("09.21", "08.23")

#: The wordings the issue names, read in the two school years 2021/22 and 2022/23.
ISSUE: dict[str, str] = {
    "I квартал 2022 г.": "01.22 02.22 03.22",
    "в мае": "05.22",
    "ежегодно в мае": "05.22 05.23",
    "Ежегодно (май)": "05.22 05.23",
    "2 раза в год (декабрь, май)": "12.21 05.22 12.22 05.23",
    "1 раз в четверть": "10.21 12.21 03.22 05.22 10.22 12.22 03.23 05.23",
    "2021-2022 учебный год": _run("09.21", "08.22"),
    "В течение 2021-2022 уч. года": _run("09.21", "08.22"),
    "2021 г.": "09.21 10.21 11.21 12.21",
    "По итогам учебного года": "05.22 05.23",
    "В конце учебного года": "05.22 05.23",
    "До 25 числа каждого месяца": ALL_MONTHS,
    "С сентября 2021 г. ежегодно": "09.21 09.22",
    "Ежегодно до 1 сентября": "09.21 09.22",
}

#: Their kin.
KIN: dict[str, str] = {
    "II квартал": "04.22 05.22 06.22",
    "IV кв. 2022 г.": "10.22 11.22 12.22",
    "в течение III квартала 2022 года": "07.22 08.22 09.22",
    "по итогам 2 квартала": "06.22 06.23",
    "I полугодие 2022 г.": _run("01.22", "06.22"),
    "второе полугодие 2022 года": _run("07.22", "12.22"),
    "1 полугодие 2021-2022 уч. г.": _run("09.21", "12.21"),
    "II полугодие 2022-2023 учебного года": _run("01.23", "05.23"),
    "по итогам I полугодия": "12.21 12.22",
    "I четверть": "09.21 10.21",
    "IV четверть 2022/2023 уч.г.": "04.23 05.23",
    "в конце III четверти": "03.22 03.23",
    "2 триместр": "12.21 01.22 02.22",
    "3 триместр 2021-22 учебного года": "03.22 04.22 05.22",
    "2022-2023 уч. г.": _run("09.22", "08.23"),
    "2022/23 учебный год": _run("09.22", "08.23"),
    "в течение 2022/2023 учебного года": _run("09.22", "08.23"),
    "на 2021-2023 гг.": ALL_MONTHS,
    "2022 год": _run("01.22", "12.22"),
    "в 2022 году": _run("01.22", "12.22"),
    "сентябрь (ежегодно)": "09.21 09.22",
    "Ежегодно, октябрь": "10.21 10.22",
    "в сентябре и мае": "09.21 05.22",
    "3 раза в год: октябрь, январь, май": "10.21 01.22 05.22 10.22 01.23 05.23",
    "4 раза в год": _run("09.21", "08.23", (3, 6, 9, 12)),
    "раз в полугодие": "12.21 05.22 12.22 05.23",
    "по итогам полугодия": "12.21 05.22 12.22 05.23",
    "в конце четверти": "10.21 12.21 03.22 05.22 10.22 12.22 03.23 05.23",
    "по итогам триместра": "11.21 02.22 05.22 11.22 02.23 05.23",
    "ежемесячно до 5 числа": ALL_MONTHS,
    "до 10-го числа каждого месяца": ALL_MONTHS,
    "с октября 2021 г. ежегодно": "10.21 10.22",
    "с сентября ежегодно": "09.21 09.22",
    "в начале учебного года": "09.21 09.22",
    "к началу учебного года": "08.22 08.23",
    "по окончании учебного года": "05.22 05.23",
    "до конца учебного года": "05.22 05.23",
    "в конце года": "12.21 12.22",
    "по итогам года": "12.21 12.22",
    "весь период": ALL_MONTHS,
    "в течение всего периода": ALL_MONTHS,
    "на протяжении учебного года": ALL_MONTHS,
    "еженедельно": ALL_MONTHS,
    "раз в две недели": ALL_MONTHS,
    "2 раза в месяц": ALL_MONTHS,
    "ежегодно, до 15 сентября": "09.21 09.22",
    "01.09.22": "09.22",
    "с 1 по 15 сентября 2022 г.": "09.22",
    "до конца сентября 2021 г.": "09.21",
    "сентябрь - май": _run("09.21", "05.22"),
    "ежемесячно, сентябрь - май": _run("09.21", "05.22") + " " + _run("09.22", "05.23"),
    "по графику": OPEN,
    "по плану ОО": OPEN,
    "по плану работы школы": OPEN,
    "в установленные сроки": OPEN,
    "согласно графику": OPEN,
    "Ежегодно": OPEN,
    # the deadlines of the collected roadmaps (those before September 2021 fall in no month
    # of these two school years)
    "Февраль 2022": "02.22",
    "Сентябрь 2022": "09.22",
    "Сентябрь 2021": "09.21",
    "Сентябрь-октябрь 2021": "09.21 10.21",
    "апрель 2022 г.": "04.22",
    "I квартал 2023 г.": "01.23 02.23 03.23",
    "С сентября 2020 г. ежегодно": "09.21 09.22",
    "I квартал 2020 г.": "",
    "2020 г.": "",
    "В течение 2020-2021 уч. года": "",
}

#: Wordings that must not be understood: a part of each is unknown or contradicts another.
NOT_UNDERSTOOD = [
    "2 раза в год (май)",           # two times, one month
    "ежегодно, ежеквартально",      # two repetitions
    "до 25 числа",                  # of which month?
    "ежеквартально (май)",          # May ends no quarter
    "V квартал 2022",
    "2022-2021 учебный год",
    "по итогам V полугодия",
    "31.02.2022",
    "в мае, как получится",
    "с 2023 г.",
    "далее",
]

CASES = {**ISSUE, **KIN}


@pytest.mark.parametrize(("wording", "expected"), list(CASES.items()), ids=list(CASES))
def test_wording(wording: str, expected: str) -> None:
    deadline = parse_deadline(wording)
    assert deadline is not None and deadline.wording == wording
    months = " ".join(f"{m:02d}.{y % 100:02d}" for y, m in months_due(deadline, HORIZON))
    if expected == OPEN:
        assert deadline.status is DeadlineStatus.OPEN and months == ""
    else:
        assert deadline.status is DeadlineStatus.DATED
        assert months == expected


def test_what_the_issue_found_lost() -> None:
    # «С сентября 2021 г. ежегодно» keeps its September
    rec = parse_deadline("С сентября 2021 г. ежегодно").recurrence
    assert (rec.months, rec.start) == ((9,), (2021, 9))
    # «Ежегодно до 1 сентября»: the same day every year, not a day in one year and a month in the next
    d = parse_deadline("Ежегодно до 1 сентября")
    assert d.spans == () and (d.recurrence.months, d.recurrence.day, d.recurrence.by) == ((9,), 1, True)
    assert [first for first, _ in occurrences(d, HORIZON)] == [
        __import__("datetime").date(2021, 9, 1), __import__("datetime").date(2022, 9, 1)]
    rec = parse_deadline("До 25 числа каждого месяца").recurrence
    assert (rec.every, rec.day, rec.by, rec.continuous) == (1, 25, True, False)
    rec = parse_deadline("2 раза в год (декабрь, май)").recurrence
    assert sorted(rec.months) == [5, 12]


@pytest.mark.parametrize("wording", NOT_UNDERSTOOD)
def test_not_understood_is_reported_and_places_nothing(wording: str) -> None:
    deadline = parse_deadline(wording)
    assert deadline.status is DeadlineStatus.UNPARSED and deadline.unparsed
    assert deadline.spans == () and deadline.recurrence is None
    assert months_due(deadline, HORIZON) == [] and calendar_entries(deadline, HORIZON) == []


def test_every_wording_of_the_collected_roadmaps_is_in_the_tables(tmp_path) -> None:
    wordings = set()
    for key, build in REAL.items():
        build(tmp_path / f"{key}.docx")
        wordings |= {row.deadline for *_, row in import_roadmap(tmp_path / f"{key}.docx").roadmap.rows()
                     if row.deadline}
    assert wordings - set(CASES) == set()


# --------------------------------------------------------------------------- properties

VOCABULARY = [
    "ежегодно", "ежемесячно", "ежеквартально", "далее", "в течение", "года", "учебного года", "уч. г.",
    "2021", "2022 г.", "2021-2022", "гг.", "сентябрь", "мая", "в декабре", "до", "15", "числа",
    "каждого месяца", "I", "II квартал", "полугодие", "четверть", "триместр", "раз в", "2 раза в год",
    "по итогам", "в конце", "с", "по", "(", ")", ",", "-", "–", ".", "по мере необходимости", "постоянно",
    "01.09.", "25-29.08.2023", "весь период", "по графику", "и",
]


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_no_text_crashes_the_parser(text: str) -> None:
    deadline = parse_deadline(text)
    if deadline is None:
        assert not text.strip()
        return
    assert deadline.wording == text
    months_due(deadline, HORIZON)
    calendar_entries(deadline, HORIZON)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=7).map(" ".join))
def test_wordings_of_known_words_are_whole_or_reported(text: str) -> None:
    deadline = parse_deadline(text)
    assert deadline is not None
    if deadline.status is DeadlineStatus.UNPARSED:
        assert deadline.unparsed and deadline.spans == () and deadline.recurrence is None
    else:
        months_due(deadline, HORIZON)
        for entry in calendar_entries(deadline, HORIZON):
            assert entry.first <= entry.last and entry.spans


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(k for k, v in CASES.items() if v != OPEN)),
       st.sampled_from(["как получится", "уточняется", "примерно", "xyz", "??"]),
       st.booleans())
def test_an_unknown_word_makes_the_whole_wording_not_understood(wording: str, junk: str, before: bool) -> None:
    text = f"{junk}, {wording}" if before else f"{wording}, {junk}"
    deadline = parse_deadline(text)
    assert deadline.status is DeadlineStatus.UNPARSED
    assert months_due(deadline, HORIZON) == []
