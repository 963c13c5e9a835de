"""Atomic file output shared by the render and io layers.

Every document is written under a temporary name in the target folder and renamed into
place only when complete, so a crash or a kill never leaves a half-written file under the
real name, and an existing file is never replaced unless the caller asks.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, OutputExistsError

#: Prefix of temporary files; batch resume ignores and removes leftovers with it.
TEMP_PREFIX = ".nastavnik-tmp-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cannot_write(target: Path, exc: OSError) -> OutputError:
    """The Russian error for a file that could not be written (a read-only folder, no
    space left, no permission)."""
    reason = {13: "нет прав на запись", 30: "папка только для чтения", 28: "на диске нет места",
              1: "нет прав на запись"}.get(exc.errno or 0, exc.strerror or str(exc))
    return OutputError(f"Не удалось записать файл {target}: {reason}")


@contextmanager
def atomic_path(target: str | os.PathLike[str], *, overwrite: bool = False,
                prefix: str = TEMP_PREFIX) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (its name starts with ``prefix``); on
    success rename it onto ``target``. A folder that cannot be written to is an
    :class:`~nastavnik_docs.errors.OutputError` naming the file."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise OutputExistsError.file(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=target.suffix, dir=target.parent)
        # mkstemp creates the file readable by its owner only; a document is an ordinary file,
        # so give it the permissions the user's umask gives any new file.
        os.fchmod(fd, 0o666 & ~_umask())
        os.close(fd)
    except OSError as exc:
        raise cannot_write(target, exc) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not overwrite and target.exists():  # another program made it while this one was written
            raise OutputExistsError.file(target)
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise cannot_write(target, exc) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def write_file(path: str, data: bytes) -> None:
    """Write ``data`` into the file ``path`` (created, or emptied first) with plain system
    calls: a batch writes tens of thousands of small files, and Python's buffered file
    object cost about as much as the writing. Not atomic: callers pass a temporary name."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``target`` atomically and return the path."""
    with atomic_path(target, overwrite=overwrite) as tmp:
        tmp.write_bytes(data)
    return Path(target)
