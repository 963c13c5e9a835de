"""The coverage table computed from a registry, by the definitions of ``coverage_form.yaml``.

Who counts: the mentors and mentees of every pair or group that worked at least one day of
the period, with the pair's history (a mentor replaced during the period and the new one
both count; so does a mentee who left). Each person once per line. Ages and the young
specialist's experience are taken on the reporting date (the period's last day).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._gc import no_collection
from ..models import Category, CoverageTable, MentoringForm, Pair, PairStatus, Participant, Registry, TableLine, Target
from ._control import check_table, share_failures
from ._form import COVERAGE_FORM, ControlFailure, FormSpec, SectionSpec, share

__all__ = ["CoverageLine", "CoverageReport", "EarlyEnd", "FormLine", "ReportingPeriod", "TargetCheck",
           "Totals", "coverage"]

#: Ages of the federal indicators (Р-145): pupils 10–19 as mentees, 15–19 as mentors.
MENTEE_AGES = (10, 19)
MENTOR_AGES = (15, 19)
_CATEGORY_KEYS = {Category.PUPIL: "pupil", Category.STUDENT: "student", Category.TEACHER: "teacher",
                  Category.EMPLOYER: "employer", Category.OTHER: "other"}


class ReportingPeriod(BaseModel):
    """The period a report covers; a pair counts when it worked on any day of it."""

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
    """Head counts of the organisation: the denominators of the shares (graph 4)."""

    model_config = ConfigDict(extra="forbid")

    pupils: int | None = Field(default=None, ge=0, description="Численность обучающихся")
    students: int | None = Field(default=None, ge=0, description="Численность студентов")
    teachers: int | None = Field(default=None, ge=0, description="Численность педагогических работников")
    young_specialists: int | None = Field(default=None, ge=0, description="Численность молодых специалистов")
    pupils_10_19: int | None = Field(default=None, ge=0, description="Численность обучающихся 10–19 лет")
    pupils_15_19: int | None = Field(default=None, ge=0, description="Численность обучающихся 15–19 лет")


@dataclass(frozen=True)
class CoverageLine:
    """One line of sections 1 and 2: code, title, level and the figures."""

    code: str
    title: str
    count: int
    level: int = 0
    total: int | None = None
    measure: str | None = None
    note: str | None = None
    section: str = "people"
    denominator: str | None = None

    @property
    def share(self) -> Decimal | None:
        """Per cent to one decimal, when the denominator is known and positive."""
        return share(self.count, self.total)


@dataclass(frozen=True)
class FormLine:
    """A line of sections 3 and 4: pairs, mentors and mentees of one pair type or format.

    ``members`` names what an «иные» line holds (the organisation's own types)."""

    code: str
    title: str
    pairs: int
    mentors: int
    mentees: int
    level: int = 1
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class EarlyEnd:
    """A pair ended early in the period: its number, the day and the reason given."""

    pair: str
    date: date | None
    reason: str | None


@dataclass(frozen=True)
class TargetCheck:
    target: Target
    actual: Decimal | None

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.target.is_met(self.actual)


@dataclass
class CoverageReport:
    """The computed table and what the analysis needs beyond it."""

    period: ReportingPeriod
    lines: list[CoverageLine]
    pair_types: list[FormLine]
    formats: list[FormLine]
    targets: list[TargetCheck] = field(default_factory=list)
    early_ends: list[EarlyEnd] = field(default_factory=list)
    #: pupils and students taking part whose birth date is unknown (left out of lines 09, 16)
    unknown_ages: int = 0
    #: teachers among the mentees whose experience or birth date is unknown (not in line 12)
    unknown_young: int = 0
    spec: FormSpec = COVERAGE_FORM
    _table: CoverageTable | None = field(default=None, repr=False, compare=False)

    def line(self, code: str) -> CoverageLine:
        return next(line for line in self.lines if line.code == code)

    def share_of(self, measure: str) -> Decimal | None:
        return next((line.share for line in self.lines if line.measure == measure), None)

    def table(self, organization: str = "", inn: str | None = None) -> CoverageTable:
        """The figures as a :class:`~nastavnik_docs.models.CoverageTable` (graphs 3–5)."""
        if self._table is None:
            self._table = self._figures()
        return self._table.model_copy(update={"organization": organization, "inn": inn})

    def _figures(self) -> CoverageTable:
        lines = {}
        for line in self.lines:
            graphs = {3: Decimal(line.count)}
            if line.total is not None:
                graphs[4] = Decimal(line.total)
            if line.share is not None:
                graphs[5] = line.share
            lines[line.code] = TableLine(code=line.code, title=line.title, graphs=graphs)
        for row in (*self.pair_types, *self.formats):
            lines[row.code] = TableLine(code=row.code, title=row.title, graphs={
                3: Decimal(row.pairs), 4: Decimal(row.mentors), 5: Decimal(row.mentees)})
        return CoverageTable(period_start=self.period.start, period_end=self.period.end, form=self.spec.form,
                             version=self.spec.version, lines=lines)

    def control_problems(self) -> list[ControlFailure]:
        """Relations between lines that do not hold (a bug, since the figures are computed)."""
        over = {f.relation for f in self.share_errors()}
        return [f for f in check_table(self.table(), self.spec) if f.relation not in over]

    def share_errors(self) -> list[ControlFailure]:
        """Lines whose count exceeds the head count given for them (an error in the input)."""
        rule_id = self.spec.share_rules[0][0]
        return [f for f in share_failures(self.table(), self.spec) if f.relation == rule_id]


def _worked_in(pair: Pair, period: ReportingPeriod) -> bool:
    last = (pair.ended_on or pair.end) if pair.history else pair.end  # without a history they are one
    return pair.start <= period.end and (last is None or last >= period.start)


def _members(pair: Pair, period: ReportingPeriod) -> tuple[set[str], set[str]]:
    """Everyone who was the pair's mentor or mentee on some day of the period."""
    if not pair.history:
        return {pair.mentor}, set(pair.mentees)
    days = {max(period.start, pair.start)} | {e.date for e in pair.history if period.start <= e.date <= period.end}
    mentors: set[str] = set()
    mentees: set[str] = set()
    for day in days:
        state = pair.as_of(day)
        if state is not None:
            mentors.add(state.mentor)
            mentees.update(state.mentees)
    return mentors, mentees


def _status(pair: Pair, day: date) -> tuple[PairStatus, Pair]:
    if not pair.history and (pair.status is PairStatus.ACTIVE or pair.end is None or pair.end <= day):
        state = pair  # what ``as_of`` gives without a history, without building the timeline
    else:
        state = pair.as_of(day) or pair
    status = state.status
    if status is PairStatus.ACTIVE and pair.end is not None and pair.end < day:
        status = PairStatus.COMPLETED
    return status, state


def _in_ages(person: Participant, day: date, ages: tuple[int, int]) -> bool:
    age = person.age_on(day)
    return age is not None and ages[0] <= age <= ages[1]


class _Counts:
    """The figures of sections 1 and 2 by line key."""

    def __init__(self, registry: Registry, pairs: list[tuple[int, Pair]], people: list[tuple[set[str], set[str]]],
                 day: date):
        self.value: Counter[str] = Counter()
        mentor_ids: set[str] = set().union(*(m for m, _ in people))
        mentee_ids: set[str] = set().union(*(m for _, m in people))
        self.by_id = registry.participants_by_id()
        self.unknown_ages = 0
        self.unknown_young = 0
        # Counted by category in plain counters, the lines' keys made once per category
        # after the loop: a registry of 100,000 people made six keys for each person.
        participants: Counter[str] = Counter()
        mentors: Counter[str] = Counter()
        mentees: Counter[str] = Counter()
        pupil_mentors = pupil_mentees = young = 0
        involved = mentor_ids | mentee_ids
        # The registry's own order, not the set's: the participants lie in memory in the order
        # they were read, and visiting them so took half the time of visiting them by ID.
        for person in registry.participants:
            pid = person.id
            if pid not in involved:
                continue
            category = _CATEGORY_KEYS[person.category]
            participants[category] += 1
            pupil = person.category is Category.PUPIL
            if (pupil or person.category is Category.STUDENT) and person.birth_date is None:
                self.unknown_ages += 1
            if pid in mentee_ids:
                mentees[category if category in ("pupil", "student", "teacher") else "other"] += 1
                if pupil and _in_ages(person, day, MENTEE_AGES):
                    pupil_mentees += 1
                if person.is_young_specialist(day):
                    young += 1
                elif person.category is Category.TEACHER and (person.birth_date is None
                                                              or person.experience_on(day) is None):
                    self.unknown_young += 1
            if pid in mentor_ids:
                mentors[category] += 1
                if pupil and _in_ages(person, day, MENTOR_AGES):
                    pupil_mentors += 1
        for name, counts in (("participants", participants), ("mentors", mentors), ("mentees", mentees)):
            self._add(name, sum(counts.values()))
            for category, n in counts.items():
                self._add(f"{name}.{category}", n)
        self._add("mentors.pupil_15_19", pupil_mentors)
        self._add("mentees.pupil_10_19", pupil_mentees)
        self._add("mentees.young", young)
        self._pairs(pairs, day)

    def _add(self, key: str, n: int) -> None:
        if n:
            self.value[key] += n

    def _pairs(self, pairs: list[tuple[int, Pair]], day: date) -> None:
        self.early_ends: list[EarlyEnd] = []
        for index, pair in pairs:
            status, state = _status(pair, day)
            self.value["pairs"] += 1
            self.value["pairs.groups"] += pair.is_group
            self.value[f"pairs.{status.value}"] += 1
            if status is PairStatus.ENDED_EARLY:
                self.early_ends.append(EarlyEnd(pair.id or str(index + 1), state.ended_on, state.end_reason))


def coverage(registry: Registry, period: ReportingPeriod, totals: Totals | None = None,
             targets: list[Target] | tuple[Target, ...] = (), spec: FormSpec = COVERAGE_FORM) -> CoverageReport:
    """The coverage table of ``registry`` for ``period``, shares against ``totals``, targets
    judged by the shares their ``measure`` names. Nothing is raised here: a count over its
    head count is in ``share_errors()``."""
    with no_collection():  # tens of thousands of small sets and tuples, no cycles
        return _coverage(registry, period, totals or Totals(), targets, spec)


def _coverage(registry: Registry, period: ReportingPeriod, totals: Totals,
              targets: list[Target] | tuple[Target, ...], spec: FormSpec) -> CoverageReport:
    indexed = [(i, p) for i, p in enumerate(registry.pairs) if _worked_in(p, period)]
    people = [_members(p, period) for _, p in indexed]
    counts = _Counts(registry, indexed, people, period.end)
    value = counts.value
    lines = []
    for section in spec.sections:
        for line in section.lines:
            total = _denominator(line.denominator, totals, value, spec)
            lines.append(CoverageLine(line.code, line.title, value[line.key], line.level, total, line.measure,
                                      line.note, section.id, line.denominator))
    pairs = [p for _, p in indexed]
    by_id = counts.by_id
    keys = [(p.pair_type, p.format, by_id[p.mentor].category, by_id[p.mentor].post,
             frozenset(by_id[m].category for m in p.mentees)) for p in pairs]
    everyone = (value["mentors"], value["mentees"])
    dimension_lines = {s.id: _by_dimension(registry, pairs, people, s, spec, keys, everyone)
                       for s in spec.sections if s.dimension}
    report = CoverageReport(period=period, lines=lines, pair_types=dimension_lines["pair_types"],
                            formats=dimension_lines["formats"], early_ends=counts.early_ends,
                            unknown_ages=counts.unknown_ages, unknown_young=counts.unknown_young, spec=spec)
    report.targets = [TargetCheck(t, report.share_of(t.measure) if t.measure else None) for t in targets]
    return report


def _denominator(name: str | None, totals: Totals, value: Counter[str], spec: FormSpec) -> int | None:
    if name is None:
        return None
    if name.startswith("line:"):
        return value[spec.line(name.removeprefix("line:")).key]
    result: int | None = getattr(totals, name)
    return result


def _by_dimension(registry: Registry, pairs: list[Pair], people: list[tuple[set[str], set[str]]],
                  section: SectionSpec, spec: FormSpec, keys: list[tuple], total: tuple[int, int]) -> list[FormLine]:
    """Section 3 or 4: every listed pair type (format) in the form's order, then «иные»;
    «Всего» (``total``: the mentors and mentees of all the pairs) first. ``keys`` say what
    decides each pair's type and format, so that each distinct one is resolved once."""
    total_code, other_code = spec.totals[section.id][0], spec.others[section.id][0]
    groups: dict[str, list[int]] = {}
    members: dict[str, set[str]] = {}
    memo: dict[tuple, MentoringForm | None] = {}
    for i, (pair, key) in enumerate(zip(pairs, keys)):
        if key not in memo:
            memo[key] = registry.pair_type_of(pair) if section.dimension == "pair_type" else registry.format_of(pair)
        found = memo[key]
        code = found.code if found is not None and found.code else other_code
        groups.setdefault(code, []).append(i)
        if code == other_code:
            given = pair.pair_type if section.dimension == "pair_type" else pair.format
            members.setdefault(code, set()).add(found.title if found else (given or "тип не определён"))

    def line(code: str, title: str, indexes: list[int], level: int) -> FormLine:
        return FormLine(code, title, len(indexes), len(set().union(*(people[i][0] for i in indexes))),
                        len(set().union(*(people[i][1] for i in indexes))), level,
                        tuple(sorted(members.get(code, ()))))

    rows = [FormLine(total_code, spec.totals[section.id][1], len(pairs), *total, 0)]
    rows += [line(code, title, groups.get(code, []), 1) for code, title in spec.dimension_lines(section)[1:]]
    return rows
