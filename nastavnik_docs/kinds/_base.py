"""The catalogue of document kinds: what a kind is and where kinds are registered.

A kind ties together a Russian title, the template file(s), an input model (the data a
user supplies), a context model (what the template sees) and the context builder that
turns one into the other. All grammar, dates, numbering and arithmetic happen in the
builder (with ``nastavnik_docs.ru``), so templates only place values.

This layer imports no format library: templates are referred to by file name, and the
render layer finds and fills them.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..errors import KindNotFoundError

__all__ = ["Kind", "BatchSpec", "register", "get_kind", "all_kinds"]


@dataclass(frozen=True)
class BatchSpec:
    """How a kind is produced in bulk, one document per record.

    ``records`` turns a loaded registry plus the shared fields (``common``, a dict from the
    user's YAML) into one input dict per document; ``file_name`` is the default pattern of
    output names, filled from the record's ``name_fields``.
    """

    records: Callable[[Any, dict[str, Any]], list[dict[str, Any]]] | None = None
    file_name: str = "{index:05d}"
    name_fields: Callable[[BaseModel], dict[str, Any]] | None = None


@dataclass(frozen=True)
class Kind:
    """One kind of document, e.g. ``order.appoint_curator``.

    ``writers`` maps an output suffix to a special writer named as ``"module:function"``
    (resolved lazily by the render layer, so this layer imports no format library) for
    documents whose shape a fill-in template cannot express, such as a month grid whose
    columns depend on the data. Everything else goes through the generic template engines.
    ``sample_names`` maps a sample path to the label the demo adds to its file name when a
    kind has several samples. ``extra["demo_batch"] = {"source": ..., "common": ...}`` asks
    the demo to run a batch.
    """

    id: str
    title: str
    input_model: type[BaseModel]
    context_model: type[BaseModel]
    build_context: Callable[[Any], BaseModel]
    docx: str | None = None
    xlsx: str | None = None
    family: str = ""
    description: str = ""
    samples: tuple[str, ...] = ()
    sample_names: dict[str, str] = field(default_factory=dict)
    output_name: str = ""
    batch: BatchSpec | None = None
    writers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (self.docx or self.xlsx or self.writers):
            raise ValueError(f"kind {self.id!r} names no template and no writer")

    @property
    def formats(self) -> tuple[str, ...]:
        """Output suffixes this kind can be written to, e.g. (".docx", ".xlsx", ".ics")."""
        templated = [ext for ext, name in ((".docx", self.docx), (".xlsx", self.xlsx)) if name]
        return tuple(dict.fromkeys([*templated, *self.writers]))

    def template_for(self, suffix: str) -> str | None:
        """The template file name for an output suffix (".docx" / ".xlsx").

        None when a special writer makes that format without a template.
        """
        suffix = suffix.lower()
        name = {".docx": self.docx, ".xlsx": self.xlsx}.get(suffix)
        if name:
            return name
        if suffix in self.writers:
            return None
        allowed = ", ".join(self.formats)
        raise KindNotFoundError(
            f"Документ «{self.title}» ({self.id}) не выпускается в формате «{suffix}»; "
            f"допустимо: {allowed}"
        )

    def context(self, data: BaseModel) -> BaseModel:
        """Build the template context from validated input."""
        return self.build_context(data)


_KINDS: dict[str, Kind] = {}
_discovered = False


def register(kind: Kind) -> Kind:
    """Add a kind to the catalogue (each kinds module calls this at import time)."""
    if kind.id in _KINDS and _KINDS[kind.id] is not kind:
        raise ValueError(f"kind {kind.id!r} registered twice")
    _KINDS[kind.id] = kind
    return kind


def _discover() -> None:
    """Import every module of the ``kinds`` package once, so each registers its kinds."""
    global _discovered
    if _discovered:
        return
    package = importlib.import_module(__package__)
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__package__}.{info.name}")
    _discovered = True


def _family_of(kind_id: str) -> Kind | None:
    """The kind, found by importing only the module its id names by convention («order.x» in
    ``orders``, «award.x» in ``awards``): a command that makes one document does not load
    the whole catalogue. None when the convention does not hold (the caller then imports
    every module)."""
    from importlib.util import find_spec

    prefix = kind_id.partition(".")[0]
    if not prefix.isidentifier() or prefix.startswith("_"):
        return None
    for name in (f"{prefix}s", prefix):
        module = f"{__package__}.{name}"
        if find_spec(module) is not None:
            importlib.import_module(module)
            if kind_id in _KINDS:
                return _KINDS[kind_id]
    return None


def all_kinds() -> list[Kind]:
    """Every kind in the catalogue, sorted by id."""
    _discover()
    return sorted(_KINDS.values(), key=lambda k: k.id)


def get_kind(kind: str | Kind) -> Kind:
    """Look a kind up by id; a near miss is suggested in the error."""
    if isinstance(kind, Kind):
        return kind
    found = _KINDS.get(kind)
    if found is None and not _discovered:
        found = _family_of(kind)
    if found is not None:
        return found
    _discover()
    try:
        return _KINDS[kind]
    except KeyError:
        near = difflib.get_close_matches(kind, list(_KINDS), n=3)
        hint = f" Возможно, вы имели в виду: {', '.join(near)}." if near else ""
        raise KindNotFoundError(
            f"Неизвестный вид документа «{kind}».{hint} Список видов: nastavnik-docs kinds"
        ) from None
