"""Personal data kept out of messages and reports.

A message identifies a record by its file, sheet, row and the person's surname with
initials («Иванова М.П.»), never by a phone, an e-mail, an address, a birth date or an
identity document. :data:`PERSONAL_KEYS` names the fields that hold such data (at any
depth: ``recipient.phone``, ``representative.email``, everything under ``document``);
:func:`personal_values` collects their values from a record, and :func:`scrub` removes
them from a text — a message that quotes the value it rejects (a phone in a wrong
format) keeps its sense and loses the value. The redacted mode (``--redact``) removes
*every* value of the record (:func:`record_values`), names included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

__all__ = ["HIDDEN", "PERSONAL_KEYS", "is_personal", "personal_values", "record_values", "scrub"]

#: Fields whose values are never shown; a field under one of them is personal too.
PERSONAL_KEYS = frozenset({"phone", "email", "address", "birth_date", "document", "passport", "snils"})
#: What a removed value is replaced with.
HIDDEN = "…"
#: Shorter values are not removed from texts (they would cut words apart).
MIN_SCRUBBED = 3


def is_personal(path: str | Sequence[str | int] | None) -> bool:
    """Whether a field path («recipient.phone», «participants → 2 → email», a tuple of
    segments) leads to or through a personal field."""
    if not path:
        return False
    parts: Iterable[Any] = path.replace(" → ", ".").split(".") if isinstance(path, str) else path
    return any(str(part) in PERSONAL_KEYS for part in parts)


def _forms(value: Any) -> list[str]:
    """The ways a value may appear in a message."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return [value.isoformat(), f"{value:%d.%m.%Y}"]
    text = str(value).strip()
    return [text] if len(text) >= MIN_SCRUBBED else []


def _leaves(data: Any, inside: bool, personal_only: bool) -> Iterable[str]:
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from _leaves(value, inside or str(key) in PERSONAL_KEYS, personal_only)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from _leaves(item, inside, personal_only)
    elif hasattr(data, "model_dump") and callable(data.model_dump):
        yield from _leaves(data.model_dump(), inside, personal_only)
    elif inside or not personal_only:
        yield from _forms(data)


def personal_values(record: Any) -> list[str]:
    """The values of the personal fields of ``record`` (a mapping, a list, a model), as
    they may appear in a message."""
    return list(dict.fromkeys(_leaves(record, False, True)))


def record_values(record: Any) -> list[str]:
    """Every value of ``record``, for the redacted mode."""
    return list(dict.fromkeys(_leaves(record, False, False)))


def scrub(text: str, values: Iterable[str]) -> str:
    """``text`` with each of ``values`` replaced by :data:`HIDDEN` (longest first)."""
    for value in sorted(set(values), key=len, reverse=True):
        if len(value) >= MIN_SCRUBBED and value in text:
            text = text.replace(value, HIDDEN)
    return text
