"""Registration numbers of a series: formatting by the project's rule, reading them back,
and the next free number of a series."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ._file import NumberingRule

__all__ = ["format_number", "number_pattern", "sequence_of", "next_number"]


def format_number(rule: NumberingRule, n: int, day: dt.date) -> str:
    """The registration number ``n`` of the series on ``day``: «108-о/д», «2027-004»."""
    return rule.format.format(n=n, year=day.year)


def number_pattern(rule: NumberingRule) -> re.Pattern[str]:
    """A pattern that matches the numbers the rule makes and captures the sequence number."""
    parts = re.split(r"(\{[^}]*\})", rule.format)
    out = []
    for part in parts:
        if re.fullmatch(r"\{n(:[^}]*)?\}", part):
            out.append(r"(?P<n>\d+)")
        elif re.fullmatch(r"\{year(:[^}]*)?\}", part):
            out.append(r"\d{4}")
        else:
            out.append(re.escape(part))
    return re.compile("^" + "".join(out) + "$", re.IGNORECASE)


def sequence_of(rule: NumberingRule, number: str) -> int | None:
    """The sequence number inside a registration number («108-о/д» → 108); None when the
    number does not follow the rule (a number typed by hand in another style)."""
    match = number_pattern(rule).match(number.strip())
    return int(match.group("n")) if match else None


def next_number(rule: NumberingRule, used: Iterable[str], day: dt.date) -> str:
    """The next free number of the series: one more than the greatest used, or the rule's
    start when none is used yet."""
    used = list(used)
    taken = [n for n in (sequence_of(rule, u) for u in used) if n is not None]
    n = max([rule.start - 1, *taken]) + 1
    used_set = {u.strip().casefold() for u in used}
    candidate = format_number(rule, n, day)
    while candidate.casefold() in used_set:  # a number typed by hand that the pattern missed
        n += 1
        candidate = format_number(rule, n, day)
    return candidate
