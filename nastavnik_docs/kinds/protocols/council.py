"""``protocol.council`` — протокол заседания педагогического (методического, экспертного) совета.

Chair, secretary, who was present, the invited, the agenda, and for each question СЛУШАЛИ –
ВЫСТУПИЛИ – ПОСТАНОВИЛИ with the votes. The chair and the secretary are in the attendance
list; a person present who is not a member of the council (a chief accountant, a guest —
by the post, ``protocols.yaml``) is listed as invited; votes are counted over the members
present. Beyond :data:`MAX_LISTED_PRESENT` people the protocol gives the count and appends
the list, with rows tall enough to sign in.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from ...models import Category, Model, Participant, Person
from ...ru import PersonForms, agree, decline_title, join_and, lower_first, sentence, typograph, upper_first
from .._base import Kind, register
from .._data import wording
from .._people import People, Ref, bad_input, forms_of
from .._requisites import Item, numbered
from ._common import (
    DASH,
    FAMILY,
    LineRow,
    ProtocolContext,
    ProtocolInput,
    SignatureRow,
    Votes,
    check_votes,
    protocol_fields,
    short_line,
    votes_text,
)

__all__ = ["MAX_LISTED_PRESENT", "MEMBER_POSTS", "CouncilContext", "CouncilInput", "Question", "RoadmapApproval",
           "Speech", "build_council", "is_member"]

#: Beyond this many people present, the protocol gives the count and appends the list.
MAX_LISTED_PRESENT = 15
#: Words of the posts of a council's members (``protocols.yaml``).
MEMBER_POSTS: tuple[str, ...] = tuple(wording(__package__ or "nastavnik_docs.kinds.protocols",
                                              "protocols.yaml")["member_posts"])


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
    verb: Literal["утвердить", "согласовать", "рекомендовать к утверждению"] = Field(
        default="согласовать", description="Что решили сделать с дорожной картой")
    votes: Votes | None = Field(default=None, description="Итоги голосования («за», «против», «воздержались»)")


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
    """Протокол заседания педагогического (методического, экспертного) совета.

    ``present`` lists who was present (the chair and the secretary are added when missing);
    a person whose post is not a member's (``member_posts``, by default the pedagogical
    posts and the head's) is listed among the invited and does not vote.
    """

    council: str = Field(default="педагогический совет", description="Совет (именительный падеж)")
    chair: Ref = Field(description="Председатель")
    secretary: Ref = Field(description="Секретарь")
    present: list[Ref] = Field(default_factory=list, description="Присутствовали (список)")
    present_count: int | None = Field(default=None, ge=1, description="Сколько членов совета присутствовало (если без списка)")
    invited: list[Ref] = Field(default_factory=list, description="Приглашённые")
    member_posts: list[str] | None = Field(
        default=None, description="Слова должностей членов совета (по умолчанию — педагогические должности и руководство)")
    agenda: list[Question] = Field(default_factory=list, description="Вопросы повестки дня")
    approve_roadmap: RoadmapApproval | None = Field(default=None, description="Решение по дорожной карте")

    @model_validator(mode="after")
    def _check(self) -> CouncilInput:
        if not self.present and self.present_count is None:
            raise ValueError("укажите присутствовавших (present) или их число (present_count)")
        if not self.agenda and self.approve_roadmap is None:
            raise ValueError("в повестке дня нет ни одного вопроса (agenda)")
        return self


def is_member(person: Person, posts: tuple[str, ...] | list[str] = MEMBER_POSTS) -> bool:
    """A member of a pedagogical council: a teacher of the registry, or anyone whose post has
    a member's word; a pupil, a student or an employer's representative never is."""
    if isinstance(person, Participant) and person.category is not Category.OTHER:
        return person.category is Category.TEACHER
    post = (getattr(person, "post", None) or "").lower()
    return not post or any(word.lower() in post for word in posts)


def _question(number: int, q: Question, people: People, present: int, field: str) -> tuple[Item, CouncilQuestion]:
    speaker_forms = people.forms(q.speaker, f"{field}.speaker")
    title = typograph(q.title).rstrip(".")
    agenda = Item(number=f"{number}.", text=sentence(f"{title} (докладчик {DASH} {short_line(speaker_forms)})"))
    speeches = []
    for i, s in enumerate(q.speeches):
        forms = people.forms(s.person, f"{field}.speeches[{i}].person")
        speeches.append(f"{forms.short_nominative} {DASH} {sentence(typograph(s.text))}")
    heard = f"{speaker_forms.short_nominative} {DASH} {sentence(typograph(q.report))}"
    decisions = numbered([sentence(typograph(d)) for d in q.decisions], prefix=f"{number}.")
    return agenda, CouncilQuestion(number=f"{number}.", heard=heard, speeches=speeches,
                                   decisions=decisions, votes=votes_text(q.votes, present))


def _roadmap_question(r: RoadmapApproval) -> Question:
    title = typograph(r.title)
    return Question(
        title=f"О {lower_first(decline_title(title, 'prepositional'))}",
        speaker=r.speaker,
        report=f"о проекте {lower_first(decline_title(title, 'genitive'))}, мероприятиях, сроках и ответственных",
        decisions=[f"{upper_first(r.verb)} {lower_first(decline_title(title, 'accusative'))}"],
        votes=r.votes)


def _attendance(data: CouncilInput, people: People) -> tuple[list[Person], list[Person]]:
    """(members present, invited): the chair and the secretary first, each person once; the
    present who are not members join the invited."""
    posts = data.member_posts if data.member_posts is not None else MEMBER_POSTS
    chair, secretary = people.find(data.chair, "chair"), people.find(data.secretary, "secretary")
    present = [people.find(ref, f"present[{i}]") for i, ref in enumerate(data.present)]
    invited = [people.find(ref, f"invited[{i}]") for i, ref in enumerate(data.invited)]
    members: list[Person] = []
    others: list[Person] = []
    for person in [chair, secretary, *present] if present else []:
        if person in members or person in others or person in invited:
            continue
        (members if person in (chair, secretary) or is_member(person, posts) else others).append(person)
    return members, [*invited, *others]


def _line(forms: list[PersonForms]) -> str:
    return join_and([f.short_nominative for f in forms])


def build_council(data: CouncilInput) -> CouncilContext:
    people = People(data.registry, data.signer or data.organization.head)
    chair_forms = people.forms(data.chair, "chair")
    secretary_forms = people.forms(data.secretary, "secretary")
    members, invited = _attendance(data, people)
    count = data.present_count or len(members)
    questions = list(data.agenda) + ([_roadmap_question(data.approve_roadmap)] if data.approve_roadmap else [])
    agenda, blocks = [], []
    for n, q in enumerate(questions, start=1):
        try:
            check_votes(q.votes, count, f"вопрос {n}")
        except ValueError as exc:
            raise bad_input(f"agenda[{n - 1}].votes", f"{exc} (члены совета, присутствовавшие на заседании)") from None
        a, b = _question(n, q, people, count, f"agenda[{n - 1}]")
        agenda.append(a)
        blocks.append(b)
    present_forms = [forms_of(p) for p in members]
    if members and count <= MAX_LISTED_PRESENT:
        present_line = f"Присутствовали: {_line(present_forms)} ({agree(count, 'человек')})."
        present_list: list[LineRow] = []
    else:
        note = " (список прилагается)" if count > MAX_LISTED_PRESENT else ""
        present_line = f"Присутствовали: {agree(count, 'человек')}{note}."
        present_list = [LineRow(number=f"{i}.", name=f.short_nominative,
                                post=typograph(upper_first(f.post.nominative)) if f.post else "")
                        for i, f in enumerate(present_forms, start=1)]
    header = [f"Председатель {DASH} {chair_forms.initials_nominative}",
              f"Секретарь {DASH} {secretary_forms.initials_nominative}",
              typograph(present_line)]
    if invited:
        header.append(typograph("Приглашённые: " + "; ".join(short_line(forms_of(p)) for p in invited) + "."))
    council = typograph(data.council)
    return CouncilContext(**protocol_fields(
        data, f"заседания {decline_title(council, 'genitive')}", header,
        [SignatureRow(role="Председатель", name=chair_forms.initials_nominative),
         SignatureRow(role="Секретарь", name=secretary_forms.initials_nominative)],
        agenda=agenda, questions=blocks, present_list=present_list))


register(Kind(
    id="protocol.council",
    title="Протокол заседания педагогического (методического, экспертного) совета",
    build_context=build_council, family=FAMILY,
    samples=("protocols/council.yaml",), output_name="Протокол заседания педагогического совета",
    description="Председатель, секретарь, присутствовали (председатель — в списке, не члены совета — среди "
                "приглашённых), повестка, СЛУШАЛИ – ВЫСТУПИЛИ – ПОСТАНОВИЛИ, голосование членов совета.",
))
