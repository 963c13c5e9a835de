"""The deadline parser, table-driven on every deadline wording of the five seed roadmaps.

Each entry: wording -> the months it falls in within that roadmap's months («MM.YYYY»),
or OPEN (understood, no calendar date). ``test_table_covers_every_seed_wording`` fails when
a sample gains a wording the table does not list.
"""

from __future__ import annotations

import pytest
from _roadmap_samples import SAMPLES, load_sample

from nastavnik_docs.models import Period
from nastavnik_docs.models.roadmap import (
    DeadlineStatus,
    month_range,
    months_due,
    parse_deadline,
    roadmap_months,
)

OPEN = "open"


def _m(*items: str) -> list[str]:
    return list(items)


def _every(first: str, last: str, step_months: tuple[int, ...] | None = None) -> list[str]:
    fm, fy = (int(x) for x in first.split("."))
    lm, ly = (int(x) for x in last.split("."))
    return [f"{m:02d}.{y}" for y, m in month_range((fy, fm), (ly, lm))
            if step_months is None or m in step_months]


TABLE: dict[str, dict[str, list[str] | str]] = {
    "essentuki": {  # months: 09.2022 – 08.2024 (inferred: no period in the seed)
        "сентябрь-октябрь 2022 г.": _m("09.2022", "10.2022"),
        "сентябрь-октябрь 2022 г., далее - ежегодно": _m("09.2022", "10.2022", "09.2023", "10.2023"),
        "октябрь-ноябрь 2022 г., далее - ежегодно сентябрь": _m("10.2022", "11.2022", "09.2023"),
        "ноябрь–декабрь 2022 г., далее - ежегодно сентябрь": _m("11.2022", "12.2022", "09.2023"),
        "декабрь - 2022 г., далее - ежегодно октябрь": _m("12.2022", "10.2023"),
        "декабрь 2022 г., далее - ежегодно октябрь": _m("12.2022", "10.2023"),
        "ноябрь–декабрь 2022 г., далее - по мере необходимости": _m("11.2022", "12.2022"),
        "декабрь 2022 г., далее – по мере необходимости": _m("12.2022"),
        "октябрь 2022 г., далее – по мере необходимости": _m("10.2022"),
        "февраль 2023 г., далее – по мере необходимости": _m("02.2023"),
        "с февраля 2023 г. на регулярной основе до завершения наставничества":
            _every("02.2023", "08.2024"),
        "регулярно, не реже раз в месяц": _every("09.2022", "08.2024"),
        "в зависимости от продолжительности программы наставничества": OPEN,
        "по завершении заключительной групповой встречи": OPEN,
        "во время итогового мероприятия для подведения итогов": OPEN,
        "май 2023 г., далее – по мере завершения программ": _m("05.2023"),
        "с 2023 г. ежегодно": OPEN,
        "постоянно": _every("09.2022", "08.2024"),
    },
    "izhevsk": {  # period: 2022 calendar year
        "январь": _m("01.2022"),
        "январь-февраль": _m("01.2022", "02.2022"),
        "февраль": _m("02.2022"),
        "март": _m("03.2022"),
        "до 15 марта 2022 г.": _m("03.2022"),
        "до 31 марта 2022 г": _m("03.2022"),
        "В соответствии с дорожной картой": OPEN,
        "в соответствии со сроками реализации программ наставничества": OPEN,
        "до 24.04.2022 г.": _m("04.2022"),
        "сентябрь 2022 г.": _m("09.2022"),
        "ноябрь 2022 г.": _m("11.2022"),
        "декабрь 2022г.": _m("12.2022"),
        "в течение года": _every("01.2022", "12.2022"),
        "в соответствии со сроками, устанавливаемыми Минпросвещения России": OPEN,
        "март — декабрь 2022 г.": _every("03.2022", "12.2022"),
        "март - декабрь 2022 г.": _every("03.2022", "12.2022"),
        "апрель 2022 г.": _m("04.2022"),
        "май, август 2022 г.": _m("05.2022", "08.2022"),
    },
    "spb": {  # period: 2024/2025 school year
        "сентябрь 2024": _m("09.2024"),
        "Октябрь – ноябрь 2024": _m("10.2024", "11.2024"),
        "Сентябрь - октябрь 2024": _m("09.2024", "10.2024"),
        "Ноябрь – декабрь 2024": _m("11.2024", "12.2024"),
        "Сентябрь – декабрь 2024": _every("09.2024", "12.2024"),
        "Октябрь 2024 – май 2025": _every("10.2024", "05.2025"),
        "Май – июнь 2025": _m("05.2025", "06.2025"),
    },
    "spassk": {  # period: 2023/2024 school year, from 08.2023
        "28.08.2023 г": _m("08.2023"),
        "в течение года": _every("08.2023", "08.2024"),
        "до 02.10.2023": _m("10.2023"),
        "6.10.": _m("10.2023"),
        "до 10.10.2023": _m("10.2023"),
        "25-29.08.2023": _m("08.2023"),
        "сентябрь-октябрь": _m("09.2023", "10.2023"),
        "до 30.11.2023": _m("11.2023"),
        "систематически": _every("08.2023", "08.2024"),
        "29.08. 2023": _m("08.2023"),
        "14.09.": _m("09.2023"),
        "октябрь-ноябрь": _m("10.2023", "11.2023"),
        "декабрь": _m("12.2023"),
        "30.01.2024": _m("01.2024"),
        "5.03. 2024г": _m("03.2024"),
        "4.04. 2024г": _m("04.2024"),
        "По необходимости": OPEN,
        "ежемесячно в течение 2023-24 учебного года": _every("09.2023", "08.2024"),
        "ежеквартально": _every("08.2023", "08.2024", (3, 6, 9, 12)),
        "каждые полгода": _m("12.2023", "06.2024"),
        "2 раза в год": _m("12.2023", "06.2024"),
        "апрель": _m("04.2024"),
        "май": _m("05.2024"),
    },
    "severodvinsk": {},  # the seed gives no deadlines
}

CASES = [(key, wording, expected) for key, table in TABLE.items()
         for wording, expected in table.items()]


@pytest.mark.parametrize(("key", "wording", "expected"), CASES,
                         ids=[f"{k}:{w}" for k, w, _ in CASES])
def test_seed_wording(key: str, wording: str, expected: list[str] | str) -> None:
    roadmap = load_sample(key)
    deadline = parse_deadline(wording)
    assert deadline is not None and deadline.wording == wording
    months = [f"{m:02d}.{y}" for y, m in months_due(deadline, roadmap_months(roadmap))]
    if expected == OPEN:
        assert deadline.status is DeadlineStatus.OPEN
        assert months == []
    else:
        assert deadline.status is DeadlineStatus.DATED
        assert months == expected


def test_table_covers_every_seed_wording() -> None:
    for key in SAMPLES:
        wordings = {row.deadline for _, _, row in load_sample(key).rows() if row.deadline}
        assert wordings <= set(TABLE[key]), wordings - set(TABLE[key])


def test_no_seed_wording_is_unparsed() -> None:
    unparsed = [w for table in TABLE.values() for w in table
                if parse_deadline(w).status is DeadlineStatus.UNPARSED]
    assert unparsed == []


@pytest.mark.parametrize("wording", [
    "когда получится", "к Новому году", "сентябрь 2022 г., как-нибудь потом", "13.13.2022",
    "с 2023 г.",
])
def test_unknown_wording_is_kept_and_flagged(wording: str) -> None:
    deadline = parse_deadline(wording)
    assert deadline.status is DeadlineStatus.UNPARSED
    assert deadline.wording == wording and deadline.unparsed
    assert months_due(deadline, month_range((2022, 1), (2023, 12))) == []


def test_empty_wording_is_no_deadline() -> None:
    assert parse_deadline(None) is None and parse_deadline("  ") is None


def test_exact_dates_keep_the_day() -> None:
    span = parse_deadline("до 15 марта 2022 г.").spans[0]
    assert (span.start_year, span.start_month, span.day, span.by) == (2022, 3, 15, True)
    span = parse_deadline("25-29.08.2023").spans[0]
    assert (span.day, span.last_day, span.start_month) == (25, 29, 8)


def test_month_without_year_takes_it_from_a_school_year() -> None:
    horizon = Period(year=2024, school_year=True).months()
    assert months_due(parse_deadline("январь"), horizon) == [(2025, 1)]
    assert months_due(parse_deadline("декабрь"), horizon) == [(2024, 12)]
    assert months_due(parse_deadline("ноябрь - февраль"), horizon) == [
        (2024, 11), (2024, 12), (2025, 1), (2025, 2)]


@pytest.mark.parametrize(("year", "month", "titles"), [
    (2022, 3, ["Создание страницы творческой группы на сайте лицея",
               "Разработка модели сетевого или иного взаимодействия партнеров в осуществлении "
               "наставнической деятельности"]),
])
def test_due_in_lists_rows_of_the_month(year: int, month: int, titles: list[str]) -> None:
    roadmap = load_sample("izhevsk")
    due = [item.title for item in roadmap.due_in(year, month)]
    for title in titles:
        assert title in due
    # «до 15 марта», «март — декабрь» and «в течение года» fall in March too; «апрель» does not
    assert "Назначение куратора внедрения целевой модели наставничества в лицее" in due
    assert "Анализ результатов мониторинга состояния внедрения и реализации Программы " \
           "наставничества в МБОУ «ИТ- лицей №24»" not in due


def test_due_in_october_of_spb() -> None:
    roadmap = load_sample("spb")
    due = roadmap.due_in(2024, 10)
    deadlines = sorted({item.row.deadline for item in due})
    assert deadlines == sorted({"Октябрь – ноябрь 2024", "Сентябрь - октябрь 2024",
                                "Сентябрь – декабрь 2024", "Октябрь 2024 – май 2025"})
    assert roadmap.due_in(2024, 8) == []
