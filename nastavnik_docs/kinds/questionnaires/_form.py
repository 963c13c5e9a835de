"""What every questionnaire shares: the questions as data, the respondent, the context.

* :class:`Question` / :func:`question_sets` — the question sets of ``questionnaires.yaml``;
* :class:`Respondent`, :class:`QuestionnaireInput` — who fills the form in and the common
  fields; :func:`respondent_of` — a participant of the registry as a respondent;
* :class:`QuestionnaireContext` and :func:`questionnaire_context` — the organisation, the
  title, the school year, the header lines (a value or a line to write on), the greeting
  («Уважаемая …!» for an adult, «Дорогой …!» and «ты» for a pupil), the numbered questions
  with their notes, the date and the signature (none on an anonymous form).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ...models import Category, Model, Organization, Participant, Person, Registry
from ...ru import (
    PersonForms,
    agree,
    format_date,
    format_school_year,
    gendered,
    person_forms,
    polite_greeting,
    typograph,
)
from .._data import wording
from .._people import find_participant

__all__ = [
    "BOX", "DASH", "FAMILY", "LEARNERS", "Line", "Question", "QuestionContext", "QuestionSet", "QuestionnaireContext",
    "QuestionnaireInput", "Respondent", "by_number", "question_sets", "question_text", "questionnaire_context", "respondent_of",
    "resolve_respondent",
]

FAMILY = "Анкеты"
DASH = "\u2013"
BOX = "\u2610"
#: Learners: the header asks for the class or the place of study, not the post.
LEARNERS = (Category.PUPIL, Category.STUDENT)
Stage = Literal["before", "after", "both"]


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
    stage: Stage = Field(default="both", description="В какой анкете мониторинга: before (входная), after "
                                                     "(итоговая), both (в обеих, для сравнения)")

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
    titles: dict[str, list[str]] = Field(default_factory=dict)
    intros: dict[str, str] = Field(default_factory=dict)
    familiar: bool = False


@lru_cache(maxsize=1)
def question_sets() -> dict[str, QuestionSet]:
    """The built-in question sets by key: mentor, mentee_teacher, mentee_pupil and the
    monitoring forms feedback_mentor, feedback_mentee (adults) and feedback_mentor_pupil,
    feedback_mentee_pupil (pupils, «ты»)."""
    data = wording(__package__ or "nastavnik_docs.kinds.questionnaires", "questionnaires.yaml")
    return {key: QuestionSet.model_validate(value) for key, value in data.items() if not key.startswith("_")}


def anonymous_note() -> str:
    """The sentence that tells a respondent the form is anonymous (``_anonymous`` in the YAML)."""
    return str(wording(__package__ or "nastavnik_docs.kinds.questionnaires", "questionnaires.yaml")["_anonymous"])


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
    """What a questionnaire template places; ``signer_name`` is empty on an anonymous form
    (no signature), ``anonymous`` says so."""

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
    anonymous: bool
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


_ONE_OR_MANY = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
_WORK_OR_STUDY = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")


def _choose(pattern: re.Pattern[str], text: str, second: bool | None) -> str:
    """The first or the second alternative of each ``pattern`` match, or «first (second)»
    when ``second`` is None (not known)."""
    if second is None:
        return pattern.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    return pattern.sub(lambda m: m.group(2 if second else 1), text)


def by_number(text: str, group: bool | None) -> str:
    """A question's ``{one|several}`` braces for a mentor of one mentee (``group`` False), of
    a group (True), or both forms when it is not known («наставляемого (наставляемых)»)."""
    return _choose(_ONE_OR_MANY, text, group)


def question_text(text: str, *, group: bool | None = None, learner: bool | None = None) -> str:
    """A question as a form prints it: the ``{one|several}`` braces for the mentor's group
    (:func:`by_number`) and the ``[employee|learner]`` brackets for the respondent — «работе»
    to an employee, «учёбе» to a pupil or a student (``learner``), «работе (учёбе)» when not
    known. With neither known it is the text of the blank form, which is also the column
    header of the survey results workbook."""
    return by_number(_choose(_WORK_OR_STUDY, text, learner), group)


def _questions(questions: Sequence[Question], category: Category | None, familiar: bool,
               group: bool | None = None) -> list[QuestionContext]:
    shown = [q for q in questions if category is None or q.only is None or category in q.only]
    learner = None if category is None else category in LEARNERS
    out, previous_scale = [], None
    for i, q in enumerate(shown, start=1):
        out.append(QuestionContext(
            number=f"{i}.", text=typograph(question_text(q.text, group=group, learner=learner)),
            note=_note(q, familiar, previous_scale),
            options=[f"{BOX}\u00a0{typograph(question_text(o, group=group, learner=learner))}" for o in q.options],
            write_in=f"{BOX}\u00a0другое:" if q.other else "",
            scale=q.scale, lines=[""] * q.lines))
        if q.scale:
            previous_scale = q.scale_labels
    return out


def greeting(respondent: Respondent | None, forms: PersonForms | None, familiar: bool, blank: str) -> str:
    """«Уважаемая Мария Петровна!» / «Дорогой Тимур!» for a named respondent, ``blank`` or
    «Дорогой друг!» for a form without a name."""
    if respondent is None or forms is None:
        return "Дорогой друг!" if familiar else blank
    if familiar:
        return f"{gendered(forms.gender, 'Дорогой', 'Дорогая')} {respondent.first_name}!"
    return polite_greeting(respondent, forms.gender)


def respondent_lines(respondent: Respondent | None, learner: bool, extra: Sequence[Line]) -> list[Line]:
    """The name, the class (a pupil), the place of study (a student) or the post and
    experience, the contacts, then ``extra``."""
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
    return [*lines, *extra]


def resolve_respondent(data: QuestionnaireInput) -> Respondent | None:
    """The respondent given, or the participant of the registry named."""
    if data.participant is None or data.registry is None:
        return data.respondent
    return Respondent.model_validate(respondent_of(find_participant(data.registry, data.participant, "participant")))


def questionnaire_context(data: QuestionnaireInput, built: QuestionSet, *, respondent: Respondent | None,
                          category: Category | None, fields: list[Line], greeting_text: str,
                          title: Sequence[str] | None = None, intro: str | None = None,
                          questions: Sequence[Question] | None = None, anonymous: bool = False,
                          school_year: int | None = None, group: bool | None = None) -> QuestionnaireContext:
    """The context of a form of the set ``built`` (its own title, intro and questions unless
    given); ``group`` — whether the mentor's questions speak of one mentee or several."""
    shown = list(questions if questions is not None else built.questions)
    if data.questions is not None:
        shown = list(data.questions)
    shown += data.extra_questions
    forms = person_forms(respondent) if respondent and not anonymous else None
    year = school_year or data.school_year
    return QuestionnaireContext(
        respondent=forms,
        organization=typograph(data.organization.full_name),
        title=[typograph(t) for t in (title or built.title)],
        school_year=format_school_year(year) if year else "",
        greeting=greeting_text,
        intro=typograph(" ".join((data.intro or intro or built.intro).split())),
        fields=fields,
        questions=_questions(shown, category, familiar=built.familiar, group=group),
        date=format_date(data.date, "quoted"),
        signer_name="" if anonymous else (forms.initials_nominative if forms else "____________________"),
        anonymous=anonymous,
        font_name=data.organization.font_name,
        font_size=min(data.organization.font_size, 12),
    )


def respondent_of(person: Participant, post: str | None = None) -> dict[str, Any]:
    """A participant of the registry as the respondent of a form (``post`` replaces the
    registry's: a pupil's class in an earlier year)."""
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
            "post": post or person.post, "category": person.category, "experience": experience,
            "phone": person.phone, "email": person.email}
