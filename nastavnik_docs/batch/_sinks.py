"""Where a batch's documents go when not into a folder: a ZIP file, a binary stream (a ZIP
written into it), or the caller's own loop over ``(file name, bytes)``.

The documents are made in memory a block of records at a time
(:meth:`~._workers.Worker.documents`) and handed on at once, so memory stays flat however
many there are: a web handler can stream ten thousand certificates. They come in the order
of the records; with ``jobs`` above 1 worker processes make them ahead, a few chunks at a
time. After the documents come the
merged print file (``merge=True``: the documents are also kept in a private temporary
folder until it is made, then the folder is removed) and, when some records failed, the
error report «Ошибки выпуска.csv». :class:`BatchStream` is what the caller iterates; its
``report`` fills in as it goes.
"""

from __future__ import annotations

import collections
import math
import multiprocessing
import os
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

from .._files import atomic_path
from ..engine.archive import Archive
from ..engine.archive import zip_chunks as archive_pieces
from ..errors import NastavnikError, OutputExistsError
from ..kinds import Kind, issue_warnings
from ._names import NameList
from ._plan import Plan
from ._report import ERROR_REPORT, BatchReport, FileList, error_report_bytes, failure_of
from ._workers import Document, Job, Worker, auto_jobs, init_process, kind_ref, run_documents

__all__ = ["ZIP_SUFFIX", "BatchStream", "render_to_sink", "stream_documents", "write_zip"]

#: The suffix of an output path that means «one ZIP archive» rather than a folder.
ZIP_SUFFIX = ".zip"

Bar = tuple[Any, Any]
PathLike = str | os.PathLike[str]


class BatchStream:
    """The documents of a batch, made lazily: iterating gives ``(file name, bytes)`` pairs —
    every document in the order of the records, then the merged print file (when asked
    for) and the error report (when some records failed).

    ``report`` (a :class:`BatchReport` with names instead of paths) is complete once the
    iteration ends; ``close()`` stops early and removes what was kept for the merge;
    :meth:`zip_chunks` gives the same as the pieces of one ZIP.
    """

    def __init__(self, pairs: Iterator[tuple[str, bytes]], report: BatchReport):
        self._pairs = pairs
        self.report = report

    def __iter__(self) -> BatchStream:
        return self

    def __next__(self) -> tuple[str, bytes]:
        return next(self._pairs)

    def close(self) -> None:
        close = getattr(self._pairs, "close", None)
        if close is not None:
            close()

    def zip_chunks(self) -> Iterator[bytes]:
        """The same documents as the bytes of one ZIP, piece by piece — for a streaming
        HTTP response (``StreamingResponse(stream.zip_chunks(), media_type="application/zip")``)."""
        try:
            yield from archive_pieces(self)
        finally:
            self.close()


def _job(kind: Kind, plan: Plan, qr: bool) -> Job:
    return Job(kind_ref(kind), str(plan.template), plan.suffix, qr=qr)


def _in_process(kind: Kind, plan: Plan, records: Sequence[Mapping[str, Any]], qr: bool,
                said: list[str]) -> Iterator[Document]:
    """Documents made in this process, in record order; what they ask to check goes to ``said``."""
    worker = Worker(_job(kind, plan, qr))
    yield from worker.documents(enumerate(records))
    said += worker.take_warnings()


def _in_processes(kind: Kind, plan: Plan, records: Sequence[Mapping[str, Any]],
                  n_jobs: int, qr: bool, said: list[str]) -> Iterator[Document]:
    """Documents made by ``n_jobs`` processes, in record order; at most two chunks per
    process are in flight, so the parent holds a bounded number of documents. What they
    ask to check goes to ``said``, each text once."""
    size = max(1, min(64, math.ceil(len(records) / (n_jobs * 8))))
    chunks = ([(i, records[i]) for i in range(start, min(start + size, len(records)))]
              for start in range(0, len(records), size))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(n_jobs, mp_context=context, initializer=init_process,
                               initargs=(_job(kind, plan, qr),))
    pending: collections.deque[Future[tuple[list[Document], list[str]]]] = collections.deque()
    seen: dict[str, None] = {}

    def done(future: Future[tuple[list[Document], list[str]]]) -> list[Document]:
        documents, texts = future.result()
        seen.update(dict.fromkeys(texts))
        return documents

    try:
        for chunk in chunks:
            pending.append(pool.submit(run_documents, chunk))
            if len(pending) >= 2 * n_jobs:
                yield from done(pending.popleft())
        while pending:
            yield from done(pending.popleft())
        said.extend(seen)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stream_documents(kind: Kind, plan: Plan, records: Sequence[Mapping[str, Any]], *, jobs: int = 1,
                     out: Path | None = None, bar: Bar | None = None, qr: bool = False) -> BatchStream:
    """The batch as a :class:`BatchStream` (see the module docstring); ``out`` is what the
    report names as the place (a ZIP file), ``bar`` a progress bar to advance."""
    report = BatchReport(kind=kind.id, title=kind.title, out_dir=out, total=len(records),
                         jobs=max(1, min(jobs, len(records) or 1)))
    return BatchStream(_pairs(kind, plan, records, report, bar, qr), report)


def _pairs(kind: Kind, plan: Plan, records: Sequence[Mapping[str, Any]], report: BatchReport,
           bar: Bar | None, qr: bool) -> Iterator[tuple[str, bytes]]:
    started = time.perf_counter()
    spool = tempfile.TemporaryDirectory(prefix="nastavnik-merge-") if plan.merged_name else None
    written = NameList()
    report.written = FileList(Path(), written)  # names inside the archive or stream, compressed
    documents = (_in_processes(kind, plan, records, report.jobs, qr, report.warnings) if report.jobs > 1
                 else _in_process(kind, plan, records, qr, report.warnings))
    if bar:
        bar[0].start()
    try:
        for index, data, error in documents:
            if bar:
                bar[0].advance(bar[1], 1)
            if data is None:
                report.failed.append(failure_of(index, records[index], error or ""))  # no personal data
                continue
            name = plan.names[index]
            if spool is not None:
                (Path(spool.name) / name).write_bytes(data)
            written.append(name)
            yield name, data
        if spool is not None and written and plan.merged_name:
            from ..engine.merge import merge_documents

            merged = merge_documents([Path(spool.name) / n for n in written], Path(spool.name) / plan.merged_name)
            report.merged = Path(plan.merged_name)
            yield plan.merged_name, merged.read_bytes()
        if report.failed:
            report.error_report = Path(ERROR_REPORT)
            yield ERROR_REPORT, error_report_bytes(report.failed)
        issue_warnings(report.warnings)  # in the process that takes the stream, once each
    finally:
        if bar:
            bar[0].stop()
        if spool is not None:
            spool.cleanup()
        report.seconds = time.perf_counter() - started


def write_zip(stream: BatchStream, out: Path | BinaryIO, *, overwrite: bool = False) -> BatchReport:
    """Every pair of ``stream`` into one ZIP: a file (written atomically; an existing one
    is replaced only with ``overwrite``) or a binary stream (left open)."""
    try:
        if isinstance(out, Path):
            if out.exists() and not overwrite:
                raise OutputExistsError.file(out)
            with atomic_path(out, overwrite=overwrite) as tmp, open(tmp, "wb") as fh, Archive(fh) as archive:
                for name, data in stream:
                    archive.add(name, data)
        else:
            with Archive(out) as archive:
                for name, data in stream:
                    archive.add(name, data)
    finally:
        stream.close()
    return stream.report


def render_to_sink(kind: Kind, records: Sequence[Mapping[str, Any]], out: PathLike | BinaryIO | None,
                   plan: Plan, *, jobs: int | None, resume: bool, overwrite: bool,
                   progress: bool, qr: bool = False) -> BatchReport | BatchStream:
    """A batch into a ZIP file (``out`` a ``.zip`` path), a ZIP written into a binary
    stream, or (``out`` None) a :class:`BatchStream` to iterate. Worker processes only
    when ``jobs`` asks (default: one for streams — the caller may be a web server's
    thread — and by size for a ZIP file)."""
    if resume:
        raise NastavnikError(f"Продолжить прерванный выпуск можно только в папку: архив и поток "
                             f"пишутся целиком (out={out!r})")
    path = Path(out) if isinstance(out, (str, os.PathLike)) else None
    n_jobs = jobs if jobs is not None else (auto_jobs(len(records)) if path is not None else 1)
    bar = None
    if progress:
        from ._progress import progress_bar

        bar = progress_bar(len(records), kind.title)
    stream = stream_documents(kind, plan, records, jobs=max(1, n_jobs), out=path, bar=bar, qr=qr)
    if out is None:
        return stream
    return write_zip(stream, path if path is not None else out, overwrite=overwrite)  # type: ignore[arg-type]
