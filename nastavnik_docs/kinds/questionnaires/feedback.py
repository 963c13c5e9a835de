"""``form.feedback`` — the monitoring questionnaire of a programme's participants.

Anonymous by default: no name, post, phone or e-mail, no signature; the pair is named only
by its form and school year. It comes as a matching pair — the form at the start
(``stage: before``, входная) and at the end (``after``, итоговая) share their first
questions word for word, so that the answers of the two can be compared and the growth
measured; the start adds the expectations, the end the satisfaction with the programme.
A pupil is addressed as «ты» with a question set of their own, an adult as «вы». A named
form (``anonymous: false``) of a finished pair shows the pair's own school year and the
class the pupil was in then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ...models import Category, Pair, PairStatus, Participant, Registry, Role
from ...ru import join_and, person_forms, school_class, typograph
from .._base import BatchSpec, DemoBatch, Kind, register
from .._data import schema_words
from .._people import bad_input, find_participant, form_title
from ._form import (
    FAMILY,
    LEARNERS,
    Line,
    QuestionnaireContext,
    QuestionnaireInput,
    anonymous_note,
    greeting,
    question_sets,
    questionnaire_context,
    resolve_respondent,
    respondent_lines,
    respondent_of,
)

__all__ = ["FeedbackInput", "build_feedback", "class_in_year", "feedback_records"]

#: The Russian words of a stage (the survey results of ``stats`` write «до» and «после»).
_STAGES = {"входная": "before", "в начале": "before", "начало": "before", "до": "before",
           "итоговая": "after", "в конце": "after", "конец": "after", "после": "after"}


class FeedbackInput(QuestionnaireInput):
    """Анкета мониторинга участника пары — наставника или наставляемого: анонимная (по умолчанию),
    входная или итоговая."""

    role: Role = Field(description="Кто отвечает: наставник или наставляемый")
    stage: Literal["before", "after"] = Field(
        default="after", json_schema_extra=schema_words(_STAGES), description="before — входная анкета (в начале программы), after — итоговая; "
                                     "первые вопросы у них одинаковы, чтобы сравнить ответы")
    anonymous: bool = Field(default=True, description="Анонимная анкета: без ФИО, должности, телефона, почты и "
                                                      "подписи (по умолчанию); false — с данными участника")
    category: Category | None = Field(
        default=None, description="Для анонимной анкеты или бланка: обучающийся (обращение на «ты») или педагог")
    partner: str | None = Field(default=None, description="Наставник (для наставляемого) или наставляемые (для наставника)")
    form: str | None = Field(default=None, description="Форма наставничества")
    group: bool | None = Field(default=None, description="Наставник ведёт группу (несколько наставляемых): вопросы "
                                                         "о наставляемых во множественном числе; по умолчанию — по паре "
                                                         "из базы, без неё — обе формы")

    @field_validator("stage", mode="before")
    @classmethod
    def _russian_stage(cls, value: Any) -> Any:
        return _STAGES.get(str(value).strip().lower(), value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _mentor_or_mentee(self) -> FeedbackInput:
        if self.role is Role.CURATOR:
            raise ValueError("анкета удовлетворённости заполняется наставником или наставляемым, а не куратором")
        return self


# --------------------------------------------------------------------------- the pair


def class_in_year(post: str | None, years_back: int) -> str | None:
    """A pupil's class ``years_back`` school years ago («7 «Б» класс», 1 → «6 «Б» класс»);
    the post as it is when it names no class or the class would be below the first."""
    klass = school_class(post)
    if klass is None or years_back <= 0:
        return post
    return klass.earlier(years_back)


def school_year_of(day: dt.date) -> int:
    """The year a school year containing ``day`` starts in (from August on, the coming one)."""
    return day.year if day.month >= 8 else day.year - 1


def _short(person: Participant) -> str:
    """«Кузнецова С.М. (7 «Б» класс)» — a pupil with the class."""
    text = f"{person.last_name}\u00a0{person.initials}"
    if person.category is Category.PUPIL and person.post:
        text += f" ({typograph(person.post)})"
    return text


def _feedback_rows(registry: Registry) -> list[tuple[Participant, Role, Pair, dict[str, Any]]]:
    """(respondent, role, pair, {partner, form}) for the mentor and each mentee of every pair
    that has not ended early."""
    rows = []
    for pair in registry.pairs:
        if pair.status is PairStatus.ENDED_EARLY:
            continue
        mentor, mentees = registry.mentor_of(pair), registry.mentees_of(pair)
        form = form_title(registry, pair)
        rows.append((mentor, Role.MENTOR, pair, {"partner": join_and([_short(m) for m in mentees]), "form": form,
                                                 "group": len(mentees) > 1}))
        rows.extend((m, Role.MENTEE, pair, {"partner": _short(mentor), "form": form}) for m in mentees)
    return rows


def _pair_of(registry: Registry, person: Participant, role: Role) -> tuple[Pair, dict[str, Any]] | None:
    """The person's latest pair in ``role`` and its partner and form."""
    found = [(pair, info) for p, r, pair, info in _feedback_rows(registry) if p.id == person.id and r is role]
    return found[-1] if found else None


# --------------------------------------------------------------------------- the form


def build_feedback(data: FeedbackInput) -> QuestionnaireContext:
    mentor = data.role is Role.MENTOR
    respondent = resolve_respondent(data)
    partner, form, year, group = data.partner, data.form, data.school_year, data.group
    if data.participant is not None and data.registry is not None:
        person = find_participant(data.registry, data.participant, "participant")
        found = _pair_of(data.registry, person, data.role)
        if found is None:
            raise bad_input("participant", f"в базе нет пары, где {data.participant} — "
                            f"{'наставник' if mentor else 'наставляемый'}", data.participant, code="pair.unknown")
        pair, info = found
        partner, form = partner or info["partner"], form or info["form"]
        year = year or school_year_of(pair.start)
        if group is None and mentor:
            group = len(pair.mentees) > 1
    category = data.category or (respondent.category if respondent else None)
    pupil = category is Category.PUPIL
    built = question_sets()[f"feedback_{'mentor' if mentor else 'mentee'}{'_pupil' if pupil else ''}"]
    questions = [q for q in built.questions if q.stage in ("both", data.stage)]
    intro = " ".join(built.intros[data.stage].split())
    role_word = "наставник" if mentor else "наставляемый"
    if data.anonymous:
        intro = f"{intro} {anonymous_note()}"
        fields = [Line(label="Роль в программе", value=role_word),
                  Line(label="Форма наставничества", value=typograph(form or ""))]
        hello = "Дорогой друг!" if pupil else "Уважаемый участник программы наставничества!"
        respondent = None
    else:
        fields = respondent_lines(respondent, category in LEARNERS,
                                  [Line(label="Наставляемые" if mentor else "Наставник", value=typograph(partner or "")),
                                   Line(label="Форма наставничества", value=typograph(form or ""))])
        forms = person_forms(respondent) if respondent is not None else None
        hello = greeting(respondent, forms, pupil, "Уважаемый участник программы наставничества!")
    return questionnaire_context(data, built, respondent=respondent, category=category, fields=fields,
                                 greeting_text=hello, title=built.titles[data.stage], intro=intro,
                                 questions=questions, anonymous=data.anonymous, school_year=year,
                                 group=group if mentor else False)


# --------------------------------------------------------------------------- batch


def _reference_year(common: dict[str, Any]) -> int:
    """The school year the registry's classes are given for: the batch's school year or
    date, else the current one."""
    if common.get("school_year"):
        return int(common["school_year"])
    day = common.get("date")
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return school_year_of(day if isinstance(day, dt.date) else dt.date.today())


def feedback_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """A form for the mentor and for each mentee of every pair that has not ended early,
    with the pair's own school year and, for a pupil, the class they were in then."""
    now = _reference_year(common)
    records = []
    for person, role, pair, info in _feedback_rows(registry):
        year = school_year_of(pair.start)
        post = class_in_year(person.post, now - year) if person.category is Category.PUPIL else None
        records.append({**common, "respondent": respondent_of(person, post), "role": role.label,
                        "school_year": year, **info})
    return records


register(Kind(
    id="form.feedback", title="Анкета удовлетворённости участием в программе наставничества",
    build_context=build_feedback, family=FAMILY,
    description="Анонимная анкета мониторинга (по умолчанию) в паре «входная – итоговая» с одинаковыми шкалами "
                "для сравнения; отдельно для наставника и наставляемого, для обучающихся — на «ты». "
                "Пакетом — всем участникам пар.",
    samples=("forms/questionnaires/feedback.yaml",), output_name="Анкета удовлетворённости",
    batch=BatchSpec(records=feedback_records, file_name="{last_name}_{initials}_{role}"),
    demo_batch=DemoBatch(common="forms/questionnaires/common.yaml"),
))
