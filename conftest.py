"""Settings for every test of the repository: tests/, the docs' examples and the doctests."""

from hypothesis import settings

# Tests never fail on timing (speed is measured in benchmarks/): no Hypothesis deadline, which
# a loaded CI machine would otherwise turn into failures that say nothing about the code.
settings.register_profile("ranham", deadline=None)
settings.load_profile("ranham")
