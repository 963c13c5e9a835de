"""The API's own request and answer models (pydantic, Russian descriptions for OpenAPI).

A document's input is not declared here: it is each kind's ``input_model``, published in
the OpenAPI document and at ``/api/kinds/{kind_id}/schema``. Findings are
``nastavnik_docs.models.Finding`` itself.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ..errors import Problem
from ..models import Finding
from .links import row_place

__all__ = [
    "BatchRequest",
    "CheckReport",
    "ErrorOut",
    "FindingOut",
    "KindInfo",
    "OutputFormat",
    "ProblemOut",
    "RowOut",
    "TemplateCheckOut",
    "TemplateIssueOut",
    "problems_out",
]


class OutputFormat(StrEnum):
    """The format of a rendered document."""

    DOCX = "docx"
    XLSX = "xlsx"
    PDF = "pdf"


class KindInfo(BaseModel):
    """A kind of document of the catalogue."""

    id: str = Field(description="Вид документа, например «order.appoint_curator»")
    title: str = Field(description="Название по-русски")
    family: str = Field(description="Группа документов («Приказы», «Протоколы» …)")
    description: str = Field(description="Что это за документ")
    formats: list[str] = Field(description="Форматы: docx, xlsx, а также pdf, если есть docx или xlsx")
    batch_from_registry: bool = Field(description="Можно выпустить пакетом из базы участников")


class ProblemOut(BaseModel):
    """One located problem of the input: where it is and what is wrong, in Russian."""

    message: str = Field(description="Что не так")
    file: str | None = Field(default=None, description="Файл (имя, без папки)")
    sheet: str | None = Field(default=None, description="Лист книги Excel")
    row: int | None = Field(default=None, description="Строка (листа или файла)")
    column: str | None = Field(default=None, description="Столбец")
    field: str | None = Field(default=None, description="Поле данных, например «head → last_name»")
    value: str | None = Field(default=None, description="Значение, которое не подошло")


class ErrorOut(BaseModel):
    """Every error of the API: a Russian sentence and the machine-readable problems."""

    detail: str = Field(description="Что случилось, по-русски")
    problems: list[ProblemOut] = Field(default_factory=list, description="Найденные ошибки с их местом")


class TemplateIssueOut(BaseModel):
    """A problem of a user's template."""

    kind: str = Field(description="unknown — неизвестная переменная, syntax — незакрытый тег, unsafe — запрещено")
    message: str = Field(description="Что не так")
    where: str = Field(default="", description="Где: часть документа, лист и ячейка")
    text: str = Field(default="", description="Текст абзаца или ячейки вокруг ошибки")
    path: str | None = Field(default=None, description="Путь переменной")
    suggestion: str | None = Field(default=None, description="Похожая известная переменная")


class TemplateCheckOut(BaseModel):
    """The result of checking a template against a kind."""

    ok: bool = Field(description="Ошибок нет")
    kind: str = Field(description="Вид документа")
    template: str = Field(description="Имя проверенного файла")
    issues: list[TemplateIssueOut] = Field(default_factory=list, description="Найденные ошибки")


class BatchRequest(BaseModel):
    """A batch: records given in the request, or taken from the served folder's registry."""

    common: dict[str, Any] = Field(
        default_factory=dict,
        description="Общие поля всех документов (организация, дата, подписант …) — как у одного документа")
    records: list[dict[str, Any]] | None = Field(
        default=None, description="Записи: по документу на запись; поля записи важнее общих")
    from_registry: bool = Field(
        default=False, description="Взять записи из базы участников обслуживаемой папки (вместо records)")
    name: str | None = Field(
        default=None, description="Шаблон имени файла, например «{last_name}_{initials}»")
    merge: bool = Field(default=False, description="Добавить один общий файл для печати")


class RowOut(BaseModel):
    """A row of the registry workbook a finding is about."""

    sheet: str = Field(description="Лист книги Excel")
    row: int = Field(description="Номер строки листа")


class FindingOut(Finding):
    """A finding of the check, with its registry rows also as sheet and row numbers."""

    places: list[RowOut] = Field(
        default_factory=list,
        description="Строки базы из rows, которые указаны листом и номером строки, — для программ")


class CheckReport(BaseModel):
    """The consistency check of a project."""

    ok: bool = Field(description="Ошибок нет (предупреждения могут быть): документы года можно выпускать")
    errors: int = Field(description="Число ошибок")
    warnings: int = Field(description="Число предупреждений")
    registry: str = Field(description="Какая база проверена: «папка» или имя загруженного файла")
    findings: list[FindingOut] = Field(description="Находки проверки, сначала ошибки")

    @classmethod
    def of(cls, findings: list[Finding], registry: str) -> CheckReport:
        out = []
        for finding in findings:
            places = [RowOut(sheet=p.sheet, row=p.row) for p in map(row_place, finding.rows) if p is not None]
            out.append(FindingOut(**finding.model_dump(), places=places))
        errors = sum(1 for f in findings if f.is_error)
        return cls(ok=not errors, errors=errors, warnings=len(findings) - errors, registry=registry, findings=out)


def problems_out(problems: list[Problem], names: dict[str, str] | None = None) -> list[ProblemOut]:
    """Problems for an answer: file names without the server's folders (``names`` maps a
    stored upload's name back to the name the user gave)."""
    names = names or {}
    out = []
    for p in problems:
        file = Path(p.file).name if p.file else None
        out.append(ProblemOut(message=p.message, file=names.get(file or "", file), sheet=p.sheet,
                              row=p.row, column=p.column, field=p.field,
                              value=None if p.value in (None, "") else str(p.value)))
    return out
