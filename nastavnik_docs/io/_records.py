"""Records of a batch: one input dict per document, read from a file or given as objects.

A records file is a registry (.xlsx, or a YAML/JSON with ``participants``), from which the
batch lets the document kind choose its records; a YAML/JSON list of records (or a mapping
with a ``records`` list); or a CSV table whose rows are records. A record may be flat (a
plain list of people: ``last_name`` goes into the one model field that has it) or use dotted
columns (``recipient.last_name``). Files a record or the shared fields name
(``organization: ../organization.yaml``) are loaded once per batch, relative to the file
that names them. Validation of each record is left to the batch: a bad record must not
stop the others.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel

from ..errors import InputError, Problem
from ._csv import read_csv_records
from ._input import TABLE_SUFFIXES, resolve_links
from ._yaml import JSON_SUFFIXES, YAML_SUFFIXES, load_yaml

__all__ = ["RecordReader", "RecordsFile", "merge_fields"]

PathLike = str | os.PathLike[str]


def merge_fields(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """``top`` over ``base``; nested mappings are merged, everything else replaced."""
    out = dict(base)
    for key, value in top.items():
        under = out.get(key)
        if under is not None and _is_mapping(value) and _is_mapping(under):
            out[key] = merge_fields(under, value)
        else:
            out[key] = value
    return out


#: Types that are never mappings: decided without the ABC check (a batch merges the shared
#: fields into every one of tens of thousands of records).
_SCALARS = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime, list, tuple})


def _is_mapping(value: Any) -> bool:
    kind = type(value)
    if kind is dict:
        return True
    return kind not in _SCALARS and isinstance(value, Mapping)  # the ABC check only for the rare others


def _model_types(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation admits (``Organization``, ``X | None`` …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for member in get_args(annotation):
        found.extend(_model_types(member))
    return found


def nest_flat(record: Mapping[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``recipient.last_name`` columns become nested; a flat ``last_name`` goes into the one
    model field that has it (the one required field, when optional ones have it too:
    ``recipient`` rather than ``signer``), so a plain list of people works as records."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if "." in key:
            head, _, rest = key.partition(".")
            out.setdefault(head, {})
            if isinstance(out[head], dict):
                out[head] = merge_fields(out[head], nest_flat({rest: value}, BaseModel))
            continue
        out[key] = value
    fields = model.model_fields
    homes: dict[str, list[str]] = {}
    for name, info in fields.items():
        for sub in _model_types(info.annotation):
            for sub_name in sub.model_fields:
                homes.setdefault(sub_name, []).append(name)
    for key in [k for k in out if k not in fields and k in homes]:
        candidates = homes[key]
        if len(candidates) > 1:  # «last_name» of the recipient, not of the optional signer
            candidates = [c for c in candidates if fields[c].is_required()]
        if len(candidates) == 1 and isinstance(out.get(candidates[0], {}), dict):
            out.setdefault(candidates[0], {})[key] = out.pop(key)
    return out


@dataclass(frozen=True)
class RecordsFile:
    """What a records file holds: the records themselves, or (``rows`` None) a registry,
    from which the document kind chooses its records."""

    path: Path
    rows: list[Any] | None

    @property
    def is_registry(self) -> bool:
        return self.rows is None

    @property
    def folder(self) -> Path:
        """Where the files its records name are looked for."""
        return self.path.resolve().parent


class RecordReader:
    """Reads records and shared fields for one input model; each file they name is loaded
    once for all of them."""

    def __init__(self, model: type[BaseModel]):
        self.model = model
        self._cache: dict[tuple[Path, type], Any] = {}

    def common(self, common: PathLike | Mapping[str, Any] | None) -> dict[str, Any]:
        """The fields every record shares: a YAML/JSON file (the files it names are relative
        to it) or a mapping (relative to the working folder)."""
        if common is None:
            return {}
        if isinstance(common, Mapping):
            return resolve_links(self.model, dict(common), Path.cwd(), cache=self._cache)
        path = Path(common)
        data = load_yaml(path)
        if not isinstance(data, Mapping):
            raise InputError(Problem("общие поля должны быть набором «имя: значение»", file=str(path),
                                     code="records.invalid"))
        return resolve_links(self.model, dict(data), path.resolve().parent, cache=self._cache)

    def open(self, source: PathLike) -> RecordsFile:
        """A records file: a registry (.xlsx/.xlsm, YAML/JSON with ``participants``), a
        YAML/JSON list of records (or a mapping with a ``records`` list), or a CSV table."""
        path = Path(source)
        if not path.is_file():
            raise InputError(Problem(f"файл с записями не найден: {path}", file=str(path), code="file.not_found"))
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            return RecordsFile(path, None)
        if suffix == ".csv":
            return RecordsFile(path, read_csv_records(path))
        if suffix not in YAML_SUFFIXES + JSON_SUFFIXES:
            raise InputError(Problem(
                f"записи читаются из .xlsx, .yaml, .json или .csv, а не «{suffix}»", file=str(path),
                code="file.type"))
        data = load_yaml(path)
        if isinstance(data, Mapping) and "participants" in data:
            return RecordsFile(path, None)
        if isinstance(data, Mapping) and isinstance(data.get("records"), list):
            data = data["records"]
        if not isinstance(data, list):
            raise InputError(Problem(
                "ожидается список записей (или база с участниками «participants»)", file=str(path),
                code="records.invalid"))
        return RecordsFile(path, data)

    def records(self, items: Iterable[Any], base: Path | None = None) -> list[dict[str, Any]]:
        """Input dicts from records (mappings or models): nested as the model expects, the
        files they name loaded relative to ``base`` (default: the working folder)."""
        out = []
        for i, item in enumerate(items, start=1):
            if isinstance(item, BaseModel):
                item = item.model_dump()
            if not isinstance(item, Mapping):
                raise InputError(Problem("запись должна быть набором «поле: значение»", row=i,
                                                 code="records.invalid"))
            out.append(resolve_links(self.model, nest_flat(item, self.model), base or Path.cwd(),
                                     cache=self._cache))
        return out
