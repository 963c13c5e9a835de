"""Long runs (a batch of certificates, the year's documents) in the background, with progress.

A job runs in one worker thread of the server (one at a time: the machine's processors go
to the batch's own processes). How far it is comes from what it has finished on disk, so
the count is exactly the work done: a certificate batch counts the complete files in its
output folder (the library writes each under a temporary name beginning with a dot and
renames it when complete, :func:`finished_files`); the year counts the documents the
project has recorded as written since the job began.
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

from ..errors import NastavnikError

__all__ = ["Job", "Jobs", "finished_files"]

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


class Jobs:
    """The server's background runs, by id."""

    def __init__(self) -> None:
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
            error = str(exc)
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
