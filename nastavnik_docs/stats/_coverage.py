"""Coverage of participants by mentoring, as an FSN-style table with line codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Category, PairStatus, Registry, Target
from ..models.forms import form_key
from ..models.pair import Pair
from ..models.participant import Participant

_HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")


class ReportingPeriod(BaseModel):
    """The period a report covers; a pair counts when it was active on any day of it."""

    model_config = ConfigDict(extra="forbid")

    start: date = Field(description="Начало отчётного периода")
    end: date = Field(description="Конец отчётного периода (отчётная дата)")

    @model_validator(mode="after")
    def _check(self) -> ReportingPeriod:
        if self.end < self.start:
            raise ValueError("конец отчётного периода раньше его начала")
        return self

    @classmethod
    def school_year(cls, first_year: int) -> ReportingPeriod:
        """1 September of ``first_year`` to 31 August of the next year."""
        return cls(start=date(first_year, 9, 1), end=date(first_year + 1, 8, 31))


class Totals(BaseModel):
    """Head counts of the organisation, the denominators of coverage shares."""

    model_config = ConfigDict(extra="forbid")

    pupils: int | None = Field(default=None, ge=0, description="Численность обучающихся")
    students: int | None = Field(default=None, ge=0, description="Численность студентов")
    teachers: int | None = Field(default=None, ge=0, description="Численность педагогических работников")
    young_specialists: int | None = Field(default=None, ge=0, description="Численность молодых специалистов")


@dataclass(frozen=True)
class CoverageLine:
    """One line of the table: code, title, indentation level and the figures."""

    code: str
    title: str
    count: int
    level: int = 0
    total: int | None = None
    measure: str | None = None

    @property
    def share(self) -> Decimal | None:
        """Coverage in per cent to one decimal, when the denominator is known and positive."""
        if not self.total:
            return None
        return (Decimal(self.count) * _HUNDRED / Decimal(self.total)).quantize(_TENTH, ROUND_HALF_UP)


@dataclass(frozen=True)
class FormLine:
    """Pairs and people of one form of mentoring."""

    code: str
    form: str
    pairs: int
    mentors: int
    mentees: int


@dataclass(frozen=True)
class TargetCheck:
    target: Target
    actual: Decimal | None

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.target.is_met(self.actual)


@dataclass
class CoverageReport:
    period: ReportingPeriod
    lines: list[CoverageLine]
    forms: list[FormLine]
    targets: list[TargetCheck] = field(default_factory=list)

    def line(self, code: str) -> CoverageLine:
        return next(line for line in self.lines if line.code == code)

    def share_of(self, measure: str) -> Decimal | None:
        for line in self.lines:
            if line.measure == measure:
                return line.share
        return None

    def control_problems(self) -> list[str]:
        """Check the control relations between lines; an empty list means the table is consistent."""
        value = {line.code: line.count for line in self.lines}
        problems = []
        for total, parts in _SUM_RELATIONS:
            if value[total] != sum(value[p] for p in parts):
                problems.append(
                    f"стр. {total} ({value[total]}) не равна сумме строк {', '.join(parts)} "
                    f"({sum(value[p] for p in parts)})")
        for smaller, larger in _NOT_GREATER:
            if value[smaller] > value[larger]:
                problems.append(f"стр. {smaller} ({value[smaller]}) больше стр. {larger} ({value[larger]})")
        if sum(f.pairs for f in self.forms) != value["12"]:
            problems.append("сумма пар по формам наставничества не равна стр. 12")
        return problems


#: Control relations of the table: line = sum of lines; line ≤ line.
_SUM_RELATIONS = (
    ("01", ("02", "03", "04", "06")),
    ("07", ("08", "09", "10", "11")),
    ("12", ("14", "15", "16")),
)
_NOT_GREATER = (("05", "04"), ("13", "12"))


def _active_in(pair: Pair, period: ReportingPeriod) -> bool:
    return pair.start <= period.end and (pair.end is None or pair.end >= period.start)


def _split_by_category(people: list[Participant]) -> dict[Category, int]:
    counts = {c: 0 for c in Category}
    for person in people:
        counts[person.category] += 1
    return counts


def coverage(
    registry: Registry,
    period: ReportingPeriod,
    totals: Totals | None = None,
    targets: list[Target] | tuple[Target, ...] = (),
) -> CoverageReport:
    """Count mentees, mentors and pairs of the period; shares against ``totals``.

    A person counts once per line however many pairs they are in; a young teacher who
    mentors a pupil and is mentored by a colleague counts among both mentors and mentees.
    Young specialists are judged on the period's last day.
    """
    totals = totals or Totals()
    pairs = [p for p in registry.pairs if _active_in(p, period)]
    mentee_ids = dict.fromkeys(m for p in pairs for m in p.mentees)
    mentor_ids = dict.fromkeys(p.mentor for p in pairs)
    mentees = [registry.participant(i) for i in mentee_ids]
    mentors = [registry.participant(i) for i in mentor_ids]
    by_mentee, by_mentor = _split_by_category(mentees), _split_by_category(mentors)
    young = sum(1 for p in mentees if p.is_young_specialist(period.end))
    statuses = {s: 0 for s in PairStatus}
    for pair in pairs:
        status = pair.status
        if status is PairStatus.ACTIVE and pair.end is not None and pair.end < period.end:
            status = PairStatus.COMPLETED
        statuses[status] += 1

    lines = [
        CoverageLine("01", "Численность наставляемых – всего", len(mentees)),
        CoverageLine("02", "в том числе: обучающиеся", by_mentee[Category.PUPIL], 1, totals.pupils, "pupils"),
        CoverageLine("03", "студенты", by_mentee[Category.STUDENT], 1, totals.students, "students"),
        CoverageLine("04", "педагогические работники", by_mentee[Category.TEACHER], 1, totals.teachers, "teachers"),
        CoverageLine("05", "из них молодые специалисты (стаж до 3 лет, возраст до 35 лет)", young, 2,
                     totals.young_specialists, "young_specialists"),
        CoverageLine("06", "иные категории", by_mentee[Category.EMPLOYER] + by_mentee[Category.OTHER], 1),
        CoverageLine("07", "Численность наставников – всего", len(mentors)),
        CoverageLine("08", "в том числе: педагогические работники", by_mentor[Category.TEACHER], 1),
        CoverageLine("09", "обучающиеся и студенты", by_mentor[Category.PUPIL] + by_mentor[Category.STUDENT], 1),
        CoverageLine("10", "представители работодателей", by_mentor[Category.EMPLOYER], 1),
        CoverageLine("11", "иные категории", by_mentor[Category.OTHER], 1),
        CoverageLine("12", "Число наставнических пар и групп – всего", len(pairs)),
        CoverageLine("13", "из них групп (два и более наставляемых)", sum(p.is_group for p in pairs), 1),
        CoverageLine("14", "действуют на отчётную дату", statuses[PairStatus.ACTIVE], 1),
        CoverageLine("15", "завершили программу", statuses[PairStatus.COMPLETED], 1),
        CoverageLine("16", "прекращены досрочно", statuses[PairStatus.ENDED_EARLY], 1),
    ]
    report = CoverageReport(period=period, lines=lines, forms=_by_form(registry, pairs))
    report.targets = [TargetCheck(t, report.share_of(t.measure) if t.measure else None) for t in targets]
    return report


def _by_form(registry: Registry, pairs: list[Pair]) -> list[FormLine]:
    groups: dict[str, list[Pair]] = {}
    titles: dict[str, str] = {}
    for pair in pairs:
        form = registry.form_of(pair)
        title = form.title if form else (pair.form or "")
        key = form_key(title)
        groups.setdefault(key, []).append(pair)
        titles.setdefault(key, title)
    return [
        FormLine(
            code=f"{i:02d}",
            form=titles[key],
            pairs=len(group),
            mentors=len({p.mentor for p in group}),
            mentees=len({m for p in group for m in p.mentees}),
        )
        for i, (key, group) in enumerate(sorted(groups.items(), key=lambda kv: titles[kv[0]]), start=1)
    ]
