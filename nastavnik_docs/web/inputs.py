"""A request's JSON made safe for the library's loader: no value may name a server file.

In a YAML file on the curator's disk, ``organization: ../organization.yaml`` or
``logo: эмблема.png`` names another file, and the loader (``nastavnik_docs.load_input``)
reads it. Over HTTP that would let a request read the server's files, so before a request's
data reaches the loader every value the loader would take for a file name is refused here,
with its field, in Russian: a text where a group of fields is expected, and any value of a
path-typed field. Pictures come as base64 text in ``data`` instead and are decoded here.

The walk follows the model's annotations the way the loader does, so a model added later
is covered without code here.
"""

from __future__ import annotations

import base64
import binascii
import types
import typing
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel

from ..errors import InputError, Problem
from ..models.image import Image

__all__ = ["safe_input"]

_FILE_REFUSED = ("здесь нужны сами данные (набор полей), а не имя файла: "
                 "по сети сервер файлы со своего диска не читает")
_PATH_REFUSED = "пути к файлам в запросе не принимаются; изображение передайте в поле data (base64)"


def _members(annotation: Any) -> list[Any]:
    """The types a field accepts: ``Optional``/``Union``/``Annotated`` unwrapped."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _is_model(member: Any) -> bool:
    return isinstance(member, type) and issubclass(member, BaseModel)


def _is_path(member: Any) -> bool:
    return isinstance(member, type) and issubclass(member, PurePath)


class _Walk:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def refuse(self, loc: tuple[str, ...], message: str, value: Any = None) -> None:
        self.problems.append(Problem(message, field=" → ".join(loc) or None,
                                     value=value if isinstance(value, str) else None))

    def value(self, annotation: Any, value: Any, loc: tuple[str, ...]) -> Any:
        members = _members(annotation)
        models = [m for m in members if _is_model(m)]
        if isinstance(value, str) and str not in members:
            if any(_is_path(m) for m in members):
                self.refuse(loc, _PATH_REFUSED, value)
                return value
            if models:
                self.refuse(loc, _FILE_REFUSED, value)
                return value
        if isinstance(value, dict) and models:
            fitting = [m for m in models if set(value) <= _keys(m)]
            return self.model((fitting or models)[0], value, loc)
        for member in members:
            origin, args = typing.get_origin(member), typing.get_args(member)
            if isinstance(value, list) and args and origin in (list, tuple, set, frozenset):
                return [self.value(args[0], item, (*loc, str(i + 1))) for i, item in enumerate(value)]
            if isinstance(value, dict) and origin is dict and len(args) == 2:
                return {k: self.value(args[1], v, (*loc, str(k))) for k, v in value.items()}
        return value

    def model(self, model: type[BaseModel], value: dict[str, Any], loc: tuple[str, ...]) -> dict[str, Any]:
        out = dict(value)
        for name, info in model.model_fields.items():
            for key in (name, info.alias):
                if key and key in out:
                    if issubclass(model, Image) and name == "data":
                        out[key] = self.picture(out[key], (*loc, key))
                    else:
                        out[key] = self.value(info.annotation, out[key], (*loc, key))
        return out

    def picture(self, value: Any, loc: tuple[str, ...]) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            self.refuse(loc, "изображение в поле data должно быть в кодировке base64")
            return value


def _keys(model: type[BaseModel]) -> set[str]:
    return {k for name, info in model.model_fields.items() for k in (name, info.alias) if k}


def safe_input(model: type[BaseModel], data: Any) -> dict[str, Any]:
    """``data`` for ``model`` with pictures decoded; InputError listing every value that
    would name a file on the server (or that is not a JSON object at all)."""
    if not isinstance(data, dict):
        raise InputError(Problem("ожидается объект JSON с полями документа"))
    walk = _Walk()
    out = walk.model(model, data, ())
    if walk.problems:
        raise InputError(walk.problems)
    return out

