"""Orders about mentors and pairs: who mentors, who is fixed to whom, and changes.

* ``order.appoint_mentors`` — назначение наставников (from the registry or listed) and their duties;
* ``order.assign_pairs`` — закрепление наставнических пар (групп): the pairs in an appendix
  table with the mentors' consents and supplementary agreements, and the pay under art.
  351.8 of the Labour Code;
* ``order.change_pair`` — замена наставника или досрочное прекращение наставничества в паре.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from ...models import Category, Pair, PairStatus, Participant, Person, Registry
from ...ru import (
    PersonForms,
    decline_post,
    format_date,
    format_number,
    join_and,
    money_in_words,
    period_text,
    pupil_text,
    school_year_of,
    sub_items,
    typograph,
)
from .._base import Kind, register
from .._people import Ref, form_title, forms_of, pair_labels, person_phrase
from .._requisites import Act, act_reference, appendix_mark
from ._frame import (
    DASH,
    FAMILY,
    LABOUR,
    TEXT,
    OrderContext,
    OrderInput,
    TableAppendix,
    order_fields,
    order_people,
    own_acts,
    require_registry,
)

__all__ = ["AppointMentorsInput", "AssignPairsContext", "AssignPairsInput", "ChangePairInput", "PairRow"]

NBSP = "\u00a0"


# --------------------------------------------------------------------------- appoint mentors


class AppointMentorsInput(OrderInput):
    """Приказ о назначении наставников."""

    mentors: list[Ref] | None = Field(
        default=None, description="Наставники: ID (ФИО) из базы или ФИО с должностью (по умолчанию — наставники действующих пар)")
    school_year: str | None = Field(default=None, description="Учебный год («2026/2027»)")
    duties: list[str] | None = Field(default=None, description="Поручения наставникам (по умолчанию — типовые)")
    interview: Act | None = Field(default=None, description="Протокол собеседования или рассмотрения кандидатов")

    @model_validator(mode="after")
    def _some_mentors(self) -> AppointMentorsInput:
        if self.mentors is None and self.registry is None:
            raise ValueError("укажите наставников (mentors) или базу наставников (registry)")
        return self


def _default_mentors(registry: Registry) -> list[Person]:
    active = registry.pairs_with_status(PairStatus.ACTIVE)
    ids = list(dict.fromkeys(p.mentor for p in active))
    return [registry.participant(i) for i in ids]


def build_appoint_mentors(data: AppointMentorsInput) -> OrderContext:
    people = order_people(data)
    refs: list[Ref] | list[Person] = data.mentors if data.mentors is not None else _default_mentors(require_registry(data))
    mentors = [people.find(ref, f"mentors[{i}]") for i, ref in enumerate(refs)]
    lines = [person_phrase(forms_of(person), person, "accusative") for person in mentors]
    year = (f"{data.school_year.strip()}{NBSP}учебный год" if data.school_year and "учеб" not in data.school_year
            else (data.school_year or school_year_of(data.date)))
    items: list[Any] = [
        (f"Назначить наставниками на {decline_post(typograph(year), 'accusative')} с их письменного согласия:",
         sub_items(lines, lower=False)),
        ("Наставникам:", sub_items(data.duties or TEXT["mentor_duties"])),
    ]
    return OrderContext(**order_fields(
        data, people,
        heading="О назначении наставников",
        bases=[*LABOUR, *own_acts(data, data.interview)],
        purpose="организации наставничества педагогических работников и обучающихся",
        items=items, named=mentors,
    ))


register(Kind(
    id="order.appoint_mentors",
    title="Приказ о назначении наставников",
    build_context=build_appoint_mentors, family=FAMILY,
    samples=("orders/appoint_mentors.yaml",), output_name="Приказ о назначении наставников",
    description="Список наставников (из базы или по списку) и их поручения.",
))


# --------------------------------------------------------------------------- assign pairs


class PairRow(BaseModel):
    number: str
    mentor: str
    mentees: str
    form: str
    term: str
    consent: str


class AssignPairsContext(OrderContext):
    pairs: TableAppendix


class AssignPairsInput(OrderInput):
    """Приказ о закреплении наставнических пар (групп)."""

    pairs: list[str] | None = Field(default=None, description="Номера пар из базы (по умолчанию — все действующие)")

    @model_validator(mode="after")
    def _pairs_known(self) -> AssignPairsInput:
        if self.registry is None:
            raise ValueError("нужна база наставников и наставляемых (registry): пары берутся из неё")
        labels = pair_labels(self.registry)
        for wanted in self.pairs or []:
            if str(wanted) not in labels:
                raise ValueError(f"в базе нет пары № {wanted}; есть: {', '.join(labels)}")
        if not self.pairs and not self.registry.pairs_with_status(PairStatus.ACTIVE):
            raise ValueError("в базе нет действующих пар: укажите номера пар (pairs)")
        return self


def _selected_pairs(data: AssignPairsInput) -> list[tuple[str, Pair]]:
    registry = require_registry(data)
    labelled = list(zip(pair_labels(registry), registry.pairs))
    if data.pairs:
        wanted = [str(p) for p in data.pairs]
        return [lp for w in wanted for lp in labelled if lp[0] == w]
    return [lp for lp in labelled if lp[1].status is PairStatus.ACTIVE]


def _cell_person(forms: PersonForms, person: Person) -> str:
    post = typograph(person.post) if isinstance(person, Participant) and person.post else ""
    if isinstance(person, Participant) and person.category is Category.PUPIL:
        post = pupil_text(forms, person.post)
    return f"{forms.nominative},\n{post}" if post else forms.nominative


def build_assign_pairs(data: AssignPairsInput) -> AssignPairsContext:
    people = order_people(data)
    registry = require_registry(data)
    fixes, pays, rows, named = [], [], [], []
    for n, (_label, pair) in enumerate(_selected_pairs(data), start=1):
        mentor_p = registry.mentor_of(pair)
        mentees_p = registry.mentees_of(pair)
        named += [mentor_p, *mentees_p]
        mentor, mentees = forms_of(mentor_p), [forms_of(m) for m in mentees_p]
        form = form_title(registry, pair)
        period = period_text(pair.start, pair.end)
        fixes.append(f"за {person_phrase(mentor, mentor_p, 'instrumental')}, {DASH} "
                     + join_and([person_phrase(f, p, 'accusative') for f, p in zip(mentees, mentees_p)],
                                sep="; ")
                     + f" (форма наставничества «{form}», {period})")
        consent = [f"согласие от {format_date(pair.mentor_consent_date, 'numeric')}"]
        agreement = pair.agreement
        if agreement is not None:
            consent.append(f"доп. соглашение {act_reference(agreement.date, agreement.number)}")
            if agreement.monthly_pay:
                consent.append(f"доплата {format_number(agreement.monthly_pay, 2)}{NBSP}руб. в месяц")
                pays.append(f"{person_phrase(mentor, mentor_p, 'dative')}, {DASH} "
                            f"{money_in_words(agreement.monthly_pay)} в месяц {period} "
                            f"(дополнительное соглашение к трудовому договору "
                            f"{act_reference(agreement.date, agreement.number)})")
        rows.append(PairRow(number=f"{n}.", mentor=_cell_person(mentor, mentor_p),
                            mentees=";\n".join(_cell_person(f, p) for f, p in zip(mentees, mentees_p)),
                            form=form, term=f"{format_date(pair.start, 'numeric')}{DASH}\n"
                                            f"{format_date(pair.end, 'numeric')}",
                            consent=";\n".join(consent)))
    items: list[Any] = [("Закрепить наставляемых за наставниками с письменного согласия наставников "
                         "(состав пар и групп, формы и сроки наставничества "
                         f"{DASH} в приложении):", sub_items([typograph(f) for f in fixes], lower=False))]
    if pays:
        items.append(("Установить доплату за наставническую деятельность в соответствии "
                      "со статьёй 351.8 Трудового кодекса Российской Федерации:",
                      sub_items([typograph(p) for p in pays], lower=False)))
    return AssignPairsContext(**order_fields(
        data, people,
        heading="О закреплении наставнических пар (групп)",
        bases=[*LABOUR, *own_acts(data)],
        purpose="реализации персонализированных программ наставничества",
        items=items, named=named,
        pairs=TableAppendix(mark=appendix_mark(None, "приказу", data),
                            title=["Состав наставнических пар (групп)"], rows=rows),
    ))


register(Kind(
    id="order.assign_pairs",
    title="Приказ о закреплении наставнических пар (групп)",
    build_context=build_assign_pairs, family=FAMILY,
    samples=("orders/assign_pairs.yaml",), output_name="Приказ о закреплении наставнических пар",
    description="Пары и группы из базы (все действующие или по номерам), согласия, доплаты.",
))


# --------------------------------------------------------------------------- change pair


class ChangePairInput(OrderInput):
    """Приказ о замене наставника или досрочном прекращении наставничества в паре."""

    pair: str = Field(min_length=1, description="Номер пары в базе")
    action: Literal["replace_mentor", "end"] = Field(description="replace_mentor — заменить наставника; end — прекратить")
    effective: dt.date = Field(description="С какой даты")
    reason: str | None = Field(default=None, description="Причина (именительный падеж: «перевод …»); по умолчанию — из базы")
    new_mentor: Ref | None = Field(default=None, description="Новый наставник (для замены)")

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


def build_change_pair(data: ChangePairInput) -> OrderContext:
    people = order_people(data)
    registry = require_registry(data)
    pair = registry.pairs[pair_labels(registry).index(data.pair)]
    mentor_p, mentees_p = registry.mentor_of(pair), registry.mentees_of(pair)
    named: list[Person] = [mentor_p, *mentees_p]
    mentor, mentees = forms_of(mentor_p), [forms_of(m) for m in mentees_p]
    reason = decline_post(typograph(data.reason or pair.end_reason or ""), "instrumental")
    since = format_date(data.effective)
    whom = join_and([person_phrase(f, p, "genitive") for f, p in zip(mentees, mentees_p)], sep="; ")
    form = form_title(registry, pair)
    items: list[str] = []
    if data.action == "end" or data.new_mentor is None:  # the validator asks for a new mentor to replace
        items.append(f"Прекратить досрочно с {since} наставничество {person_phrase(mentor, mentor_p, 'genitive')}, "
                     f"в отношении {whom} (пара №{NBSP}{data.pair}, форма наставничества «{form}») "
                     f"в связи с {reason}.")
        heading = "О досрочном прекращении наставничества"
    else:
        new_p = people.find(data.new_mentor, "new_mentor")
        named.append(new_p)
        items.append(f"Освободить {person_phrase(mentor, mentor_p, 'accusative')}, от обязанностей наставника "
                     f"{whom} (пара №{NBSP}{data.pair}) с {since} в связи с {reason}.")
        fixed = join_and([person_phrase(f, p, "accusative") for f, p in zip(mentees, mentees_p)], sep="; ")
        items.append(f"Закрепить за {person_phrase(forms_of(new_p), new_p, 'instrumental')}, {DASH} {fixed}, "
                     f"с {since}{' по ' + format_date(pair.end) if pair.end else ''} "
                     f"(форма наставничества «{form}») с письменного согласия наставника.")
        heading = "О замене наставника в наставнической паре"
    if pair.agreement is not None and pair.agreement.monthly_pay:
        items.append(f"Прекратить с {since} выплату доплаты за наставническую деятельность "
                     f"{mentor.dative} (дополнительное соглашение к трудовому договору "
                     f"{act_reference(pair.agreement.date, pair.agreement.number)}).")
    return OrderContext(**order_fields(
        data, people, heading=heading,
        bases=[*LABOUR[:2], *own_acts(data)],
        purpose=None,
        items=[typograph(i) for i in items], named=named,
    ))


register(Kind(
    id="order.change_pair",
    title="Приказ о замене наставника или досрочном прекращении наставничества",
    build_context=build_change_pair, family=FAMILY,
    samples=("orders/change_pair.yaml",), output_name="Приказ о досрочном прекращении наставничества",
    description="Замена наставника или досрочное прекращение пары с указанием причины.",
))
