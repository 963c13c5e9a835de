"""pydantic's validation errors, retold in Russian as located ``Problem``s.

pydantic has no Russian translation of its messages (and none is maintained as a
package), so the common error types are translated here; anything else keeps
pydantic's English text after a Russian lead-in rather than being hidden.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Sequence
from difflib import get_close_matches
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Problem, format_path
from ..models import AliasedEnum
from ._values import DATE_HINT

Loc = tuple[str | int, ...]


def field_path(loc: Sequence[str | int]) -> str:
    """``("pairs", 2, "start")`` → «pairs → 3 → start» (list positions counted from 1)."""
    return format_path(list(loc))


def unwrap(annotation: Any) -> list[Any]:
    """The member types of ``X | None``, ``Optional[X]``, ``Annotated[X, ...]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in unwrap(arg) if t is not type(None)]
    return [annotation]


def annotation_at(model: type[BaseModel], loc: Loc) -> Any:
    """The annotation of the field that ``loc`` points to inside ``model`` (None if unknown)."""
    current: Any = model
    for part in loc:
        nxt = None
        for member in unwrap(current):
            origin = typing.get_origin(member)
            if isinstance(part, str) and isinstance(member, type) and issubclass(member, BaseModel):
                info = member.model_fields.get(part)
                if info is not None:
                    nxt = info.annotation
                    break
            elif isinstance(part, int) and origin in (list, tuple, Sequence, set, frozenset):
                args = typing.get_args(member)
                nxt = args[0] if args else None
                break
            elif origin is dict and isinstance(part, str):
                nxt = typing.get_args(member)[1]
                break
        if nxt is None:
            return None
        current = nxt
    return current


def allowed_words(annotation: Any) -> list[str] | None:
    for member in unwrap(annotation):
        if isinstance(member, type) and issubclass(member, AliasedEnum):
            return member.allowed()
        if isinstance(member, type) and issubclass(member, Enum):
            return [str(m.value) for m in member]
        if typing.get_origin(member) is typing.Literal:
            return [str(a) for a in typing.get_args(member)]
    return None


def _count(ctx: dict[str, Any], key: str) -> Any:
    return ctx.get(key, "?")


_MESSAGES: dict[str, str | Callable[[dict[str, Any]], str]] = {
    "missing": "обязательное поле не заполнено",
    "extra_forbidden": "неизвестное поле",
    "date_parsing": f"не удалось прочитать дату; {DATE_HINT}",
    "date_from_datetime_parsing": f"не удалось прочитать дату; {DATE_HINT}",
    "date_from_datetime_inexact": "укажите дату без времени",
    "date_type": f"нужна дата; {DATE_HINT}",
    "datetime_parsing": "не удалось прочитать дату и время",
    "int_parsing": "нужно целое число",
    "int_type": "нужно целое число",
    "int_from_float": "нужно целое число",
    "float_parsing": "нужно число",
    "float_type": "нужно число",
    "decimal_parsing": "нужно число",
    "decimal_type": "нужно число",
    "bool_parsing": "нужно «да» или «нет»",
    "bool_type": "нужно «да» или «нет»",
    "string_type": "нужен текст",
    "list_type": "нужен список",
    "tuple_type": "нужен список",
    "dict_type": "нужен набор полей «имя: значение»",
    "model_type": "нужен набор полей «имя: значение» или путь к файлу (.yaml, .json)",
    "model_attributes_type": "нужен набор полей «имя: значение» или путь к файлу (.yaml, .json)",
    "string_pattern_mismatch": "значение не соответствует формату",
    "string_too_short": lambda c: ("значение не может быть пустым" if c.get("min_length") == 1
                                  else f"слишком короткое значение: нужно не менее {_count(c, 'min_length')} символов"),
    "string_too_long": lambda c: f"слишком длинное значение: допускается не более {_count(c, 'max_length')} символов",
    "too_short": lambda c: ("нужно указать хотя бы одно значение" if c.get("min_length") == 1
                            else f"нужно указать не менее {_count(c, 'min_length')} значений"),
    "too_long": lambda c: f"допускается не более {_count(c, 'max_length')} значений",
    "greater_than_equal": lambda c: f"значение должно быть не меньше {_count(c, 'ge')}",
    "greater_than": lambda c: f"значение должно быть больше {_count(c, 'gt')}",
    "less_than_equal": lambda c: f"значение должно быть не больше {_count(c, 'le')}",
    "less_than": lambda c: f"значение должно быть меньше {_count(c, 'lt')}",
}


#: The stable code of each pydantic error type (errors.PROBLEM_CODES lists them all).
_CODES = {
    "missing": "field.missing", "extra_forbidden": "field.unknown",
    "enum": "value.not_allowed", "literal_error": "value.not_allowed", "value_error": "value.invalid",
    "string_type": "text.invalid", "string_too_short": "text.length", "string_too_long": "text.length",
    "string_pattern_mismatch": "text.format", "list_type": "list.invalid", "tuple_type": "list.invalid",
    "too_short": "list.length", "too_long": "list.length", "dict_type": "object.invalid",
    "model_type": "object.invalid", "model_attributes_type": "object.invalid",
    "bool_parsing": "bool.invalid", "bool_type": "bool.invalid",
    "greater_than_equal": "number.range", "greater_than": "number.range",
    "less_than_equal": "number.range", "less_than": "number.range",
}


def problem_code(error: ErrorDetails) -> str:
    """The stable code of a pydantic error: ``date.invalid``, ``field.unknown`` …"""
    kind = error.get("type", "")
    if error.get("input", "") is None and kind.endswith("_type"):
        return "field.missing"
    if kind.startswith(("date", "datetime")):
        return "date.invalid"
    if kind.startswith(("int_", "float_", "decimal_")):
        return "number.invalid"
    return _CODES.get(kind, "input.invalid")


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names (and aliases) valid where ``loc`` points (its parent's model)."""
    parent = annotation_at(model, loc[:-1]) if loc[:-1] else model
    names: list[str] = []
    for member in unwrap(parent) if parent is not None else []:
        if _is_model(member):
            names += [k for name, info in member.model_fields.items() for k in (name, info.alias) if k]
    return names


def problem_hint(error: ErrorDetails, model: type[BaseModel], loc: Loc, annotation: Any) -> str | None:
    """What to do, in Russian: the nearest known field for an unknown one, the allowed
    words for a value not in the list, how to write a date."""
    code = problem_code(error)
    if code == "field.unknown" and loc and isinstance(loc[-1], str):
        names = _field_names(model, loc)
        near = get_close_matches(loc[-1], names, n=1, cutoff=0.6)
        if near:
            return f"Возможно, имелось в виду «{near[0]}»"
        return f"Известные поля: {', '.join(names)}" if names else None
    if code == "date.invalid":
        return DATE_HINT[0].upper() + DATE_HINT[1:]
    if code == "value.not_allowed":
        words = allowed_words(annotation) if annotation is not None else None
        return "Допустимо: " + ", ".join(f"«{w}»" for w in words) if words else None
    return None


def russian_message(error: ErrorDetails, annotation: Any = None) -> str:
    """A Russian message for one pydantic error (``ValidationError.errors()`` item)."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if error.get("input", "") is None and kind.endswith("_type"):
        return "обязательное поле не заполнено"  # «key:» left empty in YAML
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    if kind in ("enum", "literal_error"):
        words = allowed_words(annotation) if annotation is not None else None
        listed = ", ".join(f"«{w}»" for w in words) if words else str(ctx.get("expected", ""))
        return f"недопустимое значение; допустимо: {listed}"
    template = _MESSAGES.get(kind)
    if template is None:
        return f"недопустимое значение ({error.get('msg', kind)})"
    return template(ctx) if callable(template) else template


#: Errors a model member of a union gives when the value was not a mapping at all.
_NOT_A_MAPPING = {"model_type", "model_attributes_type", "dict_type"}


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def strip_union_tags(model: type[BaseModel], loc: Loc) -> tuple[Loc, list[tuple[int, bool]]]:
    """Drop the member tags pydantic puts in the location of a union's errors.

    ``("curator", "Official", "post")`` for ``curator: Official | str`` becomes
    ``("curator", "post")``; each dropped tag is returned as (position in the clean
    location, whether the member is a model).
    """
    clean: list[str | int] = []
    tags: list[tuple[int, bool]] = []
    current: Any = model
    for part in loc:
        members = unwrap(current) if current is not None else []
        if isinstance(part, str) and len(members) > 1 and not any(
                _is_model(m) and part in m.model_fields for m in members):
            member = next((m for m in members if _is_model(m) and m.__name__ == part), None)
            tags.append((len(clean), member is not None))
            current = member if member is not None else next((m for m in members if not _is_model(m)), None)
            continue
        clean.append(part)
        current = annotation_at(current, (part,)) if _is_model_like(current) else None
    return tuple(clean), tags


def _is_model_like(annotation: Any) -> bool:
    return annotation is not None and any(
        _is_model(m) or typing.get_origin(m) in (list, tuple, dict) for m in unwrap(annotation))


def _relevant(model: type[BaseModel], errors: list[ErrorDetails]) -> list[tuple[ErrorDetails, Loc]]:
    """Errors with union tags removed, leaving out the members the value plainly was not
    (a mapping is not text; text is not a mapping) unless nothing else is left there."""
    kept: list[tuple[ErrorDetails, Loc]] = []
    noise: dict[Loc, tuple[ErrorDetails, Loc]] = {}
    for error in errors:
        loc, tags = strip_union_tags(model, tuple(error.get("loc", ())))
        if not tags:
            kept.append((error, loc))
            continue
        position, is_model = tags[-1]
        plain = (is_model and error.get("type") in _NOT_A_MAPPING) or (
            not is_model and isinstance(error.get("input"), dict))
        if plain:
            noise.setdefault(loc[:position], (error, loc))
        else:
            kept.append((error, loc))
    for where, item in noise.items():
        if not any(loc[: len(where)] == where for _, loc in kept):
            kept.append(item)
    return kept


def problems_from_validation(
    exc: ValidationError,
    model: type[BaseModel],
    *,
    file: str | None = None,
    prefix: Loc = (),
    locate: Callable[[Loc], dict[str, Any]] | None = None,
    skip_root: bool = False,
) -> list[Problem]:
    """One Problem per pydantic error; ``locate(loc)`` may add sheet/row/column/field.

    ``skip_root`` leaves out the model's own (whole-record) errors.
    """
    problems = []
    for error, loc in _relevant(model, exc.errors(include_url=False)):
        if skip_root and not loc:
            continue
        annotation = annotation_at(model, loc)
        value = error.get("input")
        if error.get("type") == "missing" or isinstance(value, (dict, list)):
            value = None
        where: dict[str, Any] = {"field": field_path(prefix + loc) or None}
        if locate is not None:
            where.update(locate(prefix + loc))
        problems.append(Problem(russian_message(error, annotation), file=file, value=value,
                                path=prefix + loc, code=problem_code(error),
                                hint=problem_hint(error, model, loc, annotation), **where))
    return problems
