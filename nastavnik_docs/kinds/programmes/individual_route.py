"""``programme.individual_route`` — индивидуальный образовательный маршрут педагога (ИОМ).

A teacher's route built from diagnosed professional deficits: the teacher (post,
experience, qualification category), the mentor, the school year, the deficits with how
each was found, the planned actions for each deficit with deadlines and the form of the
result, expected results, signatures and the deputy head's approval. The default actions
per competence area are data in ``programmes.yaml`` (:data:`ROUTE_AREAS`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, model_validator

from ...models import Model, Official, Organization, PairStatus, Participant, Registry, Role
from ...ru import (
    BLANK_NAME,
    PersonForms,
    format_date,
    format_month_range,
    format_school_year,
    lower_first,
    sentence,
    typograph,
    upper_first,
)
from .._base import Kind, register
from .._people import bad_input, forms_of
from .._requisites import Item
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

__all__ = ["ROUTE_AREAS", "Deficit", "IndividualRouteContext", "IndividualRouteInput", "RouteAction",
           "RouteArea", "build_route"]

FAMILY = "Программы"
NBSP = "\u00a0"
ROUTE_TITLE = "Индивидуальный образовательный маршрут"


@dataclass(frozen=True)
class RouteArea:
    """Default actions for deficits of one competence area: (kind, action, months, result).

    ``keys`` are the words that find the area in a deficit's area; ``months`` are offsets
    from September of the school year (0 = September, 8 = May), None meaning «в течение
    учебного года».
    """

    keys: tuple[str, ...]
    actions: tuple[tuple[str, str, tuple[int, int] | None, str], ...]


def _route_area(data: dict[str, Any]) -> RouteArea:
    return RouteArea(keys=tuple(data.get("keys", ())), actions=tuple(
        (a["kind"], a["action"], tuple(a["months"]) if a["months"] else None, a["result"])
        for a in data["actions"]))


ROUTE_AREAS: dict[str, RouteArea] = {key: _route_area(area) for key, area in TEXT["route_areas"].items()}
_ROUTE_FALLBACK = _route_area({"actions": TEXT["route_fallback"]})
ROUTE_RESULTS: tuple[str, ...] = tuple(TEXT["route_results"])


class RouteAction(Model):
    """A planned action for one deficit."""

    action: str = Field(min_length=1, description="Мероприятие")
    kind: str | None = Field(default=None, description="Вид: курсы повышения квалификации, самообразование…")
    deadline: dt.date | str | None = Field(default=None, description="Срок: дата или текст («октябрь–декабрь 2026 г.»)")
    result: str | None = Field(default=None, description="Форма результата (отчёта)")


class Deficit(Model):
    """A diagnosed professional deficit."""

    area: str = Field(min_length=1, description="Компетенция (область): предметная, методическая…")
    deficit: str = Field(min_length=1, description="Выявленный дефицит")
    diagnosed_by: str | None = Field(default=None, description="Как выявлен (анкетирование, посещение уроков, диагностика)")
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
    results: list[str] | None = Field(default=None, description="Ожидаемые результаты")
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
    result: str


class ActionGroup(BaseModel):
    heading: str
    rows: list[ActionRow]


class IndividualRouteContext(ProgrammeFrame):
    """What ``programme_individual_route.docx`` places."""

    teacher: PersonForms
    mentor: PersonForms | None
    school_year: str
    deficits: list[DeficitRow]
    actions: list[ActionGroup]
    results: list[Item]


def _area(text: str) -> RouteArea:
    low = text.lower()
    for area in ROUTE_AREAS.values():
        if any(k in low for k in area.keys):
            return area
    return _ROUTE_FALLBACK


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


def _action_group(i: int, deficit: Deficit, year: int) -> tuple[DeficitRow, ActionGroup]:
    area = upper_first(typograph(deficit.area))
    text = sentence(typograph(deficit.deficit))
    row = DeficitRow(number=f"{i}.", area=area, deficit=text,
                     diagnosed_by=upper_first(typograph(deficit.diagnosed_by)) if deficit.diagnosed_by else BLANK_NAME)
    if deficit.actions:
        rows = [(a.action, a.kind or "", _deadline(a.deadline), a.result or "") for a in deficit.actions]
    else:
        rows = [(action, kind, _months_text(year, months), result)
                for kind, action, months, result in _area(deficit.area).actions]
    return row, ActionGroup(
        heading=f"{i}. {area}: {lower_first(text)}",
        rows=[ActionRow(number=f"{i}.{j}.", action=typograph(sentence(a)), kind=upper_first(typograph(k)),
                        deadline=upper_first(dl), result=upper_first(typograph(r)))
              for j, (a, k, dl, r) in enumerate(rows, start=1)])


def build_route(data: IndividualRouteInput) -> IndividualRouteContext:
    org = data.organization
    teacher_p = resolve_person(data.teacher, data.registry, "teacher")
    mentor_p = resolve_person(data.mentor, data.registry, "mentor") if data.mentor is not None \
        else _mentor_of(teacher_p, data.registry)
    year = data.school_year or _pair_year(teacher_p, data.registry)
    if year is None:
        raise bad_input("school_year", "не указан учебный год (school_year), например 2026 или «2026/2027»", code="field.missing")
    teacher, mentor = forms_of(teacher_p), forms_of(mentor_p) if mentor_p else None
    school_year = format_school_year(year)
    experience = experience_years(teacher_p, dt.date(year, 9, 1))
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
    ]
    groups = [_action_group(i, d, year) for i, d in enumerate(data.deficits, start=1)]
    signatures = [SignatureRow(role="Педагог", name=teacher.initials_nominative)]
    if mentor is not None:
        signatures.append(SignatureRow(role="Наставник", name=mentor.initials_nominative))
    subtitle = [f"педагога {teacher.genitive},"]
    if teacher.post:
        subtitle.append(f"{lower_first(typograph(teacher.post.genitive))},")
    subtitle.append(f"на {school_year}")
    stamps = StampContext(left=[], right=approval_lines(data.approval, org, ROUTE_TITLE, _approver(data)))
    return IndividualRouteContext(
        **frame(org, stamps, ROUTE_TITLE.upper(), subtitle, passport, signatures),
        teacher=teacher,
        mentor=mentor,
        school_year=school_year,
        deficits=[row for row, _ in groups],
        actions=[group for _, group in groups],
        results=list_items(data.results or ROUTE_RESULTS),
    )


register(Kind(
    id="programme.individual_route",
    title="Индивидуальный образовательный маршрут педагога",
    build_context=build_route,
    family=FAMILY,
    description="ИОМ педагога по выявленным профессиональным дефицитам: мероприятия, сроки, "
                "формы результата, отметки о выполнении, подписи, утверждение.",
    samples=("programmes/individual_route.yaml",),
    output_name="Индивидуальный образовательный маршрут",
))
