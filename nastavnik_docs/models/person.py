"""People: a person, and an official (a person holding a post who signs documents)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .._limits import current as _current_limits
from ._enums import Case, Gender

NBSP = "\u00a0"

#: The longest text field (``field_chars`` of ``nastavnik_docs._limits``, read at import):
#: every string of every model, unless a field says less.
TEXT_MAX = _current_limits().field_chars
#: The longest surname, first name or patronymic.
NAME_MAX = 200


class Model(BaseModel):
    """Common configuration: strip strings, forbid unknown keys, validate on assignment.

    Numbers typed where text is expected (``number: 14`` in YAML, an order number read from
    an Excel cell) become text rather than errors. No text is longer than :data:`TEXT_MAX`
    characters (a clear error, never a document cut short).

    A model's validator is built when it first validates (``defer_build``): a command that
    makes one document loads modules defining the inputs of several, and builds only its own.
    """

    model_config = ConfigDict(
        str_strip_whitespace=True, extra="forbid", validate_assignment=True,
        populate_by_name=True, coerce_numbers_to_str=True, str_max_length=TEXT_MAX, defer_build=True,
    )


class Person(Model):
    """A person's name, with optional gender, birth date and per-case name overrides.

    ``overrides`` maps a case to the full name in that case exactly as it must be
    printed («Золя Эмиль»); an override always wins over automatic declension.
    Gender may be left out: the Russian layer detects it from the patronymic or the
    first name, and says clearly when it cannot. An unlikely birth date (in the future,
    before 1900, an age its category does not have) is a warning (:mod:`.plausibility`).
    """

    last_name: str = Field(min_length=1, max_length=NAME_MAX, description="Фамилия")
    first_name: str = Field(min_length=1, max_length=NAME_MAX, description="Имя")
    middle_name: str | None = Field(default=None, max_length=NAME_MAX, description="Отчество (если есть)")
    gender: Gender | None = Field(default=None, description="Пол: male / female (м / ж)")
    birth_date: date | None = Field(default=None, description="Дата рождения")
    overrides: dict[Case, str] = Field(
        default_factory=dict, description="Полное имя в падежах, заданное вручную"
    )

    @field_validator("middle_name", mode="before")
    @classmethod
    def _empty_middle_name(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def initials(self) -> str:
        """«М.П.» (or «М.» without a patronymic)."""
        parts = [self.first_name, self.middle_name or ""]
        return "".join(f"{p[0].upper()}." for p in parts if p)

    @property
    def full_name(self) -> str:
        """«Иванова Мария Петровна»."""
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def short_name(self) -> str:
        """«Иванова М.П.» with a no-break space (lists, tables)."""
        return f"{self.last_name}{NBSP}{self.initials}"

    @property
    def initials_name(self) -> str:
        """«М.П. Иванова» with a no-break space (signatures, running text)."""
        return f"{self.initials}{NBSP}{self.last_name}"

    def age_on(self, day: date) -> int | None:
        """Full years of age on ``day``, or None when the birth date is unknown."""
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    def __str__(self) -> str:
        return self.full_name


class Official(Person):
    """A person with a post, who signs or approves documents.

    ``post`` is the full post in the nominative, as it stands in a signature block
    («Директор МБОУ «СОШ № 7»» or «Заместитель директора по учебно-воспитательной работе»).
    """

    post: str = Field(min_length=1, description="Должность (именительный падеж)")
    post_overrides: dict[Case, str] = Field(
        default_factory=dict, description="Должность в падежах, заданная вручную"
    )
