"""File names of a batch: from a pattern (``{last_name}_{initials}``), safe on every file
system and unique ignoring case (``Иванова_М.П._2.docx``), and whom a record is for."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from ..errors import InputError, Problem

__all__ = ["MAX_STEM", "name_fields", "plan_names", "safe_file_stem", "short_name", "unique_names"]

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
#: Characters of a file stem; 120 Cyrillic letters are 240 bytes, within every file system.
MAX_STEM = 120


def safe_file_stem(text: str) -> str:
    """A file name stem valid on Windows, macOS and Linux.

    Replaces ``<>:"/\\|?*`` and control characters with «_», turns runs of white space
    (tabs, no-break spaces) into one space, drops trailing dots and spaces, prefixes reserved device names (``CON``,
    ``LPT1``…) and shortens very long names.
    """
    text = " ".join(str(text).split())  # tabs, line breaks, no-break spaces → one space
    text = _FORBIDDEN.sub("_", text)[:MAX_STEM].rstrip(". ").lstrip(" ")
    if not text:
        return "документ"
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text


def unique_names(stems: Iterable[str], suffix: str) -> list[str]:
    """File names from stems, unique ignoring case (as on Windows): «Иванова_М.П._2.docx»."""
    used: set[str] = set()
    out: list[str] = []
    for stem in stems:
        candidate, n = stem, 1
        while f"{candidate}{suffix}".casefold() in used:
            n += 1
            candidate = f"{stem}_{n}"
        used.add(f"{candidate}{suffix}".casefold())
        out.append(f"{candidate}{suffix}")
    return out


def _value(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _person_of(record: Mapping[str, Any]) -> Any:
    """The first person in a record: itself, or a nested mapping/model with a last name."""
    if _value(record, "last_name"):
        return record
    for value in record.values():
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


def plan_names(records: list[Mapping[str, Any]], pattern: str, suffix: str) -> list[str]:
    """One safe, unique file name per record from ``pattern``; a record lacking a field
    the others have gets its number («00007.docx»), a field no record has is an error."""
    stems = []
    wanted = _pattern_fields(pattern)
    for i, record in enumerate(records, start=1):
        fields = name_fields(record, i, wanted)
        try:
            stem = pattern.format_map(fields)
        except KeyError as exc:
            key = exc.args[0]
            if not any(key in name_fields(r, j) for j, r in enumerate(records, start=1)):
                known = ", ".join(sorted(name_fields(record, i)))
                raise InputError(Problem(
                    f"в шаблоне имени файла «{pattern}» неизвестное поле «{key}»; "
                    f"доступны: {known}", field="name", code="name.pattern")) from None
            stem = f"{i:05d}"
        except (ValueError, IndexError) as exc:
            raise InputError(Problem(f"неверный шаблон имени файла «{pattern}»: {exc}",
                                     field="name", code="name.pattern")) from None
        stems.append(safe_file_stem(stem))
    return unique_names(stems, suffix)
