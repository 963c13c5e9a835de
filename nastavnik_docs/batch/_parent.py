"""Worker processes that end with the run that started them.

When the main process of ``batch -j N`` is killed, its pool's workers are left waiting
for work that never comes. Each worker therefore asks the kernel to kill it when its
parent dies (``prctl(PR_SET_PDEATHSIG)`` on Linux) and, everywhere, watches its parent's
process id from a daemon thread: a changed parent means the run is gone, and the worker
exits at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

__all__ = ["die_with_parent"]

#: How often the watching thread looks at the parent, seconds.
POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


def _pdeathsig() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _watch(parent: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """End this process when process ``parent`` ends (call it first thing in a worker)."""
    _pdeathsig()
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="nastavnik-parent-watch", daemon=True).start()
