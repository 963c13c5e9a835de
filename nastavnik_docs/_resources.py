"""Find the data folders that ship with the package: ``templates/`` and ``samples/``.

In a wheel they live inside the package (``nastavnik_docs/templates``), put there by
hatchling's force-include; in a checkout or an editable install they are the top-level
folders beside the package. One resolver serves both so that nothing else in the code
needs to know how the project was installed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` ("templates" or "samples") wherever it was installed."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"Не найдена папка «{name}» пакета nastavnik_docs: установка повреждена "
        f"(искали в {_PACKAGE_DIR} и {_PACKAGE_DIR.parent})"
    )


def templates_dir() -> Path:
    return data_dir("templates")


def samples_dir() -> Path:
    return data_dir("samples")


def sample_path(relative: str) -> Path:
    """Path of a bundled sample file, e.g. ``sample_path("organization.yaml")``."""
    return samples_dir() / relative
