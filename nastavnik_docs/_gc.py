"""Pausing Python's cyclic garbage collector while a large registry is read or counted,
and while the command line starts.

Reading 100,000 rows or counting their coverage makes millions of small objects (dicts,
models, sets, tuples) and no reference cycles; every collection those allocations set off
walks everything alive so far — the whole registry — and together they took a fifth to a
third of the time. Reference counting still frees what is dropped; the collector resumes
(as it was) when the block ends, whether it ends normally or by an exception.

Starting the command line is the same story: importing typer, pydantic, python-docx and
Jinja and building the command's models makes hundreds of thousands of objects, and the
collections they set off took about a tenth of a one-document command. The console script
pauses the collector before its first import (:func:`pause_for_start`); when a command
begins its work (:func:`resume_after_start`), what start-up made is frozen — never walked
again — and the collector runs as usual, so a batch of thousands of documents or the web
server collects normally. Only a pause made by the console script is resumed: code that
calls the command line in its own process (a test runner) keeps its collector as it is.

When such a block ends, everything it made is still young, and the collector, resumed,
walks it all three times over as it ages it (a 100,000-row registry: 0.3 s at the end of
the read, then 0.4 s and 0.6 s in whatever runs next). In the console script's own process,
which runs one command and ends, what the block made is frozen instead (``gc.freeze``):
never walked again, still freed by reference counting when dropped. Freezing for good is
process-wide — it would also keep any cycles of another thread's objects that die later —,
so it is done only there. In a program that embeds the library and in the web server,
which runs for as long as it serves (:func:`keep_collecting`), the block's objects are
moved into the oldest generation at once (frozen and unfrozen at once, which moves them
without walking them): the next full collection sees them, as it sees everything else,
and the young collections never walk them (0.6 s less on a 100,000-row registry and its
coverage report). A program that froze objects of its own keeps them frozen: then nothing
is moved, since unfreezing cannot tell its objects from the block's.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["frozen_for_fork", "keep_collecting", "no_collection", "pause_for_start", "resume_after_start"]

_paused_for_start = False
#: This process is the console script's, running one command (set by :func:`pause_for_start`).
_one_command = False


@contextmanager
def no_collection() -> Iterator[None]:
    """No automatic garbage collection inside the block (see the module docstring)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if _one_command:
                gc.freeze()
            elif not gc.get_freeze_count():  # nothing of the program's own is frozen
                gc.freeze()
                gc.unfreeze()  # into the oldest generation, unwalked
            gc.enable()


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """The objects that exist now left out of the collections of processes forked inside
    the block, so that collecting in a child does not touch (and copy) every inherited page;
    they return to the oldest generation when it ends. In a program that froze objects of
    its own, nothing is done: unfreezing would release its objects too."""
    own = _one_command or not gc.get_freeze_count()
    if own:
        gc.freeze()
    try:
        yield
    finally:
        if own:
            gc.unfreeze()


def pause_for_start() -> None:
    """Pause the collector until :func:`resume_after_start` (the console script's start,
    in a process that runs one command)."""
    global _paused_for_start, _one_command
    _one_command = True
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def resume_after_start() -> None:
    """Freeze what start-up made and resume the collector, if :func:`pause_for_start` paused it."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.freeze()
        gc.enable()


def keep_collecting() -> None:
    """This process runs on (the web server): blocks of :func:`no_collection` freeze nothing.
    What the console script froze as it started joins the oldest generation."""
    global _one_command
    if _one_command:
        gc.unfreeze()
    _one_command = False
