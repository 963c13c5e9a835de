"""Mentoring pairs and groups, with their history and their state on a date."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import Field, field_validator, model_validator

from ._enums import PairEventKind, PairStatus, normalize_word
from .forms import form_dimension, form_key, form_text
from .history import END_STATUS, PairEvent, history_errors, rewind
from .origin import HasOrigin
from .person import Model


class SupplementaryAgreement(Model):
    """Дополнительное соглашение к трудовому договору (ТК РФ, ст. 351.8)."""

    number: str | None = Field(default=None, description="Номер соглашения")
    date: dt.date | None = Field(default=None, description="Дата соглашения")
    monthly_pay: Decimal | None = Field(default=None, ge=0, description="Доплата в месяц, руб.")


class Pair(HasOrigin):
    """A mentor and one mentee (a pair) or several (a group).

    People are referred to by participant id; the registry resolves and checks them.
    The fields describe the pair as it stands now; ``history`` records the dated events
    that led there (a change of mentor, a mentee joining or leaving, an early end,
    completion). A pair with no recorded history still has one: ``timeline()`` derives the
    start from ``start`` and the end from ``status`` and ``end``, so old registries keep
    loading and ``as_of`` works for them. With a recorded early end or completion ``end``
    may keep the planned end date.
    """

    id: str | None = Field(default=None, description="Номер пары (по умолчанию — порядковый)")
    mentor: str = Field(min_length=1, description="ID наставника")
    mentees: list[str] = Field(min_length=1, description="ID наставляемых")
    pair_type: str | None = Field(
        default=None, description="Тип пары — кто кого наставляет («учитель – учитель», «ученик – ученик»…); "
                                  "если не указан, определяется по категориям участников")
    format: str | None = Field(
        default=None, description="Формат наставничества («групповое», «реверсивное»…); "
                                  "если не указан — традиционное (один на один)")
    form: str = Field(
        default="", exclude=True,
        description="Форма наставничества одной строкой, как в прежних базах: значение относится "
                    "к типу пары или к формату и переносится туда; после чтения — как документы "
                    "печатают форму пары")
    start: date = Field(description="Дата начала")
    end: date | None = Field(default=None, description="Дата окончания")
    status: PairStatus = Field(default=PairStatus.ACTIVE, description="Статус")
    mentor_consent_date: date | None = Field(default=None, description="Дата письменного согласия наставника")
    agreement: SupplementaryAgreement | None = Field(default=None, description="Дополнительное соглашение")
    goal: str | None = Field(default=None, description="Цель наставничества")
    end_reason: str | None = Field(default=None, description="Причина досрочного прекращения")
    history: list[PairEvent] = Field(default_factory=list, description="История пары: события с датами")

    @model_validator(mode="before")
    @classmethod
    def _two_dimensions(cls, data: Any) -> Any:
        """The one-column ``form`` goes to the dimension it belongs to (replacing what that field
        said, so that data changed through ``form`` keep working); ``form`` becomes the text
        documents print («учитель – учитель», «групповое», or both joined by a comma)."""
        if not isinstance(data, dict):
            return data
        given = (data.get("form"), data.get("pair_type"), data.get("format"))
        # the same few forms on thousands of rows: texts are remembered, other values (a
        # number typed in YAML) read each time
        dimensions = _dimensions if all(v is None or type(v) is str for v in given) else _dimensions.__wrapped__
        pair_type, format, form = dimensions(*given)
        return {**data, "pair_type": pair_type, "format": format, "form": form}

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
        errors = history_errors(mentor=self.mentor, mentees=self.mentees, start=self.start,
                                status=self.status, events=self.history) if self.history else []
        if errors:  # (a pair without history has at least one mentee: nothing to contradict)
            raise ValueError("; ".join(message for _, message in errors))
        return self

    @field_validator("history")
    @classmethod
    def _in_date_order(cls, value: list[PairEvent]) -> list[PairEvent]:
        return sorted(value, key=lambda e: e.date)

    @property
    def is_group(self) -> bool:
        return len(self.mentees) > 1

    def duration_months(self) -> float | None:
        if self.end is None:
            return None
        return (self.end - self.start).days / 30.4375

    def timeline(self) -> list[PairEvent]:
        """The recorded history completed with what the fields imply, in date order.

        Without a recorded start event, one is added on ``start``; a pair whose status is
        «завершена» or «прекращена досрочно» with no such event recorded gets one on ``end``
        (with ``end_reason``). A finished pair without an end date has no final event: the
        date it ended is unknown.
        """
        events = list(self.history)
        if not any(e.kind is PairEventKind.START for e in events):
            events.insert(0, PairEvent(date=self.start, kind=PairEventKind.START))
        final = {status: kind for kind, status in END_STATUS.items()}.get(self.status)
        if final is not None and self.end is not None and not any(e.kind.is_end for e in events):
            reason = self.end_reason if final is PairEventKind.ENDED_EARLY else None
            events.append(PairEvent(date=self.end, kind=final, reason=reason))
        return events

    @property
    def ended_on(self) -> date | None:
        """The day the pair was completed or ended early, from its timeline (None if active)."""
        return next((e.date for e in self.timeline() if e.kind.is_end), None)

    def as_of(self, day: date) -> Pair | None:
        """The pair as it stood on ``day``, or None if it had not started yet.

        Events dated after ``day`` are undone: a pair completed or ended early later is
        «действует», a mentor changed later gives way to the earlier mentor, a mentee who
        joined later is absent and one who left later is back. An event takes effect on its
        own date. When the mentor changed after ``day``, the consent date is the earlier
        mentor's as the first change after ``day`` records it (empty when it does not), and the
        supplementary agreement (today's mentor's paper) is left empty. The history keeps the
        events up to ``day``; the number, form, period and goal stay as they are.
        """
        if day < self.start:
            return None
        timeline = self.timeline()
        final = next((e for e in timeline if e.kind.is_end and e.date <= day), None)
        status = END_STATUS[final.kind] if final is not None else (
            PairStatus.ACTIVE if any(e.kind.is_end for e in timeline) else self.status)
        reason = self.end_reason if status is PairStatus.ENDED_EARLY else None
        if status is PairStatus.ENDED_EARLY and final is not None and final.reason:
            reason = final.reason
        update: dict[str, object] = {}
        if any(e.date > day for e in self.history):
            before = rewind(self.mentor, self.mentees, self.history, after=day)
            update = {"mentor": before.mentor, "mentees": before.mentees,
                      "history": [e for e in self.history if e.date <= day]}
            change = next((e for e in self.history if e.date > day and e.kind is PairEventKind.MENTOR_CHANGED),
                          None)
            if change is not None:  # the papers of the mentor before the first later change
                update |= {"mentor_consent_date": change.previous_mentor_consent_date, "agreement": None}
        if status is not self.status:
            update["status"] = status
        if reason != self.end_reason:
            update["end_reason"] = reason
        return self.model_copy(update=update) if update else self

    def is_active_on(self, day: date) -> bool:
        """Working on ``day``: started, not completed or ended early as of it, within ``end``."""
        state = self.as_of(day)
        return (state is not None and state.status is PairStatus.ACTIVE
                and (self.end is None or day <= self.end))


@lru_cache(maxsize=1024)
def _dimensions(form: Any, pair_type: Any, format: Any) -> tuple[str | None, str | None, str]:
    """(pair type, format, form as printed) of a pair given these three values."""
    values = {"pair_type": _text(pair_type), "format": _text(format)}
    text = _text(form)
    if text and form_key(text) != form_key(form_text(**values)):
        values[form_dimension(text)] = text  # the one-column value sets (or replaces) its dimension
    return values["pair_type"], values["format"], form_text(**values)


def _text(value: Any) -> str | None:
    """A form value as text: stripped, None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text if normalize_word(text) else None
