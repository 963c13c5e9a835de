"""The roadmap table (дорожная карта): stages and rows, with its approval stamps.

Published roadmaps differ in shape, so the shape is data:

* ``columns`` lists the table's columns in order, each with its role (what it holds) and its
  Russian heading as published («№ п/п», «Срок исполнения», «Содержание подэтапов» …);
  ``column_numbers`` asks for the row «1 · 2 · 3 · 4» under the headings.
* A stage is either a row spanning the table («I этап. Подготовка условий…») or a merged
  first column beside its rows («Этап», «Направления», «N · Наименование этапа»): when the
  columns include a ``stage`` column the stages are columns, otherwise spanning rows.
* A row is one event («1.2.1 Назначение куратора…») or a group of numbered activities in one
  cell («1.1. … 1.2. …», «1) … 2) …»); paragraphs and bullet items may follow its title.
* A published roadmap may add a column «Содержание деятельности» beside «Мероприятия»
  (``content``: its paragraphs and list items) and one «Вид документа» beside «Ожидаемый
  результат» (``document``).
* Stage rows come in two styles (``stage_layout``): one cell across the table, or the
  stage number in the first column and the title across the rest.
* Around the table: an appendix mark («Приложение 1 к приказу № … от …», requisite 19),
  approval, agreement and adoption stamps (УТВЕРЖДАЮ / СОГЛАСОВАНО / ПРИНЯТО) at the left
  or right, a title of one or several lines.
* A deadline is kept in its original wording («сентябрь-октябрь 2022 г., далее - ежегодно»);
  :mod:`.deadline` parses it into months and recurrences and :mod:`.schedule` places it in
  the calendar on demand (``Roadmap.months()``, ``Roadmap.due_in()``).

Every field a published roadmap may lack (the head's name, a date, a deadline) is optional.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from ..organization import Organization
from ..person import Model
from ..target import Target
from .period import YM, Period
from .schedule import DueItem, due_in, due_notes, roadmap_months

__all__ = [
    "COLUMN_WEIGHTS",
    "Activity",
    "AppendixMark",
    "Block",
    "Column",
    "ColumnRole",
    "Roadmap",
    "RoadmapNote",
    "RoadmapRow",
    "Stage",
    "Stamp",
    "StampKind",
    "StampSide",
    "StageLayout",
    "SubStage",
]


class ColumnRole(StrEnum):
    """What a column of a roadmap table holds."""

    STAGE_NUMBER = "stage_number"  # «N» beside the stage title (stages as columns)
    STAGE = "stage"                # «Этап», «Направления», «Наименование этапа»
    SUBSTAGE = "substage"          # «Содержание подэтапов»
    NUMBER = "number"              # «№ п/п»
    TITLE = "title"                # «Наименование мероприятия», «Мероприятия»
    CONTENT = "content"            # «Содержание деятельности» beside «Мероприятия»
    DEADLINE = "deadline"          # «Срок исполнения», «Сроки»
    RESPONSIBLE = "responsible"    # «Ответственные исполнители»
    RESULT = "result"              # «Результат, вид документа», «Ожидаемый результат»
    DOCUMENT = "document"          # «Вид документа» beside «Ожидаемые результаты»


#: Headings a new roadmap gets when it names roles only.
DEFAULT_HEADINGS: dict[ColumnRole, str] = {
    ColumnRole.STAGE_NUMBER: "№",
    ColumnRole.STAGE: "Этап",
    ColumnRole.SUBSTAGE: "Содержание подэтапов",
    ColumnRole.NUMBER: "№ п/п",
    ColumnRole.TITLE: "Наименование мероприятия",
    ColumnRole.CONTENT: "Содержание деятельности",
    ColumnRole.DEADLINE: "Срок исполнения",
    ColumnRole.RESPONSIBLE: "Ответственные исполнители",
    ColumnRole.RESULT: "Ожидаемый результат",
    ColumnRole.DOCUMENT: "Вид документа",
}


#: Relative widths of the columns by role: a layout hint shared by the DOCX and XLSX writers.
COLUMN_WEIGHTS: dict[ColumnRole, int] = {
    ColumnRole.STAGE_NUMBER: 6,
    ColumnRole.STAGE: 22,
    ColumnRole.SUBSTAGE: 24,
    ColumnRole.NUMBER: 10,
    ColumnRole.TITLE: 50,
    ColumnRole.CONTENT: 50,
    ColumnRole.DEADLINE: 19,
    ColumnRole.RESPONSIBLE: 24,
    ColumnRole.RESULT: 28,
    ColumnRole.DOCUMENT: 20,
}


class Column(Model):
    """One column of the table: its role and its heading as published."""

    role: ColumnRole = Field(description="Что в столбце: номер, мероприятие, срок, ответственные, результат …")
    heading: str = Field(default="", description="Заголовок столбца как в источнике")

    @model_validator(mode="after")
    def _default_heading(self) -> Column:
        if not self.heading:
            object.__setattr__(self, "heading", DEFAULT_HEADINGS[self.role])
        return self


class Block(Model):
    """A paragraph or a bullet item inside a cell. ``bullet`` is the marker as published
    («✓», «–», «-», «•»); None for a plain paragraph. A bare string is a paragraph."""

    text: str = Field(min_length=1, description="Текст абзаца или пункта")
    bullet: str | None = Field(default=None, description="Маркер пункта («–», «•»); нет — обычный абзац")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class Activity(Model):
    """A numbered activity inside a row's cell («1.1. Актуализация…», «2) Обучение…»)."""

    number: str | None = Field(default=None, description="Номер мероприятия как в источнике")
    text: str = Field(min_length=1, description="Текст мероприятия")
    items: list[Block] = Field(default_factory=list, description="Подпункты (маркированные)")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class RoadmapRow(Model):
    """One row of the table: an event, or a group of activities in one cell."""

    number: str | None = Field(default=None, description="Номер как в источнике («1.2.1»)")
    title: str | None = Field(default=None, description="Наименование мероприятия")
    details: list[Block] = Field(default_factory=list, description="Абзацы и пункты после названия")
    activities: list[Activity] = Field(default_factory=list, description="Пронумерованные мероприятия")
    content: list[Block] = Field(
        default_factory=list, description="Содержание деятельности (отдельный столбец): абзацы и пункты")
    deadline: str | None = Field(default=None, description="Срок в формулировке источника")
    responsible: str | None = Field(default=None, description="Ответственные")
    result: str | None = Field(default=None, description="Результат, вид документа")
    document: str | None = Field(default=None, description="Вид документа (отдельный столбец)")

    @model_validator(mode="after")
    def _has_content(self) -> RoadmapRow:
        if not (self.title or self.details or self.activities or self.content):
            raise ValueError("строка дорожной карты без мероприятия")
        return self

    @field_validator("number", "title", "deadline", "responsible", "result", "document", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    def lines(self) -> list[str]:
        """The event cell as plain lines: bullets and activity numbers in front («✓ сбор…»)."""
        out = [self.title] if self.title else []
        out += [f"{b.bullet} {b.text}" if b.bullet else b.text for b in self.details]
        for activity in self.activities:
            out.append(f"{activity.number} {activity.text}" if activity.number else activity.text)
            out += [f"{b.bullet} {b.text}" if b.bullet else b.text for b in activity.items]
        return out

    def content_lines(self) -> list[str]:
        """The «Содержание деятельности» cell as plain lines, markers in front («1. …», «– …»)."""
        return [f"{b.bullet} {b.text}" if b.bullet else b.text for b in self.content]

    def texts(self) -> list[str]:
        """Every text of the event in reading order (title, paragraphs, activities, then the
        «Содержание деятельности» cell)."""
        out = [self.title] if self.title else []
        out += [b.text for b in self.details]
        for activity in self.activities:
            out.append(activity.text)
            out += [b.text for b in activity.items]
        out += [b.text for b in self.content]
        return out


class SubStage(Model):
    """A sub-stage: a numbered heading inside a stage («1. Изучение…») or the cell
    «Содержание подэтапов» beside its rows."""

    number: str | None = Field(default=None, description="Номер подэтапа как в источнике")
    title: str | None = Field(default=None, description="Название подэтапа")
    rows: list[RoadmapRow] = Field(default_factory=list, description="Мероприятия подэтапа")


class Stage(Model):
    """A stage («I этап. Подготовка условий…»; «Организационно-деятельностное
    сопровождение…»). Rows directly under the stage come before its sub-stages. A table
    published without stages is one stage without a number and title: no stage row is
    printed for it."""

    number: str | None = Field(default=None, description="Номер как в источнике («I», «II этап.»)")
    title: str | None = Field(default=None, min_length=1, description="Название; нет — таблица без этапов")
    rows: list[RoadmapRow] = Field(default_factory=list, description="Мероприятия этапа")
    substages: list[SubStage] = Field(default_factory=list, description="Подэтапы")

    @property
    def heading(self) -> str:
        """«I этап. Подготовка условий…» — number and title as one line («» without both)."""
        return " ".join(x for x in (self.number, self.title) if x)

    @property
    def printed(self) -> bool:
        """Whether the stage has a row (or a cell) of its own: it has a number or a title."""
        return bool(self.number or self.title)


class StampKind(StrEnum):
    APPROVAL = "approval"     # УТВЕРЖДАЮ / УТВЕРЖДЕНО (requisite 16)
    AGREEMENT = "agreement"   # СОГЛАСОВАНО (requisite 20)
    ADOPTION = "adoption"     # ПРИНЯТО / РАССМОТРЕНО на педагогическом совете (protocol reference)


class StampSide(StrEnum):
    """Where a stamp stands: approval stamps at the right, the others at the left by default."""

    LEFT = "left"
    RIGHT = "right"


class StageLayout(StrEnum):
    """How a stage row of a table without a stage column looks."""

    ACROSS = "across"            # one cell across the table: «I этап. Подготовка…»
    NUMBER_CELL = "number_cell"  # «1.» in the first column, the title across the rest


class Stamp(Model):
    """An approval or agreement stamp, as published or composed anew.

    ``heading`` is the word as published («УТВЕРЖДЕНО», «Утверждаю»); None prints none (a
    published stamp may lack it). ``reference`` is the act as published («Приказом № 30-9 о/д
    от 02.09.2024»); a new stamp may instead give ``act`` + ``act_date`` + ``act_number``,
    composed by ГОСТ Р 7.0.97 («приказом директора от 02.09.2024 № 30-9 о/д»). ``post`` and
    ``signer`` make the signature lines; ``signed`` is the date line as published, or
    ``signed_on`` is formatted. The lines print in the order of ГОСТ Р 7.0.97 (word, act,
    post, signature, date); ``reference_last`` puts the act after the date, as some
    published stamps have it («… «23» августа 2021 г. / протокол № 1»).
    """

    kind: StampKind = Field(default=StampKind.APPROVAL, description="Гриф: утверждения, согласования или принятия")
    heading: str | None = Field(default=None, description="Слово грифа («УТВЕРЖДАЮ», «СОГЛАСОВАНО») как в источнике")
    reference: str | None = Field(default=None, description="Ссылка на документ целиком, как в источнике")
    act: str | None = Field(default=None, description="Вид документа («приказом», «протокол педагогического совета»)")
    act_date: date | None = Field(default=None, description="Дата документа")
    act_number: str | None = Field(default=None, description="Номер документа")
    post: str | None = Field(default=None, description="Должность того, кто подписывает")
    signer: str | None = Field(default=None, description="Инициалы и фамилия того, кто подписывает")
    signature_line: bool = Field(default=False, description="Место для подписи перед фамилией")
    signed: str | None = Field(default=None, description="Дата подписи как в источнике («___» ______ 2022 г.)")
    signed_on: date | None = Field(default=None, description="Дата подписи")
    side: StampSide | None = Field(
        default=None, description="Слева или справа; по умолчанию утверждение справа, остальные слева")
    reference_last: bool = Field(default=False, description="Ссылка на документ после подписи и даты")

    @property
    def placed(self) -> StampSide:
        """The side the stamp stands at."""
        if self.side is not None:
            return self.side
        return StampSide.RIGHT if self.kind is StampKind.APPROVAL else StampSide.LEFT


class AppendixMark(Model):
    """The appendix mark (отметка о приложении, requisite 19) at the top right: as published
    («Приложение 1\\nк приказу № 181/1 от 13.09.2021») in ``text``, or composed from
    ``number``, ``act``, ``act_date`` and ``act_number`` («Приложение 1 к приказу директора
    от 01.09.2025 № 45»)."""

    text: str | None = Field(default=None, description="Отметка как в источнике (строки через перевод строки)")
    number: str | None = Field(default=None, description="Номер приложения")
    act: str | None = Field(default=None, description="«к приказу директора МБОУ «СОШ № 5»»")
    act_date: date | None = Field(default=None, description="Дата приказа")
    act_number: str | None = Field(default=None, description="Номер приказа")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> AppendixMark:
        if not (self.text or self.number or self.act):
            raise ValueError("отметка о приложении пуста: нужен text или number и act")
        return self


class RoadmapNote(Model):
    """An explanatory note (пояснительная записка): a heading and paragraphs/bullets."""

    title: str = Field(default="Пояснительная записка", description="Заголовок записки")
    blocks: list[Block] = Field(default_factory=list, description="Абзацы и пункты записки")


class Roadmap(Model):
    """Дорожная карта (план мероприятий) — как опубликована или составлена заново."""

    organization: Organization | None = Field(default=None, description="Организация (полные данные)")
    organization_lines: list[str] = Field(
        default_factory=list, description="Наименование организации строками, как в источнике")
    appendix: AppendixMark | None = Field(default=None, description="Отметка о приложении к приказу")
    stamps: list[Stamp] = Field(default_factory=list, description="Грифы согласования и утверждения")
    cover_title: str | None = Field(default=None, description="Заголовок титульного листа")
    approval_note: str | None = Field(
        default=None, description="«Утверждено и введено в действие приказом …»")
    place_line: str | None = Field(default=None, description="«Ижевск, 2022 год»")
    title: str = Field(min_length=1, description="Заголовок к тексту; несколько строк — через перевод строки")
    period: Period | None = Field(default=None, description="Период действия: год или учебный год, месяцы")
    note: RoadmapNote | None = Field(default=None, description="Пояснительная записка")
    columns: list[Column] = Field(min_length=2, description="Столбцы таблицы по порядку")
    column_numbers: bool = Field(default=False, description="Строка с номерами столбцов")
    stage_layout: StageLayout = Field(
        default=StageLayout.ACROSS, description="Строка этапа: во всю ширину или номер в первом столбце")
    stages: list[Stage] = Field(min_length=1, description="Этапы (без этапов — один этап без названия)")
    targets_title: str | None = Field(default=None, description="«Целевые показатели:»")
    targets_intro: str | None = Field(default=None, description="Вводная фраза к целевым показателям")
    targets: list[Target] = Field(default_factory=list, description="Целевые показатели")
    show_targets: bool = Field(default=True, description="Печатать раздел целевых показателей")

    @field_validator("title", mode="before")
    @classmethod
    def _title_lines(cls, value: Any) -> Any:
        """A title given as a list of lines is one text with line breaks."""
        if isinstance(value, list):
            return "\n".join(str(line).strip() for line in value if str(line).strip())
        return value

    @model_validator(mode="after")
    def _check_columns(self) -> Roadmap:
        roles = [c.role for c in self.columns]
        if len(set(roles)) != len(roles):
            raise ValueError("столбцы дорожной карты повторяются: " + ", ".join(roles))
        if ColumnRole.TITLE not in roles:
            raise ValueError("в дорожной карте нет столбца с мероприятиями (role: title)")
        return self

    # -- shape -------------------------------------------------------------------------
    @property
    def title_lines(self) -> list[str]:
        """The title as printed, line by line."""
        return [line.strip() for line in self.title.split("\n") if line.strip()]

    def has(self, role: ColumnRole | str) -> bool:
        return ColumnRole(role) in {c.role for c in self.columns}

    @property
    def stages_as_column(self) -> bool:
        """True when stages sit in a merged first column, False when they span the table."""
        return self.has(ColumnRole.STAGE)

    def rows(self) -> list[tuple[Stage, SubStage | None, RoadmapRow]]:
        """Every row with its stage and sub-stage, in order."""
        out: list[tuple[Stage, SubStage | None, RoadmapRow]] = []
        for stage in self.stages:
            out += [(stage, None, row) for row in stage.rows]
            for sub in stage.substages:
                out += [(stage, sub, row) for row in sub.rows]
        return out

    @property
    def organization_name_lines(self) -> list[str]:
        if self.organization_lines:
            return list(self.organization_lines)
        if self.organization is not None:
            lines = [self.organization.founder] if self.organization.founder else []
            return [*lines, self.organization.full_name]
        return []

    def target_lines(self) -> list[str]:
        """Each target as published, or composed: «охват …: не менее 15 % в 2025 году»."""
        lines = []
        for t in self.targets:
            if t.wording:
                lines.append(t.wording)
                continue
            value = f"{t.value}\u00a0%" if t.unit == "%" else f"{t.value} {t.unit}".strip()
            year = f" в\u00a0{t.year} году" if t.year else ""
            lines.append(f"{t.indicator}: {t.comparison.value} {value}{year}")
        return lines

    # -- deadlines ---------------------------------------------------------------------
    def months(self) -> list[YM]:
        """The months the plan covers: the period, or from the first to the last month
        its deadlines name when no period is given."""
        return roadmap_months(self)

    def due_in(self, year: int, month: int) -> list[DueItem]:
        """What falls due in a month («что по плану в октябре»)."""
        return due_in(self, year, month)

    def due_notes(self, year: int, month: int) -> list[str]:
        """What to tell with the month's list: the month outside the period, deadlines not
        understood (Russian)."""
        return due_notes(self, year, month)
