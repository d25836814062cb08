"""Shared fixtures: the spec's example documents (the Hypothesis profiles are in ../conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SPEC = DATA / "spec"


@pytest.fixture
def spec_dir() -> Path:
    """The examples of format.md, as files."""
    return SPEC
