"""Protocols of the commission that selects mentors: an interview with one candidate, the review
of several candidates.

* ``protocol.mentor_interview`` — собеседование с кандидатом: стаж, мотивация, компетенции,
  решение о включении в базу наставников с рекомендуемой формой (формами) наставничества;
* ``protocol.candidates_review`` — рассмотрение кандидатур: таблица кандидатов и решения.

The commission has one name everywhere — in both headings and in the orders that cite its
protocols («комиссия по отбору наставников» unless the input names it otherwise); its chair
and members vote, the secretary records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from ...models import Model, Participant, Person
from ...ru import (
    agree,
    close_apposition,
    decline_title,
    form_phrase,
    forms_phrase,
    lower_first,
    sentence,
    soft_hyphens,
    typograph,
    upper_first,
)
from .._base import Kind, register
from .._people import People, Ref, person_phrase
from .._requisites import Item, numbered
from ._common import (
    DASH,
    FAMILY,
    ProtocolContext,
    ProtocolInput,
    SignatureRow,
    Votes,
    check_votes,
    protocol_fields,
    resolve_forms,
    short_line,
    votes_text,
)

__all__ = ["Candidate", "Commission", "Competence", "InterviewContext", "InterviewInput", "ReviewContext",
           "ReviewInput", "build_interview", "build_review", "commission_heading"]


class Commission(Model):
    """A commission (комиссия по отбору наставников): chair, members, secretary."""

    name: str = Field(default="комиссия по отбору наставников", description="Название комиссии")
    chair: Ref = Field(description="Председатель комиссии")
    members: list[Ref] = Field(default_factory=list, description="Члены комиссии")
    secretary: Ref | None = Field(default=None, description="Секретарь комиссии")


def commission_heading(commission: Commission, what: str = "заседания") -> str:
    """«заседания комиссии по отбору наставников»: the commission's one name in the genitive."""
    return f"{what} {lower_first(decline_title(typograph(commission.name), 'genitive'))}"


def _commission(people: People, c: Commission) -> tuple[list[str], list[SignatureRow]]:
    chair_f = people.forms(c.chair, "commission.chair")
    members = resolve_forms(people, c.members, "commission.members")
    header = [f"Председатель комиссии {DASH} {short_line(chair_f)}"]
    if members:
        header.append("Члены комиссии: " + "; ".join(short_line(f) for f in members) + ".")
    signatures = [SignatureRow(role="Председатель комиссии", name=chair_f.initials_nominative)]
    signatures += [SignatureRow(role="Член комиссии", name=f.initials_nominative) for f in members]
    if c.secretary is not None:
        sec_f = people.forms(c.secretary, "commission.secretary")
        header.append(f"Секретарь {DASH} {short_line(sec_f)}")
        signatures.append(SignatureRow(role="Секретарь", name=sec_f.initials_nominative))
    return [typograph(h) for h in header], signatures


def _recommended(forms: list[str]) -> str:
    """« с рекомендуемой формой наставничества «учитель – учитель»» for one form, « с
    рекомендацией осуществлять наставничество в формах …» for several (each named as a form)."""
    titles = [typograph(f) for f in forms if f.strip()]
    if not titles:
        return ""
    if len(titles) == 1:
        return f" с {form_phrase(titles[0], 'instrumental', of='наставничества', adjective='рекомендуемый')}"
    return f" с рекомендацией осуществлять наставничество {forms_phrase(titles)}"


#: A blank for the experience: in the running text, and narrow enough for the 17 mm column of
#: the review's table (a blank never breaks across lines).
EXPERIENCE_BLANK, NARROW_BLANK = "________", "_____"


def _experience(person: Person, day: dt.date | None, given: str | None, blank: str = EXPERIENCE_BLANK) -> str:
    if given:
        return typograph(given)
    if isinstance(person, Participant) and day is not None:
        years = person.experience_on(day)
        if years is not None:
            return agree(int(years), "год")
    return blank


# --------------------------------------------------------------------------- interview


class Competence(Model):
    name: str = Field(min_length=1, description="Компетенция")
    assessment: str = Field(min_length=1, description="Оценка («высокий уровень», «соответствует»)")


class CompetenceRow(BaseModel):
    number: str
    name: str
    assessment: str


class InterviewContext(ProtocolContext):
    candidate: list[str]
    competences: list[CompetenceRow]
    decision: str
    votes: str


def _commission_votes(model: Any) -> Any:
    """The after-validator of a commission's protocol: no more votes than the commission has."""
    voters = 1 + len(model.commission.members)
    check_votes(model.votes, voters, "голосование комиссии")
    return model


class InterviewInput(ProtocolInput):
    """Протокол собеседования с кандидатом в наставники."""

    commission: Commission = Field(description="Комиссия")
    candidate: Ref = Field(description="Кандидат: ID (ФИО) из базы или ФИО с должностью")
    experience: str | None = Field(default=None, description="Педагогический стаж (по умолчанию — из базы)")
    motivation: str = Field(min_length=1, description="Мотивация кандидата")
    competences: list[Competence] = Field(min_length=1, description="Оценка компетенций")
    include: bool = Field(description="Включить в базу наставников (true) или нет (false)")
    forms: list[str] = Field(default_factory=list, description="Рекомендуемые формы наставничества")
    reason: str | None = Field(default=None, description="Обоснование решения")
    votes: Votes | None = Field(default=None, description="Голосование (по умолчанию — единогласно)")

    _votes = model_validator(mode="after")(_commission_votes)


def build_interview(data: InterviewInput) -> InterviewContext:
    people = People(data.registry, data.signer or data.organization.head)
    header, signatures = _commission(people, data.commission)
    cand_f = people.forms(data.candidate, "candidate")
    cand = people.person(data.candidate)
    candidate = [
        f"Кандидат: {cand_f.nominative}",
        f"Должность: {typograph(cand_f.post.nominative) if cand_f.post else '________'}",
        f"Педагогический стаж: {_experience(cand, data.date, data.experience)}",
        f"Мотивация: {lower_first(sentence(typograph(data.motivation)))}",
    ]
    org = typograph(data.organization.short_name)
    who = person_phrase(cand_f, cand, "accusative")
    if data.include:
        decision = f"Включить {close_apposition(who)} в базу наставников {org}{_recommended(data.forms)}"
    else:
        decision = f"Не включать {close_apposition(who)} в базу наставников {org}"
    if data.reason:
        decision += f" ({lower_first(typograph(data.reason).rstrip('.'))})"
    rows = [CompetenceRow(number=f"{i}.", name=typograph(c.name), assessment=typograph(c.assessment))
            for i, c in enumerate(data.competences, start=1)]
    present = 1 + len(data.commission.members)
    return InterviewContext(**protocol_fields(
        data, commission_heading(data.commission, "собеседования") + " с кандидатом в наставники",
        header, signatures,
        candidate=[typograph(c) for c in candidate], competences=rows,
        decision=sentence(typograph(decision)), votes=votes_text(data.votes, present)))


register(Kind(
    id="protocol.mentor_interview",
    title="Протокол собеседования с кандидатом в наставники",
    build_context=build_interview, family=FAMILY,
    samples=("protocols/mentor_interview.yaml",), output_name="Протокол собеседования с кандидатом в наставники",
    description="Комиссия, кандидат, стаж, мотивация, компетенции, решение о включении в базу наставников.",
))


# --------------------------------------------------------------------------- candidates review

Decision = Literal["рекомендовать", "не рекомендовать", "отложить"]


class Candidate(Model):
    person: Ref = Field(description="Кандидат: ID (ФИО) из базы или ФИО с должностью")
    experience: str | None = Field(default=None, description="Стаж (по умолчанию — из базы)")
    form: str | None = Field(default=None, description="Форма наставничества")
    decision: Decision = Field(description="рекомендовать / не рекомендовать / отложить")
    note: str | None = Field(default=None, description="Примечание, обоснование")


class CandidateRow(BaseModel):
    number: str
    name: str
    post: str
    experience: str
    form: str
    decision: str


class ReviewContext(ProtocolContext):
    candidates: list[CandidateRow]
    decisions: list[Item]
    votes: str


class ReviewInput(ProtocolInput):
    """Протокол рассмотрения кандидатур в наставники."""

    commission: Commission = Field(description="Комиссия")
    candidates: list[Candidate] = Field(min_length=1, description="Кандидаты и решения")
    votes: Votes | None = Field(default=None, description="Голосование (по умолчанию — единогласно)")

    _votes = model_validator(mode="after")(_commission_votes)


_DECISION_LEAD = {
    "рекомендовать": "Рекомендовать для включения в базу наставников",
    "не рекомендовать": "Не рекомендовать для включения в базу наставников",
    "отложить": "Отложить рассмотрение",
}


def build_review(data: ReviewInput) -> ReviewContext:
    people = People(data.registry, data.signer or data.organization.head)
    header, signatures = _commission(people, data.commission)
    rows: list[CandidateRow] = []
    groups: dict[str, list[str]] = {k: [] for k in _DECISION_LEAD}
    for i, c in enumerate(data.candidates, start=1):
        forms = people.forms(c.person, f"candidates[{i - 1}].person")
        person = people.person(c.person)
        note = f" ({lower_first(typograph(c.note).rstrip('.'))})" if c.note else ""
        rows.append(CandidateRow(number=f"{i}.", name=forms.nominative,
                                 post=typograph(upper_first(forms.post.nominative)) if forms.post else "",
                                 experience=_experience(person, data.date, c.experience, NARROW_BLANK),
                                 form=soft_hyphens(typograph(c.form)) if c.form else "",
                                 decision=upper_first(c.decision) + note))
        case = "genitive" if c.decision == "отложить" else "accusative"
        groups[c.decision].append(person_phrase(forms, person, case))
    org = typograph(data.organization.short_name)
    texts = []
    for decision, lead in _DECISION_LEAD.items():
        if groups[decision]:
            if decision == "отложить":
                where = " кандидатуры" if len(groups[decision]) == 1 else " кандидатур"
            else:
                where = f" {org}"
            texts.append(sentence(typograph(f"{lead}{where}: " + "; ".join(groups[decision]))))
    present = 1 + len(data.commission.members)
    return ReviewContext(**protocol_fields(
        data, commission_heading(data.commission), header, signatures,
        candidates=rows, decisions=numbered(texts), votes=votes_text(data.votes, present)))


register(Kind(
    id="protocol.candidates_review",
    title="Протокол рассмотрения кандидатур в наставники",
    build_context=build_review, family=FAMILY,
    samples=("protocols/candidates_review.yaml",), output_name="Протокол рассмотрения кандидатур в наставники",
    description="Таблица кандидатов с решением по каждому, итоговые решения, голосование.",
))
