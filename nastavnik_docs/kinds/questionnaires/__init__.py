"""Questionnaires (анкеты) of a mentoring programme.

* :mod:`.profiles` — ``form.questionnaire_mentor`` (анкета кандидата в наставники) and
  ``form.questionnaire_mentee`` (анкета наставляемого: a teacher's or a pupil's set);
* :mod:`.feedback` — ``form.feedback``, the monitoring questionnaire: anonymous by default,
  a matching pair of forms at the start and at the end, «ты» for pupils;
* :mod:`._form` — the questions as data, the respondent, the context every form shares.

The questions are data (``questionnaires.yaml`` next to these modules); an input may
replace them (``questions``) or add its own (``extra_questions``).
"""

from ._form import (
    Question,
    QuestionnaireContext,
    QuestionnaireInput,
    Respondent,
    question_sets,
    question_text,
    respondent_of,
)
from .feedback import FeedbackInput, class_in_year, feedback_records
from .profiles import MenteeQuestionnaireInput, mentee_records, mentor_records

__all__ = ["FeedbackInput", "MenteeQuestionnaireInput", "Question", "QuestionnaireContext", "QuestionnaireInput",
           "Respondent", "class_in_year", "feedback_records", "mentee_records", "mentor_records", "question_sets",
           "question_text", "respondent_of"]
