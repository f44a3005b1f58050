# Two commands on a fresh machine: `make serve` (build and preview) and `make test` (everything).
VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
ADDRESS := 127.0.0.1:8000
# Dates in the build (sitemap, review notes) come from the last commit: a commit always builds the same site.
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench links install chromium clean

# After the first full build, serve rebuilds only the pages you change (--dirty): see CONTRIBUTING.
serve: install ## build the site and serve it with live reload on 127.0.0.1:8000 (warnings shown, not fatal)
	$(PYTHON) -m mkdocs serve --dev-addr $(ADDRESS) --livereload --dirty

test: install chromium ## install everything and run the whole test suite
	$(PYTHON) -m pytest

build: install ## build site/ strictly
	$(PYTHON) -m mkdocs build --strict

bench: install ## build time, per-page cost, first-load page weight
	$(PYTHON) scripts/bench.py

links: build ## check every external link of the built site (needs the network; not part of `make test`)
	$(PYTHON) scripts/check_links.py site

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
