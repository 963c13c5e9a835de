"""Short phrases that agree with a person, a title or a date.

* ``gendered`` — the word that agrees with a person's gender («получил» / «получила»);
* ``approved_word`` — УТВЕРЖДЕН / УТВЕРЖДЕНА / УТВЕРЖДЕНО / УТВЕРЖДЕНЫ by the title's head noun;
* ``class_genitive`` and ``pupil_text`` — «7 «Б» класса», «обучающаяся 7 «Б» класса»;
* ``period_text`` — «с 1 сентября 2026 г. по 31 мая 2027 г.»;
* ``school_year_of`` — «2026/2027 учебный год» for a document dated in it (from August on);
* ``polite_greeting`` — «Уважаемая Мария Петровна!».
"""

from __future__ import annotations

import datetime as dt

from ..models import Gender, Person
from ._agree import noun_gender
from ._classes import school_class
from ._dates import format_date
from ._forms import PersonForms
from ._posts import decline_post
from ._typography import typograph

__all__ = ["approved_word", "class_genitive", "gendered", "period_text", "polite_greeting", "pupil_text",
           "school_year_of"]

NBSP = "\u00a0"


def gendered(who: PersonForms | Gender | None, masc: str, femn: str, unknown: str | None = None) -> str:
    """The word that agrees with a person's gender: ``gendered(forms, "получил", "получила")``.

    ``who`` is the person's :class:`PersonForms` or a gender. A gender that is not known
    gives ``unknown`` («ознакомлен(а)» on a blank form) or, when that is not given, the
    masculine word.
    """
    gender = who if who is None or isinstance(who, Gender) else who.gender
    if gender is Gender.FEMALE:
        return femn
    if gender is not Gender.MALE and unknown is not None:
        return unknown
    return masc


def polite_greeting(person: Person, gender: Gender | None) -> str:
    """«Уважаемая Мария Петровна!» (first name and patronymic, as a letter addresses)."""
    word = gendered(gender, "Уважаемый", "Уважаемая")
    name = " ".join(p for p in (person.first_name, person.middle_name) if p)
    return f"{word} {name}!"


def approved_word(title: str) -> str:
    """УТВЕРЖДЕН / УТВЕРЖДЕНА / УТВЕРЖДЕНО / УТВЕРЖДЕНЫ, agreeing with the title's head noun."""
    gender = noun_gender(title)
    words = {"femn": "УТВЕРЖДЕНА", "neut": "УТВЕРЖДЕНО", "plur": "УТВЕРЖДЕНЫ"}
    return words.get(gender, "УТВЕРЖДЕН") if gender else "УТВЕРЖДЕН"


def class_genitive(post: str | None) -> str:
    """«7 «Б» класс», «7Б» → «7 «Б» класса» (a class, :func:`school_class`); another post as it is."""
    if not post:
        return ""
    klass = school_class(post)
    if klass is not None:
        return klass.genitive
    text = typograph(post)
    words = text.split(" ")
    if words and words[-1].lower() == "класс":
        words[-1] = words[-1] + "а"
    return " ".join(words)


def pupil_text(forms: PersonForms, post: str | None, case: str = "nominative") -> str:
    """«обучающаяся 7 «Б» класса» in ``case`` (the noun agrees with the pupil's gender)."""
    noun = gendered(forms, "обучающийся", "обучающаяся")
    if case != "nominative":
        noun = decline_post(noun, case, forms.gender)
    cls = class_genitive(post)
    return f"{noun} {cls}" if cls else noun


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """«с 1 сентября 2026 г. по 31 мая 2027 г.», «с 1 сентября 2026 г.» (no end yet),
    «по 31 мая 2027 г.»; "" when neither is known."""
    if start and end:
        return f"с {format_date(start)} по {format_date(end)}"
    if start:
        return f"с {format_date(start)}"
    return f"по {format_date(end)}" if end else ""


def school_year_of(day: dt.date | None) -> str:
    """«2026/2027 учебный год» for a document dated ``day`` — from August on, a school plans
    the coming year —, a blank «20___/20___ учебный год» for no day."""
    if day is None:
        return f"20___/20___{NBSP}учебный год"
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}/{start + 1}{NBSP}учебный год"
