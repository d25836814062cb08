"""Settings for every test of the repository: tests/, the docs' examples and the doctests."""

import pytest
from hypothesis import HealthCheck, settings

# Tests never fail on timing (speed is measured in benchmarks/): no Hypothesis deadline and no
# "input generation is slow" health check, which a loaded machine, or one pytest-xdist worker
# per core, would otherwise turn into failures that say nothing about the code.
settings.register_profile("ranham", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# make test: every property, with fewer examples each (a test's own @settings still wins).
settings.register_profile("quick", settings.get_profile("ranham"), max_examples=25)
# make test-full: more examples than Hypothesis' default of 100, before a release.
settings.register_profile("full", settings.get_profile("ranham"), max_examples=300)
# The default for a developer's pytest run; `pytest --hypothesis-profile=quick|full` chooses.
settings.load_profile("ranham")


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset ``COLUMNS`` and ``LINES`` for every test.

    pytest-xdist sets ``COLUMNS=80`` in its workers; tables would then be cut to fit. A test
    that wants a width sets ``COLUMNS`` itself.
    """
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
