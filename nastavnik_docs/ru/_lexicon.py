"""What declining a post or agreeing with a title needs to know of a word, from a committed
table or from pymorphy3.

A post is declined word by word (:mod:`._posts`): for each hyphen piece of its first words
it asks for the best singular nominative reading as an adjective and as a noun, and
inflects that reading; a title's head noun gives its gender to the words that agree with
it (:func:`._agree.noun_gender`, :func:`._titles.agreeing`). School posts and document
titles are few and repeat, so what these ask of the words they are made of is stored in
``post_words.json`` (written by ``python -m tools.build_post_words`` from pymorphy3 itself;
a test regenerates it and compares): such a post or title is declined without loading
pymorphy3's dictionary, which costs a short command a fifth of its time. A word the table
does not hold is read from pymorphy3, with the same result.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ._morph import parses

__all__ = ["ADJECTIVE_POS", "AGREEING", "CASE_TAGS_ORDER", "GENDERS", "Reading", "Word", "stored_words", "word"]

#: pymorphy3 parts of speech that decline as adjectives (full adjectives, participles).
ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
#: pymorphy3 case grammemes in the order of the stored forms.
CASE_TAGS_ORDER = ("nomn", "gent", "datv", "accs", "ablt", "loct")
#: The genders an adjective's stored forms are given in.
GENDERS = ("masc", "femn", "neut")
_TABLE = "post_words.json"
#: The grammemes an agreeing word is asked in: each case, singular in each gender or
#: plural, an accusative inanimate (a document).
AGREEING = tuple(
    frozenset({tag, *number} | ({"inan"} if tag == "accs" else set()))
    for tag in CASE_TAGS_ORDER for number in (("sing", "masc"), ("sing", "femn"), ("sing", "neut"), ("plur",))
)
_AGREEING_KEYS = tuple(",".join(sorted(g)) for g in AGREEING)


class Reading:
    """One dictionary reading of a word in the singular nominative: its part of speech,
    gender, animacy, whether the dictionary knows the word, and its singular forms."""

    __slots__ = ("adjective", "animate", "gender", "known", "_forms", "_parse", "_text")

    def __init__(self, adjective: bool, gender: str | None, animate: bool, known: bool, *,
                 forms: dict[tuple[str, str | None], str] | None = None, parse: Any = None,
                 text: str = "") -> None:
        self.adjective = adjective
        self.gender = gender
        self.animate = animate
        self.known = known
        self._forms = forms if forms is not None else {}
        self._parse = parse
        self._text = text  # the word of a stored reading

    @classmethod
    def of_parse(cls, parse: Any) -> Reading:
        """A reading of a pymorphy3 parse; its forms are inflected on demand."""
        tag = parse.tag
        return cls(tag.POS in ADJECTIVE_POS, tag.gender, "anim" in tag, parse.is_known, parse=parse)

    def form(self, case_tag: str, gender: str | None) -> str:
        """The singular form in ``case_tag``; an adjective's in ``gender`` (one of
        :data:`GENDERS`), or its form without a gender when pymorphy3 has none in that one.
        The word as read when pymorphy3 cannot inflect it."""
        key = (case_tag, gender if self.adjective else None)
        found = self._forms.get(key)
        if found is None:
            found = self._forms[key] = self._inflect(case_tag, key[1])
        return found

    def _inflect(self, case_tag: str, gender: str | None) -> str:
        parse = self._parse
        if parse is None:  # a stored reading holds every form a post asks for; a form
            # outside them (a gender outside GENDERS) is asked of pymorphy3 all the same
            live = Word.of_parses(parses(self._text))
            reading = live.adjective if self.adjective else live.noun
            assert reading is not None
            return reading.form(case_tag, gender)
        inflected = parse.inflect({case_tag, "sing"} | ({gender} if gender else set()))
        if inflected is None and self.adjective:
            inflected = parse.inflect({case_tag, "sing"})
        return inflected.word if inflected is not None else parse.word

    def to_data(self) -> dict[str, Any]:
        """The reading as stored in the table: every form a post can ask for."""
        if self.adjective:
            forms: Any = {g: [self.form(t, g) for t in CASE_TAGS_ORDER] for g in GENDERS}
        else:
            forms = [self.form(t, None) for t in CASE_TAGS_ORDER]
        return {"gender": self.gender, "animate": self.animate, "known": self.known, "forms": forms}

    @classmethod
    def from_data(cls, text: str, data: dict[str, Any], adjective: bool) -> Reading:
        stored = data["forms"]
        forms: dict[tuple[str, str | None], str]
        if adjective:
            forms = {(t, g): stored[g][i] for g in GENDERS for i, t in enumerate(CASE_TAGS_ORDER)}
        else:
            forms = {(t, None): f for t, f in zip(CASE_TAGS_ORDER, stored)}
        return cls(adjective, data["gender"], data["animate"], data["known"], forms=forms, text=text)


class Word:
    """What the grammar asks of one word, all read from pymorphy3's parses of it:

    * ``known`` — the dictionary knows it other than as an abbreviation (an ALL-CAPS
      word in a post: «ДИРЕКТОРУ» declines, «МБОУ» does not);
    * ``adjective``, ``noun`` — its best singular nominative reading as an adjective and
      as a noun (None when it has none), which a post declines;
    * ``is_nominative_noun``, ``noun_gender`` — whether its first reading as a noun is in
      the nominative, and then that reading's gender (``"plur"`` for a plural): a title's
      head noun decides what agrees with the title;
    * :meth:`agreeing` — its form as an adjective or participle («утверждённый») agreeing
      with such a head.
    """

    __slots__ = ("adjective", "is_nominative_noun", "known", "noun", "noun_gender", "_agreeing", "_found", "_text")

    def __init__(self, known: bool, adjective: Reading | None, noun: Reading | None, *,
                 is_nominative_noun: bool = False, noun_gender: str | None = None,
                 agreeing: dict[str, str | None] | None = None, found: tuple[Any, ...] | None = None,
                 text: str = "") -> None:
        self.known = known
        self.adjective = adjective
        self.noun = noun
        self.is_nominative_noun = is_nominative_noun
        self.noun_gender = noun_gender
        self._agreeing = agreeing  # a stored word's forms, by their sorted grammemes
        self._found = found  # the parses of a word read from pymorphy3
        self._text = text

    @classmethod
    def of_parses(cls, found: tuple[Any, ...]) -> Word:
        """The word as pymorphy3 reads it (``found``: all its parses)."""
        known = any(p.is_known and "Abbr" not in p.tag for p in found)
        nouns = [p for p in found if "NOUN" in p.tag and "nomn" in p.tag]
        gender = ("plur" if nouns[0].tag.number == "plur" else nouns[0].tag.gender) if nouns else None
        return cls(known, _best(found, ADJECTIVE_POS), _best(found, frozenset({"NOUN"})),
                   is_nominative_noun=bool(nouns), noun_gender=gender, found=found)

    def agreeing(self, grammemes: frozenset[str]) -> str | None:
        """The form of the word's first nominative adjective or participle reading that
        has ``grammemes`` (without ``inan`` when none has it); None when there is none."""
        if self._agreeing is not None:
            key = ",".join(sorted(grammemes))
            if key in self._agreeing:
                return self._agreeing[key]
        found = self._found if self._found is not None else parses(self._text)
        for parse in found:
            if parse.tag.POS in ADJECTIVE_POS and parse.tag.case == "nomn":
                inflected = parse.inflect(set(grammemes)) or parse.inflect(set(grammemes - {"inan"}))
                if inflected is not None:
                    return str(inflected.word)
        return None

    def to_data(self) -> dict[str, Any]:
        agreeing = None
        if any(p.tag.POS in ADJECTIVE_POS and p.tag.case == "nomn" for p in self._found or ()):
            agreeing = [self.agreeing(g) for g in AGREEING]
        return {"known": self.known,
                "adjective": self.adjective.to_data() if self.adjective else None,
                "noun": self.noun.to_data() if self.noun else None,
                "noun_gender": {"gender": self.noun_gender} if self.is_nominative_noun else None,
                "agreeing": agreeing}

    @classmethod
    def from_data(cls, text: str, data: dict[str, Any]) -> Word:
        adjective, noun, head = data["adjective"], data["noun"], data["noun_gender"]
        return cls(data["known"], Reading.from_data(text, adjective, True) if adjective else None,
                   Reading.from_data(text, noun, False) if noun else None,
                   is_nominative_noun=head is not None, noun_gender=head["gender"] if head else None,
                   agreeing=dict(zip(_AGREEING_KEYS, data["agreeing"] or [None] * len(AGREEING))), text=text)


def _best(found: tuple[Any, ...], pos: frozenset[str]) -> Reading | None:
    """The best singular nominative dictionary parse with a POS in ``pos``: animate first,
    then by pymorphy3's score; abbreviations, first names and surnames left out."""
    candidates = [
        p for p in found
        if p.tag.POS in pos and p.tag.case == "nomn" and p.tag.number != "plur"
        and "Abbr" not in p.tag and "Name" not in p.tag and "Surn" not in p.tag
    ]
    if not candidates:
        return None
    candidates.sort(key=lambda p: ("anim" not in p.tag, -p.score))
    return Reading.of_parse(candidates[0])


@lru_cache(maxsize=1)
def stored_words() -> dict[str, dict[str, Any]]:
    """The committed table: a word as it is asked about (a post's words in lower case, a
    title's as written) → its data (see :meth:`Word.to_data`)."""
    data: dict[str, dict[str, Any]] = json.loads(files(__package__).joinpath(_TABLE).read_text("utf-8"))
    return data


@lru_cache(maxsize=8192)
def word(text: str) -> Word:
    """The word ``text`` (as written: pymorphy3 reads some capitalised words otherwise)
    from the table, else from pymorphy3."""
    data = stored_words().get(text)
    if data is not None:
        return Word.from_data(text, data)
    return Word.of_parses(parses(text))
