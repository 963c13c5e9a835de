"""What both programmes share: inline people, the approval stamp, the passport, the frame.

* :class:`ProgrammeInput` (strict input), :class:`ProgrammePerson` / :data:`PersonRef` (a
  participant given inline or by ID), :class:`ApprovalInput` (approved by an order or by
  signature) and :func:`resolve_person` / :func:`resolve_official`;
* the context frame :class:`ProgrammeFrame` (letterhead, corner stamps, title, passport
  table, signatures, font) filled by :func:`frame`;
* :func:`describe`, :func:`experience_years`, :func:`role_word`, :func:`curator_rows` —
  how the passport and the signatures name people;
* :func:`agree_mentees` — the default texts put into the number and gender of the mentees
  (:func:`nastavnik_docs.ru.agree_with`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...models import TEXT_MAX, Category, Model, Official, Organization, Participant, Registry, Role
from ...ru import (
    BLANK_NAME,
    PersonForms,
    agree,
    agree_with,
    decline_post,
    gendered,
    lower_first,
    pupil_text,
    sub_items,
    typograph,
)
from .._people import bad_input, find_participant, forms_of, is_staff
from .._requisites import CouncilDecision, Item, act_reference, approval_stamp, letterhead_lines, numbered

__all__ = [
    "BLANK_EXPERIENCE", "ApprovalInput", "PassportRow", "PersonRef", "ProgrammeFrame", "ProgrammeInput",
    "ProgrammePerson", "SignatureRow", "StampContext", "agree_mentees", "approval_lines", "considered_stamp",
    "curator_rows", "describe", "experience_text", "experience_years", "frame", "list_items",
    "resolve_curator", "resolve_official", "resolve_person", "role_word",
]

NBSP = "\u00a0"


# --------------------------------------------------------------------------- input


class ProgrammeInput(BaseModel):
    """The strict base of a programme's input: unknown fields are errors, not ignored."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", populate_by_name=True, str_max_length=TEXT_MAX,
                              coerce_numbers_to_str=True)


class ProgrammePerson(Participant):
    """A participant given inline (ФИО, category, post or class, experience); no id needed."""

    id: str = Field(default="", description="ID участника (не обязателен)")


PersonRef = ProgrammePerson | str


class ApprovalInput(Model):
    """The approval stamp: by an order («УТВЕРЖДЕНА приказом … от … № …») or by signature
    («УТВЕРЖДАЮ», the head's post, signature line, name, date)."""

    order_number: str | None = Field(default=None, description="Номер приказа об утверждении")
    order_date: dt.date | None = Field(default=None, description="Дата приказа")
    signer: Official | None = Field(default=None, description="Кто утверждает (по умолчанию — руководитель)")
    date: dt.date | None = Field(default=None, description="Дата утверждения (нет — линия)")


# --------------------------------------------------------------------------- context


class PassportRow(BaseModel):
    label: str
    lines: list[str]


class SignatureRow(BaseModel):
    role: str
    name: str


class StampContext(BaseModel):
    """The corner stamps: ``left`` (РАССМОТРЕНА …), ``right`` (УТВЕРЖДАЮ / УТВЕРЖДЕНА …)."""

    left: list[str]
    right: list[str]


class ProgrammeFrame(BaseModel):
    """What both programme templates place around their own sections."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    letterhead: list[str]
    stamps: StampContext
    title: str
    subtitle: list[str]
    passport: list[PassportRow]
    signatures: list[SignatureRow]
    font_name: str
    font_size: float


def frame(org: Organization, stamps: StampContext, title: str, subtitle: list[str],
          passport: list[PassportRow], signatures: list[SignatureRow]) -> dict[str, Any]:
    """The fields of :class:`ProgrammeFrame`."""
    return {"letterhead": letterhead_lines(org),
            "stamps": stamps, "title": title, "subtitle": subtitle, "passport": passport,
            "signatures": signatures, "font_name": org.font_name, "font_size": org.font_size}


def approval_lines(approval: ApprovalInput | None, organization: Organization, title: str,
                   default_signer: Official | Participant | None = None) -> list[str]:
    """The approval stamp (:func:`approval_stamp`): by an order when the input gives its
    number or date, otherwise «УТВЕРЖДАЮ» of the signer."""
    approval = approval or ApprovalInput()
    order = ((approval.order_date, approval.order_number)
             if approval.order_number or approval.order_date else None)
    return approval_stamp(organization, title, order=order, signer=approval.signer or default_signer,
                          date=approval.date)


def considered_stamp(decision: CouncilDecision | None, word: str) -> list[str]:
    """«РАССМОТРЕНА / на заседании педагогического совета / протокол от … № …»."""
    if decision is None:
        return []
    return [word, f"на заседании {decline_post(decision.council, 'genitive')}",
            f"(протокол {act_reference(decision.date, decision.number)})"]


# --------------------------------------------------------------------------- people


def resolve_person(ref: PersonRef, registry: Registry | None, field: str) -> Participant:
    """The participant given inline, or named by ID or full name in the registry."""
    if isinstance(ref, Participant):
        return ref
    key = str(ref).strip()
    if registry is not None:
        return find_participant(registry, key, field)
    raise bad_input(field, "участник указан по ID или ФИО, но база (registry) не задана: укажите "
                           "базу или ФИО, должность (класс) участника", key, code="registry.missing")


def resolve_official(ref: Official | str | None, registry: Registry | None,
                     field: str) -> Official | Participant | None:
    """An official given inline, a participant named by ID or full name, or None."""
    if ref is None or isinstance(ref, Official):
        return ref
    return resolve_person(ref, registry, field)


def resolve_curator(ref: Official | str | None, registry: Registry | None) -> Official | Participant | None:
    """The curator given, else the only curator of the registry (None when there is none or several)."""
    found = resolve_official(ref, registry, "curator")
    if found is not None or registry is None:
        return found
    curators = [p for p in registry.participants if p.role is Role.CURATOR]
    return curators[0] if len(curators) == 1 else None


def experience_years(person: Participant, on: dt.date) -> str:
    """«21 год», «менее 1 года» on ``on``; "" when unknown."""
    years = person.experience_on(on)
    if years is None:
        return ""
    whole = int(years + 1e-9)
    return f"менее 1{NBSP}года" if whole < 1 else agree(whole, "год").replace(" ", NBSP, 1)


#: Where a teacher's experience is unknown, the passport leaves a line to write it in.
BLANK_EXPERIENCE = "_" * 12


def experience_text(person: Participant, on: dt.date) -> str:
    """«педагогический стаж 21 год» (a teacher), «стаж работы 12 лет» (others); for a teacher
    whose experience is unknown «педагогический стаж ____________» (a line for handwriting),
    "" for anyone else."""
    years = experience_years(person, on)
    if not years and person.category is Category.TEACHER:
        years = BLANK_EXPERIENCE
    if not years:
        return ""
    word = "педагогический стаж" if is_staff(person) else "стаж работы"
    return f"{word} {years}"


def describe(person: Participant, forms: PersonForms, on: dt.date | None = None) -> str:
    """«учитель математики, педагогический стаж 22 года» or «обучающаяся 7 «Б» класса»: the
    experience on ``on`` (the pair's start) when given — a teacher's always, with a line to
    write it in when the registry does not hold it."""
    if person.category is Category.PUPIL:
        return pupil_text(forms, person.post)
    parts = [lower_first(typograph(person.post))] if person.post else []
    if on is not None:
        exp = experience_text(person, on)
        if exp:
            parts.append(exp)
    return ", ".join(parts)


def role_word(role: str, forms: PersonForms) -> str:
    """«Наставник», or «Наставляемый» / «Наставляемая» for ``role == "mentee"``."""
    if role == "mentee":
        return gendered(forms, "Наставляемый", "Наставляемая")
    return "Наставник"


def curator_rows(curator: Official | Participant | None) -> tuple[list[str], SignatureRow]:
    """The curator's line of the passport and the curator's signature row (blanks for none)."""
    if curator is None:
        return [BLANK_NAME], SignatureRow(role="Куратор программы наставничества", name=BLANK_NAME)
    forms = forms_of(curator)
    post = lower_first(typograph(forms.post.nominative)) if forms.post else ""
    line = f"{forms.nominative}, {post}" if post else forms.nominative
    return [line], SignatureRow(role="Куратор программы наставничества", name=forms.initials_nominative)


# --------------------------------------------------------------------------- agreement


def agree_mentees(text: str, mentees: Sequence[PersonForms]) -> str:
    """Put the braces of a default text into the number and gender of the mentees
    (:func:`nastavnik_docs.ru.agree_with`: ``{наставляемого}``, ``{его}``, ``{a|b}``, ``{a|b|c}``)."""
    return agree_with(text, mentees)


def list_items(texts: Sequence[str], mentees: Sequence[PersonForms] = ()) -> list[Item]:
    """Numbered list items «1. …;», the last one ending with a full stop."""
    return numbered(sub_items([typograph(agree_mentees(t, mentees)) for t in texts]))
