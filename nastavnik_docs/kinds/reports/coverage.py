"""``report.coverage`` — сведения об охвате участников программами наставничества: the
FSN-style table (XLSX) with fixed line codes, the definitions of its lines and its control
relations printed in the notes, and the targets judged."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from ...ru import typograph
from ...stats import COVERAGE_FORM, AnalysisFigures, analyse
from .._base import Kind, register
from .._people import forms_of
from .._requisites import RequisitesContext, requisite_fields
from ._shared import NBSP, CoverageInput, TableRow, TargetRow, compute, period_words, table_rows, target_rows

__all__ = ["CoverageContext", "NoteRow", "build_coverage", "form_notes"]


class CoverageContext(RequisitesContext):
    title: str
    period_text: str
    period_start: date
    period_end: date
    inn: str
    form_text: str
    headings: list[str]
    people: list[TableRow]
    pairs: list[TableRow]
    types: list[TableRow]
    formats: list[TableRow]
    targets: list[TargetRow]
    notes: list[NoteRow]
    relations: list[NoteRow]
    author_post: str
    author_name: str


class NoteRow(BaseModel):
    """A line of the notes under a table: a definition or a control relation."""

    text: str


def form_notes() -> tuple[list[NoteRow], list[NoteRow]]:
    """The definitions of the lines («стр. 04: …») and the control relations, as printed."""
    notes = [f"Стр.{NBSP}{line.code}: {line.note}." for line in COVERAGE_FORM.lines if line.note]
    notes += [f"Раздел{NBSP}{i}: {section.note}." for i, section in enumerate(COVERAGE_FORM.sections, start=1)
              if section.note]
    relations = [f"{r.id}: {r.describe()}" for r in COVERAGE_FORM.relations]
    relations += [f"{rule_id}: {rule} ({text})" for rule_id, rule, text in COVERAGE_FORM.share_rules]
    return [NoteRow(text=typograph(n)) for n in notes], [NoteRow(text=r) for r in relations]


def build_coverage(data: CoverageInput) -> CoverageContext:
    report = compute(data)
    org = data.organization
    table = report.table(org.full_name, org.inn)
    analysis = analyse(AnalysisFigures(table, data.targets, early_ends=report.early_ends))
    period = report.period
    period_text, _ = period_words(data.school_year, period)
    author = forms_of(data.author or data.signer or org.head)
    notes, relations = form_notes()
    return CoverageContext(
        **requisite_fields(data),
        title=COVERAGE_FORM.title,
        period_text=f"за {period_text}",
        period_start=period.start,
        period_end=period.end,
        inn=org.inn or "",
        form_text=f"{COVERAGE_FORM.form}, версия {COVERAGE_FORM.version}",
        headings=[s.title for s in COVERAGE_FORM.sections],
        people=table_rows(table, "people"),
        pairs=table_rows(table, "pairs"),
        types=table_rows(table, "pair_types"),
        formats=table_rows(table, "formats"),
        targets=target_rows(analysis),
        notes=notes,
        relations=relations,
        author_post=author.post.nominative,
        author_name=author.initials_nominative,
    )


register(Kind(
    id="report.coverage", title="Сведения об охвате участников программами наставничества (таблица)",
    build_context=build_coverage, docx=False, xlsx=True, family="Отчёты", samples=("reports/coverage.yaml",),
    output_name="Сведения об охвате наставничеством",
    description="Таблица по образцу форм ФСН: постоянные коды строк по типам пар и форматам, определения "
                "показателей в примечаниях, именованные контрольные соотношения, доли охвата, целевые показатели.",
))
