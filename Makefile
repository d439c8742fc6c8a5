# Two commands on a fresh machine with Python 3.11+ and make: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP_BASE := $(VENV)/.installed-base
STAMP_TEST := $(VENV)/.installed-test

.PHONY: demo test lint typecheck unit docs bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_BASE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $@ $(STAMP_BASE)

install: $(STAMP_BASE)

## The main job: a readable report of the bundled France 2018-2020 plan.
demo: $(STAMP_BASE)
	$(BIN)/opengov report fr-2018-2020

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests examples benchmarks docs/_ext
	$(BIN)/ruff format --check src tests examples benchmarks docs/_ext

## mypy --strict on the package, and on the code users copy: the examples and the docs' blocks.
typecheck: $(STAMP_TEST)
	$(BIN)/mypy
	$(BIN)/mypy --strict docs/_ext
	$(BIN)/python -m pytest -q tests/test_examples.py::test_examples_type_check \
		tests/test_docs.py::test_documented_code_type_checks

unit: $(STAMP_TEST)
	$(BIN)/python -m pytest

## The documentation site, built strictly into site/.
docs: $(STAMP_TEST)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

## Lint, type check, every test and the documentation build.
test: lint typecheck unit docs

## Benchmarks: throughput and ratios against peers (not part of the tests).
bench: $(STAMP_TEST)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]' 
	$(BIN)/python benchmarks/serialisation.py
	$(BIN)/python benchmarks/rdf_throughput.py
	$(BIN)/python benchmarks/ogp_import.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
