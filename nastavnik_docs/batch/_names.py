"""File names of a batch: from a pattern (``{last_name}_{initials}``), safe on every file
system and unique ignoring case (``Иванова_М.П._2.docx``), and whom a record is for."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from ..errors import InputError, Problem

__all__ = ["MAX_STEM", "NamePlanner", "name_fields", "plan_names", "safe_file_stem", "short_name", "unique_names"]

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
#: Characters of a file stem; 120 Cyrillic letters are 240 bytes, within every file system.
MAX_STEM = 120


def safe_file_stem(text: str) -> str:
    """A file name stem valid on Windows, macOS and Linux.

    Replaces ``<>:"/\\|?*`` and control characters with «_», turns runs of white space
    (tabs, no-break spaces) into one space, drops leading and trailing dots and spaces (a
    leading dot would hide the file on macOS and Linux, «..» name the folder above), prefixes
    reserved device names (``CON``, ``LPT1``…) and shortens very long names.
    """
    text = " ".join(str(text).split())  # tabs, line breaks, no-break spaces → one space
    text = _FORBIDDEN.sub("_", text)[:MAX_STEM].strip(". ")
    if not text:
        return "документ"
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text


class NamePlanner:
    """File names one record at a time: from a pattern, safe, unique ignoring case.

    Linear in the number of names however often a stem repeats: each stem remembers the
    next number to try, so the seventh thousand «Иванова_М.П.» does not count up from 2.
    ``known`` are the fields a record may have (a kind's input fields): a pattern field
    outside them is an error at once, a known one a record lacks gives its number.
    """

    def __init__(self, pattern: str, suffix: str, known: frozenset[str] | None = None):
        self.pattern = pattern
        self.suffix = suffix
        self.known = known | _PERSON_FIELDS | {"index"} if known is not None else None
        self.wanted = _pattern_fields(pattern)
        self._used: set[str] = set()
        self._next: dict[str, int] = {}

    def stem(self, record: Mapping[str, Any], index: int) -> str | None:
        """The safe stem for the record at ``index`` (from 1); None when it lacks a field."""
        try:
            stem = self.pattern.format_map(name_fields(record, index, self.wanted))
        except KeyError as exc:
            if self.known is not None and exc.args[0] not in self.known:
                raise self.unknown(exc.args[0], record, index) from None
            return None
        except (ValueError, IndexError) as exc:
            raise InputError(Problem(f"неверный шаблон имени файла «{self.pattern}»: {exc}",
                                     field="name", code="name.pattern")) from None
        return safe_file_stem(stem)

    def unknown(self, key: str, record: Mapping[str, Any], index: int) -> InputError:
        known = ", ".join(sorted(name_fields(record, index)))
        return InputError(Problem(f"в шаблоне имени файла «{self.pattern}» неизвестное поле «{key}»; "
                                  f"доступны: {known}", field="name", code="name.pattern"))

    def unique(self, stem: str) -> str:
        """The file name of ``stem`` not yet given (ignoring case, as on Windows)."""
        key = stem.casefold()
        n = self._next.get(key, 1)
        candidate = stem if n == 1 else f"{stem}_{n}"
        while f"{candidate}{self.suffix}".casefold() in self._used:
            n += 1
            candidate = f"{stem}_{n}"
        if n > 1:  # a stem given once needs no entry (most of them: memory stays flat in batch size)
            self._next[key] = n + 1
        name = f"{candidate}{self.suffix}"
        self._used.add(name.casefold())
        return name

    def name(self, record: Mapping[str, Any], index: int) -> str:
        """The file name of the record at ``index`` (from 1)."""
        stem = self.stem(record, index)
        return self.unique(stem if stem is not None else f"{index:05d}")


def unique_names(stems: Iterable[str], suffix: str) -> list[str]:
    """File names from stems, unique ignoring case (as on Windows): «Иванова_М.П._2.docx»."""
    planner = NamePlanner("", suffix)
    return [planner.unique(stem) for stem in stems]


#: Values that are never a person; skipped by type before the (slower) abstract-class checks.
_SCALARS = frozenset({str, int, float, bool, type(None), date, datetime})


def _value(obj: Any, name: str) -> Any:
    if type(obj) is dict:  # records read from a registry: the common case, without the ABC check
        return obj.get(name)
    if isinstance(obj, BaseModel):  # a field, a property or an extra, without a raised AttributeError
        cls = type(obj)
        if name in cls.model_fields or hasattr(cls, name):
            return getattr(obj, name)
        return (obj.model_extra or {}).get(name)
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _person_of(record: Mapping[str, Any]) -> Any:
    """The first person in a record: itself, or a nested mapping/model with a last name."""
    if _value(record, "last_name"):
        return record
    for value in record.values():
        if type(value) in _SCALARS:
            continue
        if isinstance(value, (Mapping, BaseModel)) and _value(value, "last_name"):
            return value
    return None


def _initials(person: Any) -> str:
    parts = [_value(person, "first_name"), _value(person, "middle_name")]
    return "".join(f"{str(p).strip()[0].upper()}." for p in parts if p and str(p).strip())


def short_name(record: Mapping[str, Any]) -> str:
    """Whom a record is for, «Иванова М.П.», or "" when it names nobody."""
    person = _person_of(record)
    if person is None:
        return ""
    return f"{_value(person, 'last_name') or ''} {_initials(person)}".strip()


_PERSON_FIELDS = frozenset({"last_name", "first_name", "middle_name", "initials", "short_name",
                            "full_name"})


def name_fields(record: Mapping[str, Any], index: int,
                wanted: frozenset[str] | None = None) -> dict[str, Any]:
    """What a file name pattern may use: ``index`` (from 1), the record's own simple
    values, and its person's ``last_name``, ``first_name``, ``middle_name``, ``initials``,
    ``short_name`` («Иванова М.П.») and ``full_name``. With ``wanted`` (the names a
    pattern uses), only what it needs is looked up."""
    fields: dict[str, Any] = {"index": index}
    if wanted is None or wanted - _PERSON_FIELDS - {"index"}:
        for key, value in record.items():
            if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
                fields[key] = value
    person = _person_of(record) if wanted is None or wanted & _PERSON_FIELDS else None
    if person is not None:
        for key in ("last_name", "first_name", "middle_name"):
            fields[key] = str(_value(person, key) or "").strip()
        fields["initials"] = _initials(person)
        fields["short_name"] = f"{fields['last_name']} {fields['initials']}".strip()
        fields["full_name"] = " ".join(
            p for p in (fields["last_name"], fields["first_name"], fields["middle_name"]) if p)
    return fields


def _pattern_fields(pattern: str) -> frozenset[str] | None:
    """Top-level names a ``str.format`` pattern uses (None when it cannot be parsed)."""
    try:
        return frozenset(re.split(r"[.\[]", name, maxsplit=1)[0]
                         for _, name, _, _ in string.Formatter().parse(pattern) if name)
    except ValueError:
        return None


def plan_names(records: Sequence[Mapping[str, Any]], pattern: str, suffix: str) -> list[str]:
    """One safe, unique file name per record from ``pattern``; a record lacking a field
    the others have gets its number («00007.docx»), a field no record has is an error."""
    planner = NamePlanner(pattern, suffix)
    stems = []
    for i, record in enumerate(records, start=1):
        stem = planner.stem(record, i)
        if stem is None:
            fields = planner.wanted or frozenset()
            for key in fields:
                if not any(key in name_fields(r, j) for j, r in enumerate(records, start=1)):
                    raise planner.unknown(key, record, i)
            stem = f"{i:05d}"
        stems.append(stem)
    return [planner.unique(stem) for stem in stems]
