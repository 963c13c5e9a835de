"""What both Labour Code documents share: the input, the pairs, the staff-only rule.

Only staff of the organisation mentor under these documents (:func:`require_staff`), and
art. 351.8 of the Labour Code applies only where every mentee is an employee too
(:func:`is_staff_pair`); a document citing the regulation is dated on or after it
(:func:`check_after_regulation`); the pairs come from the registry by their numbers
(:func:`pair_by_label`); the mentees are named in the genitive with their posts
(:func:`mentees_genitive`); a batch names its files after the mentors (:func:`record_names`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...models import Category, Model, Organization, Pair, Participant, Registry
from ...ru import decline_post, format_date, join_appositions, typograph
from .._data import wording
from .._legal import is_staff_pair
from .._people import bad_input, forms_of, is_staff, pair_labels, person_phrase
from .._requisites import Act, act_reference, post_without_org

__all__ = [
    "EMPLOYER_DUTIES", "FAMILY", "MENTOR_DUTIES", "MENTOR_RIGHTS", "TERMINATION", "LabourContext", "LabourInput",
    "approved_regulation", "check_after_regulation", "is_staff_pair", "mentees_genitive", "pair_by_label",
    "post_without_org", "record_names", "require_staff",
]

FAMILY = "Трудовые документы наставника"
NBSP = "\u00a0"

_TEXT: dict[str, Any] = wording(__package__ or "nastavnik_docs.kinds.labour", "labour.yaml")
#: The mentor's duties an agreement lists unless the input gives its own (infinitives).
MENTOR_DUTIES: tuple[str, ...] = tuple(_TEXT["duties"])
#: The mentor's rights an agreement lists unless the input gives its own.
MENTOR_RIGHTS: tuple[str, ...] = tuple(_TEXT["rights"])
#: The employer's obligations an agreement lists unless the input gives its own.
EMPLOYER_DUTIES: tuple[str, ...] = tuple(_TEXT["employer_duties"])
#: When mentoring ends: either party early, on three working days' written notice.
TERMINATION: str = " ".join(_TEXT["termination"].split())


class LabourContext(BaseModel):
    """The base of both contexts (they carry PersonForms for users' own templates)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)


class LabourInput(Model):
    """The fields both documents take."""

    organization: Organization = Field(description="Организация (работодатель)")
    registry: Registry = Field(description="База наставников и наставляемых: пары берутся из неё")
    regulation: Act | None = Field(default=None, description="Положение о системе наставничества (дата, номер)")


def pair_by_label(registry: Registry, label: str, field: str) -> Pair:
    """The registry's pair with number ``label``; an InputError naming ``field`` otherwise."""
    labels = pair_labels(registry)
    if str(label) not in labels:
        raise bad_input(field, f"в базе нет пары №{NBSP}{label}; есть: {', '.join(labels)}", label, code="pair.unknown")
    return registry.pairs[labels.index(str(label))]


def _category_word(person: Participant) -> str:
    return {Category.PUPIL: "обучающийся", Category.STUDENT: "студент",
            Category.EMPLOYER: "представитель работодателя"}.get(person.category, person.category.label)


def require_staff(person: Participant, field: str, what: str) -> None:
    """Only the organisation's employees mentor under the Labour Code."""
    if not is_staff(person):
        raise bad_input(field, f"{what} — документ работника по статье 351.8 Трудового кодекса РФ, "
                        f"а наставник {person.short_name} — {_category_word(person)}, а не работник "
                        f"организации", person.short_name)


def mentees_genitive(registry: Registry, pair: Pair) -> str:
    """«Мамедова Эльдара Рашид оглы, учителя физики и информатики»; several mentees are
    separated by semicolons, as each carries its own apposition, the last one by «, и»."""
    return join_appositions([person_phrase(forms_of(p), p, "genitive") for p in registry.mentees_of(pair)])


def check_after_regulation(day: dt.date | None, regulation: Act | None, field: str, what: str) -> None:
    """A document citing the regulation is dated on or after it (the order approving it)."""
    if day is not None and regulation is not None and regulation.date is not None and day < regulation.date:
        raise bad_input(field, f"{what} датировано {format_date(day, 'numeric')}, раньше положения о наставничестве, "
                               f"на которое ссылается (утверждено {format_date(regulation.date, 'numeric')}): "
                               f"укажите дату не раньше утверждения положения", format_date(day, "numeric"))


def approved_regulation(regulation: Act) -> str:
    """«Положением о системе наставничества …, утверждённым приказом от 27.08.2026 № 108-о/д»
    (instrumental, as both «с …» and «в соответствии с …» ask); blanks for a missing date or number."""
    return (f"{decline_post(typograph(regulation.title), 'instrumental')}, утверждённым приказом "
            f"{act_reference(regulation.date, regulation.number)}")


def record_names(registry: Registry) -> Callable[[str], str]:
    """Participant id → the full name when it is unique in the registry (readable file
    names), else the id. The names are counted once per batch."""
    counts = Counter(p.full_name.casefold() for p in registry.participants)

    def name(participant_id: str) -> str:
        person = registry.participant(participant_id)
        return person.full_name if counts[person.full_name.casefold()] == 1 else person.id

    return name
