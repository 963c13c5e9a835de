"""``registry.mentors`` / ``registry.mentees`` — реестр (база) наставников / наставляемых.

A landscape table with the pairs of each person — category, post or class, experience
(mentors) or whether a young specialist (mentees), forms, partners, periods and the date of
the consent to personal-data processing — approved and signed by the curator; as DOCX and
as XLSX. A person in several pairs gets one line per pair in each column, numbered by pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..models import Category, Model, Official, Organization, Pair, PairStatus, Participant, Person, Registry, Role
from ..ru import BLANK_SHORT, agree, format_date, school_year_of, typograph
from ._base import Kind, register
from ._people import bad_input, find_participant, form_title, forms_of
from ._requisites import approval_stamp

__all__ = ["MenteeRegistryContext", "MentorRegistryContext", "RegistryListInput"]

FAMILY = "Реестры"
NBSP = "\u00a0"
DASH = "\u2013"
BLANK_SIGNATURE = "______________"


class ApprovalOrder(Model):
    """The order that approves the registry: «УТВЕРЖДЕН приказом … от … № …»."""

    date: dt.date | None = Field(default=None, description="Дата приказа")
    number: str | None = Field(default=None, description="Номер приказа")


class RegistryListInput(Model):
    """Реестр (база) наставников или наставляемых."""

    organization: Organization = Field(description="Организация")
    registry: Registry = Field(description="База наставников и наставляемых")
    date: dt.date | None = Field(default=None, description="По состоянию на дату (по умолчанию — сегодня)")
    approval: ApprovalOrder | None = Field(
        default=None, description="Приказ об утверждении; не указан — гриф «УТВЕРЖДАЮ» руководителя")
    include: Literal["all", "active"] = Field(default="all",
            description="Какие пары: all — все, active — только действующие")
    curator: Official | str | None = Field(default=None,
            description="Куратор: ФИО и должность или ID (ФИО) из базы (по умолчанию — куратор из базы)")


class MentorRow(BaseModel):
    number: str
    name: str
    category: str
    post: str
    experience: str
    forms: str
    partners: str
    periods: str
    consent: str


class MenteeRow(BaseModel):
    number: str
    name: str
    category: str
    post: str
    young: str
    forms: str
    partners: str
    periods: str
    consent: str


class _RegistryContext(BaseModel):
    """``approval`` — the lines of the approval stamp (also joined in ``approval_text``)."""

    approval: list[str]
    approval_text: str
    org_name: str
    title: str
    subtitle: str
    as_of: str
    total: str
    curator_post: str
    curator_name: str
    font_name: str
    font_size: float


class MentorRegistryContext(_RegistryContext):
    rows: list[MentorRow]


class MenteeRegistryContext(_RegistryContext):
    rows: list[MenteeRow]


def _years(n: int) -> str:
    """«1 год», «22 года», «28 лет» (``ru.agree`` gives «годов» for the counting form)."""
    return agree(n, "год").replace("годов", "лет").replace(" ", NBSP)


def _approval(data: RegistryListInput, title: str) -> list[str]:
    approval = data.approval
    order = (approval.date, approval.number) if approval is not None else None
    return approval_stamp(data.organization, title, order=order, sign_line=BLANK_SIGNATURE)


def _curator(data: RegistryListInput) -> tuple[str, str]:
    ref = data.curator
    if ref is None:
        found = [p for p in data.registry.participants if p.role is Role.CURATOR]
        if not found:
            return "Куратор программы наставничества", BLANK_SHORT
        curator: Person = found[0]
    elif isinstance(ref, str):
        curator = find_participant(data.registry, ref, "curator")
    else:
        curator = ref
    return "Куратор программы наставничества", forms_of(curator).initials_nominative


def _period(pair: Pair) -> str:
    """«01.09.2026–31.05.2027», «с 01.09.2026» (no end yet), with the status when not active."""
    start = format_date(pair.start, "numeric")
    text = f"{start}{DASH}{format_date(pair.end, 'numeric')}" if pair.end else f"с {start}"
    if pair.status is PairStatus.COMPLETED:
        text += " (завершена)"
    elif pair.status is PairStatus.ENDED_EARLY:
        text += " (прекращена досрочно)"
    return text


def _pairs(data: RegistryListInput) -> list[Pair]:
    pairs = data.registry.pairs
    return [p for p in pairs if p.status is PairStatus.ACTIVE] if data.include == "active" else list(pairs)


def _post_or_class(person: Participant) -> str:
    return typograph(person.post) if person.post else ""


def _category(person: Participant) -> str:
    return person.category.label if person.category is not Category.OTHER else "работник"


def _lines(values: Sequence[str], pairs: Sequence[Pair], registry: Registry) -> str:
    """One line per pair; with several pairs each line starts with the pair's number, so
    that the lines of the neighbouring columns can be matched."""
    if not values:
        return DASH
    if len(values) == 1:
        return values[0]
    labels = [p.id or str(registry.pairs.index(p) + 1) for p in pairs]
    return "\n".join(f"№{NBSP}{label}: {value}" for label, value in zip(labels, values))


def _registry_frame(data: RegistryListInput, what: str, count: str) -> dict[str, Any]:
    org = data.organization
    day = data.date or dt.date.today()
    curator_post, curator_name = _curator(data)
    title = f"РЕЕСТР (БАЗА) {what}"
    approval = _approval(data, title)
    return {
        "approval": approval,
        "approval_text": "\n".join(approval),
        "org_name": typograph(org.full_name),
        "title": title,
        "subtitle": typograph(f"{org.short_name} на {school_year_of(day)}"),
        "as_of": f"по состоянию на {format_date(day, 'long')}",
        "total": count,
        "curator_post": curator_post,
        "curator_name": curator_name,
        "font_name": org.font_name,
        "font_size": min(org.font_size, 12),
    }


def build_mentors(data: RegistryListInput) -> MentorRegistryContext:
    reg = data.registry
    day = data.date or dt.date.today()
    pairs = _pairs(data)
    people = [p for p in reg.mentors() if any(x.mentor == p.id for x in pairs) or p.role is Role.MENTOR]
    rows = []
    for i, person in enumerate(people, start=1):
        own = [p for p in pairs if p.mentor == person.id]
        experience = DASH
        if person.category is Category.TEACHER:
            years = person.experience_on(day)
            experience = _years(int(years)) if years is not None else "не указан"
        rows.append(MentorRow(
            number=f"{i}.", name=person.full_name, category=_category(person), post=_post_or_class(person),
            experience=experience, forms=_lines([form_title(reg, p) for p in own], own, reg),
            partners=_lines([", ".join(m.short_name for m in reg.mentees_of(p)) for p in own], own, reg),
            periods=_lines([_period(p) for p in own], own, reg),
            consent=format_date(person.consent_date, "numeric")))
    if not rows:
        raise bad_input("registry", "в базе нет наставников", code="registry.empty")
    return MentorRegistryContext(**_registry_frame(data, "НАСТАВНИКОВ", f"Всего: {agree(len(rows), 'наставник')}"),
                                 rows=rows)


def build_mentees(data: RegistryListInput) -> MenteeRegistryContext:
    reg = data.registry
    day = data.date or dt.date.today()
    pairs = _pairs(data)
    people = [p for p in reg.mentees() if any(p.id in x.mentees for x in pairs) or p.role is Role.MENTEE]
    rows = []
    for i, person in enumerate(people, start=1):
        own = [p for p in pairs if person.id in p.mentees]
        young = DASH
        if person.category is Category.TEACHER:
            young = "да" if person.is_young_specialist(day) else "нет"
        rows.append(MenteeRow(
            number=f"{i}.", name=person.full_name, category=_category(person), post=_post_or_class(person),
            young=young, forms=_lines([form_title(reg, p) for p in own], own, reg),
            partners=_lines([reg.mentor_of(p).short_name for p in own], own, reg),
            periods=_lines([_period(p) for p in own], own, reg),
            consent=format_date(person.consent_date, "numeric")))
    if not rows:
        raise bad_input("registry", "в базе нет наставляемых", code="registry.empty")
    total = f"Всего: {agree(len(rows), 'наставляемый')}"
    return MenteeRegistryContext(**_registry_frame(data, "НАСТАВЛЯЕМЫХ", total), rows=rows)


register(Kind(
    id="registry.mentors",
    title="Реестр (база) наставников",
    build_context=build_mentors,
    xlsx=True,
    family=FAMILY,
    description="Реестр наставников: категория, должность, стаж, формы, наставляемые, сроки, согласие на обработку ПД.",
    samples=("forms/registry_mentors.yaml",),
    output_name="Реестр наставников",
))

register(Kind(
    id="registry.mentees",
    title="Реестр (база) наставляемых",
    build_context=build_mentees,
    xlsx=True,
    family=FAMILY,
    description="Реестр наставляемых: категория, должность или класс, молодой специалист, формы, наставники, "
                "сроки, согласие на обработку ПД.",
    samples=("forms/registry_mentees.yaml",),
    output_name="Реестр наставляемых",
))
