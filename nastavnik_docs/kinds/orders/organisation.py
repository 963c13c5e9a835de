"""Orders that set the mentoring system up: the curator, the regulation, the model, the group.

* ``order.appoint_curator`` — назначение куратора внедрения целевой модели наставничества;
* ``order.approve_regulation`` — утверждение положения о системе наставничества (приложение 1)
  и дорожной карты (приложение 2);
* ``order.introduce_model`` — внедрение целевой модели: сроки, формы, ответственный, мониторинг;
* ``order.working_group`` — создание рабочей (творческой) группы и её состав (приложение).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, model_validator

from ...models import Model, Person
from ...ru import (
    decline_post,
    format_date,
    gendered,
    join_and,
    lower_first,
    period_text,
    sentence,
    stop,
    sub_items,
    typograph,
    upper_first,
)
from .._base import Kind, register
from .._people import Ref, forms_of, with_post
from .._requisites import CouncilDecision, DocumentInput, appendix_mark, approval_stamp
from ._frame import (
    DASH,
    FAMILY,
    FEDERAL_MODEL,
    TEXT,
    Appendix,
    OrderContext,
    OrderInput,
    TableAppendix,
    TextBlock,
    deadline_text,
    order_fields,
    order_people,
    own_acts,
)

__all__ = [
    "AppointCuratorInput", "ApproveRegulationContext", "ApproveRegulationInput", "IntroduceModelInput",
    "MemberRow", "Monitoring", "RoadmapEvent", "RoadmapRow", "Section", "WorkingGroupContext",
    "WorkingGroupInput",
]

NBSP = "\u00a0"


# --------------------------------------------------------------------------- appoint curator


class AppointCuratorInput(OrderInput):
    """Приказ о назначении куратора внедрения целевой модели наставничества."""

    curator: Ref = Field(description="Куратор: ФИО и должность или ID (ФИО) участника из базы")
    scope: str = Field(
        default="системы (целевой модели) наставничества педагогических работников и обучающихся",
        description="Чего куратор (родительный падеж)")
    since: dt.date | None = Field(default=None, description="С какой даты (по умолчанию — с даты приказа)")
    duties: list[str] | None = Field(default=None, description="Обязанности куратора (по умолчанию — типовые)")


def build_appoint_curator(data: AppointCuratorInput) -> OrderContext:
    people = order_people(data)
    curator_p = people.find(data.curator, "curator")
    people.add("curator", curator_p)
    curator = forms_of(curator_p)
    since = data.since or data.date
    org = typograph(data.organization.short_name)
    first = stop(f"Назначить {with_post(curator, 'accusative')} куратором внедрения и реализации "
                 f"{data.scope} в {org}" + (f" с {format_date(since)}" if since else ""))
    items = [
        typograph(first),
        ("Возложить на куратора следующие обязанности:", sub_items(data.duties or TEXT["curator_duties"])),
    ]
    return OrderContext(**order_fields(
        data, people,
        heading="О назначении куратора внедрения целевой модели наставничества",
        bases=[*FEDERAL_MODEL, *own_acts(data)],
        purpose=f"организации внедрения и реализации {data.scope} в {org}",
        items=items, named=[curator_p],
    ))


register(Kind(
    id="order.appoint_curator",
    title="Приказ о назначении куратора внедрения целевой модели наставничества",
    build_context=build_appoint_curator, family=FAMILY,
    samples=("orders/appoint_curator.yaml",), output_name="Приказ о назначении куратора",
    description="Назначение куратора, его обязанности, поручения и контроль.",
))


# --------------------------------------------------------------------------- approve regulation


class Section(Model):
    """A section of an approved document: its heading and its points (numbered in Python)."""

    heading: str = Field(min_length=1, description="Заголовок раздела")
    points: list[str] = Field(min_length=1, description="Пункты раздела")


class RoadmapEvent(Model):
    """One event of the roadmap appended to the order."""

    event: str = Field(min_length=1, description="Мероприятие")
    deadline: str = Field(min_length=1, description="Срок")
    responsible: str = Field(min_length=1, description="Ответственный")
    result: str | None = Field(default=None, description="Результат, вид документа")


class RoadmapRow(BaseModel):
    number: str
    event: str
    deadline: str
    responsible: str


class ApproveRegulationContext(OrderContext):
    roadmap: TableAppendix | None = None


class ApproveRegulationInput(OrderInput):
    """Приказ об утверждении положения о системе наставничества и дорожной карты."""

    regulation_title: str = Field(
        default="Положение о системе наставничества педагогических работников и обучающихся",
        description="Название положения (именительный падеж)")
    regulation_text: list[Section] = Field(default_factory=list, description="Текст положения по разделам")
    roadmap_title: str | None = Field(
        default="Дорожная карта (план мероприятий) по реализации Положения о системе наставничества",
        description="Название дорожной карты (пусто — не утверждается)")
    roadmap: list[RoadmapEvent] = Field(default_factory=list, description="Мероприятия дорожной карты")
    council: CouncilDecision | None = Field(default=None, description="Решение совета, одобрившего положение")
    effective: dt.date | None = Field(default=None, description="Дата введения в действие")


def _approved_mark(number: int, title: str, data: DocumentInput) -> list[str]:
    """«Приложение № 1 / УТВЕРЖДЕНО / приказом МБОУ … / от … № …»."""
    return [appendix_mark(number, "приказу", data)[0],
            *approval_stamp(data.organization, title, order=(data.date, data.number))]


def _title_lines(title: str) -> list[str]:
    """«ПОЛОЖЕНИЕ», «о системе наставничества …»: the kind of document in capitals."""
    words = typograph(title).split(" ", 1)
    head = words[0].upper()
    if len(words) == 1:
        return [head]
    rest = words[1]
    if rest.startswith("(") and ")" in rest:  # «Дорожная карта (план мероприятий) по …»
        inner, _, rest = rest.partition(")")
        head, rest = f"{head} {inner.upper()})", rest.strip()
    elif rest.split(" ", 1)[0][:1].islower() and rest.split(" ", 1)[0] not in ("о", "об", "по"):
        first, _, rest = rest.partition(" ")
        head = f"{head} {first.upper()}"
    return [head, rest] if rest else [head]


def build_approve_regulation(data: ApproveRegulationInput) -> ApproveRegulationContext:
    people = order_people(data)
    org = typograph(data.organization.short_name)
    reg_title = f"{data.regulation_title} {org}" if org not in data.regulation_title else data.regulation_title
    appendices: list[Appendix] = []
    items: list[Any] = []
    number = 1
    reg_ref = f" (приложение{NBSP}№{NBSP}{number})" if data.regulation_text else ""
    items.append(f"Утвердить {decline_post(typograph(reg_title), 'accusative')}{reg_ref}.")
    if data.regulation_text:
        blocks: list[TextBlock] = []
        for s, section in enumerate(data.regulation_text, start=1):
            blocks.append(TextBlock(text=f"{s}. {typograph(section.heading).rstrip('.')}", heading=True))
            blocks.extend(TextBlock(text=f"{s}.{p}. {sentence(typograph(point))}")
                          for p, point in enumerate(section.points, start=1))
        appendices.append(Appendix(mark=_approved_mark(number, reg_title, data),
                                   title=_title_lines(reg_title), blocks=blocks))
        number += 1
    roadmap = None
    if data.roadmap_title:
        ref = f" (приложение{NBSP}№{NBSP}{number})" if data.roadmap else ""
        items.append(f"Утвердить {lower_first(decline_post(typograph(data.roadmap_title), 'accusative'))}{ref}.")
        if data.roadmap:
            rows = [RoadmapRow(number=f"{i}.", event=typograph(e.event), deadline=typograph(e.deadline),
                               responsible=typograph(e.responsible))
                    for i, e in enumerate(data.roadmap, start=1)]
            roadmap = TableAppendix(mark=_approved_mark(number, data.roadmap_title, data),
                                    title=_title_lines(data.roadmap_title), rows=rows)
    if data.effective:
        what = "Положение и дорожную карту" if data.roadmap_title else "Положение"
        items.append(stop(f"Ввести в действие {what} с {format_date(data.effective)}"))
    purpose = f"организации системы наставничества педагогических работников и обучающихся в {org}"
    return ApproveRegulationContext(**order_fields(
        data, people,
        heading="Об утверждении Положения о системе наставничества"
                + (" и дорожной карты по его реализации" if data.roadmap_title else ""),
        bases=[*FEDERAL_MODEL, *own_acts(data, data.council)], purpose=purpose,
        items=items, appendices=appendices, roadmap=roadmap,
    ))


register(Kind(
    id="order.approve_regulation",
    title="Приказ об утверждении положения о системе наставничества и дорожной карты",
    build_context=build_approve_regulation, family=FAMILY,
    samples=("orders/approve_regulation.yaml",),
    output_name="Приказ об утверждении положения о наставничестве и дорожной карты",
    description="Утверждение положения (приложение 1) и дорожной карты (приложение 2).",
))


# --------------------------------------------------------------------------- introduce model


class Monitoring(Model):
    """A stage of monitoring: «входной», «промежуточный», «итоговый» and its date or period."""

    stage: str = Field(min_length=1, description="Этап мониторинга")
    deadline: dt.date | str = Field(description="Дата или срок")


class IntroduceModelInput(OrderInput):
    """Приказ о внедрении целевой модели наставничества."""

    start: dt.date = Field(description="Начало внедрения")
    end: dt.date | None = Field(default=None, description="Окончание этапа внедрения")
    scope: str = Field(default="педагогических работников и обучающихся",
                       description="Чьего наставничества (родительный падеж)")
    forms: list[str] = Field(default_factory=list, description="Формы наставничества (по умолчанию — из базы)")
    responsible: Ref = Field(description="Ответственный за внедрение (обычно куратор)")
    monitoring: list[Monitoring] = Field(default_factory=list, description="Мониторинг: этапы и сроки")

    @model_validator(mode="after")
    def _dates(self) -> IntroduceModelInput:
        if self.end is not None and self.end <= self.start:
            raise ValueError("окончание внедрения должно быть позже начала")
        return self


def build_introduce_model(data: IntroduceModelInput) -> OrderContext:
    people = order_people(data)
    org = typograph(data.organization.short_name)
    responsible_p = people.find(data.responsible, "responsible")
    people.add("responsible", responsible_p)
    responsible = forms_of(responsible_p)
    forms = data.forms or ([f.form for f in data.registry.pairs] if data.registry else [])
    forms = list(dict.fromkeys(typograph(f) for f in forms))
    items: list[Any] = [stop(f"Внедрить систему (целевую модель) наставничества {data.scope} в {org} "
                             f"{period_text(data.start, data.end)}")]
    if forms:
        items.append("Реализовывать наставничество в формах " + join_and([f"«{f}»" for f in forms]) + ".")
    items.append(f"Назначить {with_post(responsible, 'accusative')} "
                 f"{gendered(responsible, 'ответственным', 'ответственной')} за внедрение целевой модели "
                 f"наставничества, координацию работы наставников и ведение базы наставников и наставляемых.")
    if data.monitoring:
        lines = [f"{lower_first(typograph(m.stage))} {DASH} {deadline_text(m.deadline)}" for m in data.monitoring]
        items.append((f"{upper_first(with_post(responsible, 'dative'))} провести мониторинг реализации "
                      f"программ наставничества в сроки:", sub_items(lines)))
    return OrderContext(**order_fields(
        data, people,
        heading="О внедрении целевой модели наставничества",
        bases=[*FEDERAL_MODEL, *own_acts(data)],
        purpose=f"повышения профессиональной компетентности педагогических работников, "
                f"раскрытия личностного потенциала обучающихся и развития наставничества в {org}",
        items=[typograph(i) if isinstance(i, str) else i for i in items], named=[responsible_p],
    ))


register(Kind(
    id="order.introduce_model",
    title="Приказ о внедрении целевой модели наставничества",
    build_context=build_introduce_model, family=FAMILY,
    samples=("orders/introduce_model.yaml",), output_name="Приказ о внедрении целевой модели наставничества",
    description="Сроки внедрения, формы, ответственный, мониторинг, поручения.",
))


# --------------------------------------------------------------------------- working group


class MemberRow(BaseModel):
    number: str
    name: str
    post: str
    role: str


class WorkingGroupContext(OrderContext):
    members: TableAppendix


class WorkingGroupInput(OrderInput):
    """Приказ о создании рабочей (творческой) группы."""

    group: str = Field(default="рабочая группа", description="Вид группы («рабочая группа», «творческая группа»)")
    purpose_of_group: str = Field(
        default="по внедрению целевой модели наставничества",
        description="Для чего группа («по внедрению целевой модели наставничества»)")
    leader: Ref = Field(description="Руководитель группы")
    secretary: Ref | None = Field(default=None, description="Секретарь группы")
    members: list[Ref] = Field(min_length=1, description="Члены группы")
    functions: list[str] = Field(default_factory=list, description="Задачи группы")


def build_working_group(data: WorkingGroupInput) -> WorkingGroupContext:
    people = order_people(data)
    org = typograph(data.organization.short_name)
    group = typograph(data.group)
    people.add("leader", people.find(data.leader, "leader"))
    roles = [(data.leader, "руководитель", "leader"),
             *([(data.secretary, "секретарь", "secretary")] if data.secretary else []),
             *((m, "член", "members") for m in data.members)]
    rows: list[MemberRow] = []
    seen: list[Person] = []
    for ref, role, field in roles:
        person = people.find(ref, field)
        if person in seen:
            continue
        seen.append(person)
        forms = forms_of(person)
        rows.append(MemberRow(number=f"{len(rows) + 1}.", name=forms.nominative,
                              post=typograph(upper_first(forms.post.nominative)),
                              role="член группы" if role == "член" else role))
    group_acc = decline_post(f"{group} {data.purpose_of_group}", "accusative")
    items: list[Any] = [
        f"Создать {group_acc} в {org} (далее {DASH} {group}).",
        f"Утвердить состав {decline_post(group, 'genitive')} (приложение).",
    ]
    if data.functions:
        items.append((f"Определить основными задачами {decline_post(group, 'genitive')}:", sub_items(data.functions)))
    title = [f"Состав {decline_post(group, 'genitive')}", typograph(data.purpose_of_group)]
    return WorkingGroupContext(**order_fields(
        data, people,
        heading=f"О создании {decline_post(group, 'genitive')} {data.purpose_of_group}",
        bases=[*FEDERAL_MODEL, *own_acts(data)],
        purpose=f"координации работы по внедрению целевой модели наставничества в {org}",
        items=[typograph(i) if isinstance(i, str) else i for i in items], named=seen,
        members=TableAppendix(mark=appendix_mark(None, "приказу", data),
                              title=[typograph(t) for t in title], rows=rows),
    ))


register(Kind(
    id="order.working_group",
    title="Приказ о создании рабочей (творческой) группы по внедрению целевой модели наставничества",
    build_context=build_working_group, family=FAMILY,
    samples=("orders/working_group.yaml",), output_name="Приказ о создании рабочей группы",
    description="Состав группы (приложение), её задачи, поручения.",
))
