"""Writing the records of a batch: one worker per process, its template prepared once.

DOCX templates go through the fast path (:mod:`nastavnik_docs.engine.fast`); XLSX through
the XLSX engine. Each file is written under a temporary name and renamed when complete, so
a killed run leaves no half-written document. A record with bad data gives a Russian reason
and never stops the others.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .._files import TEMP_PREFIX
from ..errors import NastavnikError
from ..kinds import Kind, get_kind

__all__ = ["Item", "Outcome", "Worker", "auto_jobs", "init_process", "kind_ref", "run_chunk"]

log = logging.getLogger("nastavnik_docs.batch")

#: A record to write: (its position, its data, the target file).
Item = tuple[int, Mapping[str, Any], str]
#: What became of it: (its position, None or the Russian reason it failed).
Outcome = tuple[int, str | None]


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
        except NastavnikError as exc:
            return index, str(exc)
        except Exception as exc:  # one broken record never stops the batch
            log.debug("record %s failed", index, exc_info=True)
            return index, f"непредвиденная ошибка ({type(exc).__name__}): {exc}"
        return index, None

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
