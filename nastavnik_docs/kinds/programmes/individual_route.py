"""``programme.individual_route`` — индивидуальный образовательный маршрут педагога (ИОМ).

A teacher's route built from diagnosed professional deficits: the teacher (post,
experience, qualification category), the mentor, the school year, the deficits with how
each was found, one task per deficit, the planned actions for each deficit with deadlines
(checked against the school year), who answers for each and the form of the result, the
dated repeated diagnosis, expected results for the teacher's post, signatures and the
deputy head's approval. The default actions per competence area are data in
``programmes.yaml`` (:data:`ROUTE_AREAS`); a teacher who gives no lessons (a psychologist,
a speech therapist, a librarian) gets their lesson-free wording.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from ...models import Model, Official, Organization, PairStatus, Participant, Registry, Role
from ...ru import (
    BLANK_NAME,
    PersonForms,
    format_date,
    format_month_range,
    format_school_year,
    lower_first,
    sentence,
    soft_hyphens,
    typograph,
    upper_first,
)
from .._base import Kind, register
from .._people import bad_input, forms_of
from .._requisites import Item
from ._audience import lessons_mode, specialist_of
from ._route import (
    REDIAGNOSIS,
    ROLE_WORDS,
    ROUTE_AREAS,
    area_of,
    deadline_problem,
    rediagnosis_day,
    route_results,
    school_year_bounds,
)
from ._shared import (
    ApprovalInput,
    PassportRow,
    PersonRef,
    ProgrammeFrame,
    ProgrammeInput,
    SignatureRow,
    StampContext,
    approval_lines,
    describe,
    experience_years,
    frame,
    list_items,
    resolve_official,
    resolve_person,
)
from ._wording import TEXT
from .schedule import add_months

__all__ = ["ROUTE_AREAS", "Deficit", "IndividualRouteContext", "IndividualRouteInput", "RouteAction", "build_route"]

FAMILY = "Программы"
NBSP = "\u00a0"
ROUTE_TITLE = "Индивидуальный образовательный маршрут"


class RouteAction(Model):
    """A planned action for one deficit."""

    action: str = Field(min_length=1, description="Мероприятие")
    kind: str | None = Field(default=None, description="Вид: курсы повышения квалификации, самообразование…")
    deadline: dt.date | str | None = Field(default=None, description="Срок: дата или текст («октябрь–декабрь 2026 г.»), "
                                                                     "в пределах учебного года")
    responsible: str | None = Field(default=None, description="Ответственный (по умолчанию — педагог)")
    result: str | None = Field(default=None, description="Форма результата (отчёта)")

    @field_validator("deadline", mode="before")
    @classmethod
    def _a_date_is_a_date(cls, value: Any) -> Any:
        """«2026-12-18» or «18.12.2026» typed as text is a date."""
        if isinstance(value, str):
            text = value.strip()
            for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
                try:
                    return dt.datetime.strptime(text, pattern).date()
                except ValueError:
                    continue
        return value


class Deficit(Model):
    """A diagnosed professional deficit."""

    area: str = Field(min_length=1, description="Компетенция (область): предметная, методическая…")
    deficit: str = Field(min_length=1, description="Выявленный дефицит")
    diagnosed_by: str | None = Field(default=None, description="Как выявлен (анкетирование, посещение уроков, диагностика)")
    task: str | None = Field(default=None, description="Задача маршрута по этому дефициту (по умолчанию — «преодолеть дефицит: …»)")
    actions: list[RouteAction] | None = Field(default=None, description="Мероприятия (по умолчанию — типовые для области)")


def _school_year_text(schema: dict[str, Any]) -> None:
    """The schema also takes the year as text, «2026/2027» or «2026-2027» (see ``_year``)."""
    schema["anyOf"] = [*schema.get("anyOf", []),
                       {"type": "string", "pattern": "^[ \\t]*(?:20[0-9]{2}|2100)[ \\t]*(?:[/\u2013-].*)?$"}]


class IndividualRouteInput(ProgrammeInput):
    """Индивидуальный образовательный маршрут педагога."""

    organization: Organization = Field(description="Организация")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    teacher: PersonRef = Field(description="Педагог: ID или ФИО участника из базы или ФИО, должность, стаж")
    qualification: str | None = Field(default=None, description="Квалификационная категория («первая», «без категории»)")
    mentor: PersonRef | None = Field(default=None, description="Наставник (по умолчанию — из действующей пары в базе)")
    school_year: int | None = Field(default=None, ge=2000, le=2100, json_schema_extra=_school_year_text,
                                    description="Учебный год — год начала (2026 — 2026/2027); по умолчанию — по паре")
    deficits: list[Deficit] = Field(min_length=1, description="Профессиональные дефициты")
    rediagnosis: dt.date | None = Field(default=None, description="Дата повторной диагностики (по умолчанию — середина мая)")
    results: list[str] | None = Field(default=None, description="Ожидаемые результаты (по умолчанию — по должности педагога)")
    approver: Official | str | None = Field(default=None, description="Кто утверждает (по умолчанию — заместитель директора-куратор из базы)")
    approval: ApprovalInput | None = Field(default=None, description="Утверждение: дата или приказ")

    @model_validator(mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        """«2026/2027» or «2026-2027» is the school year starting in 2026."""
        if isinstance(value, dict) and isinstance(value.get("school_year"), str):
            text = value["school_year"].strip()
            head = text.replace("–", "/").replace("-", "/").split("/")[0].strip()
            if head.isdigit():
                value = {**value, "school_year": int(head)}
        return value


class DeficitRow(BaseModel):
    number: str
    area: str
    deficit: str
    diagnosed_by: str


class ActionRow(BaseModel):
    number: str
    action: str
    kind: str
    deadline: str
    responsible: str
    result: str


class ActionGroup(BaseModel):
    heading: str
    rows: list[ActionRow]


class IndividualRouteContext(ProgrammeFrame):
    """What ``programme_individual_route.docx`` places: the deficits, one task per deficit,
    the actions grouped by deficit and the repeated diagnosis as the last group."""

    teacher: PersonForms
    mentor: PersonForms | None
    school_year: str
    deficits: list[DeficitRow]
    tasks: list[Item]
    actions: list[ActionGroup]
    rediagnosis: str
    results: list[Item]


def _narrow(text: str) -> str:
    """Text of a narrow column of the actions' table: typographed, long words with soft
    hyphens, so that a word breaks at a syllable, not at any letter."""
    return soft_hyphens(typograph(text))


def _months_text(year: int, months: tuple[int, int] | None) -> str:
    if months is None:
        return "в течение учебного года"
    first, last = (add_months(dt.date(year, 9, 1), m) for m in months)
    return format_month_range(first, last)


def _deadline(deadline: dt.date | str | None) -> str:
    if deadline is None:
        return format_date(None, "numeric")
    if isinstance(deadline, dt.date):
        return f"до {format_date(deadline, 'numeric')}"
    return typograph(deadline)


def _mentor_of(teacher: Participant, registry: Registry | None) -> Participant | None:
    if registry is None or not teacher.id:
        return None
    for pair in registry.pairs:
        if pair.status is PairStatus.ACTIVE and teacher.id in pair.mentees:
            return registry.mentor_of(pair)
    return None


def _pair_year(teacher: Participant, registry: Registry | None) -> int | None:
    if registry is None or not teacher.id:
        return None
    for pair in registry.pairs:
        if teacher.id in pair.mentees or teacher.id == pair.mentor:
            return pair.start.year if pair.start.month >= 8 else pair.start.year - 1
    return None


def _approver(data: IndividualRouteInput) -> Official | Participant:
    found = resolve_official(data.approver, data.registry, "approver")
    if found is not None:
        return found
    if data.registry is not None:
        deputies = [p for p in data.registry.participants
                    if p.role is Role.CURATOR and p.post and "заместитель" in p.post.lower()]
        if deputies:
            return deputies[0]
    return data.organization.head


class _Roles:
    """Who answers for an action: the route's people by role, or the role's word. The
    psychologist is the route's teacher or mentor when one of them is (a psychologist's
    route never says «Гарипова А.Р., педагог-психолог» of her own training)."""

    def __init__(self, teacher: PersonForms, mentor: PersonForms | None, approver: Official | Participant,
                 psychologist: PersonForms | None = None):
        self.names = {"teacher": teacher.short_nominative}
        if mentor is not None:
            self.names["mentor"] = mentor.short_nominative
        if psychologist is not None:
            self.names["psychologist"] = psychologist.short_nominative
        if approver.post and "заместитель" in approver.post.lower():
            self.names["deputy"] = forms_of(approver).short_nominative

    def text(self, roles: tuple[str, ...]) -> str:
        return ", ".join(dict.fromkeys(self.names.get(r) or ROLE_WORDS[r] for r in roles))


def _action_group(i: int, deficit: Deficit, year: int, roles: _Roles, gives_lessons: bool) -> tuple[DeficitRow, ActionGroup]:
    area = upper_first(typograph(deficit.area))
    text = sentence(typograph(deficit.deficit))
    row = DeficitRow(number=f"{i}.", area=area, deficit=text,
                     diagnosed_by=upper_first(typograph(deficit.diagnosed_by)) if deficit.diagnosed_by else BLANK_NAME)
    if deficit.actions:
        for j, a in enumerate(deficit.actions, start=1):
            problem = deadline_problem(a.deadline, year) if a.deadline is not None else None
            if problem:
                raise bad_input(f"deficits → {i} → actions → {j} → deadline", problem,
                                format_date(a.deadline, "numeric") if isinstance(a.deadline, dt.date) else a.deadline)
        rows = [(a.action, a.kind or "", _deadline(a.deadline), a.responsible or roles.text(("teacher",)),
                 a.result or "") for a in deficit.actions]
    else:
        rows = [(d.action, d.kind, _months_text(year, d.months), roles.text(d.responsible), d.result)
                for d in (x.for_teacher(gives_lessons) for x in area_of(deficit.area).actions)]
    return row, ActionGroup(
        heading=f"{i}. {area}: {lower_first(text)}",
        rows=[ActionRow(number=f"{i}.{j}.", action=_narrow(sentence(a)), kind=_narrow(upper_first(k)),
                        deadline=upper_first(dl), responsible=typograph(who), result=_narrow(upper_first(r)))
              for j, (a, k, dl, who, r) in enumerate(rows, start=1)])


def _rediagnosis(data: IndividualRouteInput, year: int, roles: _Roles, gives_lessons: bool,
                 number: int) -> tuple[dt.date, ActionGroup]:
    day = data.rediagnosis or rediagnosis_day(year)
    first, last = school_year_bounds(year)
    if not first <= day <= last:
        raise bad_input("rediagnosis", deadline_problem(day, year) or "", format_date(day, "numeric"))
    observed = REDIAGNOSIS["observed_lessons" if gives_lessons else "observed_other"]
    action = sentence(typograph(" ".join(REDIAGNOSIS["text"].format(observed=observed).split())))
    row = ActionRow(number=f"{number}.1.", action=_narrow(action), kind="Диагностика",
                    deadline=format_date(day, "numeric"), responsible=typograph(roles.text(tuple(REDIAGNOSIS["responsible"]))),
                    result=_narrow(upper_first(REDIAGNOSIS["result"])))
    return day, ActionGroup(heading=f"{number}. Повторная диагностика профессиональных дефицитов", rows=[row])


def build_route(data: IndividualRouteInput) -> IndividualRouteContext:
    org = data.organization
    teacher_p = resolve_person(data.teacher, data.registry, "teacher")
    mentor_p = resolve_person(data.mentor, data.registry, "mentor") if data.mentor is not None \
        else _mentor_of(teacher_p, data.registry)
    year = data.school_year or _pair_year(teacher_p, data.registry)
    if year is None:
        raise bad_input("school_year", "не указан учебный год (school_year), например 2026 или «2026/2027»", code="field.missing")
    teacher, mentor = forms_of(teacher_p), forms_of(mentor_p) if mentor_p else None
    approver = _approver(data)
    psychologist = next((f for p, f in ((teacher_p, teacher), (mentor_p, mentor))
                         if p is not None and specialist_of(p) == "psychologist"), None)
    roles = _Roles(teacher, mentor, approver, psychologist)
    gives_lessons = lessons_mode([teacher_p]) == "all"
    school_year = format_school_year(year)
    experience = experience_years(teacher_p, dt.date(year, 9, 1))
    groups = [_action_group(i, d, year, roles, gives_lessons) for i, d in enumerate(data.deficits, start=1)]
    day, again = _rediagnosis(data, year, roles, gives_lessons, len(groups) + 1)
    passport = [
        PassportRow(label="Педагог", lines=[teacher.nominative]),
        PassportRow(label="Должность", lines=[upper_first(typograph(teacher.post.nominative)) if teacher.post else BLANK_NAME]),
        PassportRow(label="Педагогический стаж",
                    lines=[upper_first(experience) + f" (на 1{NBSP}сентября {year}{NBSP}г.)"
                           if experience else BLANK_NAME]),
        PassportRow(label="Квалификационная категория",
                    lines=[upper_first(typograph(data.qualification)) if data.qualification else BLANK_NAME]),
        PassportRow(label="Наставник", lines=[
            f"{mentor.nominative}, {describe(mentor_p, mentor)}".rstrip(", ") if mentor and mentor_p else "нет"]),
        PassportRow(label="Период реализации", lines=[upper_first(school_year)]),
        PassportRow(label="Повторная диагностика", lines=[format_date(day, "numeric")]),
    ]
    signatures = [SignatureRow(role="Педагог", name=teacher.initials_nominative)]
    if mentor is not None:
        signatures.append(SignatureRow(role="Наставник", name=mentor.initials_nominative))
    subtitle = [f"педагога {teacher.genitive},"]
    if teacher.post:
        subtitle.append(f"{lower_first(typograph(teacher.post.genitive))},")
    subtitle.append(f"на {school_year}")
    stamps = StampContext(left=[], right=approval_lines(data.approval, org, ROUTE_TITLE, approver))
    results_key = specialist_of(teacher_p) or ("teacher" if gives_lessons else "other")
    tasks = [d.task or TEXT["route_task"].format(deficit=lower_first(d.deficit.rstrip(". "))) for d in data.deficits]
    return IndividualRouteContext(
        **frame(org, stamps, ROUTE_TITLE.upper(), subtitle, passport, signatures),
        teacher=teacher,
        mentor=mentor,
        school_year=school_year,
        deficits=[row for row, _ in groups],
        tasks=list_items(tasks),
        actions=[group for _, group in groups] + [again],
        rediagnosis=format_date(day, "numeric"),
        results=list_items(data.results or route_results(results_key)),
    )


register(Kind(
    id="programme.individual_route",
    title="Индивидуальный образовательный маршрут педагога",
    build_context=build_route,
    family=FAMILY,
    description="ИОМ педагога по выявленным профессиональным дефицитам: задача на каждый дефицит, "
                "мероприятия, сроки в пределах учебного года, ответственные, формы результата, повторная "
                "диагностика, отметки о выполнении, подписи, утверждение.",
    samples=("programmes/individual_route.yaml",),
    output_name="Индивидуальный образовательный маршрут",
))
