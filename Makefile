# Newsdesk: `make run` serves the demo site, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy
# Installed packages as bytecode: otherwise, where .pyc files cannot be written (read-only
# installs, PYTHONDONTWRITEBYTECODE), every worker compiles each module at start, which
# costs seconds and leaves megabytes of compiler garbage in its memory.
export UV_COMPILE_BYTECODE := 1

# Settings for the local production-like server that `make run` starts.
RUN_ENV := DJANGO_SETTINGS_MODULE=newsdesk.settings.production NEWSDESK_HTTPS=false \
	NEWSDESK_DEMO=true DJANGO_SECRET_KEY="$$(cat data/secret_key)"

.PHONY: run install install-dev system-test-deps lint test serve clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

install: $(UV)
	$(UV) sync --frozen --no-dev --inexact --quiet

install-dev: $(UV)
	$(UV) sync --frozen --inexact --quiet

data/secret_key:
	mkdir -p data
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > data/secret_key
	chmod 600 data/secret_key

run: install data/secret_key
	$(PY) -m compileall -q newsdesk
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(PY) manage.py migrate --noinput --verbosity 1
	$(RUN_ENV) $(PY) manage.py load_demo
	$(RUN_ENV) $(PY) manage.py social_links_demo
	PORT=$(PORT) $(RUN_ENV) scripts/serve.sh

# Debian packages the tests need: Chromium for Playwright, Java for the Nu HTML checker.
system-test-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@test -f tools/node_modules/vnu-jar/build/dist/vnu.jar || npm ci --prefix tools --no-audit --no-fund --loglevel=error

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(PY) manage.py check --fail-level WARNING
	@mkdir -p data  # the migration-history check opens the database there
	DJANGO_SETTINGS_MODULE=newsdesk.settings.test $(PY) manage.py makemigrations --check --dry-run

test: install-dev system-test-deps lint
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) staticfiles data/cache
