"""The frame every order shares: its input, its context and how its items are numbered.

Every order (:class:`OrderContext`) has requisites, a heading, a preamble, «ПРИКАЗЫВАЮ:»,
numbered items, the tasks of the input (:class:`Task`, worded by :func:`task_text`), a
control item (:func:`control_text`), the signature, the acquaintance list of the staff it
names, and appendices (:class:`Appendix`, :class:`TableAppendix`). A builder words its own
items and passes the people they name; :func:`order_fields` adds the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from ...models import Model, Official, Person, Registry
from ...ru import PersonForms, format_date, lower_first, sentence, stop, typograph
from .._data import wording
from .._legal import default_bases, with_regional
from .._people import AcquaintanceRow, People, Ref, acquaintance, bad_input, forms_of, with_post
from .._requisites import (
    Act,
    Basis,
    CouncilDecision,
    DocumentInput,
    Item,
    RequisitesContext,
    numbered,
    preamble,
    requisite_fields,
    resolve_bases,
    typeset,
)

__all__ = [
    "FAMILY", "TEXT", "Appendix", "OrderContext", "OrderInput", "Section", "TableAppendix", "Task",
    "TextBlock", "control_text", "deadline_text", "default_bases", "order_fields", "order_people", "own_acts",
    "require_registry", "task_text", "title_lines",
]

FAMILY = "Приказы"
DASH = "\u2013"

#: The default wording of the orders (``orders.yaml``).
TEXT: dict[str, Any] = wording(__package__ or "nastavnik_docs.kinds.orders", "orders.yaml")


class Task(Model):
    """An item of an order: what to do, who is responsible, by when.

    ``text`` starts with the infinitive («разработать персонализированные программы
    наставничества»). ``responsible`` is a person with a post, a role key of the order
    («curator», «signer») or a participant id of the registry. ``deadline`` is a date or
    the wording of a period («в течение 2026/2027 учебного года»).
    """

    text: str = Field(min_length=1, description="Что сделать (с инфинитива)")
    responsible: Official | str | None = Field(default=None, description="Ответственный")
    deadline: dt.date | str | None = Field(default=None, description="Срок")


class OrderInput(DocumentInput):
    """Fields every order takes besides the requisites."""

    heading: str | None = Field(default=None, description="Заголовок («О …»); по умолчанию — типовой")
    tasks: list[Task] = Field(default_factory=list, description="Поручения: кому, что, срок")
    control: Ref | None = Field(default=None, description="На кого возложить контроль (по умолчанию — оставляю за собой)")
    registry: Registry | None = Field(default=None, description="База наставников и наставляемых")


class Section(Model):
    """A section of an approved document: its heading and its points (numbered in Python)."""

    heading: str = Field(min_length=1, description="Заголовок раздела")
    points: list[str] = Field(min_length=1, description="Пункты раздела")


def title_lines(title: str) -> list[str]:
    """«ПОЛОЖЕНИЕ», «о системе наставничества …»: the kind of document in capitals."""
    words = typograph(title).split(" ", 1)
    head = words[0].upper()
    if len(words) == 1:
        return [head]
    rest = words[1]
    if rest.split(" ", 1)[0][:1].islower() and rest.split(" ", 1)[0] not in ("о", "об", "по"):
        first, _, rest = rest.partition(" ")  # «Дорожная карта …»: the kind is two words
        head = f"{head} {first.upper()}"
    if rest.startswith("(") and ")" in rest:  # «Дорожная карта (план мероприятий) по …»
        inner, _, rest = rest.partition(")")
        head, rest = f"{head} {inner.upper()})", rest.strip()
    return [head, rest] if rest else [head]


class TextBlock(BaseModel):
    """A paragraph of a text appendix; ``heading`` paragraphs are centred and bold."""

    text: str
    heading: bool = False


class Appendix(BaseModel):
    """A text appendix: the corner mark (and approval stamp) at the right, the grifs of the
    bodies that adopted or agreed it at the left (ПРИНЯТО …, СОГЛАСОВАНО …), the title
    lines, the text."""

    mark: list[str]
    title: list[str]
    blocks: list[TextBlock]
    grifs: list[str] = []


#: The row model of a table appendix (each order has its own: PairRow, MemberRow …).
RowT = TypeVar("RowT", bound=BaseModel)


class TableAppendix(BaseModel, Generic[RowT]):
    """A table appendix: the corner mark, the title lines and the rows, typed by the
    order's row model (``TableAppendix[PairRow]``), so that a template check follows
    ``pairs.rows[].mentor`` to the row's fields."""

    mark: list[str]
    title: list[str]
    rows: list[RowT]


class OrderContext(RequisitesContext):
    """What every order template places."""

    heading: str
    preamble: str
    items: list[Item]
    control: Item
    acquaintance: list[AcquaintanceRow]
    appendices: list[Appendix] = []


def deadline_text(deadline: dt.date | str | None) -> str:
    """«до 1 октября 2026 г.» for a date; a period's wording as it is given."""
    if deadline is None:
        return ""
    if isinstance(deadline, dt.date):
        return f"до {format_date(deadline, 'long')}"
    return typograph(deadline.strip().rstrip("."))


def task_text(task: Task, responsible: PersonForms | None) -> str:
    """«Заместителю директора по УВР Е.Н. Власовой разработать … Срок – до 1 октября 2026 г.»"""
    what = typograph(task.text.strip().rstrip("."))
    if responsible is not None:
        what = f"{with_post(responsible, 'dative')} {lower_first(what)}"
    text = sentence(what)
    deadline = deadline_text(task.deadline)
    if deadline:
        text += f" Срок\u00a0{DASH} {stop(deadline)}"
    return text


def control_text(controller: PersonForms | None, document: str = "приказа") -> str:
    """The control item: kept by the signer (None), or laid on someone (accusative)."""
    if controller is None:
        return f"Контроль за исполнением настоящего {document} оставляю за собой."
    return f"Контроль за исполнением настоящего {document} возложить на {with_post(controller, 'accusative')}."


def order_people(data: OrderInput) -> People:
    """The people an order may name: the registry's participants and the signer («signer»)."""
    return People(data.registry, data.signer or data.organization.head)


def _person(people: People, ref: Person | str, field: str) -> Person:
    try:
        return people.person(ref)
    except ValueError as exc:
        raise bad_input(field, str(exc)) from None


def order_fields(data: OrderInput, people: People, *, heading: str, bases: Sequence[Basis],
                 purpose: str | None, items: Sequence[Any], named: Sequence[Person] = (),
                 appendices: Sequence[Appendix] = (), clause: str = "", **extra: Any) -> dict[str, Any]:
    """The fields of :class:`OrderContext`: numbered items, tasks, the control item and the
    acquaintance list — the staff among ``named`` (the people the builder's items name, in
    order), the tasks' responsible people and the one the control is laid on. The preamble
    cites the input's regional and municipal acts first, then its ``basis`` or, when it gives
    none, ``bases`` (the kind's defaults by rule, :mod:`.._legal`). Every text is typeset."""
    texts = list(items)
    staff = list(named)
    for i, task in enumerate(data.tasks):
        responsible = None
        if task.responsible is not None:
            person = _person(people, task.responsible, f"tasks[{i}].responsible")
            staff.append(person)
            responsible = forms_of(person)
        texts.append(task_text(task, responsible))
    controller = None
    if data.control is not None and not (isinstance(data.control, str) and data.control.strip() == "signer"):
        person = _person(people, data.control, "control")
        staff.append(person)
        controller = forms_of(person)
    cited = with_regional(data.regional_acts, data.basis if data.basis is not None else bases)
    fields = {
        **requisite_fields(data),
        "heading": typograph(data.heading or heading).rstrip("."),
        "preamble": preamble(resolve_bases(cited), data.purpose if data.purpose is not None else purpose,
                             clause),
        "items": numbered(texts),
        "control": Item(number=f"{len(texts) + 1}.", text=control_text(controller)),
        "acquaintance": acquaintance(staff, people.signer),
        "appendices": list(appendices),
        **extra,
    }
    return {name: typeset(value) for name, value in fields.items()}


def own_acts(data: DocumentInput, *acts: Act | CouncilDecision | None) -> list[Basis]:
    """The organisation's regulation and other own acts, when given, after the federal ones."""
    return [a for a in (data.regulation, *acts) if a is not None]


def require_registry(data: OrderInput, field: str = "registry") -> Registry:
    """The registry of an order that takes its pairs from it."""
    if data.registry is None:
        raise bad_input(field, "для этого приказа нужна база наставников и наставляемых (registry)", code="registry.missing")
    return data.registry
