"""The personalised mentoring programme (``programme.personal``) rendered and read back.

Title, people in the right forms, form of mentoring, period, the meeting plan (dates
inside the period, in order, the first organisational and the last final), numbering,
signatures, nothing left unfilled; the plan given by hand, own topics, the batch over the
registry, bad inputs naming the field.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from programme_helpers import (
    HOLIDAYS,
    ORG,
    REGISTRY,
    Doc,
    assert_clean,
    assert_plan_table_layout,
    inline_pair,
    render,
    sample,
)

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import records_from_source
from nastavnik_docs.errors import InputError
from nastavnik_docs.kinds import DocumentWarning, get_kind
from nastavnik_docs.kinds.programmes import agree_mentees, default_holidays, spread
from nastavnik_docs.models import PairStatus
from nastavnik_docs.ru import person_forms

PERSONAL_CASES = [
    pytest.param(
        lambda: sample("personal"),
        dict(subtitle="для наставляемого Мамедова Эльдара Рашид оглы",
             mentor="Сидорук Наталья Ивановна, учитель математики, педагогический стаж 22 года",
             mentees_label="Наставляемый", mentees=["Мамедов Эльдар Рашид оглы, учитель физики и информатики, педагогический стаж 1 год"],
             form="учитель – учитель", period="с 1 сентября 2026 г. по 31 мая 2027 г. (9 месяцев)",
             start=dt.date(2026, 9, 1), end=dt.date(2027, 5, 31), step=14, holidays=HOLIDAYS,
             signatures=[("Наставник", "Н.И. Сидорук"), ("Наставляемый", "Э.Р. Мамедов"),
                         ("Куратор программы наставничества", "Е.Н. Власова")],
             stamp=["УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 12»", "_______________ Л.А. Горбунова",
                    "«31» августа 2026 г."],
             task1="1. освоить методику подготовки обучающихся к ОГЭ по физике;"),
        id="pair-by-id"),
    pytest.param(
        lambda: sample("personal_group"),
        dict(subtitle="для группы наставляемых: Ткаченко Д.А., Гарипова А.Р., Лебедев К.А.",
             mentor="Белоусова Марина Геннадьевна, учитель истории и обществознания, педагогический стаж 21 год",
             mentees_label="Наставляемые",
             mentees=["1. Ткаченко Дарья Андреевна, учитель английского языка, педагогический стаж менее 1 года",
                      "2. Гарипова Алсу Ринатовна, педагог-психолог, педагогический стаж менее 1 года",
                      "3. Лебедев Кирилл Андреевич, учитель физической культуры, педагогический стаж 1 год"],
             form="учитель – учитель", format="групповое",
             period="с 1 сентября 2026 г. по 31 мая 2027 г. (9 месяцев)",
             start=dt.date(2026, 9, 1), end=dt.date(2027, 5, 31), step=28, holidays=HOLIDAYS,
             signatures=[("Наставник", "М.Г. Белоусова"), ("Наставляемая", "Д.А. Ткаченко"),
                         ("Наставляемая", "А.Р. Гарипова"), ("Наставляемый", "К.А. Лебедев"),
                         ("Куратор программы наставничества", "Е.Н. Власова")],
             stamp=["УТВЕРЖДЕНА", "приказом МБОУ «СОШ № 12»", "от 31.08.2026 № 131-о/д"],
             task1="1. помочь наставляемым освоить нормативные документы и школьную документацию;"),
        id="group-approved-by-order"),
    pytest.param(
        lambda: {"organization": ORG, "registry": REGISTRY.model_dump(), "pair_index": 12,
                 "frequency": "раз в месяц", "representatives": True},
        dict(subtitle="для наставляемой Ким Алины Сергеевны",
             mentor="Иванов Артём Дмитриевич, обучающийся 11 «А» класса",
             mentees_label="Наставляемая", mentees=["Ким Алина Сергеевна, обучающаяся 6 «А» класса"],
             form="ученик – ученик", period="с 1 октября 2026 г. по 30 апреля 2027 г. (7 месяцев)",
             start=dt.date(2026, 10, 1), end=dt.date(2027, 4, 30), step=28,
             holidays=default_holidays(dt.date(2026, 10, 1), dt.date(2027, 4, 30)),
             signatures=[("Наставник", "А.Д. Иванов"), ("Наставляемая", "А.С. Ким"),
                         ("Ознакомлена: законный представитель (мать) наставника Иванова А.Д.", "Т.С. Иванова"),
                         ("Ознакомлен: законный представитель (отец) наставляемой Ким А.С.", "С.В. Ким"),
                         ("Куратор программы наставничества", "Е.Н. Власова")],
             stamp=["УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 12»", "_______________ Л.А. Горбунова",
                    "«___» ____________ 20___ г."],
             task1="1. помочь наставляемой адаптироваться в классе и школе;"),
        id="pair-by-index-pupils-with-representatives"),
    pytest.param(
        lambda: inline_pair(),
        dict(subtitle="для наставляемого Ильина Павла Сергеевича",
             mentor="Зорина Вера Павловна, учитель биологии, педагогический стаж 15 лет",
             mentees_label="Наставляемый", mentees=["Ильин Павел Сергеевич, обучающийся 8 «В» класса"],
             form="учитель – ученик", period="с 5 октября 2026 г. по 29 января 2027 г. (4 месяца)",
             start=dt.date(2026, 10, 5), end=dt.date(2027, 1, 29), step=7,
             holidays=default_holidays(dt.date(2026, 10, 5), dt.date(2027, 1, 29)),
             signatures=[("Наставник", "В.П. Зорина"), ("Наставляемый", "П.С. Ильин"),
                         ("Куратор программы наставничества", "______________________________")],
             stamp=["УТВЕРЖДАЮ", "Директор МБОУ «СОШ № 12»", "_______________ Л.А. Горбунова",
                    "«___» ____________ 20___ г."],
             task1="1. выявить учебные трудности и интересы обучающегося;"),
        id="inline-pair-without-registry"),
]


@pytest.mark.parametrize(("make", "want"), PERSONAL_CASES)
def test_personal_programme_reads_back(make, want, tmp_path):
    doc = render("programme.personal", make(), tmp_path)
    assert_clean(doc)
    paragraphs = doc.paragraphs
    title = paragraphs.index("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА")
    assert paragraphs[title + 1] == want["subtitle"]
    assert "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»" \
        in paragraphs

    passport = doc.passport()
    assert passport["Наставник"] == want["mentor"]
    assert passport[want["mentees_label"]].split("\n") == want["mentees"]
    assert passport["Форма наставничества"] == want["form"]
    assert passport["Формат наставничества"] == want.get("format", "традиционное (один на один)")
    assert passport["Срок реализации"] == want["period"]

    stamp = doc.tables[0][0][2].split("\n")
    assert [line for line in stamp if line] == want["stamp"]

    # tasks and the other lists are numbered 1., 2., … and end with a full stop
    tasks = paragraphs[paragraphs.index("3. Задачи программы") + 1:paragraphs.index("4. План встреч")]
    assert tasks[0] == want["task1"]
    assert [t.split(" ", 1)[0] for t in tasks] == [f"{i}." for i in range(1, len(tasks) + 1)]
    assert tasks[-1].endswith(".") and all(t.endswith(";") for t in tasks[:-1])

    plan = doc.table("№ п/п", "Встреча и её тема")
    assert [r[0] for r in plan] == [f"{i}." for i in range(1, len(plan) + 1)]
    kinds = [r[1].split("\n")[0] for r in plan]
    assert kinds[:3] == ["Организационная встреча (встреча-знакомство)", "Пробная рабочая встреча",
                         "Встреча-планирование"]
    assert kinds[-1] == "Заключительная встреча"
    assert all(k.startswith("Рабочая встреча") for k in kinds[3:-1])
    numbers = {int(n) for k in kinds[3:-1] for n in re.findall(r"\d+", k)}
    assert numbers == set(range(1, len(tasks) + 1))  # every task has a working meeting
    dates = [dt.datetime.strptime(r[3], "%d.%m.%Y").date() for r in plan]
    assert dates == sorted(set(dates))
    assert want["start"] <= dates[0] < dates[1] and dates[-1] <= want["end"]
    assert (want["end"] - dates[-1]).days < 4  # the final meeting closes the period
    off = {d for h in want["holidays"] for d in _days(h.start, h.end)}
    assert all(d.weekday() < 5 and d not in off for d in dates)
    regular = dates[3:-1]
    assert regular, "a programme has regular working meetings"
    assert max(b - a for a, b in zip(regular, regular[1:])).days <= want["step"] + 14
    assert all(r[4] == "" for r in plan)  # the mark column is left for the curator
    assert all(r[1].split("\n")[1].endswith(".") and r[2] for r in plan)
    assert passport["Периодичность встреч"].endswith(f"всего {len(plan)} встреч" + _ending(len(plan)))

    assert doc.signatures() == want["signatures"]


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _ending(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "а"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "и"
    return ""


def test_personal_programme_takes_a_plan_given_by_hand(tmp_path):
    plan = [{"topic": "знакомство", "date": "2026-10-06"},
            {"topic": "работа над проектом", "form": "консультация", "date": "2026-11-10"},
            {"topic": "итоги", "date": None}]
    doc = render("programme.personal", inline_pair(plan=plan, goal="подготовка проекта", frequency=None), tmp_path)
    rows = doc.table("№ п/п", "Встреча и её тема")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("1.", "Организационная встреча (встреча-знакомство)\nЗнакомство.", "", "06.10.2026"),
        ("2.", "Рабочая встреча\nРабота над проектом.", "консультация", "10.11.2026"),
        ("3.", "Заключительная встреча\nИтоги.", "", "__.__.20__"),
    ]
    i = doc.paragraphs.index("2. Цель программы")
    assert doc.paragraphs[i + 1] == "Подготовка проекта."
    assert doc.passport()["Периодичность встреч"] == "по плану, всего 3 встречи"


def test_personal_programme_takes_own_topics_and_audience(tmp_path):
    topics = [{"topic": "разбор олимпиадных задач", "form": "практикум"}, "подготовка доклада"]
    with pytest.warns(DocumentWarning, match="Темам задач хватает на 8 рабочих встреч из 11"):
        doc = render("programme.personal", inline_pair(topics=topics, audience="employer"), tmp_path)
    rows = doc.table("№ п/п", "Встреча и её тема")
    regular = [r[1].split("\n")[1] for r in rows[3:-1]]
    n = len(regular)
    assert n > 2
    assert regular[0] == "Разбор олимпиадных задач." and "Подготовка доклада." in regular
    # each topic, then its practice, analysis and consolidation — no topic twice
    assert len(set(regular)) == n and not any("продолжение" in t for t in regular)
    assert regular[1] == "Практическое занятие по теме «Разбор олимпиадных задач»."
    assert rows[3][2] == "практикум"
    i = doc.paragraphs.index("2. Цель программы")  # the employer wording, agreed with one mentee
    assert doc.paragraphs[i + 1].startswith("Профессиональная ориентация наставляемого и получение им ")


def test_batch_writes_one_programme_per_active_pair_and_a_print_file(tmp_path):
    records = records_from_source("programme.personal", sample_path("registry.yaml"),
                                  common=sample_path("programmes/common.yaml"))
    active = [p for p in REGISTRY.pairs if p.status is PairStatus.ACTIVE]
    assert len(records) == len(active)
    report = nd.render_batch("programme.personal", records, tmp_path, merge=True)
    assert not report.failed
    assert len(report.written) == len(active)
    mentors = [REGISTRY.mentor_of(p) for p in active]
    names = sorted(p.name for p in report.written)
    assert names == sorted(f"ППН_{m.last_name}_{m.initials.rstrip('.')}.docx" for m in mentors)
    for path, pair in zip(report.written, active):
        doc = Doc(path)
        assert_clean(doc)
        mentor = REGISTRY.mentor_of(pair)
        assert doc.passport()["Наставник"].startswith(mentor.full_name)
        for mentee in REGISTRY.mentees_of(pair):
            assert mentee.full_name in doc.passport()[doc_label(pair)]
    assert report.merged is not None and report.merged.exists()
    merged = Doc(report.merged)
    assert merged.paragraphs.count("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА") == len(active)
    for mentor in mentors:
        assert mentor.full_name in merged.all


def test_batch_reports_a_pair_without_an_end_date(tmp_path):
    data = REGISTRY.model_dump()
    data["pairs"][1]["end"] = None  # pair 2
    registry = type(REGISTRY).model_validate(data)
    records = get_kind("programme.personal").batch.records(registry, {"organization": ORG})
    report = nd.render_batch("programme.personal", records, tmp_path)
    assert len(report.written) == len(records) - 1
    [failure] = report.failed
    assert failure.row == 1 and "не указана дата окончания" in failure.error


def doc_label(pair) -> str:
    if len(pair.mentees) > 1:
        return "Наставляемые"
    return "Наставляемая" if person_forms(REGISTRY.mentees_of(pair)[0]).gender.value == "female" else "Наставляемый"


def test_batch_takes_pairs_by_status(tmp_path):
    records = records_from_source("programme.personal", sample_path("registry.yaml"),
                                  common={"organization": ORG, "batch_status": ["completed"]})
    completed = REGISTRY.pairs_with_status(PairStatus.COMPLETED)
    assert [r["mentor"]["last_name"] for r in records] == [REGISTRY.mentor_of(p).last_name for p in completed]


ERROR_CASES = [
    pytest.param(lambda: sample("personal", pair="99"), "pair", "нет пары", id="unknown-pair"),
    pytest.param(lambda: sample("personal", pair=None, pair_index=40), "pair_index", "только 12 пар",
                 id="index-too-big"),
    pytest.param(lambda: inline_pair(end="2026-09-01"), "end", "должна быть позже даты начала",
                 id="end-before-start"),
    pytest.param(lambda: sample("personal", end="2026-08-01"), "end", "должна быть позже даты начала",
                 id="end-before-pair-start"),
    pytest.param(lambda: inline_pair(frequency="иногда"), "frequency", "периодичность", id="frequency"),
    pytest.param(lambda: inline_pair(mentor="У01"), "mentor", "база (registry) не задана",
                 id="id-without-registry"),
    pytest.param(lambda: sample("personal", mentees=["У03"]), "mentor", "оставьте что-то одно",
                 id="pair-and-people"),
    pytest.param(lambda: inline_pair(plan=[{"topic": "a", "date": "2026-10-06"},
                                            {"topic": "b", "date": "2027-03-01"}]),
                 "plan → 2 → date", "вне срока программы", id="plan-date-outside"),
    pytest.param(lambda: inline_pair(start="2026-10-05", end="2026-10-09"), "end", "слишком короткий",
                 id="too-short"),
]


@pytest.mark.parametrize(("make", "field", "message"), ERROR_CASES)
def test_bad_personal_input_names_the_field(make, field, message, tmp_path):
    with pytest.raises(InputError) as info:
        nd.render("programme.personal", make(), tmp_path / "x.docx")
    problem = info.value.problems[0]
    assert problem.field == field
    assert message in problem.message
    assert not (tmp_path / "x.docx").exists()


def test_spread_keeps_order_and_follows_topics_up():
    topics = [("a: one", "x"), ("b", "y"), ("c", "z")]
    follow = [("practice {тема}", "p"), ("analysis {тема}", "q")]
    assert spread(topics, 2, follow) == [("a: one", "x"), ("c", "z")]
    assert spread(topics, 5, follow) == [("a: one", "x"), ("practice A", "p"), ("b", "y"), ("practice B", "p"),
                                         ("c", "z")]
    assert len(spread(topics, 20, follow)) == 9  # no more than the topics and their follow-ups
    assert spread(topics, 4) == topics  # nothing to follow up with: no repeats
    assert spread(topics, 0) == []


@pytest.mark.parametrize(("ids", "text", "expected"), [
    (["У04"], "{наставляемый} {ведёт|ведут} дневник {наставляемого}", "наставляемый ведёт дневник наставляемого"),
    (["У03"], "{наставляемый} {удовлетворён|удовлетворена|удовлетворены}", "наставляемая удовлетворена"),
    (["У07", "У09"], "помочь {наставляемому}: {наставляемый} {участвует|участвуют}",
     "помочь наставляемым: наставляемые участвуют"),
])
def test_default_texts_agree_with_the_mentees(ids, text, expected):
    mentees = [person_forms(REGISTRY.participant(i)) for i in ids]
    assert agree_mentees(text, mentees) == expected


def test_samples_resolve_relative_paths():
    for name in ("personal", "personal_group"):
        data = load_input("programme.personal", sample_path(f"programmes/{name}.yaml"))
        assert data.registry is not None and data.organization.short_name == "МБОУ «СОШ № 12»"
    assert re.search(r"ППН", get_kind("programme.personal").batch.file_name)


def test_plan_table_repeats_its_header_and_keeps_rows_whole(tmp_path):
    assert_plan_table_layout(nd.render("programme.personal", sample("personal"), tmp_path / "out.docx"),
                             "Встреча и её тема")
