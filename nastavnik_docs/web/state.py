"""What one running server keeps: its settings, the file index, its work area, the jobs.

The work area is a temporary folder of the server (removed when it stops): documents made
for one request are written there in a folder of their own, sent, and removed. Uploads are
stored there under names the server chooses (``upload.xlsx``), never under the name a
request gives.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from fastapi import UploadFile

from ..errors import InputError, Problem
from .files import FileIndex
from .folder import AWARDS_FOLDER, ServedFolder
from .jobs import Jobs
from .project_cache import ProjectCache
from .settings import WebSettings

__all__ = ["Upload", "WebState", "store_upload"]

#: The first bytes of a ZIP container (DOCX and XLSX are ZIP files).
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_SUFFIXES = (".docx", ".xlsx", ".xlsm")


class WebState:
    """The server's state (``app.state.web``)."""

    def __init__(self, settings: WebSettings):
        self.settings = settings
        self.folder = ServedFolder(settings.folder)
        self.files = FileIndex()
        self._own_work = settings.work_dir is None
        self.work = Path(tempfile.mkdtemp(prefix="nastavnik-web-")) if settings.work_dir is None \
            else settings.work_dir.resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        self.jobs = Jobs(folders={self.folder.path: "папка проекта", self.work: "рабочая папка сервера"})
        # certificate batches do not change the year's plan: their folder is left out
        self.cache = ProjectCache(self.folder.path, self.folder.open_project, skip=(AWARDS_FOLDER,))

    def scratch(self, prefix: str = "request-") -> Path:
        """A new empty folder in the work area."""
        return Path(tempfile.mkdtemp(prefix=prefix, dir=self.work))

    def close(self) -> None:
        self.jobs.shutdown()
        if self._own_work:
            shutil.rmtree(self.work, ignore_errors=True)


class Upload:
    """An uploaded file stored in the work area: where it is and the name the user gave."""

    def __init__(self, path: Path, original: str):
        self.path = path
        self.original = original

    @property
    def names(self) -> dict[str, str]:
        """The stored name → the user's name, for messages that name the file."""
        return {self.path.name: self.original}

    def renamed(self, error: InputError) -> InputError:
        """``error`` with the stored file named as the user named it."""
        problems = [replace(p, file=self.original) if p.file and Path(p.file).name == self.path.name else p
                    for p in error.problems]
        return InputError(problems, file=self.original)


async def store_upload(upload: UploadFile, folder: Path, suffixes: tuple[str, ...], what: str) -> Upload:
    """Save ``upload`` into ``folder`` as ``upload<suffix>``; only the suffix of the user's name
    is used, and it must be one of ``suffixes``. A DOCX/XLSX that is not a ZIP is refused here,
    before any reader opens it."""
    original = Path((upload.filename or "").replace("\\", "/")).name or "без имени"
    suffix = Path(original).suffix.lower()
    if suffix not in suffixes:
        raise InputError(Problem(f"{what}: нужен файл {', '.join(suffixes)}, а загружен «{original}»",
                                 file=original))
    data = await upload.read()
    if not data:
        raise InputError(Problem(f"{what}: загружен пустой файл", file=original))
    if suffix in _ZIP_SUFFIXES and not data.startswith(_ZIP_MAGIC):
        raise InputError(Problem(f"{what}: файл «{original}» повреждён или это не файл {suffix} "
                                 "(откройте его в Excel или Word и сохраните заново)", file=original))
    path = folder / f"upload{suffix}"
    path.write_bytes(data)
    return Upload(path, original)
