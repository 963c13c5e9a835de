"""Fixtures of the io tests: broken inputs are built on the fly, never committed as binaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from io_workbooks import BROKEN_PAIRS, BROKEN_PEOPLE, make_workbook


@pytest.fixture
def broken_registry(tmp_path) -> Path:
    return make_workbook(tmp_path / "broken_registry.xlsx", BROKEN_PEOPLE, BROKEN_PAIRS)
