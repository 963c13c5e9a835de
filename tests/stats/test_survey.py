"""Satisfaction and growth from questionnaire scores."""

from __future__ import annotations

from decimal import Decimal

from nastavnik_docs.models import Role, SurveyAnswers, SurveyResults, SurveyStage
from nastavnik_docs.stats import summarize_survey

OVERALL = "Насколько вы удовлетворены участием в программе наставничества в целом?"


def test_the_overall_question_states_satisfaction():
    results = SurveyResults(answers=[
        SurveyAnswers(role=Role.MENTEE, question=OVERALL, scores=[10, 8, 7, 9]),
        SurveyAnswers(role=Role.MENTEE, question="Насколько удобными были время и формат встреч?", scores=[2, 3, 4, 5]),
    ], respondents={"mentee:after": 4})
    (group,) = summarize_survey(results).groups
    assert (group.role, group.stage, group.respondents) == (Role.MENTEE, SurveyStage.AFTER, 4)
    assert group.satisfaction == Decimal("8.5") and group.satisfied_share == Decimal("75.0")


def test_without_it_all_scores_count():
    results = SurveyResults(answers=[SurveyAnswers(role=Role.MENTOR, question="A?", scores=[6, 8]),
                                     SurveyAnswers(role=Role.MENTOR, question="B?", scores=[10])])
    (group,) = summarize_survey(results).groups
    assert group.satisfaction == Decimal("8.0") and group.satisfied_share == Decimal("66.7")
    assert group.respondents == 2  # the largest number of answers to one question


def test_growth_pairs_the_same_question_before_and_after():
    results = SurveyResults(answers=[
        SurveyAnswers(role=Role.MENTEE, stage="до", question="Уверенность?", scores=[4, 5]),
        SurveyAnswers(role=Role.MENTEE, stage="после", question="уверенность?", scores=[7, 8]),
        SurveyAnswers(role=Role.MENTEE, stage="после", question="Только после?", scores=[9]),
    ])
    summary = summarize_survey(results)
    (row,) = summary.growth()
    assert (row.before, row.after, row.change) == (Decimal("4.5"), Decimal("7.5"), Decimal("3.0"))
    assert summary.satisfaction(Role.MENTEE).stage is SurveyStage.AFTER and summary.has_both_stages


def test_an_entry_questionnaire_without_the_overall_question_states_no_satisfaction():
    """Mentees answer the questions about themselves on entry: a starting level, not satisfaction."""
    results = SurveyResults(answers=[
        SurveyAnswers(role=Role.MENTEE, stage="до", question="Уверенность?", scores=[3, 4, 5]),
        SurveyAnswers(role=Role.MENTEE, stage="после", question="Уверенность?", scores=[8, 9, 9]),
        SurveyAnswers(role=Role.MENTEE, stage="после", question=OVERALL, scores=[9, 7, 10]),
    ])
    before, after = summarize_survey(results).groups
    assert (before.stage, before.respondents, before.satisfaction, before.satisfied_share) == (
        SurveyStage.BEFORE, 3, None, None)
    assert (after.satisfaction, after.satisfied_share) == (Decimal("8.7"), Decimal("66.7"))
