"""Shared fixtures: the spec's example documents (the Hypothesis profiles are in ../conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

DATA = Path(__file__).parent / "data"
SPEC = DATA / "spec"


@pytest.fixture
def spec_dir() -> Path:
    """The examples of format.md, as files."""
    return SPEC


def examples(count: int) -> int:
    """``count`` examples in a plain ``pytest`` run, scaled like the Hypothesis profile that runs.

    A property that needs more or fewer examples than the profile gives says so with
    ``@settings(max_examples=examples(N))``: ``N`` is its count under the default profile (100
    examples per property). ``make test``'s quick profile (25) runs a quarter as many and
    ``make test-full``'s full profile (300) three times as many, never fewer than ``min(N, 10)``:
    every property runs in every profile, with fewer examples where time is short.
    Test modules are imported after pytest-hypothesis has loaded ``--hypothesis-profile``.
    """
    scaled = count * settings.default.max_examples // 100
    return max(scaled, min(count, 10))
