"""Every rule of the analysis: when it speaks, what it says, and when it keeps silent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from nastavnik_docs.models import CoverageTable, Role, SurveyAnswers, SurveyResults, SurveyStage, TableLine, Target
from nastavnik_docs.stats import (
    COVERAGE_FORM,
    RULES,
    AnalysisFigures,
    EarlyEnd,
    analyse,
    share,
    summarize_survey,
)

NB = "\u00a0"


def table(name: str = "Школа", **figures: tuple) -> CoverageTable:
    """A table with every line 0 but the given ones: code=(count, denominator) or, in sections
    3–4, (pairs, mentors, mentees). Shares are computed as the form does."""
    lines = {}
    for code in COVERAGE_FORM.codes():
        values = figures.get(f"c{code}", (0,))
        graphs = {3: Decimal(values[0])}
        if len(values) > 1 and values[1] is not None:
            graphs[4] = Decimal(values[1])
            if code < "30":
                graphs[5] = share(values[0], values[1])
            else:
                graphs[5] = Decimal(values[2])
        lines[code] = TableLine(code=code, graphs=graphs)
    return CoverageTable(organization=name, period_start=date(2026, 9, 1), period_end=date(2027, 8, 31),
                         form=COVERAGE_FORM.form, version=COVERAGE_FORM.version, lines=lines)


PUPILS = Target(indicator="охват обучающихся", value=Decimal(10), year=2027, measure="pupils")
TEACHERS = Target(indicator="охват педагогов", value=Decimal(15), year=2027, measure="teachers")
YOUNG = Target(indicator="охват молодых специалистов", value=Decimal(100), measure="young_specialists")
EARLY = Target(indicator="досрочно прекращённые", comparison="не более", value=Decimal(10), measure="early_ends")


def rules_of(figures: AnalysisFigures) -> dict[str, list[str]]:
    analysis = analyse(figures)
    out: dict[str, list[str]] = {}
    for s in (*analysis.conclusions, *analysis.recommendations):
        out.setdefault(s.rule, []).append(s.text)
    return out


def test_every_rule_has_its_wording():
    from nastavnik_docs.stats import _analysis  # the wording file is the rules' data

    texts = _analysis.wording()["rules"]
    assert set(RULES) == {"targets", "all_targets_met", "pupils_under_covered", "pupil_mentors_absent",
                          "young_not_covered", "early_ends", "formats_narrow", "unknown_data", "satisfaction",
                          "growth", "compared", "organisations_below", "files_failed"}
    assert {"target_met", "target_missed", "target_no_data", "target_exceeded", "early_ends_many",
            "satisfaction_medium", "compared_decline", "survey_missing"} <= set(texts)


def test_target_met_and_missed_with_the_people_missing():
    said = rules_of(AnalysisFigures(table(c02=(30, 640), c04=(10, 48), c08=(20,), c15=(10,),
                                          c31=(3, 3, 6)), [PUPILS, TEACHERS]))
    missed, met = said["target_missed"][0], said["target_met"][0]
    assert missed.startswith(f"Целевой показатель «охват обучающихся» не достигнут: 4,7{NB}% при плановом "
                             f"значении не менее 10{NB}% (до плана не хватает 34{NB}чел.)")
    assert f"наставляемые{NB}– 20, наставники{NB}– 10" in missed and f"«ученик{NB}– ученик»{NB}– 3" in missed
    assert met == f"Целевой показатель «охват педагогов» достигнут: 20,8{NB}% при плановом значении не менее 15{NB}%."
    (advice,) = [t for t in said["target_missed"][1:]]
    assert advice.startswith(f"Вовлечь в программы наставничества ещё не менее 34{NB}чел. из числа обучающихся "
                             f"до конца 2027{NB}г.")


def test_a_target_without_its_head_count_asks_for_it():
    said = rules_of(AnalysisFigures(table(c02=(30,)), [PUPILS]))
    assert said["target_no_data"][0] == ("Показатель «охват обучающихся» не рассчитан: не указана численность "
                                         "обучающихся в организации.")
    assert "target_met" not in said and "all_targets_met" not in said


def test_a_ceiling_exceeded_gives_its_reasons():
    ends = [EarlyEnd("3", date(2027, 1, 1), "болезнь наставника"), EarlyEnd("4", None, "Болезнь наставника."),
            EarlyEnd("7", None, None)]
    said = rules_of(AnalysisFigures(table(c21=(10,), c25=(3, 10)), [EARLY], early_ends=ends))
    assert said["target_exceeded"][0].endswith("Причины: болезнь наставника (2); причина не указана.")


def test_all_targets_met():
    said = rules_of(AnalysisFigures(table(c02=(70, 640), c04=(10, 48), c08=(50,), c15=(20,)), [PUPILS, TEACHERS]))
    assert said["all_targets_met"][0] == "Все целевые показатели (2) в организации достигнуты."
    assert said["all_targets_met"][1].startswith("Обобщить и представить опыт")
    assert "target_missed" not in said


@pytest.mark.parametrize(("pupils", "teachers", "speaks"), [((20, 640), (10, 48), True), ((140, 640), (10, 48), False),
                                                            ((60, 640), (5, 48), False)])
def test_pupils_under_covered_compares_with_teachers(pupils, teachers, speaks):
    said = rules_of(AnalysisFigures(table(c02=pupils, c04=teachers, c15=(4,), c08=(16,))))
    assert ("pupils_under_covered" in said) is speaks
    if speaks:
        assert said["pupils_under_covered"][0] == (f"Обучающиеся охвачены наставничеством слабее педагогов: 3,1{NB}% "
                                                   f"против 20,8{NB}%; обучающихся-наставников{NB}– 4 из 20 "
                                                   f"обучающихся-участников.")


def test_pupil_mentors_absent():
    assert "pupil_mentors_absent" in rules_of(AnalysisFigures(table(c08=(5,))))
    assert "pupil_mentors_absent" not in rules_of(AnalysisFigures(table(c08=(5,), c15=(1,))))


def test_young_not_covered_only_without_a_target_on_them():
    figures = AnalysisFigures(table(c12=(3, 5)), unknown_young=2)
    said = rules_of(figures)
    assert said["young_not_covered"][0] == (f"Молодых специалистов, обеспеченных наставниками,{NB}– 3 из 5; "
                                            f"педагогов-наставляемых без стажа или даты рождения{NB}– 2.")
    assert said["young_not_covered"][1].endswith(f"(не охвачено: 2 молодых специалиста), до 1{NB}октября 2027{NB}г.")
    assert "young_not_covered" not in rules_of(AnalysisFigures(table(c12=(3, 5)), [YOUNG]))


@pytest.mark.parametrize(("ended", "rule"), [(3, "early_ends_many"), (1, "early_ends_few"), (0, None)])
def test_early_ends_by_their_share(ended, rule):
    said = rules_of(AnalysisFigures(table(c21=(10,), c25=(ended, 10)),
                                    early_ends=[EarlyEnd(str(i), None, "переезд") for i in range(ended)]))
    assert {"early_ends_many", "early_ends_few"} & set(said) == ({rule} if rule else set())
    if rule == "early_ends_many":
        assert said[rule][0] == f"Досрочно прекращённых пар и групп{NB}– 3 из 10 (30{NB}%). Причины: переезд (3)."
        assert said[rule][1].startswith("Проанализировать причины досрочного прекращения")


def test_formats_narrow():
    narrow = rules_of(AnalysisFigures(table(c21=(5,), c41=(4, 4, 4), c42=(1, 1, 3))))
    assert narrow["formats_narrow"][0] == ("Используются только 2 формата: «традиционное (один на один)» и "
                                           "«групповое».")
    wide = rules_of(AnalysisFigures(table(c21=(5,), c41=(3, 3, 3), c42=(1, 1, 3), c43=(1, 1, 1))))
    assert "formats_narrow" not in wide


def test_unknown_data():
    said = rules_of(AnalysisFigures(table(), unknown_ages=3))
    assert said["unknown_data"][0] == f"Данные базы наставников и наставляемых неполны: обучающихся и студентов без даты рождения{NB}– 3."
    assert "unknown_data" not in rules_of(AnalysisFigures(table()))


def survey(mentor_after, mentee_before=(), mentee_after=()):
    answers = [SurveyAnswers(role=Role.MENTOR, question="Насколько вы удовлетворены участием в целом?",
                             scores=list(mentor_after))]
    if mentee_before:
        answers.append(SurveyAnswers(role=Role.MENTEE, stage=SurveyStage.BEFORE, question="Уверенность?",
                                     scores=list(mentee_before)))
    if mentee_after:
        answers.append(SurveyAnswers(role=Role.MENTEE, question="Уверенность?", scores=list(mentee_after)))
    return summarize_survey(SurveyResults(answers=answers))


@pytest.mark.parametrize(("scores", "rule"), [((9, 8, 10), "satisfaction_high"), ((7, 8, 7), "satisfaction_medium"),
                                              ((5, 6, 7), "satisfaction_low")])
def test_satisfaction_levels(scores, rule):
    said = rules_of(AnalysisFigures(table(), survey=survey(scores)))
    assert {"satisfaction_high", "satisfaction_medium", "satisfaction_low"} & set(said) == {rule}
    assert f"наставники{NB}– {sum(scores) / 3:.1f}".replace(".", ",") in said[rule][0]


def test_no_survey_asks_for_one_in_a_school_only():
    assert "survey_missing" in rules_of(AnalysisFigures(table()))
    assert "survey_missing" not in rules_of(AnalysisFigures(table(), scope="municipality"))


def test_growth_before_and_after():
    grown = rules_of(AnalysisFigures(table(), survey=survey((9,), (5, 6), (8, 8))))
    assert grown["growth_positive"] == [f"По итогам программы оценки наставляемых выросли: «Уверенность?»{NB}– с 5,5 до "
                                        f"8,0 (+2,5)."]
    flat = rules_of(AnalysisFigures(table(), survey=survey((9,), (7, 7), (7, 7))))
    assert "growth_absent" in flat and "growth_positive" not in flat
    assert "growth_positive" not in rules_of(AnalysisFigures(table(), survey=survey((9,))))


def test_comparison_with_the_previous_period():
    previous = table(c01=(30,), c21=(12,), c04=(6, 48))
    said = rules_of(AnalysisFigures(table(c01=(25,), c21=(14,), c04=(10, 48)), previous=previous,
                                    previous_label="2025/2026 учебным годом"))
    assert said["compared"][0].startswith(f"По сравнению с 2025/2026 учебным годом: участников{NB}– 25 (было 30, "
                                          f"–5); пар и групп{NB}– 14 (было 12, +2)")
    assert f"охват педагогов{NB}– 20,8{NB}% (было 12,5{NB}%, +8,3{NB}п.{NB}п.)" in said["compared"][0]
    assert said["compared_decline"][0].startswith("Выяснить причины снижения численности участников")


def test_organisations_below_and_failed_files():
    orgs = [table("Школа № 1", c02=(10, 400)), table("Школа № 2", c02=(90, 500))]
    said = rules_of(AnalysisFigures(table(c02=(100, 900)), [PUPILS], scope="municipality", organisations=orgs,
                                    failed=2))
    assert said["organisations_below"][0] == (f"Показатель «охват обучающихся» ниже планового значения в "
                                              f"организациях (1): Школа №{NB}1 (2,5{NB}%).")
    assert f"(1: Школа №{NB}1)" in said["organisations_below"][1]
    assert said["files_failed"][0].startswith("Не приняты сведения из файлов (2)")


def test_an_authority_addresses_the_organisations():
    """The same rule speaks in a school's voice and, in an authority's report, to the schools."""
    figures = {"c02": (10, 900), "c04": (30, 100), "c08": (10,)}
    school = rules_of(AnalysisFigures(table(**figures), [PUPILS]))
    authority = rules_of(AnalysisFigures(table(**figures), [PUPILS], scope="municipality"))
    assert school["target_missed"][1].startswith("Вовлечь в программы наставничества ещё не менее 80")
    assert authority["target_missed"][1].startswith("Руководителям образовательных организаций обеспечить "
                                                    "вовлечение в программы наставничества ещё не менее 80")
    assert authority["pupils_under_covered"][1].startswith("Рекомендовать образовательным организациям")
    assert school["target_missed"][0] == authority["target_missed"][0]  # a conclusion states the same figures
