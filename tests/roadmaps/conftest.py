"""Fixtures of the roadmap tests."""

from __future__ import annotations

import pytest
from _roadmap_samples import SAMPLES


@pytest.fixture(params=sorted(SAMPLES))
def sample_key(request: pytest.FixtureRequest) -> str:
    """Each of the five seed roadmaps in turn."""
    return request.param
