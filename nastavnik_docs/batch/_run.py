"""``render_batch``: one document per record into a folder, in one or several processes,
with resume after a kill, an error report, registration numbers with their journal sheet,
PDF copies and an optional merged print file — or into a ZIP file, a stream or the
caller's loop (:mod:`._sinks`)."""

from __future__ import annotations

import itertools
import logging
import math
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import nullcontext
from pathlib import Path
from typing import Any, BinaryIO, overload

from .._files import TEMP_PREFIX, cannot_write
from .._gc import frozen_for_fork
from ..errors import InputError, OutputExistsError, Problem
from ..kinds import Kind, get_kind, issue_warnings
from ..models import Role
from ._lock import folder_lock
from ._names import NameList, NamePlanner, plan_names, safe_file_stem
from ._numbers import Numbering, journal_path, write_journal
from ._plan import MERGED_SUFFIX, FileTargets, plan_batch
from ._report import ERROR_REPORT, BatchReport, FileList, failure_of, write_error_report
from ._sinks import ZIP_SUFFIX, BatchStream, render_to_sink
from ._workers import Job, JournalRow, Outcome, Worker, auto_jobs, init_process, kind_ref, run_chunk, run_range, set_job

__all__ = ["MERGED_SUFFIX", "render_batch", "zip_written"]

log = logging.getLogger("nastavnik_docs.batch")

PathLike = str | os.PathLike[str]
Bar = tuple[Any, Any]


def temp_prefix(name: str) -> str:
    """How this process names the temporary file of ``name`` in the output folder."""
    return f"{TEMP_PREFIX}{os.getpid()}-{name}"


_OWN_TEMP = re.compile(re.escape(TEMP_PREFIX) + r"\d+-(.+)$")


def _remove_own_temp_files(out_dir: Path, names: Iterable[str]) -> int:
    """Remove the temporary files an interrupted run of this batch left: those named
    after one of ``names`` (its documents, print file and error report) by
    :func:`temp_prefix`; nobody else's."""
    removed = 0
    for stray in out_dir.glob(f"{TEMP_PREFIX}*"):
        match = _OWN_TEMP.match(stray.name)
        if match is None:
            continue
        if not isinstance(names, set):  # made only when a temporary file is there
            names = set(names)
        rest = match.group(1)
        if rest not in names and not any(rest.startswith(name + ".") for name in names):
            continue
        try:
            stray.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _refuse_clashes(out_dir: Path, names: Iterable[str], present: set[str]) -> None:
    clashes = [n for n in names if n.casefold() in present]
    if clashes:
        raise OutputExistsError(
            f"В папке {out_dir} уже есть файлы с такими именами: {len(clashes)} "
            f"(например, «{clashes[0]}»).",
            advice="Чтобы продолжить прерванный выпуск, укажите --resume (resume=True); "
                   "чтобы перезаписать — --force (overwrite=True)")


def _ranges(todo: Sequence[int], n_jobs: int) -> list[tuple[int, int]]:
    """Contiguous runs of the positions to write, cut into pieces small enough to spread
    over ``n_jobs`` processes and to move the progress bar."""
    size = max(1, min(2048, math.ceil(len(todo) / (n_jobs * 8))))
    out: list[tuple[int, int]] = []
    start = prev = None
    for index in todo:
        if start is None or prev is None or index != prev + 1 or index - start >= size:
            if start is not None and prev is not None:
                out.append((start, prev + 1))
            start = index
        prev = index
    if start is not None and prev is not None:
        out.append((start, prev + 1))
    return out


def _write_all(job: Job, todo: Sequence[int], n_jobs: int, bar: Bar | None, done_before: int) -> Outcome:
    """Write the records at positions ``todo`` in ``n_jobs`` processes."""
    failures: dict[int, str] = {}
    journal: list[tuple[int, JournalRow]] = []
    said: dict[str, None] = {}
    advance: Callable[[int], None] = (lambda k: bar[0].advance(bar[1], k)) if bar else (lambda k: None)

    def start_bar() -> None:
        if bar:
            bar[0].start()
            advance(done_before)

    def collect(outcome: Outcome) -> None:
        failures.update(outcome[0])
        journal.extend(outcome[1])
        said.update(dict.fromkeys(outcome[2]))

    try:
        if n_jobs == 1:
            worker = Worker(job)
            start_bar()
            for start, stop in _ranges(todo, 1):
                collect(worker.range(start, stop))
                advance(stop - start)
        elif todo:
            ranges = _ranges(todo, n_jobs)
            forked = "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if forked else "spawn")
            if forked:
                set_job(job)  # inherited by the processes the pool forks: nothing pickled
            light = Job(job.kind, job.template, job.suffix, numbering=job.numbering, qr=job.qr)
            try:
                freezing = frozen_for_fork() if forked else nullcontext()
                with freezing, ProcessPoolExecutor(n_jobs, mp_context=context, initializer=init_process,
                                                   initargs=(None if forked else light,)) as pool:
                    if forked:
                        futures = {pool.submit(run_range, a, b): b - a for a, b in ranges}
                    else:
                        futures = {pool.submit(run_chunk, [(i, job.records[i], job.targets[i])
                                                           for i in range(a, b)]): b - a for a, b in ranges}
                    # The bar's refresh thread starts only after the worker processes are forked.
                    start_bar()
                    for future in as_completed(futures):
                        collect(future.result())
                        advance(futures[future])
            finally:
                set_job(None)
    finally:
        if bar:
            bar[0].stop()
    return failures, journal, list(said)


def _extras_supported(kind: Kind, numbering: Numbering | None, qr: bool) -> None:
    fields = kind.input_model.model_fields
    if numbering is not None and "number" not in fields:
        raise InputError(Problem(f"у документа «{kind.title}» нет регистрационного номера", field="number"))
    if qr and "qr" not in fields:
        raise InputError(Problem(f"на документ «{kind.title}» QR-код не ставится", field="qr"))


@overload
def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out: None = None, *,
                 merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False,
                 pdf: bool = False, numbering: Numbering | None = None, qr: bool = False,
                 redact: bool = False) -> BatchStream: ...
@overload
def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out: PathLike | BinaryIO, *,
                 merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False,
                 pdf: bool = False, numbering: Numbering | None = None, qr: bool = False,
                 redact: bool = False) -> BatchReport: ...
def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out: PathLike | BinaryIO | None = None,
                 *, merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False,
                 pdf: bool = False, numbering: Numbering | None = None,
                 qr: bool = False, redact: bool = False) -> BatchReport | BatchStream:
    """One document of ``kind`` per record, delivered where ``out`` says:

    * a folder: a file per record (written under a temporary name, renamed when complete);
    * a ``.zip`` path: one ZIP archive of them (written atomically);
    * a binary stream (an HTTP response, ``io.BytesIO``): a ZIP written into it;
    * nothing: a :class:`BatchStream` that yields ``(file name, bytes)`` as each document
      is made, with flat memory.

    PDF copies and registration numbers with their journal sheet are made in a folder only.

    ``name`` is the file name pattern (default: the kind's, e.g. ``{last_name}_{initials}``);
    ``merge`` also makes one print file; ``jobs`` processes (default: by size);
    ``resume`` skips files already complete; ``overwrite`` replaces existing files;
    ``templates`` is the user's template folder; ``progress`` shows a progress bar;
    ``pdf`` also makes a PDF of every document (LibreOffice; see :mod:`._pdf`);
    ``numbering`` gives each document a registration number and writes the journal sheet
    beside them; ``qr`` prints a QR code with the document's details (requisite 31).
    Errors in single records are reported, not raised («Ошибки выпуска.csv» beside the
    documents); see :class:`BatchReport`. What the documents ask the curator to check is
    issued once per text as a ``DocumentWarning`` when the batch ends, in this process
    (also for the documents worker processes made), and kept in ``BatchReport.warnings``.
    A reason never shows a phone, an e-mail, an
    address or a birth date of the record; ``redact`` (folders) keeps only the record
    numbers (no names, no values of the data). No records at all is an
    :class:`~nastavnik_docs.errors.InputError`.

    A folder is locked for the run (``_lock``): a second run into it is refused before it
    changes anything, and ``resume`` removes only the temporary files of this batch.

    A list or tuple of records is used as it is (worker processes inherit it). Records
    given one by one (a generator) into a new or empty folder with one process are written
    as they come, so memory stays flat however many there are; otherwise they are read
    into a list first (the file names are then checked against the folder before anything
    is written).
    """
    started = time.perf_counter()
    kind = get_kind(kind)
    if out is None or not isinstance(out, (str, os.PathLike)) or Path(out).suffix.lower() == ZIP_SUFFIX:
        if pdf or numbering is not None:
            raise InputError(Problem("PDF и регистрационные номера с журналом делаются только при выпуске "
                                     "в папку, а не в архив или поток", code="records.invalid"))
        every = list(records)
        _extras_supported(kind, None, qr)
        plan = plan_batch(kind, every, name=name, templates=templates, merge=merge)
        return render_to_sink(kind, every, out, plan, jobs=jobs, resume=resume, overwrite=overwrite,
                              progress=progress, qr=qr)
    out_dir = Path(out)
    stream: Iterator[Mapping[str, Any]] | None = None
    listed: Sequence[Mapping[str, Any]] = ()
    if isinstance(records, (list, tuple)):
        listed = records
    else:
        given = iter(records)
        first = next(given, None)
        stream = itertools.chain([first], given) if first is not None else None
    if stream is None and not listed:
        raise InputError(Problem(f"нет ни одной записи для выпуска «{kind.title}»"))
    template_name, suffix = (kind.docx, ".docx") if kind.docx else (kind.xlsx, ".xlsx")
    if not template_name:
        raise InputError(Problem(f"«{kind.title}» не выпускается пакетом: у него нет шаблона DOCX или XLSX"))
    _extras_supported(kind, numbering, qr)
    if pdf:
        from ..engine.pdf import find_soffice

        find_soffice()  # fail before writing anything when LibreOffice is missing
    from ..engine import open_template
    from ..engine.lookup import find_template

    template = find_template(template_name, templates)
    open_template(template, suffix.lstrip(".").upper())  # broken, encrypted, a bomb: refused before any output
    pattern = name or (kind.batch.file_name if kind.batch else "{index:05d}")
    stem = safe_file_stem(kind.output_name or kind.title)
    merged_path = out_dir / f"{stem}{MERGED_SUFFIX}.docx" if merge and suffix == ".docx" else None
    journal_file = journal_path(out_dir, kind.title) if numbering is not None else None
    job = Job(kind_ref(kind), str(template), suffix, numbering=numbering, qr=qr)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(out_dir, exc) from None
    with folder_lock(out_dir):  # a second run into this folder is refused before it changes anything
        # One listing instead of a check per file; names compared ignoring case, as on Windows.
        present = {n.casefold() for n in os.listdir(out_dir) if not n.startswith(TEMP_PREFIX)}
        bar = None
        if progress:
            from ._progress import progress_bar

            bar = progress_bar(None if stream is not None else len(listed), kind.title)
        if stream is not None and jobs in (None, 1) and not resume and (overwrite or not present):
            report = _write_stream(kind, job, stream, out_dir, NamePlanner(pattern, suffix, frozenset(
                kind.input_model.model_fields)), bar, redact)
        else:
            listed = list(stream) if stream is not None else listed
            names = plan_names(listed, pattern, suffix)
            extra = [p.name for p in (merged_path, journal_file) if p is not None]
            removed = _remove_own_temp_files(out_dir, itertools.chain(names, extra, [ERROR_REPORT]))
            if removed:
                log.info("removed %d unfinished temporary files in %s", removed, out_dir)
            if not overwrite and not resume:
                pdf_names = (n.rsplit(".", 1)[0] + ".pdf" for n in names) if pdf else ()
                _refuse_clashes(out_dir, itertools.chain(names, pdf_names, extra), present)
            report = _write_listed(kind, job, listed, names, out_dir,
                                   present if resume and not overwrite else set(), jobs, bar, redact)

        stale = out_dir / ERROR_REPORT
        if report.failed:
            report.error_report = write_error_report(out_dir, report.failed,
                                                     temp_prefix=temp_prefix(ERROR_REPORT) + ".")
        elif stale.exists() and (resume or overwrite):
            stale.unlink()
        if journal_file is not None:
            report.journal = write_journal(journal_file, kind.title, report.journal_rows)

        ready = (list(report.written.names) if isinstance(report.written, FileList) and (merge or pdf)
                 else [])
        if merged_path is not None and ready:
            from ..engine.merge import merge_documents

            report.merged = merge_documents([out_dir / n for n in ready], merged_path, overwrite=True,
                                            temp_prefix=temp_prefix(merged_path.name) + ".")
        if pdf and suffix == ".docx" and ready:
            from ._pdf import make_pdfs

            made = make_pdfs([out_dir / n for n in ready], jobs=report.jobs if report.jobs > 1 else (jobs or 1),
                             merged=out_dir / f"{stem}{MERGED_SUFFIX}.pdf" if merge else None)
            report.pdfs, report.merged_pdf = FileList(out_dir, [p.name for p in made.files]), made.merged
    report.seconds = time.perf_counter() - started
    issue_warnings(report.warnings)  # where the caller is, once each (not from the worker processes)
    return report


def zip_written(report: BatchReport, target: PathLike, *, overwrite: bool = False) -> Path:
    """Every file a folder batch wrote (documents, PDFs, print files, journal, error report)
    streamed into one ZIP archive, written atomically."""
    from .._files import atomic_path
    from ..engine.archive import Archive

    target = Path(target)
    if target.exists() and not overwrite:
        raise OutputExistsError.file(target)
    with atomic_path(target, overwrite=overwrite) as tmp, open(tmp, "wb") as fh, Archive(fh) as archive:
        for path in report.written_paths():
            archive.add(path.name, path.read_bytes())
    return target


def _write_listed(kind: Kind, job: Job, records: Sequence[Mapping[str, Any]], names: Sequence[str], out_dir: Path,
                  done: set[str], jobs: int | None, bar: Bar | None, redact: bool) -> BatchReport:
    """Write the records of a list, in one or several processes; ``done`` are the names of
    files already complete (resume)."""
    report = BatchReport(kind=kind.id, title=kind.title, out_dir=out_dir, total=len(records))
    todo: Sequence[int] = ([i for i, n in enumerate(names) if n.casefold() not in done] if done
                           else range(len(names)))
    skipped = [n for n in names if n.casefold() in done] if done else []
    report.skipped = FileList(out_dir, skipped)
    n_jobs = max(1, jobs if jobs is not None else auto_jobs(len(todo)))
    report.jobs = n_jobs = min(n_jobs, max(1, len(todo)))
    job.records, job.targets = records, FileTargets(out_dir, names)  # paths made as written
    errors, journal, report.warnings = _write_all(job, todo, n_jobs, bar, len(skipped))
    if job.numbering is not None and skipped:  # the journal lists the whole batch, not only this run
        worker = Worker(job)
        journal += [(i, worker.journal_row(i, records[i])) for i, n in enumerate(names) if n.casefold() in done]
    job.records, job.targets = (), ()
    report.written = FileList(out_dir, names if len(todo) == len(names) and not errors
                              else NameList(names[i] for i in todo if i not in errors))
    report.failed = [failure_of(i, records[i], errors[i], redact=redact) for i in sorted(errors)]
    report.roles = _roles(records[i] for i in todo if i not in errors)
    journal.sort()
    report.journal_rows = [row for _, row in journal]
    return report


def _write_stream(kind: Kind, job: Job, records: Iterator[Mapping[str, Any]], out_dir: Path,
                  planner: NamePlanner, bar: Bar | None, redact: bool) -> BatchReport:
    """Write records as they come, in this process: nothing per record is kept but its
    file name (and, for a failed record, why)."""
    report = BatchReport(kind=kind.id, title=kind.title, out_dir=out_dir, total=0)
    worker = Worker(job)
    folder = str(out_dir)
    written = NameList()  # compressed: the names are all this keeps per record
    failures: dict[int, str] = {}
    journal: list[tuple[int, JournalRow]] = []
    roles: dict[str, int] = {}
    if bar:
        bar[0].start()
    try:
        numbered = enumerate(records)
        while True:
            # A block of records (Worker.BLOCK) is written together; the records read before
            # one the reader or the file-name pattern fails on are written first.
            block: list[tuple[int, Mapping[str, Any], str]] = []
            stop: Exception | None = None
            try:
                for index, record in itertools.islice(numbered, Worker.BLOCK):
                    block.append((index, record, planner.name(record, index + 1)))
            except Exception as exc:
                stop = exc
            worker.write(((i, r, os.path.join(folder, name)) for i, r, name in block), failures, journal)
            for index, record, file_name in block:
                if index in failures:
                    report.failed.append(failure_of(index, record, failures.pop(index), redact=redact))
                else:
                    written.append(file_name)
                    _count_role(roles, record)
            if block:
                report.total = block[-1][0] + 1
                if bar:
                    bar[0].advance(bar[1], len(block))
            if stop is not None:
                raise stop
            if len(block) < Worker.BLOCK:
                break
    finally:
        if bar:
            bar[0].stop()
    report.written = FileList(out_dir, written)
    report.roles = roles
    report.journal_rows = [row for _, row in journal]
    report.warnings = worker.take_warnings()
    return report


def _count_role(counts: dict[str, int], record: Mapping[str, Any]) -> None:
    recipient = record.get("recipient")
    role = recipient.get("role") if isinstance(recipient, Mapping) else getattr(recipient, "role", None)
    if role is not None:
        try:
            label = Role(role).label
        except ValueError:
            label = str(role)
        counts[label] = counts.get(label, 0) + 1


def _roles(records: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many documents were written for each role of their recipients («наставник»: 12)."""
    counts: dict[str, int] = {}
    for record in records:
        _count_role(counts, record)
    return counts
