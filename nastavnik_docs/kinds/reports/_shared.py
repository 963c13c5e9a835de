"""What the report kinds share: the organisation's report input, the table rows as printed,
the target rows, the conclusions and recommendations, and the chart's data."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import BaseModel, Field, model_validator

from ...errors import InputError, NastavnikError, Problem
from ...models import Chart, ChartPanel, ChartSeries, CoverageTable, Official, Registry, SurveyResults, Target
from ...ru import format_date, format_percent, format_school_year, typograph
from ...stats import COVERAGE_FORM, Analysis, CoverageReport, ReportingPeriod, Statement, Totals, coverage
from .._requisites import DocumentInput

__all__ = ["CoverageInput", "NBSP", "DASH", "NO_DATA", "TableRow", "TargetRow", "chart_of", "compute",
           "period_words", "planned", "table_rows", "target_rows"]

NBSP = "\u00a0"
DASH = "\u2013"
#: What an empty figure prints as in a document (no head count given).
NO_DATA = DASH


class CoverageInput(DocumentInput):
    """Таблица охвата наставничеством и аналитическая справка по базе.

    Input of the coverage table and the analytical report.

    The period is either ``school_year`` (the first calendar year: 2025 means 2025/2026) or
    an explicit ``period`` (for the December or April analysis). ``totals`` are the
    organisation's head counts, the denominators of the shares; ``targets`` with a
    ``measure`` are checked against the shares. ``survey`` is the questionnaires' results
    (an XLSX), ``previous`` the previous period's coverage table (an XLSX made by this
    program); both are optional. ``author`` prepares and signs the analytical report.
    """

    registry: Registry = Field(description="База наставников и наставляемых")
    school_year: int | None = Field(default=None, ge=2000, le=2100, description="Учебный год (первый год)")
    period: ReportingPeriod | None = Field(default=None, description="Отчётный период (вместо учебного года)")
    totals: Totals = Field(default_factory=Totals, description="Численность обучающихся, педагогов…")
    targets: list[Target] = Field(default_factory=list, description="Целевые показатели")
    author: Official | None = Field(default=None, description="Кто подготовил справку")
    survey: SurveyResults | None = Field(default=None, description="Результаты анкетирования (XLSX)")
    previous: CoverageTable | None = Field(default=None, description="Таблица охвата за предыдущий период (XLSX)")

    @model_validator(mode="after")
    def _one_period(self) -> CoverageInput:
        if (self.school_year is None) == (self.period is None):
            raise ValueError("укажите либо учебный год (school_year), либо отчётный период (period)")
        return self

    def reporting_period(self) -> ReportingPeriod:
        if self.period is not None:
            return self.period
        assert self.school_year is not None  # the validator requires one of them
        return ReportingPeriod.school_year(self.school_year)


def compute(data: CoverageInput) -> CoverageReport:
    """The organisation's table; a count over its head count is an input error naming the
    field, a broken relation a bug (the figures are computed)."""
    report = coverage(data.registry, data.reporting_period(), data.totals, data.targets)
    over = report.share_errors()
    if over:
        problems = []
        for failure in over:
            code = failure.message.split(":")[0].removeprefix("стр. ")
            line = report.line(code)
            problems.append(Problem(
                f"строка {code} «{line.title.strip()}» — по базе {line.count}, а общая численность указана "
                f"{line.total} ({failure.relation}): в программах не может быть больше людей, чем в организации; "
                f"проверьте численность (totals) или данные базы", field=f"totals → {line.denominator}",
                value=line.total, code="number.range"))
        raise InputError(problems)
    broken = report.control_problems()
    if broken:
        raise NastavnikError("Нарушены контрольные соотношения таблицы охвата: " + "; ".join(map(str, broken)))
    return report


def period_words(school_year: int | None, period: ReportingPeriod) -> tuple[str, str]:
    """(«2025/2026 учебный год», «в 2025/2026 учебном году») or the dates of the period."""
    if school_year is not None:
        years = format_school_year(school_year, words=False)
        return f"{years} учебный год", f"в{NBSP}{years} учебном году"
    span = f"с{NBSP}{format_date(period.start, 'numeric')} по{NBSP}{format_date(period.end, 'numeric')}"
    return f"период {span}", f"в период {span}"


class TableRow(BaseModel):
    """A line of the table as printed: figures typed for XLSX, text for DOCX."""

    code: str
    title: str
    g3: int | None
    g4: int | None
    g5: Decimal | int | None
    g4_text: str
    g5_text: str
    level: int = 0


def _number_text(value: Decimal | int | None, percent: bool = False) -> str:
    if value is None:
        return NO_DATA
    return format_percent(Decimal(value)) if percent else str(value)


def table_rows(table: CoverageTable, section: str) -> list[TableRow]:
    """The rows of one section of ``table`` in the form's order (graph 5 a share in sections
    1–2, a count in 3–4)."""
    spec = COVERAGE_FORM
    found = next(s for s in spec.sections if s.id == section)
    if found.dimension:
        lines = [(code, title, 0 if i == 0 else 1) for i, (code, title) in enumerate(spec.dimension_lines(found))]
    else:
        lines = [(line.code, line.title, line.level) for line in found.lines]
    rows = []
    for code, title, level in lines:
        g3, g4, g5 = (table.value(code, g) for g in (3, 4, 5))
        shares = not found.dimension
        rows.append(TableRow(
            code=code, title=NBSP * 4 * level + title, level=level,
            g3=int(g3) if g3 is not None else None, g4=int(g4) if g4 is not None else None,
            g5=(g5 if shares else int(g5)) if g5 is not None else None,
            g4_text=_number_text(int(g4) if g4 is not None else None),
            g5_text=_number_text(g5 if shares else (int(g5) if g5 is not None else None), percent=shares)))
    return rows


class TargetRow(BaseModel):
    number: str
    indicator: str
    planned: str
    actual: str
    verdict: str
    below: str = ""


def planned(target: Target) -> str:
    unit = f"{NBSP}%" if target.unit == "%" else f" {target.unit}"
    value = f"{target.value}".replace(".", ",")
    year = f" в{NBSP}{target.year}{NBSP}г." if target.year else ""
    return f"{target.comparison.value} {value}{unit}{year}"


def target_rows(analysis: Analysis) -> list[TargetRow]:
    return [TargetRow(number=f"{i}.", indicator=typograph(v.target.indicator), planned=planned(v.target),
                      actual=format_percent(v.actual) if v.actual is not None else NO_DATA, verdict=v.verdict,
                      below="; ".join(v.below))
            for i, v in enumerate(analysis.targets, start=1)]


#: The lines the chart shows by category (those with a share), in this order.
CHART_SHARES = ("02", "03", "04", "12", "09", "16")
_CHART_NAMES = {"02": "обучающиеся", "03": "студенты", "04": "педагогические работники",
                "12": "молодые специалисты (наставляемые)", "09": "обучающиеся 10–19 лет (наставляемые)",
                "16": "обучающиеся 15–19 лет (наставники)"}


def chart_of(table: CoverageTable, analysis: Analysis, current: str, previous: CoverageTable | None = None,
             previous_name: str = "") -> Chart | None:
    """Coverage by category (%, with the targets) and pairs by type and by format; the
    previous period as a second series when given. None when there is nothing to draw."""
    tables = [(current, table)] + ([(previous_name, previous)] if previous is not None else [])
    panels = []
    shares = [c for c in CHART_SHARES if table.value(c, 5) is not None]
    if shares:
        targets: list[Decimal | None] = [
            next((v.target.value for v in analysis.targets if v.code == c and v.target.unit == "%"), None)
            for c in shares]
        panels.append(ChartPanel(title="Охват участников по категориям, %", labels=[_CHART_NAMES[c] for c in shares],
                                 series=[ChartSeries(name=name, values=[t.value(c, 5) for c in shares])
                                         for name, t in tables], targets=targets))
    for section, title in (("pair_types", "Пары и группы по типу, ед."), ("formats", "Пары и группы по формату, ед.")):
        found = next(s for s in COVERAGE_FORM.sections if s.id == section)
        used = [(c, t) for c, t in COVERAGE_FORM.dimension_lines(found)[1:]
                if any(tab.count(c) for _, tab in tables)]
        if used:
            panels.append(ChartPanel(title=title, labels=[t for _, t in used], unit="",
                                     series=[ChartSeries(name=name, values=[Decimal(tab.count(c)) for c, _ in used])
                                             for name, tab in tables]))
    return Chart(panels=panels) if panels else None


def statements(items: Sequence[Statement]) -> list[str]:
    """«1. …» numbered texts of conclusions or recommendations."""
    return [f"{i}. {s.text}" for i, s in enumerate(items, start=1)]
