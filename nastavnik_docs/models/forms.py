"""Forms of mentoring (формы наставничества) as data, extendable by the user."""

from __future__ import annotations

from difflib import get_close_matches
from functools import lru_cache
from typing import Literal

from pydantic import Field

from ._enums import normalize_word
from .person import Model

Audience = Literal["pupils", "teachers", "any"]


class MentoringForm(Model):
    """One form of mentoring: its title as printed and whom it is for."""

    title: str = Field(min_length=1, description="Название формы, как в документах")
    audience: Audience = Field(default="any", description="Для кого: pupils / teachers / any")
    source: str | None = Field(default=None, description="Документ, который вводит форму")
    aliases: tuple[str, ...] = Field(default=(), description="Другие написания")

    def matches(self, text: str) -> bool:
        key = form_key(text)
        return key == form_key(self.title) or any(key == form_key(a) for a in self.aliases)


@lru_cache(maxsize=4096)
def form_key(text: str) -> str:
    """Compare forms ignoring case, ё, spacing and the kind of dash between the roles."""
    return normalize_word(text).replace(" - ", "-").replace(" -", "-").replace("- ", "-")


_P145 = "распоряжение Минпросвещения России от 25.12.2019 № Р-145"
_AZ1128 = "письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08"

#: The forms of the two federal methodologies. Extend with ``Registry.forms``.
BUILTIN_FORMS: tuple[MentoringForm, ...] = (
    MentoringForm(title="ученик – ученик", audience="pupils", source=_P145,
                  aliases=("обучающийся – обучающийся", "студент – студент")),
    MentoringForm(title="учитель – учитель", audience="teachers", source=_P145,
                  aliases=("педагог – педагог",)),
    MentoringForm(title="студент – ученик", audience="pupils", source=_P145),
    MentoringForm(title="работодатель – ученик", audience="pupils", source=_P145),
    MentoringForm(title="работодатель – студент", audience="pupils", source=_P145),
    MentoringForm(title="учитель – ученик", audience="pupils",
                  source="практика образовательных организаций",
                  aliases=("педагог – обучающийся",)),
    MentoringForm(title="традиционное (один на один)", audience="teachers", source=_AZ1128,
                  aliases=("традиционное", "традиционная", "индивидуальное")),
    MentoringForm(title="групповое", audience="teachers", source=_AZ1128, aliases=("групповая",)),
    MentoringForm(title="виртуальное (дистанционное)", audience="teachers", source=_AZ1128,
                  aliases=("виртуальное", "дистанционное")),
    MentoringForm(title="реверсивное", audience="teachers", source=_AZ1128, aliases=("реверсивная",)),
    MentoringForm(title="ситуационное", audience="teachers", source=_AZ1128),
    MentoringForm(title="скоростное", audience="teachers", source=_AZ1128),
    MentoringForm(title="краткосрочное (целеполагающее)", audience="teachers", source=_AZ1128,
                  aliases=("краткосрочное", "целеполагающее")),
    MentoringForm(title="руководитель – учитель", audience="teachers", source=_AZ1128,
                  aliases=("руководитель – педагог",)),
    MentoringForm(title="флэш-наставничество", audience="teachers", source=_AZ1128,
                  aliases=("флеш-наставничество",)),
    MentoringForm(title="взаимонаставничество", audience="teachers", source=_AZ1128),
)


def find_form(text: str, extra: tuple[MentoringForm, ...] | list[MentoringForm] = ()) -> MentoringForm | None:
    """The form whose title or alias matches ``text``; user forms come first."""
    for form in (*extra, *BUILTIN_FORMS):
        if form.matches(text):
            return form
    return None


def nearest_form(text: str, extra: tuple[MentoringForm, ...] | list[MentoringForm] = ()) -> MentoringForm | None:
    """The form whose title or alias is spelt most like ``text`` (a typo's likely meaning),
    or None when nothing is close. Compares as ``form_key`` does (case, ё, dashes)."""
    keys: dict[str, MentoringForm] = {}
    for form in (*extra, *BUILTIN_FORMS):
        for name in (form.title, *form.aliases):
            keys.setdefault(form_key(name), form)
    found = get_close_matches(form_key(text), list(keys), n=1, cutoff=0.6)
    return keys[found[0]] if found else None
