"""File names of a batch: from a pattern (``{last_name}_{initials}``), safe on every file
system and unique ignoring case (``Иванова_М.П._2.docx``), and whom a record is for.

Memory stays flat in the size of a batch: the planner remembers the names it gave as
64-bit hashes in one flat table (:class:`_Taken`), not as strings, and :class:`NameList`
keeps a batch's names compressed in blocks.
"""

from __future__ import annotations

import re
import string
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, overload

from pydantic import BaseModel

from ..errors import InputError, Problem

__all__ = ["MAX_STEM", "NameList", "NamePlanner", "name_fields", "plan_names", "safe_file_stem", "short_name",
           "unique_names"]

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
    head = text.partition(".")[0].strip()
    if len(head) <= 4 and head.upper() in _RESERVED:  # upper() never shortens: a longer head is no device
        text = "_" + text
    return text


class _Taken:
    """The names a planner gave, as 64-bit hashes of their case-folded stems in one flat
    open-addressing table (12 bytes a slot instead of a string and a set entry), with the
    next number to try for each stem that repeated (``counts``; 0 for the others).

    Two different names with equal hashes (a chance of about 10⁻⁹ in a batch of a million)
    would only make the later one «…_2»: two files never get the same name.
    """

    __slots__ = ("_mask", "_size", "counts", "hashes")

    def __init__(self) -> None:
        self._empty(64)

    def _empty(self, slots: int) -> None:
        self.hashes = array("q", bytes(8 * slots))
        self.counts = array("I", bytes(4 * slots))
        self._mask = slots - 1
        self._size = 0

    def slot(self, key: int) -> int:
        """Where ``key`` (a hash, never 0) is, or the free slot where it would go."""
        hashes, mask = self.hashes, self._mask
        i = key & mask
        while True:
            found = hashes[i]
            if found == key or not found:
                return i
            i = (i + 1) & mask

    def put(self, i: int, key: int) -> None:
        """Store ``key`` in the free slot ``i`` (from :meth:`slot`)."""
        self.hashes[i] = key
        self._size += 1
        if 3 * self._size > 2 * self._mask:  # at most two thirds full: short probes
            hashes, counts = self.hashes, self.counts
            self._empty(2 * len(hashes))
            for key, count in zip(hashes, counts, strict=True):
                if key:
                    j = self.slot(key)
                    self.hashes[j], self.counts[j] = key, count
                    self._size += 1

    def add(self, key: int) -> bool:
        """Store ``key``; False when it was there already."""
        i = self.slot(key)
        if self.hashes[i]:
            return False
        self.put(i, key)
        return True


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
        self.wanted = wanted = _pattern_fields(pattern)
        # what the pattern needs of a record: its own values, its person, the person's two joined names
        self._own = wanted is None or not wanted <= _PERSON_OR_INDEX
        self._person = wanted is None or not wanted.isdisjoint(_PERSON_FIELDS)
        self._joined = wanted is None or not wanted.isdisjoint(_JOINED)
        self._taken = _Taken()

    def stem(self, record: Mapping[str, Any], index: int) -> str | None:
        """The safe stem for the record at ``index`` (from 1); None when it lacks a field."""
        try:
            stem = self.pattern.format_map(self.fields(record, index))
        except KeyError as exc:
            if self.known is not None and exc.args[0] not in self.known:
                raise self.unknown(exc.args[0], record, index) from None
            return None
        except (ValueError, IndexError) as exc:
            raise InputError(Problem(f"неверный шаблон имени файла «{self.pattern}»: {exc}",
                                     field="name", code="name.pattern")) from None
        return safe_file_stem(stem)

    def fields(self, record: Mapping[str, Any], index: int) -> dict[str, Any]:
        """:func:`name_fields` of the record, with only what the pattern uses."""
        fields: dict[str, Any] = {"index": index}
        if self._own:
            _own_fields(fields, record)
        if self._person:
            person = _person_of(record)
            if person is not None:
                _person_fields(fields, person, self._joined)
        return fields

    def unknown(self, key: str, record: Mapping[str, Any], index: int) -> InputError:
        known = ", ".join(sorted(name_fields(record, index)))
        return InputError(Problem(f"в шаблоне имени файла «{self.pattern}» неизвестное поле «{key}»; "
                                  f"доступны: {known}", field="name", code="name.pattern"))

    def unique(self, stem: str) -> str:
        """The file name of ``stem`` not yet given (ignoring case, as on Windows)."""
        key = stem.casefold()  # the suffix is the same for every name: only stems are compared
        taken = self._taken
        code = hash(key) or 1  # 0 marks a free slot
        i = taken.slot(code)
        if not taken.hashes[i]:  # a stem not seen before: most of them
            taken.put(i, code)
            return stem + self.suffix
        n = taken.counts[i] or 2
        while not taken.add(hash(f"{key}_{n}") or 1):
            n += 1
        taken.counts[taken.slot(code)] = n + 1
        return f"{stem}_{n}{self.suffix}"

    def name(self, record: Mapping[str, Any], index: int) -> str:
        """The file name of the record at ``index`` (from 1)."""
        stem = self.stem(record, index)
        return self.unique(stem if stem is not None else f"{index:05d}")


def unique_names(stems: Iterable[str], suffix: str) -> list[str]:
    """File names from stems, unique ignoring case (as on Windows): «Иванова_М.П._2.docx»."""
    planner = NamePlanner("", suffix)
    return [planner.unique(stem) for stem in stems]


class NameList(Sequence[str]):
    """File names kept compactly: every 256 are joined and compressed (zlib), so that a
    name costs some 15 bytes instead of a string's 130; read in order, each block is
    decompressed once. Names are appended (:meth:`append`) and never changed."""

    _BLOCK = 256
    _SEP = "\0"  # in no file name

    def __init__(self, names: Iterable[str] = ()):
        self._packed: list[bytes] = []
        self._tail: list[str] = []
        self._open: tuple[int, list[str]] = (-1, [])
        for name in names:
            self.append(name)

    def append(self, name: str) -> None:
        if self._SEP in name:
            raise ValueError(f"an impossible file name: {name!r}")
        tail = self._tail
        tail.append(name)
        if len(tail) == self._BLOCK:
            self._packed.append(zlib.compress(self._SEP.join(tail).encode(), 1))
            self._tail = []

    def __len__(self) -> int:
        return len(self._packed) * self._BLOCK + len(self._tail)

    def _block(self, number: int) -> list[str]:
        if number == len(self._packed):
            return self._tail
        if self._open[0] != number:
            self._open = (number, self._unpack(self._packed[number]))
        return self._open[1]

    def _unpack(self, data: bytes) -> list[str]:
        return zlib.decompress(data).decode().split(self._SEP)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        size = len(self)
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(size))]
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("NameList index out of range")
        block, at = divmod(index, self._BLOCK)
        return self._block(block)[at]

    def __iter__(self) -> Iterator[str]:
        for data in self._packed:
            yield from self._unpack(data)
        yield from self._tail

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"NameList({len(self)} имён)"


#: Values that are never a person; skipped by type before the (slower) abstract-class checks.
_SCALARS: frozenset[type] = frozenset({str, int, float, bool, type(None), date, datetime})
#: Those and the model classes that cannot hold a last name (no such field or property, no extras)
_NO_PERSON: set[type] = set(_SCALARS)
#: (model class, name) -> whether the class has that field or property
_MODEL_HAS: dict[tuple[type, str], bool] = {}


def _value(obj: Any, name: str) -> Any:
    if type(obj) is dict:  # records read from a registry: the common case, without the ABC check
        return obj.get(name)
    if isinstance(obj, BaseModel):  # a field, a property or an extra, without a raised AttributeError
        cls = type(obj)
        has = _MODEL_HAS.get((cls, name))
        if has is None:
            if len(_MODEL_HAS) > 1024:  # classes made on the fly: stay bounded
                _MODEL_HAS.clear()
                _NO_PERSON.intersection_update(_SCALARS)
            has = _MODEL_HAS[cls, name] = name in cls.model_fields or hasattr(cls, name)
            if name == "last_name" and not has and cls.model_config.get("extra") != "allow":
                _NO_PERSON.add(cls)
        if has:
            return getattr(obj, name)
        return (obj.model_extra or {}).get(name)
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _person_of(record: Mapping[str, Any]) -> Any:
    """The first person in a record: itself, or a nested mapping/model with a last name."""
    if record.get("last_name") if type(record) is dict else _value(record, "last_name"):
        return record
    for value in record.values():
        kind = type(value)
        if kind is dict:
            if value.get("last_name"):
                return value
        elif kind not in _NO_PERSON and isinstance(value, (Mapping, BaseModel)) and _value(value, "last_name"):
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
_PERSON_OR_INDEX = _PERSON_FIELDS | {"index"}
_JOINED = frozenset({"short_name", "full_name"})


def _own_fields(fields: dict[str, Any], record: Mapping[str, Any]) -> None:
    for key, value in record.items():
        if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
            fields[key] = value


def _person_fields(fields: dict[str, Any], person: Any, joined: bool = True) -> None:
    """The person's names, stripped, and their initials; with ``joined`` also ``short_name``
    and ``full_name``."""
    if type(person) is dict:
        get = person.get
        last, first, middle = get("last_name"), get("first_name"), get("middle_name")
    else:
        last, first, middle = (_value(person, key) for key in ("last_name", "first_name", "middle_name"))
    fields["last_name"] = last = str(last).strip() if last else ""
    fields["first_name"] = first = str(first).strip() if first else ""
    fields["middle_name"] = middle = str(middle).strip() if middle else ""
    fields["initials"] = initials = ((f"{first[0].upper()}." if first else "")
                                     + (f"{middle[0].upper()}." if middle else ""))
    if joined:
        fields["short_name"] = f"{last} {initials}".strip()
        fields["full_name"] = " ".join(p for p in (last, first, middle) if p)


def name_fields(record: Mapping[str, Any], index: int,
                wanted: frozenset[str] | None = None) -> dict[str, Any]:
    """What a file name pattern may use: ``index`` (from 1), the record's own simple
    values, and its person's ``last_name``, ``first_name``, ``middle_name``, ``initials``,
    ``short_name`` («Иванова М.П.») and ``full_name``. With ``wanted`` (the names a
    pattern uses), only what it needs is looked up."""
    fields: dict[str, Any] = {"index": index}
    if wanted is None or not wanted <= _PERSON_OR_INDEX:
        _own_fields(fields, record)
    if wanted is None or not wanted.isdisjoint(_PERSON_FIELDS):
        person = _person_of(record)
        if person is not None:
            _person_fields(fields, person)
    return fields


def _pattern_fields(pattern: str) -> frozenset[str] | None:
    """Top-level names a ``str.format`` pattern uses (None when it cannot be parsed)."""
    try:
        return frozenset(re.split(r"[.\[]", name, maxsplit=1)[0]
                         for _, name, _, _ in string.Formatter().parse(pattern) if name)
    except ValueError:
        return None


def plan_names(records: Sequence[Mapping[str, Any]], pattern: str, suffix: str) -> NameList:
    """One safe, unique file name per record from ``pattern``; a record lacking a field
    the others have gets its number («00007.docx»), a field no record has is an error."""
    planner = NamePlanner(pattern, suffix)
    names = NameList()
    checked = False
    for i, record in enumerate(records, start=1):
        stem = planner.stem(record, i)
        if stem is None:
            if not checked:  # the records do not change: whether some record has each field is asked once
                for key in planner.wanted or frozenset():
                    if not any(key in name_fields(r, j) for j, r in enumerate(records, start=1)):
                        raise planner.unknown(key, record, i)
                checked = True
            stem = f"{i:05d}"
        names.append(planner.unique(stem))
    return names
