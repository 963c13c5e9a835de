"""The coverage table of a hand-built registry, cell by cell, and what the definitions mean."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from stats_registry import EXPECTED, TOTALS, YEAR, hand_built

from nastavnik_docs.models import Target
from nastavnik_docs.stats import COVERAGE_FORM, EarlyEnd, ReportingPeriod, Totals, coverage


@pytest.fixture(scope="module")
def report(registry):
    return coverage(registry, YEAR, TOTALS)


def test_every_code_of_the_form_is_expected():
    assert sorted(EXPECTED) == sorted(COVERAGE_FORM.codes())


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_cell(report, code):
    table = report.table()
    g3, g4, g5 = EXPECTED[code]
    assert table.value(code, 3) == Decimal(g3)
    assert table.value(code, 4) == (Decimal(g4) if g4 is not None else None)
    assert table.value(code, 5) == (Decimal(g5) if g5 is not None else None)


def test_a_teacher_who_mentors_and_is_mentored_counts_once_among_teachers(report):
    # t2 is a mentee in pair 1 and the mentor of pair 2: in line 11 and line 18, once in line 04
    assert (report.line("04").count, report.line("11").count, report.line("18").count) == (6, 4, 3)
    assert report.line("01").count == report.line("07").count + report.line("14").count - 1


def test_teacher_coverage_counts_mentors_too(report):
    """The share of teachers is over mentors and mentees who are teachers (6 of 20), not
    mentees alone (4 of 20)."""
    assert report.share_of("teachers") == Decimal("30.0")


def test_ages_and_experience_are_taken_on_the_reporting_date(registry):
    late = coverage(registry, ReportingPeriod(start=date(2024, 9, 1), end=date(2025, 9, 1)), TOTALS)
    # on 01.09.2025 p2 turns 10 (a mentee of 10–19 now); p7 is still 19 (20 only on 31.08.2026)
    assert late.line("09").count == 3
    later = coverage(registry, ReportingPeriod(start=date(2024, 9, 1), end=date(2026, 8, 31)), TOTALS)
    assert later.line("09").count == 2  # p7 is 20 now, p1 and p2 are 14 and 10
    assert late.line("16").count == 2  # p6 turns 19 — still 15–19
    young = coverage(registry, ReportingPeriod(start=date(2024, 9, 1), end=date(2026, 9, 2)), TOTALS)
    assert young.line("12").count == 1  # t2 has 3 years of experience on 02.09.2026: no longer young


def test_the_replaced_mentor_counts_and_the_unknown_are_reported(report):
    assert report.line("15").count == 3  # p3, and p5 replaced by p6 in pair 7
    assert report.unknown_ages == 1 and report.unknown_young == 1  # p8 without birth date, t5 without experience
    assert report.early_ends == [
        EarlyEnd("3", date(2025, 2, 3), "перевод наставника в другую организацию"),
        EarlyEnd("5", date(2025, 3, 1), "переезд студента")]
    assert next(r for r in report.formats if r.code == "59").members == ("проектное",)
    assert next(r for r in report.pair_types if r.code == "39").members == ("тип не определён",)


def test_codes_are_fixed_whatever_the_data(registry):
    empty = coverage(registry, ReportingPeriod(start=date(2030, 1, 1), end=date(2030, 2, 1)))
    assert [r.code for r in empty.pair_types] == ["30", "31", "32", "33", "34", "35", "36", "37", "39"]
    assert [r.code for r in empty.formats][:3] == ["40", "41", "42"] and empty.formats[-1].code == "59"
    assert [r.title for r in empty.pair_types][1:3] == ["ученик – ученик", "учитель – учитель"]


def test_control_relations_hold(report):
    assert report.control_problems() == [] and report.share_errors() == []


def test_a_count_over_its_denominator_is_an_error(registry):
    over = coverage(registry, YEAR, TOTALS.model_copy(update={"young_specialists": 1}))
    (error,) = over.share_errors()
    assert error.relation == "КС-26" and error.message == "стр. 12: 2 больше, чем в графе 4 (1)"
    assert over.control_problems() == []  # the relations between lines still hold


def test_targets_are_judged_by_their_measure(report):
    targets = [Target(indicator="педагоги", value=Decimal(25), measure="teachers"),
               Target(indicator="досрочно", comparison="не более", value=Decimal(10), measure="early_ends"),
               Target(indicator="без меры", value=Decimal(1))]
    judged = coverage(hand_built(), YEAR, TOTALS, targets).targets
    assert [(t.actual, t.met) for t in judged] == [(Decimal("30.0"), True), (Decimal("25.0"), False), (None, None)]


def test_shares_without_head_counts_are_empty(registry):
    bare = coverage(registry, YEAR, Totals())
    assert bare.line("02").share is None and bare.line("25").share == Decimal("25.0")
