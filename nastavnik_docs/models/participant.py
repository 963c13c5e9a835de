"""Participants of a mentoring programme."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from ._enums import Category, Role
from .origin import HasOrigin
from .person import Model, Person

#: A teacher is a young specialist below these limits (АЗ-1128/08, common regional practice).
YOUNG_SPECIALIST_MAX_EXPERIENCE_YEARS = 3
YOUNG_SPECIALIST_MAX_AGE = 35


class LegalRepresentative(Model):
    """The parent or guardian who signs for a minor."""

    full_name: str = Field(min_length=1, description="ФИО законного представителя")
    relation: str | None = Field(default=None, description="Кем приходится (мать, отец, опекун)")
    phone: str | None = Field(default=None, description="Телефон")
    email: str | None = Field(default=None, description="Электронная почта")


class Participant(Person, HasOrigin):
    """A person taking part in the programme.

    Roles come from the pairs: a young teacher may mentor a pupil and be mentored by a
    senior colleague at once. ``role`` is only the primary role the registry states.
    Pedagogical experience is either ``experience_years`` counted on ``experience_as_of``
    or the date it began (``experience_since``).
    """

    id: str = Field(min_length=1, description="Идентификатор участника (устойчивый)")
    role: Role | None = Field(default=None, description="Основная роль")
    category: Category = Field(default=Category.OTHER, description="Категория")
    post: str | None = Field(default=None, description="Должность или класс («7 «Б» класс»)")
    experience_years: float | None = Field(default=None, ge=0, le=70, description="Педагогический стаж, лет")
    experience_as_of: date | None = Field(default=None, description="На какую дату указан стаж")
    experience_since: date | None = Field(default=None, description="Дата начала педагогического стажа")
    consent_date: date | None = Field(default=None, description="Дата согласия на обработку ПД")
    representative: LegalRepresentative | None = Field(
        default=None, description="Законный представитель (для несовершеннолетних)"
    )
    email: str | None = Field(default=None, description="Электронная почта")
    phone: str | None = Field(default=None, description="Телефон")

    @model_validator(mode="after")
    def _check(self) -> Participant:
        if self.experience_years is not None and self.experience_since is not None:
            raise ValueError("стаж задан дважды: укажите либо число лет, либо дату начала стажа")
        return self

    def experience_on(self, day: date) -> float | None:
        """Pedagogical experience in years on ``day`` (None when unknown)."""
        if self.experience_since is not None:
            return max(0.0, (day - self.experience_since).days / 365.25)
        if self.experience_years is None:
            return None
        if self.experience_as_of is None:
            return self.experience_years
        return max(0.0, self.experience_years + (day - self.experience_as_of).days / 365.25)

    def is_minor(self, day: date) -> bool:
        """Known to be under 18 on ``day`` (False when the birth date is unknown)."""
        age = self.age_on(day)
        return age is not None and age < 18

    def may_be_minor(self, day: date) -> bool:
        """Under 18 on ``day``, or a pupil or student whose birth date is unknown: never
        assume such a participant is an adult (a representative signs for them)."""
        if self.birth_date is None:
            return self.category in (Category.PUPIL, Category.STUDENT)
        return self.is_minor(day)

    def is_young_specialist(self, day: date) -> bool:
        """A teacher with less than 3 years of experience and younger than 35 on ``day``.

        Both facts must be known; an unknown one means "not shown to be", i.e. False.
        """
        if self.category is not Category.TEACHER:
            return False
        experience, age = self.experience_on(day), self.age_on(day)
        if experience is None or age is None:
            return False
        return experience < YOUNG_SPECIALIST_MAX_EXPERIENCE_YEARS and age < YOUNG_SPECIALIST_MAX_AGE
