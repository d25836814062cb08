# Everything the project needs, from a machine with Python 3.11, pip and make.
#   make demo   - set up .venv and run the whole chain on the shipped national example
#   make test   - set up .venv, then lint, type-check, build the docs and run every test on every
#                 core, all side by side, each property with 25 examples (the quick Hypothesis
#                 profile); the built wheel gets the smoke tests
#   make test-full - the same with 300 examples per property and coverage, and the whole suite
#                 once more against the built wheel (before a release)
#   make coverage - the tests with the line and branch coverage report
#   make mutate - mutation testing of the validator and the rules (CONTRIBUTING.md; slow)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: all venv test test-full checks side-checks lint typecheck pytest pytest-full coverage docs demo bench mutate clean dist

all: test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("ranham needs Python >= 3.11, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs,sheets]'
	@touch $(STAMP)

venv: $(STAMP)

# The checks and the tests side by side: lint, typecheck and docs use one core each, and the
# docs (the longest, half a minute) would otherwise leave the other core idle before pytest
# starts. The checks' output is synchronised line by line (--output-sync=line keeps each line
# whole), pytest's is not, so its progress shows as it runs. Every job runs to its end, and make
# fails if any of them failed.
test: $(STAMP)
	@$(MAKE) --no-print-directory -j4 side-checks pytest

test-full: $(STAMP)
	@$(MAKE) --no-print-directory -j4 side-checks pytest-full

side-checks: $(STAMP)
	@$(MAKE) --no-print-directory --output-sync=line lint typecheck docs

checks: $(STAMP)
	@$(MAKE) --no-print-directory -j3 side-checks

lint: $(STAMP)
	$(BIN)/ruff check conftest.py src tests examples benchmarks docs
	$(BIN)/ruff format --check conftest.py src tests examples benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy src

# -n auto: one pytest-xdist worker per core. Profiles of Hypothesis (conftest.py): quick = 25
# examples per property, full = 300; a test's own @settings still wins.
PYTEST_WORKERS ?= auto

pytest: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q --hypothesis-profile=quick

pytest-full: $(STAMP)
	RANHAM_WHEEL_SUITE=full $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q --hypothesis-profile=full --cov --cov-report=term

coverage: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q --cov --cov-report=term

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

demo: $(STAMP)
	$(BIN)/ranham demo --sheets demo-output

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,docs,sheets,bench]'
	$(BIN)/python benchmarks/run.py

# Mutants of the validator's rules and of ranham.rules ([tool.mutmut] in pyproject.toml), made
# and tested in ./mutants; MUTANTS narrows the run, e.g. MUTANTS='ranham.rules.numbers*'.
# No PYTHONPATH here: mutmut itself puts mutants/src first on sys.path once the directory exists.
# A PYTHONPATH naming it before it exists makes Python remember "nothing there" for that entry
# (sys.path_importer_cache), and the tests then import the unmutated package (CONTRIBUTING.md).
MUTANTS ?=
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutate]'
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/mutmut results | grep -v ': not checked$$' || true  # the rest of a narrowed run

dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist

clean:
	rm -rf $(VENV) dist docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage mutants
