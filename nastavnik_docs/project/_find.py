"""Finding the project folder a file belongs to (light: the CLI asks on every command)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROJECT_FILE", "find_project"]

#: The file that makes a folder a project folder.
PROJECT_FILE = "nastavnik.yaml"


def find_project(start: str | os.PathLike[str]) -> Path | None:
    """The project folder that holds ``start`` (a file or folder), if any."""
    path = Path(start).resolve()
    for folder in [path, *path.parents] if path.is_dir() else list(path.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None
