"""Settings for every test of the repository: tests/, the docs' examples and the doctests."""

import pytest
from hypothesis import settings

# Tests never fail on timing (speed is measured in benchmarks/): no Hypothesis deadline, which
# a loaded CI machine would otherwise turn into failures that say nothing about the code.
settings.register_profile("ranham", deadline=None)
settings.load_profile("ranham")


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-xdist sets ``COLUMNS=80`` in its workers; tables would then be cut to fit. A test
    that wants a width sets ``COLUMNS`` itself."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
