# The two commands of the README, `make demo` and `make test` (what CI runs), and
# `make test-fast` for the edit-test loop (CONTRIBUTING.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON := $(BIN)/python
export UV_PYTHON_DOWNLOADS := never

.PHONY: demo test test-fast install lint chromium nginx bench

demo: install
	$(BIN)/newsroom demo

test: install chromium nginx node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest

# No browser tests; a PostgreSQL test database (DATABASE_URL) is kept between runs.
test-fast: install
	$(BIN)/pytest -m "not e2e" --reuse-db

# Figures for the performance table in README.md; needs Debian's wrk and PostgreSQL (benchmarks/http.py).
bench: install
	@command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install -y wrk"; exit 1; }
	$(BIN)/python benchmarks/http.py

install: $(BIN)/uv
	$(BIN)/uv sync --locked --quiet

$(BIN)/uv:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
		|| { echo "newsroom needs Python >= 3.12 (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"

# The browser tests inject axe-core from npm (package-lock.json); npm ci runs again only
# when the lock has changed since node_modules was installed.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "the browser tests need npm (Debian: apt-get install -y npm)"; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

# The browser tests use Debian's Chromium, never a downloaded browser.
chromium:
	@test -x /usr/bin/chromium || scripts/install-chromium

# The scale-out test puts Debian's nginx in front of two app processes.
nginx:
	@test -x /usr/sbin/nginx || scripts/install-nginx
