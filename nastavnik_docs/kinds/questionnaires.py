"""Questionnaires (анкеты) of a mentoring programme.

* ``form.questionnaire_mentor`` — анкета кандидата в наставники: experience, subjects,
  motivation, competences to share, preferred forms, time available;
* ``form.questionnaire_mentee`` — анкета наставляемого: for a teacher, professional
  difficulties and expectations; for a pupil (or a student), interests and the help wanted
  (chosen by the respondent's category, or by ``category`` for a blank form);
* ``form.feedback`` — анкета удовлетворённости участием в программе наставничества, for
  the mentor or for the mentee: statements rated on a scale of 1 to 10 as the monitoring of
  the target model asks, and a few open questions.

The questions are data (``questionnaires.yaml`` next to this module); an input may replace
them (``questions``) or add its own (``extra_questions``). With a respondent the form comes
pre-filled with the name, the post or class and the contacts; without one it prints lines
for handwriting. Numbering, the notes under each question, the greeting and the blanks are
computed here; the template only places them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Category, Model, Organization, PairStatus, Participant, Person, Registry, Role
from ..ru import (
    PersonForms,
    agree,
    format_date,
    format_school_year,
    gendered,
    join_and,
    person_forms,
    polite_greeting,
    typograph,
)
from ._base import BatchSpec, DemoBatch, Kind, register
from ._data import wording
from ._people import bad_input, find_participant, form_title

__all__ = ["Question", "Respondent", "QuestionnaireInput", "MenteeQuestionnaireInput", "FeedbackInput",
           "QuestionnaireContext", "question_sets", "mentor_records", "mentee_records", "feedback_records"]

FAMILY = "Анкеты"
DASH = "\u2013"
BOX = "\u2610"
_LEARNERS = (Category.PUPIL, Category.STUDENT)


# --------------------------------------------------------------------------- data


class Question(Model):
    """One question of a questionnaire (see ``questionnaires.yaml`` for the fields)."""

    text: str = Field(min_length=1, description="Формулировка вопроса")
    options: list[str] = Field(default_factory=list, description="Варианты ответа")
    multiple: bool = Field(default=False, description="Можно отметить несколько вариантов")
    other: bool = Field(default=False, description="Вариант «другое» со строкой для ответа")
    scale: bool = Field(default=False, description="Оценка по шкале от 1 до 10")
    scale_labels: tuple[str, str] = Field(default=("совсем нет", "в полной мере"),
                                          description="Что означают 1 и 10")
    lines: int = Field(default=0, ge=0, le=12, description="Строки для ответа своими словами")
    only: list[Category] | None = Field(default=None, description="Для каких категорий участников")

    @model_validator(mode="after")
    def _one_way_to_answer(self) -> Question:
        if self.scale and self.options:
            raise ValueError("у вопроса со шкалой не бывает вариантов ответа: уберите options или scale")
        if self.multiple and not self.options:
            raise ValueError("multiple имеет смысл только с вариантами ответа (options)")
        return self


class QuestionSet(Model):
    title: list[str] = Field(min_length=1)
    intro: str
    questions: list[Question] = Field(min_length=1)


@lru_cache(maxsize=1)
def question_sets() -> dict[str, QuestionSet]:
    """The built-in question sets by key: mentor, mentee_teacher, mentee_pupil,
    feedback_mentor, feedback_mentee."""
    data = wording(__package__ or "nastavnik_docs.kinds", "questionnaires.yaml")
    return {key: QuestionSet.model_validate(value) for key, value in data.items()}


# --------------------------------------------------------------------------- input


class Respondent(Person):
    """Who fills the form in: the name, the post (or class), the category and contacts."""

    post: str | None = Field(default=None, description="Должность или класс («7 «Б» класс»)")
    category: Category | None = Field(default=None, description="Категория: педагог, обучающийся…")
    experience: str | None = Field(default=None, description="Педагогический стаж («22 года»)")
    phone: str | None = Field(default=None, description="Телефон")
    email: str | None = Field(default=None, description="Электронная почта")


class QuestionnaireInput(Model):
    """Анкета наставника: организация, кто отвечает (никто — пустой бланк), вопросы."""

    organization: Organization = Field(description="Организация")
    respondent: Respondent | None = Field(default=None, description="Кто заполняет (нет — бланк с линиями)")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    participant: str | None = Field(default=None, description="Кто заполняет: ID или ФИО участника из базы (вместо respondent)")
    date: dt.date | None = Field(default=None, description="Дата заполнения (нет — бланк)")
    school_year: int | None = Field(default=None, ge=2000, le=2100,
                                    description="Учебный год: год его начала (2026 — «2026/2027 учебный год»)")
    intro: str | None = Field(default=None, description="Свой текст обращения перед вопросами")
    questions: list[Question] | None = Field(default=None, description="Свои вопросы вместо встроенных")
    extra_questions: list[Question] = Field(default_factory=list, description="Дополнительные вопросы в конце")


    @model_validator(mode="after")
    def _one_respondent(self) -> QuestionnaireInput:
        if self.participant is not None and self.respondent is not None:
            raise ValueError("укажите либо участника из базы (participant), либо respondent, но не оба")
        if self.participant is not None and self.registry is None:
            raise ValueError("чтобы взять участника из базы (participant), укажите базу (registry)")
        return self


class MenteeQuestionnaireInput(QuestionnaireInput):
    """Анкета наставляемого: как анкета наставника, с категорией для пустого бланка."""

    category: Category | None = Field(
        default=None, description="Для бланка без имени: педагог или обучающийся (по умолчанию — педагог)")


class FeedbackInput(QuestionnaireInput):
    """Анкета обратной связи участника пары: наставника или наставляемого."""

    role: Role = Field(description="Кто отвечает: наставник или наставляемый")
    partner: str | None = Field(default=None, description="Наставник (для наставляемого) или наставляемые (для наставника)")
    form: str | None = Field(default=None, description="Форма наставничества")

    @model_validator(mode="after")
    def _mentor_or_mentee(self) -> FeedbackInput:
        if self.role is Role.CURATOR:
            raise ValueError("анкета удовлетворённости заполняется наставником или наставляемым, а не куратором")
        return self


# --------------------------------------------------------------------------- context


class Line(BaseModel):
    """A header line: «Фамилия, имя, отчество: …»; an empty value prints a line to write on."""

    label: str
    value: str


class QuestionContext(BaseModel):
    number: str
    text: str
    note: str
    options: list[str]
    write_in: str
    scale: bool
    lines: list[str]


class QuestionnaireContext(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    respondent: PersonForms | None
    organization: str
    title: list[str]
    school_year: str
    greeting: str
    intro: str
    fields: list[Line]
    questions: list[QuestionContext]
    date: str
    signer_name: str
    font_name: str
    font_size: float


def _note(question: Question, familiar: bool, previous_scale: tuple[str, str] | None) -> str:
    """How to answer, under the question; a scale is explained when its labels change.
    ``familiar`` addresses a pupil with «ты»."""
    if question.scale:
        if question.scale_labels == previous_scale:
            return ""
        low, high = question.scale_labels
        return typograph(f"({'оцени' if familiar else 'оцените'} от 1 до 10, где 1 {DASH} {low}, 10 {DASH} {high})")
    if question.options:
        if question.multiple:
            return "(можно отметить несколько вариантов)"
        return "(отметь один вариант)" if familiar else "(отметьте один вариант)"
    return ""


def _questions(questions: list[Question], category: Category | None, familiar: bool) -> list[QuestionContext]:
    shown = [q for q in questions if category is None or q.only is None or category in q.only]
    out, previous_scale = [], None
    for i, q in enumerate(shown, start=1):
        out.append(QuestionContext(
            number=f"{i}.", text=typograph(q.text), note=_note(q, familiar, previous_scale),
            options=[f"{BOX}\u00a0{typograph(o)}" for o in q.options],
            write_in=f"{BOX}\u00a0другое:" if q.other else "",
            scale=q.scale, lines=[""] * q.lines))
        if q.scale:
            previous_scale = q.scale_labels
    return out


def _is_learner(respondent: Respondent | None, category: Category | None) -> bool:
    return (category or (respondent.category if respondent else None)) in _LEARNERS


def _greeting(respondent: Respondent | None, forms: PersonForms | None, learner: bool, key: str) -> str:
    if respondent is None or forms is None:
        if learner:
            return "Дорогой друг!"
        return "Уважаемый участник программы наставничества!" if key.startswith("feedback") else "Уважаемый коллега!"
    gender = forms.gender
    if learner:
        return f"{gendered(gender, 'Дорогой', 'Дорогая')} {respondent.first_name}!"
    return polite_greeting(respondent, gender)


def _fields(respondent: Respondent | None, learner: bool, extra: list[Line]) -> list[Line]:
    r = respondent
    lines = [Line(label="Фамилия, имя, отчество", value=r.full_name if r else "")]
    if learner:
        post = r.post if r and r.post else ""
        label = "Класс" if r is None or r.category in (None, Category.PUPIL) else "Место учёбы, курс"
        lines.append(Line(label=label, value=typograph(post.removesuffix(" класс") if label == "Класс" else post)))
    else:
        lines.append(Line(label="Должность", value=typograph(r.post) if r and r.post else ""))
        if r is None or r.category in (None, Category.TEACHER):
            lines.append(Line(label="Педагогический стаж", value=typograph(r.experience) if r and r.experience else ""))
    contacts = ", ".join(x for x in (r.phone, r.email) if x) if r else ""
    lines.append(Line(label="Телефон, электронная почта", value=contacts))
    return lines + extra


def _respondent(data: QuestionnaireInput) -> Respondent | None:
    if data.participant is None or data.registry is None:
        return data.respondent
    return Respondent.model_validate(respondent_of(find_participant(data.registry, data.participant, "participant")))


def _context(data: QuestionnaireInput, key: str, category: Category | None,
             extra_fields: list[Line] | None = None) -> QuestionnaireContext:
    built = question_sets()[key]
    respondent = _respondent(data)
    learner = key == "mentee_pupil" or _is_learner(respondent, category)
    shown_for = category or (respondent.category if respondent else None)
    questions = (data.questions if data.questions is not None else built.questions) + data.extra_questions
    forms = person_forms(respondent) if respondent else None
    return QuestionnaireContext(
        respondent=forms,
        organization=typograph(data.organization.full_name),
        title=[typograph(t) for t in built.title],
        school_year=format_school_year(data.school_year) if data.school_year else "",
        greeting=_greeting(respondent, forms, learner, key),
        intro=typograph(" ".join((data.intro or built.intro).split())),
        fields=_fields(respondent, learner, extra_fields or []),
        questions=_questions(questions, shown_for, familiar=key == "mentee_pupil"),
        date=format_date(data.date, "quoted"),
        signer_name=forms.initials_nominative if forms else "____________________",
        font_name=data.organization.font_name,
        font_size=min(data.organization.font_size, 12),
    )


def build_mentor(data: QuestionnaireInput) -> QuestionnaireContext:
    return _context(data, "mentor", None)


def build_mentee(data: MenteeQuestionnaireInput) -> QuestionnaireContext:
    respondent = _respondent(data)
    category = data.category or (respondent.category if respondent else None)
    key = "mentee_pupil" if category in _LEARNERS else "mentee_teacher"
    return _context(data, key, category)


def build_feedback(data: FeedbackInput) -> QuestionnaireContext:
    mentor = data.role is Role.MENTOR
    partner, form = data.partner, data.form
    if data.participant is not None and data.registry is not None and (partner is None or form is None):
        person = find_participant(data.registry, data.participant, "participant")
        found = _pair_of(data.registry, person, data.role)
        if found is None:
            raise bad_input("participant", f"в базе нет пары, где {data.participant} — "
                            f"{'наставник' if mentor else 'наставляемый'}", data.participant, code="pair.unknown")
        partner, form = partner or found["partner"], form or found["form"]
    extra = [Line(label="Наставляемые" if mentor else "Наставник", value=typograph(partner or "")),
             Line(label="Форма наставничества", value=typograph(form or ""))]
    return _context(data, "feedback_mentor" if mentor else "feedback_mentee", None, extra)


# --------------------------------------------------------------------------- batch


def respondent_of(person: Participant) -> dict[str, Any]:
    """A participant of the registry as the respondent of a form."""
    if person.experience_years is not None:
        experience = agree(round(person.experience_years), "год")
        if person.experience_as_of is not None:
            experience += f" (на {format_date(person.experience_as_of, 'numeric')})"
    elif person.experience_since is not None:
        experience = f"с {format_date(person.experience_since, 'numeric')}"
    else:
        experience = None
    return {"last_name": person.last_name, "first_name": person.first_name,
            "middle_name": person.middle_name, "gender": person.gender, "overrides": person.overrides,
            "post": person.post, "category": person.category, "experience": experience,
            "phone": person.phone, "email": person.email}


def mentor_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mentor (or mentor candidate) of the registry."""
    return [{**common, "respondent": respondent_of(p)} for p in registry.mentors()]


def mentee_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mentee of the registry."""
    return [{**common, "respondent": respondent_of(p)} for p in registry.mentees()]


def _short(person: Participant) -> str:
    """«Кузнецова С.М. (7 «Б» класс)» — a pupil with the class."""
    text = f"{person.last_name}\u00a0{person.initials}"
    if person.category is Category.PUPIL and person.post:
        text += f" ({typograph(person.post)})"
    return text


def _feedback_rows(registry: Registry) -> list[tuple[Participant, Role, dict[str, str]]]:
    """(respondent, role, {partner, form}) for the mentor and each mentee of every pair that
    has not ended early."""
    rows = []
    for pair in registry.pairs:
        if pair.status is PairStatus.ENDED_EARLY:
            continue
        mentor, mentees = registry.mentor_of(pair), registry.mentees_of(pair)
        form = form_title(registry, pair)
        rows.append((mentor, Role.MENTOR, {"partner": join_and([_short(m) for m in mentees]), "form": form}))
        rows.extend((m, Role.MENTEE, {"partner": _short(mentor), "form": form}) for m in mentees)
    return rows


def _pair_of(registry: Registry, person: Participant, role: Role) -> dict[str, str] | None:
    """Partner and form of the person's latest pair in ``role``."""
    found = [info for p, r, info in _feedback_rows(registry) if p.id == person.id and r is role]
    return found[-1] if found else None


def feedback_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """A form for the mentor and for each mentee of every pair that has not ended early."""
    return [{**common, "respondent": respondent_of(p), "role": role.label, **info}
            for p, role, info in _feedback_rows(registry)]


_DEMO = DemoBatch(common="forms/questionnaires/common.yaml")

for _id, _title, _build, _records, _sample, _output, _description in (
    ("form.questionnaire_mentor", "Анкета кандидата в наставники", build_mentor, mentor_records, "mentor.yaml",
     "Анкета кандидата в наставники",
     "Опыт, предметы, мотивация, чем готов поделиться, формы, время. Пакетом — всем наставникам базы."),
    ("form.questionnaire_mentee", "Анкета наставляемого", build_mentee, mentee_records, "mentee.yaml",
     "Анкета наставляемого",
     "Для педагога — затруднения и ожидания, для обучающегося — интересы и нужная помощь. "
     "Пакетом — всем наставляемым базы."),
    ("form.feedback", "Анкета удовлетворённости участием в программе наставничества", build_feedback,
     feedback_records, "feedback.yaml", "Анкета удовлетворённости",
     "Оценки от 1 до 10 для мониторинга: отдельно для наставника и для наставляемого. "
     "Пакетом — всем участникам пар."),
):
    register(Kind(
        id=_id, title=_title, build_context=_build, family=FAMILY, description=_description,
        samples=(f"forms/questionnaires/{_sample}",), output_name=_output,
        batch=BatchSpec(records=_records,
                        file_name="{last_name}_{initials}_{role}" if _id == "form.feedback"
                        else "{last_name}_{initials}"),
        demo_batch=_DEMO,
    ))
