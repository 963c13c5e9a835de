"""Writing documents: template lookup, the sandboxed DOCX and XLSX engines, template checks, PDF.

The only package that imports docxtpl / python-docx / openpyxl for writing. Heavy modules
are imported on first use, so importing the package does not pull in a format library.
The names below are the engine's stable API for the layers above (``_api``, ``batch``,
the catalogue's special writers); the modules behind them may move.

Inside: ``docx`` (the sandboxed docxtpl engine), ``fast`` (the batch path), ``merge`` (one
print file), ``archive`` (a ZIP of documents into any stream), ``xlsx`` / ``xlsx_rows``
(the XLSX engine), ``check`` / ``paths`` / ``introspect`` / ``report`` (template checks),
``roadmap_xlsx`` / ``ics`` (special writers), ``lookup``, ``pdf``; private layers under
them: ``_jinja`` (the one Jinja environment and its errors, shared by both engines),
``_opc`` (the zip package), ``_wordml`` (Word XML as text), ``_docxtpl_compat`` (every use
of docxtpl's internals).
"""

from __future__ import annotations

from .._lazy import lazy_attributes

__all__ = [
    "Archive",
    "BLANK",
    "DocxRenderer",
    "SafeDocxTemplate",
    "TemplateReport",
    "check_template",
    "convert_to_pdf",
    "find_template",
    "make_environment",
    "merge_documents",
    "open_template",
    "render_docx",
    "render_xlsx",
    "write_roadmap_ics",
    "write_roadmap_xlsx",
]

_WHERE = {
    "Archive": "archive",
    "BLANK": "_jinja",
    "DocxRenderer": "renderer",
    "SafeDocxTemplate": "docx",
    "TemplateReport": "report",
    "check_template": "check",
    "convert_to_pdf": "pdf",
    "find_template": "lookup",
    "make_environment": "_jinja",
    "merge_documents": "merge",
    "open_template": "_jinja",
    "render_docx": "docx",
    "render_xlsx": "xlsx",
    "write_roadmap_ics": "ics",
    "write_roadmap_xlsx": "roadmap_xlsx",
}


__getattr__ = lazy_attributes(__name__, _WHERE, globals())
