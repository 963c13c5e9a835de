"""The project layer sits above the catalogue, batch and render: nothing below imports it,
and it touches no file format itself."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "nastavnik_docs"
FORMAT_LIBRARIES = {"docx", "docxtpl", "docxcompose", "openpyxl", "lxml", "zipfile", "yaml"}
ABOVE = {"cli.py", "_demo.py", "__init__.py"}


def _imports(path: Path) -> list[ast.ImportFrom | ast.Import]:
    return [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, (ast.Import, ast.ImportFrom))]


def test_nothing_below_the_project_imports_it():
    for path in PACKAGE.rglob("*.py"):
        if "project" in path.relative_to(PACKAGE).parts or (path.parent == PACKAGE and path.name in ABOVE):
            continue
        for node in _imports(path):
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            names = [a.name for a in node.names]
            assert "project" not in module.split(".") and "project" not in names, path


def test_the_project_reads_and_writes_files_only_through_io_and_engine():
    for path in (PACKAGE / "project").glob("*.py"):
        for node in _imports(path):
            roots = {a.name.split(".")[0] for a in node.names} if isinstance(node, ast.Import) else (
                {node.module.split(".")[0]} if node.level == 0 and node.module else set())
            assert roots & FORMAT_LIBRARIES == set(), path
