"""Reports computed from the registry: the coverage table (ФСН-style) and the analytical report.

Both kinds take the same input — the organisation, the registry, the reporting period, the
organisation's head counts and the target indicators — and share one context: the figures
come from :func:`nastavnik_docs.stats.coverage`, whose control relations are checked before
anything is printed, and every sentence of the analytical report is composed here, with
numbers agreeing with their nouns.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field, model_validator

from ..errors import NastavnikError
from ..models import Official, Registry, Target
from ..ru import agree, format_date, format_percent, format_school_year, typograph, upper_first
from ..stats import CoverageReport, ReportingPeriod, Totals, coverage
from ._base import Kind, register
from ._people import forms_of
from ._requisites import DocumentInput, RequisitesContext, requisite_fields

__all__ = ["CoverageContext", "CoverageInput", "build_coverage"]

FAMILY = "Отчёты"
NBSP = "\u00a0"
DASH = "\u2013"
#: What a missing share prints as in a table (no head count given).
NO_DATA = DASH


class CoverageInput(DocumentInput):
    """Input of the coverage table and the analytical report.

    The period is either ``school_year`` (the first calendar year: 2025 means 2025/2026) or
    an explicit ``period``. ``totals`` are the organisation's head counts, the denominators of
    the coverage shares; ``targets`` with a ``measure`` are checked against the shares.
    ``author`` prepares and signs the analytical report (by default the signer).
    """

    registry: Registry = Field(description="База наставников и наставляемых")
    school_year: int | None = Field(default=None, ge=2000, le=2100, description="Учебный год (первый год)")
    period: ReportingPeriod | None = Field(default=None, description="Отчётный период (вместо учебного года)")
    totals: Totals = Field(default_factory=Totals, description="Численность обучающихся, педагогов…")
    targets: list[Target] = Field(default_factory=list, description="Целевые показатели")
    author: Official | None = Field(default=None, description="Кто подготовил справку")

    @model_validator(mode="after")
    def _one_period(self) -> CoverageInput:
        if (self.school_year is None) == (self.period is None):
            raise ValueError("укажите либо учебный год (school_year), либо отчётный период (period)")
        return self

    def reporting_period(self) -> ReportingPeriod:
        if self.period is not None:
            return self.period
        assert self.school_year is not None  # the validator above asks for one or the other
        return ReportingPeriod.school_year(self.school_year)


class LineRow(BaseModel):
    """A line of the coverage table as printed (figures typed for XLSX, text for DOCX)."""

    code: str
    title: str
    count: int
    total: int | None
    share: Decimal | None
    total_text: str
    share_text: str


class FormRow(BaseModel):
    code: str
    form: str
    pairs: int
    mentors: int
    mentees: int


class TargetRow(BaseModel):
    number: str
    indicator: str
    planned: str
    actual: str
    verdict: str


class CoverageContext(RequisitesContext):
    title: str
    period_text: str
    period_dates: str
    lines: list[LineRow]
    forms: list[FormRow]
    targets: list[TargetRow]
    summary: list[str]
    author_post: str
    author_name: str


def _period_words(data: CoverageInput, period: ReportingPeriod) -> tuple[str, str]:
    """(«2025/2026 учебный год», «в 2025/2026 учебном году») or the dates of the period."""
    if data.school_year is not None:
        years = format_school_year(data.school_year, words=False)
        return f"{years} учебный год", f"в{NBSP}{years} учебном году"
    span = f"с{NBSP}{format_date(period.start, 'numeric')} по{NBSP}{format_date(period.end, 'numeric')}"
    return span, span


def _line_row(report: CoverageReport, code: str) -> LineRow:
    line = report.line(code)
    indent = NBSP * 4 * line.level
    return LineRow(
        code=line.code, title=indent + line.title, count=line.count, total=line.total,
        share=line.share, total_text=str(line.total) if line.total is not None else NO_DATA,
        share_text=format_percent(line.share) if line.share is not None else NO_DATA,
    )


def _planned(target: Target) -> str:
    unit = f"{NBSP}%" if target.unit == "%" else f" {target.unit}"
    value = f"{target.value}".replace(".", ",")
    year = f" в{NBSP}{target.year}{NBSP}г." if target.year else ""
    return f"{target.comparison.value} {value}{unit}{year}"


def _target_rows(report: CoverageReport) -> list[TargetRow]:
    rows = []
    for i, check in enumerate(report.targets, start=1):
        if check.actual is None:
            actual, verdict = NO_DATA, "нет данных для расчёта"
        else:
            actual = format_percent(check.actual)
            verdict = "достигнут" if check.met else "не достигнут"
        rows.append(TargetRow(number=f"{i}.", indicator=typograph(check.target.indicator),
                              planned=_planned(check.target), actual=actual, verdict=verdict))
    return rows


def _counts(n: dict[str, int], parts: tuple[tuple[str, str], ...]) -> str:
    """«из них обучающихся — 12, студентов — 1» over the non-zero lines (genitive plural heads)."""
    listed = [f"{word}{NBSP}{DASH} {n[code]}" for code, word in parts if n[code]]
    return f", из них {', '.join(listed)}" if listed else ""


def _summary(report: CoverageReport, org_name: str, when: str) -> list[str]:
    """The paragraphs of the analytical report, each a finished sentence.

    Sentences use the «показатель — число» pattern of Russian reports, so no verb has to
    agree with a number; counts of people agree with «человек».
    """
    n = {line.code: line.count for line in report.lines}
    young = f" (в{NBSP}том числе молодых специалистов{NBSP}{DASH} {n['05']})" if n["05"] else ""
    mentees = (f"{upper_first(when)} в{NBSP}{org_name} реализуется целевая модель наставничества. "
               f"Численность наставляемых{NBSP}{DASH} {agree(n['01'], 'человек')}"
               + _counts(n, (("02", "обучающихся"), ("03", "студентов"), ("04", "педагогических работников")))
               + (young if n["04"] else "") + ".")
    mentors = (f"Численность наставников{NBSP}{DASH} {agree(n['07'], 'человек')}"
               + _counts(n, (("08", "педагогических работников"), ("09", "обучающихся и студентов"),
                             ("10", "представителей работодателей"), ("11", "иных участников"))) + ".")
    if n["12"]:
        forms = ", ".join(f"«{f.form}»" for f in report.forms)
        pairs = (f"Наставнических пар и групп{NBSP}{DASH} {n['12']}, из них групп{NBSP}{DASH} {n['13']}; "
                 f"действуют на отчётную дату{NBSP}{DASH} {n['14']}, завершили программу{NBSP}{DASH} {n['15']}, "
                 f"прекращены досрочно{NBSP}{DASH} {n['16']}. Формы наставничества: {forms}.")
    else:
        pairs = "Наставнические пары и группы в отчётном периоде не сформированы."
    paragraphs = [mentees, mentors, pairs]
    for check in report.targets:
        if check.actual is None:
            continue
        verdict = "достигнут" if check.met else "не достигнут"
        paragraphs.append(
            f"Показатель «{typograph(check.target.indicator)}» составил {format_percent(check.actual)} "
            f"при целевом значении {_planned(check.target)}{NBSP}{DASH} показатель {verdict}.")
    return paragraphs


def build_coverage(data: CoverageInput) -> CoverageContext:
    period = data.reporting_period()
    report = coverage(data.registry, period, data.totals, data.targets)
    problems = report.control_problems()
    if problems:  # the figures are computed, so a broken relation is a bug, not bad input
        raise NastavnikError("Нарушены контрольные соотношения таблицы охвата: " + "; ".join(problems))
    base = requisite_fields(data)
    period_text, when = _period_words(data, period)
    author = data.author or data.signer or data.organization.head
    author_forms = forms_of(author)
    return CoverageContext(
        **base,
        title="Сведения об охвате участников программами наставничества",
        period_text=period_text,
        period_dates=f"{format_date(period.start, 'numeric')}{NBSP}{DASH} {format_date(period.end, 'numeric')}",
        lines=[_line_row(report, line.code) for line in report.lines],
        forms=[FormRow(code=f.code, form=f.form, pairs=f.pairs, mentors=f.mentors, mentees=f.mentees)
               for f in report.forms],
        targets=_target_rows(report),
        summary=_summary(report, base["org_name"], when),
        author_post=author_forms.post.nominative,
        author_name=author_forms.initials_nominative,
    )


#: The two kinds share input, context and sample; they differ in title and template.
_KINDS = (
    ("report.coverage", "Сведения об охвате участников программами наставничества (таблица)", False, True,
     "Сведения об охвате наставничеством",
     "Таблица по образцу форм ФСН: коды строк и граф, контрольные соотношения, доли охвата, "
     "целевые показатели."),
    ("report.analytical", "Аналитическая справка о реализации целевой модели наставничества", True, False,
     "Аналитическая справка о реализации целевой модели наставничества",
     "Текст с цифрами охвата, таблица охвата, формы наставничества, выполнение целевых показателей."),
)

for _id, _title, _docx, _xlsx, _output, _description in _KINDS:
    register(Kind(
        id=_id, title=_title, build_context=build_coverage, docx=_docx, xlsx=_xlsx, family=FAMILY,
        samples=("reports/coverage.yaml",), output_name=_output, description=_description,
    ))
