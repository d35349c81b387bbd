# briefs: make site | make serve | make test | make lint
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test lint browser axe clean facts

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,zensical]'
	touch $(STAMP)

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# axe-core (pinned) for the accessibility tests, into a folder the benchmarks own (git-ignored).
axe:
	@test -f benchmarks/.lighthouse/node_modules/axe-core/axe.min.js || \
	  npm install --prefix benchmarks/.lighthouse --no-audit --no-fund --save-exact axe-core@4.10.2 >/dev/null

site: $(STAMP)
	$(BIN)/briefs build

serve: $(STAMP)
	$(BIN)/briefs serve

facts: $(STAMP)
	$(BIN)/briefs extract content/sources -o /tmp/facts.json

test: $(STAMP) browser axe
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy generator

# .site.work: the default site's work folder (generated Markdown, caches); generated, .cache: older layouts
clean:
	rm -rf site .site.work generated .cache
