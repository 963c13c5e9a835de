"""Lists of people and things in running text: appositions closed, one or many.

* :func:`join_appositions` — «Ткаченко Дарью Андреевну, учителя английского языка;
  Гарипову Алсу Ринатовну, педагога-психолога, и Лебедева Кирилла Андреевича, …»: an
  apposition (a name followed by its post) is closed by a comma before «и»;
* :func:`close_apposition` — the comma that closes an apposition before the sentence goes on
  («…, учителя математики, в базу наставников»; «…(далее – наставляемый), с 1 сентября»);
* :func:`by_count` — the singular wording for a list of one, the plural for more
  («Назначить наставником» / «Назначить наставниками»).
"""

from __future__ import annotations

from collections.abc import Sequence, Sized

__all__ = ["by_count", "close_apposition", "has_apposition", "join_appositions"]


def has_apposition(phrase: str) -> bool:
    """True when ``phrase`` ends with an apposition: a comma outside quotes and brackets
    («Гарипову Алсу Ринатовну, педагога-психолога»)."""
    depth = 0
    for ch in phrase:
        if ch in "«„(":
            depth += 1
        elif ch in "»“)" and depth:
            depth -= 1
        elif ch == "," and depth == 0:
            return True
    return False


def close_apposition(phrase: str) -> str:
    """``phrase`` followed by the comma that closes its apposition when it has one (the
    sentence goes on after it); unchanged otherwise."""
    phrase = phrase.rstrip()
    return f"{phrase}," if has_apposition(phrase) and not phrase.endswith(",") else phrase


def join_appositions(parts: Sequence[str], sep: str = "; ") -> str:
    """«A, a; B, b, и C, c»: the parts joined by ``sep``, the last by «и», with the comma
    that closes an apposition before «и» (empty parts left out)."""
    items = [p.strip() for p in parts if p and p.strip()]
    if len(items) <= 1:
        return "".join(items)
    return f"{sep.join(items[:-1][:-1] + [close_apposition(items[-2])])} и {items[-1]}"


def by_count(items: int | Sized, singular: str, plural: str) -> str:
    """``singular`` for one item (a number or a sized collection), ``plural`` otherwise."""
    count = items if isinstance(items, int) else len(items)
    return singular if count == 1 else plural
