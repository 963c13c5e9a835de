"""``order.change_pair`` — замена наставника или досрочное прекращение наставничества в паре.

The order cites the ground that fits the pair: for a pair of employees art. 351.8 of the
Labour Code and the mentor's written notice (either party may end mentoring early, warning
the other in writing at least three working days before); for a pupil the application of
the mentee or their legal representative (a transfer, a request) and the regulation's
clause; never art. 351.8 for a pair with a pupil, a student or an employer's representative.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from ...models import Category, Pair, Participant, Person, Registry
from ...ru import close_apposition, decline_post, form_phrase, format_date, join_appositions, typograph
from .._base import Kind, register
from .._legal import pair_facts
from .._people import Ref, form_title, forms_of, is_staff, pair_labels, person_phrase
from .._requisites import Basis, act_reference
from ._frame import DASH, FAMILY, OrderContext, OrderInput, default_bases, order_fields, order_people, require_registry

__all__ = ["ChangePairInput", "NoticeFrom", "ground_text"]

NBSP = "\u00a0"

#: Who gave the written notice or application the order rests on.
NoticeFrom = Literal["mentor", "mentee", "representative"]

_NOTICE = {
    "mentor": "письменного уведомления наставника",
    "mentee": "заявления наставляемого",
    "representative": "заявления законного представителя обучающегося",
}


class ChangePairInput(OrderInput):
    """Приказ о замене наставника или досрочном прекращении наставничества в паре.

    ``notice_date`` is the date of the written notice or application the order rests on;
    ``notice_from`` says whose it is (by default: the mentor for a pair of employees, the
    legal representative for a pupil who may be a minor, otherwise the mentee).
    ``regulation_clause`` names the regulation's clause on the change («10.6»).
    """

    pair: str = Field(min_length=1, description="Номер пары в базе")
    action: Literal["replace_mentor", "end"] = Field(description="replace_mentor — заменить наставника; end — прекратить")
    effective: dt.date = Field(description="С какой даты")
    reason: str | None = Field(default=None, description="Причина (именительный падеж: «перевод …»); по умолчанию — из базы")
    new_mentor: Ref | None = Field(default=None, description="Новый наставник (для замены)")
    notice_date: dt.date | None = Field(
        default=None, description="Дата письменного уведомления (заявления), на основании которого издаётся приказ")
    notice_from: NoticeFrom | None = Field(
        default=None, description="Чьё уведомление (заявление): mentor — наставника, mentee — наставляемого, "
                                  "representative — законного представителя обучающегося; по умолчанию — по паре")
    regulation_clause: str | None = Field(
        default=None, description="Пункт положения о наставничестве, по которому заменяют или прекращают («10.6»)")

    @model_validator(mode="after")
    def _check(self) -> ChangePairInput:
        if self.registry is None:
            raise ValueError("нужна база наставников и наставляемых (registry)")
        labels = pair_labels(self.registry)
        if self.pair not in labels:
            raise ValueError(f"в базе нет пары № {self.pair}; есть: {', '.join(labels)}")
        if self.action == "replace_mentor" and self.new_mentor is None:
            raise ValueError("для замены наставника укажите нового наставника (new_mentor)")
        pair = self.registry.pairs[labels.index(self.pair)]
        if not (self.reason or pair.end_reason):
            raise ValueError("укажите причину (reason)")
        return self


def _default_notice(registry: Registry, pair: Pair, day: dt.date) -> NoticeFrom:
    if "staff_pair" in pair_facts(registry, [pair]):
        return "mentor"
    mentees = registry.mentees_of(pair)
    if any(isinstance(m, Participant) and m.category is Category.PUPIL and m.may_be_minor(day) for m in mentees):
        return "representative"
    return "mentee"


def ground_text(data: ChangePairInput, registry: Registry, pair: Pair) -> str:
    """«на основании письменного уведомления наставника от 16.03.2026» — blank lines for a
    date not given; "" when neither a date nor whose it is was given and nothing is known."""
    if data.notice_date is None and data.notice_from is None:
        return ""
    who = data.notice_from or _default_notice(registry, pair, data.effective)
    return f"на основании {_NOTICE[who]} от {format_date(data.notice_date, 'numeric')}"


def _clause_basis(data: ChangePairInput) -> list[Basis]:
    """«пунктом 10.6 Положения о системе наставничества …, утверждённого приказом от … № …»,
    or the regulation as a whole."""
    if data.regulation is None:
        return []
    if not data.regulation_clause:
        return [data.regulation]
    return [f"пунктом {data.regulation_clause.strip()} {data.regulation.cite('genitive')}"]


def build_change_pair(data: ChangePairInput) -> OrderContext:
    people = order_people(data)
    registry = require_registry(data)
    pair = registry.pairs[pair_labels(registry).index(data.pair)]
    mentor_p, mentees_p = registry.mentor_of(pair), registry.mentees_of(pair)
    named: list[Person] = [mentor_p, *mentees_p]
    mentor = forms_of(mentor_p)
    reason = decline_post(typograph(data.reason or pair.end_reason or ""), "instrumental")
    since = format_date(data.effective)
    whom = join_appositions([person_phrase(forms_of(p), p, "genitive") for p in mentees_p])
    form = f"в {form_phrase(form_title(registry, pair))}"
    items: list[str] = []
    if data.action == "end" or data.new_mentor is None:  # the validator asks for a new mentor to replace
        items.append(f"Прекратить досрочно с {since} наставничество "
                     f"{close_apposition(person_phrase(mentor, mentor_p, 'genitive'))} в отношении "
                     f"{close_apposition(f'{whom} (пара №{NBSP}{data.pair}, наставничество {form})')} "
                     f"в связи с {reason}.")
        heading = "О досрочном прекращении наставничества"
    else:
        new_p = people.find(data.new_mentor, "new_mentor")
        named.append(new_p)
        items.append(f"Освободить {close_apposition(person_phrase(mentor, mentor_p, 'accusative'))} от обязанностей "
                     f"наставника {close_apposition(f'{whom} (пара №{NBSP}{data.pair})')} с {since} "
                     f"в связи с {reason}.")
        fixed = join_appositions([person_phrase(forms_of(p), p, "accusative") for p in mentees_p])
        staff_pair = is_staff(new_p) and all(is_staff(m) for m in mentees_p)  # art. 351.8: consent in writing
        consent = " с письменного согласия наставника" if staff_pair else ""
        items.append(f"Закрепить за {close_apposition(person_phrase(forms_of(new_p), new_p, 'instrumental'))} "
                     f"{DASH} {close_apposition(fixed)} с {since}{' по ' + format_date(pair.end) if pair.end else ''} "
                     f"{form}{consent}.")
        heading = "О замене наставника в наставнической паре"
    if pair.agreement is not None and pair.agreement.monthly_pay:
        items.append(f"Прекратить с {since} выплату доплаты за наставническую деятельность "
                     f"{mentor.dative} (дополнительное соглашение к трудовому договору "
                     f"{act_reference(pair.agreement.date, pair.agreement.number)}).")
    return OrderContext(**order_fields(
        data, people, heading=heading,
        bases=[*default_bases("order.change_pair", pair_facts(registry, [pair])), *_clause_basis(data)],
        purpose=None, clause=ground_text(data, registry, pair),
        items=[typograph(i) for i in items], named=named,
    ))


register(Kind(
    id="order.change_pair",
    title="Приказ о замене наставника или досрочном прекращении наставничества",
    build_context=build_change_pair, family=FAMILY,
    samples=("orders/change_pair.yaml",), output_name="Приказ о досрочном прекращении наставничества",
    description="Замена наставника или досрочное прекращение пары: причина и основание по паре "
                "(уведомление наставника по ст. 351.8 ТК РФ для работников, заявление и пункт положения "
                "для обучающихся).",
))
