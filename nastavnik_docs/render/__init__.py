"""Writing documents: template lookup, the sandboxed DOCX and XLSX engines, template checks, PDF.

The only package that imports docxtpl / python-docx / openpyxl for writing. Heavy modules
are imported on first use, so importing ``nastavnik_docs.render.image`` from a context
model does not pull in a format library.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__all__ = [
    "BLANK",
    "Image",
    "SafeDocxTemplate",
    "TemplateReport",
    "check_template",
    "convert_to_pdf",
    "find_template",
    "make_environment",
    "render_docx",
    "render_xlsx",
]

_WHERE = {
    "BLANK": "docx",
    "Image": "image",
    "SafeDocxTemplate": "docx",
    "TemplateReport": "check",
    "check_template": "check",
    "convert_to_pdf": "pdf",
    "find_template": "lookup",
    "make_environment": "docx",
    "render_docx": "docx",
    "render_xlsx": "xlsx",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


class _CallableModule(types.ModuleType):
    """``nastavnik_docs.render`` is both this package and the public function
    ``nastavnik_docs.render()``. Python binds a subpackage onto its parent package when it is
    first imported, which can replace the function by the module (for instance when a kind
    imports ``nastavnik_docs.render.image`` before anyone asked for the function). Making
    the package callable keeps ``nastavnik_docs.render(kind, data, out)`` working either way.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from .._api import render

        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
