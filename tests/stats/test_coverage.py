from datetime import date
from decimal import Decimal

import pytest

from nastavnik_docs.models import Pair, Participant, Registry, Target
from nastavnik_docs.stats import ReportingPeriod, Totals, coverage

YEAR = ReportingPeriod.school_year(2024)


def person(pid, category, **extra):
    return Participant(id=pid, last_name=f"Фамилия{pid}", first_name="Имя", category=category, **extra)


@pytest.fixture
def registry():
    people = [
        person("t1", "педагог"), person("t2", "педагог"),
        person("y1", "педагог", experience_years=1, experience_as_of=date(2024, 9, 1), birth_date=date(2000, 1, 1)),
        person("p1", "обучающийся"), person("p2", "обучающийся"), person("p3", "обучающийся"),
        person("s1", "студент"), person("e1", "представитель работодателя"),
    ]
    pairs = [
        Pair(mentor="t1", mentees=["y1"], form="учитель – учитель", start=date(2024, 9, 1), end=date(2025, 5, 31)),
        # the young teacher mentors pupils as well: counts once as a mentee, once as a mentor
        Pair(mentor="y1", mentees=["p1", "p2"], form="учитель – ученик", start=date(2024, 10, 1), end=date(2025, 5, 1)),
        Pair(mentor="e1", mentees=["s1"], form="работодатель – студент", start=date(2024, 9, 1),
             end=date(2025, 3, 1), status="прекращена досрочно"),
        Pair(mentor="p3", mentees=["p1"], form="ученик – ученик", start=date(2024, 9, 15), end=date(2025, 8, 31)),
        # outside the period: not counted
        Pair(mentor="t2", mentees=["p3"], form="учитель – ученик", start=date(2022, 9, 1), end=date(2023, 5, 31)),
    ]
    return Registry(participants=people, pairs=pairs)


@pytest.mark.parametrize(
    ("code", "count"),
    [("01", 4), ("02", 2), ("03", 1), ("04", 1), ("05", 1), ("06", 0),
     ("07", 4), ("08", 2), ("09", 1), ("10", 1), ("11", 0),
     ("12", 4), ("13", 1), ("14", 1), ("15", 2), ("16", 1)],
)
def test_line_counts(registry, code, count):
    assert coverage(registry, YEAR).line(code).count == count


def test_control_relations_hold(registry):
    assert coverage(registry, YEAR).control_problems() == []


def test_shares_and_targets(registry):
    targets = [
        Target(indicator="охват обучающихся", value=Decimal(10), year=2025, measure="pupils"),
        Target(indicator="охват педагогов", value=Decimal(15), year=2025, measure="teachers"),
        Target(indicator="без меры", value=Decimal(1)),
    ]
    report = coverage(registry, YEAR, Totals(pupils=40, teachers=8), targets)
    assert report.line("02").share == Decimal("5.0")
    assert report.line("04").share == Decimal("12.5")
    assert report.line("03").share is None
    assert [t.met for t in report.targets] == [False, False, None]


def test_forms_section_sums_to_pairs(registry):
    forms = coverage(registry, YEAR).forms
    assert [(f.form, f.pairs, f.mentees) for f in forms] == [
        ("работодатель – студент", 1, 1), ("ученик – ученик", 1, 1),
        ("учитель – ученик", 1, 2), ("учитель – учитель", 1, 1),
    ]


def test_broken_relation_is_reported(registry):
    report = coverage(registry, YEAR)
    report.lines[1] = type(report.lines[1])("02", "x", 99, 1)
    assert any(p.startswith("стр. 01") for p in report.control_problems())


def test_period_must_be_ordered():
    with pytest.raises(ValueError, match="раньше"):
        ReportingPeriod(start=date(2025, 1, 1), end=date(2024, 1, 1))
