"""Template-facing objects: a person (or a post) whose case forms are attributes.

``{{ mentor.dative }}``, ``{{ mentor.short_instrumental }}``, ``{{ mentor.post.genitive }}``:
built-in templates only place these values. Forms are computed on first access and cached
on the object; the objects pickle (batch rendering uses processes).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from ..errors import GrammarError
from ..models import Case, Gender, Person
from ._names import (
    NBSP,
    as_gender,
    decline_name,
    decline_surname,
    detect_gender,
    split_full_name,
    strip_yo,
)
from ._posts import decline_post

CASES: tuple[Case, ...] = tuple(Case)
_CASE_NAMES = tuple(c.value for c in CASES)


def _case_property(prefix: str, case: Case) -> property:
    key = f"{prefix}{case.value}"

    def get(self: Any) -> str:
        cache = self._cache
        value = cache.get(key)
        if value is None:
            value = cache[key] = self._compute(prefix, case)
        return value

    get.__name__ = key
    return property(get, doc=f"{prefix or 'full '}{case.value} form")


class _Forms(ABC):
    """Shared behaviour: ``str()`` is the nominative, equality by ``_key()``, unhashable.

    A subclass says what identifies it (``_key``) and how one form is made (``_compute``);
    the case properties cache the forms in ``_cache``.
    """

    _cache: dict[str, str]

    @abstractmethod
    def _key(self) -> tuple[Any, ...]:
        """What two equal objects share; its first item names the object in ``repr``."""

    @abstractmethod
    def _compute(self, prefix: str, case: Case) -> str:
        """The form ``prefix`` + ``case`` («», «short_», «initials_»), not yet cached."""

    def __str__(self) -> str:
        return self.nominative  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._key()[0]!r})"

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._key() == other._key()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class PostForms(_Forms):
    """A post in every case: ``.nominative`` … ``.prepositional``; "" forms when no post.

    The given capitalisation is kept («Директору МБОУ «СОШ № 7»»); lower-casing the first
    letter inside a sentence is the caller's choice. ``overrides`` (a case → text) win.
    """

    __template_fields__: ClassVar[dict[str, type]] = {name: str for name in _CASE_NAMES}

    nominative: str
    genitive: str
    dative: str
    accusative: str
    instrumental: str
    prepositional: str

    def __init__(
        self, post: str | None, gender: Gender | str | None = None,
        overrides: dict[Case, str] | None = None, *, yo: bool = True,
    ) -> None:
        self.text = (post or "").strip()
        self.gender = as_gender(gender)
        self.overrides = {Case(k): v for k, v in (overrides or {}).items()}
        self.yo = yo
        self._cache: dict[str, str] = {}

    def _compute(self, _prefix: str, case: Case) -> str:
        if case in self.overrides:
            text = self.overrides[case]
        else:
            # A post names a person: always animate («назначить модератора»).
            text = decline_post(self.text, case, self.gender, animate=True)
        return text if self.yo else strip_yo(text)

    def __bool__(self) -> bool:
        return bool(self.text or self.overrides)

    def _key(self) -> tuple[Any, ...]:
        return (self.text, self.gender, self.overrides)


class PersonForms(_Forms):
    """A person in every case, for templates.

    ``.nominative`` … ``.prepositional`` — «Ивановой Марии Петровны»;
    ``.short_<case>`` — «Ивановой М.П.»; ``.initials_<case>`` — «М.П. Ивановой» (no-break
    space); ``.post`` — PostForms; ``.gender`` — Gender; ``str(x) == x.nominative``.
    """

    __template_fields__: ClassVar[dict[str, type]] = {
        **{name: str for name in _CASE_NAMES},
        **{f"short_{name}": str for name in _CASE_NAMES},
        **{f"initials_{name}": str for name in _CASE_NAMES},
        "initials": str,
        "last_name": str,
        "first_name": str,
        "middle_name": str,
        "gender": str,
        "post": PostForms,
    }

    nominative: str
    genitive: str
    dative: str
    accusative: str
    instrumental: str
    prepositional: str
    short_nominative: str
    short_genitive: str
    short_dative: str
    short_accusative: str
    short_instrumental: str
    short_prepositional: str
    initials_nominative: str
    initials_genitive: str
    initials_dative: str
    initials_accusative: str
    initials_instrumental: str
    initials_prepositional: str

    def __init__(
        self, person: Person, post: str | PostForms | None = None, *,
        gender: Gender | str | None = None, yo: bool = True,
    ) -> None:
        self.person = person
        self.yo = yo
        self._gender = as_gender(gender) or person.gender
        self._cache: dict[str, str] = {}
        if isinstance(post, PostForms):
            self._post = post
        else:
            self._post = PostForms(post, None, _field(person, "post_overrides"), yo=yo)
        self._post_gender_set = isinstance(post, PostForms)

    @property
    def gender(self) -> Gender:
        """The person's gender, from the data or detected (GrammarError when undecidable)."""
        if self._gender is None:
            self._gender = detect_gender(self.person)
        return self._gender

    @property
    def post(self) -> PostForms:
        if not self._post_gender_set:
            # The holder's gender only matters for posts such as «заведующий»; an
            # undecidable gender leaves the post as written rather than failing.
            try:
                self._post.gender = self.gender
            except GrammarError:
                pass
            self._post._cache.clear()
            self._post_gender_set = True
        return self._post

    @property
    def initials(self) -> str:
        return self.person.initials

    @property
    def last_name(self) -> str:
        return self.person.last_name

    @property
    def first_name(self) -> str:
        return self.person.first_name

    @property
    def middle_name(self) -> str:
        return self.person.middle_name or ""

    def _compute(self, prefix: str, case: Case) -> str:
        if not prefix:
            # The nominative and a case given by hand need no gender (and must not fail on it).
            needs_gender = case is not Case.NOMINATIVE and case not in self.person.overrides
            return decline_name(self.person, case, self.gender if needs_gender else None, yo=self.yo)
        # Short forms reuse one declined surname per case and the initials.
        key = f"surname_{case.value}"
        surname = self._cache.get(key)
        if surname is None:
            gender = None if case is Case.NOMINATIVE or case in self.person.overrides else self.gender
            surname = self._cache[key] = decline_surname(self.person, case, gender, yo=self.yo)
        initials = self.person.initials
        return f"{surname}{NBSP}{initials}" if prefix == "short_" else f"{initials}{NBSP}{surname}"

    def _key(self) -> tuple[Any, ...]:
        return (self.person.full_name, self.person, self._post, self.yo)


for _case in CASES:
    setattr(PostForms, _case.value, _case_property("", _case))
    for _prefix in ("", "short_", "initials_"):
        setattr(PersonForms, f"{_prefix}{_case.value}", _case_property(_prefix, _case))


def _field(person: Person, name: str) -> Any:
    """A model field that only some Person subclasses have (post, post_overrides).

    Looked up in the class's fields first (``__pydantic_fields__``: ``model_fields`` is a slow
    class property): a missing attribute on a pydantic model goes through its slow ``__getattr__``.
    """
    return getattr(person, name) if name in type(person).__pydantic_fields__ else None


def as_person(value: Person | PersonForms | str) -> Person:
    """A Person from a Person, PersonForms or a «Фамилия Имя Отчество» string."""
    if isinstance(value, PersonForms):
        return value.person
    if isinstance(value, Person):
        return value
    last, first, middle = split_full_name(str(value))
    return Person(last_name=last, first_name=first, middle_name=middle)


def person_forms(
    person: Person | PersonForms | str, post: str | None = None, *,
    gender: Gender | str | None = None, yo: bool = True,
) -> PersonForms:
    """The template object for a person.

    ``post`` defaults to ``person.post`` for an Official or a Participant that has one;
    ``Official.post_overrides`` apply to it. A «Фамилия Имя Отчество» string is accepted too.
    """
    if isinstance(person, PersonForms) and post is None and gender is None and yo:
        return person
    p = as_person(person)
    if post is None:
        post = _field(p, "post")
    return PersonForms(p, post, gender=gender, yo=yo)
