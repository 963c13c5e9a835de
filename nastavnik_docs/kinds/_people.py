"""The people a document names: found in the registry, resolved from a reference, phrased.

* :func:`find_participant` — a participant of the registry by ID, full name or
  «Фамилия И.О.» (:func:`participants_named` lists every match);
* :class:`People` — resolves a person given inline, by a role key («curator») or as a
  participant of the registry; it has no memory: what a document lists is its own business;
* :func:`acquaintance` — the acquaintance list (лист ознакомления) of the people an order
  names: staff only, once each, the signer left out;
* :func:`is_staff`, :func:`forms_of`, :func:`with_post`, :func:`person_phrase` — who is an
  employee, a person's forms in every case, «заместителю директора по УВР Е.Н. Власовой»,
  «Кравченко Ольгу Викторовну, учителя …»;
* :func:`form_title`, :func:`pair_labels` — the registry's pairs as a curator reads them;
* :func:`bad_input` — the :class:`InputError` a builder raises for the field at fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from ..errors import InputError, Problem
from ..models import Category, Official, Pair, Participant, Person, Registry
from ..ru import PersonForms, lower_first, person_forms, pupil_text, typograph, upper_first

__all__ = [
    "Ref", "STAFF_CATEGORIES", "AcquaintanceRow", "People", "acquaintance", "bad_input",
    "find_participant", "form_title", "forms_of", "is_staff", "pair_labels", "participants_named",
    "person_phrase", "with_post",
]

NBSP = "\u00a0"

#: A person an input names: inline (ФИО and post) or by a role key / registry id.
Ref = Official | str

#: The categories of participants who are staff of the organisation (they sign
#: acquaintance lists and mentor under art. 351.8 of the Labour Code).
STAFF_CATEGORIES: tuple[Category, ...] = (Category.TEACHER, Category.OTHER)


def bad_input(field: str, message: str, value: object = None, *, code: str = "value.invalid") -> InputError:
    """The error for one input field, with the Russian ``message`` a curator reads and the
    stable ``code`` a program reads (``errors.PROBLEM_CODES``)."""
    return InputError([Problem(message, field=field, value=value, code=code)])


def is_staff(person: Person) -> bool:
    """True for an employee of the organisation: a participant who is a teacher or other
    staff; a person given inline without a category (ФИО and post) counts as an employee."""
    category = getattr(person, "category", None)
    return category is None or category in STAFF_CATEGORIES


def forms_of(person: Person) -> PersonForms:
    """The person's forms in every case, with the post when the person has one."""
    return person_forms(person, getattr(person, "post", None))


# --------------------------------------------------------------------------- registry


def _participant_key(ref: object) -> str:
    return " ".join(str(ref).replace(NBSP, " ").split())


def participants_named(registry: Registry, ref: str) -> list[Participant]:
    """The participants of ``registry`` that ``ref`` names: the one with that ID, else
    those whose full name («Сидорук Наталья Ивановна») or «Фамилия И.О.» («Сидорук Н.И.»)
    it is (letter case and spaces aside). Empty when nobody matches; several people may
    share a name."""
    key = _participant_key(ref)
    try:
        return [registry.participant(key)]
    except KeyError:
        pass
    folded = key.casefold()
    return [p for p in registry.participants
            if folded in (p.full_name.casefold(), f"{p.last_name} {p.initials}".casefold())]


def _known_ids(registry: Registry, limit: int = 8) -> str:
    return ", ".join(p.id for p in registry.participants[:limit])


def _several(key: str, found: Sequence[Participant]) -> str:
    return f"в базе несколько участников «{key}»: укажите ID (" + ", ".join(p.id for p in found) + ")"


def find_participant(registry: Registry, ref: Participant | str, field: str) -> Participant:
    """The participant ``ref`` names (see :func:`participants_named`); a Participant given
    whole is returned as it is. An :class:`InputError` naming ``field`` when nobody in the
    registry or several people match."""
    if isinstance(ref, Participant):
        return ref
    key = _participant_key(ref)
    found = participants_named(registry, key)
    if len(found) == 1:
        return found[0]
    if found:
        raise bad_input(field, _several(key, found), ref, code="participant.ambiguous")
    raise bad_input(field, f"в базе нет участника «{key}»: укажите ID или ФИО участника из базы "
                    f"(например: {_known_ids(registry)})", ref, code="participant.unknown")


def form_title(registry: Registry, pair: Pair) -> str:
    """The title of the pair's form of mentoring («Педагог – педагог»), or the form as the
    registry gives it when it is not one of the registry's forms."""
    form = registry.form_of(pair)
    return typograph(form.title if form else pair.form)


def pair_labels(registry: Registry) -> list[str]:
    """The numbers of the registry's pairs as a curator sees them, in the registry's order."""
    return [registry.pair_label(i) for i in range(len(registry.pairs))]


# --------------------------------------------------------------------------- references


class People:
    """Resolves the people a document names.

    A reference is a Person/Official/Participant, a role key registered with :meth:`add`
    («curator», «signer») or a participant of the registry by ID, full name or
    «Фамилия И.О.» (see :func:`participants_named`).
    """

    def __init__(self, registry: Registry | None = None, signer: Official | None = None):
        self.registry = registry
        self.roles: dict[str, Person] = {}
        self.signer = signer
        if signer is not None:
            self.roles["signer"] = signer

    def add(self, key: str, person: Person) -> None:
        self.roles[key] = person

    def person(self, ref: Person | str) -> Person:
        """The person ``ref`` names; ValueError (in Russian) when nobody or several match."""
        if isinstance(ref, Person):
            return ref
        key = str(ref).strip()
        if key in self.roles:
            return self.roles[key]
        found = participants_named(self.registry, key) if self.registry is not None else []
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(_several(_participant_key(key), found))
        known = ", ".join([*self.roles, *(p.id for p in (self.registry.participants if self.registry else []))][:12])
        raise ValueError(f"не найден человек «{key}»: укажите ФИО и должность, роль, ID или ФИО участника "
                         f"из базы (например: {known})")

    def find(self, ref: Person | str, field: str) -> Person:
        """:meth:`person`, with the failure as an :class:`InputError` naming ``field``."""
        try:
            return self.person(ref)
        except ValueError as exc:
            raise bad_input(field, str(exc), ref if isinstance(ref, str) else None) from None

    def forms(self, ref: Person | str, field: str) -> PersonForms:
        """The forms of the person :meth:`find` finds."""
        return forms_of(self.find(ref, field))


class AcquaintanceRow(BaseModel):
    number: str
    name: str
    post: str


def acquaintance(people: Iterable[Person], signer: Person | None = None) -> list[AcquaintanceRow]:
    """The acquaintance list of the people an order names, in order: staff only (pupils,
    students and employers' representatives never sign it), the signer left out, and the
    same person given by id and inline counted once."""
    rows: list[AcquaintanceRow] = []
    seen = {signer.full_name} if signer is not None else set()
    for person in people:
        if not is_staff(person) or person.full_name in seen:
            continue
        seen.add(person.full_name)
        forms = forms_of(person)
        rows.append(AcquaintanceRow(number=f"{len(rows) + 1}.", name=forms.short_nominative,
                                    post=typograph(upper_first(forms.post.nominative))))
    return rows


# --------------------------------------------------------------------------- phrases


def with_post(forms: PersonForms, case: str, *, name_style: str = "initials", post_first: bool = True) -> str:
    """«заместителю директора по УВР Е.Н. Власовой» (post first) or
    «Власовой Елене Николаевне, учителю математики» (``name_style="full"``, name first)."""
    name = getattr(forms, f"{'' if name_style == 'full' else name_style + '_'}{case}")
    post = lower_first(getattr(forms.post, case)) if forms.post else ""
    if not post:
        return name
    return f"{post} {name}" if post_first else f"{name}, {post}"


def person_phrase(forms: PersonForms, person: Person, case: str) -> str:
    """«Кравченко Ольгу Викторовну, учителя русского языка и литературы» in ``case``;
    a pupil is «обучающегося 11 «А» класса»."""
    name = getattr(forms, case)
    if isinstance(person, Participant) and person.category is Category.PUPIL:
        return f"{name}, {pupil_text(forms, person.post, case)}"
    post = getattr(forms.post, case) if forms.post else ""
    return f"{name}, {lower_first(post)}" if post else name
