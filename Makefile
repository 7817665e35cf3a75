# Passend in Beeld — two commands: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make demo PROFILE=vl` shows the Flemish demo: its own settings (written by `pib init`),
# data and warehouse under data/vl/, so the Dutch demo stays as it is.
PROFILE ?= nl
ifeq ($(PROFILE),nl)
DEMO_DIR := data/demo
DEMO_ENV :=
DEMO_INIT := true
else
DEMO_DIR := data/$(PROFILE)/demo
DEMO_ENV := PIB_CONFIG=data/$(PROFILE)/pib.toml PIB_DB=data/$(PROFILE)/warehouse.duckdb
DEMO_INIT := mkdir -p data/$(PROFILE) && $(BIN)/pib init --profile $(PROFILE) --demo --force \
	--out data/$(PROFILE)/pib.toml
endif

.PHONY: demo test install demo-data lint docs bench backtest clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Generate the demo data set, load it and start the dashboard on http://localhost:8501
## (PROFILE=vl: the Flemish leersteuncentrum demo)
demo: demo-data
	$(DEMO_ENV) $(BIN)/pib serve --demo --port 8501

demo-data: $(STAMP)
	$(DEMO_INIT)
	$(DEMO_ENV) $(BIN)/pib demo --out $(DEMO_DIR) --profile $(PROFILE)
	$(DEMO_ENV) $(BIN)/pib load $(DEMO_DIR)
	$(DEMO_ENV) $(BIN)/pib users demo

## Lint (style and the layer contracts) and run the whole test suite (browser tests included)
test: lint
	$(BIN)/python -m pytest -n auto

## ruff, and import-linter's layer contracts of pyproject.toml
lint: $(STAMP)
	$(BIN)/ruff check etl queries dashboard tests benchmarks
	$(BIN)/lint-imports

## Regenerate docs/data-model.md from the canonical schema and docs/kpis.md from the SQL headers
docs: $(STAMP)
	$(BIN)/python -m etl.docs > docs/data-model.md
	$(BIN)/python -m queries.docs > docs/kpis.md

## Benchmarks: national scale (rewrites docs/performance.md), then disclosure control (demo)
bench: $(STAMP)
	$(BIN)/python benchmarks/national.py --write-docs
	$(BIN)/python benchmarks/bench_disclosure.py

## Back-test of the demand forecasts on the demo (docs/forecast.md)
backtest: $(STAMP)
	$(BIN)/python -m benchmarks.forecast_backtest

clean:
	rm -rf $(VENV) data/demo data/vl data/warehouse.duckdb* data/.warehouse.duckdb.* tests/screenshots
