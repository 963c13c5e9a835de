"""A number with the noun it counts: «1 наставник», «3 наставника», «22 наставляемых».

pymorphy3's ``make_agree_with_number`` is used rather than babel's plural categories: the
categories alone cannot tell that a substantivised adjective («наставляемый») takes the
genitive plural after 2–4. The words the library itself counts («документ», «месяц»…) are
in ``counting_forms.json`` (built by ``tools/build_counting_forms.py`` with the same
pymorphy3 rules; a test keeps them equal), so counting them does not load its dictionary.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources

from ..errors import GrammarError
from ._lexicon import word as lexicon_word
from ._morph import match_case, parses

#: Counting forms pymorphy3 gets wrong (suppletive plurals): after a number «человек»
#: stays «человек» and «год» becomes «лет» («5 лет», not «5 годов»).
_COUNTING_FORMS = {("человек", "людей"): "человек", ("год", "годов"): "лет"}


def _best_parse(word: str):
    candidates = [
        p for p in parses(word.lower())
        if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case == "nomn"
    ]
    if not candidates:
        return None
    # Singular before plural, nouns and dictionary words first.
    candidates.sort(key=lambda p: (p.tag.number == "plur", not p.is_known, -p.score))
    return candidates[0]


def _agree_one(n: int, word: str, parse) -> str | None:
    """``word`` (whose best parse is ``parse``) in the form that goes with ``n``."""
    agreed = parse.make_agree_with_number(n)
    if agreed is None:
        return None
    form = _COUNTING_FORMS.get((parse.normal_form, agreed.word), agreed.word)
    return match_case(word, form)


@cache
def _counting_forms() -> dict[str, list[str]]:
    """The committed forms (1 · 2–4 · 5) of the words the library counts."""
    text = resources.files(__package__).joinpath("counting_forms.json").read_text("utf-8")
    forms: dict[str, list[str]] = json.loads(text)
    return forms


def counting_form(n: int) -> int:
    """Which of the three counting forms goes with ``n``: 0 as after 1 (21, 101…), 1 as
    after 2–4 (22, 103…), 2 as after 5–20 (0, 11–14, 25…)."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def agree_word(n: int, word: str) -> str:
    """The form of ``word`` (nominative singular) that goes with the number ``n``.

    ``word`` may be a phrase: the adjectives and the head noun agree, what follows the
    noun stays («молодой специалист» → «3 молодых специалиста»; «участник программы» →
    «5 участников программы»).
    """
    forms = _counting_forms().get(word)
    if forms is not None:
        return forms[counting_form(n)]
    return live_agree_word(n, word)


@lru_cache(maxsize=8192)
def live_agree_word(n: int, word: str) -> str:
    """:func:`agree_word` computed with pymorphy3 (the committed table is not consulted)."""
    n = abs(int(n))
    words = word.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        parse = _best_parse(w)
        agreed = _agree_one(n, w, parse) if parse is not None else None
        if agreed is None:
            if not out:
                raise GrammarError(f"Не удалось согласовать слово «{word}» с числом {n}")
            out.extend(words[i:])
            break
        out.append(agreed)
        if parse.tag.POS == "NOUN":
            out.extend(words[i + 1:])
            break
    return " ".join(out)


def agree(n: int, word: str, *, with_number: bool = True) -> str:
    """«3 наставника»: the number (thousands separated by a no-break space), a space, the noun."""
    from ._numbers import format_number

    form = agree_word(int(n), word)
    return f"{format_number(n)} {form}" if with_number else form


def noun_gender(text: str) -> str | None:
    """The gender of the first noun in the nominative in ``text`` — its head noun in a title
    or a name: ``"masc"``, ``"femn"``, ``"neut"``, or ``"plur"`` for a plural noun; None when
    there is no such noun.

    ``noun_gender("Персонализированная программа наставничества") == "femn"``,
    ``noun_gender("Положение о системе наставничества") == "neut"``. Participles and short
    adjectives that agree with a document («УТВЕРЖДЕНА», «именуемое») are chosen from it.
    """
    for token in text.replace("(", " ").replace("«", " ").split():
        found = lexicon_word(token)  # a title's common words are read from a table, not from pymorphy3
        if found.is_nominative_noun:
            return found.noun_gender
    return None
