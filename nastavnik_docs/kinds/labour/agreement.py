"""``labour.supplementary_agreement`` — дополнительное соглашение к трудовому договору об
осуществлении наставничества (ст. 351.8 ТК РФ).

The parties, the duty of mentoring, the mentor's duties and rights and the employer's
obligations (``labour.yaml``), the monthly pay in figures and words and its period, when
mentoring ends — either party may end it early by written notice of at least three working
days —, the usual closing clauses, the requisites and signatures of both parties and the
employee's receipt of a copy. The pair gives the mentor, the mentees, the form, the period
and the agreement's number, date and pay (``Pair.agreement``). Art. 351.8 is cited only when
every mentee is an employee; for pupils the agreement rests on the regulation. It is dated on
or after the regulation it cites.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from ...models import Model, Official, Pair, PairStatus, Participant, Registry
from ...ru import (
    PersonForms,
    close_apposition,
    form_phrase,
    format_date,
    gendered,
    join_appositions,
    lower_first,
    money_in_words,
    noun_gender,
    period_text,
    stop,
    sub_items,
    typograph,
    upper_first,
    with_preposition,
)
from .._base import BatchSpec, DemoBatch, Kind, register
from .._legal import is_staff_pair
from .._people import bad_input, find_participant, form_title, forms_of, is_staff
from .._requisites import Item, act_reference, number_text, numbered, place_of, typeset
from ._shared import (
    EMPLOYER_DUTIES,
    FAMILY,
    MENTOR_DUTIES,
    MENTOR_RIGHTS,
    TERMINATION,
    LabourContext,
    LabourInput,
    approved_regulation,
    check_after_regulation,
    mentees_genitive,
    pair_by_label,
    post_without_org,
    record_names,
    require_staff,
)

__all__ = ["AgreementContext", "AgreementInput", "EmploymentContract", "agreement_records", "build_agreement"]

NBSP = "\u00a0"
DASH = "\u2013"


class EmploymentContract(Model):
    """The employment contract the agreement amends."""

    number: str | None = Field(default=None, description="Номер трудового договора")
    date: dt.date | None = Field(default=None, description="Дата трудового договора")


class AgreementInput(LabourInput):
    """Дополнительное соглашение к трудовому договору об осуществлении наставничества.

    The pair gives the mentor, the mentees, the form, the period and the agreement's number,
    date and monthly pay (``Pair.agreement``); ``number``, ``date`` and ``monthly_pay`` here
    override them. The contract's number and date print as blanks when unknown.
    """

    pair: str = Field(min_length=1, description="Номер пары в базе")
    mentor: str | None = Field(default=None, description="Наставник (ID или ФИО) — для проверки, что пара та")
    number: str | None = Field(default=None, description="Номер соглашения (по умолчанию — из базы)")
    date: dt.date | None = Field(default=None, description="Дата соглашения (по умолчанию — из базы)")
    monthly_pay: Decimal | None = Field(default=None, gt=0, description="Доплата в месяц, руб. (по умолчанию — из базы)")
    place: str | None = Field(default=None, description="Место заключения (по умолчанию — город организации)")
    contract: EmploymentContract | None = Field(default=None, description="Трудовой договор: номер и дата")
    signer: Official | None = Field(default=None, description="Кто подписывает от работодателя (по умолчанию — руководитель)")
    signer_basis: str = Field(default="Устава", description="На основании чего действует (родительный падеж)")
    consent_date: dt.date | None = Field(default=None, description="Дата письменного согласия (по умолчанию — из базы)")
    effective: dt.date | None = Field(default=None, description="С какой даты действует (по умолчанию — начало наставничества)")
    duties: list[str] | None = Field(default=None, description="Обязанности наставника (по умолчанию — типовые)")
    rights: list[str] | None = Field(default=None, description="Права наставника (по умолчанию — типовые)")
    employer_duties: list[str] | None = Field(
        default=None, description="Обязанности работодателя (по умолчанию — типовые)")
    employee_requisites: list[str] | None = Field(
        default=None, description="Строки реквизитов работника (паспорт, адрес); нет — строки для записи от руки")


class Requisite(BaseModel):
    """One row of the two-column requisites block: the employer's line and the employee's."""

    employer: str
    employee: str


class AgreementContext(LabourContext):
    """What the supplementary agreement template places (``employee`` and ``signer`` are
    the people, for users' own templates)."""

    employee: PersonForms
    signer: PersonForms
    title: list[str]
    place: str
    date: str
    parties: str
    items: list[Item]
    requisites: list[Requisite]
    employer_post: str
    employer_name: str
    employee_name: str
    receipt: str
    font_name: str
    font_size: float


_BLANK_LINE = "_" * 32


def _named_as(full_name: str) -> str:
    """«именуемое» / «именуемая» / «именуемый» agreeing with the organisation's kind noun."""
    gender = noun_gender(full_name)
    if gender is None:
        return "именуемое"
    return {"femn": "именуемая", "neut": "именуемое"}.get(gender, "именуемый")


def _agreementpair_by_label(data: AgreementInput) -> tuple[Pair, Participant]:
    pair = pair_by_label(data.registry, data.pair, "pair")
    mentor = data.registry.mentor_of(pair)
    if data.mentor is not None and find_participant(data.registry, data.mentor, "mentor").id != mentor.id:
        raise bad_input("mentor", f"в паре №{NBSP}{data.pair} наставник — {mentor.short_name}", data.mentor)
    require_staff(mentor, "pair", "дополнительное соглашение к трудовому договору")
    return pair, mentor


def _termination(pair: Pair) -> str:
    """When mentoring and its pay end: at the end of the term, when the mentee leaves, or
    early at either party's written notice of three working days."""
    whom = "со всеми наставляемыми" if pair.is_group else "с наставляемым"
    return TERMINATION.format(whom=whom, dash=DASH)


def _mentee_term(pair: Pair) -> str:
    """How the agreement calls the mentee(s) from then on; the duties speak of one."""
    return f"наставляемые, каждый из них {DASH} наставляемый" if pair.is_group else "наставляемый"


def build_agreement(data: AgreementInput) -> AgreementContext:
    registry, org = data.registry, data.organization
    pair, mentor_p = _agreementpair_by_label(data)
    agreement = pair.agreement
    pay = data.monthly_pay or (agreement.monthly_pay if agreement else None)
    if not pay:
        raise bad_input("monthly_pay", f"в паре №{NBSP}{data.pair} не указана доплата за наставничество: "
                        f"по статье 351.8 Трудового кодекса РФ наставничество оплачивается; укажите сумму "
                        f"в месяц (monthly_pay или «Доплата в месяц, руб.» в базе)", code="field.missing")
    number = data.number or (agreement.number if agreement else None)
    day = data.date or (agreement.date if agreement else None)
    mentor = forms_of(mentor_p)
    signer = data.signer or org.head
    head = forms_of(signer)
    contract = data.contract or EmploymentContract()
    contract_ref = act_reference(contract.date, contract.number)
    employee_post = lower_first(mentor.post.nominative) if mentor.post else ""

    parties = (
        f"{typograph(org.full_name)} ({typograph(org.short_name)}), {_named_as(org.full_name)} в дальнейшем "
        f"«Работодатель», в лице {lower_first(post_without_org(head.post.genitive, org))} {head.genitive}, "
        f"{gendered(head, 'действующего', 'действующей')} на основании {typograph(data.signer_basis)}, "
        f"с одной стороны, и {(employee_post + ' ') if employee_post else ''}{mentor.nominative}, "
        f"{gendered(mentor, 'именуемый', 'именуемая')} в дальнейшем «Работник», с другой стороны "
        f"(далее {DASH} Стороны), заключили настоящее дополнительное соглашение к трудовому договору "
        f"{contract_ref} (далее {DASH} трудовой договор) о нижеследующем:"
    )

    check_after_regulation(day, data.regulation, "date", "Дополнительное соглашение")
    consent = data.consent_date or pair.mentor_consent_date
    period = period_text(pair.start, pair.end)
    effective = data.effective or pair.start
    acts = ["статьёй 351.8 Трудового кодекса Российской Федерации"] if is_staff_pair(registry, pair) else []
    if data.regulation:
        acts.append(approved_regulation(data.regulation))
    basis = f" в соответствии {with_preposition(acts[0])} {join_appositions(acts, sep=', ')}," if acts else ""
    mentees = close_apposition(f"{mentees_genitive(registry, pair)} (далее {DASH} {_mentee_term(pair)})")
    items: list = [
        f"Работник с его письменного согласия от {format_date(consent, 'numeric')}{basis} наряду с работой, "
        f"определённой трудовым договором, осуществляет наставничество в отношении {mentees} {period} "
        f"в {form_phrase(form_title(registry, pair))}.",
        ("При осуществлении наставничества Работник обязан:", sub_items(data.duties or MENTOR_DUTIES)),
        ("Работник имеет право:", sub_items(data.rights or MENTOR_RIGHTS)),
        ("Работодатель обязан:", sub_items(data.employer_duties or EMPLOYER_DUTIES)),
        f"За осуществление наставничества Работнику устанавливается ежемесячная доплата в размере "
        f"{money_in_words(pay)}. Доплата выплачивается за период наставничества {period} "
        f"одновременно с заработной платой за соответствующий месяц.",
        _termination(pair),
        "Остальные условия трудового договора, не затронутые настоящим соглашением, остаются "
        "неизменными, и Стороны подтверждают по ним свои обязательства.",
        "Настоящее соглашение является неотъемлемой частью трудового договора, составлено в двух "
        "экземплярах, имеющих одинаковую юридическую силу, по одному для каждой из Сторон.",
        ("Настоящее соглашение вступает в силу со дня его подписания Сторонами"
         + ("." if day is not None and day > effective
            else f" и применяется к отношениям Сторон с {stop(format_date(effective))}")),
    ]
    employer_lines = [typograph(org.full_name)]
    if org.address:
        employer_lines.append(f"Адрес: {typograph(org.address)}")
    codes = ", ".join(x for x in (f"ИНН {org.inn}" if org.inn else "", f"ОГРН {org.ogrn}" if org.ogrn else "") if x)
    if codes:
        employer_lines.append(codes)
    if org.phone:
        employer_lines.append(f"Телефон: {org.phone}")
    employee_lines = [mentor.nominative]
    employee_lines += ([typograph(line) for line in data.employee_requisites] if data.employee_requisites else
                       [f"Паспорт: серия ______ №{NBSP}____________", f"выдан {'_' * 26}", _BLANK_LINE,
                        f"Адрес: {'_' * 26}", _BLANK_LINE])
    size = max(len(employer_lines), len(employee_lines))
    employer_lines += [""] * (size - len(employer_lines))
    employee_lines += [""] * (size - len(employee_lines))
    return typeset(AgreementContext(
        employee=mentor,
        signer=head,
        title=[f"ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ {number_text(number)}",
               f"к трудовому договору {contract_ref}", "об осуществлении наставничества"],
        place=place_of(org, data.place),
        date=format_date(day, "long"),
        parties=typograph(parties),
        items=[Item(number=i.number, text=typograph(i.text)) for i in numbered(items)],
        requisites=[Requisite(employer=a, employee=b) for a, b in zip(employer_lines, employee_lines)],
        employer_post=upper_first(post_without_org(head.post.nominative, org)),
        employer_name=head.initials_nominative,
        employee_name=mentor.initials_nominative,
        receipt=f"Экземпляр дополнительного соглашения {gendered(mentor, 'получил', 'получила')}:",
        font_name=org.font_name,
        font_size=org.font_size,
    ))


def agreement_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One agreement per current pair of the registry («действует») with a supplementary
    agreement and a staff mentor (a finished pair's agreement belongs to the regulation of
    its own year)."""
    name = record_names(registry)
    out = []
    for i, pair in enumerate(registry.pairs):
        mentor = registry.participant(pair.mentor)
        if pair.agreement is not None and pair.status is PairStatus.ACTIVE and is_staff(mentor):
            out.append({**common, "registry": registry, "pair": registry.pair_label(i),
                        "mentor": name(mentor.id)})
    return out


register(Kind(
    id="labour.supplementary_agreement",
    title="Дополнительное соглашение к трудовому договору об осуществлении наставничества",
    build_context=build_agreement, family=FAMILY,
    samples=("labour/supplementary_agreement.yaml",),
    output_name="Дополнительное соглашение о наставничестве",
    description="Стороны, обязанности и права наставника, обязанности работодателя, доплата цифрами и "
                "прописью, срок, досрочное прекращение любой стороной с предупреждением за три рабочих дня, "
                "реквизиты и подписи. Пакетом — по одному на каждую действующую пару с доп. соглашением.",
    batch=BatchSpec(records=agreement_records, file_name="{mentor}"),
    demo_batch=DemoBatch(common="labour/common.yaml"),
))
