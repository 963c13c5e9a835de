"""Labour Code documents of a mentor (Трудовой кодекс РФ, ст. 351.8, in force since 01.03.2025).

Since Federal Law of 09.11.2024 № 381-ФЗ an employee mentors only with their written
consent, on terms set in the employment contract or a supplementary agreement to it, and
for extra pay. Two kinds follow from that:

* ``labour.mentor_consent`` — the employee's written consent, addressed to the head
  («Директору … Л.А. Горбуновой от учителя математики Сидорук Натальи Ивановны»), naming the
  mentees, the form and the period of each pair, the regulation on mentoring the employee
  has read and the pay terms;
* ``labour.supplementary_agreement`` — the supplementary agreement to the employment
  contract: the parties, the duty of mentoring, the mentor's duties and rights, the monthly
  pay in figures and words, its period, the usual closing clauses, the requisites and
  signatures of both parties and the employee's receipt of a copy.

Both take the pairs from the registry (``Pair.mentor_consent_date``, ``Pair.agreement``).
Only staff of the organisation mentor under the Labour Code: a pupil, a student or an
employer's representative as the mentor is an input error here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Category, Model, Official, Organization, Pair, PairStatus, Participant, Registry
from ..ru import (
    PersonForms,
    decline_post,
    format_date,
    money_in_words,
    noun_gender,
    typograph,
)
from ._base import BatchSpec, Kind, register
from ._common import (
    DASH,
    NBSP,
    Act,
    Item,
    act_reference,
    bad_input,
    find_participant,
    form_title,
    forms_of,
    gendered,
    is_staff,
    lower_first,
    number_text,
    numbered,
    period_text,
    person_phrase,
    place_of,
    stop,
    sub_items,
    upper_first,
)

__all__ = [
    "ConsentInput", "ConsentContext", "AgreementInput", "AgreementContext", "EmploymentContract",
    "MENTOR_DUTIES", "MENTOR_RIGHTS", "consent_records", "agreement_records",
]

FAMILY = "Трудовые документы наставника"

#: The mentor's duties an agreement lists unless the input gives its own (infinitives).
MENTOR_DUTIES: tuple[str, ...] = (
    "разработать совместно с наставляемым персонализированную программу наставничества "
    "и обеспечить её выполнение в установленные сроки",
    "помогать наставляемому осваивать трудовые функции по занимаемой должности, "
    "практические приёмы и способы качественного выполнения работы",
    "знакомить наставляемого с локальными нормативными актами организации, "
    "регламентирующими его работу, и требованиями охраны труда",
    "проводить с наставляемым встречи и консультации, посещать его учебные занятия "
    "и мероприятия, обсуждать их результаты и давать рекомендации",
    "сообщать куратору наставничества о ходе выполнения программы и о затруднениях, "
    "которые не удаётся разрешить в паре (группе)",
    "по окончании срока наставничества представить куратору отчёт о результатах "
    "наставничества и отзыв о работе наставляемого",
)

#: The mentor's rights an agreement lists unless the input gives its own.
MENTOR_RIGHTS: tuple[str, ...] = (
    "требовать от наставляемого выполнения заданий персонализированной программы наставничества",
    "вносить предложения об изменении программы наставничества и о поощрении наставляемого",
    "привлекать с ведома куратора других работников к обучению наставляемого",
    "получать от куратора и администрации организации методическую и организационную помощь",
    "участвовать в мероприятиях по обмену опытом наставничества и в обучении наставников",
)


# --------------------------------------------------------------------------- shared


class _Context(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)


class _LabourInput(Model):
    organization: Organization = Field(description="Организация (работодатель)")
    registry: Registry = Field(description="База наставников и наставляемых: пары берутся из неё")
    regulation: Act | None = Field(default=None, description="Положение о системе наставничества (дата, номер)")


def _labels(registry: Registry) -> list[str]:
    return [registry.pair_label(i) for i in range(len(registry.pairs))]


def _pair(registry: Registry, label: str, field: str) -> Pair:
    labels = _labels(registry)
    if str(label) not in labels:
        raise bad_input(field, f"в базе нет пары №{NBSP}{label}; есть: {', '.join(labels)}", label)
    return registry.pairs[labels.index(str(label))]


def _category_word(person: Participant) -> str:
    return {Category.PUPIL: "обучающийся", Category.STUDENT: "студент",
            Category.EMPLOYER: "представитель работодателя"}.get(person.category, person.category.label)


def _require_staff(person: Participant, field: str, what: str) -> None:
    """Only the organisation's employees mentor under the Labour Code."""
    if not is_staff(person):
        raise bad_input(field, f"{what} — документ работника по статье 351.8 Трудового кодекса РФ, "
                        f"а наставник {person.full_name} — {_category_word(person)}, а не работник "
                        f"организации", person.full_name)


def _mentees_genitive(registry: Registry, pair: Pair) -> str:
    """«Мамедова Эльдара Рашид оглы, учителя физики и информатики»; several mentees are
    separated by semicolons, as each carries its own apposition."""
    return "; ".join(person_phrase(forms_of(p), p, "genitive") for p in registry.mentees_of(pair))


def _post_without_org(post: str, organization: Organization) -> str:
    """«директора МБОУ «СОШ № 12»» → «директора» when the organisation is named anyway."""
    text = typograph(post)
    for name in (organization.short_name, organization.full_name):
        tail = typograph(name)
        if text.endswith(" " + tail):
            return text[: -len(tail) - 1]
    return text


def _approved_regulation(regulation: Act) -> str:
    """«Положением о системе наставничества …, утверждённым приказом от 27.08.2026 № 108-о/д»
    (instrumental, as both «с …» and «в соответствии с …» ask); blanks for a missing date or number."""
    return (f"{decline_post(typograph(regulation.title), 'instrumental')}, утверждённым приказом "
            f"{act_reference(regulation.date, regulation.number)}")


# --------------------------------------------------------------------------- consent


class ConsentInput(_LabourInput):
    """Письменное согласие работника на осуществление наставничества (ст. 351.8 ТК РФ).

    The mentor is named by ID or full name from the registry; the pairs are that mentor's
    current pairs (status «действует»; all of the mentor's pairs when none is current), or
    the pairs listed. ``unpaid: true`` states «без дополнительной оплаты»; otherwise the
    pay comes from the pair's supplementary agreement, or the consent says that the pay is
    set by a supplementary agreement.
    """

    mentor: str | None = Field(default=None, description="Наставник: ID или ФИО из базы")
    pairs: list[str] | None = Field(default=None, description="Номера пар (по умолчанию — действующие пары наставника)")
    date: dt.date | None = Field(default=None, description="Дата согласия (по умолчанию — из базы; нет — бланк)")
    addressee: Official | None = Field(default=None, description="Кому адресовано (по умолчанию — руководитель)")
    monthly_pay: Decimal | None = Field(default=None, ge=0, description="Доплата в месяц, руб. (по умолчанию — из доп. соглашения)")
    unpaid: bool = Field(default=False, description="Наставничество без дополнительной оплаты")

    @model_validator(mode="after")
    def _who(self) -> ConsentInput:
        if self.mentor is None and not self.pairs:
            raise ValueError("укажите наставника (mentor) или номера пар (pairs)")
        if self.unpaid and self.monthly_pay:
            raise ValueError("указаны одновременно доплата (monthly_pay) и «без дополнительной оплаты» (unpaid)")
        return self


class ConsentContext(_Context):
    """What the consent template places (``mentor`` and ``head`` for users' own templates:
    ``{{ mentor.genitive }}``, ``{{ head.post.dative }}``)."""

    mentor: PersonForms
    head: PersonForms
    addressee: list[str]
    heading: str
    statement: str
    assignments: list[str]
    regulation: str
    pay: str
    date: str
    signer_name: str
    font_name: str
    font_size: float


def _consent_pairs(data: ConsentInput) -> tuple[Participant, list[Pair]]:
    registry = data.registry
    if data.pairs:
        pairs = [_pair(registry, label, f"pairs[{i}]") for i, label in enumerate(data.pairs)]
        mentors = {p.mentor for p in pairs}
        if data.mentor is not None:
            mentor = find_participant(registry, data.mentor, "mentor")
            if mentors != {mentor.id}:
                raise bad_input("pairs", f"не во всех указанных парах наставник — {mentor.full_name}",
                                ", ".join(data.pairs))
        elif len(mentors) > 1:
            raise bad_input("pairs", "в указанных парах разные наставники: согласие даёт один работник",
                            ", ".join(data.pairs))
        else:
            mentor = registry.participant(next(iter(mentors)))
        return mentor, pairs
    mentor = find_participant(registry, data.mentor or "", "mentor")
    own = [p for p in registry.pairs if p.mentor == mentor.id]
    if not own:
        raise bad_input("mentor", f"{mentor.full_name} не наставник ни в одной паре базы", data.mentor)
    current = [p for p in own if p.status is PairStatus.ACTIVE]
    return mentor, current or own


def _assignment(registry: Registry, pair: Pair) -> str:
    return (f"{_mentees_genitive(registry, pair)} (форма наставничества «{form_title(registry, pair)}», "
            f"{period_text(pair.start, pair.end)})")


def build_consent(data: ConsentInput) -> ConsentContext:
    registry, org = data.registry, data.organization
    mentor_p, pairs = _consent_pairs(data)
    _require_staff(mentor_p, "mentor", "согласие на осуществление наставничества")
    mentor = forms_of(mentor_p)
    head = data.addressee or org.head
    head_forms = forms_of(head)
    post = lower_first(mentor.post.genitive) if mentor.post else "работника"
    addressee = [upper_first(typograph(head_forms.post.dative)), head_forms.initials_dative,
                 f"от {post}", mentor.genitive]

    who = f"Я, {mentor.nominative}"
    if mentor.post:
        who += f", {lower_first(mentor.post.nominative)} {typograph(org.short_name)}"
    lead = (f"{who}, в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации даю "
            f"согласие на осуществление наставничества (выполнение обязанностей наставника) в отношении")
    if len(pairs) == 1:
        statement, assignments = f"{lead} {_assignment(registry, pairs[0])}.", []
    else:
        statement = f"{lead}:"
        assignments = [f"{DASH} {line}" for line in sub_items([_assignment(registry, p) for p in pairs], lower=False)]

    regulation = data.regulation or Act(title=f"Положение о системе наставничества {org.short_name}")
    acquainted = gendered(mentor, "ознакомлен", "ознакомлена")
    reg_text = f"С {_approved_regulation(regulation)}, {acquainted}; права и обязанности наставника мне разъяснены."

    pay_amount = data.monthly_pay
    if pay_amount is None and not data.unpaid:  # one agreement per pair: the pays add up
        pay_amount = sum((p.agreement.monthly_pay for p in pairs
                          if p.agreement and p.agreement.monthly_pay), Decimal(0)) or None
    if data.unpaid:
        pay = "Наставничество осуществляется мною без дополнительной оплаты."
    elif pay_amount:
        pay = (f"Мне известно, что за осуществление наставничества устанавливается доплата в размере "
               f"{money_in_words(pay_amount)} в месяц на период наставничества, а условия наставничества и "
               f"доплаты определяются дополнительным соглашением к трудовому договору.")
    else:
        pay = ("Мне известно, что размер доплаты за осуществление наставничества и условия её выплаты "
               "определяются дополнительным соглашением к трудовому договору.")

    day = data.date
    if day is None:
        dates = {p.mentor_consent_date for p in pairs if p.mentor_consent_date}
        day = max(dates) if dates else None
    return ConsentContext(
        mentor=mentor,
        head=head_forms,
        addressee=addressee,
        heading="Согласие на осуществление наставничества",
        statement=typograph(statement),
        assignments=[typograph(a) for a in assignments],
        regulation=typograph(reg_text),
        pay=typograph(pay),
        date=format_date(day, "quoted"),
        signer_name=mentor.initials_nominative,
        font_name=org.font_name,
        font_size=org.font_size,
    )


def consent_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One consent per staff mentor of the current pairs (several pairs of one mentor go
    into one consent when the registry gives them the same consent date)."""
    groups: dict[tuple[str, dt.date | None], list[str]] = {}
    for i, pair in enumerate(registry.pairs):
        mentor = registry.participant(pair.mentor)
        if pair.status is PairStatus.ACTIVE and is_staff(mentor):
            groups.setdefault((mentor.id, pair.mentor_consent_date), []).append(registry.pair_label(i))
    name = _record_names(registry)
    return [{**common, "registry": registry, "mentor": name(mentor_id), "pairs": labels}
            for (mentor_id, _), labels in groups.items()]


def _record_names(registry: Registry) -> Callable[[str], str]:
    """Participant id → the full name when it is unique in the registry (readable file
    names), else the id. The names are counted once per batch."""
    counts = Counter(p.full_name.casefold() for p in registry.participants)

    def name(participant_id: str) -> str:
        person = registry.participant(participant_id)
        return person.full_name if counts[person.full_name.casefold()] == 1 else person.id

    return name


register(Kind(
    id="labour.mentor_consent",
    title="Согласие работника на осуществление наставничества",
    input_model=ConsentInput, context_model=ConsentContext,
    build_context=build_consent,
    docx="labour_mentor_consent.docx", family=FAMILY,
    samples=("labour/mentor_consent.yaml",),
    output_name="Согласие на осуществление наставничества",
    description="Письменное согласие работника (ст. 351.8 ТК РФ): наставляемые, форма, срок, "
                "положение о наставничестве, доплата. Пакетом — по одному на наставника из базы.",
    batch=BatchSpec(records=consent_records, file_name="{mentor}"),
    extra={"demo_batch": {"source": "registry.yaml", "common": "labour/common.yaml"}},
))


# --------------------------------------------------------------------------- agreement


class EmploymentContract(Model):
    """The employment contract the agreement amends."""

    number: str | None = Field(default=None, description="Номер трудового договора")
    date: dt.date | None = Field(default=None, description="Дата трудового договора")


class AgreementInput(_LabourInput):
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
    employee_requisites: list[str] | None = Field(
        default=None, description="Строки реквизитов работника (паспорт, адрес); нет — строки для записи от руки")


class Requisite(BaseModel):
    """One row of the two-column requisites block: the employer's line and the employee's."""

    employer: str
    employee: str


class AgreementContext(_Context):
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


def _agreement_pair(data: AgreementInput) -> tuple[Pair, Participant]:
    pair = _pair(data.registry, data.pair, "pair")
    mentor = data.registry.mentor_of(pair)
    if data.mentor is not None and find_participant(data.registry, data.mentor, "mentor").id != mentor.id:
        raise bad_input("mentor", f"в паре №{NBSP}{data.pair} наставник — {mentor.full_name}", data.mentor)
    _require_staff(mentor, "pair", "дополнительное соглашение к трудовому договору")
    return pair, mentor


def _termination(registry: Registry, pair: Pair) -> str:
    """When mentoring and its pay end; a mentee who is an employee may also leave."""
    text = ("Наставничество и выплата доплаты прекращаются по окончании срока наставничества, "
            f"а досрочно {DASH} по соглашению Сторон, оформленному в письменной форме")
    if all(is_staff(m) for m in registry.mentees_of(pair)):
        whom = "со всеми наставляемыми" if pair.is_group else "с наставляемым"
        text += f", а также при прекращении трудового договора {whom}"
    return text + "."


def _mentee_term(pair: Pair) -> str:
    """How the agreement calls the mentee(s) from then on; the duties speak of one."""
    return f"наставляемые, каждый из них {DASH} наставляемый" if pair.is_group else "наставляемый"


def build_agreement(data: AgreementInput) -> AgreementContext:
    registry, org = data.registry, data.organization
    pair, mentor_p = _agreement_pair(data)
    agreement = pair.agreement
    pay = data.monthly_pay or (agreement.monthly_pay if agreement else None)
    if not pay:
        raise bad_input("monthly_pay", f"в паре №{NBSP}{data.pair} не указана доплата за наставничество: "
                        f"по статье 351.8 Трудового кодекса РФ наставничество оплачивается; укажите сумму "
                        f"в месяц (monthly_pay или «Доплата в месяц, руб.» в базе)")
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
        f"«Работодатель», в лице {lower_first(_post_without_org(head.post.genitive, org))} {head.genitive}, "
        f"{gendered(head, 'действующего', 'действующей')} на основании {typograph(data.signer_basis)}, "
        f"с одной стороны, и {(employee_post + ' ') if employee_post else ''}{mentor.nominative}, "
        f"{gendered(mentor, 'именуемый', 'именуемая')} в дальнейшем «Работник», с другой стороны "
        f"(далее {DASH} Стороны), заключили настоящее дополнительное соглашение к трудовому договору "
        f"{contract_ref} (далее {DASH} трудовой договор) о нижеследующем:"
    )

    consent = data.consent_date or pair.mentor_consent_date
    period = period_text(pair.start, pair.end)
    effective = data.effective or pair.start
    regulation = f" и {_approved_regulation(data.regulation)}," if data.regulation else ""
    signed_later = day is not None and day > effective
    items: list = [
        f"Работник с его письменного согласия от {format_date(consent, 'numeric')} в соответствии со "
        f"статьёй 351.8 Трудового кодекса Российской Федерации{regulation} наряду с работой, определённой трудовым "
        f"договором, осуществляет наставничество в отношении {_mentees_genitive(registry, pair)} "
        f"(далее {DASH} {_mentee_term(pair)}) {period}; форма наставничества {DASH} "
        f"«{form_title(registry, pair)}».",
        ("При осуществлении наставничества Работник обязан:", sub_items(data.duties or MENTOR_DUTIES)),
        ("Работник имеет право:", sub_items(data.rights or MENTOR_RIGHTS)),
        f"За осуществление наставничества Работнику устанавливается ежемесячная доплата в размере "
        f"{money_in_words(pay)}. Доплата выплачивается за период наставничества {period} "
        f"одновременно с заработной платой за соответствующий месяц.",
        _termination(registry, pair),
        "Остальные условия трудового договора, не затронутые настоящим соглашением, остаются "
        "неизменными, и Стороны подтверждают по ним свои обязательства.",
        "Настоящее соглашение является неотъемлемой частью трудового договора, составлено в двух "
        "экземплярах, имеющих одинаковую юридическую силу, по одному для каждой из Сторон.",
        ("Настоящее соглашение вступает в силу со дня его подписания Сторонами"
         + ("." if signed_later
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
    return AgreementContext(
        employee=mentor,
        signer=head,
        title=[f"ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ {number_text(number)}",
               f"к трудовому договору {contract_ref}", "об осуществлении наставничества"],
        place=place_of(org, data.place),
        date=format_date(day, "long"),
        parties=typograph(parties),
        items=[Item(number=i.number, text=typograph(i.text)) for i in numbered(items)],
        requisites=[Requisite(employer=a, employee=b) for a, b in zip(employer_lines, employee_lines)],
        employer_post=upper_first(typograph(head.post.nominative)),
        employer_name=head.initials_nominative,
        employee_name=mentor.initials_nominative,
        receipt=f"Экземпляр дополнительного соглашения {gendered(mentor, 'получил', 'получила')}:",
        font_name=org.font_name,
        font_size=org.font_size,
    )


def agreement_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One agreement per pair of the registry with a supplementary agreement and a staff mentor."""
    name = _record_names(registry)
    out = []
    for i, pair in enumerate(registry.pairs):
        mentor = registry.participant(pair.mentor)
        if pair.agreement is not None and is_staff(mentor):
            out.append({**common, "registry": registry, "pair": registry.pair_label(i),
                        "mentor": name(mentor.id)})
    return out


register(Kind(
    id="labour.supplementary_agreement",
    title="Дополнительное соглашение к трудовому договору об осуществлении наставничества",
    input_model=AgreementInput, context_model=AgreementContext,
    build_context=build_agreement,
    docx="labour_supplementary_agreement.docx", family=FAMILY,
    samples=("labour/supplementary_agreement.yaml",),
    output_name="Дополнительное соглашение о наставничестве",
    description="Стороны, обязанности и права наставника, доплата цифрами и прописью, срок, "
                "реквизиты и подписи. Пакетом — по одному на каждую пару с доп. соглашением.",
    batch=BatchSpec(records=agreement_records, file_name="{mentor}"),
    extra={"demo_batch": {"source": "registry.yaml", "common": "labour/common.yaml"}},
))
