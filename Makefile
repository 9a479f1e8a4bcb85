# 依法 yifa — make run: serve the demo city; make test: the whole suite (SQLite, then PostgreSQL if reachable).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/yifa
export DJANGO_SETTINGS_MODULE := yifa.settings

.PHONY: run test lint test-sqlite test-postgres test-api install migrate demo bench clean messages

$(BIN)/yifa: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/yifa

install: $(BIN)/yifa yifa/static/vendor/echarts/echarts.min.js

# Apache ECharts from npm (version pinned in package.json/package-lock.json), served as our own static file.
yifa/static/vendor/echarts/echarts.min.js: package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	mkdir -p yifa/static/vendor/echarts
	cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE yifa/static/vendor/echarts/

# yifa/locale/**/django.po → django.mo with polib (pure Python, no gettext needed); commit both.
# tests/core/test_translations.py fails when a committed .mo is not what this writes.
messages: install
	$(BIN)/python -c 'import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix(".mo"))) for p in sorted(pathlib.Path("yifa/locale").rglob("*.po"))]'

migrate: install
	mkdir -p var
	$(BIN)/yifa migrate --noinput

demo: migrate
	$(BIN)/yifa demo --if-empty

# The demo only: tracebacks on, and no second factor required (yifa check --deploy refuses both).
run: demo
	YIFA_DEBUG=1 YIFA_TOTP_REQUIRED=0 $(BIN)/yifa runserver 127.0.0.1:8000

test: install
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-api

lint: install
	@echo "== 检查：ruff、迁移 =="
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL=sqlite:///:memory: $(BIN)/yifa makemigrations --check --dry-run

test-sqlite: install
	@echo "== 测试：SQLite =="
	DATABASE_URL=sqlite:///:memory: $(BIN)/pytest -n 2 -p no:cacheprovider

test-postgres: install
	@if DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python -m yifa.lib.pgcheck; then \
		echo "== 测试：PostgreSQL =="; \
		DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -n 2 -p no:cacheprovider; \
	elif [ -n "$$YIFA_REQUIRE_POSTGRES" ]; then \
		echo "PostgreSQL 不可达，但 YIFA_REQUIRE_POSTGRES 要求必须在 PostgreSQL 上测试" >&2; exit 1; \
	else echo "PostgreSQL 不可达：跳过 PostgreSQL 测试"; fi

# schemathesis over the whole API (with and without a token, >= 1,000 cases), in-process against the WSGI
# application: no server is started. On PostgreSQL when reachable (where NUL and big integers used to fail).
test-api: install
	@if DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/python -m yifa.lib.pgcheck; then \
		echo "== 接口模糊测试：schemathesis，PostgreSQL =="; \
		DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest tests/api_schema/fuzz_api.py -p no:cacheprovider -s; \
	else \
		echo "== 接口模糊测试：schemathesis，SQLite =="; \
		DATABASE_URL=sqlite:///:memory: $(BIN)/pytest tests/api_schema/fuzz_api.py -p no:cacheprovider -s; \
	fi

# make bench SCALE=100000 [DB=sqlite|postgresql|both] [BENCH_DATABASE_URL=postgres://…/yifa_bench]
# (the PostgreSQL database is dropped and created afresh); results kept in var/bench/, report in bench/report.md.
SCALE ?= 100000
DB ?= both
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/yifa_bench
bench: install
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/run.py --scale $(SCALE) --db $(DB) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var
