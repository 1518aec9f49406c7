# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON := $(BIN)/python
export UV_PYTHON_DOWNLOADS := never

.PHONY: demo test install lint chromium

demo: install
	$(BIN)/newsroom demo

test: install chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

install: $(BIN)/uv
	$(BIN)/uv sync --locked --quiet

$(BIN)/uv:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
		|| { echo "newsroom needs Python >= 3.12 (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"

# The browser tests use Debian's Chromium, never a downloaded browser.
chromium:
	@test -x /usr/bin/chromium || scripts/install-chromium
