"""The school class a pupil's post names: «7 «Б» класс», «7Б», «7-б», «11 А», «5 кл.», «7».

Curators write a pupil's class in the post column however the school's register has it.
Every place that reads a class out of a post uses :func:`school_class`:

* the pupil line of orders, consents, programmes and certificates («обучающаяся 7 «Б»
  класса»; a bare «7Б» comes out as «7 «Б» класса», never «обучающейся 7Б»);
* the class a year earlier on a feedback form («6 «Б» класс»);
* a mentee younger or older than the mentor (certificates);
* the batch filter ``класс=7б``, where «7 класс» is class 7, not class «7 К».

A course («2 курс»), a category («1 категория») or a post that only starts with a digit
(«1С-программист») is not a class. Latin letters that look like Cyrillic ones
(«7B» typed in the Latin layout) are read as the Cyrillic letter; «Й», «Ъ», «Ы» and «Ь»
never name a class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._typography import typograph

__all__ = ["SchoolClass", "school_class"]

NBSP = "\u00a0"

#: Latin letters typed for the Cyrillic letters they look like.
_LOOKALIKES = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")

_PATTERN = re.compile(
    r"""\s*(?P<year>\d{1,2})(?P<ordinal>-?й)?
    (?:\s*[-–—]?\s*[«"„“']?\s*
       (?P<letter>[А-ИК-ЩЭ-ЯЁа-ик-щэ-яёABCEHKMOPTXYabcehkmoptxy])(?![^\W\d_]|\.)
       \s*[»"“”']?)?
    \s*(?P<word>(?:класс|кл\b\.?)(?![^\W\d_]))?
    (?P<rest>.*)""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
#: What may follow a class named without the word «класс»: a remark in brackets.
_REMARK = re.compile(r"\s*(\(.*\))?\s*", re.DOTALL)
#: The first and the last class of a school.
YEARS = range(1, 13)


@dataclass(frozen=True)
class SchoolClass:
    """A class read out of a post: its year (1–12), its letter (upper-case Cyrillic, ""
    when none) and the post as written, with where its parts are."""

    year: int
    letter: str
    text: str
    year_span: tuple[int, int]
    word_span: tuple[int, int] | None
    rest: str

    @property
    def key(self) -> str:
        """«7 б», «7»: the class compared ignoring how it was written."""
        return f"{self.year} {self.letter.lower()}".strip()

    @property
    def name(self) -> str:
        """«7 «Б»», «7»: the class without the word «класс» (a no-break space inside)."""
        return f"{self.year}{NBSP}«{self.letter}»" if self.letter else str(self.year)

    def _with_word(self, word: str) -> str:
        """The class with ``word`` («класс», «класса»); its parts are joined by no-break
        spaces, so that a line never ends with «8» and the next begins with «„А“ класса»."""
        if self.word_span is not None:  # the curator wrote the word: their spelling is kept
            start, end = self.word_span
            named, remark = typograph(self.text[:start] + word), self.text[end:].strip()
            named = NBSP.join(named.split())
        else:
            named, remark = f"{self.name}{NBSP}{word}", self.rest.strip()
        return f"{named} {typograph(remark)}" if remark else named

    @property
    def nominative(self) -> str:
        """«7 «Б» класс» (as the curator wrote it, when with the word)."""
        return self._with_word("класс")

    @property
    def genitive(self) -> str:
        """«7 «Б» класса»: «обучающаяся 7 «Б» класса»."""
        return self._with_word("класса")

    def earlier(self, years: int) -> str:
        """The post as it was ``years`` school years ago («7 «Б» класс», 1 → «6 «Б» класс»);
        as it is when that would be below the first class."""
        year = self.year - years
        if years <= 0 or year < YEARS.start:
            return self.text
        start, end = self.year_span
        return f"{self.text[:start]}{year}{self.text[end:]}"


def school_class(post: str | None) -> SchoolClass | None:
    """The class ``post`` names, or None when it names none (see the module)."""
    if not post:
        return None
    # One space between words: the pattern's optional spaces then never split a long run of
    # blanks in many ways (hostile input), and «7  Б» reads as «7 Б».
    return _parse(" ".join(post.split()))


@lru_cache(maxsize=1024)  # the same few dozen classes on thousands of rows
def _parse(text: str) -> SchoolClass | None:
    match = _PATTERN.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    letter = (match["letter"] or "").upper().translate(_LOOKALIKES)
    word, rest = match["word"], match["rest"]
    if year not in YEARS:
        return None
    if word is None and not _REMARK.fullmatch(rest):
        return None  # «2 курс», «1 категория», «1С программист»
    if word is not None and rest[:1].isalnum():
        return None
    # «7-й класс» is written as «7 класс»: «7-й класса» would be wrong, «7-го класса» is not how
    # a class is named in a document.
    kept = match.span("word") if word and not match["ordinal"] else None
    return SchoolClass(year, letter, text, match.span("year"), kept, rest)
