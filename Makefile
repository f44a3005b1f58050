# Two commands on a fresh machine: `make serve` (build and preview) and `make test` (everything).
VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
ADDRESS := 127.0.0.1:8000

.PHONY: serve test build bench install chromium clean

serve: install ## build the site and serve it with live reload on 127.0.0.1:8000
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs serve --dev-addr $(ADDRESS) --livereload

test: install chromium ## install everything and run the whole test suite
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m pytest

build: install ## build site/ strictly
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs build --strict

bench: install ## build time, per-page cost, first-load page weight
	NO_MKDOCS_2_WARNING=1 $(PYTHON) scripts/bench.py

install: $(STAMP)

# Python packages and the npm packages (KaTeX for build-time math, axe-core for tests), pinned.
$(STAMP): requirements.txt package.json package-lock.json
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests use Debian's chromium driven by Playwright (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site .venv node_modules .pytest_cache
