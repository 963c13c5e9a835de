"""Writing the records of a batch: one worker per process, its template prepared once.

DOCX templates go through the fast path (:mod:`nastavnik_docs.engine.fast`); XLSX through
the XLSX engine. Each file is written under a temporary name and renamed when complete, so
a killed run leaves no half-written document; or, for an archive or a stream, the document
is made in memory (:meth:`Worker.document`). A record with bad data gives a Russian reason
and never stops the others.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .._files import TEMP_PREFIX
from ..errors import NastavnikError
from ..kinds import Kind, get_kind

__all__ = ["Document", "Item", "Outcome", "Worker", "auto_jobs", "init_process", "kind_ref", "run_chunk",
           "run_documents"]

log = logging.getLogger("nastavnik_docs.batch")

#: A record to write: (its position, its data, the target file).
Item = tuple[int, Mapping[str, Any], str]
#: What became of it: (its position, None or the Russian reason it failed).
Outcome = tuple[int, str | None]
#: A record's document made in memory: (its position, the bytes or None, None or the reason).
Document = tuple[int, bytes | None, str | None]


class Worker:
    """Renders records of one kind into files; one per process, template prepared once."""

    def __init__(self, kind: Kind, template: Path, suffix: str):
        self.kind = kind
        self.template = template
        self.suffix = suffix
        self.renderer: Any = None
        if suffix == ".docx":
            from ..engine.fast import DocxRenderer

            self.renderer = DocxRenderer(template)

    def _input(self, record: Mapping[str, Any]) -> BaseModel:
        """The validated input. pydantic alone is tried first (a few µs); only a record it
        rejects goes through ``io.load_input``, which converts Russian dates and linked
        files or explains every problem in Russian."""
        try:
            return self.kind.input_model.model_validate(record)
        except ValidationError:
            from ..io import load_input

            return load_input(self.kind.input_model, dict(record))

    def _write(self, context: Any, target: str) -> None:
        """Write under a temporary name beside ``target``, then rename it into place.

        The batch checked the targets before starting (no clash unless overwriting or
        resuming), so a plain rename is safe; a kill leaves only a temporary file, which
        the next run removes.
        """
        folder, name = os.path.split(target)
        tmp = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{name}")
        done = False
        try:
            if self.renderer is not None:  # the fast path, or docxtpl where it cannot go
                self.renderer.write(context, tmp)
            else:
                from ..engine.xlsx import render_xlsx

                render_xlsx(self.template, context, tmp)
            os.replace(tmp, target)
            done = True
        finally:
            if not done and os.path.exists(tmp):
                os.unlink(tmp)

    def one(self, index: int, record: Mapping[str, Any], target: str) -> Outcome:
        """Write one record; return (index, None) or (index, the Russian reason)."""
        try:
            context = self.kind.build_context(self._input(record))
            self._write(context, target)
        except Exception as exc:  # one broken record never stops the batch
            return index, _reason(index, exc)
        return index, None

    def document(self, index: int, record: Mapping[str, Any]) -> Document:
        """One record's document in memory: (index, its bytes, None) or (index, None, the
        Russian reason it failed)."""
        try:
            context = self.kind.build_context(self._input(record))
            if self.renderer is not None:
                return index, self.renderer.render_bytes(context), None
            from ..engine.xlsx import render_xlsx

            buffer = io.BytesIO()
            render_xlsx(self.template, context, buffer)
            return index, buffer.getvalue(), None
        except Exception as exc:  # one broken record never stops the batch
            return index, None, _reason(index, exc)

    def documents(self, items: list[tuple[int, Mapping[str, Any]]]) -> list[Document]:
        return [self.document(index, record) for index, record in items]

    def chunk(self, items: list[Item]) -> list[Outcome]:
        return [self.one(*item) for item in items]


_WORKER: Worker | None = None


def init_process(kind: Kind | str, template: str, suffix: str) -> None:
    """Start of a worker process: its worker, with the template prepared."""
    global _WORKER
    _WORKER = Worker(get_kind(kind), Path(template), suffix)


def run_chunk(items: list[Item]) -> list[Outcome]:
    """Write a chunk of records in a worker process."""
    assert _WORKER is not None
    return _WORKER.chunk(items)


def run_documents(items: list[tuple[int, Mapping[str, Any]]]) -> list[Document]:
    """Make a chunk of records' documents in memory in a worker process."""
    assert _WORKER is not None
    return _WORKER.documents(items)


def _reason(index: int, exc: Exception) -> str:
    """Why a record failed, in Russian: the library's own message, or what went wrong."""
    if isinstance(exc, NastavnikError):
        return str(exc)
    log.debug("record %s failed", index, exc_info=exc)
    return f"непредвиденная ошибка ({type(exc).__name__}): {exc}"


def kind_ref(kind: Kind) -> Kind | str:
    """The kind's id when it is in the catalogue (a new process finds it by id, also where
    processes are spawned rather than forked), else the object itself."""
    try:
        return kind.id if get_kind(kind.id) is kind else kind
    except NastavnikError:
        return kind


def auto_jobs(n: int) -> int:
    """How many processes for ``n`` records."""
    cpus = os.cpu_count() or 1
    # Starting a process and preparing the template costs ~0.3 s: worth it from ~500 files.
    return 1 if n < 500 else min(cpus, 8)
