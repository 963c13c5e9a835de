"""The JSON Schema of input data: what the loader accepts, said in JSON Schema.

pydantic's own schema is stricter than the loader in two places a curator meets every
day, and this module closes both gaps, so that a payload a form or another program
validates against the schema is one the library loads:

* **enumerations** (:class:`~nastavnik_docs.models.AliasedEnum`: ``Gender``, ``OrgKind``
  …) accept Russian and English spellings regardless of case, «ё», dashes and spaces
  around. Their schema is ``anyOf`` the canonical values (``enum``, what a drop-down
  shows) and a ``pattern`` matching every spelling the loader takes
  (:func:`spelling_pattern`);
* **dates** are ISO (``2026-09-01``, ``format: date``) or day first (``01.09.2026``,
  also ``1.9.2026``): :data:`DAY_FIRST_DATE` is a pattern of the day-first dates that
  exist in the calendar (leap years included).

:func:`input_schema` gives the schema of a model with both; ``nastavnik-docs schema KIND``
prints it. (``Model.model_json_schema()`` has the enumerations too — they carry their
schema with them — but dates only as ISO.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema as cs

__all__ = ["DAY_FIRST_DATE", "InputJsonSchema", "input_schema", "spelling_pattern"]

_DAY = r"(?:0?[1-9]|1[0-9]|2[0-8])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"  # 0001…9999
_LEAP = (r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])"  # divisible by 4, not a century
         r"|(?:0[48]|[2468][048]|[13579][26])00)")  # centuries divisible by 400
#: A day-first date that exists: «01.09.2026», «1.9.2026», «29.02.2024» (not «29.02.2023»).
DAY_FIRST_DATE = (
    "^(?:"
    rf"{_DAY}\.{_MONTH}\.{_YEAR}"
    rf"|(?:29|30)\.(?:0?[13-9]|1[0-2])\.{_YEAR}"
    rf"|31\.(?:0?[13578]|1[02])\.{_YEAR}"
    rf"|29\.0?2\.{_LEAP}"
    ")$"
)

# Characters a pattern must escape (ECMA-262 and Python agree on these).
_SPECIAL = set("\\^$.|?*+()[]{}/")
_SPACE = "[ \\t\u00a0]"
_DASHES = "[-\u2013\u2014\u2012\u2212]"


def _char(c: str) -> str:
    if c == "е":
        return "[еЕёЁ]"
    if c == " ":
        return f"{_SPACE}+"
    if c == "-":
        return _DASHES
    if c.lower() != c.upper():
        return f"[{c.lower()}{c.upper()}]"
    return "\\" + c if c in _SPECIAL else c


def spelling_pattern(words: Iterable[str]) -> str:
    """A pattern matching each of ``words`` (normalised: lower case, «е» for «ё», one
    space, «-» for any dash) written the ways ``normalize_word`` reads as that word:
    any case, «ё» or «е», any dash, several spaces inside, spaces around, dots after."""
    alternatives = sorted({"".join(_char(c) for c in word) for word in words if word}, key=len,
                          reverse=True)
    return f"^{_SPACE}*(?:{'|'.join(alternatives)})\\.*{_SPACE}*$"


class InputJsonSchema(GenerateJsonSchema):
    """pydantic's schema generator, with dates written as the loader reads them."""

    def date_schema(self, schema: cs.DateSchema) -> JsonSchemaValue:
        iso = super().date_schema(schema)
        return {"anyOf": [iso, {"type": "string", "pattern": DAY_FIRST_DATE,
                                "description": "ДД.ММ.ГГГГ"}]}


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model`` as the loader accepts it (see the module docstring)."""
    return model.model_json_schema(schema_generator=InputJsonSchema)

