"""The records of a batch: io reads them, the document kind chooses them from a registry."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..kinds import Kind, get_kind
from ..models import Registry

__all__ = ["records_from_source"]

PathLike = str | os.PathLike[str]


def records_from_source(kind: str | Kind, source: PathLike | Registry | Iterable[Mapping[str, Any]],
                        common: PathLike | Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """One input dict per document from ``source``.

    ``source`` is a registry (.xlsx, or a YAML/JSON with ``participants``, or a loaded
    :class:`~nastavnik_docs.models.Registry`), turned into records by the kind's
    ``batch.records`` (e.g. every mentor and mentee of the completed
    pairs); a YAML/JSON list of records (or a mapping with a ``records`` list); a CSV table
    whose rows are records (columns like ``last_name`` or ``recipient.last_name``; UTF-8 or
    Windows-1251, «;», «,» or tabs, as Excel saves it); or an iterable of dicts or input
    models. ``common``
    (a YAML path or a dict) is merged into every record; a record's own values win. Files it
    names (``organization: ../organization.yaml``) are loaded once, relative to the file
    that names them.
    """
    # io brings the format libraries: imported here, so that the worker processes, which
    # import this package, stay light
    from ..io import RecordReader, merge_fields

    kind = get_kind(kind)
    reader = RecordReader(kind.input_model)
    shared = reader.common(common)
    if isinstance(source, Registry):
        return _from_registry(kind, source, shared)
    if isinstance(source, (str, os.PathLike)):
        file = reader.open(source)
        if file.rows is None:
            return _from_registry(kind, file.path, shared)
        records = reader.records(file.rows, file.folder)
    else:
        records = reader.records(source)
    return [merge_fields(shared, record) for record in records]


def _from_registry(kind: Kind, source: Path | Registry, shared: dict[str, Any]) -> list[dict[str, Any]]:
    path = source if isinstance(source, Path) else None
    if kind.batch is None or kind.batch.records is None:
        raise InputError(Problem(
            f"«{kind.title}» не выпускается пакетом из базы участников; "
            f"дайте список записей (YAML, JSON или CSV)", file=str(path) if path else None,
            code="records.invalid"))
    from ..io import load_registry, merge_fields

    registry = load_registry(source) if isinstance(source, Path) else source
    return [merge_fields(shared, r) for r in kind.batch.records(registry, shared)]
