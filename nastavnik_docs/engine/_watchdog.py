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
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from threading import get_ident
from time import monotonic

__all__ = ["Overtime", "arm", "deadline", "disarm"]

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


def _watch_until_stopped() -> None:
    global _thread
    try:
        _watch()
    finally:  # never expected; the next arm() starts a new one
        _thread = None


def _ensure_thread() -> None:
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_watch_until_stopped, name="nastavnik-watchdog", daemon=True)
        _thread.start()


def _after_fork_in_child() -> None:
    """A forked process (a batch's worker) has no watchdog thread, and the lock may have
    been held by the parent's watchdog at the moment of the fork: both start afresh."""
    global _lock, _thread
    _lock = threading.Lock()
    _armed.clear()
    _fired.clear()
    _thread = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def arm(seconds: float) -> object | None:
    """Arm the watchdog for this thread: :class:`Overtime` in ``seconds``. The token to
    :func:`disarm` with; None when an outer block is armed already (it keeps its deadline).

    A plain pair of calls rather than a generator-based context manager: a batch arms it
    once per document."""
    thread_id = get_ident()
    with _lock:
        if thread_id in _armed:
            return None
        _ensure_thread()
        token = object()
        _armed[thread_id] = (monotonic() + seconds, token)
    return token


def disarm(token: object | None) -> None:
    """Disarm what :func:`arm` armed (None: nothing). An exception that was raised but not
    delivered yet (the block ended just then) is cleared, so that it cannot surface later
    in the caller's code."""
    if token is None:
        return
    thread_id = get_ident()
    with _lock:
        _armed.pop(thread_id, None)
        if token in _fired:
            _fired.discard(token)
            _set_async(thread_id, None)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Overtime` in this thread if the block runs longer than ``seconds``.

    Nested blocks keep the outer deadline. A block that finishes as the time runs out
    keeps its result."""
    token = arm(seconds)
    try:
        yield
    finally:
        disarm(token)
