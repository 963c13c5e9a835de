"""Statistical data as values: a coverage table (computed or read back from a file), the
results of a questionnaire, and a chart to draw.

These are plain data shared by the layers: ``stats`` computes and checks tables and
summaries, ``io`` reads them from workbooks, the ``engine`` draws a :class:`Chart` where a
template prints it. None of them knows where the data came from.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from ._enums import AliasedEnum, Role
from .person import Model

__all__ = ["Chart", "ChartPanel", "ChartSeries", "CoverageTable", "SurveyAnswers", "SurveyResults", "SurveyStage", "TableLine"]


class TableLine(Model):
    """One line of a statistical table: its code, its name and the figures of its graphs
    (графы 3, 4, 5 …, by number; an empty cell has no entry)."""

    code: str = Field(min_length=1, description="Код строки")
    title: str = Field(default="", description="Наименование показателя")
    graphs: dict[int, Decimal] = Field(default_factory=dict, description="Значения граф по номерам")

    def value(self, graph: int = 3) -> Decimal | None:
        return self.graphs.get(graph)


class CoverageTable(Model):
    """The coverage table of one organisation (or a municipal total) as figures by line code.

    ``form`` and ``version`` name the table's form, so that a table of another form or an
    older version is recognised as such rather than summed.
    """

    organization: str = Field(default="", description="Организация")
    inn: str | None = Field(default=None, description="ИНН")
    period_start: date | None = Field(default=None, description="Начало отчётного периода")
    period_end: date | None = Field(default=None, description="Конец отчётного периода")
    form: str | None = Field(default=None, description="Код формы")
    version: str | None = Field(default=None, description="Версия формы")
    lines: dict[str, TableLine] = Field(default_factory=dict, description="Строки по кодам")
    source: str | None = Field(default=None, description="Файл, из которого прочитана таблица")

    def value(self, code: str, graph: int = 3) -> Decimal | None:
        line = self.lines.get(code)
        return line.value(graph) if line is not None else None

    def count(self, code: str, graph: int = 3) -> int:
        """A count of the table (0 for an empty cell or a missing line)."""
        value = self.value(code, graph)
        return int(value) if value is not None else 0


class SurveyStage(AliasedEnum):
    """When a questionnaire was answered: before the programme (входная диагностика) or
    after it (итоговая)."""

    BEFORE = "before"
    AFTER = "after"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {"до": "before", "входная": "before", "входное": "before", "начало": "before",
                "в начале": "before", "до начала": "before", "стартовая": "before",
                "после": "after", "итоговая": "after", "итоговое": "after", "конец": "after",
                "в конце": "after", "по итогам": "after", "после окончания": "after"}

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"before": "до", "after": "после"}


class SurveyAnswers(Model):
    """The scores (1–10) one group of respondents gave one question."""

    role: Role = Field(description="Кто отвечал: наставник или наставляемый")
    stage: SurveyStage = Field(default=SurveyStage.AFTER, description="Этап: до или после программы")
    question: str = Field(min_length=1, description="Вопрос, как в анкете")
    scores: list[int] = Field(default_factory=list, description="Оценки от 1 до 10")


class SurveyResults(Model):
    """The answers to the questionnaires with a scale, by role, stage and question, and how
    many people answered in each group (``respondents``: «mentor:after» → 12)."""

    answers: list[SurveyAnswers] = Field(default_factory=list, description="Оценки по вопросам")
    respondents: dict[str, int] = Field(default_factory=dict, description="Число ответивших по группам")
    source: str | None = Field(default=None, description="Файл с результатами")

    @staticmethod
    def group(role: Role, stage: SurveyStage) -> str:
        return f"{role.value}:{stage.value}"


class ChartSeries(Model):
    """One series of bars: its name (a period, a stage) and a value for each label."""

    name: str = Field(default="")
    values: list[Decimal | None] = Field(default_factory=list)


class ChartPanel(Model):
    """One panel of a chart: horizontal bars for ``labels``, one bar per series, and an
    optional target mark for each label."""

    title: str = Field(min_length=1)
    labels: list[str] = Field(min_length=1)
    series: list[ChartSeries] = Field(min_length=1)
    unit: str = Field(default="%")
    targets: list[Decimal | None] = Field(default_factory=list)


class Chart(Model):
    """A chart of one or more panels, drawn by the engine where a template prints it."""

    title: str = Field(default="")
    panels: list[ChartPanel] = Field(min_length=1)
    width_mm: float = Field(default=165, gt=0)
