"""The personified list: one row per person per pair, with the person's own period."""

from __future__ import annotations

from datetime import date

from stats_registry import YEAR, hand_built

from nastavnik_docs.models import Role
from nastavnik_docs.stats import personified_rows


def test_rows_follow_the_history_of_each_pair():
    rows = personified_rows(hand_built(), YEAR)
    pair7 = [(r.person.id, r.role, r.start, r.end, r.partner) for r in rows if r.pair == "7"]
    assert pair7 == [("p5", Role.MENTOR, date(2024, 9, 1), date(2025, 1, 9), "p7"),
                     ("p6", Role.MENTOR, date(2025, 1, 10), date(2025, 6, 30), "p7"),
                     ("p7", Role.MENTEE, date(2024, 9, 1), date(2025, 6, 30), "p5")]
    assert not [r for r in rows if r.pair == "6"]  # 2022/2023: outside the period
    group = [(r.person.id, r.pair_type, r.format) for r in rows if r.pair == "2"]
    assert group == [("t2", "учитель – ученик", "групповое"), ("p1", "учитель – ученик", "групповое"),
                     ("p2", "учитель – ученик", "групповое")]
    early = next(r for r in rows if r.pair == "3")
    assert (early.status, early.end, early.end_reason) == ("прекращена досрочно", date(2025, 2, 3),
                                                           "перевод наставника в другую организацию")


def test_every_person_in_every_pair_once():
    rows = personified_rows(hand_built())
    assert len(rows) == sum(1 + len(p.mentees) for p in hand_built().pairs) + 1  # + the replaced mentor
    assert rows[0].cells(1)["number"] == 1 and rows[0].cells(1)["last_name"] == "Фамилияt1"


def test_with_a_period_the_status_is_the_tables():
    """A pair recorded as active whose end has passed by the reporting date is completed,
    in the list as in line 24 of the table."""
    from nastavnik_docs.stats import coverage

    registry = hand_built()
    rows = personified_rows(registry, YEAR)
    table = coverage(registry, YEAR)
    by_pair = {r.pair: r.status for r in rows}
    statuses = [by_pair[p] for p in dict.fromkeys(r.pair for r in rows)]
    assert statuses.count("завершена") == table.line("24").count
    assert statuses.count("прекращена досрочно") == table.line("25").count
    assert statuses.count("действует") == table.line("23").count
    recorded = {r.pair: r.status for r in personified_rows(registry)}
    assert any(recorded[p] != by_pair[p] for p in by_pair)  # the list without a period keeps the base's
