# Passend in Beeld — two commands: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := data/demo
STAMP := $(VENV)/.installed

.PHONY: demo test install demo-data lint docs bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Generate the demo data set, load it and start the dashboard on http://localhost:8501
demo: demo-data
	$(BIN)/pib serve --demo --port 8501

demo-data: $(STAMP)
	$(BIN)/pib demo --out $(DEMO_DIR)
	$(BIN)/pib load $(DEMO_DIR)
	$(BIN)/pib users demo

## Lint (style and the layer contracts) and run the whole test suite (browser tests included)
test: lint
	$(BIN)/python -m pytest

## ruff, and import-linter's layer contracts of pyproject.toml
lint: $(STAMP)
	$(BIN)/ruff check etl queries dashboard tests benchmarks
	$(BIN)/lint-imports

## Regenerate docs/data-model.md from the canonical schema
docs: $(STAMP)
	$(BIN)/python -m etl.docs > docs/data-model.md

## National-scale benchmark: prints medians and ratios, rewrites docs/performance.md
bench: $(STAMP)
	$(BIN)/python benchmarks/national.py --write-docs

clean:
	rm -rf $(VENV) $(DEMO_DIR) data/warehouse.duckdb* data/.warehouse.duckdb.* tests/screenshots
