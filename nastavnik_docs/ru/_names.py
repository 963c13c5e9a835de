"""Full names in every case: pytrovich plus the corrections it needs for documents.

pytrovich implements the petrovich rules (surname, first name, patronymic by gender and
ending). This module adds what documents need on top of it: an exceptions table kept as
data (``name_exceptions.yaml``), ALL-CAPS input, Turkic patronymic particles, the «ё»
option, per-person overrides, surname particles («де Голля»), strings with initials
(«Иванова М.П.»), gender detection with a clear Russian error, and short forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .._resources import packaged_yaml
from ..errors import GrammarError
from ..models import Case, Gender, Person
from ._morph import match_case, parses

NBSP = "\u00a0"

#: Turkic patronymic particles: the patronymic «Мамед оглы» is written as is in every case.
TURKIC_PARTICLES = {
    "оглы": Gender.MALE, "угли": Gender.MALE, "улы": Gender.MALE, "уулу": Gender.MALE,
    "кызы": Gender.FEMALE, "кизи": Gender.FEMALE, "гызы": Gender.FEMALE,
}

_PARTS = ("lastname", "firstname", "middlename")
_MOD_CASES = (Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL, Case.PREPOSITIONAL)


# --------------------------------------------------------------------------- pytrovich


@lru_cache(maxsize=1)
def _pytrovich() -> tuple[Any, Any, Any]:
    """(maker, detector, enums module), created once; the rules JSON is parsed here."""
    from pytrovich import enums
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker(), PetrovichGenderDetector(), enums


# --------------------------------------------------------------------------- exceptions


@dataclass(frozen=True)
class _Rule:
    part: str
    gender: str  # "male" | "female" | "any"
    mods: tuple[str, ...]
    words: frozenset[str]
    suffixes: tuple[str, ...]

    def applies(self, part: str, gender: Gender) -> bool:
        return self.part == part and self.gender in ("any", gender.value)


def apply_mod(mod: str, word: str) -> str:
    """Apply a petrovich modifier: "." keeps, each leading "-" drops a letter, rest appended."""
    if mod == ".":
        return word
    cut = len(mod) - len(mod.lstrip("-"))
    return (word[:-cut] if cut else word) + mod[cut:]


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:

    text = resources.files(__package__).joinpath("name_exceptions.yaml").read_text("utf-8")
    out = []
    for raw in packaged_yaml(text)["rules"]:
        mods = (".",) * 5 if raw.get("indeclinable") else tuple(raw["mods"])
        if len(mods) != 5 or raw["part"] not in _PARTS:
            raise ValueError(f"name_exceptions.yaml: bad rule {raw!r}")
        out.append(_Rule(
            part=raw["part"], gender=raw.get("gender", "any"), mods=mods,
            words=frozenset(w.lower() for w in raw.get("words", ())),
            suffixes=tuple(s.lower() for s in raw.get("suffixes", ())),
        ))
    return tuple(out)


@lru_cache(maxsize=64)
def _case_exceptions(part: str, gender: Gender, case: Case) -> tuple[dict[str, str], tuple[tuple[str, str], ...],
                                                                   tuple[str, ...]]:
    """The exceptions that apply to ``part`` and ``gender`` in ``case``, built once for each:
    whole word → modifier (the first rule listing a word wins), (suffix, modifier) in the
    table's order, and every suffix (to pass over most words with one test)."""
    index = _MOD_CASES.index(case)
    words: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    for rule in _rules():
        if rule.applies(part, gender):
            for word in rule.words:
                words.setdefault(word, rule.mods[index])
            suffixes.extend((suffix, rule.mods[index]) for suffix in rule.suffixes)
    return words, tuple(suffixes), tuple(suffix for suffix, _ in suffixes)


def _exception_mod(part: str, word: str, gender: Gender, case: Case) -> str | None:
    key = word.lower()
    words, suffixes, ends = _case_exceptions(part, gender, case)
    mod = words.get(key)
    if mod is not None or not key.endswith(ends):
        return mod
    for suffix, mod in suffixes:
        if key.endswith(suffix) and len(key) > len(suffix):
            return mod
    return None


# --------------------------------------------------------------------------- one word


def decline_part(part: str, word: str, gender: Gender, case: Case) -> str:
    """One part of a name (``part`` is lastname / firstname / middlename) in ``case``.

    Hyphenated parts decline piece by piece (Петрова-Водкина, Анны-Марии); capitalisation
    of the input is kept (ALL CAPS stays ALL CAPS).

    First names and patronymics repeat across a registry: each distinct one is declined
    once per case and kept (a bounded cache). Surnames are mostly distinct: only the last
    few are kept, enough for the several cases and forms one document asks for, so that a
    batch of tens of thousands of people does not hold every surname it has seen.
    """
    if case is Case.NOMINATIVE or not word:
        return word
    if part == "lastname":
        return _decline_surname_part(word, gender, case)
    return _decline_given_part(part, word, gender, case)


@lru_cache(maxsize=8192)
def _decline_given_part(part: str, word: str, gender: Gender, case: Case) -> str:
    return _decline_uncached(part, word, gender, case)


@lru_cache(maxsize=256)
def _decline_surname_part(word: str, gender: Gender, case: Case) -> str:
    return _decline_uncached("lastname", word, gender, case)


def _decline_uncached(part: str, word: str, gender: Gender, case: Case) -> str:
    if " " not in word and "-" not in word:  # one plain word: most names
        return _decline_piece(part, word, gender, case, known=True)
    if part == "middlename" and is_turkic_patronymic(word):
        return word
    if " " in word:
        # «де Голль», «ван Гог»: the particles stay, the last word declines.
        head, _, tail = word.rpartition(" ")
        return f"{head} {decline_part(part, tail, gender, case)}"
    pieces = word.split("-")
    # Male double first names are French or German (Жан-Поль, Ханс-Юрген): only the last
    # piece declines («Жан-Поля»). Female ones decline throughout («Анны-Марии»).
    keep = len(pieces) - 1 if part == "firstname" and gender is Gender.MALE else 0
    return "-".join(
        piece if i < keep else _decline_piece(part, piece, gender, case, known=i == len(pieces) - 1)
        for i, piece in enumerate(pieces)
    )


def _decline_piece(part: str, piece: str, gender: Gender, case: Case, *, known: bool) -> str:
    if not piece or "." in piece:  # an initial («М.») stays as written
        return piece
    # pytrovich keeps the input's letters and appends a lower-case ending («ИВАНОВа»), so
    # decline a Title-case copy and put the original capitalisation back.
    title = piece[:1].upper() + piece[1:].lower()
    mod = _exception_mod(part, title, gender, case)
    if mod is not None:
        declined = apply_mod(mod, title)
    else:
        shape = _ending_shape()
        if part == "lastname" and shape is not None and len(title) >= shape[0]:
            # A surname too long to be one of petrovich's whole-word exceptions declines by
            # its ending alone: one pytrovich call per distinct ending, then a slice.
            cut, ending = _ending_rule(title[-shape[1]:].lower(), gender, case, known)
            declined = title[:len(title) - cut] + ending
        else:
            declined = _petrovich(part, title, gender, case, known)
    return match_case(piece, declined)


def _petrovich(part: str, word: str, gender: Gender, case: Case, known: bool) -> str:
    # As in petrovich-ruby, the gender counts as "known" only for the last piece of a
    # double name, so that androgynous exceptions such as «Бонч» apply to the first.
    maker = _pytrovich()[0]
    return maker.make(*_py_args(part, gender, case), word, known_gender=known)


@lru_cache(maxsize=64)
def _py_args(part: str, gender: Gender, case: Case) -> tuple[Any, Any, Any]:
    enums = _pytrovich()[2]
    return getattr(enums.NamePart, part.upper()), getattr(enums.Gender, gender.name), getattr(enums.Case, case.name)


@lru_cache(maxsize=1)
def _ending_shape() -> tuple[int, int] | None:
    """(shortest word, ending length) for which petrovich's surname rules depend only on
    the ending: longer than every whole-word exception, and an ending longer than every
    suffix test and every cut of its rules. None when the rules cannot be read."""
    import json

    try:
        maker_cls = type(_pytrovich()[0])
        with open(maker_cls.DEFAULT_PATH_TO_RULES_FILE, encoding="utf-8") as fh:
            rules = json.load(fh)["lastname"]
        words = max(len(t) for r in rules["exceptions"] for t in r["test"])
        tests = max(len(t) for r in rules["suffixes"] for t in r["test"])
        cuts = max(len(m) - len(m.lstrip("-")) for r in rules["suffixes"] for m in r["mods"])
    except (OSError, KeyError, ValueError, AttributeError, TypeError):
        return None
    return words + 1, max(tests, cuts) + 1


@lru_cache(maxsize=4096)
def _ending_rule(ending: str, gender: Gender, case: Case, known: bool) -> tuple[int, str]:
    """(letters to cut, letters to add) that petrovich applies to a long surname with this
    ``ending``, read off one call on a stand-in word of that ending."""
    shape = _ending_shape()
    assert shape is not None
    stand_in = "Ъ" * shape[0] + ending
    declined = _petrovich("lastname", stand_in, gender, case, known)
    same = 0
    for a, b in zip(stand_in, declined):
        if a != b:
            break
        same += 1
    return len(stand_in) - same, declined[same:]


def clear_caches() -> None:
    """Forget every declined name part and detected gender (benchmarks start cold with it)."""
    for cached in (_decline_given_part, _given_names, _decline_surname_part, _surname_gender, _given_gender,
                   _gender_of_word, _ending_rule):
        cached.cache_clear()


def is_turkic_patronymic(middle: str) -> bool:
    words = middle.replace("-", " ").split()
    return len(words) > 1 and words[-1].lower() in TURKIC_PARTICLES


# --------------------------------------------------------------------------- whole names


_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.){1,2}$")
#: The space between two initials («М. П.»), dropped before splitting a short form.
_INITIALS_GAP = re.compile(r"([А-ЯЁA-Z]\.)\s+(?=[А-ЯЁA-Z]\.)")


def _short_form(text: str) -> tuple[str, str, bool] | None:
    """«Иванова М.П.» or «М.П. Иванова» → (surname, initials, initials first); else None."""
    compact = _INITIALS_GAP.sub(r"\1", str(text).strip())
    words = compact.split()
    if len(words) != 2:
        return None
    if _INITIALS.match(words[0]) and not _INITIALS.match(words[1]):
        return words[1], words[0], True
    if _INITIALS.match(words[1]) and not _INITIALS.match(words[0]):
        return words[0], words[1], False
    return None


#: Particles of a foreign surname, written in lower case, that stay as written: «де Голля»,
#: «ван Гога». Capitalised words are never taken for particles: «Ван», «Ле», «О» are
#: surnames of their own (Chinese, Vietnamese, Korean).
SURNAME_PARTICLES = frozenset({
    "де", "ван", "фон", "дер", "ден", "ди", "да", "дю", "ла", "дель", "делла", "ибн", "бен",
})


def split_full_name(text: str) -> tuple[str, str, str | None]:
    """«Фамилия Имя Отчество» → (last, first, middle); the rest after the name is the patronymic.

    Leading particles of a foreign surname stay with it: «де Голль Шарль» → («де Голль»,
    «Шарль», None).
    """
    words = str(text).split()
    caps = str(text).isupper()  # in ALL CAPS the particles are capitals too
    while len(words) > 2 and (words[0] if not caps else words[0].lower()) in SURNAME_PARTICLES:
        words[:2] = [f"{words[0]} {words[1]}"]
    if len(words) < 2:
        raise GrammarError(
            f"Не удалось разобрать ФИО «{text}»: ожидается «Фамилия Имя Отчество» "
            "(отчество можно не указывать)"
        )
    return words[0], words[1], (" ".join(words[2:]) or None)


def person_of(name: Any) -> Person | None:
    """The Person behind ``name`` (a Person or a PersonForms), None for a string.

    isinstance checks come first: attribute probing on a pydantic model is slow.
    """
    if isinstance(name, Person):
        return name
    if isinstance(name, str):
        return None
    person = getattr(name, "person", None)
    return person if isinstance(person, Person) else None


def name_parts(name: Person | str) -> tuple[str, str, str | None]:
    person = person_of(name)
    if person is not None:
        return person.last_name, person.first_name, person.middle_name
    return split_full_name(str(name))


@lru_cache(maxsize=8192)
def _gender_of_word(word: str) -> Gender | None:
    """pymorphy3's dictionary of first names: a fallback when petrovich's suffixes are silent."""
    for p in parses(word.split("-")[-1].lower()):
        if p.is_known and "Name" in p.tag and p.tag.case == "nomn":
            if p.tag.gender == "masc":
                return Gender.MALE
            if p.tag.gender == "femn":
                return Gender.FEMALE
            return None  # common gender (Саша, Женя): undecidable from this word
    return None


def _definite(found: Any) -> Gender | None:
    enums = _pytrovich()[2]
    return {enums.Gender.MALE: Gender.MALE, enums.Gender.FEMALE: Gender.FEMALE}.get(found)


def _detect(last: str, first: str, middle: str | None) -> Gender | None:
    """Gender from the name, most reliable evidence first.

    1. a Turkic particle (оглы / кызы) or a patronymic (petrovich's rules: -ович / -овна);
    2. a surname with a gendered ending (-ов / -ова, -ский / -ская);
    3. the first name in pymorphy3's dictionary of names (knows Кармен, Элис, Дени, which
       petrovich's suffix rules guess wrong), unless it is of common gender (Саша, Женя);
    4. petrovich's rules for the first name.
    """
    return (
        (_gender_by_part("middlename", middle) if middle else None)
        or _gender_by_part("lastname", last)
        or _gender_of_word(first)
        or _gender_by_part("firstname", first)
    )


def _gender_by_part(part: str, word: str) -> Gender | None:
    """petrovich's verdict on one part of a name (cached per part: patronymics and first
    names repeat across a registry even when full names do not; surnames mostly do not,
    and only the last few are kept)."""
    if part == "lastname":
        return _surname_gender(word)
    return _given_gender(part, word)


@lru_cache(maxsize=256)
def _surname_gender(word: str) -> Gender | None:
    return _gender_uncached("lastname", word)


@lru_cache(maxsize=8192)
def _given_gender(part: str, word: str) -> Gender | None:
    return _gender_uncached(part, word)


def _gender_uncached(part: str, word: str) -> Gender | None:
    if part == "middlename":
        words = word.replace("-", " ").split()
        particle = TURKIC_PARTICLES.get(words[-1].lower())
        if len(words) > 1 and particle is not None:
            return particle
    return _definite(_pytrovich()[1].detect(**{part: word}))


def detect_gender(person_or_name: Person | str) -> Gender:
    """The grammatical gender of a person: given in the data, or detected from the name.

    Raises GrammarError (in Russian) when neither the patronymic, the first name nor the
    surname tells it (e.g. «Ковальчук Саша»).
    """
    person = person_of(person_or_name)
    if person is not None and person.gender is not None:
        return person.gender
    short = _short_form(person_or_name) if isinstance(person_or_name, str) else None
    if short is not None:
        last, first, middle = short[0], "", None
        found = _gender_by_part("lastname", last)
    else:
        last, first, middle = name_parts(person_or_name)
        found = _detect(last, first, middle)
    if found is None:
        full = str(person_or_name) if short else " ".join(p for p in (last, first, middle) if p)
        raise GrammarError(
            f"Не удалось определить пол по ФИО «{full}»: по отчеству, имени и фамилии он "
            "не ясен. Укажите пол явно (м / ж) в данных участника."
        )
    return found


def as_case(case: Case | str) -> Case:
    try:
        return case if isinstance(case, Case) else Case(case)
    except ValueError:
        raise GrammarError(
            f"Неизвестный падеж «{case}». Допустимо: " + ", ".join(Case.allowed())
        ) from None


def as_gender(gender: Gender | str | None) -> Gender | None:
    if gender is None or isinstance(gender, Gender):
        return gender
    try:
        return Gender(gender)
    except ValueError:
        raise GrammarError(f"Неизвестный пол «{gender}». Допустимо: м / ж") from None


def strip_yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def decline_name(
    name: Person | str, case: Case | str, gender: Gender | str | None = None, *, yo: bool = True
) -> str:
    """A full name «Фамилия Имя Отчество» in ``case``.

    ``name`` is a Person (its ``overrides`` win, its ``gender`` is used) or a string;
    ``gender`` ("male"/"female", "м"/"ж", Gender) overrides the data, otherwise it is
    detected. ``yo=False`` writes «е» for «ё».
    """
    case = as_case(case)
    person = person_of(name)
    short = _short_form(name) if isinstance(name, str) else None
    if person is not None and case in person.overrides:
        result = person.overrides[case]
    elif short is not None:
        surname, initials, initials_first = short
        if case is not Case.NOMINATIVE:
            surname = decline_part("lastname", surname, as_gender(gender) or detect_gender(name), case)
        result = f"{initials}{NBSP}{surname}" if initials_first else f"{surname}{NBSP}{initials}"
    elif case is Case.NOMINATIVE:
        result = " ".join(w for w in name_parts(name) if w)
    else:
        last, first, middle = name_parts(name)
        g = as_gender(gender) or detect_gender(name)
        surname, given = decline_part("lastname", last, g, case), _given_names(first, middle, g, case)
        result = f"{surname} {given}" if surname and given else surname or given
    return result if yo else strip_yo(result)


@lru_cache(maxsize=8192)
def _given_names(first: str, middle: str | None, gender: Gender, case: Case) -> str:
    """The first name and patronymic in ``case``, as they follow the surname: declined once
    per distinct pair (they repeat across a registry; surnames mostly do not)."""
    words = (decline_part("firstname", first, gender, case),
             decline_part("middlename", middle, gender, case) if middle else None)
    return " ".join(w for w in words if w)


def decline_surname(
    name: Person | str, case: Case | str, gender: Gender | str | None = None, *, yo: bool = True
) -> str:
    """The surname alone in ``case`` (an override's first word when the person has one)."""
    case = as_case(case)
    person = person_of(name)
    if person is not None and case in person.overrides:
        result = person.overrides[case].split()[0]
    else:
        short = _short_form(name) if isinstance(name, str) else None
        last = short[0] if short else name_parts(name)[0]
        if case is not Case.NOMINATIVE:
            last = decline_part("lastname", last, as_gender(gender) or detect_gender(name), case)
        result = last
    return result if yo else strip_yo(result)


def initials_of(name: Person | str) -> str:
    """«М.П.»; a Turkic patronymic gives its first letter like any other."""
    short = _short_form(name) if isinstance(name, str) else None
    if short is not None:
        return short[1]
    _last, first, middle = name_parts(name)
    return "".join(f"{p[0].upper()}." for p in (first, middle) if p)


def short_name(name: Person | str, case: Case | str, gender=None, *, yo: bool = True) -> str:
    """«Ивановой М.П.» (surname, no-break space, initials)."""
    return f"{decline_surname(name, case, gender, yo=yo)}{NBSP}{initials_of(name)}"


def initials_name(name: Person | str, case: Case | str, gender=None, *, yo: bool = True) -> str:
    """«М.П. Ивановой» (initials, no-break space, surname)."""
    return f"{initials_of(name)}{NBSP}{decline_surname(name, case, gender, yo=yo)}"
