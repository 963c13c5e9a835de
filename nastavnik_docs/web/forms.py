"""HTML form fields made from pydantic models: labels, required marks, choices and the
validation messages beside each field, all from the same models the library validates with.

A nested field is named with dots (``head.last_name``); :func:`form_to_data` turns the
posted form back into the nested dict the model takes, and :func:`attach_problems` puts each
located problem (``field="head → last_name"``) beside the field it concerns.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from ..models import AliasedEnum

__all__ = ["FormField", "attach_problems", "field_label", "form_fields", "form_to_data"]


@dataclass
class FormField:
    """One input of a form."""

    name: str
    label: str
    required: bool
    kind: str = "text"  # text | select | number | email | date
    options: list[tuple[str, str]] = field(default_factory=list)
    value: str = ""
    errors: list[str] = field(default_factory=list)
    hint: str = ""
    step: str = ""

    @property
    def id(self) -> str:
        return "f-" + self.name.replace(".", "-")


def _member(annotation: Any) -> Any:
    """``X | None`` → ``X``; any other annotation as it is."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if args else annotation
    return annotation


def _options(enum: type[Enum]) -> list[tuple[str, str]]:
    labels = [m.label if isinstance(m, AliasedEnum) else str(m.value) for m in enum]
    return [(str(m.value), label) for m, label in zip(enum, labels)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, AliasedEnum):
        return str(value.value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lookup(data: dict[str, Any], name: str) -> Any:
    value: Any = data
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def form_fields(model: type[BaseModel], names: list[str], data: dict[str, Any],
                hints: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> list[FormField]:
    """Fields for ``names`` (dotted paths into ``model``), filled from ``data``; the label is
    the field's description unless ``labels`` gives a plainer one."""
    hints, labels = hints or {}, labels or {}
    out = []
    for name in names:
        owner, info = model, None
        parent_required = True
        for part in name.split("."):
            info = owner.model_fields[part]
            annotation = _member(info.annotation)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                parent_required = parent_required and info.is_required()
                owner = annotation
        assert info is not None
        kind_type = _member(info.annotation)
        item = FormField(name=name, label=labels.get(name) or info.description or name, required=info.is_required() and parent_required,
                         hint=hints.get(name, ""))
        raw = _lookup(data, name)
        if isinstance(kind_type, type) and issubclass(kind_type, Enum):
            item.kind, item.options = "select", _options(kind_type)
            try:
                item.value = str(kind_type(raw).value) if raw not in (None, "") else ""
            except ValueError:
                item.value = _text(raw)
        elif kind_type is dt.date:
            item.kind = "date"
        elif kind_type in (int, float):
            item.kind, item.step = "number", "1" if kind_type is int else "0.5"
        item.value = item.value or _text(raw)
        if name.endswith("email"):
            item.kind = "email"
        out.append(item)
    return out


def field_label(model: type[BaseModel], path: str) -> str | None:
    """The Russian name of a field of ``model`` a problem names (``head → last_name`` →
    «Руководитель (подписывает документы) → Фамилия»); None when the path leaves the model."""
    owner: Any = model
    labels = []
    for part in (p.strip() for p in path.split("→")):
        fields = owner.model_fields if isinstance(owner, type) and issubclass(owner, BaseModel) else {}
        if part not in fields:
            return None
        info = fields[part]
        labels.append(info.description or part)
        owner = _member(info.annotation)
    return " → ".join(labels)


def form_to_data(form: dict[str, str], names: list[str]) -> dict[str, Any]:
    """The posted ``form`` as the nested dict of ``names``; empty inputs are left out."""
    data: dict[str, Any] = {}
    for name in names:
        value = str(form.get(name, "")).strip()
        if not value:
            continue
        target = data
        *parents, last = name.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return data


def attach_problems(fields: list[FormField], problems: list[Problem]) -> list[Problem]:
    """Put each problem beside its field; the problems no field shows are returned."""
    by_name = {f.name: f for f in fields}
    rest = []
    for problem in problems:
        name = ".".join(part.strip() for part in (problem.field or "").split("→"))
        target = by_name.get(name)
        if target is None and name:  # a whole group is missing: show it at its first field
            target = next((f for f in fields if f.name.startswith(name + ".")), None)
        if target is None:
            rest.append(problem)
        else:
            target.errors.append(problem.message)
    return rest
