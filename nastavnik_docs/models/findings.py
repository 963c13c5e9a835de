"""Findings of the consistency checks: what is wrong or doubtful in a programme year's data.

A finding is data, not an exception: the checks of the registry (models) and of the case file
(project) return lists of them, the CLI prints them, the web page lists them, and a program
reads ``code`` to act on one. ``message`` and ``hint`` are Russian and never hold personal data
beyond a row and initials.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from .person import Model

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    """How bad a finding is: an error stops issuing the set, a warning is printed and listed."""

    ERROR = "error"
    WARNING = "warning"


class Finding(Model):
    """One problem of the year's data, with where it is and what to do about it."""

    severity: Severity = Field(description="Серьёзность: error — ошибка, warning — предупреждение")
    code: str = Field(description="Устойчивый код проверки, например «pair.form_unknown»")
    message: str = Field(description="Что не так, по-русски")
    hint: str = Field(default="", description="Как исправить")
    documents: tuple[str, ...] = Field(default=(), description="Ключи документов, которых касается находка")
    rows: tuple[str, ...] = Field(
        default=(), description="Строки базы, которых касается находка: «лист «Пары», строка 5»")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        label = "Ошибка" if self.is_error else "Предупреждение"
        where = "; ".join((*self.documents, *self.rows))
        text = f"{label}: {self.message}"
        if where:
            text += f" ({where})"
        if self.hint:
            text += f" {self.hint}"
        return text
