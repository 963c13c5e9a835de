"""Orders about mentors and pairs: who mentors and who is fixed to whom.

* ``order.appoint_mentors`` — назначение наставников (from the registry or listed) and their duties;
* ``order.assign_pairs`` — закрепление наставнических пар (групп): the pairs in an appendix
  table with the mentors' consents and supplementary agreements, and the pay.

The Labour Code (art. 351.8: written consent, supplementary agreement, pay) is cited only for
pairs in which the mentor and every mentee are employees (``acts.yaml``); a list of one
mentor or one pair is worded in the singular; a pair's form is named as a form («в форме
«учитель – учитель»», «в групповой форме»).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, model_validator

from ...models import Category, Pair, PairStatus, Participant, Person, Registry
from ...ru import (
    PersonForms,
    by_count,
    close_apposition,
    decline_post,
    form_phrase,
    format_date,
    format_number,
    gendered,
    join_appositions,
    money_in_words,
    period_text,
    pupil_text,
    school_year_of,
    soft_hyphens,
    sub_items,
    typograph,
)
from .._base import Kind, register
from .._legal import is_staff_pair, pair_facts
from .._people import Ref, form_title, forms_of, is_staff, pair_labels, person_phrase
from .._requisites import Act, act_reference, appendix_mark
from ._frame import (
    DASH,
    FAMILY,
    TEXT,
    OrderContext,
    OrderInput,
    TableAppendix,
    default_bases,
    order_fields,
    order_people,
    own_acts,
    require_registry,
)

__all__ = ["AppointMentorsInput", "AssignPairsContext", "AssignPairsInput", "PairRow", "pair_phrase"]

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


def _mentor_facts(registry: Registry | None, mentors: list[Person]) -> set[str]:
    """The facts of the mentors' pairs (the current ones, else all); a mentor the registry
    has no pair for counts by their category alone (staff mentor staff: art. 351.8)."""
    facts: set[str] = set()
    for mentor in mentors:
        pairs = [p for p in registry.pairs if p.mentor == getattr(mentor, "id", None)] if registry else []
        current = [p for p in pairs if p.status is PairStatus.ACTIVE] or pairs
        if current and registry is not None:
            facts |= pair_facts(registry, current)
        elif is_staff(mentor):
            facts |= {"staff_pair", "staff_mentee"}
        else:
            facts.add("pupil_mentee")
    return facts


def build_appoint_mentors(data: AppointMentorsInput) -> OrderContext:
    people = order_people(data)
    refs: list[Ref] | list[Person] = data.mentors if data.mentors is not None else _default_mentors(require_registry(data))
    mentors = [people.find(ref, f"mentors[{i}]") for i, ref in enumerate(refs)]
    lines = [person_phrase(forms_of(person), person, "accusative") for person in mentors]
    year = (f"{data.school_year.strip()}{NBSP}учебный год" if data.school_year and "учеб" not in data.school_year
            else (data.school_year or school_year_of(data.date)))
    year = decline_post(typograph(year), "accusative")
    items: list[Any]
    if len(mentors) == 1:
        whose = gendered(forms_of(mentors[0]), "его", "её")
        items = [f"Назначить наставником на {year} с {whose} письменного согласия {lines[0]}.",
                 ("Наставнику:", sub_items(data.duties or TEXT["mentor_duties_one"]))]
    else:
        items = [(f"Назначить наставниками на {year} с их письменного согласия:", sub_items(lines, lower=False)),
                 ("Наставникам:", sub_items(data.duties or TEXT["mentor_duties"]))]
    facts = _mentor_facts(data.registry, mentors)
    return OrderContext(**order_fields(
        data, people,
        heading=f"О назначении {by_count(mentors, 'наставника', 'наставников')}",
        bases=[*default_bases("order.appoint_mentors", facts), *own_acts(data, data.interview)],
        purpose="организации наставничества педагогических работников и обучающихся",
        items=items, named=mentors,
    ))


register(Kind(
    id="order.appoint_mentors",
    title="Приказ о назначении наставников",
    build_context=build_appoint_mentors, family=FAMILY,
    samples=("orders/appoint_mentors.yaml",), output_name="Приказ о назначении наставников",
    description="Список наставников (из базы или по списку) и их поручения; один наставник — в единственном числе.",
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
    pairs: TableAppendix[PairRow]


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
    # a word that long may not fit the 36 mm column: it breaks at a syllable, with a hyphen
    return f"{forms.nominative},\n{soft_hyphens(post, min_length=13)}" if post else forms.nominative


def pair_phrase(registry: Registry, pair: Pair) -> str:
    """«за Сидорук Натальей Ивановной, учителем математики, – Мамедова Эльдара Рашид оглы,
    учителя физики и информатики, в форме «учитель – учитель» с 1 сентября 2026 г. по 31 мая
    2027 г.»: the mentor in the instrumental, the mentees in the accusative, the form as a form."""
    mentor_p, mentees_p = registry.mentor_of(pair), registry.mentees_of(pair)
    mentees = join_appositions([person_phrase(forms_of(p), p, "accusative") for p in mentees_p])
    tail = " ".join(x for x in (f"в {form_phrase(form_title(registry, pair))}", period_text(pair.start, pair.end)) if x)
    return (f"за {close_apposition(person_phrase(forms_of(mentor_p), mentor_p, 'instrumental'))} {DASH} "
            f"{close_apposition(mentees)} {tail}")


def _pay_line(registry: Registry, pair: Pair) -> str:
    """«Сидорук Наталье Ивановне, учителю математики, – 3 500,00 руб. (…) в месяц с … по …
    (дополнительное соглашение к трудовому договору от … № …)»."""
    mentor_p = registry.mentor_of(pair)
    agreement = pair.agreement
    assert agreement is not None and agreement.monthly_pay
    return (f"{close_apposition(person_phrase(forms_of(mentor_p), mentor_p, 'dative'))} {DASH} "
            f"{money_in_words(agreement.monthly_pay)} в месяц {period_text(pair.start, pair.end)} "
            f"(дополнительное соглашение к трудовому договору {act_reference(agreement.date, agreement.number)})")


def _pay_items(registry: Registry, paid: list[Pair], lead: str) -> list[Any]:
    """One item for the pays under one rule: sub-items for several, one sentence for one."""
    if not paid:
        return []
    lines = [typograph(_pay_line(registry, p)) for p in paid]
    if len(lines) == 1:
        return [f"{lead.replace('доплату', 'доплату наставнику', 1)}: {lines[0]}."]
    return [(f"{lead}:", sub_items(lines, lower=False))]


def _row(registry: Registry, n: int, pair: Pair) -> PairRow:
    mentor_p, mentees_p = registry.mentor_of(pair), registry.mentees_of(pair)
    consent = [f"согласие от {format_date(pair.mentor_consent_date, 'numeric')}"]
    if pair.agreement is not None:
        consent.append(f"доп. соглашение {act_reference(pair.agreement.date, pair.agreement.number)}")
        if pair.agreement.monthly_pay:
            consent.append(f"доплата {format_number(pair.agreement.monthly_pay, 2)}{NBSP}руб. в месяц")
    return PairRow(number=f"{n}.", mentor=_cell_person(forms_of(mentor_p), mentor_p),
                   mentees=";\n".join(_cell_person(forms_of(p), p) for p in mentees_p),
                   form=soft_hyphens(form_title(registry, pair)),
                   term=f"{format_date(pair.start, 'numeric')}{DASH}\n{format_date(pair.end, 'numeric')}",
                   consent=soft_hyphens(";\n".join(consent)))


def build_assign_pairs(data: AssignPairsInput) -> AssignPairsContext:
    people = order_people(data)
    registry = require_registry(data)
    pairs = [pair for _label, pair in _selected_pairs(data)]
    named = [p for pair in pairs for p in (registry.mentor_of(pair), *registry.mentees_of(pair))]
    staff = {id(pair) for pair in pairs if is_staff_pair(registry, pair)}
    fixes = [pair_phrase(registry, pair) + (" с письменного согласия наставника" if id(pair) in staff else "")
             for pair in pairs]
    one = len(pairs) == 1
    group = one and pairs[0].is_group
    items: list[Any]
    if one:
        what = "группе" if group else "паре"
        items = [f"Закрепить {fixes[0]} (сведения о {what} {DASH} в приложении)."]
    else:
        items = [("Закрепить наставляемых за наставниками (состав пар и групп, формы и сроки наставничества "
                  f"{DASH} в приложении):", sub_items([typograph(f) for f in fixes], lower=False))]
    paid = [pair for pair in pairs if pair.agreement is not None and pair.agreement.monthly_pay]
    items += _pay_items(registry, [p for p in paid if id(p) in staff],
                        "Установить доплату за наставническую деятельность в соответствии со статьёй 351.8 "
                        "Трудового кодекса Российской Федерации")
    items += _pay_items(registry, [p for p in paid if id(p) not in staff],
                        "Установить доплату за наставническую деятельность в отношении обучающихся в соответствии "
                        f"с положением об оплате труда работников {typograph(data.organization.short_name)}")
    rows = [_row(registry, n, pair) for n, pair in enumerate(pairs, start=1)]
    heading = ("О закреплении наставнической группы" if group else "О закреплении наставнической пары") if one \
        else "О закреплении наставнических пар (групп)"
    title = ("Состав наставнической группы" if group else "Состав наставнической пары") if one \
        else "Состав наставнических пар (групп)"
    return AssignPairsContext(**order_fields(
        data, people, heading=heading,
        bases=[*default_bases("order.assign_pairs", pair_facts(registry, pairs)), *own_acts(data)],
        purpose="реализации персонализированных программ наставничества",
        items=[typograph(i) if isinstance(i, str) else i for i in items], named=named,
        pairs=TableAppendix[PairRow](mark=appendix_mark(None, "приказу", data), title=[title], rows=rows),
    ))


register(Kind(
    id="order.assign_pairs",
    title="Приказ о закреплении наставнических пар (групп)",
    build_context=build_assign_pairs, family=FAMILY,
    samples=("orders/assign_pairs.yaml",), output_name="Приказ о закреплении наставнических пар",
    description="Пары и группы из базы (все действующие или по номерам), формы, сроки, согласия, доплаты; "
                "статья 351.8 ТК РФ — только для пар работников.",
))
