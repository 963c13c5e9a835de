"""``order.final_event`` — проведение итогового мероприятия программы наставничества: date,
place, participants, programme (appendix), the person responsible (the rewards are in
:mod:`.reward`)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from ...models import Model
from ...ru import decline_post, format_date, gendered, typograph
from .._base import Kind, register
from .._people import Ref, forms_of, with_post
from .._requisites import appendix_mark
from ._frame import (
    FAMILY,
    OrderContext,
    OrderInput,
    TableAppendix,
    default_bases,
    order_fields,
    order_people,
    own_acts,
)

__all__ = ["FinalEventContext", "FinalEventInput", "ProgrammeItem"]


class ProgrammeRow(BaseModel):
    number: str
    time: str
    title: str
    responsible: str


class ProgrammeItem(Model):
    time: str = Field(min_length=1, description="Время («14:00–14:10»)")
    title: str = Field(min_length=1, description="Что происходит")
    responsible: str = Field(default="", description="Ответственный, ведущий")


class FinalEventContext(OrderContext):
    programme: TableAppendix[ProgrammeRow] | None = None


class FinalEventInput(OrderInput):
    """Приказ о проведении итогового мероприятия программы наставничества."""

    event: str = Field(min_length=1, description="Мероприятие (именительный падеж)")
    event_date: dt.date = Field(description="Дата проведения")
    time: str | None = Field(default=None, description="Время начала («14:00»)")
    venue: str = Field(min_length=1, description="Место (именительный падеж: «актовый зал»)")
    participants: str | None = Field(default=None, description="Участники (кого пригласить)")
    responsible: Ref = Field(description="Ответственный за подготовку и проведение")
    programme: list[ProgrammeItem] = Field(default_factory=list, description="Программа")


def build_final_event(data: FinalEventInput) -> FinalEventContext:
    people = order_people(data)
    responsible_p = people.find(data.responsible, "responsible")
    people.add("responsible", responsible_p)
    responsible = forms_of(responsible_p)
    event = typograph(data.event)
    when = format_date(data.event_date) + (f" в {data.time.strip()}" if data.time else "")
    items: list[str] = [f"Провести {decline_post(event, 'accusative')} {when} в "
                        f"{decline_post(typograph(data.venue), 'prepositional')}."]
    if data.participants:
        items.append(f"Пригласить к участию {typograph(data.participants).rstrip('.')}.")
    programme: TableAppendix[ProgrammeRow] | None = None
    if data.programme:
        items.append(f"Утвердить программу {decline_post(event, 'genitive')} (приложение).")
        rows = [ProgrammeRow(number=f"{i}.", time=typograph(p.time), title=typograph(p.title),
                             responsible=typograph(p.responsible))
                for i, p in enumerate(data.programme, start=1)]
        programme = TableAppendix[ProgrammeRow](mark=appendix_mark(None, "приказу", data),
                                  title=["Программа", decline_post(event, "genitive")], rows=rows)
    items.append(f"Назначить {with_post(responsible, 'accusative')} "
                 f"{gendered(responsible, 'ответственным', 'ответственной')} за подготовку и проведение "
                 f"{decline_post(event, 'genitive')}.")
    return FinalEventContext(**order_fields(
        data, people,
        heading=f"О проведении {decline_post(event.split('«')[0].strip(), 'genitive')}",
        bases=[*own_acts(data)] or default_bases("order.final_event"),
        purpose="подведения итогов реализации программ наставничества, популяризации практик "
                "наставничества и поощрения лучших наставников",
        items=[typograph(i) for i in items], named=[responsible_p],
        programme=programme,
    ))


register(Kind(
    id="order.final_event",
    title="Приказ о проведении итогового мероприятия программы наставничества",
    build_context=build_final_event, family=FAMILY,
    samples=("orders/final_event.yaml",), output_name="Приказ о проведении итогового мероприятия",
    description="Дата, место, участники, программа (приложение), ответственный.",
))
