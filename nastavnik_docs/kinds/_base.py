"""The catalogue of document kinds: what a kind is and where kinds are registered.

A kind ties together a Russian title, the template file(s), an input model (the data a
user supplies), a context model (what the template sees) and the context builder that
turns one into the other. All grammar, dates, numbering and arithmetic happen in the
builder (with ``nastavnik_docs.ru``), so templates only place values.

Registering a kind takes a few lines, because most of it follows by convention:

* the template is named after the id — ``order.appoint_curator`` fills
  ``order_appoint_curator.docx`` (``docx=True``, the default); ``xlsx=True`` adds
  ``order_appoint_curator.xlsx``; a string names a file that differs, ``False`` none;
* the input and context models are the annotations of the builder
  (``def build(data: AppointCuratorInput) -> OrderContext``);
* the module is found by itself: every public module of this package (and of its
  subpackages) is imported once, and each calls :func:`register` for its kinds;
  :func:`get_kind` imports only the module that :mod:`._index` names for the id.

A context may carry ``warnings`` (a list of Russian sentences): what the curator should
check although the document could be made — a meeting in the summer, a pupil whose birth
date is unknown. The kind's builder issues each as a :class:`DocumentWarning` (Python's
``warnings``), so that every caller — ``render``, a batch, the web page — can show them;
the CLI prints them. A caller that reports them itself (the case file lists them among its
findings, once each) builds with :meth:`Kind.context_and_warnings` and writes within
:func:`warnings_reported`, where the builder issues nothing.

This layer imports no format library: templates are referred to by file name, and the
engine finds and fills them.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import pkgutil
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..errors import KindNotFoundError

__all__ = ["Kind", "BatchSpec", "DemoBatch", "DocumentWarning", "register", "get_kind", "all_kinds",
           "issue_warnings", "warnings_reported"]

#: The formats a template can be written to, in the order a kind lists them.
TEMPLATED = (".docx", ".xlsx")


@dataclass(frozen=True)
class BatchSpec:
    """How a kind is produced in bulk, one document per record.

    ``records`` turns a loaded registry plus the shared fields (``common``, a dict from the
    user's YAML) into one input dict per document; ``file_name`` is the default pattern of
    output names, filled from each record's fields.
    """

    records: Callable[[Any, dict[str, Any]], list[dict[str, Any]]] | None = None
    file_name: str = "{index:05d}"


@dataclass(frozen=True)
class DemoBatch:
    """A batch the demo runs for a kind besides its samples: one document per record that
    ``BatchSpec.records`` makes of ``source`` (a registry under ``samples/``) with the shared
    fields of ``common`` (a YAML file under ``samples/``)."""

    common: str
    source: str = "registry.yaml"


class DocumentWarning(UserWarning):
    """Something in a document the curator should check (the text is Russian): the document
    is made, and the warning says what to look at."""


@functools.lru_cache(maxsize=256)
def _may_warn(cls: type) -> bool:
    """Whether instances of ``cls`` can have ``warnings`` other than in their ``__dict__``
    (a property, a slot, a class attribute)."""
    return hasattr(cls, "warnings")


def _warnings_of(context: Any) -> Any:
    """The context's ``warnings``, None when it has none. A pydantic field is read from the
    instance's ``__dict__``: ``getattr`` of a missing name goes through pydantic's slow
    ``__getattr__`` (microseconds per document of a batch)."""
    values = getattr(context, "__dict__", None)
    if values is not None and "warnings" in values:
        return values["warnings"]
    cls: Any = type(context)
    return getattr(context, "warnings", None) if _may_warn(cls) else None


#: Set within :func:`warnings_reported`. A context variable, not a warnings filter: each
#: thread (a request of the web server) and each task has its own, and nothing global changes.
_REPORTED: ContextVar[bool] = ContextVar("nastavnik_docs_warnings_reported", default=False)


@contextmanager
def warnings_reported() -> Iterator[None]:
    """Within the block, builders issue no :class:`DocumentWarning`: the caller has taken the
    contexts' warnings with :meth:`Kind.context_and_warnings` and reports them itself (the
    case file writes documents it has already built once; their warnings are its findings)."""
    token = _REPORTED.set(True)
    try:
        yield
    finally:
        _REPORTED.reset(token)


def issue_warnings(texts: Iterable[str], stacklevel: int = 2) -> None:
    """Issue each text as a :class:`DocumentWarning` (``stacklevel`` as for ``warnings.warn``,
    counted from the caller), unless within :func:`warnings_reported`."""
    if not _REPORTED.get():
        for text in texts:
            warnings.warn(text, DocumentWarning, stacklevel=stacklevel + 1)


def _reporting(build: Callable[[Any], BaseModel]) -> Callable[[Any], BaseModel]:
    """``build`` issuing the ``warnings`` of the context it returns as :class:`DocumentWarning`."""

    @functools.wraps(build)
    def wrapper(data: Any) -> BaseModel:
        context = build(data)
        texts = _warnings_of(context)
        if texts:
            issue_warnings(texts, stacklevel=2)
        return context

    return wrapper


def _template(kind_id: str, given: str | bool | None, suffix: str) -> str | None:
    """The template file name: by convention from the id (True), as given (a string), or none."""
    if isinstance(given, str):
        return given
    return kind_id.replace(".", "_") + suffix if given else None


def _annotated_models(build: Callable[..., Any]) -> tuple[Any, Any]:
    """(input model, context model): the annotations of the builder's first parameter and of
    its return value; None for one that is missing (a lambda has none)."""
    hints = typing.get_type_hints(build)
    returned = hints.pop("return", None)
    return next(iter(hints.values()), None), returned


class Kind:
    """One kind of document, e.g. ``order.appoint_curator``.

    ``docx`` / ``xlsx`` after construction are the template file names (None for a format
    the kind lacks). ``extra_formats`` declares outputs that no fill-in template can express
    — a month grid whose columns depend on the data, an iCalendar file — and that the
    top-level API has dedicated engine writers for (the roadmap: ``(".xlsx", ".ics")``).
    ``sample_names`` maps a sample path to the label the demo adds to its file name when a
    kind has several samples; ``demo_batch`` asks the demo to run a batch as well.
    ``input_model`` and ``context_model`` default to the annotations of ``build_context``.
    """

    def __init__(self, *, id: str, title: str, build_context: Callable[[Any], BaseModel],
                 input_model: type[BaseModel] | None = None, context_model: type[BaseModel] | None = None,
                 docx: str | bool | None = True, xlsx: str | bool | None = False,
                 extra_formats: tuple[str, ...] = (), family: str = "", description: str = "",
                 samples: tuple[str, ...] = (), sample_names: Mapping[str, str] | None = None,
                 output_name: str = "", batch: BatchSpec | None = None,
                 demo_batch: DemoBatch | None = None) -> None:
        annotated: tuple[Any, Any] = (None, None)
        if input_model is None or context_model is None:
            annotated = _annotated_models(build_context)
        models = {"input_model": input_model or annotated[0], "context_model": context_model or annotated[1]}
        for name, model in models.items():
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                raise TypeError(f"kind {id!r}: no {name} — annotate the builder "
                                f"(def build(data: Input) -> Context) or pass {name}=")
        self.id = id
        self.title = title
        self._build = build_context
        self.build_context = _reporting(build_context)
        self.input_model: type[BaseModel] = models["input_model"]
        self.context_model: type[BaseModel] = models["context_model"]
        self.docx: str | None = _template(id, docx, ".docx")
        self.xlsx: str | None = _template(id, xlsx, ".xlsx")
        self.extra_formats = tuple(ext.lower() for ext in extra_formats)
        self.family = family
        self.description = description
        self.samples = tuple(samples)
        self.sample_names: Mapping[str, str] = dict(sample_names or {})
        self.output_name = output_name
        self.batch = batch
        self.demo_batch = demo_batch
        if not self.formats:
            raise ValueError(f"kind {id!r} has no template and no other format")

    def __repr__(self) -> str:
        return f"Kind({self.id!r})"

    def context_and_warnings(self, data: Any) -> tuple[BaseModel, list[str]]:
        """The context of ``data`` and its warnings, each once, none issued: for a caller
        that reports them itself (see :func:`warnings_reported`)."""
        context = self._build(data)
        texts = _warnings_of(context)
        return context, list(dict.fromkeys(texts)) if texts else []

    @property
    def formats(self) -> tuple[str, ...]:
        """Output suffixes this kind can be written to, e.g. (".docx", ".xlsx", ".ics")."""
        templated = [ext for ext, name in zip(TEMPLATED, (self.docx, self.xlsx)) if name]
        return tuple(dict.fromkeys([*templated, *self.extra_formats]))

    def template_for(self, suffix: str) -> str | None:
        """The template file name for an output suffix (".docx" / ".xlsx").

        None for a format in ``extra_formats`` without a template of its own (its dedicated
        writer makes it from the context alone); KindNotFoundError for a format the kind lacks.
        """
        suffix = suffix.lower()
        name = {".docx": self.docx, ".xlsx": self.xlsx}.get(suffix)
        if name:
            return name
        if suffix in self.extra_formats:
            return None
        allowed = ", ".join(self.formats)
        raise KindNotFoundError(
            f"Документ «{self.title}» ({self.id}) не выпускается в формате «{suffix}»; "
            f"допустимо: {allowed}"
        )


_KINDS: dict[str, Kind] = {}
_discovered = False


def register(kind: Kind) -> Kind:
    """Add a kind to the catalogue (each kinds module calls this at import time)."""
    if kind.id in _KINDS and _KINDS[kind.id] is not kind:
        raise ValueError(f"kind {kind.id!r} registered twice")
    _KINDS[kind.id] = kind
    return kind


def _discover() -> None:
    """Import every public module of the ``kinds`` package and its subpackages once, so
    that each registers its kinds (modules whose name starts with ``_`` are helpers)."""
    global _discovered
    if _discovered:
        return
    _import_public(importlib.import_module(__package__ or "nastavnik_docs.kinds"))
    _discovered = True


def _import_public(package: Any) -> None:
    """Import every public module of ``package`` and of its subpackages."""
    prefix = f"{package.__name__}."
    for info in pkgutil.walk_packages(package.__path__, prefix=prefix):
        if not any(part.startswith("_") for part in info.name.removeprefix(prefix).split(".")):
            importlib.import_module(info.name)


def _indexed(kind_id: str) -> Kind | None:
    """The kind, found by importing only the module :data:`._index.KIND_MODULES` names for
    it; None for a kind the table does not list."""
    from ._index import KIND_MODULES

    module = KIND_MODULES.get(kind_id)
    if module is None:
        return None
    importlib.import_module(f"{__package__}.{module}")
    return _KINDS.get(kind_id)


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
        found = _indexed(kind)
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
