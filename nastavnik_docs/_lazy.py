"""Names of a package imported on first use (PEP 562), so that importing the package loads
nothing it does not need: a command that only reads YAML never loads openpyxl.

A package lists where each public name lives and sets
``__getattr__ = lazy_attributes(__name__, WHERE, globals())``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(package: str, where: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: a name of ``where`` (name -> the submodule
    that defines it, relative to the package) is imported when first looked up, then kept in
    the package's ``namespace`` so that the next lookup costs nothing."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        from importlib import import_module

        value = getattr(import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
