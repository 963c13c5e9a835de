"""The records of a batch: io reads them, the document kind chooses them from a registry."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..kinds import Kind, get_kind
from ..models import Registry
from ._filters import EmptySelection, Filter, filter_records, filter_registry, parse_filters

__all__ = ["records_from_source"]

PathLike = str | os.PathLike[str]


def records_from_source(kind: str | Kind, source: PathLike | Registry | Iterable[Mapping[str, Any]],
                        common: PathLike | Mapping[str, Any] | None = None, *,
                        filters: Sequence[str | Filter] = ()) -> list[dict[str, Any]]:
    """One input dict per document from ``source``.

    ``source`` is a registry (.xlsx, or a YAML/JSON with ``participants``, or a loaded
    :class:`~nastavnik_docs.models.Registry`), turned into
    records by the kind's ``batch.records`` (e.g. every mentor and mentee of the completed
    pairs); a YAML/JSON list of records (or a mapping with a ``records`` list); a CSV table
    whose rows are records (columns like ``last_name`` or ``recipient.last_name``; UTF-8 or
    Windows-1251, «;», «,» or tabs, as Excel saves it); or an iterable of dicts or input
    models. ``common``
    (a YAML path or a dict) is merged into every record; a record's own values win. Files it
    names (``organization: ../organization.yaml``) are loaded once, relative to the file
    that names them. ``filters`` (``["роль=наставник", "статус=завершена"]``, see
    :mod:`._filters`) choose whom the batch is for. When no record is left,
    :class:`EmptySelection` says why.
    """
    # io brings the format libraries: imported here, so that the worker processes, which
    # import this package, stay light
    from ..io import RecordReader, merge_fields

    kind = get_kind(kind)
    chosen = parse_filters(filters)
    reader = RecordReader(kind.input_model)
    shared = reader.common(common)
    if isinstance(source, Registry):
        return _from_registry(kind, source, shared, chosen)
    if isinstance(source, (str, os.PathLike)):
        file = reader.open(source)
        if file.rows is None:
            return _from_registry(kind, file.path, shared, chosen)
        records = reader.records(file.rows, file.folder)
    else:
        records = reader.records(source)
    if not records:
        raise EmptySelection(Problem("в источнике нет ни одной записи", file=str(source)
                                     if isinstance(source, (str, os.PathLike)) else None))
    if chosen:
        records = filter_records(records, chosen)
    return [merge_fields(shared, record) for record in records]


def _from_registry(kind: Kind, source: Path | Registry, shared: dict[str, Any],
                   filters: list[Filter]) -> list[dict[str, Any]]:
    path = source if isinstance(source, Path) else None
    if kind.batch is None or kind.batch.records is None:
        raise InputError(Problem(
            f"«{kind.title}» не выпускается пакетом из базы участников; "
            f"дайте список записей (YAML, JSON или CSV)", file=str(path) if path else None,
            code="records.invalid"))
    from ..io import load_registry, merge_fields

    registry = load_registry(source) if isinstance(source, Path) else source
    if not registry.participants:
        raise EmptySelection(Problem("в базе нет ни одного участника", file=str(path) if path else None))
    if filters:
        registry = filter_registry(registry, filters)
    records = kind.batch.records(registry, shared)
    by_role = [f for f in filters if f.field == "role"]
    if by_role and records and all(_recipient_role(r) is not None for r in records):
        # the registry's filter keeps whoever has the role in any pair; a document made out
        # to someone in another role (a mentee of one pair who mentors in another) is left out
        records = filter_records(records, by_role)
    if not records:
        statuses = Counter(p.status.label for p in registry.pairs)
        pairs = ", ".join(f"«{s}» — {n}" for s, n in statuses.most_common()) or "пар нет"
        chosen = f" после фильтров ({', '.join(map(str, filters))})" if filters else ""
        raise EmptySelection(Problem(
            f"для «{kind.title}» из базы{chosen} не выбрано ни одной записи: "
            f"участников {len(registry.participants)}, пар {len(registry.pairs)} ({pairs}); "
            f"этот документ выдаётся не всем участникам (например, только участникам завершённых пар)",
            file=str(path) if path else None))
    return [merge_fields(shared, r) for r in records]


def _recipient_role(record: Mapping[str, Any]) -> Any:
    recipient = record.get("recipient")
    if isinstance(recipient, Mapping):
        return recipient.get("role")
    return getattr(recipient, "role", None)
