# Two commands: `make tutorial` (set up, sync, run the series) and `make test` (everything tested).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
# make test-notebooks uses its own data directory (database, cache, thresholds), never the tutorial's
TEST_DATA := $(CURDIR)/.local/test

.PHONY: help venv browser tutorial notebooks test test-fast test-notebooks test-browser screenshots lint lab app bench stop clean
# where `make browser` records the chromium it found or installed (read by test-browser)
BROWSER_FILE := $(CURDIR)/.local/browser-path
APT_GET ?= apt-get
# pytest exits 5 when it selected no test: say so instead of make's bare "Error 5"
define pytest_checked
status=0; $(1) || status=$$?; \
  if [ $$status = 5 ]; then echo "make $@: pytest selected no test ($(2)); see the skip reasons above"; fi; \
  exit $$status
endef

help:
	@echo "make tutorial   set up .venv, sync data/ into Milvus Lite, run notebooks 01-06 headless"
	@echo "make test       set up .venv and a browser if missing, run every test (notebooks and browser included)"
	@echo "make browser    find a chromium for the browser test, else install one (apt, else Playwright)"
	@echo "make lab        open JupyterLab on notebooks/"
	@echo "make app        serve the support form with Voila on http://127.0.0.1:8866"
	@echo "make notebooks  re-execute the committed notebooks in place (fresh database)"
	@echo "make screenshots  photograph the form page on the shipped data into docs/img/ (browser test)"
	@echo "make bench      run the benchmarks, write docs/benchmarks.md"
	@echo "make stop       stop the background Milvus Lite server"

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed"; exit 1; }
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed, found " + sys.version' 
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, pinned: the CPU build (a looser pin pulls a multi-GB CUDA build)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -c requirements.lock -e '.[notebook,app,dev]'
	$(PY) -m helpers model build
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

tutorial: venv
	$(PY) -m helpers.run_notebooks --out .local/executed $(NOTEBOOKS)
	@echo
	@echo "Executed notebooks: .local/executed/ (open them with 'make lab')"
	$(PY) -m helpers.report

# The committed outputs are what `make tutorial` gives a learner on a new machine: the same default
# settings and paths, from a fresh database, embedding cache and thresholds file in .local/ (this
# target deletes yours). make test-notebooks re-runs them the same way in .local/test/.
notebooks: venv
	$(PY) -m helpers lite stop >/dev/null
	rm -rf .local/zendesk.db .local/zendesk.db.* .local/embeddings.sqlite* .local/thresholds.json
	$(PY) -m helpers.run_notebooks --in-place $(NOTEBOOKS)

lint: venv
	$(VENV)/bin/ruff check helpers tests data benchmarks

test-fast: venv
	@$(call pytest_checked,$(VENV)/bin/pytest -q -rs -m "not server and not browser and not slow",the fast tests)

test-notebooks: venv
	-HELPERS_DATA_DIR=$(TEST_DATA) $(PY) -m helpers lite stop >/dev/null
	rm -rf $(TEST_DATA)/zendesk.db* $(TEST_DATA)/embeddings.sqlite* $(TEST_DATA)/thresholds.json && mkdir -p $(TEST_DATA)
	HELPERS_DATA_DIR=$(TEST_DATA) $(VENV)/bin/pytest -q -p no:cacheprovider --nbval --nbval-sanitize-with notebooks/sanitize.cfg $(NOTEBOOKS); \
	  status=$$?; HELPERS_DATA_DIR=$(TEST_DATA) $(PY) -m helpers lite stop >/dev/null; \
	  if [ $$status = 5 ]; then echo "make $@: pytest selected no notebook (NOTEBOOKS is empty?)"; fi; exit $$status

# A chromium for the browser test: one already here (CHROMIUM=..., Debian's /usr/bin/chromium or one
# on PATH), else Debian's package (as root or with passwordless sudo), else Playwright's own
# download; else one line saying what to run. The path found is kept in $(BROWSER_FILE).
browser: venv
	@mkdir -p $(dir $(BROWSER_FILE)); found=""; \
	if [ -n "$$CHROMIUM" ] && [ ! -x "$$CHROMIUM" ]; then \
	  echo "make browser: CHROMIUM=$$CHROMIUM is not an executable; point it at a chromium or unset it"; exit 1; \
	fi; \
	for c in "$$CHROMIUM" /usr/bin/chromium "$$(command -v chromium)" "$$(command -v chromium-browser)"; do \
	  if [ -n "$$c" ] && [ -x "$$c" ]; then found="$$c"; break; fi; \
	done; \
	playwright_own() { $(PY) -c 'import os, sys; from playwright.sync_api import sync_playwright; p = sync_playwright().start(); path = p.chromium.executable_path; p.stop(); print(path) if os.access(path, os.X_OK) else sys.exit(1)' 2>/dev/null; }; \
	[ -n "$$found" ] || found="$$(playwright_own)"; \
	if [ -z "$$found" ] && command -v $(APT_GET) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi; \
	  if [ "$$sudo" != none ]; then \
	    echo "make browser: installing Debian's chromium ($(APT_GET) install chromium)"; \
	    $$sudo $(APT_GET) update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium >/dev/null \
	      && [ -x /usr/bin/chromium ] && found=/usr/bin/chromium; \
	  fi; \
	fi; \
	if [ -z "$$found" ]; then \
	  echo "make browser: trying Playwright's own chromium ($(PY) -m playwright install chromium)"; \
	  timeout 900 $(PY) -m playwright install chromium >/dev/null 2>&1 && found="$$(playwright_own)"; \
	fi; \
	if [ -z "$$found" ]; then \
	  echo "make browser: no chromium for the browser test; run 'sudo apt-get install chromium' or '$(PY) -m playwright install chromium' (or set CHROMIUM=/path/to/chromium), then make test again"; \
	  exit 1; \
	fi; \
	echo "$$found" > $(BROWSER_FILE); echo "make browser: $$found"

# CHROMIUM set: the browser test fails (never skips) when it cannot drive that browser
test-browser: venv browser
	@$(call pytest_checked,CHROMIUM="$$(cat $(BROWSER_FILE))" $(VENV)/bin/pytest -q -rs -m browser,the browser test)

# the browser test's pictures of the form on the shipped data (a temp database), into docs/img/;
# a plain test run writes its own to artifacts/, so the committed images change only from here
SCREENSHOTS_DIR := docs/img
screenshots: venv browser
	@$(call pytest_checked,CHROMIUM="$$(cat $(BROWSER_FILE))" SCREENSHOTS_DIR=$(SCREENSHOTS_DIR) $(VENV)/bin/pytest -q -rs -s -m browser tests/test_browser.py::test_screenshots_of_the_shipped_data,the screenshots test)

test: venv lint browser
	@$(call pytest_checked,$(VENV)/bin/pytest -q -rs -m "not browser",every test but the browser one)
	$(MAKE) test-notebooks
	$(MAKE) test-browser

lab: venv
	$(VENV)/bin/jupyter lab notebooks/

app: venv
	$(PY) -m helpers.app

bench: venv
	$(PY) -m benchmarks

stop:
	-$(PY) -m helpers lite stop

clean: stop
	rm -rf .local
