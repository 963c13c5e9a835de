"""Choosing whom a batch is for: filters on role, category, pair type and format, pair
status, class or post.

A filter is written ``поле=значение`` (``роль=наставник``, ``статус=завершена``,
``класс=7``, ``должность=учитель``); several values of one filter are alternatives
(``категория=педагог,студент``), several filters must all hold. Field names may be Russian
or English (``role``, ``category``, ``pair_type``, ``format``, ``status``, ``class``,
``post``); values are compared as the registry's lists compare them (case, «ё», dashes).

On a registry the participant filters (role, category, class, post) choose participants
and the pair filters (pair type, format, status) choose pairs; then only participants of the
chosen pairs remain, and only pairs with a chosen participant. On a list of records the
participant filters look at each record's person (``recipient`` or the record itself).

When nothing is left, :class:`EmptySelection` (an :class:`~nastavnik_docs.errors.InputError`)
says which filter left nothing and which values the data has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..errors import InputError, Problem
from ..models import Category, Pair, PairStatus, Participant, Registry, Role, find_form, normalize_word
from ..models.forms import form_key
from ..ru import school_class

__all__ = ["FIELDS", "EmptySelection", "Filter", "filter_records", "filter_registry", "parse_filters"]

#: Canonical field -> (Russian name, aliases).
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "role": ("роль", ("role",)),
    "category": ("категория", ("category",)),
    "pair_type": ("тип пары", ("pair_type", "тип", "тип_пары", "type")),
    "format": ("формат", ("format", "форма", "form")),
    "status": ("статус", ("status", "статус пары")),
    "class": ("класс", ("class", "klass")),
    "post": ("должность", ("post",)),
}
PAIR_FIELDS = frozenset({"pair_type", "format", "status"})
_KEYS = {normalize_word(name): field for field, (ru, aliases) in FIELDS.items() for name in (field, ru, *aliases)}
R = TypeVar("R", bound=Mapping[str, Any])


class EmptySelection(InputError):
    """No record is left to issue: the message says why."""


@dataclass(frozen=True)
class Filter:
    """One filter: a field (``role``, ``category``, ``pair_type``, ``format``, ``status``,
    ``class``, ``post``) and the values any of which it accepts."""

    field: str
    values: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.field not in FIELDS:
            raise _bad(f"неизвестное поле фильтра «{self.field}»")
        if not self.values:
            raise _bad(f"у фильтра «{self.label}» нет значения")
        try:  # an unknown role, category or status is a typo: say so before reading anything
            self._wanted()
        except ValueError as exc:
            raise _bad(f"фильтр «{self}»: {exc}") from None

    @property
    def label(self) -> str:
        return FIELDS[self.field][0]

    def __str__(self) -> str:
        return f"{self.label}={','.join(self.values)}"

    def _wanted(self) -> frozenset[Any]:
        enum: Any = {"role": Role, "category": Category, "status": PairStatus}.get(self.field)
        if enum is not None:
            found = set()
            for value in self.values:
                try:
                    found.add(enum(value))
                except ValueError:
                    allowed = ", ".join(enum.allowed())
                    raise ValueError(f"нет значения «{value}»; допустимо: {allowed}") from None
            return frozenset(found)
        if self.field == "class":
            return frozenset(class_key(v) or normalize_word(v) for v in self.values)
        if self.field in ("pair_type", "format"):
            return frozenset(form_key(v) for v in self.values)
        return frozenset(normalize_word(v) for v in self.values)

    def accepts(self, value: Any) -> bool:
        """Whether the data's ``value`` for this field is one of the filter's values."""
        if value is None:
            return False
        wanted = self._wanted()
        if self.field == "post":
            text = normalize_word(str(value))
            return any(w in text for w in wanted)
        if self.field == "class":
            key = class_key(str(value))
            return key is not None and any(key == w or key.split(" ")[0] == w for w in wanted)
        if self.field in ("pair_type", "format"):
            form = find_form(str(value))
            keys = {form_key(str(value))} | ({form_key(form.title), *map(form_key, form.aliases)} if form else set())
            return bool(keys & wanted)
        enum: Any = {"role": Role, "category": Category, "status": PairStatus}[self.field]
        try:
            return enum(value) in wanted
        except ValueError:
            return False


def class_key(text: str) -> str | None:
    """«7 «Б» класс», «7Б», «7-б» → «7 б»; «7», «7 класс» → «7»; None for a post that names
    no class (:func:`~nastavnik_docs.ru.school_class`)."""
    klass = school_class(text)
    return klass.key if klass is not None else None


def _bad(message: str) -> InputError:
    return InputError(Problem(message, field="filter"))


def parse_filters(texts: Iterable[str | Filter]) -> list[Filter]:
    """Filters from ``поле=значение[,значение…]`` strings (as ``--filter`` takes them)."""
    out = []
    for text in texts:
        if isinstance(text, Filter):
            out.append(text)
            continue
        key, sep, values = str(text).partition("=")
        field = _KEYS.get(normalize_word(key.replace("_", " ")) if key else "") or _KEYS.get(normalize_word(key))
        if not sep or field is None:
            known = ", ".join(ru for ru, _ in FIELDS.values())
            raise _bad(f"фильтр «{text}» не понят: пишите поле=значение, поле — одно из: {known}")
        out.append(Filter(field, tuple(v.strip() for v in values.split(",") if v.strip())))
    return out


# --------------------------------------------------------------------------- registry


def _roles(pairs: Sequence[Pair]) -> dict[str, set[Role]]:
    roles: dict[str, set[Role]] = {}
    for pair in pairs:
        roles.setdefault(pair.mentor, set()).add(Role.MENTOR)
        for mentee in pair.mentees:
            roles.setdefault(mentee, set()).add(Role.MENTEE)
    return roles


def _person_value(f: Filter, person: Any, roles: set[Role] | None) -> list[Any]:
    """The values of ``f``'s field a person has (a role in the pairs, or the one stated)."""
    if f.field == "role":
        stated = getattr(person, "role", None) if not isinstance(person, Mapping) else person.get("role")
        return list(roles) if roles else [stated]
    key = "post" if f.field == "class" else f.field
    return [person.get(key) if isinstance(person, Mapping) else getattr(person, key, None)]


def _pair_value(f: Filter, pair: Pair) -> Any:
    return pair.status if f.field == "status" else pair.form


def _describe(values: Iterable[Any]) -> str:
    counts = Counter(_label(v) for v in values if v is not None and v != "")
    return ", ".join(f"«{v}» — {n}" for v, n in counts.most_common(12)) or "нет ни одного значения"


def _label(value: Any) -> str:
    label = getattr(value, "label", None)
    return str(label if label is not None else value)


def filter_registry(registry: Registry, filters: Sequence[Filter]) -> Registry:
    """The registry with only the participants and pairs the filters choose (a copy;
    ``EmptySelection`` when none are left)."""
    pairs = list(registry.pairs)
    for f in (f for f in filters if f.field in PAIR_FIELDS):
        kept = [p for p in pairs if f.accepts(_pair_value(f, p))]
        if not kept:
            raise EmptySelection(Problem(
                f"не выбрано ни одной пары: фильтру «{f}» не отвечает ни одна из {len(pairs)} пар; "
                f"в базе {f.label}: {_describe(_pair_value(f, p) for p in pairs)}", field="filter"))
        pairs = kept
    roles = _roles(pairs)
    people: list[Participant] = list(registry.participants)
    if any(f.field in PAIR_FIELDS for f in filters):
        people = [p for p in people if p.id in roles]
    for f in (f for f in filters if f.field not in PAIR_FIELDS):
        kept_people = [p for p in people if any(f.accepts(v) for v in _person_value(f, p, roles.get(p.id)))]
        if not kept_people:
            seen = (v for p in people for v in _person_value(f, p, roles.get(p.id)))
            if f.field == "class":
                seen = (class_key(str(v)) for v in seen if v)
            raise EmptySelection(Problem(
                f"не выбрано ни одного участника: фильтру «{f}» не отвечает ни один из {len(people)}; "
                f"в базе {f.label}: {_describe(seen)}", field="filter"))
        people = kept_people
    if any(f.field not in PAIR_FIELDS for f in filters):
        ids = {p.id for p in people}
        pairs = [p for p in pairs if p.mentor in ids or any(m in ids for m in p.mentees)]
    return registry.model_copy(update={"participants": people, "pairs": pairs})


# --------------------------------------------------------------------------- records


def _person_of_record(record: Mapping[str, Any]) -> Any:
    recipient = record.get("recipient")
    return recipient if recipient is not None else record


def filter_records(records: Sequence[R], filters: Sequence[Filter],
                   person: Callable[[Mapping[str, Any]], Any] = _person_of_record) -> list[R]:
    """The records whose person passes every filter (pair filters need a registry)."""
    for f in filters:
        if f.field in PAIR_FIELDS:
            raise _bad(f"фильтр «{f}» работает только для базы участников (XLSX или YAML с парами), "
                       "а не для списка записей")
    out = list(records)
    for f in filters:
        kept = [r for r in out if any(f.accepts(v) for v in _person_value(f, person(r), None))]
        if not kept:
            seen = (v for r in out for v in _person_value(f, person(r), None))
            raise EmptySelection(Problem(
                f"не выбрано ни одной записи: фильтру «{f}» не отвечает ни одна из {len(out)}; "
                f"в записях {f.label}: {_describe(seen)}", field="filter"))
        out = kept
    return out
