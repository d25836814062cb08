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


@pytest.hookimpl(trylast=True)  # after pytest-xdist has named the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the tests marked ``slow`` first, and refuse a run whose ``xdist_group`` is lost.

    pytest-xdist hands tests to the workers in this order; a long test handed out last keeps
    one core busy while the other has nothing left to do. Longest first is the classic remedy
    (pytest-xdist itself puts the largest ``xdist_group`` first). Each worker sorts the same
    collection the same way, so the workers still agree on it.

    Under ``--dist loadgroup`` a worker adds ``@GROUP`` to the id of each test marked
    ``xdist_group``; the controller groups by that suffix. Where pytest ignores the new id
    (pytest 9.2 with pytest-xdist 3.8, pytest-xdist issue 1386) nothing fails but the groups
    are spread over the workers, each building what the group shares (the release check's
    wheel and environment): such a run stops here instead.
    """
    if getattr(config.option, "loadgroup", False):
        lost = [
            item.nodeid
            for item in items
            if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
        ]
        if lost:
            raise pytest.UsageError(
                f"--dist loadgroup does not group {lost[0]} (and {len(lost) - 1} more): this "
                f"pytest ({pytest.__version__}) ignores the group names pytest-xdist gives; "
                "install the versions pyproject.toml's test extra allows"
            )
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
