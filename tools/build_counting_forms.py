"""Build ``nastavnik_docs/ru/counting_forms.json``: the words the library counts, in the
three forms a number takes in Russian (1 · 2–4 · 5), as :func:`nastavnik_docs.ru.agree_word`
makes them with pymorphy3.

    python -m tools.build_counting_forms

With the table, a summary line («записано 10 000 документов») or a programme's length
(«9 месяцев») does not load pymorphy3's dictionary (about 0.15 s of a command's start-up).
``tests/ru/test_counting_forms.py`` builds the table again in memory and compares it with
the committed one, and checks that every word the package counts is in it.
"""

from __future__ import annotations

from pathlib import Path

from tools._word_tables import write

TARGET = Path(__file__).resolve().parents[1] / "nastavnik_docs" / "ru" / "counting_forms.json"

#: Every word (or phrase) the package passes to ``agree`` or ``agree_word`` as a literal.
WORDS = (
    "встреча", "год", "документ", "копейка", "месяц", "молодой специалист", "наставляемый",
    "наставник", "пара", "рабочая встреча", "рубль", "ссылка", "файл", "формат", "человек",
)
#: One number of each of the three counting forms: 1 (21, 101 …), 2–4 (22 …), 5–20 (0, 25 …).
SAMPLES = (1, 2, 5)


def build() -> dict[str, list[str]]:
    """The table, computed with pymorphy3 (never read from the committed file)."""
    from nastavnik_docs.ru._agree import live_agree_word

    return {word: [live_agree_word(n, word) for n in SAMPLES] for word in WORDS}


def main() -> None:
    write(TARGET, build())


if __name__ == "__main__":
    main()
