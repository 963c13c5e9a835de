"""The layers of DESIGN.md: only engine/ and io/ touch file formats."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "nastavnik_docs"
FORMAT_LIBRARIES = {"docx", "docxtpl", "docxcompose", "openpyxl", "lxml", "zipfile"}
FORMAT_FREE = ["models", "ru", "kinds", "stats"]


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize(
    "module",
    [p for layer in FORMAT_FREE for p in sorted((PACKAGE / layer).rglob("*.py"))],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_layer_imports_no_format_library(module):
    assert _imported_roots(module) & FORMAT_LIBRARIES == set()


def test_kinds_do_not_import_the_render_or_io_layers():
    for path in (PACKAGE / "kinds").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module:
                assert node.module.split(".")[0] not in {"engine", "io", "batch", "cli"}, path.name


def test_importing_the_language_layer_loads_no_format_library():
    code = ("import sys, nastavnik_docs.ru, nastavnik_docs.models, nastavnik_docs.stats; "
            "print(sorted(m for m in ('docx', 'docxtpl', 'openpyxl', 'docxcompose') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
