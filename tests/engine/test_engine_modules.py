"""Engine modules stay small and say what they hold (the layering itself is an
import-linter contract, checked in tests/test_layers.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "nastavnik_docs" / "engine"


@pytest.mark.parametrize("module", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_engine_module_opens_with_a_docstring_and_stays_small(module):
    text = module.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(text)), module.name
    assert len(text.splitlines()) <= 500, module.name
