"""Words that agree with the people a text speaks of: one man, one woman, or several people.

A phrase template names its agreeing words in braces, written as they stand for one man:

* ``{наставляемого}``, ``{обучающийся}``, ``{принял}``, ``{удовлетворён}``,
  ``{планирует}`` — a participle, an adjective (also substantivised), a short form or a
  verb, put by pymorphy3 into the feminine or the plural («наставляемой», «обучающиеся»,
  «приняла», «удовлетворены», «планируют»; a verb in the present keeps its form for a
  woman). A form two cases share says which it is: ``{наставляемого:вин}`` is accusative
  («вовлечь наставляемую»), ``{наставляемого}`` alone genitive;
* ``{его}``, ``{ему}``, ``{им}``, ``{него}``, ``{ним}``, ``{нему}``, ``{нём}``, ``{он}``,
  ``{сам}``… — pronouns, from a table («его» → «её» / «их», «им» → «ею» / «ими»);
* ``{a|b}`` — the singular and the plural, written out; ``{a|b|c}`` — masculine,
  feminine, plural.

:func:`agreement` says which of the three a person or a group is; :func:`agree_with` fills a
template; :func:`agreeing_words` lists the braces of a template (for checking data).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from ..errors import GrammarError
from ..models import Gender
from ._forms import PersonForms
from ._morph import match_case, parses

__all__ = ["AGREEMENTS", "Agreement", "agree_with", "agreeing_words", "agreement", "inflect_agreeing"]

#: One man (or a person whose gender is not known), one woman, several people.
Agreement = Literal["masc", "femn", "plur"]
AGREEMENTS: tuple[Agreement, ...] = ("masc", "femn", "plur")

#: Pronouns as they stand for one man → (for a woman, for several people).
_PRONOUNS: dict[str, tuple[str, str]] = {
    "он": ("она", "они"),
    "его": ("её", "их"),
    "ему": ("ей", "им"),
    "им": ("ею", "ими"),
    "нём": ("ней", "них"),
    "него": ("неё", "них"),
    "нему": ("ней", "ним"),
    "ним": ("ней", "ними"),
    "сам": ("сама", "сами"),
    "самого": ("самой", "самих"),
    "самому": ("самой", "самим"),
}

#: Case hints after a colon: ``{наставляемого:вин}``.
_CASE_HINTS = {"им": "nomn", "род": "gent", "дат": "datv", "вин": "accs", "тв": "ablt", "твор": "ablt",
               "пр": "loct", "пред": "loct"}
#: What a bare word is taken as when two cases share its masculine form.
_DEFAULT_CASES = ("nomn", "gent", "datv", "ablt", "loct")
_AGREEING = {"ADJF", "PRTF", "ADJS", "PRTS", "VERB"}
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def agreement(who: PersonForms | Gender | Sequence[PersonForms] | None) -> Agreement:
    """«masc», «femn» or «plur» for a person (their forms or gender) or a list of people: a
    list of several is plural, a list of one is that person; an unknown gender is «masc»."""
    if isinstance(who, Sequence) and not isinstance(who, str):
        if len(who) > 1:
            return "plur"
        who = who[0] if who else None
    gender = who if who is None or isinstance(who, Gender) else who.gender
    return "femn" if gender is Gender.FEMALE else "masc"


def _pick_parse(word: str, case: str | None) -> Any:
    """The parse of a masculine singular agreeing word (of ``case`` when given)."""
    found = [p for p in parses(word.lower()) if p.tag.POS in _AGREEING
             and (p.tag.gender in ("masc", None) or p.tag.POS == "VERB")
             and p.tag.number in ("sing", None)]
    if case is not None:
        found = [p for p in found if p.tag.case in (case, None)]
    if not found:
        raise GrammarError(f"Слово «{word}» не согласуется с лицом: нужно причастие, прилагательное, "
                           "глагол или местоимение в мужском роде единственного числа")
    cases = {p.tag.case for p in found}
    if case is None and len(cases) > 1:
        found.sort(key=lambda p: _DEFAULT_CASES.index(p.tag.case) if p.tag.case in _DEFAULT_CASES else 9)
    return found[0]


@cache
def _agreement_forms() -> dict[str, list[str]]:
    """The committed feminine and plural forms of the agreeing words of the package's own
    wording (built by ``tools/build_agreement_forms.py``), by the lower-case word, or
    «word:case» where a brace names the case (``наставляемого:accs``)."""
    text = resources.files(__package__).joinpath("agreement_forms.json").read_text("utf-8")
    forms: dict[str, list[str]] = json.loads(text)
    return forms


@lru_cache(maxsize=4096)
def inflect_agreeing(word: str, target: Agreement, case: str | None = None) -> str:
    """``word`` (masculine singular) for ``target``: «наставляемого» → «наставляемой»,
    «принял» → «приняли». ``case`` (a pymorphy3 grammeme) says which case a form two cases
    share stands in. GrammarError for a word that does not agree.

    The words of the package's own wording are in ``agreement_forms.json`` (pymorphy3's
    forms, kept equal by a test), so filling them loads no dictionary; any other word is
    inflected by pymorphy3 (:func:`live_inflect_agreeing`)."""
    low = word.lower()
    if low in _PRONOUNS:
        if target == "masc":
            return word
        return match_case(word, _PRONOUNS[low][0 if target == "femn" else 1])
    forms = _agreement_forms().get(f"{low}:{case}" if case else low)
    if forms is not None:
        return word if target == "masc" else match_case(word, forms[0 if target == "femn" else 1])
    return live_inflect_agreeing(word, target, case)


@lru_cache(maxsize=4096)
def live_inflect_agreeing(word: str, target: Agreement, case: str | None = None) -> str:
    """:func:`inflect_agreeing` computed with pymorphy3 (the committed table is not consulted)."""
    parse = _pick_parse(word, case)
    if target == "masc":
        return word
    tag = parse.tag
    if tag.POS == "VERB" and tag.tense != "past":
        if target == "femn":
            return word
        wanted = {"plur"}
    else:
        wanted = {"femn"} if target == "femn" else {"plur"}
        if tag.case is not None:
            wanted.add(tag.case)
    inflected = parse.inflect(wanted)
    if inflected is None:
        raise GrammarError(f"Не удалось согласовать слово «{word}» ({'женский род' if target == 'femn' else 'множественное число'})")
    return match_case(word, inflected.word)


def _fill(inner: str, target: Agreement) -> str:
    options = inner.split("|")
    if len(options) == 2:
        return options[1] if target == "plur" else options[0]
    if len(options) == 3:
        return options[AGREEMENTS.index(target)]
    if len(options) != 1:
        raise GrammarError(f"В подстановке «{{{inner}}}» должно быть 1, 2 или 3 варианта через «|»")
    word, _, hint = inner.partition(":")
    case = None
    if hint:
        case = _CASE_HINTS.get(hint.strip().lower())
        if case is None:
            raise GrammarError(f"Неизвестный падеж «{hint}» в подстановке «{{{inner}}}»; "
                               f"допустимо: {', '.join(_CASE_HINTS)}")
    words = word.split(" ")
    return " ".join(inflect_agreeing(w, target, case) for w in words)


def agree_with(text: str, who: PersonForms | Gender | Sequence[PersonForms] | Agreement | None) -> str:
    """The template ``text`` with every brace filled for ``who`` (a person, a gender, a list of
    people or an :data:`Agreement`). GrammarError for a brace that cannot be filled."""
    target = who if isinstance(who, str) and who in AGREEMENTS else agreement(who)  # type: ignore[arg-type]
    return _PLACEHOLDER.sub(lambda m: _fill(m.group(1), target), text)  # type: ignore[arg-type]


def agreeing_words(texts: Iterable[str]) -> list[str]:
    """The braces of the templates, in order (``"наставляемого:вин"``, ``"ведёт|ведут"``)."""
    return [m.group(1) for text in texts for m in _PLACEHOLDER.finditer(text)]
