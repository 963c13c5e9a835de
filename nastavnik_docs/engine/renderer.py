"""Rendering one DOCX template many times: the fast path where it can go, docxtpl where not.

:class:`DocxRenderer` is what a batch holds per template: it prepares
:class:`~.fast.FastDocxTemplate` once and falls back to the plain docxtpl path
(:func:`~.docx.render_docx`) for a template or a record the fast path does not cover.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .._files import write_file
from .docx import render_docx
from .fast import FastDocxTemplate, FastPathUnsupported

__all__ = ["DocxRenderer"]

log = logging.getLogger(__name__)


class DocxRenderer:
    """Renders one template many times: the fast path when it can, else the plain one.

    A template the fast path cannot prepare, and a record it cannot render, go through
    :func:`~nastavnik_docs.engine.docx.render_docx` (docxtpl); each such case is logged at
    debug level with the reason.
    """

    def __init__(self, template: str | os.PathLike[str]):
        self.template = Path(template)
        self.fast: FastDocxTemplate | None
        try:
            self.fast = FastDocxTemplate(self.template)
        except FastPathUnsupported as exc:
            log.debug("быстрый путь недоступен для шаблона %s: %s; используется docxtpl",
                      self.template.name, exc)
            self.fast = None
        self.fallbacks = 0

    def write(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> Path:
        self.write_file(context, out)
        return Path(out)

    def write_file(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> None:
        """:meth:`write` without making a ``Path`` of ``out``: a batch of tens of thousands
        of files would keep every name's parts in the interpreter's table of interned strings."""
        if self.fast is not None:
            try:
                data = self.fast.render_bytes(context)
            except FastPathUnsupported as exc:
                log.debug("запись через docxtpl (%s): %s", self.template.name, exc)
            else:
                write_file(os.fspath(out), data)
                return
        self.write_plain(context, out)

    def render_bytes(self, context: BaseModel | Mapping[str, Any]) -> bytes:
        """The document's bytes, made in memory (the fast path, else docxtpl)."""
        if self.fast is not None:
            try:
                return self.fast.render_bytes(context)
            except FastPathUnsupported as exc:
                log.debug("запись через docxtpl (%s): %s", self.template.name, exc)
        return self._plain_bytes(context)

    def render_many(self, contexts: Sequence[BaseModel | Mapping[str, Any]]) -> list[bytes | Exception]:
        """Each context's document bytes, or the error it raised, made stage by stage: every
        record's parts rendered, then every package built. A batch renders a block of records
        this way: one stage's code and data stay in the processor's caches across the block,
        where record by record each stage evicts the others (about a fifth less time per
        certificate, measured in blocks of 64)."""
        out: list[bytes | Exception] = []
        if self.fast is None:
            for context in contexts:
                out.append(self._try(self.render_bytes, context))
            return out
        fast = self.fast
        rendered = [self._try(fast.render, context) for context in contexts]
        for context, parts in zip(contexts, rendered, strict=True):
            result = parts if isinstance(parts, Exception) else self._try(fast.package_bytes, parts)
            if isinstance(result, FastPathUnsupported):
                log.debug("запись через docxtpl (%s): %s", self.template.name, result)
                result = self._try(self._plain_bytes, context)
            out.append(result)
        return out

    @staticmethod
    def _try(function: Any, argument: Any) -> Any:
        try:
            return function(argument)
        except Exception as exc:  # one record's failure is its own, returned in its place
            return exc

    def _plain_bytes(self, context: BaseModel | Mapping[str, Any]) -> bytes:
        self.fallbacks += 1
        buffer = io.BytesIO()
        render_docx(self.template, context, buffer)
        return buffer.getvalue()

    def write_plain(self, context: BaseModel | Mapping[str, Any], out: str | os.PathLike[str]) -> Path:
        """The plain docxtpl path (:func:`~nastavnik_docs.engine.docx.render_docx`)."""
        self.fallbacks += 1
        return render_docx(self.template, context, out)
