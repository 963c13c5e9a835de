"""Protocols (протоколы): council meetings, interviews with mentor candidates, review of candidates.

Laid out by ГОСТ Р 7.0.97-2025: organisation, ПРОТОКОЛ, date and number, place, heading
(«заседания педагогического совета»), chair and secretary, who was present, the agenda,
and for each question СЛУШАЛИ – ВЫСТУПИЛИ – ПОСТАНОВИЛИ with the votes; signatures of the
chair and the secretary. Speakers are written as in ГОСТ: «Власова Е.Н. – …».
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from ..models import Model, Participant, Person, Registry
from ..ru import PersonForms, agree, decline_post, join_and, lower_first, sentence, typograph, upper_first
from ._base import Kind, register
from ._people import People, Ref, person_phrase
from ._requisites import DocumentInput, Item, RequisitesContext, numbered, requisite_fields

__all__ = [
    "Commission", "CouncilContext", "CouncilInput", "InterviewContext", "InterviewInput", "ProtocolContext",
    "ProtocolInput", "ReviewContext", "ReviewInput", "Votes", "build_council", "build_interview", "build_review",
]

FAMILY = "Протоколы"
DASH = "\u2013"
#: Beyond this many people present, the protocol gives the count and appends the list.
MAX_LISTED_PRESENT = 15


class Votes(Model):
    """Votes on a decision; left out, the decision is recorded as unanimous."""

    for_: int = Field(alias="for", ge=0, description="За")
    against: int = Field(default=0, ge=0, description="Против")
    abstained: int = Field(default=0, ge=0, description="Воздержались")

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstained


def check_votes(votes: Votes | None, voters: int, where: str) -> None:
    """More votes than people entitled to vote is a typing error the protocol must not carry."""
    if votes is not None and votes.total > voters:
        raise ValueError(f"{where}: проголосовало {votes.total}, а голосовать могли только {voters}")


def votes_text(votes: Votes | None, present: int) -> str:
    """The votes; none given, everyone present voted «за»."""
    for_, against, abstained = (present, 0, 0) if votes is None else (votes.for_, votes.against, votes.abstained)
    return f"«за» {DASH} {for_}, «против» {DASH} {against}, «воздержались» {DASH} {abstained}"


class SignatureRow(BaseModel):
    role: str
    name: str


class LineRow(BaseModel):
    number: str
    name: str
    post: str


class ProtocolContext(RequisitesContext):
    """What every protocol template places."""

    heading: str
    header: list[str]
    signatures: list[SignatureRow]


class ProtocolInput(DocumentInput):
    """Fields every protocol takes: the registry for people given by id."""

    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")


def _short(forms: PersonForms) -> str:
    """«Власова Е.Н., заместитель директора по учебно-воспитательной работе»."""
    if forms.post:
        return f"{forms.short_nominative}, {lower_first(forms.post.nominative)}"
    return forms.short_nominative


def _frame(data: ProtocolInput, heading: str, header: list[str], signatures: list[SignatureRow],
           **extra: Any) -> dict[str, Any]:
    return {**requisite_fields(data), "heading": typograph(heading), "header": header,
            "signatures": signatures, **extra}


def _resolve(people: People, refs: list[Ref], field: str) -> list[PersonForms]:
    return [people.forms(ref, f"{field}[{i}]") for i, ref in enumerate(refs)]


# --------------------------------------------------------------------------- council


class Speech(Model):
    person: Ref = Field(description="Кто выступил")
    text: str = Field(min_length=1, description="Содержание выступления")


class Question(Model):
    """A question of the agenda and how it went."""

    title: str = Field(min_length=1, description="Вопрос повестки («Об утверждении …»)")
    speaker: Ref = Field(description="Докладчик (СЛУШАЛИ)")
    report: str = Field(min_length=1, description="О чём доклад")
    speeches: list[Speech] = Field(default_factory=list, description="ВЫСТУПИЛИ")
    decisions: list[str] = Field(min_length=1, description="ПОСТАНОВИЛИ (пункты решения)")
    votes: Votes | None = Field(default=None, description="Голосование (по умолчанию — единогласно)")


class RoadmapApproval(Model):
    """The decision to approve (agree) the roadmap, added as the last question."""

    title: str = Field(default="Дорожная карта (план мероприятий) по реализации Положения о системе наставничества",
                       description="Название дорожной карты")
    speaker: Ref = Field(description="Докладчик (обычно куратор)")
    verb: Literal["утвердить", "согласовать", "рекомендовать к утверждению"] = "согласовать"
    votes: Votes | None = None


class CouncilQuestion(BaseModel):
    number: str
    heard: str
    speeches: list[str]
    decisions: list[Item]
    votes: str


class CouncilContext(ProtocolContext):
    agenda: list[Item]
    questions: list[CouncilQuestion]
    present_list: list[LineRow]


class CouncilInput(ProtocolInput):
    """Протокол заседания педагогического (методического, экспертного) совета."""

    council: str = Field(default="педагогический совет", description="Совет (именительный падеж)")
    chair: Ref = Field(description="Председатель")
    secretary: Ref = Field(description="Секретарь")
    present: list[Ref] = Field(default_factory=list, description="Присутствовали (список)")
    present_count: int | None = Field(default=None, ge=1, description="Сколько присутствовало (если без списка)")
    invited: list[Ref] = Field(default_factory=list, description="Приглашённые")
    agenda: list[Question] = Field(default_factory=list, description="Вопросы повестки дня")
    approve_roadmap: RoadmapApproval | None = Field(default=None, description="Решение по дорожной карте")

    @model_validator(mode="after")
    def _check(self) -> CouncilInput:
        if not self.present and self.present_count is None:
            raise ValueError("укажите присутствовавших (present) или их число (present_count)")
        if not self.agenda and self.approve_roadmap is None:
            raise ValueError("в повестке дня нет ни одного вопроса (agenda)")
        voters = self.present_count or len(self.present)
        for i, q in enumerate(self.agenda, start=1):
            check_votes(q.votes, voters, f"вопрос {i}")
        if self.approve_roadmap is not None:
            check_votes(self.approve_roadmap.votes, voters, "дорожная карта")
        return self


def _question(number: int, q: Question, people: People, present: int, field: str) -> tuple[Item, CouncilQuestion]:
    speaker_forms = people.forms(q.speaker, f"{field}.speaker")
    title = typograph(q.title).rstrip(".")
    agenda = Item(number=f"{number}.", text=sentence(
        f"{title} (докладчик {DASH} {_short(speaker_forms)})"))
    speeches = []
    for i, s in enumerate(q.speeches):
        forms = people.forms(s.person, f"{field}.speeches[{i}].person")
        speeches.append(f"{forms.short_nominative} {DASH} {sentence(typograph(s.text))}")
    heard = f"{speaker_forms.short_nominative} {DASH} {sentence(typograph(q.report))}"
    decisions = numbered([sentence(typograph(d)) for d in q.decisions], prefix=f"{number}.")
    return agenda, CouncilQuestion(number=f"{number}.", heard=heard, speeches=speeches,
                                   decisions=decisions, votes=votes_text(q.votes, present))


def build_council(data: CouncilInput) -> CouncilContext:
    people = People(data.registry, data.signer or data.organization.head)
    chair_forms = people.forms(data.chair, "chair")
    secretary_forms = people.forms(data.secretary, "secretary")
    present = _resolve(people, data.present, "present")
    invited = _resolve(people, data.invited, "invited")
    count = data.present_count or len(present)
    questions = list(data.agenda)
    if data.approve_roadmap is not None:
        r = data.approve_roadmap
        title = typograph(r.title)
        questions.append(Question(
            title=f"О {decline_post(title, 'prepositional')}".replace("О Д", "О д"),
            speaker=r.speaker,
            report=f"о проекте {lower_first(decline_post(title, 'genitive'))}, мероприятиях, сроках и ответственных",
            decisions=[f"{upper_first(r.verb)} {lower_first(decline_post(title, 'accusative'))}"],
            votes=r.votes))
    agenda, blocks = [], []
    for n, q in enumerate(questions, start=1):
        a, b = _question(n, q, people, count, f"agenda[{n - 1}]")
        agenda.append(a)
        blocks.append(b)
    if present and count <= MAX_LISTED_PRESENT:
        present_line = f"Присутствовали: {join_and([f.short_nominative for f in present])} ({agree(count, 'человек')})."
        present_list: list[LineRow] = []
    else:
        note = " (список прилагается)" if count > MAX_LISTED_PRESENT else ""
        present_line = f"Присутствовали: {agree(count, 'человек')}{note}."
        present_list = [LineRow(number=f"{i}.", name=f.short_nominative,
                                post=typograph(upper_first(f.post.nominative)) if f.post else "")
                        for i, f in enumerate(present, start=1)]
    header = [f"Председатель {DASH} {chair_forms.initials_nominative}",
              f"Секретарь {DASH} {secretary_forms.initials_nominative}",
              typograph(present_line)]
    if invited:
        header.append(typograph("Приглашённые: " + "; ".join(_short(f) for f in invited) + "."))
    council = typograph(data.council)
    return CouncilContext(**_frame(
        data, f"заседания {decline_post(council, 'genitive')}", header,
        [SignatureRow(role="Председатель", name=chair_forms.initials_nominative),
         SignatureRow(role="Секретарь", name=secretary_forms.initials_nominative)],
        agenda=agenda, questions=blocks, present_list=present_list))


register(Kind(
    id="protocol.council",
    title="Протокол заседания педагогического (методического, экспертного) совета",
    build_context=build_council, family=FAMILY,
    samples=("protocols/council.yaml",), output_name="Протокол заседания педагогического совета",
    description="Председатель, секретарь, присутствовали, повестка, СЛУШАЛИ – ВЫСТУПИЛИ – ПОСТАНОВИЛИ, голосование.",
))


# --------------------------------------------------------------------------- commission


class Commission(Model):
    """A commission (комиссия по отбору наставников): chair, members, secretary."""

    name: str = Field(default="комиссия по отбору наставников", description="Название комиссии")
    chair: Ref = Field(description="Председатель комиссии")
    members: list[Ref] = Field(default_factory=list, description="Члены комиссии")
    secretary: Ref | None = Field(default=None, description="Секретарь комиссии")


def _commission(people: People, c: Commission) -> tuple[list[str], list[SignatureRow]]:
    chair_f = people.forms(c.chair, "commission.chair")
    members = _resolve(people, c.members, "commission.members")
    header = [f"Председатель комиссии {DASH} {_short(chair_f)}"]
    if members:
        header.append("Члены комиссии: " + "; ".join(_short(f) for f in members) + ".")
    signatures = [SignatureRow(role="Председатель комиссии", name=chair_f.initials_nominative)]
    signatures += [SignatureRow(role="Член комиссии", name=f.initials_nominative) for f in members]
    if c.secretary is not None:
        sec_f = people.forms(c.secretary, "commission.secretary")
        header.append(f"Секретарь {DASH} {_short(sec_f)}")
        signatures.append(SignatureRow(role="Секретарь", name=sec_f.initials_nominative))
    return [typograph(h) for h in header], signatures


def _experience(person: Person, day: dt.date | None, given: str | None) -> str:
    if given:
        return typograph(given)
    if isinstance(person, Participant) and day is not None:
        years = person.experience_on(day)
        if years is not None:
            return agree(int(years), "год")
    return "________"


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
        forms = f" с рекомендуемыми формами наставничества {join_and([f'«{typograph(f)}»' for f in data.forms])}" if data.forms else ""
        decision = f"Включить {who}, в базу наставников {org}{forms}"
    else:
        decision = f"Не включать {who}, в базу наставников {org}"
    if data.reason:
        decision += f" ({lower_first(typograph(data.reason).rstrip('.'))})"
    rows = [CompetenceRow(number=f"{i}.", name=typograph(c.name), assessment=typograph(c.assessment))
            for i, c in enumerate(data.competences, start=1)]
    present = 1 + len(data.commission.members)
    return InterviewContext(**_frame(
        data, "собеседования с кандидатом в наставники", header, signatures,
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
                                 experience=_experience(person, data.date, c.experience),
                                 form=typograph(c.form) if c.form else "", decision=upper_first(c.decision) + note))
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
    return ReviewContext(**_frame(
        data, "заседания комиссии по рассмотрению кандидатур в наставники", header, signatures,
        candidates=rows, decisions=numbered(texts), votes=votes_text(data.votes, present)))


register(Kind(
    id="protocol.candidates_review",
    title="Протокол рассмотрения кандидатур в наставники",
    build_context=build_review, family=FAMILY,
    samples=("protocols/candidates_review.yaml",), output_name="Протокол рассмотрения кандидатур в наставники",
    description="Таблица кандидатов с решением по каждому, итоговые решения, голосование.",
))
