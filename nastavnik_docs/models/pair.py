"""Mentoring pairs and groups."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal

from pydantic import Field, field_validator, model_validator

from ._enums import PairStatus
from .person import Model


class SupplementaryAgreement(Model):
    """Дополнительное соглашение к трудовому договору (ТК РФ, ст. 351.8)."""

    number: str | None = Field(default=None, description="Номер соглашения")
    date: dt.date | None = Field(default=None, description="Дата соглашения")
    monthly_pay: Decimal | None = Field(default=None, ge=0, description="Доплата в месяц, руб.")


class Pair(Model):
    """A mentor and one mentee (a pair) or several (a group).

    People are referred to by participant id; the registry resolves and checks them.
    """

    id: str | None = Field(default=None, description="Номер пары (по умолчанию — порядковый)")
    mentor: str = Field(min_length=1, description="ID наставника")
    mentees: list[str] = Field(min_length=1, description="ID наставляемых")
    form: str = Field(min_length=1, description="Форма наставничества")
    start: date = Field(description="Дата начала")
    end: date | None = Field(default=None, description="Дата окончания")
    status: PairStatus = Field(default=PairStatus.ACTIVE, description="Статус")
    mentor_consent_date: date | None = Field(default=None, description="Дата письменного согласия наставника")
    agreement: SupplementaryAgreement | None = Field(default=None, description="Дополнительное соглашение")
    goal: str | None = Field(default=None, description="Цель наставничества")
    end_reason: str | None = Field(default=None, description="Причина досрочного прекращения")

    @field_validator("mentees", mode="before")
    @classmethod
    def _split_mentees(cls, value: object) -> object:
        if isinstance(value, str):
            return [p.strip() for p in value.replace("\n", ";").split(";") if p.strip()]
        return value

    @model_validator(mode="after")
    def _check(self) -> Pair:
        if self.end is not None and self.end <= self.start:
            raise ValueError(
                f"дата окончания ({self.end:%d.%m.%Y}) должна быть позже даты начала ({self.start:%d.%m.%Y})"
            )
        if self.mentor in self.mentees:
            raise ValueError("наставник не может быть наставляемым в своей же паре")
        if len(set(self.mentees)) != len(self.mentees):
            raise ValueError("наставляемый указан в паре дважды")
        return self

    @property
    def is_group(self) -> bool:
        return len(self.mentees) > 1

    def duration_months(self) -> float | None:
        if self.end is None:
            return None
        return (self.end - self.start).days / 30.4375

    def is_active_on(self, day: date) -> bool:
        if self.status is PairStatus.ENDED_EARLY and self.end is not None and day > self.end:
            return False
        return self.start <= day and (self.end is None or day <= self.end)
