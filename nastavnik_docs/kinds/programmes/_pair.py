"""The pair a personalised programme is for: from the registry by number, or given inline.

:func:`resolve_pair` gives a :class:`ResolvedPair` — the people, the two dimensions of the
pair's form (the pair type, derived from the people when not given, and the format), the
period, the goal and the key date — with every missing or contradictory field reported as
an input error naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...models import Category, Pair, Participant, Registry
from ...ru import agree, format_date
from .._people import bad_input
from ._audience import form_dimensions
from ._shared import resolve_person

if TYPE_CHECKING:  # pragma: no cover
    from .personal import PersonalProgrammeInput

__all__ = ["ResolvedPair", "derived_pair_type", "resolve_pair"]

#: Who mentors whom, by the categories of the mentor and the mentees (Р-145).
_PAIR_TYPES: dict[tuple[Category, Category], str] = {
    (Category.TEACHER, Category.TEACHER): "учитель – учитель",
    (Category.TEACHER, Category.PUPIL): "учитель – ученик",
    (Category.TEACHER, Category.STUDENT): "учитель – ученик",
    (Category.PUPIL, Category.PUPIL): "ученик – ученик",
    (Category.STUDENT, Category.STUDENT): "ученик – ученик",
    (Category.PUPIL, Category.STUDENT): "ученик – ученик",
    (Category.STUDENT, Category.PUPIL): "студент – ученик",
    (Category.EMPLOYER, Category.PUPIL): "работодатель – ученик",
    (Category.EMPLOYER, Category.STUDENT): "работодатель – студент",
}


def derived_pair_type(mentor: Participant, mentees: Sequence[Participant]) -> str | None:
    """The pair type the people make («учитель – ученик»), None when they make none or
    the mentees are of different categories."""
    kinds = {m.category for m in mentees}
    if len(kinds) != 1:
        return None
    return _PAIR_TYPES.get((mentor.category, kinds.pop()))


@dataclass
class ResolvedPair:
    """A pair as the programme sees it."""

    mentor: Participant
    mentees: list[Participant]
    pair_type: str | None
    format: str | None
    start: dt.date
    end: dt.date
    goal: str | None
    label: str | None


def _registry_pair(data: PersonalProgrammeInput, registry: Registry) -> Pair:
    if data.pair is not None:
        matches = [p for i, p in enumerate(registry.pairs) if (p.id or str(i + 1)) == data.pair]
        if not matches:
            known = ", ".join(registry.pair_label(i) for i in range(min(12, len(registry.pairs))))
            raise bad_input("pair", f"в базе нет пары (группы) с номером «{data.pair}»; есть: {known}",
                            data.pair, code="pair.unknown")
        return matches[0]
    index = data.pair_index or 0
    if index > len(registry.pairs):
        raise bad_input("pair_index", f"в базе только {agree(len(registry.pairs), 'пара')}; "
                                      f"порядковый номер {index} больше", index)
    return registry.pairs[index - 1]


def _dimensions(form: str | None, pair_type: str | None, format: str | None) -> tuple[str | None, str | None]:
    """The pair type and the format from the two fields, the one-column form filling the
    dimension it belongs to."""
    from_form = form_dimensions(form)
    return pair_type or from_form[0], format or from_form[1]


def resolve_pair(data: PersonalProgrammeInput) -> ResolvedPair:
    """The pair of the input, with the input's own fields over the registry's."""
    registry = data.registry
    if data.pair is not None or data.pair_index is not None:
        if data.mentor is not None or data.mentees is not None:
            raise bad_input("mentor", "пара указана и номером (pair), и составом (mentor, mentees): "
                                      "оставьте что-то одно")
        if registry is None:
            raise bad_input("registry", "пара указана номером, но база наставников и наставляемых "
                                        "(registry) не задана", code="registry.missing")
        pair = _registry_pair(data, registry)
        mentor, mentees = registry.mentor_of(pair), registry.mentees_of(pair)
        pair_type, format = _dimensions(pair.form, getattr(pair, "pair_type", None), getattr(pair, "format", None))
        start, end, goal = pair.start, pair.end, pair.goal
        label: str | None = pair.id or str(registry.pairs.index(pair) + 1)
    else:
        if data.mentor is None or not data.mentees:
            raise bad_input("pair", "не указана пара: дайте номер пары из базы (pair) или "
                                    "наставника и наставляемых (mentor, mentees)", code="field.missing")
        mentor = resolve_person(data.mentor, registry, "mentor")
        mentees = [resolve_person(m, registry, f"mentees → {i}") for i, m in enumerate(data.mentees, start=1)]
        pair_type, format, end, goal, label = None, None, data.end, None, None
        if not (data.form or data.pair_type or data.format):
            raise bad_input("form", "не указана форма наставничества (form, или pair_type и format)",
                            code="field.missing")
        if data.start is None:
            raise bad_input("start", "не указана дата начала программы (start)", code="field.missing")
        start = data.start
    given = _dimensions(data.form, data.pair_type, data.format)
    pair_type = given[0] or pair_type or derived_pair_type(mentor, mentees)
    format = given[1] or format
    start = data.start or start
    end = data.end or end
    if end is None:
        raise bad_input("end", "не указана дата окончания программы (end): у пары в базе её нет",
                        code="field.missing")
    if end <= start:
        raise bad_input("end", f"дата окончания ({end:%d.%m.%Y}) должна быть позже даты начала "
                               f"({start:%d.%m.%Y})", format_date(end, "numeric"))
    return ResolvedPair(mentor, mentees, pair_type, format, start, end, data.goal or goal, label)
