"""The authority's documents built from a municipal summary (``nastavnik-docs aggregate``):

* ``report.municipal`` — сводные сведения об охвате наставничеством (XLSX): one line per
  organisation with the key figures and shares, the totals, the targets judged on the
  municipal shares (with the organisations below them), the whole form's totals, and the
  list of files not accepted with the control relations they failed;
* ``report.municipal_analytical`` — the authority's analytical report, made as a school's
  is (:mod:`.analytical`) from the municipal totals and the organisations' rows.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from ...models import CoverageTable, Model, Official, Organization, Target
from ...ru import format_date, format_number, typograph
from ...stats import AnalysisFigures, MunicipalSummary, SummaryRow, analyse
from .._base import Kind, register
from .._people import forms_of
from .._requisites import DocumentInput, requisite_fields
from ._shared import DASH, NBSP, NO_DATA, TableRow, TargetRow, table_rows, target_rows
from .analytical import AnalyticalContext, FailedRow, OrgRow, assemble, previous_labels
from .coverage import NoteRow, form_notes

__all__ = ["MunicipalContext", "MunicipalInput", "MunicipalReportInput", "build_municipal",
           "build_municipal_analytical"]

FAMILY = "Отчёты"
SAMPLE = "reports/municipal.yaml"


class MunicipalInput(Model):
    """Сводные сведения об охвате наставничеством по муниципалитету (таблица).

    The summary table's input: the summary, the authority (optional) and its targets."""

    summary: MunicipalSummary = Field(description="Сводка (JSON, который пишет nastavnik-docs aggregate)")
    organization: Organization | None = Field(default=None, description="Орган управления образованием")
    targets: list[Target] = Field(default_factory=list, description="Целевые показатели муниципалитета")
    date: dt.date | None = Field(default=None, description="Дата составления")
    author: Official | None = Field(default=None, description="Кто составил сводку")


class MunicipalReportInput(DocumentInput):
    """Аналитическая справка органа управления образованием по сводке.

    The authority's analytical report: the summary, the targets and, optionally, the
    previous period's summary."""

    summary: MunicipalSummary = Field(description="Сводка (JSON, который пишет nastavnik-docs aggregate)")
    targets: list[Target] = Field(default_factory=list, description="Целевые показатели муниципалитета")
    previous: MunicipalSummary | None = Field(default=None, description="Сводка за предыдущий период")
    author: Official | None = Field(default=None, description="Кто подготовил справку")


class OrgLine(BaseModel):
    """One organisation (or the total) in the summary table."""

    number: str
    name: str
    inn: str
    participants: int
    pupils: int
    pupils_share: str
    teachers: int
    teachers_share: str
    mentees_10_19: int
    mentees_10_19_share: str
    mentors_15_19: int
    mentors_15_19_share: str
    young: int
    young_share: str
    pairs: int
    ended_early: int


class MunicipalContext(BaseModel):
    title: str
    authority: str
    period_text: str
    form_text: str
    accepted: int
    failed_count: int
    orgs: list[OrgLine]
    total: OrgLine
    targets: list[TargetRow]
    lines: list[TableRow]
    failed: list[FailedRow]
    notes: list[NoteRow]
    date: str
    author_post: str
    author_name: str


def _share(table: CoverageTable, code: str) -> str:
    """A share in a column of shares: always one decimal («1,0 %» under «1,9 %»)."""
    value = table.value(code, 5)
    return f"{format_number(value, 1)}{NBSP}%" if value is not None else NO_DATA


def _org_line(number: str, row_name: str, inn: str | None, table: CoverageTable) -> OrgLine:
    count = table.count
    return OrgLine(number=number, name=typograph(row_name), inn=inn or "", participants=count("01"),
                   pupils=count("02"), pupils_share=_share(table, "02"), teachers=count("04"),
                   teachers_share=_share(table, "04"), mentees_10_19=count("09"),
                   mentees_10_19_share=_share(table, "09"), mentors_15_19=count("16"),
                   mentors_15_19_share=_share(table, "16"), young=count("12"), young_share=_share(table, "12"),
                   pairs=count("21"), ended_early=count("25"))


def period_of(summary: MunicipalSummary) -> str:
    periods = summary.periods()
    if not periods:
        return "отчётный период"
    start, end = periods[0][0], periods[-1][1]
    if start and end and (start.month, start.day, end.month, end.day) == (9, 1, 8, 31) and end.year == start.year + 1:
        text = f"{start.year}/{end.year} учебный год"
    else:
        text = f"период с{NBSP}{format_date(start, 'numeric')} по{NBSP}{format_date(end, 'numeric')}"
    return text + (" (периоды организаций различаются)" if len(periods) > 1 else "")


def failed_rows(summary: MunicipalSummary) -> list[FailedRow]:
    return [FailedRow(number=f"{i}.", file=f.file + (f" ({typograph(f.organization)})" if f.organization else ""),
                      reasons="; ".join(f.reasons))
            for i, f in enumerate(summary.failed, start=1)]


def _rows_tables(summary: MunicipalSummary) -> list[tuple[SummaryRow, CoverageTable]]:
    return [(row, row.table()) for row in summary.rows]


def build_municipal(data: MunicipalInput) -> MunicipalContext:
    summary = data.summary
    total = summary.total()
    rows = _rows_tables(summary)
    analysis = analyse(AnalysisFigures(total, data.targets, scope="municipality",
                                       organisations=[t for _, t in rows], failed=len(summary.failed)))
    author = data.author or (data.organization.head if data.organization else None)
    forms = forms_of(author) if author is not None else None
    notes, _ = form_notes()
    return MunicipalContext(
        title="Сводные сведения об охвате участников программами наставничества",
        authority=typograph(data.organization.full_name) if data.organization else "",
        period_text=f"за {period_of(summary)}",
        form_text=f"Таблицы организаций по форме {summary.form}, версия {summary.version}",
        accepted=len(summary.rows), failed_count=len(summary.failed),
        orgs=[_org_line(f"{i}.", row.organization, row.inn, table) for i, (row, table) in enumerate(rows, start=1)],
        total=_org_line("", "Итого", None, total),
        targets=target_rows(analysis),
        lines=[r for section in ("people", "pairs", "pair_types", "formats") for r in table_rows(total, section)],
        failed=failed_rows(summary),
        notes=notes,
        date=format_date(data.date, "long"),
        author_post=forms.post.nominative if forms else "",
        author_name=forms.initials_nominative if forms else "",
    )


def build_municipal_analytical(data: MunicipalReportInput) -> AnalyticalContext:
    summary = data.summary
    total = summary.total()
    rows = _rows_tables(summary)
    previous = data.previous.total() if data.previous is not None else None
    previous_label, previous_name = previous_labels(previous)
    analysis = analyse(AnalysisFigures(total, data.targets, scope="municipality", previous=previous,
                                       previous_label=previous_label, organisations=[t for _, t in rows],
                                       failed=len(summary.failed)))
    base = requisite_fields(data)
    period_text = period_of(summary)
    org_rows = [OrgRow(number=f"{i}.", name=typograph(row.organization), participants=str(table.count("01")),
                       pupils=_share(table, "02"), teachers=_share(table, "04"), pairs=str(table.count("21")))
                for i, (row, table) in enumerate(rows, start=1)]
    accepted, failed = len(summary.rows), len(summary.failed)
    intro = [typograph(
        f"Справка подготовлена по итогам мониторинга реализации целевой модели наставничества в образовательных "
        f"организациях муниципалитета за {period_text}. Представлены сведения из файлов{NBSP}{DASH} "
        f"{accepted + failed}; приняты после проверки формы и контрольных соотношений{NBSP}{DASH} {accepted}, "
        f"не приняты{NBSP}{DASH} {failed}. Цифры справки{NBSP}{DASH} суммы по принятым таблицам; доли по "
        f"категории рассчитаны, если численность категории указали все организации.")]
    return assemble(base, data.author or data.signer or data.organization.head, total, analysis,
                    when=f"за {period_text}", where="в муниципалитете",
                    heading=f"о реализации целевой модели наставничества в образовательных организациях "
                            f"за {period_text}", intro=intro, survey=([], [], []), previous=previous,
                    previous_label=previous_label, previous_name=previous_name, current_label=period_text,
                    org_rows=org_rows, failed_rows=failed_rows(summary))


register(Kind(
    id="report.municipal", title="Сводные сведения об охвате наставничеством по муниципалитету (таблица)",
    build_context=build_municipal, docx=False, xlsx=True, family=FAMILY, samples=(SAMPLE,),
    output_name="Сводные сведения об охвате наставничеством",
    description="Свод таблиц охвата организаций: строка на организацию, итоги и доли, целевые показатели, "
                "итог по всем строкам формы, перечень непринятых файлов с нарушенными соотношениями.",
))
register(Kind(
    id="report.municipal_analytical", title="Аналитическая справка органа управления образованием",
    build_context=build_municipal_analytical, family=FAMILY,
    samples=("reports/municipal_analytical.yaml",), output_name="Аналитическая справка по муниципалитету",
    description="Анализ свода: охват, целевые показатели и организации ниже плана, непринятые сведения, "
                "диаграмма, выводы и рекомендации по тем же правилам, что справка организации.",
))
