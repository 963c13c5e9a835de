"""``render_batch``: one document per record into a folder, in one or several processes,
with resume after a kill, an error report and an optional merged print file — or into a
ZIP file, a stream or the caller's loop (:mod:`._sinks`)."""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, BinaryIO, overload

from .._files import TEMP_PREFIX
from ..errors import OutputExistsError
from ..kinds import Kind, get_kind
from ._names import short_name
from ._plan import MERGED_SUFFIX, plan_batch
from ._report import ERROR_REPORT, BatchReport, Failure, write_error_report
from ._sinks import ZIP_SUFFIX, BatchStream, render_to_sink
from ._workers import Item, Worker, auto_jobs, init_process, kind_ref, run_chunk

__all__ = ["MERGED_SUFFIX", "render_batch"]

log = logging.getLogger("nastavnik_docs.batch")

PathLike = str | os.PathLike[str]


def _remove_temp_files(out_dir: Path) -> int:
    removed = 0
    for stray in out_dir.glob(f"{TEMP_PREFIX}*"):
        try:
            stray.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _refuse_clashes(out_dir: Path, targets: list[Path], present: set[str]) -> None:
    clashes = [p for p in targets if p.name.casefold() in present]
    if clashes:
        raise OutputExistsError(
            f"В папке {out_dir} уже есть файлы с такими именами: {len(clashes)} "
            f"(например, «{clashes[0].name}»). Чтобы продолжить прерванный выпуск, "
            f"укажите --resume (resume=True); чтобы перезаписать — --force (overwrite=True)")


def _write_all(kind: Kind, template: Path, suffix: str, todo: list[Item], n_jobs: int,
               bar: tuple[Any, Any] | None, done_before: int) -> dict[int, str]:
    """Write ``todo`` in ``n_jobs`` processes; the reasons of the records that failed."""
    errors: dict[int, str] = {}
    advance: Callable[[int], None] = (lambda k: bar[0].advance(bar[1], k)) if bar else (lambda k: None)

    def start_bar() -> None:
        if bar:
            bar[0].start()
            advance(done_before)

    try:
        if n_jobs == 1:
            worker = Worker(kind, template, suffix)
            start_bar()
            for item in todo:
                index, error = worker.one(*item)
                if error:
                    errors[index] = error
                advance(1)
        elif todo:
            size = max(1, min(256, math.ceil(len(todo) / (n_jobs * 8))))
            chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with ProcessPoolExecutor(n_jobs, mp_context=context, initializer=init_process,
                                     initargs=(kind_ref(kind), str(template), suffix)) as pool:
                futures = {pool.submit(run_chunk, chunk): len(chunk) for chunk in chunks}
                # The bar's refresh thread starts only after the worker processes are forked.
                start_bar()
                for future in as_completed(futures):
                    for index, error in future.result():
                        if error:
                            errors[index] = error
                    advance(futures[future])
    finally:
        if bar:
            bar[0].stop()
    return errors


@overload
def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out: None = None, *,
                 merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False) -> BatchStream: ...
@overload
def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out: PathLike | BinaryIO, *,
                 merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False) -> BatchReport: ...
def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out: PathLike | BinaryIO | None = None,
                 *, merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False) -> BatchReport | BatchStream:
    """One document of ``kind`` per record, delivered where ``out`` says:

    * a folder: a file per record (written under a temporary name, renamed when complete);
    * a ``.zip`` path: one ZIP archive of them (written atomically);
    * a binary stream (an HTTP response, ``io.BytesIO``): a ZIP written into it;
    * nothing: a :class:`BatchStream` that yields ``(file name, bytes)`` as each document
      is made, with flat memory.

    ``name`` is the file name pattern (default: the kind's, e.g. ``{last_name}_{initials}``);
    ``merge`` also makes one print file (in the folder, the archive or the stream, after
    the documents); ``jobs`` processes (default: by size; one for a stream);
    ``resume`` skips files already complete (folders only); ``overwrite`` replaces
    existing files; ``templates`` is the user's template folder; ``progress`` shows a
    progress bar. Errors in single records are reported, not raised («Ошибки
    выпуска.csv» beside the documents); see :class:`BatchReport`.
    """
    started = time.perf_counter()
    kind = get_kind(kind)
    records = list(records)
    plan = plan_batch(kind, records, name=name, templates=templates, merge=merge)
    if out is None or not isinstance(out, (str, os.PathLike)) or Path(out).suffix.lower() == ZIP_SUFFIX:
        return render_to_sink(kind, records, out, plan, jobs=jobs, resume=resume, overwrite=overwrite,
                              progress=progress)
    out_dir = Path(out)
    template, suffix = plan.template, plan.suffix
    targets = [out_dir / n for n in plan.names]
    merged_path = out_dir / plan.merged_name if plan.merged_name else None

    out_dir.mkdir(parents=True, exist_ok=True)
    removed = _remove_temp_files(out_dir)
    # One listing instead of a check per file; names compared ignoring case, as on Windows.
    present = {n.casefold() for n in os.listdir(out_dir)}
    if removed:
        log.info("removed %d unfinished temporary files in %s", removed, out_dir)
    if not overwrite and not resume:
        _refuse_clashes(out_dir, [*targets, *([merged_path] if merged_path else [])], present)

    report = BatchReport(kind=kind.id, title=kind.title, out_dir=out_dir, total=len(records))
    todo: list[Item] = []
    for i, (record, path) in enumerate(zip(records, targets)):
        if resume and not overwrite and path.name.casefold() in present:
            report.skipped.append(path)
        else:
            todo.append((i, record, str(path)))

    n_jobs = max(1, jobs if jobs is not None else auto_jobs(len(todo)))
    report.jobs = n_jobs = min(n_jobs, max(1, len(todo)))
    bar = None
    if progress:
        from ._progress import progress_bar

        bar = progress_bar(len(records), kind.title)
    errors = _write_all(kind, template, suffix, todo, n_jobs, bar, len(report.skipped))

    report.written = [Path(target) for index, _, target in todo if index not in errors]
    report.failed = [Failure(i + 1, short_name(records[i]), errors[i]) for i in sorted(errors)]
    stale = out_dir / ERROR_REPORT
    if report.failed:
        report.error_report = write_error_report(out_dir, report.failed)
    elif stale.exists() and (resume or overwrite):
        stale.unlink()

    if merged_path is not None:
        ready = [t for i, t in enumerate(targets) if i not in errors and t.exists()]
        if ready:
            from ..engine.merge import merge_documents

            report.merged = merge_documents(ready, merged_path, overwrite=True)
    report.seconds = time.perf_counter() - started
    return report
