# Everything the project needs, from a machine with Python 3.11, pip and make.
#   make demo   - set up .venv and run the whole chain on the shipped national example
#   make test   - set up .venv, then lint, type-check, build the docs and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: all venv test lint typecheck pytest docs demo bench clean dist

all: test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("ranham needs Python >= 3.11, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs,sheets]'
	@touch $(STAMP)

venv: $(STAMP)

test: lint typecheck docs pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks docs
	$(BIN)/ruff format --check src tests examples benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/pytest --cov --cov-report=term -q

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

demo: $(STAMP)
	$(BIN)/ranham demo --sheets demo-output

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,docs,sheets,bench]'
	$(BIN)/python benchmarks/run.py

dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist

clean:
	rm -rf $(VENV) dist docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
