# One-command set-up: `make demo` runs the main job, `make test` runs every check CI runs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
# Debian packages the voice needs (espeak-ng speaks; pyttsx3 loads libespeak-ng), and the
# browser the web console's end-to-end test drives through Playwright (Debian's chromium:
# Playwright's own browser download is not reachable here) with a small Chinese font, so its
# screenshots show characters.
SYSTEM_PKGS := espeak-ng libespeak-ng1 chromium fonts-wqy-microhei
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint unit unit-sqlite unit-pg bench bench-voice clean system-deps

# Installs the Debian packages only when missing (quiet, idempotent; apt-get update only if the
# first try fails).
system-deps:
	@dpkg -s $(SYSTEM_PKGS) >/dev/null 2>&1 || { \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -qq $(SYSTEM_PKGS) >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq >/dev/null && \
	    $(SUDO) apt-get install -y -qq $(SYSTEM_PKGS) >/dev/null; }; }

$(STAMP): pyproject.toml | system-deps $(NODE_STAMP)
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,voice]'
	touch $(STAMP)

# axe-core, pinned in package.json and package-lock.json, for the console's accessibility test
# (tests/bot/web/test_accessibility.py injects node_modules/axe-core/axe.min.js into chromium).
# npm comes with node; Debian's nodejs and npm are installed only when there is no npm at all.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -qq nodejs npm >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq >/dev/null && \
	    $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

demo: $(STAMP)
	$(BIN)/zhucan demo

test: lint unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: unit-sqlite unit-pg

unit-sqlite: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -q

# tests/voice never touch the store: they run once, in the SQLite pass.
unit-pg: $(STAMP) $(NODE_STAMP)
	ZHUCAN_TEST_DB=$(PG_URL) $(BIN)/pytest -q --ignore=tests/voice

bench: $(STAMP)
	$(BIN)/python bench/orders.py

bench-voice: $(STAMP)
	$(BIN)/python bench/voice.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis
