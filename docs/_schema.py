"""JSON Schema of an input model -> Markdown field tables, in Russian, for the docs site.

Only the input schema (``nastavnik_docs.input_schema(kind)``: pydantic's, with dates and
enumerations as the loader reads them) is read, so the
tables say exactly what the library validates: each field's name, type, whether it is
required, its description, its allowed values and its default. Nested models are
rendered as links (``type_link``) that the caller points at a section of the same page or
at the shared types page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["Schema", "def_name", "field_rows", "field_table", "referenced_defs", "type_text"]

Schema = Mapping[str, Any]
#: Turns a model name of ``$defs`` into Markdown (a link to where that model is described).
TypeLink = Callable[[str], str]

#: pydantic's pattern for a ``Decimal`` given as a string: such a field is a number.
_DECIMAL_PATTERN = "^(?!^[-+.]*$)"
#: The pattern of text that is more than spaces: «не пустая» says it already.
_NOT_BLANK = "\\S"

_SIMPLE = {
    "integer": "целое число",
    "number": "число",
    "boolean": "да / нет (`true` / `false`)",
    "null": "пусто",
}
_FORMATS = {
    "date": "дата (`ГГГГ-ММ-ДД`)",
    "date-either": "дата (`ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`)",
    "date-time": "дата и время",
    "time": "время (`ЧЧ:ММ`)",
    "path": "путь к файлу",
    "binary": "двоичные данные",
}


def def_name(ref: str) -> str:
    """``"#/$defs/Organization"`` -> ``"Organization"``."""
    return ref.rsplit("/", 1)[-1]


def _code(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"`{text}`" if "`" not in text else f"`` {text} ``"


def _enum_text(values: list[Any]) -> str:
    return "одно из: " + ", ".join(_code(v) for v in values)


def enum_values(schema: Schema) -> list[Any] | None:
    """The values of an enumeration: its ``enum``, or for one that also takes other
    spellings (``anyOf`` the values and a ``pattern``) the values of the first option."""
    if "enum" in schema:
        return list(schema["enum"])
    options = schema.get("anyOf") or []
    if len(options) == 2 and "enum" in options[0] and "pattern" in options[1]:
        return list(options[0]["enum"])
    return None


#: How the schema marks a day-first date (``models.schema.DAY_FIRST_DATE``).
_DAY_FIRST = "ДД.ММ.ГГГГ"


def _is_day_first(option: Schema) -> bool:
    return option.get("description") == _DAY_FIRST and "pattern" in option


def _flat_options(schema: Schema) -> list[Schema]:
    """The options of an ``anyOf`` / ``oneOf``, nested ones flattened."""
    out: list[Schema] = []
    for option in schema.get("anyOf") or schema.get("oneOf") or []:
        out.extend(_flat_options(option) if ("anyOf" in option or "oneOf" in option)
                   and enum_values(option) is None else [option])
    return out


def type_text(schema: Schema, defs: Schema, link: TypeLink) -> str:
    """The type of a schema in words: «список: Task», «дата (ГГГГ-ММ-ДД) или строка»."""
    if "$ref" in schema:
        name = def_name(schema["$ref"])
        values = enum_values(defs.get(name, {}))
        return _enum_text(values) if values is not None else link(name)
    values = enum_values(schema)
    if values is not None:
        return _enum_text(values)
    if "const" in schema:
        return _code(schema["const"])
    options = _flat_options(schema)
    if options:
        if any(_is_day_first(o) for o in options) and any(o.get("format") == "date" for o in options):
            options = [o for o in options if not _is_day_first(o)]
            options = [{"type": "string", "format": "date-either"} if o.get("format") == "date" else o
                       for o in options]
        kept = [o for o in options if o.get("type") != "null"]
        if any(o.get("pattern", "").startswith(_DECIMAL_PATTERN) for o in kept):
            kept = [o for o in kept if o.get("type") != "string"]
        parts = list(dict.fromkeys(type_text(o, defs, link) for o in kept))
        return " или ".join(parts) if parts else _SIMPLE["null"]
    kind = schema.get("type")
    if isinstance(kind, list) and "string" in kind and ({"number", "integer"} & set(kind)):
        kind = "string"  # a number where text is wanted is read as text («number: 14»)
    if isinstance(kind, list):
        return " или ".join(type_text({**schema, "type": k}, defs, link) for k in kind if k != "null")
    if kind == "array":
        if "prefixItems" in schema:
            inner = ", ".join(type_text(s, defs, link) for s in schema["prefixItems"])
            return f"пара значений: {inner}"
        items = schema.get("items")
        return f"список: {type_text(items, defs, link)}" if items else "список"
    if kind == "object":
        values = schema.get("additionalProperties")
        keys = schema.get("propertyNames")
        if isinstance(values, Mapping):
            key_text = type_text(keys, defs, link) if keys else "строка"
            return f"словарь: {key_text} → {type_text(values, defs, link)}"
        return "словарь"
    if kind == "string":
        return _FORMATS.get(schema.get("format", ""), "строка")
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    return "любое значение"


#: Lengths from this one up are the library's general bound on any text (``_limits``), not
#: worth a note in every row.
_GENERIC_TEXT_LIMIT = 10_000


def _constraints(schema: Schema) -> list[str]:
    """Limits the schema states, in words («от 10 до 16», «не пустая»)."""
    notes: list[str] = []
    for option in [schema, *(o for o in _flat_options(schema) if not _is_day_first(o))]:
        low, high = option.get("minimum"), option.get("maximum")
        if "string" in (option.get("type") or ()) and option.get("maxLength") is not None:
            low = high = None  # the bounds of a number typed for text: its length says it
            if option["maxLength"] < _GENERIC_TEXT_LIMIT:
                notes.append(f"до {option['maxLength']} симв.")
        if low is not None and high is not None:
            notes.append(f"от {low} до {high}")
        elif low is not None:
            notes.append(f"не меньше {low}")
        elif high is not None:
            notes.append(f"не больше {high}")
        if option.get("exclusiveMinimum") is not None:
            notes.append(f"больше {option['exclusiveMinimum']}")
        if option.get("minLength") == 1:
            notes.append("не пустая")
        if option.get("minItems"):
            notes.append(f"не меньше {option['minItems']} элем.")
        if option.get("maxItems") is not None:
            notes.append(f"не больше {option['maxItems']} элем.")
        pattern = option.get("pattern", "")
        if pattern and not pattern.startswith(_DECIMAL_PATTERN) and pattern != _NOT_BLANK:
            notes.append(f"вид {_code(pattern)}")
    return list(dict.fromkeys(notes))


def _description(name: str, schema: Schema) -> str:
    """The field's Russian description; pydantic's automatic English title is skipped."""
    text = schema.get("description") or ""
    title = schema.get("title") or ""
    if not text and title and title != name.replace("_", " ").title():
        text = title
    return text


def _type_cell(schema: Schema, defs: Schema, link: TypeLink) -> str:
    """The type with the limits the schema states: «число (от 10 до 16)»."""
    notes = _constraints(schema)
    kind = type_text(schema, defs, link)
    return f"{kind} ({'; '.join(notes)})" if notes else kind


def _default(schema: Schema) -> str:
    if "default" not in schema or schema["default"] is None:
        return ""
    value = schema["default"]
    if value in ([], {}):
        return "пусто"
    return _code(value)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def field_rows(model: Schema, defs: Schema, link: TypeLink) -> Iterator[tuple[str, str, str, str, str]]:
    """(name, type, required, description, default) for each property of ``model``."""
    required = set(model.get("required", ()))
    for name, prop in model.get("properties", {}).items():
        yield (name, _type_cell(prop, defs, link), "да" if name in required else "",
               _description(name, prop), _default(prop))


def field_table(model: Schema, defs: Schema, link: TypeLink) -> str:
    """A Markdown table of the model's fields, or a sentence when it has none."""
    rows = list(field_rows(model, defs, link))
    if not rows:
        return "Полей нет.\n"
    lines = ["| Поле | Тип | Обязательное | Описание | По умолчанию |",
             "|---|---|---|---|---|"]
    for name, kind, required, description, default in rows:
        lines.append(f"| `{name}` | {_cell(kind)} | {required} | {_cell(description)} | {_cell(default)} |")
    return "\n".join(lines) + "\n"


def referenced_defs(schema: Schema, defs: Schema) -> list[str]:
    """Names of the object models ``schema`` refers to, transitively, in first-use order
    (enumerations are printed inline and left out)."""
    seen: dict[str, None] = {}

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = def_name(ref)
                if name not in seen and enum_values(defs.get(name, {})) is None:
                    seen[name] = None
                    walk(defs.get(name, {}))
            for key, value in node.items():
                if key != "$defs":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return list(seen)
