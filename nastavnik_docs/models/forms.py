"""The two dimensions of a pair's form of mentoring, as data extendable by the user.

Who mentors whom is the pair type (``PairType``: «ученик – ученик», «учитель – учитель»,
«работодатель – студент» …, Р-145 and АЗ-1128/08); how the mentoring goes is the format
(``MentoringFormat``: «традиционное», «групповое», «реверсивное» …). Both built-in lists live
in ``forms.yaml`` beside this module, each entry with a fixed line code of the coverage table;
a registry adds its own. ``MentoringForm`` is the common base (and the one-list item of older
registries, whose single «Форма наставничества» column mixed both): ``form_dimension`` tells
which list a value belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from functools import lru_cache
from importlib import resources
from typing import Literal, Protocol

from pydantic import Field

from .._resources import packaged_yaml
from ._enums import Category, normalize_word
from .person import Model

__all__ = [
    "BUILTIN_FORMS",
    "DEFAULT_FORMAT",
    "FORMATS",
    "PAIR_TYPES",
    "Dimension",
    "MentoringForm",
    "MentoringFormat",
    "PairType",
    "derive_pair_type",
    "find_form",
    "find_format",
    "find_pair_type",
    "form_dimension",
    "form_key",
    "form_text",
    "nearest_form",
]

Audience = Literal["pupils", "teachers", "any"]
#: Which list a form belongs to: the pair type (who mentors whom) or the format (how).
Dimension = Literal["pair_type", "format"]


class MentoringForm(Model):
    """One entry of a list of forms: its title as printed and whom it is for."""

    title: str = Field(min_length=1, description="Название, как в документах")
    audience: Audience = Field(default="any", description="Чья методология её называет: pupils / teachers / any")
    source: str | None = Field(default=None, description="Документ, который вводит форму")
    aliases: tuple[str, ...] = Field(default=(), description="Другие написания")
    code: str | None = Field(default=None, description="Код строки в таблице охвата (для своих форм необязателен)")

    def matches(self, text: str) -> bool:
        key = form_key(text)
        return key == form_key(self.title) or any(key == form_key(a) for a in self.aliases)


class PairType(MentoringForm):
    """Who mentors whom, and which participants' categories make a pair of this type."""

    mentor: tuple[Category, ...] = Field(default=(), description="Категории наставника")
    mentees: tuple[Category, ...] = Field(default=(), description="Категории наставляемых")
    mentor_posts: tuple[str, ...] = Field(
        default=(), description="Слова должности наставника, без которых тип не подходит («директор»)")

    def fits(self, mentor: _Person, mentees: Sequence[_Person]) -> bool:
        """The pair's people are of this type: the mentor's category (and a word of the
        post, when the type lists some) and every mentee's category."""
        if not self.mentor or not self.mentees or not mentees:
            return False
        if mentor.category not in self.mentor or any(m.category not in self.mentees for m in mentees):
            return False
        if self.mentor_posts:
            post = normalize_word(mentor.post or "")
            return any(normalize_word(word) in post for word in self.mentor_posts)
        return True


class MentoringFormat(MentoringForm):
    """How the mentoring goes: one to one, in a group, reverse, remote …"""


class _Person(Protocol):
    @property
    def category(self) -> Category: ...

    @property
    def post(self) -> str | None: ...


@lru_cache(maxsize=4096)
def form_key(text: str) -> str:
    """Compare forms ignoring case, ё, spacing and the kind of dash between the roles."""
    return normalize_word(text).replace(" - ", "-").replace(" -", "-").replace("- ", "-")


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[PairType, ...], tuple[MentoringFormat, ...]]:

    text = resources.files(__package__).joinpath("forms.yaml").read_text("utf-8")
    data = packaged_yaml(text)
    sources = data["sources"]

    def entry(raw: dict) -> dict:
        return {**raw, "source": sources[raw["source"]] if raw.get("source") else None}

    return (tuple(PairType.model_validate(entry(raw)) for raw in data["pair_types"]),
            tuple(MentoringFormat.model_validate(entry(raw)) for raw in data["formats"]))


#: Who mentors whom (Р-145, АЗ-1128/08, practice). Extend with ``Registry.pair_types``.
PAIR_TYPES: tuple[PairType, ...] = _builtin()[0]
#: How the mentoring goes (АЗ-1128/08). Extend with ``Registry.formats``.
FORMATS: tuple[MentoringFormat, ...] = _builtin()[1]
#: A pair whose format is not given is mentored one to one.
DEFAULT_FORMAT: MentoringFormat = FORMATS[0]
#: Both lists, pair types first (the one list of older versions).
BUILTIN_FORMS: tuple[MentoringForm, ...] = (*PAIR_TYPES, *FORMATS)


def _index(forms: Iterable[MentoringForm]) -> dict[str, MentoringForm]:
    """Each title and alias (as ``form_key``) to its form; the first one wins."""
    index: dict[str, MentoringForm] = {}
    for form in forms:
        for name in (form.title, *form.aliases):
            index.setdefault(form_key(name), form)
    return index


_TYPE_INDEX = _index(PAIR_TYPES)
_FORMAT_INDEX = _index(FORMATS)
_FORM_INDEX = _index(BUILTIN_FORMS)


def _find(text: str, extra: Sequence[MentoringForm], builtin: dict[str, MentoringForm]) -> MentoringForm | None:
    for form in extra:
        if form.matches(text):
            return form
    return builtin.get(form_key(text))


def find_pair_type(text: str, extra: Sequence[PairType] = ()) -> PairType | None:
    """The pair type whose title or alias matches ``text``; the registry's own come first."""
    found = _find(text, extra, _TYPE_INDEX)
    return found if isinstance(found, PairType) else None


def find_format(text: str, extra: Sequence[MentoringFormat] = ()) -> MentoringFormat | None:
    """The format whose title or alias matches ``text``; the registry's own come first."""
    found = _find(text, extra, _FORMAT_INDEX)
    return found if isinstance(found, MentoringFormat) else None


def find_form(text: str, extra: Sequence[MentoringForm] = ()) -> MentoringForm | None:
    """The pair type or format whose title or alias matches ``text``; user forms come first."""
    return _find(text, extra, _FORM_INDEX)


def nearest_form(text: str, extra: Sequence[MentoringForm] = (),
                 dimension: Dimension | None = None) -> MentoringForm | None:
    """The form whose title or alias is spelt most like ``text`` (a typo's likely meaning),
    or None when nothing is close; only pair types or only formats when ``dimension`` says
    so. Compares as ``form_key`` does (case, ё, dashes)."""
    kinds = {"pair_type": PairType, "format": MentoringFormat}
    keys: dict[str, MentoringForm] = {}
    for form in (*extra, *BUILTIN_FORMS):
        if dimension is not None and not isinstance(form, kinds[dimension]):
            continue
        for name in (form.title, *form.aliases):
            keys.setdefault(form_key(name), form)
    found = get_close_matches(form_key(text), list(keys), n=1, cutoff=0.6)
    return keys[found[0]] if found else None


def form_dimension(text: str, pair_types: Sequence[PairType] = (),
                   formats: Sequence[MentoringFormat] = ()) -> Dimension:
    """Which dimension a one-column value («Форма наставничества» of older registries) is.

    A value in one of the lists (built-in or the registry's) belongs there; an unknown one
    naming two roles joined by a spaced dash («психолог – ученик») is a pair type, any other
    («наставничество в проектной команде») a format. The unknown value is still reported.
    """
    if find_pair_type(text, pair_types) is not None:
        return "pair_type"
    if find_format(text, formats) is not None:
        return "format"
    return "pair_type" if looks_like_pair_type(text) else "format"


def looks_like_pair_type(text: str) -> bool:
    """«X – Y»: two roles joined by a dash with spaces around it."""
    return " - " in normalize_word(text)


def derive_pair_type(mentor: _Person, mentees: Sequence[_Person],
                     extra: Sequence[PairType] = ()) -> PairType | None:
    """The most specific pair type the people fit (the registry's own before the built-in
    ones among equals), or None.

    Types that ask for a word of the mentor's post («руководитель – учитель») are tried
    first, so that a director mentoring a teacher is not «учитель – учитель»; then types
    with fewer categories, so that a student mentoring a pupil is «студент – ученик», not
    «ученик – ученик» (which also admits students).
    """
    candidates = _by_specificity((*extra, *PAIR_TYPES)) if extra else _BUILTIN_ORDER
    for pair_type in candidates:
        if pair_type.fits(mentor, mentees):
            return pair_type
    return None


def _by_specificity(types: tuple[PairType, ...]) -> tuple[PairType, ...]:
    return tuple(sorted(types, key=lambda t: (not t.mentor_posts, len(t.mentor) * len(t.mentees))))


_BUILTIN_ORDER = _by_specificity(PAIR_TYPES)


def form_text(pair_type: str | None, format: str | None) -> str:
    """How documents print a pair's form: «учитель – учитель», «групповое» or both
    («учитель – учитель, групповое»); empty when neither is known."""
    return ", ".join(part for part in (pair_type, format) if part)
