"""The survey reader knows a question by its header, whatever wording a form printed: the
blank's (the workbook's header), a known pair's («наставляемых», «работе») and the headers
of earlier editions of the workbook; growth is computed across them."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from nastavnik_docs.kinds.questionnaires import question_sets, question_text
from nastavnik_docs.models import Role, SurveyAnswers, SurveyResults, normalize_word
from nastavnik_docs.stats import summarize_survey, survey_header

OLD_PROGRESS = "Насколько заметен прогресс наставляемого за время программы?"
NEW_PROGRESS = "Насколько заметен прогресс наставляемого (наставляемых) за время программы?"


def _variants():
    for key in ("feedback_mentor", "feedback_mentee", "feedback_mentor_pupil", "feedback_mentee_pupil"):
        for q in question_sets()[key].questions:
            if q.scale:
                header = question_text(q.text)
                for group, learner in itertools.product((None, False, True), repeat=2):
                    yield header, question_text(q.text, group=group, learner=learner)


@pytest.mark.parametrize(("header", "wording"), sorted(set(_variants())))
def test_every_wording_of_a_question_counts_under_its_header(header, wording):
    assert survey_header(wording) == header
    # case and «ё» do not matter: the same question as summarize_survey groups it
    assert normalize_word(survey_header(wording.upper().replace("Ё", "Е"))) == normalize_word(header)


def test_old_and_new_headers_are_one_question():
    results = SurveyResults(answers=[
        SurveyAnswers(role=Role.MENTOR, stage="до", question=OLD_PROGRESS, scores=[5, 6]),
        SurveyAnswers(role=Role.MENTOR, stage="после", question=NEW_PROGRESS, scores=[8, 9]),
        SurveyAnswers(role=Role.MENTOR, stage="после",
                      question="Насколько активно наставляемые выполняли задания и рекомендации?", scores=[7]),
        SurveyAnswers(role=Role.MENTOR, stage="до",
                      question="Насколько активно наставляемый выполнял задания и рекомендации?", scores=[5]),
    ])
    rows = {row.question: row for row in summarize_survey(results).growth()}
    assert set(rows) == {NEW_PROGRESS,
                         "Насколько активно наставляемый выполнял (наставляемые выполняли) задания и рекомендации?"}
    assert (rows[NEW_PROGRESS].before, rows[NEW_PROGRESS].after) == (Decimal("5.5"), Decimal("8.5"))


def test_an_unknown_question_keeps_its_own_text():
    assert survey_header("Свой вопрос школы?") == "Свой вопрос школы?"
