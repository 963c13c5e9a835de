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
  exist in the calendar (leap years included);
* **text** may be given as a number (``number: 14`` in YAML is the order number «14»),
  and text the model strips of spaces must hold more than spaces (:data:`NOT_BLANK`).

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

__all__ = ["DAY_FIRST_DATE", "DECIMAL_TEXT", "NOT_BLANK", "InputJsonSchema", "input_schema", "spelling_pattern"]

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

#: A number written as text the way the loader reads it (``io`` ``parse_number``): digits
#: grouped by spaces, a decimal comma or point, a currency unit after it. It begins as
#: pydantic's own pattern of decimal text does, which the docs recognise.
DECIMAL_TEXT = ("^(?!^[-+.]*$)[ \\t\u00a0]*[+-]?[0-9](?:[0-9]|[ \u00a0](?=[0-9]))*(?:[.,][0-9]+)?"
                "[ \\t\u00a0]*(?:руб\\.?|р\\.|₽)?[ \\t\u00a0]*$")

#: The pattern of text that is not only spaces.
NOT_BLANK = "\\S"

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
    """pydantic's schema generator, with dates and text as the loader reads them."""

    def str_schema(self, schema: cs.StringSchema) -> JsonSchemaValue:
        """Text, or a number (``number: 14`` in YAML is the text «14»); where spaces around
        are stripped, text that is only spaces is not text (``\\S``). Where the text has a
        longest length, the number is a whole one whose digits fit it."""
        json_schema = super().str_schema(schema)
        strips = schema.get("strip_whitespace") or self._config.str_strip_whitespace
        if strips and json_schema.get("minLength", 0) >= 1 and "pattern" not in json_schema:
            json_schema["pattern"] = NOT_BLANK
        if json_schema.get("pattern", NOT_BLANK) == NOT_BLANK:
            json_schema["type"] = ["string", "number"]
            longest = json_schema.get("maxLength")
            if longest is not None:  # the number's text must fit too: a bound JSON Schema can state
                digits = min(longest, 15)
                json_schema["type"] = ["string", "integer"]
                json_schema["maximum"] = 10**digits - 1
                json_schema["minimum"] = -(10 ** (digits - 1) - 1)
        return json_schema

    def decimal_schema(self, schema: cs.DecimalSchema) -> JsonSchemaValue:
        """A number, or text the loader reads as one: «3 500,50», «3500 руб.» (pydantic
        drops the pattern of the text form when the number has limits)."""
        json_schema = super().decimal_schema(schema)
        options = json_schema.get("anyOf", [json_schema])
        low = next((o.get("minimum", o.get("exclusiveMinimum")) for o in options if o.get("type") == "number"), None)
        for option in options:
            if option.get("type") == "string":
                option["pattern"] = DECIMAL_TEXT.replace("[+-]?", "[+]?") if low is not None and low >= 0 \
                    else DECIMAL_TEXT
        return json_schema

    def date_schema(self, schema: cs.DateSchema) -> JsonSchemaValue:
        iso = super().date_schema(schema)
        return {"anyOf": [iso, {"type": "string", "pattern": DAY_FIRST_DATE,
                                "description": "ДД.ММ.ГГГГ"}]}


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model`` as the loader accepts it (see the module docstring)."""
    return model.model_json_schema(schema_generator=InputJsonSchema)

