"""Hypothesis strategies for the JSON Schemas the library publishes: values the schema allows.

hypothesis-jsonschema would do this, but its releases (up to 0.23.1) use a Hypothesis
internal (``many.more()``) that Hypothesis 6.150+ no longer has. Our schemas use a small
part of JSON Schema — ``type`` (also a list of types), ``enum``, ``const``, ``anyOf`` /
``oneOf``, ``$ref`` to ``$defs``, ``properties`` / ``required`` / ``additionalProperties``,
``items`` / ``prefixItems`` / ``minItems`` / ``maxItems``, ``minLength`` / ``maxLength`` /
``pattern`` / ``format: date``, ``minimum`` / ``maximum`` / ``exclusiveMinimum`` — and this
module covers exactly that part; anything else raises, so a schema growing a new keyword
is noticed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import strategies as st

_KNOWN = {"type", "enum", "const", "anyOf", "oneOf", "$ref", "properties", "required",
          "additionalProperties", "items", "prefixItems", "minItems", "maxItems", "minLength",
          "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
          "exclusiveMaximum", "title", "description", "default", "examples", "$defs",
          "propertyNames", "uniqueItems", "deprecated", "readOnly"}


def from_schema(schema: dict[str, Any], *, max_depth: int = 4) -> st.SearchStrategy[Any]:
    """Values valid under ``schema`` (a schema with its ``$defs``)."""
    return _Builder(schema.get("$defs", {}), max_depth).build(schema, 0)


class _Builder:
    def __init__(self, defs: dict[str, Any], max_depth: int):
        self.defs = defs
        self.max_depth = max_depth

    def build(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
        unknown = set(schema) - _KNOWN
        if unknown:
            raise ValueError(f"keywords this generator does not know: {sorted(unknown)}")
        if "$ref" in schema:
            return self.build(self.defs[schema["$ref"].rsplit("/", 1)[-1]], depth)
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        options = schema.get("anyOf") or schema.get("oneOf")
        if options:
            base = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
            return st.one_of([self.build({**base, **option}, depth) for option in options])
        kind = schema.get("type")
        if isinstance(kind, list):
            return st.one_of([self.build({**schema, "type": k}, depth) for k in kind])
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind in ("integer", "number"):
            return self.number(schema, kind)
        if kind == "string":
            return self.string(schema)
        if kind == "array":
            return self.array(schema, depth)
        if kind == "object":
            return self.object(schema, depth)
        raise ValueError(f"a schema without a type this generator knows: {schema}")

    @staticmethod
    def number(schema: dict[str, Any], kind: str) -> st.SearchStrategy[Any]:
        low = schema.get("minimum")
        high = schema.get("maximum")
        if "exclusiveMinimum" in schema:
            low = schema["exclusiveMinimum"] + (1 if kind == "integer" else 1e-9)
        if "exclusiveMaximum" in schema:
            high = schema["exclusiveMaximum"] - (1 if kind == "integer" else 1e-9)
        if kind == "integer":
            return st.integers(low, high)
        return st.floats(low, high, allow_nan=False, allow_infinity=False) | st.integers(
            None if low is None else int(low) + 1, None if high is None else int(high) - 1)

    @staticmethod
    def string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        if schema.get("format") == "date":
            return st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
        if "pattern" in schema:
            text = st.from_regex(re.compile(schema["pattern"]), fullmatch=False)
        else:
            text = st.text(min_size=low, max_size=high if high is not None else 40)
        return text.filter(lambda s: low <= len(s) <= (high if high is not None else len(s)))

    def array(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[list[Any]]:
        if "prefixItems" in schema:
            return st.tuples(*(self.build(s, depth + 1) for s in schema["prefixItems"])).map(list)
        low = schema.get("minItems", 0)
        high = schema.get("maxItems", low + (2 if depth < self.max_depth else 0))
        items = self.build(schema.get("items", {"type": "string"}), depth + 1)
        return st.lists(items, min_size=low, max_size=max(low, min(high, low + 3)))

    def object(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        extra = schema.get("additionalProperties")
        if not properties and isinstance(extra, dict):
            keys = self.build(schema.get("propertyNames", {"type": "string", "minLength": 1}), depth + 1)
            return st.dictionaries(keys, self.build(extra, depth + 1), max_size=2)
        fixed = {name: self.build(sub, depth + 1) for name, sub in properties.items() if name in required}
        # optional fields appear sometimes, and never below the depth limit
        optional = {name: self.build(sub, depth + 1) for name, sub in properties.items()
                    if name not in required and depth < self.max_depth}
        return st.fixed_dictionaries(fixed, optional=optional)
