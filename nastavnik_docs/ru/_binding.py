"""No-break spaces that bind words in running text, and soft hyphens for narrow columns.

* :func:`bind_words` — a one-letter preposition or conjunction («в», «с», «к», «о», «у»,
  «и», «а», «я») keeps to the word after it, and a dash inside a sentence keeps to the word
  before it («Срок\u00a0– до …»), so that a line never ends with «в» or starts with «–».
  :func:`typograph` leaves ordinary spaces around these words (its output is compared as
  typed in many places); documents apply :func:`bind_words` to their finished text.
* :func:`soft_hyphens` — soft hyphens (U+00AD) in the long words of a table cell that is
  too narrow for them, so that Word and LibreOffice break such a word at a syllable with a
  hyphen instead of cutting it anywhere (pyphen's Russian patterns choose the syllables).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

__all__ = ["SOFT_HYPHEN", "bind_words", "soft_hyphens"]

NBSP = "\u00a0"
SOFT_HYPHEN = "\u00ad"

# A one-letter word: at the start or after a space, a bracket or an opening quote, followed
# by ordinary spaces and then a word (not a dash, not the end of the text).
_ONE_LETTER = re.compile(r"(?:(?<=^)|(?<=[\s(«„\"]))([вкосуиаяВКОСУИАЯ]) +(?=[^\s\u2013\u2014-])")
# A dash between words: the space before it becomes a no-break space.
_DASH = re.compile(r"(?<=\S) +(?=[\u2013\u2014] )")


def bind_words(text: str) -> str:
    """``text`` with a no-break space after each one-letter preposition or conjunction and
    before each dash between words: «в\u00a0форме», «и\u00a0Лебедева», «Срок\u00a0– до».

    Idempotent; initials («М.П.») and letters followed by a full stop are not words here.
    """
    if not text:
        return text
    return _DASH.sub(NBSP, _ONE_LETTER.sub(rf"\1{NBSP}", text))


@cache
def _dictionary() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="ru_RU", left=2, right=3)  # never «ки» alone on a line


_WORD = re.compile(r"[А-Яа-яЁё]+")


@lru_cache(maxsize=8192)
def _hyphenated(word: str) -> str:
    return str(_dictionary().inserted(word, hyphen=SOFT_HYPHEN))


def soft_hyphens(text: str, min_length: int = 9) -> str:
    """``text`` with soft hyphens between the syllables of each Cyrillic word of at least
    ``min_length`` letters («настав\u00adни\u00adче\u00adства»); a word with a hyphen of its
    own is treated piece by piece, and text that already has soft hyphens is returned as is.
    """
    if not text or SOFT_HYPHEN in text:
        return text
    return _WORD.sub(lambda m: _hyphenated(m.group()) if len(m.group()) >= min_length else m.group(), text)
