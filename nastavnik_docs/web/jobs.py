"""Long runs (a batch of certificates, the year's documents) in the background, with progress.

A job runs in one worker thread of the server (one at a time: the machine's processors go
to the batch's own processes). Its progress is counted from the finished files in its
output folder — the library writes each document under a temporary name beginning with a
dot and renames it when complete — so the count is exactly the documents done.
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

__all__ = ["Job", "Jobs"]

log = logging.getLogger("nastavnik_docs.web")


@dataclass
class Job:
    """One background run: what it makes, how far it is, what came out."""

    id: str
    title: str
    total: int
    out_dir: Path
    suffix: str
    state: str = "running"  # running | done | failed
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0
    result: dict[str, Any] = field(default_factory=dict)

    def done(self) -> int:
        """Documents finished so far (complete files in the output folder); at the end, the
        records processed (written or failed)."""
        if self.state != "running":
            return int(self.result.get("processed", self.total if self.state == "done" else 0))
        try:
            names = os.listdir(self.out_dir)
        except OSError:
            return 0
        return sum(1 for n in names if n.endswith(self.suffix) and not n.startswith("."))

    def progress(self) -> dict[str, Any]:
        """The state for the page's progress bar (JSON)."""
        done = min(self.done(), self.total)
        elapsed = self.seconds if self.state != "running" else time.monotonic() - self.started
        return {"state": self.state, "done": done, "total": self.total,
                "percent": round(100 * done / self.total) if self.total else 100,
                "seconds": round(elapsed, 1), "error": self.error}


class Jobs:
    """The server's background runs, by id."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nastavnik-job")

    def start(self, title: str, total: int, out_dir: Path, suffix: str, work: Callable[[Job], None]) -> Job:
        """Run ``work(job)`` in the background; it fills ``job.result``."""
        job = Job(secrets.token_urlsafe(9), title, total, out_dir, suffix)
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[Job], None]) -> None:
        try:
            work(job)
            job.state = "done"
        except NastavnikError as exc:
            job.error = str(exc)
            job.state = "failed"
        except Exception:  # the page must learn that the run ended; the log gets the trace
            log.exception("job %s failed", job.id)
            job.error = "Внутренняя ошибка сервера; подробности — в окне, где запущен сервер."
            job.state = "failed"
        finally:
            job.seconds = time.monotonic() - job.started

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
