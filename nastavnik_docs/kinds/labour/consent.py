"""``labour.mentor_consent`` — согласие работника на осуществление наставничества (ст. 351.8 ТК РФ).

Since Federal Law of 09.11.2024 № 381-ФЗ an employee mentors another employee only with
their written consent. The consent is addressed to the head («Директору … Л.А. Горбуновой от
учителя математики Сидорук Натальи Ивановны») and names the mentees, the form and the period
of each pair, the regulation on mentoring the employee has read and the pay terms. The pairs
are the mentor's current pairs of the registry (``Pair.mentor_consent_date``) or those listed.
Art. 351.8 is cited for the pairs whose mentees are employees only (for all of them in the
lead, or after each such pair when the consent also covers pupils); the consent is dated on or
after the regulation it names.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import Field, model_validator

from ...models import Official, Pair, PairStatus, Participant, Registry
from ...ru import (
    PersonForms,
    close_apposition,
    form_phrase,
    format_date,
    gendered,
    lower_first,
    money_in_words,
    period_text,
    stop,
    sub_items,
    typograph,
    upper_first,
)
from .._base import BatchSpec, DemoBatch, Kind, register
from .._legal import is_staff_pair
from .._people import bad_input, find_participant, form_title, forms_of, is_staff
from .._requisites import Act, typeset
from ._shared import (
    FAMILY,
    LabourContext,
    LabourInput,
    approved_regulation,
    check_after_regulation,
    mentees_genitive,
    pair_by_label,
    record_names,
    require_staff,
)

__all__ = ["ConsentContext", "ConsentInput", "build_consent", "consent_records"]

DASH = "\u2013"


class ConsentInput(LabourInput):
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


class ConsentContext(LabourContext):
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
        pairs = [pair_by_label(registry, label, f"pairs[{i}]") for i, label in enumerate(data.pairs)]
        mentors = {p.mentor for p in pairs}
        if data.mentor is not None:
            mentor = find_participant(registry, data.mentor, "mentor")
            if mentors != {mentor.id}:
                raise bad_input("pairs", f"не во всех указанных парах наставник — {mentor.short_name}",
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
        raise bad_input("mentor", f"{mentor.short_name} не наставник ни в одной паре базы", data.mentor)
    current = [p for p in own if p.status is PairStatus.ACTIVE]
    return mentor, current or own


_LABOUR_CODE = "статьёй 351.8 Трудового кодекса Российской Федерации"


def _assignment(registry: Registry, pair: Pair, cite: bool) -> str:
    """«Мамедова Эльдара Рашид оглы, учителя физики и информатики, в форме «учитель – учитель»
    с 1 сентября 2026 г. по 31 мая 2027 г.»; ``cite`` adds art. 351.8 after a pair of employees."""
    text = (f"{close_apposition(mentees_genitive(registry, pair))} в {form_phrase(form_title(registry, pair))} "
            f"{period_text(pair.start, pair.end)}")
    return f"{text} (статья 351.8 Трудового кодекса Российской Федерации)" if cite else text


def build_consent(data: ConsentInput) -> ConsentContext:
    registry, org = data.registry, data.organization
    mentor_p, pairs = _consent_pairs(data)
    require_staff(mentor_p, "mentor", "согласие на осуществление наставничества")
    mentor = forms_of(mentor_p)
    head = data.addressee or org.head
    head_forms = forms_of(head)
    post = lower_first(mentor.post.genitive) if mentor.post else "работника"
    addressee = [upper_first(typograph(head_forms.post.dative)), head_forms.initials_dative,
                 f"от {post}", mentor.genitive]

    who = f"Я, {mentor.nominative}"
    if mentor.post:
        who += f", {lower_first(mentor.post.nominative)} {typograph(org.short_name)}"
    staff = [is_staff_pair(registry, p) for p in pairs]
    basis = f" в соответствии со {_LABOUR_CODE}" if all(staff) else ""
    lead = (f"{who},{basis} даю согласие на осуществление наставничества (выполнение обязанностей "
            f"наставника) в отношении")
    cite = [s and not all(staff) for s in staff]  # mixed: art. 351.8 after the pairs of employees only
    if len(pairs) == 1:
        statement, assignments = stop(f"{lead} {_assignment(registry, pairs[0], cite[0])}"), []
    else:
        statement = f"{lead}:"
        assignments = [f"{DASH} {line}" for line in sub_items(
            [_assignment(registry, p, c) for p, c in zip(pairs, cite)], lower=False)]

    regulation = data.regulation or Act(title=f"Положение о системе наставничества {org.short_name}")
    acquainted = gendered(mentor, "ознакомлен", "ознакомлена")
    reg_text = f"С {approved_regulation(regulation)}, {acquainted}; права и обязанности наставника мне разъяснены."

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
    check_after_regulation(day, data.regulation, "date", "Согласие")
    return typeset(ConsentContext(
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
    ))


def consent_records(registry: Registry, common: dict[str, Any]) -> list[dict[str, Any]]:
    """One consent per staff mentor of the current pairs (several pairs of one mentor go
    into one consent when the registry gives them the same consent date)."""
    groups: dict[tuple[str, dt.date | None], list[str]] = {}
    for i, pair in enumerate(registry.pairs):
        mentor = registry.participant(pair.mentor)
        if pair.status is PairStatus.ACTIVE and is_staff(mentor):
            groups.setdefault((mentor.id, pair.mentor_consent_date), []).append(registry.pair_label(i))
    name = record_names(registry)
    return [{**common, "registry": registry, "mentor": name(mentor_id), "pairs": labels}
            for (mentor_id, _), labels in groups.items()]


register(Kind(
    id="labour.mentor_consent",
    title="Согласие работника на осуществление наставничества",
    build_context=build_consent, family=FAMILY,
    samples=("labour/mentor_consent.yaml",),
    output_name="Согласие на осуществление наставничества",
    description="Письменное согласие работника (ст. 351.8 ТК РФ): наставляемые, форма, срок, "
                "положение о наставничестве, доплата. Пакетом — по одному на наставника из базы.",
    batch=BatchSpec(records=consent_records, file_name="{mentor}"),
    demo_batch=DemoBatch(common="labour/common.yaml"),
))
