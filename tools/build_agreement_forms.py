"""Build ``nastavnik_docs/ru/agreement_forms.json``: the agreeing words of the package's own
wording (the braces of ``kinds/**/*.yaml``: «{принял}», «{наставляемого:вин}»), each in the
feminine and the plural, as :func:`nastavnik_docs.ru.inflect_agreeing` makes them with
pymorphy3.

    python -m tools.build_agreement_forms

With the table, a certificate («в том, что она {приняла} участие …») or a programme fills its
braces without loading pymorphy3's dictionary (about 0.12 s, in every worker process of a
batch). A word outside it (a curator's own wording) still goes to pymorphy3.
``tests/ru/test_agreement_forms.py`` builds the table again in memory and compares it with
the committed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tools._word_tables import write

PACKAGE = Path(__file__).resolve().parents[1] / "nastavnik_docs"
TARGET = PACKAGE / "ru" / "agreement_forms.json"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def words() -> set[tuple[str, str | None]]:
    """(word, pymorphy3 case or None) of every single-word brace in the package's wording:
    the braces with «|» need no dictionary, nor do pronouns; braces that are no agreeing
    word («{предмет}», a field to fill) are left out when they are built."""
    from nastavnik_docs.ru import agreeing_words
    from nastavnik_docs.ru._agreement import _CASE_HINTS, _PRONOUNS

    found: set[tuple[str, str | None]] = set()
    for path in sorted(PACKAGE.glob("kinds/**/*.yaml")):
        for inner in agreeing_words(_strings(yaml.safe_load(path.read_text("utf-8")))):
            if "|" in inner or not re.search("[а-яё]", inner, re.IGNORECASE):
                continue
            text, _, hint = inner.partition(":")
            case = _CASE_HINTS.get(hint.strip().lower()) if hint else None
            found.update((w.lower(), case) for w in text.split() if w.lower() not in _PRONOUNS)
    return found


def key(word: str, case: str | None) -> str:
    """The table's key: the lower-case word, with its case when a brace names one."""
    return f"{word}:{case}" if case else word


def build() -> dict[str, list[str]]:
    """The table, computed with pymorphy3 (never read from the committed file)."""
    from nastavnik_docs.errors import GrammarError
    from nastavnik_docs.ru._agreement import live_inflect_agreeing

    table: dict[str, list[str]] = {}
    for word, case in words():
        try:
            table[key(word, case)] = [live_inflect_agreeing(word, target, case) for target in ("femn", "plur")]
        except GrammarError:  # not an agreeing word: a field to fill in, left as it is
            continue
    return table


def main() -> None:
    write(TARGET, build())


if __name__ == "__main__":
    main()
