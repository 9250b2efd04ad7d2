# Two entry points: `make demo` (set up and run the main job on the bundled corpus)
# and `make test` (set up with the dev extra, then ruff and pytest).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint pytest lock clean browser

demo: $(VENV)/.base-installed
	$(BIN)/crosstally demo

test: $(VENV)/.dev-installed browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/pytest

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip==26.3
	touch $@

$(VENV)/.base-installed: $(VENV)/.created requirements/base.lock pyproject.toml
	$(PIP) install --require-hashes -r requirements/base.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.created requirements/dev.lock pyproject.toml
	$(PIP) install --require-hashes -r requirements/dev.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.base-installed

# Debian's chromium for the browser tests (never a browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium missing and not root: browser tests will be skipped"; fi; }

# Regenerate the hashed lock files after changing pyproject.toml (needs uv). base.lock
# holds the server extra too, so that `make demo` is enough for `crosstally serve`.
lock:
	uv pip compile pyproject.toml --extra server --python-version 3.11 --generate-hashes -o requirements/base.lock -q
	uv pip compile pyproject.toml --extra dev --extra server --extra spark --python-version 3.11 --generate-hashes -o requirements/dev.lock -q

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
