"""Shared fixtures: the spec's example documents; the Hypothesis profile of the suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

DATA = Path(__file__).parent / "data"
SPEC = DATA / "spec"

# No wall-clock judgement in tests: Hypothesis' deadline and its "input generation is slow"
# health check fail on a busy machine, or with one pytest-xdist worker per core (make test),
# without any defect. Speed is measured in benchmarks/. A test's own @settings still wins.
settings.register_profile("ranham", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ranham")


@pytest.fixture
def spec_dir() -> Path:
    """The examples of format.md, as files."""
    return SPEC
