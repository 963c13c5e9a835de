"""Fixtures of the stats tests: the hand-built registry of :mod:`stats_registry`."""

from __future__ import annotations

import pytest
from stats_registry import hand_built

from nastavnik_docs.models import Registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return hand_built()
