"""Questionnaires: pre-filled or blank, questions from data, the right set for each respondent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

import nastavnik_docs as nd
from nastavnik_docs import load_input
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import records_from_source
from nastavnik_docs.engine import BLANK
from nastavnik_docs.errors import InputError
from nastavnik_docs.io import load_registry
from nastavnik_docs.kinds import get_kind
from nastavnik_docs.kinds.questionnaires import question_sets
from nastavnik_docs.models import PairStatus

NB = "\u00a0"
BOX = "\u2610"
MENTOR, MENTEE, FEEDBACK = "form.questionnaire_mentor", "form.questionnaire_mentee", "form.feedback"
ORG = str(sample_path("organization.yaml"))
REG = str(sample_path("registry.yaml"))


class Form:
    """A rendered form read back: paragraphs, the scale tables, the questions."""

    def __init__(self, path: Path):
        doc = Document(str(path))
        self.paragraphs = [p.text for p in doc.paragraphs if p.text]  # "\t" is a line to write on
        self.scales = [t for t in doc.tables if [c.text for c in t.rows[0].cells] == [str(n) for n in range(1, 11)]]
        self.cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        joined = "\n".join(self.paragraphs + self.cells)
        for leftover in ("{{", "}}", "{%", "%}", "None"):
            assert leftover not in joined, leftover
        assert not re.search(rf"(?<!_){BLANK}(?!_)", joined)

    @property
    def questions(self) -> list[str]:
        return [p for p in self.paragraphs if re.match(r"^\d+\. ", p)]

    @property
    def boxes(self) -> list[str]:
        return [p for p in self.paragraphs if p.startswith(BOX)]

    def field(self, label: str) -> str:
        found = [p for p in self.paragraphs if p.startswith(f"{label}:")]
        assert len(found) == 1, (label, self.paragraphs[:12])
        return found[0][len(label) + 1:].strip()


def render(kind: str, data, folder: Path) -> Form:
    return Form(nd.render(kind, data, folder / "form.docx", overwrite=True))


def sample(name: str) -> str:
    return str(sample_path(f"forms/questionnaires/{name}.yaml"))


def expected_questions(key: str, category: str | None = None) -> list:
    from nastavnik_docs.models import Category

    cat = Category(category) if category else None
    return [q for q in question_sets()[key].questions if cat is None or q.only is None or cat in q.only]


# --------------------------------------------------------------------------- samples


@pytest.mark.parametrize(("kind", "source", "title", "fields", "greeting", "key", "category", "extra"), [
    (MENTOR, sample("mentor"), ["АНКЕТА", "кандидата в наставники"],
     {"Фамилия, имя, отчество": "Сидорук Наталья Ивановна", "Должность": "учитель математики",
      "Педагогический стаж": "22 года (на 01.09.2026)", "Телефон, электронная почта": ""},
     "Уважаемая Наталья Ивановна!", "mentor", "педагог", 1),
    (MENTEE, sample("mentee"), ["АНКЕТА", "наставляемого обучающегося"],
     {"Фамилия, имя, отчество": "Хабибуллин Тимур Ильдарович", "Класс": "8 «А»"},
     "Дорогой Тимур!", "mentee_pupil", "обучающийся", 0),
])
def test_sample_forms_are_prefilled(tmp_path, kind, source, title, fields, greeting, key, category, extra):
    form = render(kind, source, tmp_path)
    org = f"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №{NB}12»"
    assert form.paragraphs[0] == org
    assert form.paragraphs[1:1 + len(title)] == title
    assert form.paragraphs[1 + len(title)] == "2026/2027 учебный год"
    for label, value in fields.items():
        assert form.field(label) == value
    assert greeting in form.paragraphs
    questions = expected_questions(key, category)
    assert len(form.questions) == len(questions) + extra
    assert [q.split(" ", 1)[0] for q in form.questions] == [f"{i}." for i in range(1, len(form.questions) + 1)]
    assert len(form.boxes) == sum(len(q.options) + q.other for q in questions) + (3 if extra else 0)
    assert len(form.scales) == sum(q.scale for q in questions)
    assert any(p.startswith("«___»") for p in form.cells)  # the date, filled in by hand
    if fields["Фамилия, имя, отчество"]:
        last, first, middle = fields["Фамилия, имя, отчество"].split()[:3]
        assert f"{first[0]}.{middle[0]}.{NB}{last}" in form.cells


def test_question_wording_and_checkboxes(tmp_path):
    form = render(MENTOR, sample("mentor"), tmp_path)
    i = form.paragraphs.index("1. Есть ли у вас опыт наставничества?")
    assert form.paragraphs[i + 1] == "(отметьте один вариант)"
    assert form.paragraphs[i + 2:i + 7] == [f"{BOX}{NB}{o}" for o in
                                            ("нет", "впервые", "менее 1 года", "от 1 до 3 лет", "более 3 лет")]
    assert f"{BOX}{NB}другое: \t" in form.paragraphs
    assert "(можно отметить несколько вариантов)" in form.paragraphs
    assert form.questions[-1] == "11. Готовы ли вы вести наставничество в группе молодых педагогов (до 3 человек)?"
    assert f"{BOX}{NB}да, хочу пройти обучение" in form.paragraphs  # a comma inside an option


def test_feedback_scales_are_explained_once_per_label_pair(tmp_path):
    form = render(FEEDBACK, sample("feedback"), tmp_path)
    notes = [p for p in form.paragraphs if p.startswith("(оцените")]
    assert notes == [f"(оцените от 1 до 10, где 1{NB}– совсем нет, 10{NB}– в полной мере)"]
    after = [q for q in question_sets()["feedback_mentee"].questions if q.stage in ("both", "after")]
    assert len(form.scales) == sum(q.scale for q in after) == 12
    assert form.questions[11] == "12. Насколько вы удовлетворены участием в программе наставничества в целом?"


# --------------------------------------------------------------------------- blanks and choices


@pytest.mark.parametrize(("kind", "extra", "labels", "greeting", "first_question"), [
    (MENTOR, {}, ["Фамилия, имя, отчество", "Должность", "Педагогический стаж", "Телефон, электронная почта"],
     "Уважаемый коллега!", "1. Есть ли у вас опыт наставничества?"),
    (MENTEE, {}, ["Фамилия, имя, отчество", "Должность", "Педагогический стаж"],
     "Уважаемый коллега!", "1. С какими профессиональными трудностями вы сталкиваетесь?"),
    (MENTEE, {"category": "обучающийся"}, ["Фамилия, имя, отчество", "Класс"],
     "Дорогой друг!", "1. Что тебе интересно? Чем ты увлекаешься?"),
    (FEEDBACK, {"role": "наставник", "anonymous": False}, ["Фамилия, имя, отчество", "Наставляемые",
                                                           "Форма наставничества"],
     "Уважаемый участник программы наставничества!", "1. Насколько уверенно вы чувствуете себя в роли наставника?"),
])
def test_blank_forms_print_lines_to_write_on(tmp_path, kind, extra, labels, greeting, first_question):
    form = render(kind, {"organization": ORG, **extra}, tmp_path)
    for label in labels:
        assert form.field(label) == ""
        assert f"{label}: \t" in form.paragraphs  # the tab with an underscore leader
    assert greeting in form.paragraphs
    assert form.questions[0] == first_question
    assert "____________________" in form.cells  # the name is written by hand too
    assert not any("учебный год" in p for p in form.paragraphs)


def test_blank_mentor_form_shows_every_question_a_pupil_sees_only_his(tmp_path):
    blank = render(MENTOR, {"organization": ORG}, tmp_path)
    assert len(blank.questions) == len(question_sets()["mentor"].questions)
    pupil = render(MENTOR, {"organization": ORG, "registry": REG, "participant": "У15"}, tmp_path)
    texts = [q.split(" ", 1)[1] for q in pupil.questions]
    assert "В чём вы можете помочь наставляемому?" in texts
    assert "Какими знаниями и умениями вы готовы поделиться?" not in texts
    assert "Педагогический стаж" not in "\n".join(pupil.paragraphs)
    assert pupil.field("Класс") == "11 «А»" and "Дорогой Артём!" in pupil.paragraphs


@pytest.mark.parametrize(("participant", "set_key", "field", "value"), [
    ("У07", "mentee_teacher", "Должность", "учитель английского языка"),
    ("Кузнецова Софья Максимовна", "mentee_pupil", "Класс", "7 «Б»"),
])
def test_mentee_set_chosen_by_category(tmp_path, participant, set_key, field, value):
    form = render(MENTEE, {"organization": ORG, "registry": REG, "participant": participant}, tmp_path)
    assert form.field(field) == value
    first = question_sets()[set_key].questions[0].text
    assert form.questions[0] == f"1. {first}"
    single = "(отметь один вариант)" if set_key == "mentee_pupil" else "(отметьте один вариант)"
    has_single = any(q.options and not q.multiple for q in question_sets()[set_key].questions)
    assert (single in form.paragraphs) == has_single


def test_questions_overridden_in_the_input(tmp_path):
    data = {"organization": ORG, "questions": [
        {"text": "Оцените работу куратора", "scale": True, "scale_labels": ["плохо", "отлично"]},
        {"text": "Что улучшить?", "lines": 3}], "extra_questions": [{"text": "Ваш возраст", "options": ["до 30", "30 и старше"]}]}
    form = render(MENTOR, data, tmp_path)
    assert form.questions == ["1. Оцените работу куратора", "2. Что улучшить?", "3. Ваш возраст"]
    assert f"(оцените от 1 до 10, где 1{NB}– плохо, 10{NB}– отлично)" in form.paragraphs
    assert len(form.scales) == 1 and len(form.boxes) == 2
    assert form.paragraphs.count("\t") == 3  # three lines to write the answer on


def test_feedback_for_a_mentor_names_the_mentees_from_the_registry(tmp_path):
    form = render(FEEDBACK, {"organization": ORG, "registry": REG, "participant": "У06", "role": "наставник",
                             "anonymous": False}, tmp_path)
    assert form.field("Наставляемые") == f"Ткаченко{NB}Д.А., Гарипова{NB}А.Р. и Лебедев{NB}К.А."
    assert form.field("Форма наставничества") == "групповое"
    assert "(для наставника; итоговая)" in form.paragraphs


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("kind", "data", "field", "words"), [
    (MENTOR, {"questions": [{"text": "Шкала?", "scale": True, "options": ["а"]}]}, "questions", "шкалой"),
    (MENTOR, {"participant": "У02"}, None, "укажите базу"),
    (FEEDBACK, {"role": "куратор"}, None, "не куратором"),
    (FEEDBACK, {}, "role", "обязательное поле"),
    (MENTEE, {"category": "космонавт"}, "category", "космонавт"),
])
def test_bad_input_is_refused_in_russian(kind, data, field, words):
    with pytest.raises(InputError) as err:
        load_input(kind, {"organization": ORG, **data})
    text = str(err.value)
    assert words in text
    if field:
        assert any((p.field or "").startswith(field) for p in err.value.problems), err.value.problems


@pytest.mark.parametrize(("kind", "data", "words"), [
    (MENTEE, {"participant": "У99"}, "в базе нет участника «У99»"),
    (FEEDBACK, {"participant": "У02", "role": "наставляемый"}, "нет пары, где У02 — наставляемый"),
])
def test_unknown_participant_names_the_field(kind, data, words):
    model = load_input(kind, {"organization": ORG, "registry": REG, **data})
    with pytest.raises(InputError) as err:
        get_kind(kind).build_context(model)
    assert err.value.problems[0].field == "participant"
    assert words in err.value.problems[0].message


# --------------------------------------------------------------------------- batches


def _expected_files(kind: str) -> list[str]:
    registry = load_registry(REG)
    stem = lambda p: f"{p.last_name}_{p.initials}"  # noqa: E731  (a trailing dot is dropped from a file name)
    if kind == MENTOR:
        return [stem(p).rstrip(".") for p in registry.mentors()]
    if kind == MENTEE:
        return [stem(p).rstrip(".") for p in registry.mentees()]
    out = []
    for pair in registry.pairs:
        if pair.status is not PairStatus.ENDED_EARLY:
            out.append(stem(registry.mentor_of(pair)) + "_наставник")
            out.extend(stem(m) + "_наставляемый" for m in registry.mentees_of(pair))
    return out


@pytest.mark.parametrize(("kind", "count", "must_have"), [
    (MENTOR, 11, ["Сидорук_Н.И", "Иванов_А.Д", "Шевчук_А.Н"]),
    (MENTEE, 18, ["Мамедов_Э.Р", "Кузнецова_С.М"]),
    (FEEDBACK, 28, ["Мамедов_Э.Р._наставник", "Мамедов_Э.Р._наставляемый", "Иванов_А.Д._наставник_2"]),
])
def test_batch_writes_one_form_per_person(tmp_path, kind, count, must_have):
    records = records_from_source(kind, REG, common=sample("common"))
    report = nd.render_batch(kind, records, tmp_path / "out")
    assert not report.failed
    names = [p.stem for p in report.written]
    expected = _expected_files(kind)
    assert len(names) == len(expected) == count
    assert [n.removesuffix("_2") for n in names] == expected
    for name in must_have:
        assert name in names
    for path in report.written[:4]:
        form = Form(path)
        last = path.stem.split("_")[0]
        if kind == FEEDBACK:  # anonymous: the role and the form, never the name
            assert form.field("Роль в программе") == path.stem.split("_")[2]
            assert last not in "\n".join(form.paragraphs + form.cells)
        else:
            assert form.field("Фамилия, имя, отчество").startswith(last)
