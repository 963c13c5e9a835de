"""Orders that close a programme year: rewarding the participants and the final event.

* ``order.reward`` — поощрение участников наставнической деятельности: благодарность,
  почётная грамота, премия (sums in figures and words), ценный подарок; the people listed
  or taken from the registry's completed pairs, each in the case the verb asks for;
* ``order.final_event`` — проведение итогового мероприятия: date, place, participants,
  programme (appendix), the person responsible.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from ...models import Category, Model, PairStatus, Participant, Person, Registry
from ...ru import decline_post, format_date, gendered, money_in_words, school_year_of, sub_items, typograph
from .._base import Kind, register
from .._people import Ref, bad_input, forms_of, person_phrase, with_post
from .._requisites import appendix_mark
from ._frame import (
    DASH,
    FAMILY,
    TEXT,
    OrderContext,
    OrderInput,
    TableAppendix,
    order_fields,
    order_people,
    own_acts,
)

__all__ = ["Award", "FinalEventContext", "FinalEventInput", "ProgrammeItem", "Recipient", "RewardInput"]


# --------------------------------------------------------------------------- reward

AwardKind = Literal["благодарность", "грамота", "премия", "подарок"]


class Recipient(Model):
    """Who is rewarded, with an individual amount for a bonus."""

    person: Ref = Field(description="ID (ФИО) из базы или ФИО с должностью")
    amount: Decimal | None = Field(default=None, gt=0, description="Сумма премии, руб.")


class Award(Model):
    """One kind of reward and who receives it.

    ``kind``: благодарность (объявить кому), грамота (наградить кого), премия (выплатить
    кому, with ``amount`` each or per recipient), подарок (наградить ценным подарком).
    ``from_pairs`` adds the mentors (or mentees, or both) of the registry's completed pairs.
    """

    kind: AwardKind = Field(description="Вид поощрения")
    reason: str = Field(min_length=1, description="За что («за успешное наставничество …»)")
    people: list[Ref | Recipient] = Field(default_factory=list, description="Кого поощрить")
    from_pairs: Literal["mentors", "mentees", "all"] | None = Field(
        default=None, description="Взять из завершённых пар: mentors / mentees / all")
    amount: Decimal | None = Field(default=None, gt=0, description="Премия каждому, руб.")
    issuer: str | None = Field(default=None, description="Чья грамота («Почётной грамотой МБОУ …»)")
    gift: str | None = Field(default=None, description="Что за подарок")


class RewardInput(OrderInput):
    """Приказ о поощрении участников наставнической деятельности."""

    awards: list[Award] = Field(min_length=1, description="Поощрения")
    period: str | None = Field(default=None, description="За какой период («в 2025/2026 учебном году»)")

    @model_validator(mode="after")
    def _check(self) -> RewardInput:
        for i, award in enumerate(self.awards):
            if award.from_pairs and self.registry is None:
                raise ValueError(f"поощрение {i + 1}: чтобы взять участников из пар, нужна база (registry)")
            if not award.people and not award.from_pairs:
                raise ValueError(f"поощрение {i + 1}: укажите, кого поощрить (people или from_pairs)")
            if award.kind == "премия":
                missing = [r for r in award.people if not isinstance(r, Recipient) or r.amount is None]
                if award.amount is None and (missing or award.from_pairs):
                    raise ValueError(f"поощрение {i + 1}: для премии укажите сумму (amount)")
        return self


def _recipients(award: Award, registry: Registry | None) -> list[tuple[Ref | Person, Decimal | None]]:
    out: list[tuple[Ref | Person, Decimal | None]] = []
    for entry in award.people:
        if isinstance(entry, Recipient):
            out.append((entry.person, entry.amount or award.amount))
        else:
            out.append((entry, award.amount))
    if award.from_pairs and registry is not None:
        for pair in registry.pairs_with_status(PairStatus.COMPLETED):
            if award.from_pairs in ("mentors", "all"):
                out.append((registry.mentor_of(pair), award.amount))
            if award.from_pairs in ("mentees", "all"):
                out.extend((m, award.amount) for m in registry.mentees_of(pair))
    return out


def _lead(award: Award, organization: str) -> str:
    """«Объявить благодарность за …:», «Наградить Почётной грамотой МБОУ … за …:» …"""
    gift = f" ({typograph(award.gift)})" if award.gift else ""
    return TEXT["awards"][award.kind]["lead"].format(
        reason=typograph(award.reason.strip().rstrip(".:")), issuer=typograph(award.issuer or organization),
        gift=gift)


def build_reward(data: RewardInput) -> OrderContext:
    people = order_people(data)
    org = typograph(data.organization.short_name)
    items: list[Any] = []
    named: list[Person] = []
    for i, award in enumerate(data.awards):
        case = TEXT["awards"][award.kind]["case"]
        lines: list[str] = []
        seen: list[Person] = []
        for ref, amount in _recipients(award, data.registry):
            try:
                person = ref if isinstance(ref, Person) else people.person(ref)
            except ValueError as exc:
                raise bad_input(f"awards[{i}].people", str(exc)) from None
            if person in seen:
                continue
            seen.append(person)
            if award.kind == "премия" and isinstance(person, Participant) and person.category in (
                    Category.PUPIL, Category.STUDENT):
                raise bad_input(f"awards[{i}].people", "премия выплачивается только работникам организации",
                                person.full_name)
            named.append(person)
            line = person_phrase(forms_of(person), person, case)
            if award.kind == "премия":
                line += f", {DASH} {money_in_words(amount)}"
            lines.append(line)
        if not lines:
            raise bad_input(f"awards[{i}]", "некого поощрить: в базе нет завершённых пар, а список people пуст")
        items.append((_lead(award, org), sub_items(lines, lower=False)))
    period = data.period or "в " + school_year_of(data.date).replace("учебный год", "учебном году")
    return OrderContext(**order_fields(
        data, people,
        heading="О поощрении участников наставнической деятельности",
        bases=[*own_acts(data)] or ["ТК-351.8"],
        purpose=f"по итогам реализации программ наставничества {typograph(period)}, "
                f"в целях поощрения участников наставнической деятельности",
        items=items, named=named,
    ))


register(Kind(
    id="order.reward",
    title="Приказ о поощрении участников наставнической деятельности",
    build_context=build_reward, family=FAMILY,
    samples=("orders/reward.yaml",), output_name="Приказ о поощрении участников наставничества",
    description="Благодарность, почётная грамота, премия (сумма цифрами и прописью), ценный подарок.",
))


# --------------------------------------------------------------------------- final event


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
    programme: TableAppendix | None = None


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
    programme = None
    if data.programme:
        items.append(f"Утвердить программу {decline_post(event, 'genitive')} (приложение).")
        rows = [ProgrammeRow(number=f"{i}.", time=typograph(p.time), title=typograph(p.title),
                             responsible=typograph(p.responsible))
                for i, p in enumerate(data.programme, start=1)]
        programme = TableAppendix(mark=appendix_mark(None, "приказу", data),
                                  title=["Программа", decline_post(event, "genitive")], rows=rows)
    items.append(f"Назначить {with_post(responsible, 'accusative')} "
                 f"{gendered(responsible, 'ответственным', 'ответственной')} за подготовку и проведение "
                 f"{decline_post(event, 'genitive')}.")
    return FinalEventContext(**order_fields(
        data, people,
        heading=f"О проведении {decline_post(event.split('«')[0].strip(), 'genitive')}",
        bases=[*own_acts(data)] or ["Р-145", "АЗ-1128/08"],
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
