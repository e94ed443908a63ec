# The README's commands. Each target installs what it needs first.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PORT ?= 8000

.PHONY: help install run test lint format openapi client e2e fuzz isolation authz faults load bench up down clean
.DEFAULT_GOAL := help

# The workspace members deptry checks: each imports only what it declares, and uses all of it.
MEMBERS := kit contracts services/catalog services/publisher services/analytics gateway cli clients/python web
# The members' distributions and the modules they provide (editable installs do not say).
DEPTRY_MAP := machi-kit=kit,machi-contracts=contracts,machi-catalog=catalog,machi-publisher=publisher,machi-analytics=analytics,machi-gateway=gateway,machi-cli=machi_cli,machi-client=machi_client,machi-web=web
# Declared and used without an import: FastAPI's form parser, zoneinfo's time zone data.
DEPTRY_IGNORES := DEP002=python-multipart|tzdata

help: ## this list: every target and what it does
	@awk -F':.*## ' '/^[a-z][a-z0-9-]*:.*## /{printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST) \
		| sed 's/\$$(PORT)/$(PORT)/'

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(UV) ## the locked environment in .venv (every other target runs it first)
	$(UV) sync --frozen --quiet

run: install ## the all-in-one platform on http://localhost:$(PORT), human-readable logs
	LOG_JSON=$${LOG_JSON:-false} $(UV) run machi run --target=all --port $(PORT)

test: install ## the whole suite (TEST_DATABASE_URL / TEST_AMQP_URL, see README)
	$(UV) run pytest

lint: install ## ruff, mypy, import-linter contracts, and deptry on every workspace member
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy kit/src contracts/src services/catalog/src services/publisher/src services/analytics/src gateway/src cli/src web/src
	$(UV) run lint-imports
	for m in $(MEMBERS); do $(UV) run deptry $$m/src --config $$m/pyproject.toml \
		--package-module-name-map '$(DEPTRY_MAP)' --per-rule-ignores '$(DEPTRY_IGNORES)' || exit 1; done

format: install ## ruff format and ruff --fix, in place
	$(UV) run ruff format .
	$(UV) run ruff check --fix .

openapi: install ## regenerate the committed openapi.json snapshot (offline); review its diff
	$(UV) run machi openapi --output openapi.json

client: install ## regenerate openapi.json and the typed Python client from it (clients/python); commit both
	$(UV) run machi openapi --output openapi.json
	$(UV) run openapi-python-client generate --path openapi.json --config clients/python/config.yaml \
		--meta none --output-path clients/python/src/machi_client --overwrite --fail-on-warning
	touch clients/python/src/machi_client/py.typed

e2e: install ## journeys through the gateway, services as separate processes on RabbitMQ
	$(UV) run pytest tests/e2e

fuzz: install ## schemathesis over the gateway's merged OpenAPI: no 5xx, no schema break (FUZZ_MAX_EXAMPLES, default 8)
	$(UV) run pytest -m fuzz tests/fuzz

isolation: install ## another town's credentials get 404 on every tenant object path (also in make test)
	$(UV) run pytest -m isolation tests/isolation

authz: install ## every operation by every role, anonymous and API-key scope answers as kit.policy says (also in make test)
	$(UV) run pytest -m authz tests/authz

faults: install ## broker restarted, relay and worker SIGKILLed under 10,000 events each (own RabbitMQ node)
	$(UV) run pytest -m faults tests/faults

load: install ## 10-minute mixed load on the all-in-one and on separate processes (LOAD_SECONDS, LOAD_CONCURRENCY); figures to bench/results/load-*
	$(UV) run pytest -m load tests/load

bench: install ## benchmarks, figures to bench/results/ (needs DATABASE_URL / TEST_AMQP_URL servers; wrk for redirect and api)
	for b in events catalog dispatch idle redirect api reports public web; do $(UV) run python -m bench.$$b || exit 1; done

up: ## containers (needs a Docker engine)
	$(UV) run machi keys init
	docker-compose up --build

down: ## stop the containers of make up
	docker-compose down

clean: ## remove var/ (embedded database, media) and .tools/
	rm -rf var .tools
