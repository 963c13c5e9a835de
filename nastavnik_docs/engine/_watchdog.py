"""A watchdog that stops a render running past its time, in whichever thread it runs.

A template's loops run as Python bytecode inside Jinja; the sandbox bounds what each
operation may build, but not how long all of them together take. :func:`deadline` arms
one long-lived watchdog thread for the calling thread; when the time is up, the watchdog
raises :class:`Overtime` *in that thread* (``PyThreadState_SetAsyncExc``), which the
interpreter delivers at its next bytecode boundary — inside the template's loop. Leaving
the ``with`` block disarms it, and clears an exception that was raised but not yet
delivered, so it can never escape into the caller's later code.

Arming costs a dictionary entry (no thread is started per document, which matters for a
batch of ten thousand certificates at ~1 ms each); the watchdog wakes a few times a
second. Unlike ``signal.alarm`` this works outside the main thread (a web server's
workers); unlike a child process per document it costs nothing when nothing goes wrong.
A single long C call (inflating, regex) is not interrupted: those are bounded by the
sandbox and the package limits instead.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Overtime", "deadline"]

#: How often the watchdog looks at the armed deadlines, seconds.
TICK = 0.1


class Overtime(BaseException):
    """Raised in a thread whose deadline passed. A BaseException, so that code catching
    ``Exception`` on the way (one broken record never stops a batch) does not swallow it."""


_lock = threading.Lock()
_armed: dict[int, tuple[float, object]] = {}  # thread id -> (deadline, token)
_fired: set[object] = set()  # tokens of the blocks whose exception was raised
_thread: threading.Thread | None = None


def _set_async(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc else None)


def _watch() -> None:
    while True:
        time.sleep(TICK)
        now = time.monotonic()
        with _lock:
            for thread_id, (due, token) in list(_armed.items()):
                if now >= due and token not in _fired:
                    _fired.add(token)
                    _set_async(thread_id, Overtime)


def _ensure_thread() -> None:
    global _thread
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(target=_watch, name="nastavnik-watchdog", daemon=True)
        _thread.start()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Overtime` in this thread if the block runs longer than ``seconds``.

    Nested blocks keep the outer deadline. A block that finishes as the time runs out
    keeps its result."""
    thread_id = threading.get_ident()
    token = object()
    with _lock:
        nested = thread_id in _armed  # an outer block is armed already
        if not nested:
            _ensure_thread()
            _armed[thread_id] = (time.monotonic() + seconds, token)
    if nested:
        yield
        return
    try:
        yield
    finally:
        with _lock:
            _armed.pop(thread_id, None)
            if token in _fired:
                _fired.discard(token)
                # Raised but perhaps not delivered yet (the block ended just then): clear
                # it, so that it cannot surface later in the caller's code.
                _set_async(thread_id, None)
