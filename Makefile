# Everything the project needs, from a machine with Python 3.11, pip and make.
#   make demo   - set up .venv and run the whole chain on the shipped national example
#   make test   - set up .venv, then lint, type-check, build the docs and run the tests (on every
#                 core; the built wheel gets the smoke tests)
#   make test-full - the same, and the whole suite once more against the built wheel
#   make mutate - mutation testing of the validator and the rules (CONTRIBUTING.md; slow)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: all venv test test-full lint typecheck pytest pytest-full docs demo bench mutate clean dist

all: test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("ranham needs Python >= 3.11, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs,sheets]'
	@touch $(STAMP)

venv: $(STAMP)

test: lint typecheck docs pytest

test-full: lint typecheck docs pytest-full

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks docs
	$(BIN)/ruff format --check src tests examples benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy src

# -n auto: one pytest-xdist worker per core (coverage is combined by pytest-cov)
PYTEST_WORKERS ?= auto

pytest: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --cov --cov-report=term -q

pytest-full: $(STAMP)
	RANHAM_WHEEL_SUITE=full $(BIN)/pytest -n $(PYTEST_WORKERS) --cov --cov-report=term -q

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
