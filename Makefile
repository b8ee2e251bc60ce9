# Two commands: `make tutorial` (set up, sync, run the series) and `make test` (everything tested).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
# make test uses its own Milvus Lite database so it never touches the tutorial's
TEST_DB := $(CURDIR)/.local/test/zendesk.db
TEST_THRESHOLDS := $(CURDIR)/.local/test/thresholds.json

.PHONY: help venv tutorial notebooks test test-fast test-notebooks test-browser lint lab app bench stop clean

help:
	@echo "make tutorial   set up .venv, sync data/ into Milvus Lite, run notebooks 01-06 headless"
	@echo "make test       set up .venv if missing, run every test (notebooks and browser included)"
	@echo "make lab        open JupyterLab on notebooks/"
	@echo "make app        serve the support form with Voila on http://127.0.0.1:8866"
	@echo "make notebooks  re-execute the committed notebooks in place (fresh database)"
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
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	$(PY) -m helpers.onnx_model build
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

tutorial: venv
	$(PY) -m helpers.run_notebooks --out .local/executed $(NOTEBOOKS)
	@echo
	@echo "Executed notebooks: .local/executed/ (open them with 'make lab')"
	$(PY) -m helpers.report

# a fresh database and embedding cache: the vectors, and so every distance shown, are then exactly
# those a first run on a new machine computes (make test-notebooks does the same)
notebooks: venv
	$(PY) -m helpers lite stop >/dev/null
	rm -rf .local/zendesk.db .local/zendesk.db.* .local/notebooks
	EMBEDDING_CACHE=$(CURDIR)/.local/notebooks/embeddings.sqlite $(PY) -m helpers.run_notebooks --in-place $(NOTEBOOKS)

lint: venv
	$(VENV)/bin/ruff check helpers tests data

test-fast: venv
	$(VENV)/bin/pytest -q -m "not server and not browser and not slow"

test-notebooks: venv
	-MILVUS_URL=$(TEST_DB) $(PY) -m helpers lite stop >/dev/null
	rm -rf $(dir $(TEST_DB)) && mkdir -p $(dir $(TEST_DB))
	cp helpers/thresholds.json $(TEST_THRESHOLDS)
	MILVUS_URL=$(TEST_DB) THRESHOLDS_FILE=$(TEST_THRESHOLDS) EMBEDDING_CACHE=$(dir $(TEST_DB))embeddings.sqlite $(VENV)/bin/pytest -q -p no:cacheprovider --nbval --nbval-sanitize-with notebooks/sanitize.cfg $(NOTEBOOKS); \
	  status=$$?; MILVUS_URL=$(TEST_DB) $(PY) -m helpers lite stop >/dev/null; exit $$status

test-browser: venv
	$(VENV)/bin/pytest -q -m browser

test: venv lint
	$(VENV)/bin/pytest -q -m "not browser"
	$(MAKE) test-notebooks
	$(MAKE) test-browser

lab: venv
	$(VENV)/bin/jupyter lab notebooks/

app: venv
	$(PY) -m helpers.app

bench: venv
	$(PY) -m helpers.bench

stop:
	-$(PY) -m helpers lite stop

clean: stop
	rm -rf .local
