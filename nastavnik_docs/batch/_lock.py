"""One batch per output folder: a lock file that a second run finds taken.

``render_batch`` takes the lock before it touches anything in the folder (temporary files
of an interrupted run are removed only after it); a second run into the same folder —
started together with the first, or while it runs — is refused with a Russian message
naming the process that holds it, and removes nothing.

The lock is an advisory ``flock`` on ``.nastavnik-tmp-batch.lock`` (``msvcrt.locking``
on Windows): the operating system releases it when its holder dies, so a killed run
never leaves the folder locked, and ``--resume`` takes it over. The file itself is
removed when the run ends; it begins with the temporary-file prefix, so nothing takes it
for a document.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .._files import TEMP_PREFIX
from ..errors import OutputError

__all__ = ["LOCK_NAME", "folder_lock"]

#: The lock file in the output folder.
LOCK_NAME = f"{TEMP_PREFIX}batch.lock"
#: How long a run waits for a lock whose holder has died (its workers, killed with it,
#: may hold it a moment longer) before it refuses; a live holder is refused at once.
WAIT_SECONDS = 3.0

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(path: Path) -> tuple[int | None, str]:
    """The process id the lock file names, and how the message names it."""
    try:
        pid, started = path.read_text(encoding="utf-8").split()[:2]
        return int(pid), f" (процесс {pid}, начат в {started})"
    except (OSError, ValueError):
        return None, ""


def _alive(pid: int | None) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _acquire(path: Path) -> int:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"Не удалось начать выпуск в папке {path.parent}: {exc.strerror or exc}") from None
        if _try_lock(fd):
            try:  # the file may have been removed by the run that just ended: lock the one in the folder
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except OSError:
                same = False
            if same:
                return fd
            _unlock(fd)
        os.close(fd)
        pid, named = _holder(path)
        if _alive(pid) or time.monotonic() >= deadline:
            raise OutputError(
                f"В папке {path.parent} уже идёт другой выпуск{named}. Дождитесь его конца "
                f"или выберите другую папку; в папке ничего не изменено")
        time.sleep(0.1)


@contextmanager
def folder_lock(folder: Path) -> Iterator[Path]:
    """Hold the lock of ``folder`` (which must exist) for the ``with`` block."""
    path = folder / LOCK_NAME
    fd = _acquire(path)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {time.strftime('%H:%M:%S')}\n".encode())
        yield path
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)
