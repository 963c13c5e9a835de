"""One shared pymorphy3 analyser, created on first use (loading the dictionaries costs ~0.1 s)."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

_lock = threading.Lock()
_analyzer: MorphAnalyzer | None = None


def morph() -> MorphAnalyzer:
    """The process-wide MorphAnalyzer (loaded lazily, once)."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(path=_dictionary_path(), lang="ru")
    return _analyzer


def _dictionary_path() -> str | None:
    """The Russian dictionary's folder, from its package: left to pymorphy3, it looks the
    folder up among the entry points of every installed package, which costs a quarter of
    loading the dictionary. None (pymorphy3 then finds it) when ``PYMORPHY3_DICT_PATH``
    names another or the package cannot be imported by name."""
    import os

    if "PYMORPHY3_DICT_PATH" in os.environ:
        return None
    try:
        import pymorphy3_dicts_ru
    except ImportError:
        return None
    return str(pymorphy3_dicts_ru.get_path())


@lru_cache(maxsize=4096)
def parses(word: str) -> tuple[Parse, ...]:
    """All parses of a lower-case word, cached (posts and counted nouns repeat a lot)."""
    return tuple(morph().parse(word))


def match_case(template: str, word: str) -> str:
    """Write ``word`` with the capitalisation of ``template``: UPPER, Title or lower.

    Mixed spellings («МакКой») are kept as far as the shared prefix goes.
    """
    if not template:
        return word
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template.islower():
        return word.lower()
    if template[0].isupper() and template[1:].islower():
        return word[:1].upper() + word[1:].lower()
    # Mixed: copy letter by letter where the two words overlap, rest lower-case.
    out = [w.upper() if t.isupper() else w.lower() for t, w in zip(template, word)]
    return "".join(out) + word[len(template):].lower()
