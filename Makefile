# MISSA — `make run` serves the demo territory; `make test` runs every check CI runs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 >/dev/null 2>&1 && echo python3.13 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export MISSA_VAR_DIR ?= $(CURDIR)/var
# Keep tools' caches out of the repository.
export PYTHONPYCACHEPREFIX ?= $(CURDIR)/var/cache/pycache
export RUFF_CACHE_DIR ?= $(CURDIR)/var/cache/ruff

.PHONY: help install install-dev run dev test lint typecheck checks pytest browsers messages bench lighthouse clean

help:
	@echo "make run    install, migrate, load the demo territory and serve it on http://$(HOST):$(PORT)"
	@echo "make dev    the same with Django's autoreloading server and DEBUG on"
	@echo "make test   install test needs, then lint, type checks, checks and the whole suite"
	@echo "make bench  measure query counts, server times and throughput (see docs/performance.md)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 13), "MISSA needs Python 3.13 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed-base node_modules/.installed

install-dev: $(VENV)/.installed-dev node_modules/.installed

var:
	mkdir -p var

run: install var
	DJANGO_SETTINGS_MODULE=config.settings.local $(MANAGE) migrate --no-input -v 0
	DJANGO_SETTINGS_MODULE=config.settings.local $(MANAGE) load_demo
	DJANGO_SETTINGS_MODULE=config.settings.local $(MANAGE) collectstatic --no-input -v 0
	@echo "Serving MISSA on http://$(HOST):$(PORT)/ with its background worker (Ctrl+C to stop)"
	@# The worker delivers emails (and other background tasks) next to the web server.
	DJANGO_SETTINGS_MODULE=config.settings.local $(MANAGE) db_worker --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		DJANGO_SETTINGS_MODULE=config.settings.local MISSA_BIND=$(HOST):$(PORT) \
		$(BIN)/gunicorn -c config/gunicorn.conf.py config.wsgi

dev: install-dev var
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo
	$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

# Debian's Chromium drives the browser tests; Playwright never downloads a browser here.
browsers:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Install Debian's chromium package (sudo apt-get install chromium) for the browser tests."; exit 1; \
		fi; \
	fi

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy config missa bench

checks: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.prod SECRET_KEY=check-deploy-$$RANDOM$$RANDOM$$RANDOM-not-a-real-key-0123456789abcdef \
		ALLOWED_HOSTS=missa.example.org EMAIL_HOST=smtp.example.org $(MANAGE) check --deploy --fail-level WARNING

pytest: install-dev browsers
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck checks pytest

# Regenerate the translation catalogues (needs GNU gettext), then compile them.
messages: install-dev
	@command -v xgettext >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	$(MANAGE) makemessages -l fr -l en --no-obsolete --ignore=node_modules --ignore=.venv --ignore=var
	@# English is the source language of the strings: its catalogue repeats them (emptied
	@# first, so that a fuzzy match of msgmerge never leaves another string in place).
	msgattrib --clear-fuzzy --clear-previous missa/locale/en/LC_MESSAGES/django.po \
		| msgfilter --keep-header sed -e d | msgen --no-wrap - -o missa/locale/en/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

bench: install-dev
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Lighthouse on the served site (`make run` in another terminal, or LIGHTHOUSE_BASE=<url>).
lighthouse: install-dev browsers
	$(BIN)/python bench/lighthouse.py $(if $(LIGHTHOUSE_BASE),--base $(LIGHTHOUSE_BASE),)

clean:
	rm -rf var/cache var/static
