"""Validating the records of a batch in bulk: what many records share is validated once.

The records of a batch repeat the same shared fields — the organisation with its head and
letterhead, the signer, the logo — as the very same objects (``records_from_source``
merges one ``common`` mapping into every record). pydantic would validate that
organisation again for each of ten thousand certificates. :class:`BulkValidator`
remembers, per field, the raw object it last saw and the validated value it became, and
hands that value to pydantic for the next record carrying the same object: a model
instance is accepted as it is (``revalidate_instances="never"``), so only what differs
between records — the recipient — is validated each time. A field that brings a new object
in every record (the recipient) stops being remembered after a few records: keeping it would
cost time for each record and never pay. Model validators still run for every record, and a
record pydantic rejects goes through :func:`nastavnik_docs.io.load_input`, which converts
Russian dates and linked files or explains every problem in Russian.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

__all__ = ["BulkValidator"]


class BulkValidator:
    """Validates records of one input model, reusing the values they share."""

    #: How many records in a row may bring a new object for a field before it is no
    #: longer remembered.
    FRESH_LIMIT = 8

    def __init__(self, model: type[BaseModel]):
        self.model = model
        # Only fields addressed by their own name: an alias would not read back by getattr.
        self._fields = frozenset(name for name, info in model.__pydantic_fields__.items()
                                 if info.alias is None or info.alias == name)
        #: field -> (the raw object last seen, its validated value); one entry per field
        self._shared: dict[str, tuple[Any, Any]] = {}
        #: field -> how many records in a row brought a new object for it
        self._fresh: dict[str, int] = {}
        #: fields that are new in every record: no longer remembered
        self._varying: set[str] = set()

    def __call__(self, record: Mapping[str, Any]) -> BaseModel:
        data: Mapping[str, Any] = record
        reused = False
        for name, (raw, value) in self._shared.items():
            if record.get(name) is raw:
                if not reused:
                    data, reused = dict(record), True
                data[name] = value  # type: ignore[index]
        try:
            result = self.model.model_validate(data)
        except ValidationError:
            from ..io import load_input  # the Russian explanations; loaded on first failure

            return load_input(self.model, dict(record))
        self._learn(record, result)
        return result

    def _learn(self, record: Mapping[str, Any], result: BaseModel) -> None:
        """Remember the validated value of each nested mapping or list of ``record``."""
        varying = self._varying
        for name, raw in record.items():
            if not isinstance(raw, (dict, list)) or name in varying or name not in self._fields:
                continue
            known = self._shared.get(name)
            if known is not None and known[0] is raw:
                self._fresh[name] = 0
                continue
            fresh = self._fresh[name] = self._fresh.get(name, 0) + 1
            if fresh > self.FRESH_LIMIT:
                varying.add(name)
                self._shared.pop(name, None)
            else:
                self._shared[name] = (raw, getattr(result, name))
