"""Numbers and money: figures with Russian separators, words through num2words.

num2words has traps this module guards against:
- in currency mode an ``int`` is read as kopecks (1234 → «двенадцать рублей тридцать четыре
  копейки»), so money is spelt out here from the integer rubles and kopecks;
- Cyrillic gender names («ж», «с») are silently read as masculine, so genders are
  normalised here before the call;
- a feminine or neuter gender leaks into the millions («одна миллион»), so only the last
  three digits get the requested gender;
- the animate accusative gives «двух тысячи»; counted things are inanimate, which is the
  default here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from ..errors import GrammarError
from ..models import Case, Gender
from ._names import as_case

NBSP = "\u00a0"
BLANK_NUMBER = "______"
BLANK_MONEY = f"________{NBSP}руб. (________________________________)"

_N2W_CASE = {
    Case.NOMINATIVE: "n", Case.GENITIVE: "g", Case.DATIVE: "d",
    Case.ACCUSATIVE: "a", Case.INSTRUMENTAL: "i", Case.PREPOSITIONAL: "p",
}
_GENDERS = {
    "m": "m", "masculine": "m", "male": "m", "м": "m", "муж": "m", "мужской": "m",
    "f": "f", "feminine": "f", "female": "f", "ж": "f", "жен": "f", "женский": "f",
    "n": "n", "neuter": "n", "с": "n", "ср": "n", "средний": "n",
}


def _gender_code(gender: str | Gender) -> str:
    key = gender.value if isinstance(gender, Gender) else str(gender).strip().lower().rstrip(".")
    try:
        return _GENDERS[key]
    except KeyError:
        raise GrammarError(
            f"Неизвестный род «{gender}». Допустимо: мужской (м), женский (ж), средний (с)"
        ) from None


def _as_int(n: int | Decimal | str) -> int:
    if isinstance(n, bool) or isinstance(n, float):
        raise GrammarError(f"Ожидается целое число, получено «{n}»")
    try:
        value = Decimal(str(n))
    except InvalidOperation:
        raise GrammarError(f"Ожидается целое число, получено «{n}»") from None
    if value != value.to_integral_value():
        raise GrammarError(f"Ожидается целое число, получено «{n}»")
    return int(value)


@lru_cache(maxsize=8192)
def _words(n: int, case: Case, gender: str, ordinal: bool, animate: bool) -> str:
    from num2words import num2words

    if ordinal:
        return num2words(n, lang="ru", case=_N2W_CASE[case], animate=animate, to="ordinal",
                         gender=gender)
    if case is Case.ACCUSATIVE and animate:
        return _animate_accusative(n, gender)
    kwargs = {"lang": "ru", "case": _N2W_CASE[case], "animate": False}
    sign, n = ("минус ", -n) if n < 0 else ("", n)
    high, low = divmod(n, 1000)
    if high and low:
        text = f"{num2words(high * 1000, gender='m', **kwargs)} {num2words(low, gender=gender, **kwargs)}"
    else:
        text = num2words(n, gender=gender if not high else "m", **kwargs)
    return sign + text


def _animate_accusative(n: int, gender: str) -> str:
    """«двух наставников», «двадцать одного наставника», «двадцать два наставника».

    num2words' own animate accusative spoils the thousands («двух тысячи»), so only the
    part that animacy changes is adjusted here: 2–4 alone take the genitive, a masculine
    «один» at the end becomes «одного» (inflected with pymorphy3); compound numbers keep
    the inanimate form, as the modern norm has it.
    """
    if 2 <= abs(n) <= 4:
        return _words(n, Case.GENITIVE, gender, False, False)
    text = _words(n, Case.ACCUSATIVE, gender, False, False)
    if gender == "m" and abs(n) % 10 == 1 and abs(n) % 100 != 11:
        from ._morph import parses

        head, _, last = text.rpartition(" ")
        nominative = [p for p in parses(last) if p.tag.case in ("nomn", "accs")]
        inflected = nominative[0].inflect({"accs", "anim"}) if nominative else None
        if inflected is not None:
            text = f"{head} {inflected.word}".strip()
    return text


def number_in_words(
    n: int | Decimal | str, case: Case | str = "nominative", gender: str | Gender = "masculine",
    *, animate: bool = False,
) -> str:
    """A cardinal in words in any case and gender: («двадцати двух», «одна тысяча»).

    ``gender``: masculine / feminine / neuter (also m / f / n, м / ж / с). ``animate``
    matters for the accusative of one to four (pass True for «двух наставников»).
    """
    return _words(_as_int(n), as_case(case), _gender_code(gender), False, animate)


def ordinal_in_words(
    n: int | Decimal | str, case: Case | str = "nominative", gender: str | Gender = "masculine",
    *, animate: bool = False,
) -> str:
    """An ordinal in words: «двадцать второй», «третьей» (genitive, feminine)."""
    value = _as_int(n)
    if value <= 0:
        raise GrammarError(f"Порядковое числительное возможно только для положительного числа, получено {n}")
    return _words(value, as_case(case), _gender_code(gender), True, animate)


def _group_thousands(digits: str) -> str:
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return NBSP.join(groups)


def format_number(n: int | Decimal | float | None, digits: int | None = None) -> str:
    """«1 234» and «1 234,56»: no-break space between thousands, decimal comma.

    ``digits`` rounds to that many decimal places (half up); None keeps them as given.
    ``None`` gives the blank ``BLANK_NUMBER``.
    """
    if n is None:
        return BLANK_NUMBER
    if isinstance(n, bool):
        raise GrammarError(f"Ожидается число, получено «{n}»")
    value = Decimal(str(n))
    if digits is not None:
        value = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    sign = "\u2212" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    return sign + _group_thousands(whole) + (f",{frac}" if frac else "")


def format_percent(x: int | Decimal | float | None, digits: int = 1) -> str:
    """«12,5 %»: decimal comma, no-break space before the sign, no trailing zeros."""
    if x is None:
        return f"{BLANK_NUMBER}{NBSP}%"
    text = format_number(x, digits)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}{NBSP}%"


def _money(amount: Decimal | int) -> tuple[int, int]:
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise GrammarError(
            f"Сумма должна быть задана точно (Decimal или целое число рублей), получено "
            f"«{amount}» ({type(amount).__name__}); дробное число с плавающей точкой "
            "может исказить копейки"
        )
    value = Decimal(amount)
    if value < 0:
        raise GrammarError(f"Сумма не может быть отрицательной: {amount}")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise GrammarError(f"В сумме больше двух знаков после запятой: {amount}")
    rubles, kopecks = divmod(int(cents), 100)
    return rubles, kopecks


def money_in_words(amount: Decimal | int | None) -> str:
    """«1 234,56 руб. (одна тысяча двести тридцать четыре рубля 56 копеек)».

    ``amount`` is a Decimal (an int counts as whole rubles); a float is refused because it
    cannot hold kopecks exactly. ``None`` gives the blank ``BLANK_MONEY``.
    """
    if amount is None:
        return BLANK_MONEY
    from ._agree import agree_word

    rubles, kopecks = _money(amount)
    figures = f"{_group_thousands(str(rubles))},{kopecks:02d}{NBSP}руб."
    words = (
        f"{number_in_words(rubles)} {agree_word(rubles, 'рубль')} "
        f"{kopecks:02d} {agree_word(kopecks, 'копейка')}"
    )
    return f"{figures} ({words})"
