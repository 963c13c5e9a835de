"""A short way through the sandbox's attribute checks for plain objects.

Jinja's sandbox checks every ``{{ recipient.dative }}`` against its rules for functions,
methods, classes, frames, generators and mutable containers; for the models and strings
a document is made of, those rules come down to the attribute's name alone. Deciding
that once per type instead of on every lookup shortens a batch's hot loop
(``benchmarks/bench_batch.py``); Jinja offers no hook for it, hence this override.
"""

from __future__ import annotations

from collections import deque
from collections.abc import MutableMapping, MutableSequence, MutableSet
from types import (
    AsyncGeneratorType,
    BuiltinMethodType,
    CodeType,
    CoroutineType,
    FrameType,
    FunctionType,
    GeneratorType,
    MethodType,
    TracebackType,
)
from typing import Any

__all__ = ["MISSING", "PlainTypes"]

#: What :meth:`PlainTypes.lookup` returns when the sandbox itself must answer.
MISSING = object()

_INTERNAL_TYPES = (FunctionType, MethodType, type, CodeType, TracebackType, FrameType, GeneratorType,
                   CoroutineType, AsyncGeneratorType)
_MUTABLE_TYPES = (MutableSet, MutableMapping, MutableSequence, deque)


class PlainTypes:
    """Which types are plain, remembered per type."""

    __slots__ = ("_known",)

    def __init__(self) -> None:
        self._known: dict[type, bool] = {}

    def is_plain(self, cls: type) -> bool:
        """Whether every attribute of a ``cls`` instance with a safe name passes the sandbox:
        it is no function, method, class, code, frame, generator or coroutine (whose
        attributes :func:`~jinja2.sandbox.is_internal_attribute` checks) and no mutable
        list, dict, set or deque (:func:`~jinja2.sandbox.modifies_known_mutable`)."""
        plain = self._known.get(cls)
        if plain is None:
            plain = self._known[cls] = not issubclass(cls, _INTERNAL_TYPES + _MUTABLE_TYPES)
        return plain

    def lookup(self, obj: Any, attribute: str) -> Any:
        """The attribute of a plain object that is not a method (``str.format`` and
        ``str.center`` are wrapped and checked by the sandbox), else :data:`MISSING`.
        ``attribute`` must already be known to be safe by its name."""
        if not self.is_plain(type(obj)):
            return MISSING
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return MISSING
        return MISSING if isinstance(value, (MethodType, BuiltinMethodType)) else value
