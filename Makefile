# One-command set-up: `make demo` runs the main job, `make test` runs every check CI runs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: demo test lint unit unit-sqlite unit-pg bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/zhucan demo

test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: unit-sqlite unit-pg

unit-sqlite: $(STAMP)
	$(BIN)/pytest -q

unit-pg: $(STAMP)
	ZHUCAN_TEST_DB=$(PG_URL) $(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/orders.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
