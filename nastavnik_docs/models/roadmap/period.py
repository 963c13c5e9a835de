"""The calendar of a roadmap: its period and the (year, month) steps every schedule walks."""

from __future__ import annotations

from pydantic import Field

from ..person import Model

__all__ = ["YM", "Period", "month_range", "next_month"]

#: A calendar month as (year, month); tuples compare in calendar order.
YM = tuple[int, int]


def next_month(ym: YM) -> YM:
    """The (year, month) after ``ym``."""
    return (ym[0] + 1, 1) if ym[1] == 12 else (ym[0], ym[1] + 1)


def month_range(start: YM, end: YM) -> list[YM]:
    """Every (year, month) from ``start`` to ``end`` inclusive."""
    out: list[YM] = []
    ym = start
    while ym <= end:
        out.append(ym)
        ym = next_month(ym)
    return out


class Period(Model):
    """The period of a roadmap: a calendar year or a school year, optionally with its
    first and last month given («2023-08») when the plan reaches beyond them."""

    year: int = Field(ge=2000, le=2100, description="Календарный год или первый год учебного")
    school_year: bool = Field(default=False, description="Учебный год (с сентября), а не календарный")
    first_month: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$", description="Первый месяц (ГГГГ-ММ)")
    last_month: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$", description="Последний месяц (ГГГГ-ММ)")

    @property
    def start(self) -> YM:
        if self.first_month:
            y, m = self.first_month.split("-")
            return int(y), int(m)
        return (self.year, 9) if self.school_year else (self.year, 1)

    @property
    def end(self) -> YM:
        if self.last_month:
            y, m = self.last_month.split("-")
            return int(y), int(m)
        return (self.year + 1, 8) if self.school_year else (self.year, 12)

    def months(self) -> list[YM]:
        """(year, month) of every month of the period, in order."""
        return month_range(self.start, self.end)

    @property
    def label(self) -> str:
        """«2022 год» or «2024/2025 учебный год»."""
        if self.school_year:
            return f"{self.year}/{self.year + 1} учебный год"
        return f"{self.year} год"
