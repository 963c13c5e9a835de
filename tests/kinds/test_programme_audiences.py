"""Personalised programmes whose content fits the people in them (issue 13).

Programmes for a pupil group, a reverse pair, a psychologist, a teacher pair with a goal
(OGE), an olympiad with its stage's date and a one-month flash pair, rendered and read back:
the content library each gets, no teacher-only phrase in a pupil's programme, no lesson in a
psychologist's, every task with a working meeting, a regular rhythm, no meeting in a holiday
or on 1 September, the agreement with a man, a woman and a group; every phrase template of
the libraries agreed for all three; the batch saying what the single programme says.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pytest
import yaml
from programme_helpers import ORG, REGISTRY, Doc, assert_clean, render
from typer.testing import CliRunner

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.cli import app
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_organization
from nastavnik_docs.kinds import DocumentWarning, get_kind
from nastavnik_docs.kinds._data import wording
from nastavnik_docs.kinds.programmes import GOAL_PACKS, LIBRARIES, default_holidays, programme_records
from nastavnik_docs.kinds.programmes.schedule import DAYS_OFF, FREQUENCIES, PUBLIC_HOLIDAYS, frequency_key
from nastavnik_docs.ru import agree_with, agreeing_words

KIND = get_kind("programme.personal")
ORG_JSON = load_organization(sample_path("organization.yaml")).model_dump(mode="json", exclude_none=True)

#: Phrases of teachers' programmes that must never reach a pupil's.
TEACHER_ONLY = ("урок", "в профессии", "педагогическом коллективе", "методическ", "аттестац",
                "профессиональных компетенций", "молодого специалиста", "ФГОС", "рабочая программа",
                "классное руководство", "самообразован")


def person(last: str, first: str, middle: str, category: str, post: str, **extra) -> dict:
    return {"last_name": last, "first_name": first, "middle_name": middle, "category": category, "post": post,
            **extra}


NINTH = [person("Орлов", "Денис", "Игоревич", "обучающийся", "9 «А» класс"),
         person("Белова", "Ксения", "Олеговна", "обучающийся", "9 «А» класс"),
         person("Юсупов", "Руслан", "Маратович", "обучающийся", "9 «Б» класс"),
         person("Миронова", "Дарья", "Сергеевна", "обучающийся", "9 «Б» класс")]
MATH_TEACHER = person("Сидорук", "Наталья", "Ивановна", "педагог", "учитель математики", experience_years=22)
PSYCHOLOGIST = person("Гарипова", "Алсу", "Ринатовна", "педагог", "педагог-психолог", experience_years=1)
SENIOR_PSYCHOLOGIST = person("Егорова", "Ирина", "Петровна", "педагог", "педагог-психолог", experience_years=17)
HISTORY_MAN = person("Ильин", "Павел", "Сергеевич", "педагог", "учитель истории", experience_years=0.5)
HISTORY_WOMAN = person("Лаптева", "Олеся", "Андреевна", "педагог", "учитель истории", experience_years=0.5)


def inline(mentor: dict, mentees: list[dict], **fields) -> dict:
    return {"organization": ORG, "mentor": mentor, "mentees": mentees, **fields}


def item(x) -> str:
    """A numbered item as the document prints it: «1. текст;»."""
    return plain(f"{x.number} {x.text}")


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def context(data: dict):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DocumentWarning)
        return KIND.build_context(load_input(KIND, data))


def content_text(doc: Doc) -> str:
    """Everything but the passport (whose posts name the mentor's work)."""
    passport = next(t for t in doc.tables if t and t[0][0] == "Образовательная организация")
    cells = [c for t in doc.tables if t is not passport for r in t for c in r]
    return "\n".join([*doc.paragraphs, *cells])


def _off_days(holidays, years) -> set[dt.date]:
    days = {dt.date(y, m, d) for y in years for m, d in (*PUBLIC_HOLIDAYS, *DAYS_OFF)}
    for h in holidays:
        days |= {h.start + dt.timedelta(days=i) for i in range((h.end - h.start).days + 1)}
    return days


def assert_regular_rhythm(ctx, frequency: str, holidays) -> None:
    """Each regular meeting is the first working day a step after the one before (so a
    meeting moved out of a holiday re-spaces the next ones); a monthly rhythm has a
    meeting in every month; no more fit; no meeting on a day off."""
    plan = ctx.plan
    days = [m.day for m in plan]
    off = _off_days(holidays, range(days[0].year - 1, days[-1].year + 2))
    assert all(d.weekday() < 5 and d not in off for d in days), "a meeting on a day off"
    assert not any((d.month, d.day) == (9, 1) for d in days)
    regular = [m.day for m in plan if m.kind == "regular"]
    anchor = [m.day for m in plan if m.kind != "regular"][-2]  # the last intro meeting
    _, step, unit = FREQUENCIES[frequency_key(frequency)]
    if unit == "weeks":
        def following(day):
            day += dt.timedelta(weeks=step)
            while day.weekday() >= 5 or day in off:
                day += dt.timedelta(days=1)
            return day
        for a, b in zip([anchor, *regular], regular):
            assert b == following(a), (a, b)
        assert following(regular[-1]) > days[-1] - dt.timedelta(days=7)  # the count matches the rhythm
    else:
        months = {(d.year, d.month) for d in days}
        first, last = days[0], days[-1]
        ym = (first.year, first.month)
        while ym <= (last.year, last.month):
            assert ym in months, f"no meeting in {ym}"
            ym = (ym[0] + ym[1] // 12, ym[1] % 12 + 1)
        assert len({(d.year, d.month) for d in regular}) == len(regular)  # one regular meeting a month


def assert_every_task_has_a_meeting(ctx) -> None:
    covered = {n for m in ctx.plan for n in m.tasks}
    assert covered == set(range(1, len(ctx.tasks) + 1))
    for meeting in ctx.plan:
        if meeting.tasks:
            assert re.search(r"\(задач[аи] [\d, ]+\)$", meeting.title)


# --------------------------------------------------------------------------- the five pairs of the issue


def test_a_pupil_group_gets_pupils_content_and_plural_agreement(tmp_path):
    data = inline(MATH_TEACHER, NINTH, format="групповое", goal="подготовка к ОГЭ по математике",
                  start="2026-09-01", end="2027-05-20", frequency="раз в две недели")
    ctx = context(data)
    assert ctx.audience == "pupil_group" and plain(ctx.pair_type) == "учитель – ученик" and ctx.format == "групповое"
    doc = render("programme.personal", data, tmp_path)
    assert_clean(doc)
    text = content_text(doc)
    for phrase in TEACHER_ONLY:
        assert phrase.lower() not in text.lower(), phrase
    # the group's diagnosis first, then the goal's task with its own meetings
    assert item(ctx.tasks[0]) == "1. выявить интересы, трудности и цели каждого участника группы;"
    assert item(ctx.tasks[1]) == "2. подготовить обучающихся к ОГЭ по математике;"
    assert any("ОГЭ по математике" in m.topic for m in ctx.plan if 2 in m.tasks)
    first = [m for m in ctx.plan if m.kind == "regular"][0]
    assert first.tasks == [1]
    assert "обучающегося" not in text and "наставляемого" not in text  # a group is always plural
    assert_every_task_has_a_meeting(ctx)
    assert_regular_rhythm(ctx, "раз в две недели", default_holidays(dt.date(2026, 9, 1), dt.date(2027, 5, 20)))
    passport = doc.passport()
    assert passport["Форма наставничества"] == "учитель – ученик"
    assert passport["Формат наставничества"] == "групповое"


def test_a_reverse_pair_gets_digital_content_not_a_young_teachers(tmp_path):
    data = {"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "4"}
    ctx = context(data)
    assert ctx.audience == "reverse" and ctx.format == "реверсивное"
    doc = render("programme.personal", data, tmp_path)
    text = content_text(doc)
    assert "адаптаци" not in text and "молодого специалиста" not in text and "Посещение уроков" not in text
    assert "ФГИС «Моя школа»" in text and "наставник перенимает методический опыт наставляемого" in text
    assert_every_task_has_a_meeting(ctx)
    assert_regular_rhythm(ctx, "раз в две недели", default_holidays(dt.date(2026, 10, 1), dt.date(2027, 3, 31)))


@pytest.mark.parametrize(("mentee", "her"), [(PSYCHOLOGIST, True), ({**PSYCHOLOGIST, "last_name": "Гарипов",
                                                                    "first_name": "Айдар",
                                                                    "middle_name": "Ринатович"}, False)])
def test_a_psychologist_gets_no_lessons(mentee, her, tmp_path):
    data = inline(SENIOR_PSYCHOLOGIST, [mentee], form="учитель – учитель", start="2026-09-01", end="2027-05-31",
                  frequency="ежемесячно")
    ctx = context(data)
    assert ctx.audience == "psychologist"
    doc = render("programme.personal", data, tmp_path)
    text = content_text(doc)
    assert "урок" not in text.lower()
    assert "диагностик" in text and "консилиум" in text
    assert ctx.goal.text if hasattr(ctx.goal, "text") else ctx.goal
    if her:
        assert "наставляемой как педагога-психолога" in ctx.goal and "освоение ею" in ctx.goal
        assert "наставляемого" not in text and " его " not in text
    else:
        assert "наставляемого как педагога-психолога" in ctx.goal and "освоение им" in ctx.goal
    assert_every_task_has_a_meeting(ctx)
    assert_regular_rhythm(ctx, "ежемесячно", default_holidays(dt.date(2026, 9, 1), dt.date(2027, 5, 31)))


def test_a_group_of_teachers_and_a_psychologist_speaks_of_lessons_and_sessions():
    ctx = context({"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "3"})
    assert ctx.audience == "young_teacher"
    topics = [m.topic for m in ctx.plan]
    assert "Посещение уроков и занятий наставляемых, анализ и самоанализ." in topics
    assert not any(t.startswith("Посещение уроков наставляемых") for t in topics)
    assert item(ctx.tasks[1]) == "2. сформировать умения планировать, проводить и анализировать урок (занятие);"


def test_a_teacher_pair_with_an_oge_goal_gets_oge_meetings(tmp_path):
    data = {"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "2", "frequency": "раз в две недели"}
    ctx = context(data)
    assert ctx.audience == "young_teacher"
    assert item(ctx.tasks[0]) == "1. помочь наставляемому освоить нормативные документы и школьную документацию;"
    assert item(ctx.tasks[1]) == "2. освоить методику подготовки обучающихся к ОГЭ по физике;"
    oge = [m for m in ctx.plan if 2 in m.tasks]
    assert len(oge) >= 2 and all("ОГЭ" in m.topic for m in oge)
    assert "его профессиональных компетенций" not in ctx.goal  # the pair's own goal
    assert item(ctx.results[0]).startswith("1. наставляемый владеет методикой подготовки обучающихся к ОГЭ по физике")
    assert_every_task_has_a_meeting(ctx)
    assert_regular_rhythm(ctx, "раз в две недели", default_holidays(dt.date(2026, 9, 1), dt.date(2027, 5, 31)))


def test_an_olympiad_has_its_meetings_before_the_stage_and_the_review_after():
    data = {"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "5", "key_date": "2027-01-20"}
    ctx = context(data)
    olympiad = [m for m in ctx.plan if 2 in m.tasks]
    before = [m for m in olympiad if m.day < dt.date(2027, 1, 20)]
    after = [m for m in olympiad if m.day >= dt.date(2027, 1, 20)]
    assert item(ctx.tasks[1]) == "2. подготовить обучающегося к олимпиаде по химии;"
    assert len(before) >= 3 and all("олимпиад" in m.topic.lower() for m in before)
    assert [m.topic for m in after] == ["Разбор результатов олимпиады, планы дальнейшей подготовки."]
    assert after[0].day == min(m.day for m in ctx.plan if m.kind == "regular" and m.day >= dt.date(2027, 1, 20))
    assert_every_task_has_a_meeting(ctx)


@pytest.mark.parametrize(("key_date", "message"), [
    ("2026-09-20", "до даты события нет ни одной рабочей встречи"),
])
def test_a_key_date_before_any_meeting_is_refused(key_date, message):
    with pytest.raises(InputError) as info:
        context({"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "5", "key_date": key_date})
    assert info.value.problems[0].field == "key_date" and message in info.value.problems[0].message


def test_a_key_date_without_an_event_is_refused():
    with pytest.raises(InputError, match="не называют события"):
        context({"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "1", "key_date": "2026-01-20"})


@pytest.mark.parametrize(("mentee", "word"), [(HISTORY_MAN, "наставляемого"), (HISTORY_WOMAN, "наставляемой")])
def test_a_one_month_flash_pair_is_compact_and_weekly(mentee, word, tmp_path):
    data = inline(MATH_TEACHER, [mentee], format="флэш-наставничество", goal="подготовка к проведению ОГЭ по истории",
                  start="2027-02-01", end="2027-02-26")
    ctx = context(data)
    kinds = [m.kind for m in ctx.plan]
    assert kinds == ["organisational", "regular", "regular", "final"]
    assert ctx.plan[0].title == "Организационная встреча (знакомство и планирование)"
    assert ctx.frequency == "еженедельно"
    assert item(ctx.tasks[0]) == "1. освоить методику подготовки обучающихся к ОГЭ по истории."
    assert all("ОГЭ" in m.topic for m in ctx.plan if m.kind == "regular")
    assert f"уточнение запроса {word}" in ctx.plan[0].topic
    assert "открытый урок" not in " ".join(r.text for r in ctx.results)  # a month holds no open lesson
    assert_every_task_has_a_meeting(ctx)
    assert_regular_rhythm(ctx, "еженедельно", default_holidays(dt.date(2027, 2, 1), dt.date(2027, 2, 26)))
    doc = render("programme.personal", data, tmp_path)
    assert doc.passport()["Периодичность встреч"] == "еженедельно, всего 4 встречи"
    assert doc.passport()["Формат наставничества"] == "флэш-наставничество"
    # a month about the OGE promises nothing about lessons, documents or methodical work
    said = "\n".join(doc.paragraphs)
    results = said[said.index("5. Ожидаемые результаты"):said.index("Подписи участников")]
    assert "урок" not in results and "документаци" not in results and "методическ" not in results
    who = {"наставляемого": "наставляемый", "наставляемой": "наставляемая"}[word]
    assert f"1. {who} владеет методикой подготовки обучающихся к ОГЭ по истории" in results
    assert "1. выполнение плана встреч (не менее 80 % встреч проведено);" in results


def test_results_reporting_and_criteria_follow_the_tasks_chosen():
    # the sample's own tasks: OGE, lessons, laboratory work, parents — no methodical work
    ctx = context(load_input(KIND, sample_path("programmes/personal.yaml")).model_dump())
    lesson = [m.topic for m in ctx.plan if 2 in m.tasks]
    assert lesson[0].startswith("Планирование урока") and not any("Нормативные документы" in t for t in lesson)
    texts = [item(x) for x in (*ctx.results, *ctx.reporting, *ctx.criteria)]
    assert "2. наставляемый самостоятельно планирует, проводит и анализирует уроки." in texts
    assert not any("методическ" in t or "документацию" in t for t in texts)
    # a task in words no library knows: the general result, never an empty list
    custom = context(inline(MATH_TEACHER, [HISTORY_MAN], form="учитель – учитель", start="2026-10-05",
                            end="2027-01-29", tasks=["освоить приёмы организации экскурсий"]))
    assert [item(x) for x in custom.results] == [
        "1. задачи программы выполнены, цель программы достигнута (по оценке наставника и куратора)."]


def test_an_olympiad_goal_is_not_promised_twice():
    ctx = context({"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "5", "key_date": "2027-01-20"})
    results = [item(x) for x in ctx.results]
    assert results[0] == "1. обучающийся принял участие в олимпиаде по химии;"
    assert not any("олимпиаде, конкурсе или защите проекта" in r for r in results)


def test_a_pupils_adaptation_goal_gets_its_task_and_meetings(tmp_path):
    data = {"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "6"}
    ctx = context(data)
    assert ctx.audience == "pupil_group" and ctx.goal == "Адаптация к обучению в основной школе."
    assert item(ctx.tasks[1]) == "2. помочь наставляемым адаптироваться к новым условиям обучения;"
    assert any("расписание, кабинеты, учителя-предметники" in m.topic for m in ctx.plan if 2 in m.tasks)
    assert item(ctx.results[0]).startswith("1. наставляемые успешно адаптированы к новым условиям обучения")
    assert_every_task_has_a_meeting(ctx)
    doc = render("programme.personal", data, tmp_path)
    for phrase in TEACHER_ONLY:
        assert phrase.lower() not in content_text(doc).lower(), phrase


# --------------------------------------------------------------------------- calendar


def test_the_default_calendar_keeps_meetings_out_of_the_breaks():
    holidays = default_holidays(dt.date(2026, 9, 1), dt.date(2027, 5, 31))
    assert [(h.title, h.start, h.end) for h in holidays] == [
        ("осенние каникулы", dt.date(2026, 10, 24), dt.date(2026, 11, 1)),
        ("зимние каникулы", dt.date(2026, 12, 31), dt.date(2027, 1, 11)),
        ("весенние каникулы", dt.date(2027, 3, 27), dt.date(2027, 4, 4)),
    ]
    ctx = context({"organization": ORG, "registry": REGISTRY.model_dump(), "pair": "2", "frequency": "еженедельно"})
    assert not [m.day for m in ctx.plan for h in holidays if h.start <= m.day <= h.end]
    assert ctx.plan[0].day == dt.date(2026, 9, 2)


def test_a_monthly_rhythm_never_skips_a_month_round_a_holiday():
    # planning on 29 October: the nominal 29 December … and a holiday round the turn of the year
    data = inline(MATH_TEACHER, [HISTORY_WOMAN], form="учитель – учитель", start="2026-10-15", end="2027-04-30",
                  frequency="раз в месяц", holidays=[{"start": "2026-12-21", "end": "2027-01-11"}])
    ctx = context(data)
    assert_regular_rhythm(ctx, "раз в месяц", [])
    december = [m.day for m in ctx.plan if m.day.month == 12]
    assert december and all(d < dt.date(2026, 12, 21) for d in december)


def test_summer_meetings_are_reported_and_reach_the_cli(tmp_path):
    data = inline(MATH_TEACHER, [NINTH[0]], form="учитель – ученик", start="2027-03-01", end="2027-06-25",
                  holidays=[])
    ctx = context(data)
    [warning] = ctx.warnings
    assert "летние каникулы обучающихся (27.05.2027–31.08.2027)" in warning and "Встречи №" in warning
    with pytest.warns(DocumentWarning, match="летние каникулы"):
        nd.render("programme.personal", data, tmp_path / "a.docx")
    source = tmp_path / "in.yaml"
    source.write_text(yaml.safe_dump({**data, "organization": ORG_JSON}, allow_unicode=True), "utf-8")
    result = CliRunner().invoke(app, ["render", "programme.personal", str(source), "-o", str(tmp_path / "b.docx")])
    assert result.exit_code == 0, result.output
    assert "Предупреждение: Встречи №" in result.output
    # a teachers' pair works in June: no warning until the staff's leave in July
    assert not context(inline(MATH_TEACHER, [HISTORY_MAN], form="учитель – учитель", start="2027-03-01",
                              end="2027-06-25", holidays=[])).warnings


# --------------------------------------------------------------------------- the libraries as data


def _library_texts():
    for key, library in LIBRARIES.items():
        texts = [library.goal, *(t.text for t in library.tasks), *(t.mixed or "" for t in library.tasks)]
        texts += [tp.text for t in library.tasks for tp in t.topics] + [tp.mixed or "" for t in library.tasks
                                                                        for tp in t.topics]
        texts += [e.text for e in (*library.results, *library.reporting, *library.criteria)]
        texts += [e.mixed or "" for e in (*library.results, *library.reporting, *library.criteria)]
        yield from ((key, t) for t in texts if t)
    for key, pack in GOAL_PACKS.items():
        for part in pack.texts.values():
            texts = [part.task, part.result, *(t.text for t in part.topics), part.after.text if part.after else ""]
            yield from ((key, t.replace("{предмет}", "")) for t in texts if t)
    # the fixed meetings of every programme and the awards' statements
    programmes = wording("nastavnik_docs.kinds.programmes", "programmes.yaml")
    for meeting in (*programmes["intro_meetings"], programmes["final_meeting"], programmes["compact_intro"]):
        yield "programmes.yaml", " ".join(meeting["topic"].split())
    awards = wording("nastavnik_docs.kinds", "awards.yaml")
    for key in ("curator_statement", "participant_statement"):
        yield "awards.yaml", " ".join(awards[key].split()).replace("{event}", "в программе")


_PERSON_WORDS = re.compile(r"(?<![{\w])(наставляем(?:ый|ого|ому|ым)|обучающ(?:ийся|его(?:ся)?|ему(?:ся)?)|его|ему|"
                           r"него|нему|ним|её|ею|ей)(?![\w}])")


@pytest.mark.parametrize(("key", "text"), list(_library_texts()))
def test_every_phrase_template_agrees_with_a_man_a_woman_and_a_group(key, text):
    forms = [agree_with(text, who) for who in ("masc", "femn", "plur")]
    assert not any("{" in f or "}" in f for f in forms)
    outside = re.sub(r"\{[^{}]*\}", "", text)
    assert not _PERSON_WORDS.search(outside), f"{key}: a word about the mentee outside braces: {text}"
    if agreeing_words([text]):
        assert forms[0] != forms[2], f"{key}: the plural reads as the singular: {text}"
    assert not re.search(r"\b(наставляемого|наставляемому|наставляемый|его|ему)\b", forms[1]) or \
        re.search(r"\b(его|ему)\b", outside), forms[1]


def test_each_library_speaks_to_its_audience():
    pupils = [k for k, lib in LIBRARIES.items() if lib.who == "learners"]
    assert sorted(pupils) == ["employer", "pupil_group", "pupil_pair", "student_pupil", "teacher_pupil"]
    for key in pupils:
        text = " ".join(t for k, t in _library_texts() if k == key).lower()
        for phrase in TEACHER_ONLY:
            assert phrase.lower() not in text, (key, phrase)
    for key in ("psychologist", "speech_therapist", "librarian"):
        text = " ".join(t for k, t in _library_texts() if k == key).lower()
        assert "урок" not in text, key


# --------------------------------------------------------------------------- the batch


def test_the_batch_programme_of_a_pair_says_what_its_single_programme_says():
    common = {"organization": ORG, "frequency": "раз в две недели", "curator": "У10"}
    records = programme_records(REGISTRY, common)
    active = [p for p in REGISTRY.pairs if p.status.value == "active"]
    assert len(records) == len(active)
    for pair, record in zip(active, records):
        single = context({**common, "registry": REGISTRY.model_dump(), "pair": pair.id})
        batch = context(record)
        assert _said(batch) == _said(single), pair.id


def _said(ctx) -> dict:
    """What a programme prints: its fields with the people as their printed forms."""
    data = ctx.model_dump()
    data["mentor"] = [ctx.mentor.nominative, ctx.mentor.post.nominative]
    data["mentees"] = [[m.nominative, m.post.nominative if m.post else ""] for m in ctx.mentees]
    return data
