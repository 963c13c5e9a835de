"""Writing the records of a batch: one worker per process, its template prepared once.

DOCX templates go through the fast path (:mod:`nastavnik_docs.engine.fast`); XLSX through
the XLSX engine. Records go through the stages a block at a time (:attr:`Worker.BLOCK`):
all validated, then all their contexts built, all rendered, all written. Each file is
written under a temporary name and renamed when complete, so a killed run leaves no
half-written document; or, for an archive or a stream, the documents are handed on from
memory (:meth:`Worker.documents`). A record with bad data gives a Russian reason and never
stops the others.

Processes: where the system forks (Linux), the worker processes inherit the records and
their file names from the parent (:func:`set_job` before the pool starts) and are sent
only index ranges — nothing is pickled per record. Where processes are spawned, chunks of
records are sent instead (:func:`run_chunk`).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .._files import TEMP_PREFIX, write_file
from ..errors import NastavnikError
from ..kinds import Kind, get_kind
from ._inputs import BulkValidator
from ._names import name_fields
from ._numbers import Numbering
from ._parent import die_with_parent

__all__ = ["Document", "Item", "Job", "JournalRow", "Outcome", "Worker", "auto_jobs", "init_process", "kind_ref",
           "run_chunk", "run_documents", "run_range", "set_job"]

log = logging.getLogger("nastavnik_docs.batch")

#: A record to write: (its position, its data, the target file).
Item = tuple[int, Mapping[str, Any], str]
#: A line of the registration journal: number, full name, kind, date, basis.
JournalRow = tuple[str, str, str, "dt.date | None", str]
#: What a range or chunk of records came to: the reasons of the failed ones by position,
#: the journal lines of the numbered documents written, and what their documents ask the
#: curator to check (each text once).
Outcome = tuple[dict[int, str], list[tuple[int, JournalRow]], list[str]]
#: A record's document made in memory: (its position, the bytes or None, None or the reason).
Document = tuple[int, bytes | None, str | None]
#: A document a worker made: (its position, its bytes, the record, the validated data, the context).
_Made = tuple[int, bytes, Mapping[str, Any], Any, Any]


@dataclass
class Job:
    """What every worker of a batch shares: the kind and template, the records, their file
    names, and the per-document extras (registration numbers, QR code)."""

    kind: Kind | str
    template: str
    suffix: str
    records: Sequence[Mapping[str, Any]] = ()
    targets: Sequence[str] = ()
    numbering: Numbering | None = None
    qr: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class Worker:
    """Renders records of one kind into files; one per process, template prepared once."""

    def __init__(self, job: Job):
        self.job = job
        self.kind = get_kind(job.kind)
        self.template = Path(job.template)
        self.suffix = job.suffix
        self.validate = BulkValidator(self.kind.input_model)
        #: What the documents made since :meth:`take_warnings` ask to check, each once: the
        #: batch reports them in its parent, where the caller is (a worker process's own
        #: warnings would reach only its stderr).
        self.said: dict[str, None] = {}
        self.renderer: Any = None
        if job.suffix == ".docx":
            from ..engine.renderer import DocxRenderer

            self.renderer = DocxRenderer(self.template)

    #: Records taken through the stages together. Validating a block of records, then
    #: building their contexts, rendering them and writing their files, keeps each stage's
    #: code and data in the processor's caches; record by record, the stages and the file
    #: system calls between them evict each other. Measured on 10,000 certificates, blocks
    #: of 64 took a fifth to a third less time than one record at a time (16 to 256 measured
    #: alike within the machine's noise). A block's documents are held in memory together:
    #: some 64 × 20 KB.
    BLOCK = 64

    def _put(self, data: bytes, target: str) -> None:
        """Write under a temporary name beside ``target``, then rename it into place.

        The batch checked the targets before starting (no clash unless overwriting or
        resuming), so a plain rename is safe; a kill leaves only a temporary file, which
        the next run removes.
        """
        folder, name = os.path.split(target)
        tmp = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{name}")
        try:
            write_file(tmp, data)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def _extras(self, index: int, data: Any) -> Any:
        """The validated input with its registration number and QR request, when the batch
        asks (set on the validated copy: the number may depend on the document's date)."""
        job = self.job
        if job.numbering is None and not job.qr:
            return data
        update: dict[str, Any] = {}
        if job.numbering is not None:
            day = getattr(data, "date", None)
            update["number"] = job.numbering.number(index, day if isinstance(day, dt.date) else None)
        if job.qr:
            update["qr"] = True
        return data.model_copy(update=update)

    def _made(self, items: Iterable[tuple[int, Mapping[str, Any]]], failures: dict[int, str]) -> list[_Made]:
        """The documents of ``items`` made in memory, stage by stage (:attr:`BLOCK`): each
        one that worked with its record, data and context; the reasons of the others go to
        ``failures``."""
        checked: list[tuple[int, Mapping[str, Any], Any]] = []
        for index, record in items:
            try:
                checked.append((index, record, self._extras(index, self.validate(record))))
            except Exception as exc:  # one broken record never stops the batch
                failures[index] = _reason(index, exc)
        built: list[tuple[int, Mapping[str, Any], Any, Any]] = []
        for index, record, data in checked:
            try:
                context, said = self.kind.context_and_warnings(data)
            except Exception as exc:
                failures[index] = _reason(index, exc)
                continue
            built.append((index, record, data, context))
            if said:
                self.said.update(dict.fromkeys(said))
        made: list[_Made] = []
        for (index, record, data, context), result in zip(built, self._render([b[3] for b in built]), strict=True):
            if isinstance(result, Exception):
                failures[index] = _reason(index, result)
            else:
                made.append((index, result, record, data, context))
        return made

    def _render(self, contexts: list[Any]) -> list[bytes | Exception]:
        if self.renderer is not None:  # the fast path, or docxtpl where it cannot go
            result: list[bytes | Exception] = self.renderer.render_many(contexts)
            return result
        from ..engine.xlsx import render_xlsx

        out: list[bytes | Exception] = []
        for context in contexts:
            buffer = io.BytesIO()
            try:
                render_xlsx(self.template, context, buffer)
            except Exception as exc:
                out.append(exc)
            else:
                out.append(buffer.getvalue())
        return out

    def write(self, items: Iterable[Item], failures: dict[int, str],
              journal: list[tuple[int, JournalRow]]) -> None:
        """Write records into their files, :attr:`BLOCK` at a time; a failure is noted in
        ``failures`` with its Russian reason, a numbered document's line in ``journal``."""
        it = iter(items)
        while block := list(islice(it, self.BLOCK)):
            targets = {index: target for index, _, target in block}
            for index, data, record, checked, context in self._made(((i, r) for i, r, _ in block), failures):
                try:
                    self._put(data, targets[index])
                except Exception as exc:
                    failures[index] = _reason(index, exc)
                    continue
                if self.job.numbering is not None:
                    journal.append((index, self._journal_row(record, checked, context)))

    def journal_row(self, index: int, record: Mapping[str, Any]) -> JournalRow:
        """The journal line of a record whose document a resumed batch found complete: the
        same number and data as when it was written (numbers follow the record's position),
        without rendering it again."""
        data = self._extras(index, self.validate(record))
        return self._journal_row(record, data, self.kind.context_and_warnings(data)[0])  # said when written

    def documents(self, items: Iterable[tuple[int, Mapping[str, Any]]]) -> Iterator[Document]:
        """The records' documents made in memory, :attr:`BLOCK` at a time, in their order:
        (index, its bytes, None) or (index, None, the Russian reason it failed)."""
        it = iter(items)
        while block := list(islice(it, self.BLOCK)):
            failures: dict[int, str] = {}
            made = {m[0]: m[1] for m in self._made(block, failures)}
            for index, _ in block:
                yield (index, made[index], None) if index in made else (index, None, failures[index])

    def _journal_row(self, record: Mapping[str, Any], data: Any, context: Any) -> JournalRow:
        fields = name_fields(record, 0)
        day = getattr(data, "date", None)
        basis = getattr(context, "basis", None)
        return (str(getattr(data, "number", "") or ""), str(fields.get("full_name", "")), self.kind.title,
                day if isinstance(day, dt.date) else None, str(basis or ""))

    def take_warnings(self) -> list[str]:
        """What the documents made since the last call ask to check, each text once."""
        said, self.said = list(self.said), {}
        return said

    def items(self, items: Iterable[Item]) -> Outcome:
        """Write ``items``: the reasons of the failed records, the journal lines of the
        written ones, what their documents ask to check."""
        failures: dict[int, str] = {}
        journal: list[tuple[int, JournalRow]] = []
        self.write(items, failures, journal)
        return failures, journal, self.take_warnings()

    def range(self, start: int, stop: int) -> Outcome:
        """Write the records ``start`` … ``stop - 1`` of the job."""
        records, targets = self.job.records, self.job.targets
        return self.items((index, records[index], targets[index]) for index in range(start, stop))


_JOB: Job | None = None
_WORKER: Worker | None = None
_INIT_ERROR: NastavnikError | None = None


def set_job(job: Job | None) -> None:
    """The job forked worker processes inherit (set in the parent before they start)."""
    global _JOB, _WORKER, _INIT_ERROR
    _JOB, _WORKER, _INIT_ERROR = job, None, None


def init_process(job: Job | None) -> None:
    """Start of a worker process: it ends with its parent (``_parent``), and prepares its
    worker, the template once. A forked process is given None and takes the job it
    inherited; a spawned one is given the job itself (without records: they come in
    chunks). A template that cannot be prepared is kept as the error every chunk raises,
    in Russian (an initializer that raises would only break the pool)."""
    global _WORKER, _INIT_ERROR
    die_with_parent(os.getppid())
    chosen = job if job is not None else _JOB
    assert chosen is not None, "no batch job in this worker process"
    try:
        _WORKER = Worker(chosen)
    except NastavnikError as exc:
        _INIT_ERROR = exc


def _worker() -> Worker:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    assert _WORKER is not None
    return _WORKER


def run_range(start: int, stop: int) -> Outcome:
    """Write the inherited records ``start`` … ``stop - 1`` in a forked worker process."""
    return _worker().range(start, stop)


def run_chunk(items: list[Item]) -> Outcome:
    """Write a chunk of records sent to a spawned worker process."""
    return _worker().items(items)


def run_documents(items: list[tuple[int, Mapping[str, Any]]]) -> tuple[list[Document], list[str]]:
    """Make a chunk of records' documents in memory in a worker process; with them, what
    they ask to check."""
    assert _WORKER is not None
    return list(_WORKER.documents(items)), _WORKER.take_warnings()


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
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # Starting a process and preparing the template costs ~0.3 s: worth it from ~500 files.
    return 1 if n < 500 else min(cpus, 8)
