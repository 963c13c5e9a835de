"""What the console script's process does without importing: NumPy under openpyxl.

openpyxl imports NumPy whenever it is installed — and matplotlib, which draws the
analytical report's chart, always installs it — only to count NumPy's number types as
numbers when a cell is written. The library never puts a NumPy number into a workbook, and
that import took 0.1 s of every command that writes a workbook (about a tenth of the
coverage report of a school).

In the console script's process, which runs the library's code only, openpyxl's
``compat.numbers`` is therefore imported with NumPy hidden: ``sys.modules["numpy"] = None``,
the documented way to make one import fail, for the time that module runs. NumPy stays
importable: a chart drawn later imports it as usual. If NumPy is already imported, nothing
is hidden. A program that embeds the library keeps openpyxl as it is, since its own
workbooks may hold NumPy numbers; so does the web server (``nastavnik-docs serve``,
:func:`import_openpyxl_as_is`), whose threads may import NumPy for a chart at the very
moment another imports openpyxl.

No library does this (it is an import hook of a dozen lines): ``importlib``'s meta path
finder protocol is the supported way to change how one module is imported.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

__all__ = ["import_openpyxl_as_is", "import_openpyxl_without_numpy"]

_NUMBERS = "openpyxl.compat.numbers"


def import_openpyxl_without_numpy() -> None:
    """Have openpyxl, when it is first imported in this process, skip NumPy (see above)."""
    if _NUMBERS not in sys.modules and not any(isinstance(f, _NumpyHiddenFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _NumpyHiddenFinder())


def import_openpyxl_as_is() -> None:
    """Undo :func:`import_openpyxl_without_numpy` if openpyxl has not been imported yet
    (the web server: it runs many requests at once, in threads)."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _NumpyHiddenFinder)]


class _NumpyHiddenFinder:
    """Finds ``openpyxl.compat.numbers`` as usual, with a loader that hides NumPy; finds
    nothing else, and leaves ``sys.meta_path`` once it has found that module."""

    def find_spec(self, fullname: str, path: Any = None, target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname != _NUMBERS:
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None and "numpy" not in sys.modules:
            spec.loader = _NumpyHiddenLoader(spec.loader)  # type: ignore[assignment]
        return spec


class _NumpyHiddenLoader:
    """The module's own loader, run while ``import numpy`` fails."""

    def __init__(self, loader: Any):
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        created: ModuleType | None = self._loader.create_module(spec)
        return created

    def exec_module(self, module: ModuleType) -> None:
        hidden = "numpy" not in sys.modules
        if hidden:
            sys.modules["numpy"] = None  # type: ignore[assignment]
        try:
            self._loader.exec_module(module)
        finally:
            if hidden and "numpy" in sys.modules and sys.modules["numpy"] is None:
                del sys.modules["numpy"]
