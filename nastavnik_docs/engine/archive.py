"""A ZIP archive of finished documents, written as they come, into a file or any binary stream.

Batches hand their documents to :class:`Archive` one by one; nothing is kept in memory
but the archive's directory, so ten thousand certificates stream into a web response
with flat memory. The stream need not be seekable (an HTTP response, a pipe): entry
sizes then follow each entry (``zipfile`` writes data descriptors). Names are stored in
UTF-8 with the flag that tells Windows so, and each entry is deflated (a DOCX made on the
fast path keeps its body uncompressed).
"""

from __future__ import annotations

import time
import zipfile
from types import TracebackType
from typing import BinaryIO

__all__ = ["Archive"]


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
