"""The order appointing the curator: ``order.appoint_curator`` — назначение куратора
внедрения целевой модели наставничества (his or her duties, the control item).

A module of its own: the curator's order is often the first a school issues, and rendering
it needs none of the regulation's models and wording that :mod:`.organisation` builds.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ...ru import format_date, stop, sub_items, typograph
from .._base import Kind, register
from .._people import Ref, forms_of, with_post
from ._frame import FAMILY, TEXT, OrderContext, OrderInput, default_bases, order_fields, order_people, own_acts

__all__ = ["AppointCuratorInput"]


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
        bases=[*default_bases("order.appoint_curator"), *own_acts(data)],
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
