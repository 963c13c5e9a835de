"""``order.reward`` — поощрение участников наставнической деятельности.

Благодарность, почётная грамота, премия (sums in figures and words), ценный подарок; the
people listed or taken from the registry's completed pairs, each in the case the verb asks
for. Employees are rewarded by a personnel (л/с) order under art. 191 of the Labour Code and
the organisation's regulation on pay or incentives; pupils, students and partners' people
are never put into it: they are encouraged by a separate order of the main series (p. 28 of
part 1 of art. 34 of 273-ФЗ for pupils), which follows in the same file. A reward of a pupil
and a teacher therefore yields two orders, each with its own number.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, model_validator

from ...models import Category, Model, PairStatus, Participant, Person, Registry
from ...ru import money_in_words, school_year_of, sub_items, typograph
from .._base import Kind, register
from .._people import Ref, bad_input, forms_of, is_staff, person_phrase
from .._requisites import Act, Basis, CouncilDecision
from ._frame import DASH, FAMILY, TEXT, OrderContext, OrderInput, default_bases, order_fields, order_people, own_acts

__all__ = ["Award", "Recipient", "RewardContext", "RewardInput"]

AwardKind = Literal["благодарность", "грамота", "премия", "подарок"]


class Recipient(Model):
    """Who is rewarded, with an individual amount for a bonus."""

    person: Ref = Field(description="ID (ФИО) из базы или ФИО с должностью")
    amount: Decimal | None = Field(default=None, gt=0, description="Сумма премии, руб.")


class Award(Model):
    """One kind of reward and who receives it.

    ``kind``: благодарность (объявить кому), грамота (наградить кого), премия (выплатить
    кому, with ``amount`` each or per recipient; employees only), подарок (наградить ценным
    подарком). ``from_pairs`` adds the mentors (or mentees, or both) of the registry's
    completed pairs.
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
    """Приказ о поощрении участников наставнической деятельности.

    ``number`` is the number of the first order of the file: the personnel order when any
    employee is rewarded. Pupils and other participants who are not employees go into a
    separate order of the main series, numbered ``pupils_number``.
    """

    awards: list[Award] = Field(min_length=1, description="Поощрения")
    period: str | None = Field(default=None, description="За какой период («в 2025/2026 учебном году»)")
    council: CouncilDecision | None = Field(default=None, description="Решение совета о поощрении (протокол)")
    incentives_regulation: Act | None = Field(
        default=None, description="Положение об оплате труда (о премировании, стимулировании) работников; "
                                  "по умолчанию — «Положение об оплате труда работников …» без даты")
    pupils_number: str | None = Field(
        default=None, description="Номер отдельного приказа о поощрении обучающихся (по основной деятельности)")
    pupils_basis: list[Act | CouncilDecision | str] | None = Field(
        default=None, description="Основания приказа о поощрении обучающихся (по умолчанию — по правилам)")
    pupils_regulation: Act | None = Field(default=None, description="Положение о поощрениях обучающихся")

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


class RewardContext(OrderContext):
    """The first order of the file and the orders that follow it (``next_orders``: the
    pupils' order when employees and pupils are rewarded together)."""

    next_orders: list[OrderContext] = []


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


Items = list[Any]


def _award_items(data: RewardInput, org: str) -> tuple[Items, Items, list[Person], list[Person]]:
    """The items of the employees' order and of the others' order, and the people each names."""
    people = order_people(data)
    staff_items: Items = []
    other_items: Items = []
    staff_named: list[Person] = []
    other_named: list[Person] = []
    for i, award in enumerate(data.awards):
        case = TEXT["awards"][award.kind]["case"]
        staff_lines: list[str] = []
        other_lines: list[str] = []
        seen: list[Person] = []
        for ref, amount in _recipients(award, data.registry):
            try:
                person = ref if isinstance(ref, Person) else people.person(ref)
            except ValueError as exc:
                raise bad_input(f"awards[{i}].people", str(exc)) from None
            if person in seen:
                continue
            seen.append(person)
            staff = is_staff(person)
            if award.kind == "премия" and not staff:
                raise bad_input(f"awards[{i}].people", "премия выплачивается только работникам организации",
                                person.full_name)
            line = person_phrase(forms_of(person), person, case)
            if award.kind == "премия":
                line += f", {DASH} {money_in_words(amount)}"
            (staff_lines if staff else other_lines).append(line)
            (staff_named if staff else other_named).append(person)
        if not seen:
            raise bad_input(f"awards[{i}]", "некого поощрить: в базе нет завершённых пар, а список people пуст")
        for lines, items in ((staff_lines, staff_items), (other_lines, other_items)):
            if len(lines) == 1:  # a list of one: one sentence
                items.append(typograph(f"{_lead(award, org).rstrip(':')} {lines[0]}."))
            elif lines:
                items.append((_lead(award, org), sub_items(lines, lower=False)))
    return staff_items, other_items, staff_named, other_named


def _pupils_heading(named: list[Person]) -> str:
    pupils = all(isinstance(p, Participant) and p.category is Category.PUPIL for p in named)
    return ("О поощрении обучающихся, участвовавших в программах наставничества" if pupils
            else "О поощрении участников программ наставничества из числа обучающихся и партнёров")


def build_reward(data: RewardInput) -> RewardContext:
    org = typograph(data.organization.short_name)
    staff_items, other_items, staff_named, other_named = _award_items(data, org)
    period = data.period or "в " + school_year_of(data.date).replace("учебный год", "учебном году")
    purpose = (f"по итогам реализации программ наставничества {typograph(period)}, "
               f"в целях поощрения участников наставнической деятельности")
    orders: list[dict[str, Any]] = []
    if staff_items:
        pay_act = data.incentives_regulation or Act(title=f"Положение об оплате труда работников {org}")
        orders.append(order_fields(
            data, order_people(data), heading="О поощрении участников наставнической деятельности",
            bases=[*default_bases("order.reward"), pay_act, *own_acts(data, data.council)],
            purpose=purpose, items=staff_items, named=staff_named))
    if other_items:
        pupils = any(isinstance(p, Participant) and p.category in (Category.PUPIL, Category.STUDENT)
                     for p in other_named)
        bases: list[Basis] = [*default_bases("order.reward.pupils", {"pupil_rewarded"} if pupils else set()),
                              *([data.pupils_regulation] if data.pupils_regulation else []),
                              *own_acts(data, data.council)]
        second = data.model_copy(update={
            "number": data.pupils_number if orders or data.pupils_number else data.number,
            "basis": data.pupils_basis, "tasks": [] if orders else data.tasks})
        orders.append(order_fields(
            second, order_people(second), heading=_pupils_heading(other_named), bases=bases,
            purpose=purpose, items=other_items, named=other_named))
    first, *rest = orders
    return RewardContext(**first, next_orders=[OrderContext(**fields) for fields in rest])


register(Kind(
    id="order.reward",
    title="Приказ о поощрении участников наставнической деятельности",
    build_context=build_reward, family=FAMILY,
    samples=("orders/reward.yaml",), output_name="Приказ о поощрении участников наставничества",
    description="Благодарность, почётная грамота, премия (сумма цифрами и прописью), ценный подарок: работники — "
                "приказом по личному составу (ст. 191 ТК РФ), обучающиеся — отдельным приказом по основной "
                "деятельности в том же файле.",
))
