"""What a context model offers a template: the type behind every variable path.

A template check follows ``pairs[].mentor.dative`` through the context model: pydantic
fields and computed fields (generic models included: ``TableAppendix[PairRow]`` has
``rows: list[PairRow]``), properties with return annotations, ``list[...]`` element types
for loop variables, nested models, dataclasses, dict values, and classes declaring
``__template_fields__: dict[str, type]`` (``PersonForms``, ``PostForms``). Jinja's own
``loop`` variable is described by :class:`LoopInfo`.

An annotation that says nothing about attributes (``Any``, ``object``, a bare
``BaseModel``) is *opaque*: every path below it is accepted. :func:`opaque_paths` lists
them, so that a test can require the built-in context models to have none.
"""

from __future__ import annotations

import collections.abc as cabc
import dataclasses
import datetime as dt
import enum
import inspect
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

__all__ = ["ANY", "LoopInfo", "attr_type", "item_type", "known_names", "opaque_paths", "resolve_path",
           "type_name", "unwrap"]

#: A type about which nothing is known: every path below it is accepted.
ANY: Any = object()
#: One step into a list or a mapping with a computed key (the same marker as ``paths.ITEM``).
_ITEM = "[]"
# Annotations that say nothing about attributes: bare ``BaseModel`` ("some model") included.
_OPAQUE = {Any, object, BaseModel}


class LoopInfo:
    """Jinja's ``loop`` inside a ``{% for %}``: the attributes it has."""

    __template_fields__: typing.ClassVar[dict[str, Any]] = {
        "index": int, "index0": int, "revindex": int, "revindex0": int, "first": bool,
        "last": bool, "length": int, "depth": int, "depth0": int, "previtem": ANY,
        "nextitem": ANY, "cycle": ANY, "changed": ANY,
    }


def unwrap(tp: Any) -> list[Any]:
    """The concrete alternatives of an annotation (Optional, Union, Annotated removed)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(unwrap(arg))
        return out
    if tp in _OPAQUE or isinstance(tp, (typing.TypeVar, str, typing.ForwardRef)):
        return [ANY]
    return [tp]


def item_type(tp: Any) -> Any | None:
    """Element type when iterating ``tp`` (list[X] → X, dict[K, V] → V); None: not iterable."""
    origin = typing.get_origin(tp) or tp
    args = typing.get_args(tp)
    if not isinstance(origin, type):
        return ANY
    if issubclass(origin, (str, bytes)):
        return str
    if issubclass(origin, cabc.Mapping):
        return args[1] if len(args) == 2 else ANY
    if issubclass(origin, tuple) and args and args[-1] is not Ellipsis:
        return typing.Union[args] if len(set(args)) > 1 else args[0]  # noqa: UP007
    if issubclass(origin, BaseModel):
        return None  # iterating a model gives its (name, value) pairs: never meant in a template
    if issubclass(origin, cabc.Iterable) or hasattr(origin, "__getitem__"):
        return args[0] if args else ANY
    return None


def _hints(obj: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(obj)
    except Exception:  # unresolvable forward references: know nothing rather than fail
        return {}


def attr_type(tp: Any, name: str) -> Any | None:
    """The type of attribute ``name`` of type ``tp``; None when it has no such attribute."""
    origin = typing.get_origin(tp) or tp
    if not isinstance(origin, type):
        return ANY
    fields = getattr(origin, "__template_fields__", None)
    if isinstance(fields, dict) and name in fields:
        return fields[name]
    if issubclass(origin, BaseModel):
        if name in origin.model_fields:
            return origin.model_fields[name].annotation
        if name in origin.model_computed_fields:
            return origin.model_computed_fields[name].return_type
    if issubclass(origin, cabc.Mapping):
        args = typing.get_args(tp)
        return args[1] if len(args) == 2 else ANY
    if dataclasses.is_dataclass(origin):
        names = {f.name for f in dataclasses.fields(origin)}
        if name in names:
            return _hints(origin).get(name, ANY)
    if name.startswith("_"):
        return None
    try:
        static = inspect.getattr_static(origin, name)
    except AttributeError:
        annotations = _hints(origin)
        return annotations.get(name) if name in annotations else None
    if isinstance(static, property):
        return _hints(static.fget).get("return", ANY) if static.fget else ANY
    if (callable(static) or isinstance(static, (classmethod, staticmethod))
            or inspect.isdatadescriptor(static) or inspect.ismethoddescriptor(static)):
        return ANY  # a method or a C-level attribute (date.year): its type is not followed
    if isinstance(origin, enum.EnumMeta):
        return ANY
    return type(static) if static is not None else ANY


def known_names(tp: Any) -> list[str]:
    """The attribute names a template may use on ``tp`` (for suggestions and hints)."""
    names: list[str] = []
    for alt in unwrap(tp):
        origin = typing.get_origin(alt) or alt
        if not isinstance(origin, type):
            continue
        fields = getattr(origin, "__template_fields__", None)
        if isinstance(fields, dict):
            names += list(fields)
        if issubclass(origin, BaseModel):
            names += [*origin.model_fields, *origin.model_computed_fields]
        names += [n for n, v in vars(origin).items() if isinstance(v, property)]
        if dataclasses.is_dataclass(origin):
            names += [f.name for f in dataclasses.fields(origin)]
    return list(dict.fromkeys(names))


def _root_type(root: type[BaseModel], name: str) -> Any | None:
    if name in root.model_fields:
        return root.model_fields[name].annotation
    if name in root.model_computed_fields:
        return root.model_computed_fields[name].return_type
    return None


def resolve_path(root: Any, path: tuple[str, ...]) -> tuple[int, Any] | None:
    """Follow ``path`` through ``root`` (a context model, or :class:`LoopInfo`).

    Returns None when every step exists, else ``(index, type)``: the first segment that the
    type reached so far (``type``) does not provide.
    """
    first = attr_type(root, path[0]) if root is LoopInfo else _root_type(root, path[0])
    if first is None:
        return 0, root
    current = [first]
    for index, seg in enumerate(path[1:], start=1):
        nxt: list[Any] = []
        for tp in current:
            for alt in unwrap(tp):
                if alt is ANY:
                    return None
                step = item_type(alt) if seg == _ITEM else attr_type(alt, seg)
                if step is ANY:
                    return None
                if step is not None:
                    nxt.append(step)
        if not nxt:
            return index, current[0] if len(current) == 1 else typing.Union[tuple(current)]  # noqa: UP007
        current = nxt
    return None


_TYPE_NAMES = {str: "строка", int: "целое число", float: "число", bool: "да/нет"}


def type_name(tp: Any) -> str:
    """A short Russian name of a type for hints: «строка», «дата», «модель PairRow»."""
    names = []
    for alt in unwrap(tp):
        origin = typing.get_origin(alt) or alt
        if alt in _TYPE_NAMES:
            names.append(_TYPE_NAMES[alt])
        elif origin in (dt.date, dt.datetime):
            names.append("дата")
        elif origin is Decimal:
            names.append("число")
        elif isinstance(origin, type) and issubclass(origin, (list, tuple, cabc.Sequence)):
            names.append("список")
        elif isinstance(origin, type):
            names.append(f"«{origin.__name__}»")
    return " или ".join(dict.fromkeys(names)) or "значение"


def opaque_paths(root: type[BaseModel], *, limit: int = 6) -> list[str]:
    """Paths of ``root`` whose type is opaque (``Any``, ``object``, a bare ``BaseModel``),
    e.g. ``["pairs.rows[]"]``: below them a template check cannot see mistakes."""
    found: list[str] = []
    seen: set[Any] = set()

    def walk(tp: Any, path: str, depth: int) -> None:
        if depth > limit:
            return
        for alt in _raw_alternatives(tp):
            if alt in _OPAQUE:
                found.append(path)
                continue
            origin = typing.get_origin(alt) or alt
            args = typing.get_args(alt)
            if not isinstance(origin, type):
                continue
            if issubclass(origin, (str, bytes)) or isinstance(origin, enum.EnumMeta):
                continue
            if issubclass(origin, BaseModel):
                if origin in seen:
                    continue
                seen.add(origin)
                for name, info in origin.model_fields.items():
                    walk(info.annotation, f"{path}.{name}" if path else name, depth + 1)
                for name, computed in origin.model_computed_fields.items():
                    walk(computed.return_type, f"{path}.{name}" if path else name, depth + 1)
                continue
            if issubclass(origin, cabc.Mapping) and len(args) == 2:
                walk(args[1], f"{path}[]", depth + 1)
            elif issubclass(origin, (list, tuple, set, frozenset, cabc.Sequence)):
                for arg in args:
                    if arg is not Ellipsis:
                        walk(arg, f"{path}[]", depth + 1)

    walk(root, "", 0)
    return list(dict.fromkeys(found))


def _raw_alternatives(tp: Any) -> list[Any]:
    """Like :func:`unwrap` but keeps opaque annotations visible."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _raw_alternatives(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [a for arg in typing.get_args(tp) if arg is not type(None) for a in _raw_alternatives(arg)]
    return [tp]
