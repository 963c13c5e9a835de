"""A ZIP archive of finished documents, written as they come, into a file or any binary stream.

Batches hand their documents to :class:`Archive` one by one; nothing is kept in memory
but the archive's directory, so ten thousand certificates stream into a web response
with flat memory. The stream need not be seekable (an HTTP response, a pipe): entry
sizes then follow each entry (``zipfile`` writes data descriptors). Names are stored in
UTF-8 with the flag that tells Windows so, and each entry is deflated (a DOCX made on the
fast path keeps its body uncompressed). :func:`zip_chunks` turns ``(name, bytes)`` pairs into
the bytes of a ZIP, piece by piece, for a web framework's streaming response.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import BinaryIO

__all__ = ["Archive", "zip_chunks"]


class Archive:
    """Documents added one at a time to a ZIP written into ``fh``; :meth:`close` (or leaving
    a ``with`` block) writes the directory. ``fh`` is not closed."""

    def __init__(self, fh: BinaryIO, *, level: int = 6):
        self._zip = zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level,
                                    allowZip64=True)
        self._stamp = time.localtime(time.time())[:6]
        self.names: list[str] = []

    def add(self, name: str, data: bytes) -> None:
        """Add one file under ``name`` (a plain file name or a ``folder/name`` path)."""
        info = zipfile.ZipInfo(name, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, data)
        self.names.append(name)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class _Pieces(io.RawIOBase):
    """A write-only, unseekable file that keeps what is written until it is taken."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.pieces.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out = b"".join(self.pieces)
        self.pieces.clear()
        return out


def zip_chunks(pairs: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
    """The ZIP of ``pairs`` as consecutive pieces of bytes: one per file added, then the
    directory. Each file is made when the previous piece has been taken, so a streaming
    HTTP response holds one document at a time."""
    sink = _Pieces()
    archive = Archive(sink)  # type: ignore[arg-type]
    try:
        for name, data in pairs:
            archive.add(name, data)
            yield sink.take()
    finally:
        archive.close()
    yield sink.take()
