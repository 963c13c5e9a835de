"""``report.personified`` — персонифицированный учёт наставников и наставляемых: the flat
list regional monitoring systems load — one row per person per pair, with the role, the
pair's number, type and format, and the dates of the person's part in it (XLSX here; the
same rows as CSV through ``nastavnik-docs export`` and io's CSV writer)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from ...models import Model, Organization, Registry
from ...ru import format_date, typograph
from ...stats import PERSONIFIED_COLUMNS, ReportingPeriod, personified_rows
from .._base import Kind, register

__all__ = ["PersonifiedContext", "PersonifiedInput", "PersonifiedLine", "build_personified", "personified_table"]


class PersonifiedInput(Model):
    """Персонифицированный учёт наставников и наставляемых (список).

    The registry and, optionally, the period (only the parts that overlap it are listed)."""

    registry: Registry = Field(description="База наставников и наставляемых")
    organization: Organization | None = Field(default=None, description="Организация")
    school_year: int | None = Field(default=None, ge=2000, le=2100, description="Учебный год (первый год)")
    period: ReportingPeriod | None = Field(default=None, description="Отчётный период")
    date: dt.date | None = Field(default=None, description="Дата выгрузки")

    def reporting_period(self) -> ReportingPeriod | None:
        if self.period is not None:
            return self.period
        return ReportingPeriod.school_year(self.school_year) if self.school_year is not None else None


class PersonifiedLine(BaseModel):
    """One row of the list (the fields of ``stats.PERSONIFIED_COLUMNS``)."""

    number: int
    id: str
    last_name: str
    first_name: str
    middle_name: str | None
    birth_date: dt.date | None
    gender: str | None
    category: str
    post: str | None
    role: str
    pair: str
    partner: str
    pair_type: str
    format: str
    pair_start: dt.date
    pair_end: dt.date | None
    start: dt.date
    end: dt.date | None
    status: str
    end_reason: str | None


class PersonifiedContext(BaseModel):
    title: str
    organization: str
    inn: str
    period_text: str
    headers: list[str]
    rows: list[PersonifiedLine]
    date: str


def personified_table(data: PersonifiedInput) -> tuple[list[str], list[dict[str, object]]]:
    """The header and the rows (values by field), as both the XLSX and the CSV write them."""
    rows = personified_rows(data.registry, data.reporting_period())
    return [header for _, header in PERSONIFIED_COLUMNS], [row.cells(i) for i, row in enumerate(rows, start=1)]


def build_personified(data: PersonifiedInput) -> PersonifiedContext:
    headers, rows = personified_table(data)
    period = data.reporting_period()
    text = (f"за период с {format_date(period.start, 'numeric')} по {format_date(period.end, 'numeric')}"
            if period else "за весь срок ведения базы")
    org = data.organization
    return PersonifiedContext(
        title="Персонифицированный учёт наставников и наставляемых", period_text=text,
        organization=typograph(org.full_name) if org else "", inn=org.inn or "" if org else "",
        headers=headers, rows=[PersonifiedLine.model_validate(r) for r in rows], date=format_date(data.date, "long"))


register(Kind(
    id="report.personified", title="Персонифицированный учёт наставников и наставляемых (список)",
    build_context=build_personified, docx=False, xlsx=True, family="Отчёты",
    samples=("reports/personified.yaml",), output_name="Персонифицированный учёт",
    description="Плоский список для региональных систем мониторинга: человек, роль, пара, тип пары, формат, "
                "сроки участия по истории пары (XLSX; CSV — командой export).",
))
