"""The monitoring form speaks to its respondent: «работе» to an employee, «учёбе» to a
pupil or a student, both on a blank; the mentor's questions about the mentees in the plural
for a group. The blank's wording is the survey workbook's column header."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from test_questionnaires import FEEDBACK, ORG, REG, Form, render

from nastavnik_docs._resources import templates_dir
from nastavnik_docs.kinds.questionnaires import question_sets, question_text

WORK = ("Насколько уверенно вы чувствуете себя в своей {}?", "Насколько вы довольны своими результатами в {}?")


def _text(form: Form) -> str:
    return "\n".join(q.split(" ", 1)[1] for q in form.questions)


@pytest.mark.parametrize(("category", "word"), [
    ("педагог", "работе"), ("другое", "работе"), ("представитель работодателя", "работе"),
    ("студент", "учёбе"), (None, "работе (учёбе)"),
])
def test_an_adult_mentee_is_asked_about_work_or_study(category, word, tmp_path):
    data = {"organization": ORG, "role": "наставляемый", "stage": "итоговая", **({"category": category}
                                                                                  if category else {})}
    text = _text(render(FEEDBACK, data, tmp_path))
    for question in WORK:
        assert question.format(word) in text
    if word == "работе":
        assert "учёб" not in text
    if word == "учёбе":
        assert "работе" not in text


def test_a_teacher_from_the_registry_is_asked_about_work(tmp_path):
    form = render(FEEDBACK, {"organization": ORG, "registry": REG, "participant": "У04", "role": "наставляемый",
                             "anonymous": False}, tmp_path)
    assert "учёб" not in _text(form) and WORK[0].format("работе") in _text(form)


@pytest.mark.parametrize(("participant", "plural"), [("У06", True), ("У02", False)])
def test_a_group_mentor_is_asked_about_the_mentees_in_the_plural(participant, plural, tmp_path):
    """Pair 3 is a group of three young teachers, pair 2 one mentee."""
    form = render(FEEDBACK, {"organization": ORG, "registry": REG, "participant": participant, "role": "наставник"},
                  tmp_path)
    text = _text(form)
    group = ("Насколько заметен прогресс наставляемых за время программы?",
             "Насколько активно наставляемые выполняли задания и рекомендации?",
             "Насколько хорошо вы понимаете трудности и запросы наставляемых?",
             "Насколько комфортно вам было работать с наставляемыми?")
    one = ("Насколько заметен прогресс наставляемого за время программы?",
           "Насколько активно наставляемый выполнял задания и рекомендации?",
           "Насколько хорошо вы понимаете трудности и запросы наставляемого?",
           "Насколько комфортно вам было работать с наставляемым?")
    for want, not_want in zip(*((group, one) if plural else (one, group))):
        assert want in text and not_want not in text
    assert "(наставляем" not in text  # a known pair gets one form, not both


def test_the_workbook_headers_are_the_blank_forms_questions():
    workbook = load_workbook(templates_dir() / "xlsx" / "survey_results.xlsx")
    sets = question_sets()
    for sheet, key in (("Наставники", "feedback_mentor"), ("Наставляемые", "feedback_mentee")):
        headers = [c.value for c in workbook[sheet][1]][2:]
        assert headers == [question_text(q.text) for q in sets[key].questions if q.scale]
        assert not any(ch in h for h in headers for ch in "{}[]|")
    mentors = [c.value for c in workbook["Наставники"][1]]
    assert "Насколько заметен прогресс наставляемого (наставляемых) за время программы?" in mentors
    assert "Насколько уверенно вы чувствуете себя в своей работе (учёбе)?" in [c.value for c in
                                                                              workbook["Наставляемые"][1]]
