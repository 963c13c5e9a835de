"""The records of a batch: io reads them, the document kind chooses them from a registry,
and a filter keeps the ones wanted."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import InputError, Problem
from ..kinds import Kind, get_kind
from ..models import AliasedEnum, Registry, normalize_word

__all__ = ["Where", "records_from_source", "select_records"]

PathLike = str | os.PathLike[str]
#: A filter: field → the value (or any of the values) a record must have there.
Where = Mapping[str, str | Sequence[str]]
#: What records may come from: a file, a registry, or the records themselves.
Source = PathLike | Registry | Iterable[Mapping[str, Any] | BaseModel]


def records_from_source(kind: str | Kind, source: Source, common: PathLike | Mapping[str, Any] | None = None,
                        *, where: Where | None = None) -> list[dict[str, Any]]:
    """One input dict per document from ``source``.

    ``source`` is a registry — a file (.xlsx, or a YAML/JSON with ``participants``) or a
    :class:`~nastavnik_docs.models.Registry` object — turned into records by the kind's
    ``batch.records`` (e.g. every mentor and mentee of the completed pairs); a YAML/JSON
    list of records (or a mapping with a ``records`` list); a CSV table whose rows are
    records (columns like ``last_name`` or ``recipient.last_name``; UTF-8 or
    Windows-1251, «;», «,» or tabs, as Excel saves it); or an iterable of dicts or input
    models. ``common`` (a YAML path or a dict) is merged into every record; a record's own
    values win. Files it names (``organization: ../organization.yaml``) are loaded once,
    relative to the file that names them. ``where`` keeps the records that match (see
    :func:`select_records`).
    """
    # io brings the format libraries: imported here, so that the worker processes, which
    # import this package, stay light
    from ..io import RecordReader, merge_fields

    kind = get_kind(kind)
    reader = RecordReader(kind.input_model)
    shared = reader.common(common)
    if isinstance(source, Registry):
        records = _from_registry(kind, source, shared, None)
    elif isinstance(source, (str, os.PathLike)):
        file = reader.open(source)
        if file.rows is None:
            from ..io import load_registry

            records = _from_registry(kind, load_registry(file.path), shared, file.path)
        else:
            records = [merge_fields(shared, r) for r in reader.records(file.rows, file.folder)]
    else:
        records = [merge_fields(shared, r) for r in reader.records(source)]
    return select_records(records, where) if where else records


def _from_registry(kind: Kind, registry: Registry, shared: dict[str, Any],
                   path: Path | None) -> list[dict[str, Any]]:
    if kind.batch is None or kind.batch.records is None:
        raise InputError(Problem(
            f"«{kind.title}» не выпускается пакетом из базы участников; "
            f"дайте список записей (YAML, JSON или CSV)", file=str(path) if path else None,
            code="records.invalid"))
    from ..io import merge_fields

    return [merge_fields(shared, r) for r in kind.batch.records(registry, shared)]


def select_records(records: Iterable[Mapping[str, Any]], where: Where) -> list[dict[str, Any]]:
    """The records whose every field in ``where`` has the value given (or one of the values
    in a list). A field is a key of the record or a dotted path (``recipient.category``);
    a key the record lacks is looked up in its nested person (``category`` finds
    ``recipient.category``). Values compare the way the loader reads them: case, «ё» and
    spaces aside, an enumeration in any of its spellings (``"педагог"`` matches
    ``teacher``), a date as ``ДД.ММ.ГГГГ`` or ``ГГГГ-ММ-ДД``."""
    wanted = {field: _keys_of_all([value] if isinstance(value, str) else list(value))
              for field, value in where.items()}
    return [dict(r) for r in records
            if all(_keys(_lookup(r, field)) & keys for field, keys in wanted.items())]


def _lookup(record: Any, field: str) -> Any:
    head, _, rest = field.partition(".")
    value = _get(record, head)
    if value is None and not rest and isinstance(record, Mapping):
        nested = [_get(v, head) for v in record.values() if isinstance(v, (Mapping, BaseModel))]
        value = next((v for v in nested if v is not None), None)
    return _lookup(value, rest) if rest and value is not None else value


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None) if isinstance(obj, BaseModel) else None


def _keys_of_all(values: list[Any]) -> set[str]:
    return set().union(*(_keys(v) for v in values)) if values else set()


def _keys(value: Any) -> set[str]:
    """Every form ``value`` is known by: its normalised text, the canonical value of each
    enumeration that accepts it, both spellings of a date."""
    if value is None:
        return set()
    if isinstance(value, (list, tuple, set, frozenset)):
        return _keys_of_all(list(value))
    if isinstance(value, Enum):
        return {normalize_word(str(value.value))}
    if isinstance(value, dt.date):
        return {value.isoformat(), f"{value:%d.%m.%Y}"}
    text = normalize_word(str(value))
    keys = {text}
    for enum in _aliased_enums():
        try:
            keys.add(str(enum(text).value))
        except ValueError:
            pass
    return keys


def _aliased_enums() -> list[type[AliasedEnum]]:
    found: list[type[AliasedEnum]] = []
    stack = list(AliasedEnum.__subclasses__())
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found
