# Every target makes its own virtual environment, so a fresh machine needs
# only Python 3.11 and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test lint bench clean

$(BIN)/relbib: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/relbib
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## build: install relbib and run the main job on seeds/
build: $(BIN)/relbib
	$(BIN)/relbib build

## test: install the test dependencies, lint, type-check and run every test
test: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/pytest -n 2

bench: $(VENV)/.test-deps
	$(BIN)/python benchmarks/refparse.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
