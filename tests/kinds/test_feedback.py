"""The monitoring questionnaire (``form.feedback``, issue 13): anonymous by default, a matching
pair of forms at the start and at the end, «ты» for a pupil and «вы» for an adult, and a
finished pair's own school year with the class its pupil was in then."""

from __future__ import annotations

import pytest
from test_questionnaires import FEEDBACK, NB, ORG, REG, Form, render, sample

from nastavnik_docs.batch import records_from_source
from nastavnik_docs.kinds.questionnaires import class_in_year, question_sets, question_text


def _questions(form: Form) -> list[str]:
    return [q.split(" ", 1)[1] for q in form.questions]


def test_the_survey_is_anonymous_by_default(tmp_path):
    form = render(FEEDBACK, sample("feedback"), tmp_path)
    text = "\n".join(form.paragraphs + form.cells)
    assert "Мамедов" not in text and "Эльдар" not in text and "Сидорук" not in text
    assert "Фамилия, имя, отчество" not in text and "Телефон" not in text and "Должность" not in text
    assert form.field("Роль в программе") == "наставляемый"
    assert form.field("Форма наставничества") == f"учитель{NB}– учитель"
    assert "2026/2027 учебный год" in form.paragraphs  # the pair's year, from the registry
    assert "Уважаемый участник программы наставничества!" in form.paragraphs
    assert any("Анкета анонимная: не пишите в ней свою фамилию" in p for p in form.paragraphs)
    assert [p for p in form.paragraphs if p.startswith("Дата заполнения:")]
    assert "____________________" not in form.cells  # no signature
    assert not form.cells or not any("(подпись)" in c for c in form.cells)


@pytest.mark.parametrize(("role", "category", "key"), [
    ("наставляемый", "педагог", "feedback_mentee"), ("наставник", "педагог", "feedback_mentor"),
    ("наставляемый", "обучающийся", "feedback_mentee_pupil"), ("наставник", "обучающийся", "feedback_mentor_pupil"),
])
def test_before_and_after_share_their_first_questions_word_for_word(role, category, key, tmp_path):
    data = {"organization": ORG, "role": role, "category": category, "school_year": 2026}
    before = render(FEEDBACK, {**data, "stage": "входная"}, tmp_path / "a")
    after = render(FEEDBACK, {**data, "stage": "итоговая"}, tmp_path / "b")
    both = [q.text for q in question_sets()[key].questions if q.stage == "both"]
    assert len(both) >= 4
    assert _questions(before)[:len(both)] == _questions(after)[:len(both)] == [
        question_text(t, learner=False).replace(" – ", f"{NB}– ") for t in both]
    assert len(before.scales) >= len(both) and len(after.scales) > len(before.scales)
    assert any("входная" in p for p in before.paragraphs) and any("итоговая" in p for p in after.paragraphs)
    only_after = [q.text for q in question_sets()[key].questions if q.stage == "after"]
    assert not set(only_after) & set(_questions(before))


def test_a_pupil_is_addressed_as_ty_and_an_adult_as_vy(tmp_path):
    pupil = render(FEEDBACK, {"organization": ORG, "role": "наставляемый", "category": "обучающийся"}, tmp_path / "p")
    adult = render(FEEDBACK, {"organization": ORG, "role": "наставляемый", "category": "педагог"}, tmp_path / "a")
    pupil_text = " ".join(pupil.paragraphs)
    assert "Дорогой друг!" in pupil.paragraphs and "(оцени от 1 до 10" in pupil_text
    assert " вы " not in f" {pupil_text.lower()} " and " вам " not in f" {pupil_text.lower()} "
    assert "Уважаемый участник программы наставничества!" in adult.paragraphs and "(оцените от 1 до 10" in " ".join(
        adult.paragraphs)
    assert " ты " not in f" {' '.join(adult.paragraphs).lower()} "
    named = render(FEEDBACK, {"organization": ORG, "registry": REG, "participant": "У27", "role": "наставляемый",
                              "anonymous": False}, tmp_path / "n")
    assert "Дорогая Алина!" in named.paragraphs and named.field("Класс") == "6 «А»"


def test_a_finished_pair_shows_its_own_year_and_the_class_then(tmp_path):
    common = {"organization": ORG, "school_year": 2026, "anonymous": False}
    records = records_from_source(FEEDBACK, REG, common=common)
    sofia = next(r for r in records if r["respondent"]["last_name"] == "Кузнецова")  # pair 7, 2025/2026
    assert sofia["school_year"] == 2025 and sofia["respondent"]["post"] == "6 «Б» класс"
    form = render(FEEDBACK, sofia, tmp_path)
    assert "2025/2026 учебный год" in form.paragraphs and form.field("Класс") == "6 «Б»"
    assert form.field("Фамилия, имя, отчество") == "Кузнецова Софья Максимовна"
    current = next(r for r in records if r["respondent"]["last_name"] == "Ким")  # pair 12, 2026/2027
    assert current["school_year"] == 2026 and current["respondent"]["post"] == "6 «А» класс"


@pytest.mark.parametrize(("post", "back", "expected"), [
    ("7 «Б» класс", 1, "6 «Б» класс"), ("11 «А» класс", 2, "9 «А» класс"), ("10Б класс", 1, "9Б класс"),
    ("1 «А» класс", 1, "1 «А» класс"), ("учитель физики", 1, "учитель физики"), ("5 «В» класс", 0, "5 «В» класс"),
])
def test_class_in_an_earlier_year(post, back, expected):
    assert class_in_year(post, back) == expected


@pytest.mark.parametrize(("participant", "expected"), [
    ("У21", ["Насколько хорошо ты понимаешь, в чём нужна помощь твоим наставляемым?",
             "Насколько комфортно тебе было работать с наставляемыми?", "Насколько заметны успехи твоих наставляемых?"]),
    (None, ["Насколько хорошо ты понимаешь, в чём нужна помощь твоему наставляемому (твоим наставляемым)?",
            "Насколько комфортно тебе было работать с наставляемым (наставляемыми)?",
            "Насколько заметны успехи твоего наставляемого (твоих наставляемых)?"]),
])
def test_a_pupil_mentor_is_asked_about_one_mentee_or_a_group(participant, expected, tmp_path):
    data = {"organization": ORG, "role": "наставник", "stage": "итоговая", "school_year": 2026}
    data |= {"registry": REG, "participant": participant} if participant else {"category": "обучающийся"}
    asked = _questions(render(FEEDBACK, data, tmp_path))
    assert [q for q in asked if "наставляем" in q] == expected
    one = _questions(render(FEEDBACK, {**data, "registry": REG, "participant": "У15"}
                            if participant else {**data, "group": False}, tmp_path / "one"))
    assert "Насколько заметны успехи твоего наставляемого?" in one and not any("(" in q for q in one)
