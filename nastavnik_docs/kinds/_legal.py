"""Legal bases chosen by rule: the acts, the facts a rule looks at, the defaults of each document.

Everything a lawyer would check is data in ``acts.yaml`` beside this module: each act's key,
its full reference and the words that cite it (:data:`ACTS`), the facts a rule may name
(:data:`FACTS`), and for each document the acts it cites by default, some only when a fact
holds (:func:`default_bases`). The code computes the facts from the input — which pairs the
document is about, whom they join (:func:`pair_facts`) — and never decides by sample text:

* art. 351.8 of the Labour Code only where the mentor and every mentee are employees;
* a personnel order rewarding employees cites art. 191, pupils are encouraged by a separate
  order of the main series (art. 34 of 273-ФЗ);
* the regional and municipal acts of the input come first (:func:`with_regional`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Category, Pair, Registry
from ._data import wording
from ._people import is_staff

__all__ = [
    "ACTS", "APPROVED_WORDS", "FACTS", "ISSUED_WORDS", "LegalAct", "act_key", "default_bases", "is_staff_pair",
    "pair_facts", "with_regional",
]

_DATA: dict[str, Any] = wording(__package__ or "nastavnik_docs.kinds", "acts.yaml")


@dataclass(frozen=True)
class LegalAct:
    """An act of the table: its key, full reference (nominative), citing words
    (instrumental, after «В соответствии с») and what it governs."""

    key: str
    title: str
    cite: str
    about: str


#: The acts by key («273-ФЗ», «ТК-351.8», «ТК-191», «Р-145» …), as ``acts.yaml`` lists them.
ACTS: dict[str, LegalAct] = {key: LegalAct(key, " ".join(v["title"].split()), " ".join(v["cite"].split()),
                                           " ".join(v["about"].split()))
                             for key, v in _DATA["acts"].items()}
_ALIASES: dict[str, str] = {str(k).lower(): v for k, v in _DATA["aliases"].items()}
#: The facts a rule may name, with the wording the documentation shows.
FACTS: dict[str, str] = {k: " ".join(v.split()) for k, v in _DATA["facts"].items()}
#: First words of the titles of acts cited «от … № …» before their quoted name (приказ …).
ISSUED_WORDS: tuple[str, ...] = tuple(_DATA["issued"])
#: First words of the titles of documents cited with the order that approved them (положение …).
APPROVED_WORDS: tuple[str, ...] = tuple(_DATA["approved"])


def _rules(document: str) -> list[tuple[str, str | None]]:
    return [(entry, None) if isinstance(entry, str) else (entry["act"], entry.get("when"))
            for entry in _DATA["defaults"][document]]


def _check_table() -> None:
    """Every rule names a known act and a known fact (a typo in the YAML fails at import)."""
    for document in _DATA["defaults"]:
        for act, fact in _rules(document):
            if act not in ACTS:
                raise KeyError(f"acts.yaml, defaults.{document}: unknown act {act!r}")
            if fact is not None and fact not in FACTS:
                raise KeyError(f"acts.yaml, defaults.{document}: unknown fact {fact!r}")
    for alias, key in _ALIASES.items():
        if key not in ACTS:
            raise KeyError(f"acts.yaml, aliases.{alias}: unknown act {key!r}")


_check_table()


def act_key(text: str) -> str | None:
    """The key of the act ``text`` names (a key or one of its spellings), or None."""
    key = str(text).strip()
    if key in ACTS:
        return key
    return _ALIASES.get(key.lower())


def default_bases(document: str, facts: Iterable[str] = ()) -> list[str]:
    """The keys of the acts ``document`` (a kind id, or «order.reward.pupils») cites by
    default, given the ``facts`` that hold for it."""
    known = set(facts)
    return [act for act, fact in _rules(document) if fact is None or fact in known]


def pair_facts(registry: Registry, pairs: Iterable[Pair]) -> set[str]:
    """The facts about whom ``pairs`` join: «staff_pair» (mentor and every mentee are
    employees), «staff_mentee», «pupil_mentee»."""
    facts: set[str] = set()
    for pair in pairs:
        mentor, mentees = registry.mentor_of(pair), registry.mentees_of(pair)
        if any(is_staff(m) for m in mentees):
            facts.add("staff_mentee")
        if any(m.category in (Category.PUPIL, Category.STUDENT) for m in mentees):
            facts.add("pupil_mentee")
        if is_staff(mentor) and all(is_staff(m) for m in mentees):
            facts.add("staff_pair")
    return facts


def is_staff_pair(registry: Registry, pair: Pair) -> bool:
    """The mentor and every mentee are employees: art. 351.8 of the Labour Code applies."""
    return "staff_pair" in pair_facts(registry, [pair])


def with_regional(regional: Sequence[Any], bases: Sequence[Any]) -> list[Any]:
    """The regional and municipal acts first, then ``bases`` (each once)."""
    out: list[Any] = []
    for basis in [*regional, *bases]:
        if basis not in out:
            out.append(basis)
    return out
