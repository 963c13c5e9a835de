"""Orders that set the mentoring system up: the regulation, the model, the group (the
curator's order is in :mod:`.curator`).

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
    agreeing,
    decline_post,
    decline_title,
    format_date,
    forms_phrase,
    gendered,
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
from .._requisites import Act, CouncilDecision, appendix_mark
from ..regulation import (
    RegulationContent,
    approval_lines,
    considering_text,
    grif_lines,
    regulation_blocks,
    regulation_facts,
    regulation_title,
)
from ._frame import (
    DASH,
    FAMILY,
    Appendix,
    OrderContext,
    OrderInput,
    Section,
    TableAppendix,
    TextBlock,
    deadline_text,
    default_bases,
    order_fields,
    order_people,
    own_acts,
    title_lines,
)

__all__ = [
    "ApproveRegulationContext", "ApproveRegulationInput", "IntroduceModelInput",
    "MemberRow", "Monitoring", "RoadmapEvent", "RoadmapRow", "Section", "WorkingGroupContext",
    "WorkingGroupInput",
]

NBSP = "\u00a0"


# --------------------------------------------------------------------------- approve regulation


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
    roadmap: TableAppendix[RoadmapRow] | None = None


class ApproveRegulationInput(OrderInput):
    """Приказ об утверждении положения о системе наставничества и дорожной карты.

    The regulation is appended in full (``regulation.yaml``, changed by
    ``regulation_content``), or with the organisation's own text (``regulation_text``), or
    — ``regulation_separate`` — referred to as appendix № 1 issued as a document of its own
    (kind ``regulation``). The grifs and the «с учётом мнения …» of the preamble follow the
    councils the content names; ``council`` is the council that adopted it.
    """

    regulation_title: str | None = Field(
        default=None, description="Название положения (именительный падеж; по умолчанию — по охвату положения)")
    regulation_text: list[Section] = Field(
        default_factory=list, description="Свой текст положения по разделам (вместо типового)")
    regulation_content: RegulationContent | None = Field(
        default=None, description="Положение: охват, акты об оплате труда, советы и протоколы, изменения разделов")
    regulation_separate: bool = Field(
        default=False, description="Положение — отдельный документ (вид regulation): в приказе только ссылка на приложение")
    roadmap_title: str | None = Field(
        default="Дорожная карта (план мероприятий) по реализации Положения о системе наставничества",
        description="Название дорожной карты (пусто — не утверждается)")
    roadmap: list[RoadmapEvent] = Field(default_factory=list, description="Мероприятия дорожной карты")
    council: CouncilDecision | None = Field(default=None, description="Решение совета, принявшего положение")
    effective: dt.date | None = Field(default=None, description="Дата введения в действие")
    replaces: Act | None = Field(default=None, description="Прежнее положение, которое утрачивает силу (название, дата, номер)")


def _content(data: ApproveRegulationInput) -> RegulationContent:
    """The regulation's content with the order's council and date of entry into force."""
    content = data.regulation_content or RegulationContent()
    update: dict[str, Any] = {}
    if content.adopted is None and data.council is not None:
        update["adopted"] = data.council
    if content.effective is None and data.effective is not None:
        update["effective"] = data.effective
    if data.regulation_title and content.title is None:
        update["title"] = data.regulation_title
    return content.model_copy(update=update) if update else content


def _custom_blocks(sections: list[Section]) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    for s, section in enumerate(sections, start=1):
        blocks.append(TextBlock(text=f"{s}. {typograph(section.heading).rstrip('.')}", heading=True))
        blocks.extend(TextBlock(text=f"{s}.{p}. {sentence(typograph(point))}")
                      for p, point in enumerate(section.points, start=1))
    return blocks


def _ref(number: int) -> str:
    return f" (приложение{NBSP}№{NBSP}{number})"


def build_approve_regulation(data: ApproveRegulationInput) -> ApproveRegulationContext:
    people = order_people(data)
    org = typograph(data.organization.short_name)
    content = _content(data)
    reg_title = regulation_title(content, data.organization)
    order = (data.date, data.number)
    appendices: list[Appendix] = []
    items: list[Any] = [f"Утвердить {decline_title(reg_title, 'accusative')}{_ref(1)}."]
    if not data.regulation_separate:
        blocks = (_custom_blocks(data.regulation_text) if data.regulation_text
                  else regulation_blocks(content, data.organization, data.regional_acts))
        appendices.append(Appendix(mark=approval_lines(data.organization, reg_title, order, 1),
                                   grifs=grif_lines(content, data.organization),
                                   title=title_lines(reg_title), blocks=blocks))
    roadmap: TableAppendix[RoadmapRow] | None = None
    if data.roadmap_title:
        ref = _ref(2) if data.roadmap else ""
        items.append(f"Утвердить {lower_first(decline_title(typograph(data.roadmap_title), 'accusative'))}{ref}.")
        if data.roadmap:
            rows = [RoadmapRow(number=f"{i}.", event=typograph(e.event), deadline=typograph(e.deadline),
                               responsible=typograph(e.responsible))
                    for i, e in enumerate(data.roadmap, start=1)]
            roadmap = TableAppendix[RoadmapRow](mark=approval_lines(data.organization, data.roadmap_title, order, 2),
                                    title=title_lines(data.roadmap_title), rows=rows)
    if data.effective:
        what = "Положение и дорожную карту" if data.roadmap_title else "Положение"
        items.append(stop(f"Ввести в действие {what} с {format_date(data.effective)}"))
    if data.replaces is not None:
        old = data.replaces
        since = f" с {format_date(data.effective)}" if data.effective else ""
        items.append(stop(f"Признать {agreeing('утративший', old.title, 'instrumental')} силу{since} "
                          f"{old.cite('accusative')}"))
    purpose = f"организации системы наставничества педагогических работников и обучающихся в {org}"
    return ApproveRegulationContext(**order_fields(
        data, people,
        heading="Об утверждении Положения о системе наставничества"
                + (" и дорожной карты по его реализации" if data.roadmap_title else ""),
        bases=[*default_bases("order.approve_regulation", regulation_facts(content)),
               *own_acts(data, content.adopted)],
        purpose=purpose, clause=considering_text(content),
        items=items, appendices=appendices, roadmap=roadmap,
    ))


register(Kind(
    id="order.approve_regulation",
    title="Приказ об утверждении положения о системе наставничества и дорожной карты",
    build_context=build_approve_regulation, family=FAMILY,
    samples=("orders/approve_regulation.yaml",),
    output_name="Приказ об утверждении положения о наставничестве и дорожной карты",
    description="Утверждение положения (приложение 1: полный текст с грифами или ссылка на отдельный "
                "документ) и дорожной карты (приложение 2).",
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
        items.append(f"Реализовывать наставничество {forms_phrase(forms)}.")
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
        bases=[*default_bases("order.introduce_model"), *own_acts(data)],
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
    members: TableAppendix[MemberRow]


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
        bases=[*default_bases("order.working_group"), *own_acts(data)],
        purpose=f"координации работы по внедрению целевой модели наставничества в {org}",
        items=[typograph(i) if isinstance(i, str) else i for i in items], named=seen,
        members=TableAppendix[MemberRow](mark=appendix_mark(None, "приказу", data),
                              title=[typograph(t) for t in title], rows=rows),
    ))


register(Kind(
    id="order.working_group",
    title="Приказ о создании рабочей (творческой) группы по внедрению целевой модели наставничества",
    build_context=build_working_group, family=FAMILY,
    samples=("orders/working_group.yaml",), output_name="Приказ о создании рабочей группы",
    description="Состав группы (приложение), её задачи, поручения.",
))
