"""Target indicators (целевые показатели) of a programme or a roadmap."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from ._enums import Comparison
from .person import Model

#: The shares of the coverage table a target may check (``stats`` defines each one's line).
Measure = Literal["pupils", "students", "teachers", "young_specialists", "pupils_10_19", "pupils_15_19",
                  "early_ends"]


class Target(Model):
    """«не менее 15 % педагогических работников в 2025 году»."""

    indicator: str = Field(min_length=1, description="Показатель (что измеряется)")
    comparison: Comparison = Field(default=Comparison.AT_LEAST, description="Сравнение")
    value: Decimal = Field(description="Значение")
    unit: str = Field(default="%", description="Единица измерения")
    year: int | None = Field(default=None, ge=2000, le=2100, description="Год")
    wording: str | None = Field(default=None, description="Формулировка как в источнике")
    measure: Measure | None = Field(
        default=None,
        description="Какая доля проверяется (строка таблицы охвата): pupils, students, teachers, "
                    "young_specialists, pupils_10_19 (обучающиеся 10–19 лет — наставляемые), "
                    "pupils_15_19 (обучающиеся 15–19 лет — наставники), early_ends (доля досрочно "
                    "прекращённых пар)",
    )

    def is_met(self, actual: Decimal | float | int) -> bool:
        actual = Decimal(str(actual))
        if self.comparison is Comparison.AT_LEAST:
            return actual >= self.value
        if self.comparison is Comparison.AT_MOST:
            return actual <= self.value
        return actual == self.value
