"""Titles and forms of mentoring in cases: an apposition in parentheses agrees with its head.

* :func:`decline_title` — a document's title in a case, the parenthesised apposition right
  after the head taking the head's case: «Дорожная карта (план мероприятий) по реализации …»
  → «О дорожной карте (плане мероприятий) …», «о проекте дорожной карты (плана мероприятий)»;
  a parenthesis that explains a later word, or is not a noun group («(далее – …)»,
  «(один на один)»), stays as written.
* :func:`agreeing` — an adjective or a participle agreeing with a title's head noun in a case:
  «Положением …, утверждённым приказом», «Дорожной картой …, утверждённой приказом»;
* :func:`form_phrase` — a form of mentoring named as a form: «форме «учитель – учитель»»,
  «групповой форме», «виртуальной (дистанционной) форме», «форме флэш-наставничества»; the
  caller adds the preposition («в …», «с …»). A title that is a label of who mentors whom
  (with a dash) is quoted after the noun; an adjective («групповое») agrees with the noun;
  a noun («взаимонаставничество») follows it in the genitive. Several titles joined by a
  comma («учитель – учитель, групповое») give one phrase: «групповой форме «учитель – учитель»»;
* :func:`forms_phrase` — several forms after «в»: «в формах «учитель – учитель» и «ученик –
  ученик», а также в групповой и реверсивной формах».
"""

from __future__ import annotations

import re

from ..models import Case
from ._lexicon import word as lexicon_word
from ._morph import match_case, parses
from ._names import as_case
from ._posts import CASE_TAGS, _head_group, decline_post

__all__ = ["agreeing", "decline_title", "form_phrase", "forms_phrase"]

_PAREN = re.compile(r"^(?P<head>[^()]*?)\s*\((?P<inner>[^()]+)\)(?P<rest>.*)$", re.S)


def _is_noun_group(text: str) -> bool:
    """The text starts with a noun group in the nominative (an adjective, a noun…)."""
    words = text.split()
    group, _adjective = _head_group(words)
    return bool(group) and words[0].lower() not in ("далее", "один", "одна", "одно")


def decline_title(title: str, case: Case | str) -> str:
    """``title`` in ``case`` (see :func:`decline_post`), with the apposition in parentheses
    that follows its head group in the same case: «Дорожной карте (плане мероприятий) …»."""
    case = as_case(case)
    match = _PAREN.match(title.strip())
    if case is Case.NOMINATIVE or match is None:
        return decline_post(title, case)
    head, inner, rest = match.group("head"), match.group("inner"), match.group("rest")
    words = head.split()
    group, _adjective = _head_group(words)
    if not words or len(group) != len(words) or not _is_noun_group(inner):
        return decline_post(title, case)
    # what follows the apposition depends on the head, not on its case: it stays as written
    return f"{decline_post(head, case)} ({decline_post(inner, case)}){rest}"


def agreeing(word: str, title: str, case: Case | str) -> str:
    """``word`` (an adjective or participle in the nominative masculine, «утверждённый») in
    ``case``, agreeing with the gender and number of the head noun of ``title``."""
    from ._agree import noun_gender

    case = as_case(case)
    gender = str(noun_gender(title) or "masc")
    grammemes = {CASE_TAGS[case], "plur"} if gender == "plur" else {CASE_TAGS[case], "sing", gender}
    if case is Case.ACCUSATIVE:
        grammemes.add("inan")
    form = lexicon_word(word.lower()).agreeing(frozenset(grammemes))
    return match_case(word, form) if form is not None else word


# --------------------------------------------------------------------------- forms

_CASE_FORMS = {
    Case.NOMINATIVE: "форма", Case.GENITIVE: "формы", Case.DATIVE: "форме",
    Case.ACCUSATIVE: "форму", Case.INSTRUMENTAL: "формой", Case.PREPOSITIONAL: "форме",
}


def _is_adjective(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn" for p in parses(word.lower()))


def _adjective(word: str, case: Case) -> str:
    """«групповое» → «групповой» (feminine, to agree with «форма», in ``case``)."""
    tag = CASE_TAGS[case]
    for parse in parses(word.lower()):
        if parse.tag.POS in ("ADJF", "PRTF") and parse.tag.case == "nomn":
            inflected = parse.inflect({"femn", "sing", tag})
            if inflected is not None:
                return match_case(word, inflected.word)
    return word


def _genitive(words: str) -> str:
    """A noun title in the genitive; a compound («флэш-наставничество») changes its last part."""
    head, _, last = words.rpartition("-")
    return f"{head}-{decline_post(last, 'genitive')}" if head else decline_post(words, "genitive")


def _split_title(title: str) -> tuple[str, str]:
    """(the words before a parenthesis, the parenthesis with its brackets or "")."""
    match = _PAREN.match(title)
    if match is None or match.group("rest").strip():
        return title, ""
    return match.group("head"), f"({match.group('inner')})"


def form_phrase(title: str, case: Case | str = "prepositional", *, of: str = "", adjective: str = "") -> str:
    """A form of mentoring as a noun phrase with «форма» in ``case``.

    ``of`` adds a genitive after the noun («наставничества»: «форме наставничества «учитель –
    учитель»», «групповой форме наставничества»; left out when the title already names
    mentoring); ``adjective`` goes first, agreeing («рекомендуемый» → «рекомендуемой формой
    наставничества «учитель – учитель»»).
    """
    case = as_case(case)
    labels: list[str] = []
    adjectives: list[str] = []
    after: list[str] = []
    genitives: list[str] = []
    for part in (p.strip() for p in title.split(",") if p.strip()):
        words, paren = _split_title(part)
        inner = paren[1:-1]
        if re.search(r"\s[\u2013\u2014-]\s", part):
            labels.append(f"«{part.strip('«»')}»")
        elif len(words.split()) == 1 and _is_adjective(words):
            if paren and len(inner.split()) == 1 and _is_adjective(inner):
                adjectives.append(f"{_adjective(words, case)} ({_adjective(inner, case)})")
            else:
                adjectives.append(_adjective(words, case))
                if paren:
                    after.append(paren)
        else:
            genitives.append(_genitive(part))
    noun = _CASE_FORMS[case]
    phrase = " ".join([*([_adjective(adjective, case)] if adjective else []), *adjectives, noun])
    named_mentoring = any("наставничеств" in g for g in genitives)
    if of and not named_mentoring:
        phrase += f" {of}"
    tail = [*genitives, *labels, *after]
    return " ".join([phrase, *tail])


def forms_phrase(titles: list[str]) -> str:
    """Several forms of mentoring after «в», each named as a form: the labels quoted after
    «формах», the adjectives before it, the nouns in the genitive after «форме»:
    «в формах «учитель – учитель» и «ученик – ученик», а также в групповой и реверсивной
    формах»; one form gives :func:`form_phrase` («в групповой форме»)."""
    titles = [t.strip() for t in titles if t and t.strip()]
    if len(titles) == 1:
        return f"в {form_phrase(titles[0])}"
    labels = [f"«{t.strip('«»')}»" for t in titles if re.search(r"\s[\u2013\u2014-]\s", t)]
    rest = [t for t in titles if not re.search(r"\s[\u2013\u2014-]\s", t)]
    adjectives = [t for t in rest if len(_split_title(t)[0].split()) == 1 and _is_adjective(_split_title(t)[0])]
    nouns = [t for t in rest if t not in adjectives]
    parts = []
    if labels:
        parts.append(("в форме " if len(labels) == 1 else "в формах ") + _and(labels))
    if adjectives:
        words = [_adjective(_split_title(t)[0], Case.PREPOSITIONAL) for t in adjectives]
        parts.append(f"в {_and(words)} {'форме' if len(words) == 1 else 'формах'}")
    parts += [f"в {form_phrase(t)}" for t in nouns]
    return parts[0] + "".join(f", а также {p}" if i == 1 else f", {p}" for i, p in enumerate(parts[1:], start=1))


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} и {words[-1]}"
