# The two commands a newcomer needs are `make run` and `make test`.
# Every other target is a step of those two, and each one is skipped
# when its work is already done.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make
# Optional dependency groups from pyproject.toml; the container image sets none.
EXTRAS ?= dev
# `make run PORT=8080` serves the site elsewhere; the links it emails follow.
PORT ?= 8000
SITE_URL := http://127.0.0.1:$(PORT)
# The full UK local authority register (mySociety, CC BY 4.0), so that any
# council can be chosen when signing up; README says how to refresh it.
REGISTER := signatories/data/uk_local_authorities.csv

.PHONY: run test lint format static migrate demo clean
.DEFAULT_GOAL := run

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalled only when the pinned dependencies change.
$(STAMPS)/python-deps: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".$(if $(EXTRAS),[$(EXTRAS)])"
	@mkdir -p $(STAMPS) && touch $@

# WeasyPrint draws /declaration.pdf with Pango and HarfBuzz from the system, and
# a font with metrics like Arial. Installed from Debian's packages where this
# runs as root with apt-get (CI, the container image); otherwise it says what to install.
PDF_LIBRARIES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-liberation
$(STAMPS)/pdf-libraries:
	@if ! ldconfig -p | grep -q libpangoft2-1.0 || ! fc-list | grep -qi "Liberation Sans"; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PDF_LIBRARIES); \
	  else \
	    echo "Install these system packages for the declaration's PDF: $(PDF_LIBRARIES)" >&2; exit 1; \
	  fi; \
	fi
	@mkdir -p $(STAMPS) && touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

static/build/application.css: node_modules/.package-lock.json $(wildcard static/src/*.scss) static/copy-assets.mjs
	npm run build

# --clear: files no longer shipped (GOV.UK's fonts and crest, once) leave
# staticfiles/ too, rather than staying there to be served.
$(STAMPS)/collectstatic: static/build/application.css $(shell find static/public -type f) $(STAMPS)/python-deps
	DEBUG=true $(BIN)/python manage.py collectstatic --noinput --clear --verbosity 0
	@touch $@

static: $(STAMPS)/collectstatic

migrate: $(STAMPS)/python-deps
	DEBUG=true $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=true $(BIN)/python manage.py import_organisations $(REGISTER)
	@# The demo sign-ups' emails are not worth printing: sent to nowhere as they are made.
	@# It also makes a staff account for each role, and prints their password.
	DEBUG=true SITE_URL=$(SITE_URL) EMAIL_URL=dummymail:// CELERY_TASK_ALWAYS_EAGER=true \
	  $(BIN)/python manage.py load_demo_content

# The site and, beside it, the worker that sends its email and runs its
# scheduled jobs (with its scheduler, --beat); the worker stops with the site.
run: static demo $(STAMPS)/pdf-libraries
	@mkdir -p .celery/queue .celery/control
	DEBUG=true SITE_URL=$(SITE_URL) $(BIN)/celery -A localdigital worker --beat --pool=solo --loglevel=INFO & \
	trap "kill $$! 2>/dev/null" EXIT INT TERM; \
	DEBUG=true SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMPS)/python-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMPS)/python-deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint static $(STAMPS)/pdf-libraries
	$(BIN)/python -m pytest --numprocesses=auto

clean:
	rm -rf $(VENV) $(STAMPS) node_modules staticfiles static/build
