"""The project file (``nastavnik.yaml``): what every document of a programme year shares.

:class:`ProjectFile` is the pydantic model of the file: the organisation (a card or a link
to one), the registry workbook, the school year, the officials, the acts in force (the
regulation, the roadmap — each by the key of the document that approves it, or with its own
date and number when it comes from outside the folder), the numbering rules of each series
of acts, the school holidays, the defaults of wording, and the year's documents. A document
entry holds only what is specific to it; every other field is inherited from the project.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from ..models import Model, Official, Organization
from ._find import PROJECT_FILE  # the name of the project file in a project folder

__all__ = [
    "PROJECT_FILE", "ActInForce", "CommissionSpec", "Contract", "DocumentEntry", "Holiday", "NumberingRule",
    "Officials", "ProjectFile", "KEY_PATTERN", "parse_school_year",
]

#: Keys of documents and acts: Latin identifiers, so that they never clash with the Russian
#: text of a basis or with the keys of federal acts («273-ФЗ», «Р-145»).
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"

Ref = Official | str


def parse_school_year(value: Any) -> int:
    """The first calendar year of a school year written in any usual way:
    2026, «2026/2027», «2026-2027», «2026–27», «2026/2027 учебный год»."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    match = re.match(r"^(\d{4})\s*(?:[/\-–—]\s*(\d{2}|\d{4}))?(?:\s*(?:уч\.?|учебный)?\s*(?:г\.?|год)?)?$", text)
    if not match:
        raise ValueError(f"непонятный учебный год «{text}»: напишите, например, 2026/2027")
    first = int(match.group(1))
    if match.group(2):
        second = int(match.group(2)) % 100
        if second != (first + 1) % 100:
            raise ValueError(f"учебный год «{text}»: второй год должен следовать за первым ({first}/{first + 1})")
    return first


class NumberingRule(Model):
    """How acts of one series are numbered: ``format`` with ``{n}`` (the number in the
    series) and optionally ``{year}`` («{n}-о/д», «{year}-{n:03d}»); ``start`` is the first
    number of the year when the journal holds none of the series yet."""

    format: str = Field(default="{n}", description="Вид номера: {n} — порядковый номер, {year} — год")
    start: int = Field(default=1, ge=1, description="С какого номера начинать")

    @field_validator("format")
    @classmethod
    def _has_number(cls, value: str) -> str:
        if not re.search(r"\{n(:[^}]*)?\}", value):
            raise ValueError("в виде номера нет места для порядкового номера {n}")
        try:
            value.format(n=1, year=2026)
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"неверный вид номера: {exc}") from None
        return value


class CommissionSpec(Model):
    """The commission that selects mentors: chair, members, secretary."""

    name: str = Field(default="комиссия по отбору наставников", description="Название комиссии")
    chair: Ref = Field(description="Председатель")
    members: list[Ref] = Field(default_factory=list, description="Члены комиссии")
    secretary: Ref | None = Field(default=None, description="Секретарь")


class Officials(Model):
    """The people the year's documents name by their office.

    Each is a participant of the registry (ID or ФИО) or a person with a post. A document
    names them by key (``responsible: chief_accountant``); ``others`` adds keys of one's own.
    """

    head: Official | None = Field(default=None, description="Руководитель (по умолчанию — из карточки организации)")
    curator: Ref | None = Field(default=None, description="Куратор наставничества")
    deputy: Ref | None = Field(default=None, description="Заместитель руководителя")
    chief_accountant: Ref | None = Field(default=None, description="Главный бухгалтер")
    council_chair: Ref | None = Field(default=None, description="Председатель педагогического совета")
    council_secretary: Ref | None = Field(default=None, description="Секретарь педагогического совета")
    commission: CommissionSpec | None = Field(default=None, description="Комиссия по отбору наставников")
    others: dict[str, Ref] = Field(default_factory=dict, description="Другие должностные лица: ключ — человек")

    @field_validator("others")
    @classmethod
    def _keys(cls, value: dict[str, Ref]) -> dict[str, Ref]:
        for key in value:
            if not re.match(KEY_PATTERN, key):
                raise ValueError(f"ключ «{key}»: латинские строчные буквы, цифры и «_»")
        return value


class ActInForce(Model):
    """An act the year's documents cite by key: approved by a document of the folder
    (``document``), or from outside the folder with its own ``date`` and ``number``."""

    title: str = Field(min_length=1, description="Название (именительный падеж)")
    document: str | None = Field(default=None, description="Ключ документа, которым акт утверждён")
    date: dt.date | None = Field(default=None, description="Дата (для акта не из этой папки)")
    number: str | None = Field(default=None, description="Номер (для акта не из этой папки)")
    valid_from: dt.date | None = Field(default=None, description="Действует с")
    valid_until: dt.date | None = Field(default=None, description="Действует по")

    @model_validator(mode="after")
    def _source(self) -> ActInForce:
        if self.document is None and self.date is None:
            raise ValueError("укажите документ папки, которым акт утверждён (document), "
                             "или дату и номер акта (date, number)")
        return self


class Contract(Model):
    """An employee's employment contract, which a supplementary agreement amends."""

    number: str | None = Field(default=None, description="Номер трудового договора")
    date: dt.date | None = Field(default=None, description="Дата трудового договора")


class Holiday(Model):
    """School holidays: no meeting of a programme falls on them."""

    start: dt.date = Field(description="Первый день")
    end: dt.date = Field(description="Последний день")
    title: str | None = Field(default=None, description="Название («осенние каникулы»)")


#: The keys of a document entry that are the project's; every other key is the document's own.
ENTRY_FIELDS = ("key", "kind", "date", "number", "series", "stage", "batch", "file", "title",
                "only", "approved_by", "agreed_by")


class DocumentEntry(Model):
    """One document of the year: its key, kind and date, and the fields that are its own.

    ``batch: true`` makes one document per record of the registry (a consent per mentor, a
    programme per pair); ``only`` limits the records to the participants it names.
    ``approved_by`` / ``agreed_by`` name the act that approves (agrees) this document.
    """

    key: str = Field(pattern=KEY_PATTERN, description="Ключ документа (латиницей)")
    kind: str = Field(min_length=1, description="Вид документа (nastavnik-docs kinds)")
    date: dt.date | None = Field(default=None, description="Дата документа")
    number: str | None = Field(default=None, description="Номер (по умолчанию — следующий свободный)")
    series: str | None = Field(default=None, description="Серия номеров (по умолчанию — по виду)")
    stage: str | None = Field(default=None, description="Этап плана (по умолчанию — по виду)")
    batch: bool = Field(default=False, description="По документу на каждую запись базы")
    file: Path | None = Field(default=None, description="Файл с данными документа")
    title: str | None = Field(default=None, description="Заголовок в журнале и в описи")
    only: list[str] | None = Field(
        default=None, description="Только эти участники (ID или ФИО), пары (номера) или completed — "
                                  "участники пар, завершённых к дате документа")
    approved_by: str | None = Field(default=None, description="Ключ акта, которым документ утверждён")
    agreed_by: str | None = Field(default=None, description="Ключ протокола, которым документ согласован")
    fields: dict[str, Any] = Field(default_factory=dict, description="Поля документа")

    @model_validator(mode="before")
    @classmethod
    def _own_fields(cls, value: Any) -> Any:
        """Every key that is not the project's goes into ``fields``."""
        if not isinstance(value, dict):
            return value
        own = {k: v for k, v in value.items() if k not in ENTRY_FIELDS and k != "fields"}
        if not own:
            return value
        rest = {k: v for k, v in value.items() if k in ENTRY_FIELDS}
        return {**rest, "fields": {**dict(value.get("fields") or {}), **own}}


class ProjectFile(Model):
    """The project file of a programme year (``nastavnik.yaml``)."""

    organization: Organization = Field(description="Организация (карточка или путь к ней)")
    registry: Path = Field(description="База наставников и наставляемых (путь к книге Excel или YAML)")
    school_year: int = Field(description="Учебный год («2026/2027»)")
    officials: Officials = Field(default_factory=Officials, description="Должностные лица")
    acts: dict[str, ActInForce] = Field(default_factory=dict, description="Действующие акты по ключам")
    numbering: dict[str, NumberingRule] = Field(default_factory=dict, description="Нумерация серий")
    holidays: list[Holiday] = Field(default_factory=list, description="Каникулы")
    contracts: dict[str, Contract] = Field(
        default_factory=dict, description="Трудовые договоры наставников: ID участника — номер и дата")
    wording: dict[str, Any] = Field(default_factory=dict, description="Формулировки по умолчанию (по полям)")
    documents: list[DocumentEntry] = Field(default_factory=list, description="Документы года")

    @field_validator("officials", "acts", "numbering", "holidays", "wording", "documents", "contracts",
                     mode="before")
    @classmethod
    def _empty(cls, value: Any, info: Any) -> Any:
        """A section left with only comments under it is an empty section."""
        if value is None:
            return [] if info.field_name in ("holidays", "documents") else {}
        return value

    @field_validator("school_year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> int:
        return parse_school_year(value)

    @field_validator("acts")
    @classmethod
    def _act_keys(cls, value: dict[str, ActInForce]) -> dict[str, ActInForce]:
        for key in value:
            if not re.match(KEY_PATTERN, key):
                raise ValueError(f"ключ акта «{key}»: латинские строчные буквы, цифры и «_»")
        return value

    @model_validator(mode="after")
    def _unique_keys(self) -> ProjectFile:
        seen: set[str] = set(self.acts)
        for entry in self.documents:
            if entry.key in seen:
                raise ValueError(f"ключ «{entry.key}» встречается дважды (документы и акты)")
            seen.add(entry.key)
        return self

    @property
    def year_start(self) -> dt.date:
        """1 September of the school year."""
        return dt.date(self.school_year, 9, 1)

    @property
    def year_end(self) -> dt.date:
        """31 August of the next calendar year."""
        return dt.date(self.school_year + 1, 8, 31)

    @property
    def year_text(self) -> str:
        """«2026/2027»."""
        return f"{self.school_year}/{self.school_year + 1}"

    def document(self, key: str) -> DocumentEntry:
        for entry in self.documents:
            if entry.key == key:
                return entry
        raise KeyError(key)
