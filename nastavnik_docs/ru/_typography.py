"""Russian typography for free text: no-break spaces, «ёлочки» quotes, dashes.

Written by hand because the typographers on PyPI target web HTML (entities, English
quotes) rather than plain text for DOCX; the rules here are the few that Russian official
documents need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

NBSP = "\u00a0"
EN_DASH = "\u2013"

_LETTER = "А-ЯЁA-Zа-яёa-z"
_UP = "А-ЯЁA-Z"

_SURNAME_BEFORE = re.compile(rf"([{_UP}][{_LETTER}-]+)[ \u00a0]+$")


def _is_surname(word: str) -> bool:
    """A capitalised word that may be a surname: not a dictionary word of another kind
    («Назначить», «Приказ»), but a surname pymorphy3 knows or a word it does not know."""
    from ._morph import parses

    found = parses(word.lower().split("-")[-1])
    known = [p for p in found if p.is_known]
    return not known or any("Surn" in p.tag for p in known)


def _initials_before(match: re.Match[str]) -> str:
    """Tie initials to the surname after them unless a surname stands right before them."""
    before = _SURNAME_BEFORE.search(match.string, 0, match.start())
    if before is not None and _is_surname(before.group(1)):
        return match.group(1) + " "
    return match.group(1) + NBSP


#: (pattern, replacement): a template string or a function of the match, as ``re.sub`` takes.
_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # Runs of ordinary spaces collapse to one (no-break spaces are kept as they are).
    (re.compile(r"[ \t]{2,}"), " "),
    # «№ 7», «№7» → «№ 7» with a no-break space; likewise «§».
    (re.compile(r"([№§])[ ]*(?=\S)"), rf"\1{NBSP}"),
    # An abbreviation in capitals keeps its number: «СОШ № 12», «ДОУ № 5» (a school's name
    # never breaks before «№»).
    (re.compile(r"\b([А-ЯЁ]{2,6})[ ]+(?=№)"), rf"\1{NBSP}"),
    # A hyphen or double hyphen between spaces is a dash: «далее – ежегодно». The no-break
    # space before it keeps the dash off the start of a line.
    (re.compile(r"[ \u00a0]+(?:--?|\u2014|\u2013)[ \u00a0]+"), f"{NBSP}{EN_DASH} "),
    # Number ranges: 2024-2025 → 2024–2025, 10-12 → 10–12.
    # A chain «1-1-1» is not a range and stays as typed (so typography stays idempotent).
    (re.compile(r"(?<![\d.,\u2013-])(\d+)-(\d+)(?![\d.,\u2013-])"), rf"\1{EN_DASH}\2"),
    # Initials: «М. П. Иванова» → «М.П. Иванова» (spaces between initials removed).
    (re.compile(rf"\b([{_UP}])\.[ \u00a0]+(?=[{_UP}]\.)"), r"\1."),
    # Initials before a surname: «М.П. Иванова» — unless they follow their own surname
    # («Власова Е.Н. Срок …», «Горбунова Л.А. Власова Е.Н.»: never tied to the next word).
    (re.compile(rf"(\b[{_UP}]\.(?:[{_UP}]\.)?)[ ]+(?=[{_UP}][{_LETTER}-]+)"), _initials_before),
    # Surname before initials: «Иванова М.П.» (initials not already followed by a surname).
    (re.compile(rf"(\b[{_UP}][{_LETTER}-]+)[ ]+(?=[{_UP}]\.(?:[{_UP}]\.)?(?!\u00a0|[{_UP}]))"),
     rf"\1{NBSP}"),
    # «2022 г.», «2022–2023 гг.», «1 234 руб.», «56 коп.», «12 %».
    (re.compile(r"(\d)[ ]*(?=(?:гг?|руб|коп|тыс|млн|млрд)\.)"), rf"\1{NBSP}"),
    (re.compile(r"(\d)[ ]*(?=%)"), rf"\1{NBSP}"),
    # Place abbreviations before a name or number: «г. Вологда», «ул. Ленина», «д. 5»
    # (not «2022 г. Приказ», where «г.» means the year).
    (re.compile(r"(?<!\d\u00a0)(?<!\d )\b(г|ул|пр|пер|пл|д|с|пос|пгт|р-н|обл)\.[ ]+(?=[А-ЯЁ0-9])"),
     rf"\1.{NBSP}"),
    # Short words before a number: «ст. 351.8», «п. 3», «ч. 4», «стр. 5».
    (re.compile(r"\b(ст|п|пп|ч|стр|рис|табл|гл|разд)\.[ ]+(?=\d)"), rf"\1.{NBSP}"),
    # Thousands: «1 234 567» → no-break spaces between the groups.
    (re.compile(r"(?<![\d,.])(\d{1,3})((?:[ ]\d{3})+)(?![\d])"),
     lambda m: m.group(1) + m.group(2).replace(" ", NBSP)),
]


def _quotes(text: str, nested: str) -> str:
    """Straight quotes → «», and quotes inside quotes → ``nested`` (default „“).

    «, „ open; », ” close; “ closes inside quotes (it is the nested closing quote) and
    opens otherwise; a straight " opens after a space, a bracket or another opening quote,
    and after «,», «;» or «:» when no quote is open and a word follows (a list typed
    without spaces: "Учитель","Ученик"); it closes elsewhere.
    """
    inner_open, inner_close = nested[0], nested[1]
    out: list[str] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch in "«„“”»\"":
            prev = text[i - 1] if i else " "
            if ch in "«„":
                opening = True
            elif ch in "»”":
                opening = False
            elif ch == "“":
                opening = depth == 0
            else:
                nxt = text[i + 1] if i + 1 < len(text) else " "
                opening = prev.isspace() or prev in "([{«„“-\u2013/" or (
                    depth == 0 and prev in ",;:" and (nxt.isalnum() or nxt in "«„"))
            if opening:
                out.append("«" if depth == 0 else inner_open)
                depth += 1
            else:
                depth = max(depth - 1, 0)
                out.append("»" if depth == 0 else inner_close)
        else:
            out.append(ch)
    # A quote left open closes at the end of this text, so that it cannot spoil the text
    # this one is inserted into.
    closers = [inner_close] * max(depth - 1, 0) + ["»"] * min(depth, 1)
    return "".join(out) + "".join(closers)


def typograph(text: str | None, *, nested_quotes: str = "„“") -> str:
    """Apply Russian typography to free text.

    - straight quotes become «ёлочки», quotes inside quotes become „лапки“
      (``nested_quotes="«»"`` repeats the ёлочки, as some organisations write); a quote
      left open is closed at the end, so typograph each inserted value on its own and an
      unclosed quote in one field cannot spoil the sentence it goes into;
    - a hyphen between spaces becomes a dash « – » (no-break space before it),
      number ranges get an en dash («2024–2025»);
    - no-break spaces between initials and their own surname («М.П. Иванова», «Иванова
      М.П.»; never the next person's),
      after «№» and «§», between an abbreviation in capitals and its «№» («СОШ № 12»),
      before «г.», «гг.», «руб.», «коп.», «%», after «ст.», «п.», «ч.», and between
      thousands («1 234»).
    ``None`` gives "".
    """
    if not text:
        return ""
    if len(nested_quotes) != 2:
        raise ValueError("nested_quotes must be two characters, e.g. '„“' or '«»'")
    return _typographed(str(text), nested_quotes)


@lru_cache(maxsize=2048)
def _typographed(text: str, nested_quotes: str) -> str:
    """:func:`typograph` of a text, remembered: the same wording (a consent's clauses, a
    form's questions, an organisation's name) is typographed for every document of a year."""
    result = _quotes(text, nested_quotes)
    for pattern, repl in _RULES:
        result = pattern.sub(repl, result)
    return result
