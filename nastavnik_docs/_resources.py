"""Find the data folders that ship with the package: ``templates/`` and ``samples/``.

In a wheel they live inside the package (``nastavnik_docs/templates``), put there by
hatchling's force-include; in a checkout or an editable install they are the top-level
folders beside the package. One resolver serves both so that nothing else in the code
needs to know how the project was installed. :func:`packaged_yaml` reads the wording and
rule files that ship inside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

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


def packaged_yaml(text: str) -> Any:
    """The data of a YAML file shipped with the package (wording, rules, lists), parsed by
    libyaml where PyYAML has it — the same safe rules, several times faster than the pure
    Python parser, which is the fallback. Users' files go through ``io`` instead, whose
    reader adds limits and located errors."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
