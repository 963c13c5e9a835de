"""What every protocol shares: the input, the context, the votes, the lines of people.

A protocol (ГОСТ Р 7.0.97-2025) has the organisation, ПРОТОКОЛ, date and number, place, a
heading («заседания педагогического совета»), the header lines (chair, secretary, who was
present), the text and the signatures. Votes are counted over the members present
(:func:`check_votes`, :func:`votes_text`); a person is written as in ГОСТ: «Власова Е.Н.,
заместитель директора …» (:func:`short_line`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ...models import Model, Registry
from ...ru import PersonForms, lower_first, typograph
from .._people import People, Ref
from .._requisites import DocumentInput, RequisitesContext, requisite_fields, typeset

__all__ = [
    "DASH", "FAMILY", "LineRow", "ProtocolContext", "ProtocolInput", "SignatureRow", "Votes", "check_votes",
    "protocol_fields", "resolve_forms", "short_line", "votes_text",
]

FAMILY = "Протоколы"
DASH = "\u2013"


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
    """The votes; none given, every member present voted «за»."""
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


def short_line(forms: PersonForms) -> str:
    """«Власова Е.Н., заместитель директора по учебно-воспитательной работе»."""
    if forms.post:
        return f"{forms.short_nominative}, {lower_first(forms.post.nominative)}"
    return forms.short_nominative


def protocol_fields(data: ProtocolInput, heading: str, header: list[str], signatures: list[SignatureRow],
                    **extra: Any) -> dict[str, Any]:
    """The fields of :class:`ProtocolContext` (and the kind's ``extra``), typeset."""
    fields = {**requisite_fields(data), "heading": typograph(heading), "header": header,
              "signatures": signatures, **extra}
    return {name: typeset(value) for name, value in fields.items()}


def resolve_forms(people: People, refs: list[Ref], field: str) -> list[PersonForms]:
    return [people.forms(ref, f"{field}[{i}]") for i, ref in enumerate(refs)]
