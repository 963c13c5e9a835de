"""The engine writes documents from models: it never imports the catalogue or the layers above."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "nastavnik_docs" / "engine"
ABOVE = {"kinds", "batch", "cli", "_api", "project", "web"}


def _package_imports(path: Path) -> set[str]:
    """First segments of the nastavnik_docs modules a module of the engine imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 2 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 2:
                found.update(alias.name for alias in node.names)
            elif node.level == 0 and node.module and node.module.startswith("nastavnik_docs."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("nastavnik_docs."))
    return found


@pytest.mark.parametrize("module", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_engine_module_imports_nothing_above_it(module):
    assert _package_imports(module) & ABOVE == set()


@pytest.mark.parametrize("module", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_engine_module_opens_with_a_docstring_and_stays_small(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), module.name
    assert len(module.read_text(encoding="utf-8").splitlines()) <= 500, module.name
