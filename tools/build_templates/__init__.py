"""Build the built-in templates from code.

Every module of this package that does not start with ``_`` exposes
``build(docx_dir: Path, xlsx_dir: Path) -> list[Path]`` and writes its templates there.
``python -m tools.build_templates`` rebuilds ``templates/`` in place; the test suite builds
into a temporary folder and fails when a committed template's content differs.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def builder_modules() -> list:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
        if not info.name.startswith("_")
    ]


def build_all(target: Path = ROOT / "templates") -> list[Path]:
    """Build every built-in template into ``target/docx`` and ``target/xlsx``."""
    docx_dir, xlsx_dir = target / "docx", target / "xlsx"
    docx_dir.mkdir(parents=True, exist_ok=True)
    xlsx_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for module in builder_modules():
        written.extend(module.build(docx_dir, xlsx_dir))
    return written
