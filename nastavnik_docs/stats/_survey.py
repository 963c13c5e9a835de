"""Satisfaction and growth from the questionnaires' answers (scores 1–10).

Satisfaction of a group (mentors or mentees, before or after the programme) is the mean of
the overall question («… удовлетворены участием в программе наставничества в целом?») when
the questionnaire has one, else the mean of all its scores; the share of the satisfied is
the share of scores of 8 and above in the same answers. An entry questionnaire (before the
programme) without the overall question measures where the mentee starts, not satisfaction:
its group has respondents and no satisfaction. Growth is the change of a
question's mean from the «before» to the «after» answers, for questions asked at both.

A question is known by its header (:func:`survey_header`): the wordings of one question on
the forms of different pairs and respondents, and the headers of earlier editions of the
workbook (``survey_headers.yaml``), count as that question, shown as the current header.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources

from .._resources import packaged_yaml
from ..models import Role, SurveyResults, SurveyStage, normalize_word

__all__ = ["GroupScore", "QuestionScore", "SATISFIED_FROM", "SurveySummary", "summarize_survey", "survey_header"]

#: A score from which a respondent counts as satisfied.
SATISFIED_FROM = 8
#: Words of the overall satisfaction question.
OVERALL_WORDS = ("в целом",)
_TENTH = Decimal("0.1")


def _mean(scores: list[int]) -> Decimal | None:
    if not scores:
        return None
    return (Decimal(sum(scores)) / Decimal(len(scores))).quantize(_TENTH, ROUND_HALF_UP)


@dataclass(frozen=True)
class GroupScore:
    """One group of respondents: how many, how satisfied (mean of 10 and share of ≥ 8)."""

    role: Role
    stage: SurveyStage
    respondents: int
    satisfaction: Decimal | None
    satisfied_share: Decimal | None


@dataclass(frozen=True)
class QuestionScore:
    """A question's mean before and after the programme, and the change."""

    role: Role
    question: str
    before: Decimal | None
    after: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass
class SurveySummary:
    groups: list[GroupScore]
    questions: list[QuestionScore]

    def group(self, role: Role, stage: SurveyStage = SurveyStage.AFTER) -> GroupScore | None:
        return next((g for g in self.groups if g.role is role and g.stage is stage), None)

    def satisfaction(self, role: Role) -> GroupScore | None:
        """The group that states the role's satisfaction: after the programme, else before."""
        return self.group(role, SurveyStage.AFTER) or self.group(role, SurveyStage.BEFORE)

    def growth(self) -> list[QuestionScore]:
        """The questions asked both before and after, largest change first."""
        both = [q for q in self.questions if q.change is not None]
        return sorted(both, key=lambda q: q.change or 0, reverse=True)

    @property
    def has_both_stages(self) -> bool:
        return bool(self.growth())


@lru_cache(maxsize=1)
def _headers() -> dict[str, str]:
    """Every known wording of a question (normalised) → its header (``survey_headers.yaml``)."""
    data = packaged_yaml(resources.files(__package__).joinpath("survey_headers.yaml").read_text("utf-8"))
    found: dict[str, str] = {}
    for header, wordings in data["headers"].items():
        for text in (header, *wordings):
            found[normalize_word(text)] = header
    return found


def survey_header(question: str) -> str:
    """The header a question's scores count under: the current header for any of its known
    wordings («… прогресс наставляемого за время программы?» → «… прогресс наставляемого
    (наставляемых) за время программы?»), the question itself otherwise."""
    return _headers().get(normalize_word(question), question)


def _is_overall(question: str) -> bool:
    key = normalize_word(question)
    return any(word in key for word in OVERALL_WORDS)


def summarize_survey(results: SurveyResults) -> SurveySummary:
    """Group and question figures of ``results``, in the order of roles and stages."""
    groups = []
    for role in (Role.MENTOR, Role.MENTEE):
        for stage in (SurveyStage.BEFORE, SurveyStage.AFTER):
            answers = [a for a in results.answers if a.role is role and a.stage is stage]
            if not answers:
                continue
            overall = [s for a in answers if _is_overall(a.question) for s in a.scores]
            entry = stage is SurveyStage.BEFORE and not overall
            scores = [] if entry else overall or [s for a in answers for s in a.scores]
            satisfied = Decimal(sum(1 for s in scores if s >= SATISFIED_FROM) * 100) / Decimal(len(scores)) \
                if scores else None
            respondents = results.respondents.get(SurveyResults.group(role, stage),
                                                  max((len(a.scores) for a in answers), default=0))
            groups.append(GroupScore(role, stage, respondents, _mean(scores),
                                     satisfied.quantize(_TENTH, ROUND_HALF_UP) if satisfied is not None else None))
    questions: dict[tuple[Role, str], dict[SurveyStage, list[int]]] = {}
    texts: dict[tuple[Role, str], str] = {}
    for answer in results.answers:
        header = survey_header(answer.question)
        key = (answer.role, normalize_word(header))
        questions.setdefault(key, {}).setdefault(answer.stage, []).extend(answer.scores)
        texts.setdefault(key, header)
    rows = [QuestionScore(role, texts[(role, key)], _mean(stages.get(SurveyStage.BEFORE, [])),
                          _mean(stages.get(SurveyStage.AFTER, [])))
            for (role, key), stages in questions.items()]
    return SurveySummary(groups, rows)
