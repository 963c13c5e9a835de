"""Files the server hands out, looked up by an opaque id — never by a path from the address.

Every file the server makes (a document, a ZIP, a preview) or offers (the empty registry
workbook) is entered into a :class:`FileIndex` under a random id; ``/files/{file_id}`` finds
it there or answers 404. Nothing in a request is ever joined onto a folder.

The download name goes into ``Content-Disposition`` twice: an ASCII transliteration for old
clients and the Russian name itself as RFC 5987 ``filename*=UTF-8''…``.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

__all__ = ["CONTENT_TYPES", "FileIndex", "IndexedFile", "content_disposition", "content_type"]

CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".png": "image/png",
    ".csv": "text/csv; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".yaml": "text/yaml; charset=utf-8",
}

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


def _ascii_name(name: str) -> str:
    out = []
    for char in name:
        low = char.lower()
        if low in _TRANSLIT:
            latin = _TRANSLIT[low]
            out.append(latin.capitalize() if char != low else latin)
        elif char.isascii() and (char.isalnum() or char in "._-"):
            out.append(char)
        else:
            out.append("_")
    return "".join(out) or "file"


def content_disposition(name: str, *, inline: bool = False) -> str:
    """``attachment; filename="Prikaz.docx"; filename*=UTF-8''%D0%9F…`` for ``name``."""
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{_ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


@dataclass(frozen=True)
class IndexedFile:
    """A file the server may send: where it is and the name it is downloaded under."""

    id: str
    path: Path
    name: str

    @property
    def media_type(self) -> str:
        return content_type(self.name)


class FileIndex:
    """The files the server may send, by random id (thread-safe: batch jobs add to it)."""

    def __init__(self) -> None:
        self._files: dict[str, IndexedFile] = {}
        self._by_path: dict[Path, str] = {}
        self._lock = threading.Lock()

    def add(self, path: Path, name: str | None = None) -> IndexedFile:
        """Enter ``path`` (made by the server) and return its entry; the same path keeps its id."""
        path = Path(path).resolve()
        with self._lock:
            known = self._by_path.get(path)
            if known is not None and (name is None or self._files[known].name == name):
                return self._files[known]
            entry = IndexedFile(secrets.token_urlsafe(12), path, name or path.name)
            self._files[entry.id] = entry
            self._by_path[path] = entry.id
            return entry

    def get(self, file_id: str) -> IndexedFile | None:
        """The entry of ``file_id`` if it exists and its file is still there."""
        with self._lock:
            entry = self._files.get(file_id)
        if entry is None or not entry.path.is_file():
            return None
        return entry
