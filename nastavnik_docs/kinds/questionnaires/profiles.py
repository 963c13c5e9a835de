"""The questionnaires of the candidate mentor and of the mentee (before the pairs are formed).

* ``form.questionnaire_mentor`` — анкета кандидата в наставники: experience, subjects,
  motivation, competences to share, preferred forms, time available;
* ``form.questionnaire_mentee`` — анкета наставляемого: for a teacher, professional
  difficulties and expectations; for a pupil (or a student), interests and the help wanted,
  as «ты» (chosen by the respondent's category, or by ``category`` for a blank form).

With a respondent the form comes pre-filled with the name, the post or class and the
contacts; without one it prints lines for handwriting.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ...models import Category, Registry
from ...ru import person_forms
from .._base import BatchSpec, DemoBatch, Kind, register
from ._form import (
    FAMILY,
    LEARNERS,
    QuestionnaireContext,
    QuestionnaireInput,
    greeting,
    question_sets,
    questionnaire_context,
    resolve_respondent,
    respondent_lines,
    respondent_of,
)

__all__ = ["MenteeQuestionnaireInput", "build_mentee", "build_mentor", "mentee_records", "mentor_records"]


class MenteeQuestionnaireInput(QuestionnaireInput):
    """Анкета наставляемого: как анкета наставника, с категорией для пустого бланка."""

    category: Category | None = Field(
        default=None, description="Для бланка без имени: педагог или обучающийся (по умолчанию — педагог)")


def _profile(data: QuestionnaireInput, key: str, category: Category | None) -> QuestionnaireContext:
    built = question_sets()[key]
    respondent = resolve_respondent(data)
    shown_for = category or (respondent.category if respondent else None)
    learner = key == "mentee_pupil" or shown_for in LEARNERS
    forms = person_forms(respondent) if respondent is not None else None
    forms_greeting = greeting(respondent, forms, learner, "Уважаемый коллега!")
    return questionnaire_context(data, built, respondent=respondent, category=shown_for,
                                 fields=respondent_lines(respondent, learner, []), greeting_text=forms_greeting)


def build_mentor(data: QuestionnaireInput) -> QuestionnaireContext:
    return _profile(data, "mentor", None)


def build_mentee(data: MenteeQuestionnaireInput) -> QuestionnaireContext:
    respondent = resolve_respondent(data)
    category = data.category or (respondent.category if respondent else None)
    key = "mentee_pupil" if category in LEARNERS else "mentee_teacher"
    return _profile(data, key, category)


def mentor_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mentor (or mentor candidate) of the registry."""
    return [{**common, "respondent": respondent_of(p)} for p in registry.mentors()]


def mentee_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mentee of the registry."""
    return [{**common, "respondent": respondent_of(p)} for p in registry.mentees()]


_DEMO = DemoBatch(common="forms/questionnaires/common.yaml")

for _id, _title, _build, _records, _sample, _description in (
    ("form.questionnaire_mentor", "Анкета кандидата в наставники", build_mentor, mentor_records, "mentor.yaml",
     "Опыт, предметы, мотивация, чем готов поделиться, формы, время. Пакетом — всем наставникам базы."),
    ("form.questionnaire_mentee", "Анкета наставляемого", build_mentee, mentee_records, "mentee.yaml",
     "Для педагога — затруднения и ожидания, для обучающегося — интересы и нужная помощь (на «ты»). "
     "Пакетом — всем наставляемым базы."),
):
    register(Kind(
        id=_id, title=_title, build_context=_build, family=FAMILY, description=_description,
        samples=(f"forms/questionnaires/{_sample}",), output_name=_title,
        batch=BatchSpec(records=_records, file_name="{last_name}_{initials}"), demo_batch=_DEMO,
    ))
