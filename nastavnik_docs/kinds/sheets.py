"""Sheets signed by hand: who came to an event and who has read a local act.

* ``sheet.registration`` — лист регистрации участников мероприятия: № · ФИО · должность
  или класс · подпись; the participants from the registry, people given by name, or empty
  rows for handwriting;
* ``sheet.acquaintance`` — лист ознакомления работников с локальным актом: staff only
  (pupils never sign it), with the act's title in the instrumental case and its approval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from ..errors import InputError
from ..models import Category, Model, Official, Organization, Participant, Person, Registry
from ..ru import BLANK_LINE, BLANK_SHORT, decline_post, format_date, lower_first, noun_gender, typograph, upper_first
from ._base import Kind, register
from ._people import bad_input, find_participant, forms_of, is_staff
from ._requisites import Act, letterhead_lines

__all__ = ["AcquaintanceSheetInput", "RegistrationSheetInput", "SheetContext", "SheetPerson", "SheetRow"]

FAMILY = "Согласия и списки"

Selection = Literal["all", "staff", "mentors", "mentees"]


class SheetPerson(Person):
    """Someone on a sheet who is not in the registry: a name and a post (or class)."""

    post: str | None = Field(default=None, description="Должность или класс")
    category: Category | None = Field(default=None, description="Категория (обучающийся, педагог…)")


class _SheetBase(Model):
    organization: Organization = Field(description="Организация")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")
    participants: Selection | list[str] | None = Field(
        default=None, description="Кого внести из базы: all, staff, mentors, mentees или список ID (ФИО)")
    people: list[SheetPerson] = Field(default_factory=list, description="Люди не из базы: ФИО и должность")
    blank_rows: int = Field(default=0, ge=0, le=100, description="Пустых строк для дописывания от руки")
    sort: bool = Field(default=True, description="По алфавиту (иначе — в порядке базы)")


class RegistrationSheetInput(_SheetBase):
    """Лист регистрации участников мероприятия."""

    event: str = Field(min_length=1, description="Название мероприятия")
    date: dt.date | None = Field(default=None, description="Дата проведения (нет — бланк)")
    time: str | None = Field(default=None, description="Время («15:00»)")
    place: str | None = Field(default=None, description="Место проведения")
    responsible: Official | str | None = Field(
        default=None, description="Ответственный за регистрацию: ФИО и должность или ID (ФИО) из базы")


class AcquaintanceSheetInput(_SheetBase):
    """Лист ознакомления работников с локальным актом."""

    act: Act = Field(description="Локальный акт: название (именительный падеж), дата и номер приказа")
    approved_by: str | None = Field(default=None,
            description="Кем утверждён («приказом директора»); по умолчанию — «приказом ОО»")


class SheetRow(BaseModel):
    number: str
    name: str
    post: str


class SheetContext(BaseModel):
    """What the sheet templates place; ``subtitle`` lines are centred under the title."""

    letterhead: list[str]
    title: str
    subtitle: list[str]
    details: list[str]
    rows: list[SheetRow]
    responsible_post: str
    responsible_name: str
    font_name: str
    font_size: float


def _from_registry(data: _SheetBase, default: Selection) -> list[Participant]:
    """The participants a sheet takes from the registry: a role selection or a list of IDs."""
    selection = data.participants if data.participants is not None else (default if data.registry else None)
    if selection is None:
        return []
    if data.registry is None:
        raise bad_input("registry", "участники выбираются из базы, но база наставников и наставляемых "
                        "(registry) не указана", code="registry.missing")
    reg = data.registry
    if not isinstance(selection, list):
        return {"all": reg.participants, "staff": [p for p in reg.participants if is_staff(p)],
                "mentors": reg.mentors(), "mentees": reg.mentees()}[selection]
    return [find_participant(reg, str(pid), f"participants[{i}]") for i, pid in enumerate(selection)]


def _not_empty(people: Sequence[Person], data: _SheetBase) -> None:
    if not people and not data.blank_rows:
        raise bad_input("participants", "список пуст: укажите участников из базы (participants), "
                        "людей (people) или число пустых строк (blank_rows)")


def _sort_key(person: Person) -> str:
    return person.full_name.lower().replace("ё", "е")


def _sheet_post(person: Person) -> str:
    post = getattr(person, "post", None)
    if not post:
        return ""
    return typograph(upper_first(post))


def _rows(people: Sequence[Person], data: _SheetBase) -> list[SheetRow]:
    unique: list[Person] = []
    seen: set[str] = set()
    for p in people:
        if p.full_name not in seen:
            seen.add(p.full_name)
            unique.append(p)
    if data.sort:
        unique.sort(key=_sort_key)
    rows = [SheetRow(number=f"{i}.", name=p.full_name, post=_sheet_post(p)) for i, p in enumerate(unique, 1)]
    rows += [SheetRow(number=f"{len(rows) + i}.", name="", post="") for i in range(1, data.blank_rows + 1)]
    return rows


def _responsible(data: RegistrationSheetInput) -> tuple[str, str]:
    ref = data.responsible
    if ref is None:
        return "Ответственный за регистрацию", BLANK_SHORT
    if isinstance(ref, str):
        if data.registry is None:
            raise bad_input("responsible", "ответственный указан по ID или ФИО, но база (registry) не указана", ref, code="registry.missing")
        person: Person = find_participant(data.registry, ref, "responsible")
    else:
        person = ref
    forms = forms_of(person)
    text = "Ответственный за регистрацию"
    if getattr(person, "post", None):
        text += f", {lower_first(forms.post.nominative)}"
    return typograph(text), forms.initials_nominative


def build_registration(data: RegistrationSheetInput) -> SheetContext:
    org = data.organization
    details = [f"Дата проведения: {format_date(data.date, 'long')}"]
    if data.time:
        details.append(f"Время проведения: {data.time}")
    details.append(f"Место проведения: {data.place or BLANK_LINE}")
    post, name = _responsible(data)
    event = typograph(data.event.strip().rstrip("."))
    people: list[Person] = [*_from_registry(data, "all"), *data.people]
    _not_empty(people, data)
    return SheetContext(
        letterhead=letterhead_lines(org), title="ЛИСТ РЕГИСТРАЦИИ",
        subtitle=["участников мероприятия", event],
        details=[typograph(d) for d in details],
        rows=_rows(people, data),
        responsible_post=post, responsible_name=name,
        font_name=org.font_name, font_size=org.font_size)


#: «с Положением …, утверждённым приказом …»: the instrumental participle by the act's gender.
_PARTICIPLE = {"femn": "утверждённой", "plur": "утверждёнными"}


def _not_staff(field: str, person: Person) -> InputError:
    return bad_input(field, f"{person.short_name} — не работник организации: лист ознакомления с "
                     "локальным актом подписывают только работники (обучающиеся его не подписывают)")


def build_acquaintance(data: AcquaintanceSheetInput) -> SheetContext:
    org = data.organization
    chosen = _from_registry(data, "staff")
    if isinstance(data.participants, list):  # a pupil named by ID is a mistake, not a filter
        for i, participant in enumerate(chosen):
            if not is_staff(participant):
                raise _not_staff(f"participants[{i}]", participant)
    for i, person in enumerate(data.people):
        if not is_staff(person):
            raise _not_staff(f"people[{i}]", person)
    # a role selection keeps the staff only
    people: list[Person] = [*(p for p in chosen if is_staff(p)), *data.people]
    _not_empty(people, data)
    act = data.act
    title = decline_post(act.title, "instrumental")
    approved = _PARTICIPLE.get(noun_gender(act.title) or "", "утверждённым")
    by = data.approved_by or f"приказом {org.short_name}"
    subtitle = typograph(f"с {title}, {approved} {by} {act.reference()}" if act.reference()
                         else f"с {title}")
    return SheetContext(
        letterhead=letterhead_lines(org), title="ЛИСТ ОЗНАКОМЛЕНИЯ", subtitle=[subtitle], details=[],
        rows=_rows(people, data), responsible_post="", responsible_name="",
        font_name=org.font_name, font_size=org.font_size)


register(Kind(
    id="sheet.registration",
    title="Лист регистрации участников мероприятия",
    build_context=build_registration,
    family=FAMILY,
    description="Лист регистрации: № · ФИО · должность или класс · подпись; участники из базы или списком.",
    samples=("forms/registration.yaml",),
    output_name="Лист регистрации",
))

register(Kind(
    id="sheet.acquaintance",
    title="Лист ознакомления с локальным актом",
    build_context=build_acquaintance,
    family=FAMILY,
    description="Лист ознакомления работников с локальным актом (обучающиеся его не подписывают).",
    samples=("forms/acquaintance.yaml",),
    output_name="Лист ознакомления",
))
