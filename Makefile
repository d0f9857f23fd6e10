# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Local runs are development runs; CI and production set their own environment.
export DJANGO_DEBUG ?= 1

.PHONY: run test e2e audit bench lint format install install-dev clean backup restore scale-check outdated messages compile-messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The interface's translations, compiled from the .po files beside them whenever one changes: compiled
# catalogues are build output, not kept in git (a binary file can't be merged; the .po is the one source).
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
locale/%.mo: locale/%.po | $(VENV)/.installed
	bash tools/install_gettext.sh
	$(BIN)/python manage.py compilemessages -v 0 --ignore .venv --ignore node_modules --ignore tools/node_modules
compile-messages: $(CATALOGUES)

# Extracts every string marked for translation into locale/es/LC_MESSAGES/django.po (the translations
# written are kept), then compiles it. Commit the .po; tests/test_translations.py fails until it is current.
messages: install
	bash tools/install_gettext.sh
	$(BIN)/python manage.py extract_messages

run: install compile-messages
	$(BIN)/python manage.py migrate --no-input
	@if [ "$$DJANGO_DEBUG" != "1" ]; then $(BIN)/python manage.py collectstatic --no-input -v 0; fi
	$(BIN)/python manage.py load_demo_content --site-url http://$(HOST):$(PORT)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev compile-messages
	bash tools/install_test_tools.sh
	bash tools/install_gettext.sh  # tests/test_translations.py extracts the catalogue afresh to compare
	$(BIN)/pytest $(PYTEST_ARGS)

e2e: install-dev compile-messages
	bash tools/install_browser_tools.sh
	$(BIN)/pytest tests/e2e -m e2e -p no:randomly $(PYTEST_ARGS)

audit: install-dev compile-messages
	bash tools/install_browser_tools.sh
	$(BIN)/python -m tools.audit --json audit-results/audit.json $(AUDIT_ARGS)

bench: install-dev compile-messages
	bash tools/install_bench_tools.sh
	$(BIN)/python -m tools.bench $(BENCH_ARGS)

# Database and media into one archive (backups/clinic-<time>.tar.gz, or TO=path); see the README.
backup: install
	$(BIN)/python manage.py backup $(if $(TO),--output "$(TO)")

# Replaces the database's content with FROM's and puts its media back.
restore: install
	@test -n "$(FROM)" || { echo "usage: make restore FROM=backups/clinic-<time>.tar.gz"; exit 2; }
	$(BIN)/python manage.py restore "$(FROM)" --yes

# Two gunicorn servers on PostgreSQL, Redis and a local S3 server: is every change seen by both at once?
scale-check: install-dev compile-messages
	$(BIN)/python -m tools.scale_check $(SCALE_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile
	$(BIN)/lint-imports
	git ls-files -z '*.py' | xargs -0 $(BIN)/django-upgrade --target-version 5.2
	$(BIN)/python manage.py makemigrations --check --dry-run

# What has a newer release than the pins: the venv (installed from requirements*.txt) and tools/'s Node
# packages. A report, not a check: it exits 0 either way. Dependabot proposes the updates (see the README).
outdated: install-dev
	@echo "Python packages with a newer release (requirements.txt, requirements-dev.txt and what they pull in):"
	@$(BIN)/pip list --outdated
	@echo
	@echo "Node tools with a newer release (tools/package.json):"
	@cd tools && { [ -d node_modules ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; } \
		&& { npm outdated || [ $$? -eq 1 ]; }

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .cache .import_linter_cache
