"""The default wording of the kinds, kept as YAML files next to the modules that use it.

Goals, tasks, meeting topics, duties, legal clauses and the like are data a school may
want to read or reword, not code: each family keeps them in a ``.yaml`` file beside its
module, and :func:`wording` reads a file once per process. :func:`schema_words` lets the
JSON Schema of a choice field name the Russian words its validator also reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

from .._resources import packaged_yaml

__all__ = ["schema_words", "wording"]


@cache
def wording(package: str, name: str) -> dict[str, Any]:
    """The mapping in the YAML file ``name`` of ``package`` (e.g. ``wording(__package__,
    "orders.yaml")``), read once."""
    text = resources.files(package).joinpath(name).read_text("utf-8")
    data = packaged_yaml(text)
    if not isinstance(data, dict):
        raise TypeError(f"{package}/{name}: a mapping of wording was expected")
    return data


def schema_words(words: Iterable[str]) -> Callable[[dict[str, Any]], None]:
    """A ``json_schema_extra`` adding ``words`` (the Russian spellings a field's validator
    turns into its values, «поручение» for ``entrust``) to the field's ``enum``."""
    extra = list(words)

    def add(schema: dict[str, Any]) -> None:
        schema["enum"] = [*schema.get("enum", []), *extra]

    return add
