"""Long runs (a batch of certificates, the year's documents) in the background, with progress.

A job runs in one worker thread of the server (one at a time: the machine's processors go
to the batch's own processes). How far it is comes from what it has finished on disk, so
the count is exactly the work done: a certificate batch counts the complete files in its
output folder (the library writes each under a temporary name beginning with a dot and
renames it when complete, :func:`finished_files`); the year counts the documents the
project has recorded as written since the job began.

A run that fails tells the page what failed in the page's words (:func:`page_error`): paths
of the server's folders are shown relative to them, and the command line's advice
(«--resume», «--force») gives way to the buttons the page offers (``Job.again``: continue
the run in its folder, or start it again).
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NastavnikError, OutputExistsError

__all__ = ["AGAIN", "Job", "Jobs", "finished_files", "page_error"]

#: What a failed run may be started again as: action → the button's text.
AGAIN = {"resume": "Продолжить выпуск", "restart": "Начать выпуск заново"}

log = logging.getLogger("nastavnik_docs.web")


def finished_files(folder: Path, suffix: str) -> Callable[[], int]:
    """A counter of the complete ``suffix`` files in ``folder`` (temporary ones excluded)."""
    def count() -> int:
        names = os.listdir(folder)
        return sum(1 for n in names if n.endswith(suffix) and not n.startswith("."))

    return count


@dataclass
class Job:
    """One background run: what it makes, how far it is, what came out.

    ``kind`` tells the job page what the result holds («awards», «year», «document»);
    ``total`` may be 0 while the run is still finding out how much there is to do.
    """

    id: str
    title: str
    total: int
    counter: Callable[[], int]
    kind: str = "awards"
    state: str = "running"  # running | done | failed
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0
    result: dict[str, Any] = field(default_factory=dict)
    #: How the page may start the run again after a failure: action (``AGAIN``) → start it.
    again: dict[str, Callable[[], Job]] = field(default_factory=dict)

    def done(self, state: str | None = None) -> int:
        """Work finished so far; at the end, the records processed (written or failed)."""
        state = state or self.state
        if state != "running":
            return int(self.result.get("processed", self.total if state == "done" else 0))
        try:
            return self.counter()
        except (OSError, NastavnikError):
            return 0

    def progress(self) -> dict[str, Any]:
        """The state for the page's progress bar (JSON). The state is read once, so that the
        page never pairs «done» with the count of a moment before (the run goes on meanwhile)."""
        state = self.state
        done = min(self.done(state), self.total)
        elapsed = self.seconds if state != "running" else time.monotonic() - self.started
        return {"state": state, "done": done, "total": self.total,
                "percent": round(100 * done / self.total) if self.total else (100 if state == "done" else 0),
                "seconds": round(elapsed, 1), "error": self.error}


def page_error(exc: NastavnikError, folders: dict[Path, str] | None = None) -> str:
    """What failed, as the page says it: a name clash in a run's folder as such; any other
    message with the server's ``folders`` (path → how the page calls it) shown relative to
    them and without the command line's advice (``without_advice``: the page offers buttons instead)."""
    if isinstance(exc, OutputExistsError):
        return ("В папке выпуска уже есть документы с такими же именами: выпуск в ней уже начинался "
                "и не был закончен.")
    text = exc.without_advice
    for folder, name in sorted((folders or {}).items(), key=lambda f: len(str(f[0])), reverse=True):
        text = text.replace(f"{folder}{os.sep}", "").replace(str(folder), name)
    return " ".join(text.split()) or "Выпуск не удался."


class Jobs:
    """The server's background runs, by id. ``folders`` are the server's own folders (the
    project's, the work area: path → how the page calls it) that a failure's message names
    relative to them."""

    def __init__(self, folders: dict[Path, str] | None = None) -> None:
        self.folders = dict(folders or {})
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nastavnik-job")

    def start(self, title: str, total: int, counter: Callable[[], int], work: Callable[[Job], None],
              kind: str = "awards") -> Job:
        """Run ``work(job)`` in the background; it fills ``job.result`` (and may set ``total``)."""
        job = Job(secrets.token_urlsafe(9), title, total, counter, kind)
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[Job], None]) -> None:
        state, error = "failed", None
        try:
            work(job)
            state = "done"
        except NastavnikError as exc:
            log.info("job %s failed: %s", job.id, exc)  # the server's window keeps the full message
            error = page_error(exc, self.folders)
        except Exception:  # the page must learn that the run ended; the log gets the trace
            log.exception("job %s failed", job.id)
            error = "Внутренняя ошибка сервера; подробности — в окне, где запущен сервер."
        job.seconds = time.monotonic() - job.started
        job.error = error
        job.state = state  # last: whoever sees the end sees the result, the error and the time

    def running(self) -> Job | None:
        """A job that has not ended yet, if any."""
        with self._lock:
            return next((j for j in self._jobs.values() if j.state == "running"), None)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
