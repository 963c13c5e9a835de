"""Faults a reviewer found in signed personalised programmes, each fixed as a rule.

* Every teacher of a pair shows the pedagogical experience on the pair's start, the mentee
  as much as the mentor (a reverse pair's 38-year veteran is not «any mentee»), with the
  numeral agreeing («1 год», «3 года», «38 лет») and a line to write it in when unknown.
* A task with fewer topics than meetings gets distinct follow-up meetings (practice,
  analysis, consolidation), never one topic twice with «(продолжение)».
"""

from __future__ import annotations

import warnings

import pytest
from programme_helpers import ORG, REGISTRY, assert_clean, render

NBSP = "\u00a0"


def teacher(last: str, first: str, middle: str, post: str, **experience) -> dict:
    return {"last_name": last, "first_name": first, "middle_name": middle, "category": "педагог", "post": post,
            **experience}


MENTOR = teacher("Зорина", "Вера", "Павловна", "учитель биологии", experience_years=15)


def pair(mentee: dict, **fields) -> dict:
    return {"organization": ORG, "mentor": MENTOR, "mentees": [mentee], "form": "учитель – учитель",
            "start": "2026-10-05", "end": "2027-01-29", **fields}


def test_the_reverse_pairs_veteran_shows_38_years(tmp_path):
    doc = render("programme.personal", {"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "4"},
                 tmp_path)
    passport = doc.passport()
    assert passport["Наставляемый"] == "Семёнов Пётр Алексеевич, учитель географии, педагогический стаж 38 лет"
    assert passport["Наставник"].endswith("учитель физики и информатики, педагогический стаж 1 год")


@pytest.mark.parametrize(("experience", "shown"), [
    ({"experience_years": 1}, "педагогический стаж 1 год"),
    ({"experience_years": 3, "experience_as_of": "2026-09-01"}, "педагогический стаж 3 года"),
    ({"experience_since": "2021-09-01"}, "педагогический стаж 5 лет"),
    ({"experience_years": 0.5}, "педагогический стаж менее 1 года"),
    ({}, "педагогический стаж ____________"),
])
def test_a_teacher_mentees_experience_agrees_with_its_number(experience, shown, tmp_path):
    mentee = teacher("Ильин", "Павел", "Сергеевич", "учитель истории", **experience)
    doc = render("programme.personal", pair(mentee), tmp_path)
    assert_clean(doc)
    assert doc.passport()["Наставляемый"] == f"Ильин Павел Сергеевич, учитель истории, {shown}"


def test_a_mentor_without_experience_gets_a_line_and_a_pupil_no_experience(tmp_path):
    mentor = {k: v for k, v in MENTOR.items() if k != "experience_years"}
    pupil = {"last_name": "Ильин", "first_name": "Павел", "middle_name": "Сергеевич", "category": "обучающийся",
             "post": "8 «В» класс"}
    doc = render("programme.personal", pair(pupil, mentor=mentor, form="учитель – ученик"), tmp_path)
    passport = doc.passport()
    assert passport["Наставник"] == "Зорина Вера Павловна, учитель биологии, педагогический стаж ____________"
    assert passport["Наставляемый"] == "Ильин Павел Сергеевич, обучающийся 8 «В» класса"


# --------------------------------------------------------------------------- distinct meetings


def _topics(doc) -> list[str]:
    return [r[1].split("\n", 1)[1] for r in doc.table("№ п/п", "Встреча и её тема")]


@pytest.mark.parametrize("index", range(1, len(REGISTRY.pairs) + 1))
def test_a_weekly_programme_never_repeats_a_topic(index, tmp_path):
    """Weekly, every pair of the sample registry has more meetings than its tasks have topics
    (up to 33 for 5 tasks): each topic is followed by its practice, analysis and consolidation."""
    data = {"organization": ORG, "registry": REGISTRY.model_dump(), "pair_index": index, "frequency": "еженедельно"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = render("programme.personal", data, tmp_path)
    assert_clean(doc)
    topics = _topics(doc)
    assert "продолжение" not in doc.all
    assert len(topics) == len(set(topics)), [t for t in topics if topics.count(t) > 1]
    # the rhythm is kept: every regular date of the schedule has its meeting
    assert not [w for w in caught if "Темам задач хватает" in str(w.message)]


@pytest.mark.parametrize(("pair", "who", "wording"), [
    ("4", "teachers", "Анализ выполненных заданий и опыта применения по теме «ФГИС „Моя школа“»."),
    ("12", "learners", "Разбор выполненных заданий по теме «"),
])
def test_follow_ups_speak_to_the_audience(pair, who, wording, tmp_path):
    doc = render("programme.personal", {"organization": ORG, "registry": REGISTRY.model_dump(), "pair": pair,
                                        "frequency": "еженедельно"}, tmp_path)
    assert any(t.startswith(wording) for t in _topics(doc)), who
