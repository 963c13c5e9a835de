"""Writing documents: template lookup, the sandboxed DOCX and XLSX engines, template checks, PDF.

The only package that imports docxtpl / python-docx / openpyxl for writing. Heavy modules
are imported on first use, so importing the package does not pull in a format library.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "BLANK",
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
